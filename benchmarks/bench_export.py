"""`kg export` time and peak memory at several store sizes, embedded and server.

Sizes: BENCH_TRIPLES (default 10k,100k,1M) for the embedded store (cached bulk-loaded
synthetic stores); the server (the same store served read-only by `oxigraph serve`; kg
reads the whole dataset in one GSP GET and serialises a local copy) up to
BENCH_EXPORT_SERVER_MAX triples (default 1M). Formats: BENCH_EXPORT_FORMATS (default
turtle,nquads; the server only the first).
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

from common import KG, emit, human, log, oxigraph_server, prepared_store, run_measured, sizes


def export(store: str, fmt: str, size: str, backend: str, out_dir: Path) -> None:
    out = out_dir / f"export.{fmt}"
    seconds, peak, code = run_measured([str(KG), "--store", store, "export", "--format", fmt, "-o", str(out)],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if code != 0:
        emit("export", size, f"kg export {fmt}", float("nan"), "s", f"{backend}: failed with exit {code}")
        return
    megabytes = out.stat().st_size / 1e6
    emit("export", size, f"kg export {fmt}", round(seconds, 2), "s", f"{backend}, {megabytes:.1f} MB written")
    emit("export", size, f"kg export {fmt} peak memory", round(peak), "MB", backend)
    out.unlink()


def main() -> None:
    formats = os.environ.get("BENCH_EXPORT_FORMATS", "turtle,nquads").split(",")
    server_max = sizes("export_server_max", "1M")[0]
    for n in sizes("triples", "10k,100k,1M"):
        location = prepared_store(n)
        size = f"{human(n)} triples"
        with tempfile.TemporaryDirectory(prefix="kg-bench-export-") as tmp:
            for fmt in formats:
                log(f"kg export {fmt} at {size} (embedded)")
                export(str(location), fmt, size, "embedded", Path(tmp))
            if n > server_max:
                continue
            with oxigraph_server(location, read_only=True) as (url, _pid):
                for fmt in formats[:1]:
                    log(f"kg export {fmt} at {size} (server)")
                    export(url, fmt, size, "Oxigraph server", Path(tmp))


if __name__ == "__main__":
    main()
