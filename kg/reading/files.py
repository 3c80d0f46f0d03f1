"""Files: which ones to read, and their bytes within a size limit."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import KgError

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files to read: given files as they are, folders searched recursively for
    .txt .html .htm .jsonl (sorted, hidden files and folders skipped)."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = [
                # Not only regular files: a pipe or a dangling link with a news suffix is yielded
                # so that reading it reports the problem instead of skipping it silently.
                p for p in path.rglob("*")
                if not p.is_dir() and p.suffix.lower() in SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            ]
            yield from sorted(found)
        elif path.exists():
            yield path
        else:
            raise KgError(f"{given}: no such file or folder")


def size_limit(limit: int | None = None) -> int:
    """The size limit: the argument, else $KG_MAX_BYTES, else 20 MB."""
    if limit is not None:
        return limit
    env = os.environ.get("KG_MAX_BYTES")
    if env is None or not env.strip():
        return DEFAULT_MAX_BYTES
    try:
        value = int(env)
    except ValueError:
        raise KgError(f"KG_MAX_BYTES={env!r}: not a whole number of bytes") from None
    if value <= 0:
        raise KgError(f"KG_MAX_BYTES={env!r}: must be a positive number of bytes")
    return value


def check_file(path: Path) -> int:
    """The file's size; KgError for a missing file, a folder or an unreadable file."""
    try:
        if path.is_dir():
            raise KgError(f"{path}: is a folder, not a file")
        if path.exists() and not path.is_file():
            raise KgError(f"{path}: not a regular file (a device, socket or pipe)")
        size = path.stat().st_size
    except OSError as exc:
        raise KgError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if not os.access(path, os.R_OK):
        raise KgError(f"{path}: cannot read (permission denied)")
    return size


def read_bytes(path: Path, limit: int) -> bytes:
    """The whole file; KgError when it is larger than `limit` or cannot be read."""
    size = check_file(path)
    if size > limit:
        raise KgError(f"{path}: {size} bytes is larger than the limit of {limit} "
                      f"(raise it with KG_MAX_BYTES)")
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise KgError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise KgError(f"{path}: larger than the limit of {limit} bytes (raise it with KG_MAX_BYTES)")
    return data
