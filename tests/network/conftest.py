"""Fixtures of the network tests: the invented sample corpus (data/sample.trig) in a real store."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from rdflib import Dataset, URIRef

from kg.graph.store import Store, open_store
from kg.network.projection import load_network

DATA = Path(__file__).parent / "data"


def build_store(trig: str, location: Path | str) -> Path | str:
    """A store at `location` (a directory or a server URL) holding each named graph of the TriG as an article."""
    dataset = Dataset()
    dataset.parse(data=trig, format="trig")
    with open_store(str(location)) as store:
        for graph in dataset.graphs():
            if isinstance(graph.identifier, URIRef) and len(graph):
                store.put_article(str(graph.identifier), graph)
    return location


@pytest.fixture(scope="session")
def sample_store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return Path(build_store(sample_trig(), tmp_path_factory.mktemp("sample") / "store"))


def sample_trig() -> str:
    return (DATA / "sample.trig").read_text(encoding="utf-8")


@pytest.fixture
def sample_source(sample_store_dir: Path) -> Iterator[Store]:
    with open_store(str(sample_store_dir), read_only=True) as store:
        yield store


@pytest.fixture
def sample_graph(sample_source: Store) -> nx.MultiDiGraph:
    return load_network(sample_source)


# ---------------------------------------------------------------- the browser
CHROMIUM = Path("/usr/bin/chromium")
# Quiet offline Chromium (../shared/STACK.md); Playwright gives each launch a fresh profile.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def require_chromium(path: Path, environ: Mapping[str, str]) -> None:
    """Browser tests run, or fail saying how to install Chromium; they skip only when told to."""
    if path.exists():
        return
    if environ.get("KG_SKIP_BROWSER") == "1":
        pytest.skip(f"KG_SKIP_BROWSER=1 and {path} is missing")
    pytest.fail(f"{path} is missing: run `make system-deps` (Debian chromium and "
                "fonts-wqy-microhei), or set KG_SKIP_BROWSER=1 to skip the browser tests")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright; never a browser Playwright would download."""
    require_chromium(CHROMIUM, os.environ)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@dataclass
class MapPage:
    """A page of the browser with everything it tried to fetch, logged or popped up recorded."""

    page: Any
    outside_requests: list[str] = field(default_factory=list)
    console: list[tuple[str, str]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def open(self, path: Path, timeout_ms: int = 30_000) -> None:
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_function("window.kgMap && window.kgMap.ready", timeout=timeout_ms)

    def page_id(self, iri: str) -> str:
        found = self.page.evaluate("iri => window.kgMap.pageId(iri)", iri)
        assert found, f"{iri} is not on the page"
        return str(found)


@pytest.fixture
def map_page(browser: Any) -> Iterator[MapPage]:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN")
    page = context.new_page()
    seen = MapPage(page)

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if url.startswith("file:"):
            request_route.continue_()
        else:  # nothing may leave the page: record it and make sure it fails
            seen.outside_requests.append(url)
            request_route.abort()

    page.route("**/*", route)
    page.on("request", lambda request: None if request.url.startswith(("file:", "data:", "blob:", "about:"))
            or request.url in seen.outside_requests else seen.outside_requests.append(request.url))
    page.on("console", lambda message: seen.console.append((message.type, message.text)))
    page.on("pageerror", lambda error: seen.errors.append(str(error)))

    def dialog(d: Any) -> None:
        seen.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", dialog)
    yield seen
    context.close()
