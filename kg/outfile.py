"""Writing an output file whole or not at all: a temp file beside it, renamed into place."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(target: Path, data: bytes) -> None:
    """Write `data` to `target` so that a failure (full disk, interrupt) leaves no partial file.

    Raises OSError after removing the temp file; the previous `target`, if any, is untouched.
    """
    folder = target.parent if str(target.parent) else Path(".")
    tmp_name = ""
    try:
        with tempfile.NamedTemporaryFile("wb", dir=folder, delete=False, prefix=f".{target.name}.") as tmp:
            tmp_name = tmp.name
            tmp.write(data)
        os.replace(tmp_name, target)
    except BaseException:
        if tmp_name:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
        raise
