"""Files the code reads at run time live inside the kg package, so a wheel install carries them."""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch
from pathlib import Path

import kg
from kg.graph.vocab import ONTOLOGY_FILE, SHAPES_FILE

PACKAGE = Path(kg.__file__).parent
ROOT = PACKAGE.parent


def _patterns() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    return list(config["tool"]["setuptools"]["package-data"]["*"])


def test_ontology_is_reached_through_the_package() -> None:
    for path in (ONTOLOGY_FILE, SHAPES_FILE):
        assert path.is_file()
        link = PACKAGE / "graph" / "ontology" / path.name
        assert link.is_file() and link.resolve() == (ROOT / "ontology" / path.name).resolve()


def test_every_data_file_in_the_package_is_declared_package_data() -> None:
    patterns = _patterns()
    data = [p for p in PACKAGE.rglob("*") if p.is_file() and p.suffix not in (".py", ".pyc", ".md")]
    assert data, "no data files found"
    missing = [str(p.relative_to(ROOT)) for p in data if not any(fnmatch(p.name, pat) for pat in patterns)]
    assert not missing, f"not shipped in a wheel: {missing}"
