"""The HTTP side of the SPARQL backend: store URLs, credentials, and one-line errors."""

from __future__ import annotations

import pytest

from kg.errors import KgError
from kg.graph.sparql_client import SparqlClient, graph_param, parse_location

from .conftest import free_port


def test_defaults_fit_oxigraph_server() -> None:
    ep = parse_location("sparql+http://127.0.0.1:7878/")
    assert (ep.host, ep.port, ep.query, ep.update, ep.gsp) == ("127.0.0.1", 7878, "/query", "/update", "/store")


def test_endpoint_paths_are_relative_to_the_base_path_unless_absolute() -> None:
    ep = parse_location("sparql+http://h:3030/ds?query=sparql&gsp=data&update=/other/update")
    assert (ep.query, ep.gsp, ep.update) == ("/ds/sparql", "/ds/data", "/other/update")


def test_credentials_from_url_win_over_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_SPARQL_USER", "env-user")
    monkeypatch.setenv("KG_SPARQL_PASSWORD", "env-pw")
    assert parse_location("sparql+http://h:1/").user == "env-user"
    ep = parse_location("sparql+http://ann:p%40ss@h:1/")
    assert (ep.user, ep.password) == ("ann", "p@ss")


@pytest.mark.parametrize("location", ["http://h:1/", "sparql+http:///x", "sparql+http://h:1/?bogus=1",
                                      "sparql+http://h:1/?timeout=soon"])
def test_bad_store_url_is_one_line_error(location: str) -> None:
    with pytest.raises(KgError) as err:
        parse_location(location)
    assert location in err.value.message and "\n" not in err.value.message


def test_graph_param_percent_encodes_the_graph_iri() -> None:
    assert graph_param("/store", "https://x.org/id/a b") == "/store?graph=https%3A%2F%2Fx.org%2Fid%2Fa%20b"


def test_server_down_names_server_and_says_refused() -> None:
    client = SparqlClient(parse_location(f"sparql+http://127.0.0.1:{free_port()}/"))
    with pytest.raises(KgError) as err:
        client.request("GET", "/query", "query")
    assert "127.0.0.1" in err.value.message and "refused" in err.value.message
    assert err.value.exit_code != 0


def test_http_500_reports_status_and_first_line_of_body(fake_server) -> None:  # type: ignore[no-untyped-def]
    server = fake_server(status=500, body=b"storage exploded\nsecond line")
    client = SparqlClient(parse_location("sparql+" + server.url + "/"))
    with pytest.raises(KgError) as err:
        client.request("PUT", "/store?graph=x", "PUT graph <x>", body=b"")
    assert "HTTP 500" in err.value.message and "storage exploded" in err.value.message
    assert "second line" not in err.value.message


def test_slow_server_times_out_with_clear_message(fake_server) -> None:  # type: ignore[no-untyped-def]
    server = fake_server(status=200, delay=2.0)
    client = SparqlClient(parse_location("sparql+" + server.url + "/?timeout=0.3"))
    with pytest.raises(KgError) as err:
        client.request("GET", "/query", "query")
    assert "no answer within 0.3 s" in err.value.message


def test_basic_auth_header_is_sent(fake_server) -> None:  # type: ignore[no-untyped-def]
    server = fake_server(status=200, body=b"{}")
    SparqlClient(parse_location("sparql+http://ann:secret@" + server.url[7:] + "/")).request("GET", "/q", "q")
    assert server.requests[0][2]["Authorization"] == "Basic YW5uOnNlY3JldA=="


def test_unauthorised_says_how_to_give_credentials(fake_server) -> None:  # type: ignore[no-untyped-def]
    server = fake_server(status=401, body=b"")
    with pytest.raises(KgError) as err:
        SparqlClient(parse_location("sparql+" + server.url + "/")).request("GET", "/q", "q")
    assert "KG_SPARQL_USER" in err.value.message


def test_queries_ask_oxigraph_for_the_union_default_graph_unless_told_otherwise() -> None:
    assert parse_location("sparql+http://h:1/").union_query == "/query?union-default-graph"
    assert parse_location("sparql+http://h:1/ds?query=sparql&union=").union_query == "/ds/sparql"
