"""Shared helpers of the benchmark scripts: sizes from the environment, timing, and the result line."""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
RESULTS_DIR = BENCH_DIR / "results"
CACHE_DIR = RESULTS_DIR / "cache"          # generated corpora, reused between runs
sys.path.insert(0, str(BENCH_DIR))


def sizes(name: str, default: str) -> list[int]:
    """Sizes from env BENCH_<NAME> (comma-separated, k/M suffixes allowed), else the default."""
    raw = os.environ.get(f"BENCH_{name.upper()}", default)
    out = []
    for item in raw.split(","):
        item = item.strip().lower()
        factor = 1_000_000 if item.endswith("m") else 1000 if item.endswith("k") else 1
        out.append(int(float(item.rstrip("km")) * factor))
    return out


def emit(bench: str, size: str, figure: str, value: float, unit: str, note: str = "") -> None:
    """One measured figure, as a JSON line on stdout that benchmarks/run.py collects."""
    print(json.dumps({"bench": bench, "size": size, "figure": figure, "value": value,
                      "unit": unit, "note": note}, ensure_ascii=False), flush=True)


@contextmanager
def stopwatch() -> Iterator[Callable[[], float]]:
    """`with stopwatch() as elapsed: ...; elapsed()` -> seconds since the block began."""
    start = time.perf_counter()
    end: list[float] = []
    yield lambda: (end[0] if end else time.perf_counter()) - start
    end.append(time.perf_counter())


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux ru_maxrss is in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def human(n: int) -> str:
    for factor, suffix in ((1_000_000, "M"), (1000, "k")):
        if n >= factor and n % (factor // 10) == 0:
            return f"{n / factor:g}{suffix}"
    return str(n)


def log(*parts: Any) -> None:
    print(*parts, file=sys.stderr, flush=True)


def nquads_file(n_triples: int, seed: int = 1) -> Path:
    """A cached N-Quads file of synthetic article graphs with about n_triples triples."""
    from synth import write_nquads

    path = CACHE_DIR / f"synth-{seed}-{n_triples}.nq"
    if not path.exists():
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        log(f"generating {path.name} ...")
        partial = path.with_suffix(".part")
        write_nquads(partial, n_triples, seed)
        partial.rename(path)
    return path


def prepared_store(n_triples: int, seed: int = 1) -> Path:
    """A cached embedded store directory holding nquads_file(n_triples), made by bulk load."""
    import pyoxigraph as ox

    path = CACHE_DIR / f"store-{seed}-{n_triples}"
    if not (path / "READY").exists():
        import shutil

        shutil.rmtree(path, ignore_errors=True)
        source = nquads_file(n_triples, seed)
        log(f"bulk loading {source.name} into {path.name} ...")
        store = ox.Store(str(path))
        store.bulk_load(path=str(source), format=ox.RdfFormat.N_QUADS)
        store.flush()
        del store
        (path / "READY").write_text("")
    return path


def count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for _ in handle)


def first_union_label(seed: int = 1) -> str:
    """An entity every synthetic store holds (the first article's union): the argument of named queries."""
    from synth import synth_extractions

    ex = next(synth_extractions(1, seed))
    return next(e.label for e in ex.entities if e.type == "Union")


@contextmanager
def oxigraph_server(location: Path, read_only: bool = False) -> Iterator[tuple[str, int]]:
    """An Oxigraph server on a free loopback port: yields (sparql+http store URL, server pid)."""
    import socket
    import subprocess
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    binary = Path(sys.executable).with_name("oxigraph")
    command = "serve-read-only" if read_only else "serve"
    proc = subprocess.Popen([str(binary), command, "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                if proc.poll() is not None:
                    raise RuntimeError(f"oxigraph {command} exited with {proc.returncode}") from None
                time.sleep(0.1)
        yield f"sparql+{url}/", proc.pid
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def process_peak_mb(pid: int) -> float:
    """Peak resident memory (VmHWM) of a running process, e.g. the Oxigraph server."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run_measured(argv: list[str], **popen_args: Any) -> tuple[float, float, int]:
    """Run a command; (seconds, its own peak memory in MB, exit code), via wait4's rusage."""
    import os
    import subprocess

    start = time.perf_counter()
    proc = subprocess.Popen(argv, **popen_args)
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, proc.returncode


KG = Path(sys.executable).with_name("kg")
