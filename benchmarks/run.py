"""`make bench`: run every benchmarks/bench_*.py, then print one markdown table with the machine.

Each bench script runs in its own process (so peak memory is its own) and reports
figures as JSON lines on stdout, one per figure:
    {"bench": "ingest", "size": "10k", "figure": "throughput", "value": 812.5,
     "unit": "articles/s", "note": "embedded"}
(`benchmarks/common.py: emit()` writes them). Other stdout lines are progress and
go to the log. Sizes are set by env BENCH_* variables (see each script) or
`--quick` for a smoke run. The table is also written to benchmarks/results/latest.md.

    python benchmarks/run.py [--quick] [--only NAME ...] [--timeout SECONDS]
    python benchmarks/run.py --readme-only      # put results/latest.md into README.md
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
RESULTS_DIR = BENCH_DIR / "results"
README = BENCH_DIR.parent / "README.md"
# The README's figures live between these markers (first time: in place of a FIGURES line).
README_START, README_END = "<!-- bench:start -->", "<!-- bench:end -->"

# Small sizes for a smoke run (`--quick`): every script runs, in about a minute.
QUICK_SIZES = {
    "BENCH_ARTICLES": "200,400",
    "BENCH_TRIPLES": "5k,20k",
    "BENCH_LOAD_TRIPLES": "20k",
    "BENCH_EXTRACT_ARTICLES": "50",
    "BENCH_MAP_NODES": "200",
    "BENCH_READ_MB": "1",
}


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        kib = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                       if line.startswith("MemTotal")))
        ram = f"{kib / 1024 / 1024:.1f} GiB RAM"
    except (OSError, StopIteration, ValueError):
        ram = "RAM unknown"
    return f"{os.cpu_count()} cores (nproc {len(os.sched_getaffinity(0))}), {cpu}, {ram}, " \
           f"Python {platform.python_version()}, {platform.system()} {platform.release()}"


def run_script(script: Path, env: dict[str, str], timeout: float, log: Path) -> tuple[list[dict], str]:
    """Run one bench script; returns its figures and a status word (ok, failed N, timeout)."""
    figures: list[dict] = []
    with log.open("a", encoding="utf-8") as log_file:
        log_file.write(f"\n=== {script.name} ===\n")
        log_file.flush()
        try:
            proc = subprocess.run([sys.executable, str(script)], check=False, env=env, stdout=subprocess.PIPE,
                                  stderr=log_file, text=True, timeout=timeout, cwd=BENCH_DIR.parent)
            stdout, status = proc.stdout, "ok" if proc.returncode == 0 else f"failed ({proc.returncode})"
        except subprocess.TimeoutExpired as exc:
            stdout = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
            status = f"timeout after {timeout:g} s"
        for line in stdout.splitlines():
            try:
                item = json.loads(line)
            except ValueError:
                item = None
            if isinstance(item, dict) and {"figure", "value"} <= item.keys():
                figures.append(item)
            else:
                log_file.write(line + "\n")
    return figures, status


def fmt_value(value: object) -> str:
    if isinstance(value, float) and math.isnan(value):  # NaN: the figure was not measured (see note)
        return "–"
    if isinstance(value, float):
        return f"{value:,.3g}" if abs(value) < 100 else f"{value:,.0f}"
    return str(value)


def table(rows: list[tuple[str, dict]], statuses: dict[str, str], elapsed: float) -> str:
    lines = [
        "# union-kg benchmarks",
        "",
        f"Machine: {machine()}  ",
        f"Run: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {elapsed / 60:.1f} min in all",
        "",
        "| benchmark | size | figure | value | unit | note |",
        "|---|---|---|---:|---|---|",
    ]
    for script, item in rows:
        lines.append(f"| {item.get('bench', script)} | {item.get('size', '')} | {item['figure']} | "
                     f"{fmt_value(item['value'])} | {item.get('unit', '')} | {item.get('note', '')} |")
    lines += ["", "| script | status |", "|---|---|"]
    lines += [f"| {name} | {status} |" for name, status in statuses.items()]
    return "\n".join(lines) + "\n"


def update_readme(report: str, readme: Path = README) -> None:
    """Replace the README's figures with the report (its title dropped), between the markers."""
    body = report.split("\n", 2)[2].strip()  # without "# union-kg benchmarks" and its blank line
    block = f"{README_START}\n{body}\n\nRegenerate with `make bench` (or `python benchmarks/run.py`).\n{README_END}"
    text = readme.read_text(encoding="utf-8")
    if README_START in text and README_END in text:
        head, rest = text.split(README_START, 1)
        text = head + block + rest.split(README_END, 1)[1]
    elif "\nFIGURES\n" in text + "\n":
        text = (text + "\n").replace("\nFIGURES\n", f"\n{block}\n", 1).rstrip("\n") + "\n"
    else:
        print(f"{readme}: no {README_START} markers or FIGURES line; README left as it is", file=sys.stderr)
        return
    readme.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="tiny sizes: checks every script runs")
    parser.add_argument("--only", nargs="*", default=None, help="names of scripts, e.g. query ingest")
    parser.add_argument("--timeout", type=float, default=900, help="seconds per script")
    parser.add_argument("--no-readme", action="store_true", help="do not put the table into README.md")
    parser.add_argument("--readme-only", action="store_true", help="put results/latest.md into README.md, run nothing")
    args = parser.parse_args(argv)
    if args.readme_only:
        update_readme((RESULTS_DIR / "latest.md").read_text(encoding="utf-8"))
        return 0
    env = dict(os.environ)
    if args.quick:
        env = {**QUICK_SIZES, **env}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(BENCH_DIR), env.get("PYTHONPATH")]))
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    log = RESULTS_DIR / "latest.log"
    log.write_text("")
    scripts = sorted(BENCH_DIR.glob("bench_*.py"))
    if args.only:
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in args.only]
    rows: list[tuple[str, dict]] = []
    statuses: dict[str, str] = {}
    start = time.perf_counter()
    for script in scripts:
        print(f"running {script.name} ...", file=sys.stderr, flush=True)
        figures, statuses[script.name] = run_script(script, env, args.timeout, log)
        rows += [(script.stem.removeprefix("bench_"), item) for item in figures]
    report = table(rows, statuses, time.perf_counter() - start)
    (RESULTS_DIR / "latest.md").write_text(report, encoding="utf-8")
    if not (args.quick or args.only or args.no_readme):  # only a full run speaks for the README
        update_readme(report)
    print(report)
    print(f"(log: {log})", file=sys.stderr)
    return 0 if all(s == "ok" for s in statuses.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
