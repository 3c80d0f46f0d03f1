"""Network commands: `kg map` and `kg network stats|path|communities|export`."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from kg.network import EXPORT_FORMATS as FORMATS

if TYPE_CHECKING:  # networkx is imported by the commands that use it, not by every `kg` run
    import networkx as nx

VIEW_HELP = ("which part of the network: --types Union,Organization --predicates visits,serves "
             "--focus ENTITY --radius N --min-articles K --orgs")


def _csv(text: str) -> frozenset[str]:
    return frozenset(part.strip() for part in text.split(",") if part.strip())


def _view_parent() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    view = parent.add_argument_group("view", VIEW_HELP)
    view.add_argument("--types", type=_csv, default=frozenset(), metavar="T1,T2",
                      help="keep these entity types (Union, Organization, Person, Site, Place, Event, WorkerGroup)")
    view.add_argument("--predicates", type=_csv, default=frozenset(), metavar="P1,P2",
                      help="keep these facts (hosts, coOrganizes, visits, serves, holdsPosition, ...)")
    view.add_argument("--focus", metavar="ENTITY", help="keep the neighbourhood of this entity (label, alias or IRI)")
    view.add_argument("--radius", type=int, default=1, metavar="N", help="hops around --focus (default 1)")
    view.add_argument("--min-articles", type=int, default=1, metavar="K",
                      help="keep entities mentioned in at least K articles")
    view.add_argument("--orgs", action="store_true",
                      help="organisations only, linked when they share an event or a visit")
    return parent


def _parser(sub: Any, name: str, summary: str, example: str, parents: list[Any]) -> argparse.ArgumentParser:
    return sub.add_parser(name, help=summary, description=summary, epilog=f"example:\n{example}",
                          parents=parents, formatter_class=argparse.RawDescriptionHelpFormatter)


def register(sub: Any) -> None:
    view = _view_parent()
    p = _parser(sub, "map", "write the network as one HTML map that opens offline",
                "  kg map -o out/map.html\n  kg map -o union.html --focus 湖南省总工会 --radius 2 --lang en\n"
                "  kg map -o orgs.html --orgs", [view])
    p.add_argument("-o", "--output", metavar="FILE", default="map.html", help="HTML file (default map.html)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the page (default zh)")
    p.add_argument("--title", help="heading of the page")
    p.set_defaults(func=cmd_map)

    net = sub.add_parser("network", help="network analytics: stats, path, communities, export",
                         description="Network analytics on the store's entities and facts.")
    net_sub = net.add_subparsers(dest="network_command", metavar="SUBCOMMAND", required=True)
    p = _parser(net_sub, "stats", "entities per type, facts per relation, components, most central entities",
                "  kg network stats\n  kg network stats --orgs --top 5", [view])
    p.add_argument("--top", type=int, default=10, help="entities per centrality measure (default 10)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_stats)

    p = _parser(net_sub, "path", "how two entities are connected, each hop with its evidence",
                "  kg network path 龙建华 岳阳市总工会", [view])
    p.add_argument("source", metavar="A", help="entity label, alias or IRI")
    p.add_argument("target", metavar="B", help="entity label, alias or IRI")
    p.set_defaults(func=cmd_path)

    p = _parser(net_sub, "communities", "communities of the network (Louvain, fixed seed) with members",
                "  kg network communities\n  kg network communities --orgs --seed 1", [view])
    p.add_argument("--seed", type=int, default=42, help="random seed of Louvain (default 42)")
    p.add_argument("--min-size", type=int, default=2, help="list communities of at least this size (default 2)")
    p.set_defaults(func=cmd_communities)

    p = _parser(net_sub, "export", "write the network as GraphML, GEXF (Gephi) or node-link JSON",
                "  kg network export --format graphml -o out/network.graphml\n"
                "  kg network export --format json --orgs > orgs.json", [view])
    p.add_argument("--format", choices=FORMATS, required=True)
    p.add_argument("-o", "--output", metavar="FILE", help="file to write (default: standard output)")
    p.set_defaults(func=cmd_export)


def _network(args: argparse.Namespace) -> nx.MultiDiGraph:
    """The view of the store's network the options ask for."""
    from kg.graph.store import open_store
    from kg.network.projection import load_network
    from kg.network.views import ViewOptions, apply_view

    options = ViewOptions(types=args.types, predicates=args.predicates, focus=args.focus,
                          radius=args.radius, min_articles=args.min_articles, organisations_only=args.orgs)
    with open_store(args.store, read_only=True) as store:
        graph = load_network(store)
    return apply_view(graph, options)


def _name(graph: nx.MultiDiGraph, node: str) -> str:
    data = graph.nodes[node]
    return f"{data['label']} [{data['type']}]"


def cmd_map(args: argparse.Namespace) -> int:
    from kg.network.render import check_size, write_map

    graph = _network(args)
    hubs = sorted(graph, key=lambda n: (-graph.degree(n), graph.nodes[n]["label"]))[:3]
    check_size(graph, [graph.nodes[n]["label"] for n in hubs])
    out = write_map(graph, args.output, lang=args.lang, title=args.title)
    print(f"map: {graph.number_of_nodes()} entities, {graph.number_of_edges()} facts -> {out}")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from kg.network.analytics import network_stats

    graph = _network(args)
    stats = network_stats(graph, top=args.top)
    if args.format == "json":
        payload = dict(vars(stats))
        payload["central"] = {m: [{"entity": n, "label": graph.nodes[n]["label"], "score": s} for n, s in ranked]
                              for m, ranked in stats.central.items()}
        print(json.dumps(payload, ensure_ascii=False, indent=1))
        return 0
    print(f"entities: {stats.nodes}   facts: {stats.edges}   "
          f"components: {stats.components} (largest {stats.largest_component})")
    print("entities per type: " + ", ".join(f"{t} {c}" for t, c in stats.nodes_by_type.items()))
    print("facts per relation: " + ", ".join(f"{p} {c}" for p, c in stats.edges_by_predicate.items()))
    for measure, ranked in stats.central.items():
        print(f"\nmost central by {measure}:")
        for node, score in ranked:
            shown = f"{score:.0f}" if measure == "degree" else f"{score:.4f}"
            print(f"  {shown:>8}  {_name(graph, node)}")
    return 0


def cmd_path(args: argparse.Namespace) -> int:
    from kg.network.analytics import connection
    from kg.network.resolve import find_entity

    graph = _network(args)
    a, b = find_entity(graph, args.source), find_entity(graph, args.target)
    hops = connection(graph, a, b)
    print(f"{graph.nodes[a]['label']} -> {graph.nodes[b]['label']}: {len(hops)} hop(s)")
    for number, hop in enumerate(hops, 1):
        print(f"{number}. {_name(graph, hop.subject)} --{hop.predicate}--> {_name(graph, hop.object)}")
        for item in hop.evidence[:3]:
            print(f"     「{item['text']}」 — {item['headline'] or '(no headline)'} <{item['article']}>")
    return 0


def cmd_communities(args: argparse.Namespace) -> int:
    from kg.network.analytics import communities

    graph = _network(args)
    found = communities(graph, seed=args.seed)
    shown = [c for c in found if len(c) >= args.min_size]
    print(f"{len(found)} communities (Louvain, seed {args.seed}); {len(shown)} with {args.min_size}+ members")
    for number, members in enumerate(shown, 1):
        print(f"\n{number}. {len(members)} members")
        print("   " + "、".join(_name(graph, n) for n in members))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from kg.network.export import export_network, write_network

    graph = _network(args)
    if args.output:
        out = export_network(graph, args.format, args.output)
        print(f"network: {graph.number_of_nodes()} entities, {graph.number_of_edges()} facts -> {out}",
              file=sys.stderr)
    else:
        write_network(graph, args.format, sys.stdout.buffer)
        sys.stdout.flush()
    return 0
