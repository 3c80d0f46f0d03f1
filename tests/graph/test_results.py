"""Query results as table (CJK-aligned), CSV and SPARQL JSON."""

from __future__ import annotations

import csv
import io
import json

from rdflib import Literal, URIRef

from kg.graph.results import clip, to_csv, to_json, to_table, width
from kg.graph.store import QueryResult

RESULT = QueryResult(["who", "where", "n"], [
    {"who": Literal("张三", lang="zh"), "where": URIRef("https://union-kg.org/id/site/甲驿站"), "n": Literal(3)},
    {"who": Literal("Li Si"), "where": None, "n": Literal(12)},
])


def test_wide_characters_count_two_columns() -> None:
    assert width("工会abc") == 7
    assert width("ＡＢ") == 4  # full-width Latin


def test_table_columns_line_up_in_display_width() -> None:
    lines = to_table(RESULT).splitlines()
    starts = [width(line[:line.index(cell)]) for line, cell in zip(lines[2:4], ["site:甲驿站", "12"])]
    header_where = width(lines[0][:lines[0].index("where")])
    assert starts[0] == header_where
    assert width(lines[3][:lines[3].index("12")]) == width(lines[2][:lines[2].index("3")])
    assert lines[-1] == "(2 rows)"


def test_long_cells_are_clipped_to_the_limit_with_an_ellipsis() -> None:
    text = "工会" * 50
    assert width(clip(text, 21)) <= 21 and clip(text, 21).endswith("…")
    assert clip("短", 10) == "短"


def test_newlines_in_a_cell_do_not_break_rows() -> None:
    result = QueryResult(["e"], [{"e": Literal("第一行\n第二行")}])
    assert len(to_table(result).splitlines()) == 4


def test_csv_keeps_full_values_and_blank_for_unbound() -> None:
    rows = list(csv.reader(io.StringIO(to_csv(RESULT))))
    assert rows[0] == ["who", "where", "n"]
    assert rows[1][1] == "https://union-kg.org/id/site/甲驿站"
    assert rows[2][1] == ""


def test_json_is_w3c_sparql_results_with_language_tags() -> None:
    doc = json.loads(to_json(RESULT))
    assert doc["head"]["vars"] == ["who", "where", "n"]
    first, second = doc["results"]["bindings"]
    assert first["who"] == {"type": "literal", "value": "张三", "xml:lang": "zh"}
    assert first["where"]["type"] == "uri"
    assert "where" not in second
