"""Store commands: ingest, load, query, export, stats, validate, remove."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.graph.store import QueryResult, Store, open_store

EXPORT_FORMATS = ("turtle", "trig", "nt", "nquads", "jsonld")
TABLE_PAGE = 50   # rows a table shows by default: a screenful, and the engine may stop early


def _parser(sub: Any, name: str, summary: str, example: str) -> argparse.ArgumentParser:
    return sub.add_parser(name, help=summary, description=summary, epilog=f"example:\n{example}",
                          formatter_class=argparse.RawDescriptionHelpFormatter)


def register(sub: Any) -> None:
    p = _parser(sub, "ingest", "read, extract and store articles (files or folders of .txt .html .jsonl)",
                "  kg ingest data/sample/\n  kg --store /tmp/kg ingest page.txt news.jsonl --jobs 2\n"
                "Files that cannot be read are skipped and listed in the summary; the exit status\n"
                "is 0 when at least one article was stored, 2 when nothing could be.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    p.add_argument("--jobs", type=int, default=1, help="extraction worker processes (default 1)")
    p.add_argument("-v", "--verbose", action="store_true",
                   help="print `stored IRI N triples` as each article is committed to the store")
    p.set_defaults(func=cmd_ingest)

    p = _parser(sub, "load", "put the article graphs of an N-Quads or TriG file (e.g. another store's "
                "kg export) into the store, each graph replaced whole",
                "  kg --store other-store export --format nquads -o kg.nq\n  kg load kg.nq\n"
                "  kg --store sparql+http://localhost:7878/ load kg.trig\n"
                "The whole file is checked first: a syntax error, a triple outside an article graph\n"
                "or a graph split in two places stops the load before anything is written.")
    p.add_argument("file", metavar="FILE", help=".nq/.nquads or .trig file")
    p.add_argument("--format", choices=("nquads", "trig"), help="default: from the file's suffix")
    p.add_argument("--batch-triples", type=int, default=200_000, metavar="N",
                   help="embedded store: new graphs are committed together up to about N triples "
                        "(default 200000; 1 commits each graph alone)")
    p.add_argument("-v", "--verbose", action="store_true",
                   help="print `loaded IRI N triples` for each graph once its commit is done")
    p.set_defaults(func=cmd_load)

    p = _parser(sub, "query", "run a named query, a .rq file or SPARQL text (read-only)",
                "  kg query                       # list the named queries\n"
                "  kg query who-visited-where\n"
                "  kg query about 湖南省总工会 --format csv\n"
                "  kg query my.rq\n"
                "  kg query --sparql 'SELECT DISTINCT ?s WHERE { ?s a <https://union-kg.org/ontology#Union> }'\n"
                "  kg query entities --offset 50            # the next page of the table\n"
                "  kg query who-visited-where --format csv > visits.csv   # every row\n"
                f"A table shows the first {TABLE_PAGE} rows unless --limit N or --all; csv and json give\n"
                "every row unless --limit N. Pages follow the query's order, which on a large store\n"
                "means producing and sorting every row first; --unsorted takes the store's order\n"
                "and stops after the page.\n"
                "The default graph is the union of the article graphs: a triple two articles state\n"
                "matches once per article, so use DISTINCT; GRAPH ?g gives the article.")
    p.add_argument("name", nargs="?", metavar="NAME|FILE.rq", help="a named query or a SPARQL file")
    p.add_argument("args", nargs="*", metavar="ARG", help="the query's parameters (e.g. ENTITY for about)")
    p.add_argument("--sparql", metavar="TEXT", help="SPARQL query text instead of NAME")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("--full", action="store_true", help="table: do not shorten long cells")
    p.add_argument("--limit", type=int, metavar="N",
                   help=f"at most N rows (default: {TABLE_PAGE} for a table, every row for csv and json)")
    p.add_argument("--offset", type=int, default=0, metavar="M", help="skip the first M rows (next pages)")
    p.add_argument("--all", action="store_true", help="every row, also in a table")
    p.add_argument("--unsorted", action="store_true",
                   help="rows in the store's order, not the query's: a page then costs only its rows "
                        "(on a large store the first screen in milliseconds, not seconds)")
    p.set_defaults(func=cmd_query)

    p = _parser(sub, "export", "write the store as RDF; turtle and nt hold the union of the article "
                "graphs, trig, nquads and jsonld keep one named graph per article",
                "  kg export --format turtle -o out/union-kg.ttl\n  kg export --format jsonld > kg.jsonld")
    p.add_argument("--format", choices=EXPORT_FORMATS, default="turtle")
    p.add_argument("-o", "--output", metavar="FILE", help="file to write (default: standard output)")
    p.set_defaults(func=cmd_export)

    p = _parser(sub, "stats", "count articles, entities per type and facts per relation", "  kg stats")
    p.set_defaults(func=cmd_stats)

    p = _parser(sub, "validate", "check the stored graph against the SHACL shapes (exit 1 if it does not conform)",
                "  kg validate\n  kg validate --max 200")
    p.add_argument("--max", type=int, default=50, help="violations to print (default 50)")
    p.set_defaults(func=cmd_validate)

    p = _parser(sub, "remove", "remove articles (their facts, and entities no other article mentions)",
                "  kg remove https://union-kg.org/id/article/3f2a9c0d1b2e4f56\n"
                "  kg remove 3f2a9c0d1b2e4f56          # the key alone\n"
                "  kg remove data/sample/page.txt      # every article read from that file\n"
                "(kg query articles lists them)")
    p.add_argument("articles", nargs="+", metavar="ARTICLE", help="article IRI, its key, or a source file")
    p.set_defaults(func=cmd_remove)


# ---------------------------------------------------------------- ingest
def _articles(paths: list[Path], skipped: list[str]) -> Iterator[Any]:
    from kg.reading import read_path

    for path in paths:
        problems: list[str] = []
        try:
            articles = read_path(path, problems)
        except KgError as exc:
            skipped.append(exc.message)
            articles = []
        skipped.extend(problems)
        yield from articles


def cmd_ingest(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from kg.graph.ingest import IngestSummary, ingest_extraction
    from kg.graph.iris import article_iri

    if args.jobs < 1:
        raise KgError(f"--jobs {args.jobs}: give 1 or more worker processes")
    try:
        from kg.extract import extract
        from kg.reading import iter_paths
    except ImportError as exc:
        raise KgError(f"ingest needs the reader and extractor, which are not installed: {exc}", 1) from exc
    paths = list(iter_paths(args.paths))
    if not paths:
        raise KgError(f"{' '.join(args.paths)}: no .txt, .html or .jsonl files found")
    summary = IngestSummary(files=len(paths))
    with open_store(args.store) as store, \
            tqdm(total=len(paths), unit="file", file=sys.stderr, disable=not sys.stderr.isatty()) as bar:
        current = ""
        # The reader runs ahead of the batching extractor, so the bar follows what is stored:
        # an article from file k means the k files before it are done.
        files_before = {str(path): k for k, path in enumerate(paths)}
        try:
            for ex in extract(_articles(paths, summary.skipped), jobs=args.jobs):
                current = ex.article.source
                before = summary.triples
                ingest_extraction(store, ex, summary)
                bar.update(max(files_before.get(current, 0) - bar.n, 0))
                if args.verbose:  # after the commit: a crash later never loses an article reported here
                    print(f"stored {article_iri(ex.article)} {summary.triples - before} triples", flush=True)
        except KgError:
            _print_summary(summary)
            raise
        except (MemoryError, KeyboardInterrupt, OSError):
            _print_summary(summary)
            raise
        except Exception as exc:  # an extractor bug must not cost what is already stored
            _print_summary(summary)
            raise KgError(f"extraction failed after {current or 'the start'}: {type(exc).__name__}: {exc}; "
                          "the articles before it are stored", 1) from exc
        bar.update(len(paths) - bar.n)
    _print_summary(summary)
    print(f"store: {args.store}")
    if summary.articles == 0:  # a batch with some bad files is fine; storing nothing at all is not
        why = summary.skipped[0] if summary.skipped else f"no articles found in {' '.join(args.paths)}"
        more = f" (and {len(summary.skipped) - 1} more skipped)" if len(summary.skipped) > 1 else ""
        raise KgError(f"nothing stored: {why}{more}")
    return 0


def _print_summary(summary: Any) -> None:
    print("\n".join(summary.lines()))


# ---------------------------------------------------------------- load
def cmd_load(args: argparse.Namespace) -> int:
    from kg.graph.load import file_format, load_file
    from kg.graph.store import Stored

    path = Path(args.file)
    if not path.is_file():
        raise KgError(f"{path}: no such file" if not path.exists() else f"{path}: not a file")
    fmt = file_format(path, args.format)
    if args.batch_triples < 1:
        raise KgError(f"--batch-triples {args.batch_triples}: give 1 or more")

    def report(committed: list[Stored]) -> None:
        if args.verbose:  # after the commit: a crash later never loses a graph reported here
            print("\n".join(f"loaded {iri} {n} triples" for iri, n in committed), flush=True)

    summary = load_file(args.store, path, fmt, args.batch_triples, report)
    print(summary.line())
    print(f"store: {args.store}")
    return 0


# ---------------------------------------------------------------- query
def _query_text(args: argparse.Namespace) -> tuple[str, Any]:
    """(name, query): a NamedQuery, a .rq file's text, or --sparql text; parameters not yet bound."""
    from kg.graph.named_queries import get_query, named_queries

    if args.sparql is not None:
        if args.name:
            raise KgError("give either NAME/FILE.rq or --sparql, not both")
        return "--sparql", args.sparql
    if args.name.endswith(".rq") or (args.name not in named_queries() and Path(args.name).is_file()):
        path = Path(args.name)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise KgError(f"{args.name}: cannot read the query file ({exc.__class__.__name__})") from exc
        return args.name, text
    return args.name, get_query(args.name)


def _page_size(args: argparse.Namespace) -> int | None:
    """Rows to ask for: --limit, else a screenful for a table, else all (None)."""
    if args.limit is not None and args.limit < 1:
        raise KgError(f"--limit {args.limit}: give 1 or more rows (or --all)")
    if args.offset < 0:
        raise KgError(f"--offset {args.offset}: give 0 or more rows")
    if args.all:
        if args.limit is not None:
            raise KgError("give either --limit or --all, not both")
        return None
    return args.limit if args.limit is not None else TABLE_PAGE if args.format == "table" else None


def _list_queries() -> int:
    from kg.graph.named_queries import named_queries

    for name, q in named_queries().items():
        params = " " + " ".join(q.params) if q.params else ""
        print(f"{name}{params}\n    {q.summary}")
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    from kg.graph.named_queries import bind_params, is_paged, page, run, run_csv, unordered
    from kg.graph.results import FORMATTERS, to_table
    from kg.graph.sparql_guard import ensure_read_only

    if args.name is None and args.sparql is None:
        return _list_queries()
    name, query = _query_text(args)
    limit = _page_size(args)
    raw = query if isinstance(query, str) and args.sparql is not None else bind_params(query, args.args, name)
    ensure_read_only(raw)
    if args.limit is None and not args.offset and is_paged(raw):
        limit = None  # the query pages itself; only an explicit --limit/--offset is refused
    # A table asks for one row more than it shows, to say whether there are more.
    ask = limit + 1 if limit is not None and args.format == "table" else limit
    with open_store(args.store, read_only=True) as store:
        if args.sparql is not None:
            result = store.query(page(raw if not args.unsorted else unordered(raw), ask, args.offset, name))
        elif args.format == "csv":  # a listing's kept CSV lines when the store keeps them
            sys.stdout.write(run_csv(store, query, args.args, name, ask, args.offset, ordered=not args.unsorted))
            return 0
        else:
            result = run(store, query, args.args, name, ask, args.offset, ordered=not args.unsorted)
    if args.format != "table":
        sys.stdout.write(FORMATTERS[args.format](result))
        return 0
    more = limit is not None and len(result.rows) > limit
    if more:
        result.rows = result.rows[:limit]
    sys.stdout.write(to_table(result, None if args.full else 60, _page_note(result, args, more)))
    return 0


def _page_note(result: QueryResult, args: argparse.Namespace, more: bool) -> str | None:
    """The table's last line when it shows one page of a longer answer."""
    if not more and not args.offset:
        return None
    first, last = args.offset + 1, args.offset + len(result.rows)
    shown = f"rows {first}-{last}" if result.rows else f"no rows after row {args.offset}"
    if not more:
        return f"({shown}, the last)"
    return f"({shown}; more: --offset {last}; every row: --all or --format csv)"


# ---------------------------------------------------------------- export
def cmd_export(args: argparse.Namespace) -> int:
    from kg.graph.export import write_export

    with open_store(args.store, read_only=True) as store:
        size = write_export(store, args.format, args.output)
    if args.output not in (None, "-"):
        print(f"wrote {args.output} ({args.format}, {size:,} bytes)", file=sys.stderr)
    return 0


# ---------------------------------------------------------------- stats
def _run_named(store: Store, name: str) -> QueryResult:
    from kg.graph.named_queries import get_query, run

    return run(store, get_query(name), [], name)  # from the store's listing views when it keeps them


def cmd_stats(args: argparse.Namespace) -> int:
    from kg.graph.results import to_table

    with open_store(args.store, read_only=True) as store:
        articles = len(store.article_iris())
        entities = _run_named(store, "stats-entities")
        facts = _run_named(store, "stats-facts")
        views = store.listing_state()
    total_entities = sum(int(str(r["entities"])) for r in entities.rows)
    print(f"store: {args.store}\narticles: {articles}\nentities: {total_entities}")
    print(f"listing views: {views}\n" if views else "")
    sys.stdout.write(to_table(entities))
    print()
    sys.stdout.write(to_table(facts))
    return 0


# ---------------------------------------------------------------- validate
def cmd_validate(args: argparse.Namespace) -> int:
    from kg.graph.validate import store_graph, validate_graph

    with open_store(args.store, read_only=True) as store:
        data = store_graph(store)
    report = validate_graph(data)
    if report.conforms:
        print(f"conforms: {len(data):,} triples checked against ontology/shapes.ttl")
        return 0
    for violation in report.violations[: max(args.max, 0)]:
        print(violation)
    more = len(report.violations) - max(args.max, 0)
    if more > 0:
        print(f"... and {more} more (--max to see them)")
    print(f"does not conform: {len(report.violations)} violation(s) in {len(data):,} triples")
    return 1


# ---------------------------------------------------------------- remove
def _resolve_articles(store: Store, given: str) -> list[str]:
    from kg.graph.vocab import ID_BASE

    iris = store.article_iris()
    if given in iris:
        return [given]
    by_key = [i for i in iris if i == f"{ID_BASE}article/{given}"]
    if by_key:
        return by_key
    from rdflib import Literal

    rows = store.query("PREFIX ukg: <https://union-kg.org/ontology#> SELECT DISTINCT ?a WHERE { "
                       f"?a ukg:sourceFile {Literal(given).n3()} }}").rows
    return sorted(str(r["a"]) for r in rows)


def cmd_remove(args: argparse.Namespace) -> int:
    if "://" not in args.store and not Path(args.store).is_dir():  # do not create an empty store
        raise KgError(f"store {args.store} does not exist; nothing to remove (pass --store DIR)", 3)
    with open_store(args.store) as store:
        targets: list[str] = []
        for given in args.articles:
            found = _resolve_articles(store, given)
            if not found:
                raise KgError(f"{given}: no such article in store {args.store} "
                              "(give an IRI or key from `kg query articles`, or a source file)")
            targets += [t for t in found if t not in targets]
        for iri in targets:
            store.remove_article(iri)
            print(f"removed {iri}")
    return 0
