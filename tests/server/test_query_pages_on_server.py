"""about's entity look-up and kg query's pages give the same answers on the server as on the embedded store."""

from __future__ import annotations

from pathlib import Path

import pytest

from . import test_cli_on_server as cli

kg, stores = cli.kg, cli.stores   # the same article in an embedded store and on a real Oxigraph server
pytestmark = pytest.mark.server


@pytest.mark.parametrize("args", [
    ["query", "about", "青川区总工会", "--format", "csv"],
    ["query", "about", "https://union-kg.org/id/union/青川区总工会", "--format", "json"],
    ["query", "about", "没有这个工会", "--format", "csv"],
    ["query", "entities", "--limit", "3", "--offset", "2"],
    ["query", "entities", "--offset", "4", "--format", "csv"],
    ["query", "who-visited-where", "--limit", "1"],
], ids=lambda a: "-".join(a[1:4]))
def test_page_and_lookup_give_the_same_output_on_both_backends(stores: tuple[str, str, Path],
                                                              args: list[str]) -> None:
    embedded, server, _ = stores
    on_embedded = kg(embedded, *args)
    assert kg(server, *args) == on_embedded
    if args[1] == "about" and args[2] != "没有这个工会":
        assert "visits" in on_embedded  # the look-up found the union and its facts


def test_unsorted_rows_are_the_sorted_rows_on_both_backends(stores: tuple[str, str, Path]) -> None:
    embedded, server, _ = stores
    sorted_rows = sorted(kg(embedded, "query", "entities", "--format", "csv").splitlines())
    for store in (embedded, server):
        assert sorted(kg(store, "query", "entities", "--unsorted", "--format", "csv").splitlines()) == sorted_rows
