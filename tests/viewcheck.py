"""Checks shared by the view tests and the crash tests: a listing view answers what its query answers."""

from __future__ import annotations

from kg.graph.named_queries import named_queries, prepare
from kg.graph.results import to_csv
from kg.graph.store import QueryResult, Store, open_store
from kg.graph.views import views

RowKey = tuple[tuple[str, str], ...]


def row_key(name: str, row: dict[str, object]) -> RowKey:
    """A row as comparable text. who-hosted-what's places are one GROUP_CONCAT cell whose order
    SPARQL leaves to the engine, so they are compared as a set."""
    cells = {var: str(value) for var, value in row.items() if value is not None}
    if name == "who-hosted-what" and "place" in cells:
        cells["place"] = "、".join(sorted(cells["place"].split("、")))
    return tuple(sorted(cells.items()))


def live(store: Store, name: str) -> QueryResult:
    return store.query(prepare(store, named_queries()[name], [], name))


def sort_keys(name: str, result: QueryResult) -> list[tuple[tuple[bool, str | int], ...]]:
    """Each row's sort key as the view orders them: unbound first, then by text; "-count" most first."""
    def key(row: dict[str, object], var: str) -> tuple[bool, str | int]:
        if var.startswith("-"):
            return True, -int(str(row[var[1:]]))
        return row[var] is not None, str(row[var] or "")

    return [tuple(key(row, v) for v in views()[name].order) for row in result.rows]


def assert_view_matches_query(store: Store, name: str) -> None:
    """The view of `name` holds the query's rows, in the query's order."""
    view, query = store.listing(name, None), live(store, name)
    assert view is not None, f"{name}: no fresh view"
    assert view.vars == query.vars, name
    assert sorted(row_key(name, r) for r in view.rows) == sorted(row_key(name, r) for r in query.rows), name
    keys = sort_keys(name, view)
    assert keys == sorted(keys), f"{name}: the view's rows are not in its order"
    first = [key[0] for key in keys]
    assert first == [key[0] for key in sort_keys(name, query)], f"{name}: not in the query's order"
    assert store.listing_csv(name, None) == to_csv(view), f"{name}: the kept CSV lines are not its rows"


def views_agree(location: str) -> bool:
    """Whether the store's views are fresh; when they are, each must match its query."""
    with open_store(location, read_only=True) as store:
        fresh = [store.listing(name, 1) is not None for name in views()]
        assert all(fresh) or not any(fresh), "some views fresh, some not"
        if fresh[0]:
            for name in views():
                assert_view_matches_query(store, name)
        return fresh[0]
