"""Bad inputs written for these tests, a small seeded store, and how to run `kg` and judge its failure."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

KG = Path(sys.executable).with_name("kg")

# Our own union-news lines (no seed text), in the encodings a reader meets without a declaration.
SIMPLIFIED = ("青川区总工会慰问环卫工人\n"
              "青川区总工会副主席林晓红带队走访青川区户外劳动者驿站，为环卫工人送去慰问品。\n（记者 何明）\n")
TRADITIONAL = "台川市總工會慰問外送員\n台川市總工會理事長陳志明前往松原區勞工服務中心，為外送員送上熱飲。\n"
JSONL_GOOD = ('{"title": "金桥区总工会开展送清凉活动", "text": "金桥区总工会为一线职工送去清凉物品。"}',
              '{"title": "玉川区工会驿站开放", "text": "玉川区总工会在玉川区建成户外劳动者驿站，面向快递员提供休息服务。"}')


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]


def run_kg(*args: str, store: Path | str | None = None, timeout: float = 180,
           fsize_limit: int | None = None, stdout_path: str | None = None) -> Result:
    """Run .venv/bin/kg; `fsize_limit` caps file size (a write past it fails: a full disk)."""
    argv = [str(KG)] + (["--store", str(store)] if store is not None else []) + list(args)
    env = {k: v for k, v in os.environ.items() if k != "KG_STORE"}

    def limit() -> None:
        if fsize_limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize_limit, fsize_limit))

    out_handle = open(stdout_path, "wb") if stdout_path else subprocess.PIPE  # noqa: SIM115
    try:
        proc = subprocess.run(argv, stdout=out_handle, stderr=subprocess.PIPE, env=env, timeout=timeout,
                              preexec_fn=limit, check=False)
    finally:
        if stdout_path:
            out_handle.close()  # type: ignore[union-attr]
    out = proc.stdout.decode("utf-8", "replace") if proc.stdout else ""
    return Result(proc.returncode, out, proc.stderr.decode("utf-8", "replace"))


def assert_clean_failure(result: Result, *names: str) -> None:
    """Non-zero exit, no traceback, and one stderr line that names what went wrong."""
    assert result.code != 0, f"exit 0 for a bad input; stdout={result.out[-300:]!r} stderr={result.err!r}"
    assert "Traceback" not in result.out + result.err, result.err
    assert len(result.err_lines) == 1, f"expected one line on stderr, got: {result.err!r}"
    for name in names:
        assert name in result.err_lines[0], f"{name!r} not named in {result.err_lines[0]!r}"


def snapshot(store: Path) -> set[str]:
    """Every quad in an embedded store, as N-Quads lines (opened read-only, then let go)."""
    import pyoxigraph as ox

    opened = ox.Store.read_only(str(store))
    quads = {str(q) for q in opened}
    del opened
    return quads


@pytest.fixture(scope="session")
def bad_inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bad-inputs")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    line = "工会开展送温暖活动，为环卫工人送去慰问品。" * 400 + "\n"
    with (folder / "huge.txt").open("w", encoding="utf-8") as handle:  # 50 MB
        for _ in range(50 * 1024 * 1024 // len(line.encode()) + 1):
            handle.write(line)
    (folder / "invalid-utf8.txt").write_bytes("市总工会开展送温暖活动。".encode() + b"\xff\xfe\xc3\x28\x80\x81"
                                              + "为环卫工人送去慰问品。".encode())
    (folder / "gbk.txt").write_bytes(SIMPLIFIED.encode("gbk"))
    (folder / "big5.txt").write_bytes(TRADITIONAL.encode("big5"))
    (folder / "malformed.html").write_text(
        "<html><head><title>石港区总工会举办职工运动会</title><body><div><p>石港区总工会在石港区体育馆举办"
        "职工运动会<b>，<i>三百余名职工参加。</p></b><table><tr><td>未闭合<div></body>", encoding="utf-8")
    (folder / "broken.jsonl").write_text(JSONL_GOOD[0] + '\n{"title": "断行", "text": \n' + JSONL_GOOD[1] + "\n",
                                         encoding="utf-8")
    unreadable = folder / "unreadable"
    unreadable.mkdir()
    (unreadable / "good.txt").write_text(SIMPLIFIED, encoding="utf-8")
    os.mkfifo(unreadable / "fifo.txt")        # tests run as root: chmod 000 would not stop a read
    (unreadable / "dangling.txt").symlink_to(folder / "no-such-file.txt")
    return folder


@pytest.fixture(scope="session")
def seeded_store(tmp_path_factory: pytest.TempPathFactory, bad_inputs: Path) -> Path:
    """A store made by `kg ingest` of one good article; copy it before changing anything."""
    store = tmp_path_factory.mktemp("seeded") / "store"
    result = run_kg("ingest", str(bad_inputs / "gbk.txt"), store=store)
    assert result.code == 0, result.err
    assert snapshot(store), "the seeded store is empty"
    return store


@pytest.fixture
def store_copy(seeded_store: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "store"
    shutil.copytree(seeded_store, copy)
    return copy


@pytest.fixture
def unchanged(store_copy: Path) -> Callable[[], None]:
    """Call at the end of a test: fails if the store's content differs from before."""
    before = snapshot(store_copy)
    return lambda: _assert_same(before, snapshot(store_copy))


def _assert_same(before: set[str], after: set[str]) -> None:
    assert after == before, f"store changed: {len(after - before)} quads added, {len(before - after)} removed"
