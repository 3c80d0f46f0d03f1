"""HTTP to a SPARQL 1.1 server: endpoints from a `sparql+http://` location, auth, one-line errors."""

from __future__ import annotations

import base64
import http.client
import os
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, unquote, urlencode, urlsplit

from kg.errors import KgError

SCHEMES = ("sparql+http", "sparql+https")
DEFAULT_PATHS = {"query": "query", "update": "update", "gsp": "store"}
# Query-string flag that makes the server's default graph the union of all graphs
# (Oxigraph's name; `union=` empty for servers whose default graph is the union already).
DEFAULT_UNION_PARAM = "union-default-graph"
DEFAULT_TIMEOUT = 30.0
SERVER_EXIT = 4  # kg.errors: 4 = server


@dataclass(frozen=True)
class Endpoints:
    """Where a SPARQL server listens: one host, three endpoint paths, optional basic auth."""

    scheme: str                  # http or https
    host: str
    port: int
    query: str                   # path of the SPARQL query endpoint
    update: str                  # path of the SPARQL update endpoint
    gsp: str                     # path of the Graph Store Protocol endpoint
    user: str | None = None
    password: str | None = None
    timeout: float = DEFAULT_TIMEOUT
    union_param: str = DEFAULT_UNION_PARAM

    @property
    def base(self) -> str:
        return f"{self.scheme}://{self.host}:{self.port}"

    @property
    def union_query(self) -> str:
        """The query endpoint asked to treat the union of the named graphs as the default graph."""
        if not self.union_param:
            return self.query
        return f"{self.query}{'&' if '?' in self.query else '?'}{self.union_param}"


def parse_location(location: str) -> Endpoints:
    """`sparql+http://[user:pw@]host:port/[base]?query=..&update=..&gsp=..&union=..&timeout=..`.

    Endpoint paths are relative to the base path unless they start with `/`; the
    defaults (query, update, store) fit Oxigraph server. Credentials come from the
    URL or from KG_SPARQL_USER / KG_SPARQL_PASSWORD.
    """
    parts = urlsplit(location)
    if parts.scheme not in SCHEMES or not parts.hostname:
        raise KgError(f"store {location!r}: expected sparql+http://HOST:PORT/[PATH]")
    scheme = parts.scheme.split("+", 1)[1]
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        raise KgError(f"store {location!r}: the port is not a number") from None
    options = {key: values[-1] for key, values in parse_qs(parts.query, keep_blank_values=True).items()}
    unknown = set(options) - {*DEFAULT_PATHS, "timeout", "union"}
    if unknown:
        raise KgError(f"store {location!r}: unknown option(s) {', '.join(sorted(unknown))} "
                      f"(known: query, update, gsp, union, timeout)")
    base_path = parts.path.rstrip("/")
    paths = {name: _endpoint_path(base_path, options.get(name, default))
             for name, default in DEFAULT_PATHS.items()}
    try:
        timeout = float(options.get("timeout", os.environ.get("KG_SPARQL_TIMEOUT", DEFAULT_TIMEOUT)))
    except ValueError:
        raise KgError(f"store {location!r}: timeout must be a number of seconds") from None
    user = unquote(parts.username) if parts.username else os.environ.get("KG_SPARQL_USER")
    password = unquote(parts.password) if parts.password else os.environ.get("KG_SPARQL_PASSWORD")
    return Endpoints(scheme, parts.hostname, port, paths["query"], paths["update"], paths["gsp"],
                     user, password, timeout, options.get("union", DEFAULT_UNION_PARAM))


def _endpoint_path(base_path: str, path: str) -> str:
    return path if path.startswith("/") else f"{base_path}/{path}"


@dataclass
class Response:
    status: int
    content_type: str
    body: bytes


class SparqlClient:
    """One keep-alive connection to the server; every failure becomes a KgError naming the server."""

    def __init__(self, endpoints: Endpoints) -> None:
        self.endpoints = endpoints
        self._conn: http.client.HTTPConnection | None = None
        self._headers: dict[str, str] = {"User-Agent": "union-kg"}
        if endpoints.user is not None:
            token = f"{endpoints.user}:{endpoints.password or ''}".encode()
            self._headers["Authorization"] = "Basic " + base64.b64encode(token).decode("ascii")

    def request(self, method: str, path: str, what: str, body: bytes | None = None,
                headers: dict[str, str] | None = None, ok: tuple[int, ...] = (200,),
                sink: Callable[[http.client.HTTPResponse], None] | None = None) -> Response:
        """Send one request; `what` says in the error message what was being done.

        Every request kg sends is idempotent (GET, PUT, DELETE, a query), so a request
        that met a connection closed by the server while idle is sent once more. With
        `sink`, a 200 answer's body is not read here: `sink` reads it from the response
        (a large answer streamed instead of held in memory; Response.body is then empty).
        """
        all_headers = {**self._headers, **(headers or {})}
        for attempt in (1, 2):
            conn = self._connection()
            streaming = False
            try:
                conn.request(method, path, body=body, headers=all_headers)
                raw = conn.getresponse()
                content_type = raw.getheader("Content-Type", "")
                if sink is not None and raw.status == 200:
                    streaming = True
                    sink(raw)
                    raw.read()  # whatever the sink left, so the connection can serve the next request
                    response = Response(raw.status, content_type, b"")
                else:
                    response = Response(raw.status, content_type, raw.read())
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as exc:
                self.close()
                if attempt == 2 or streaming:  # half a streamed answer is not sent again
                    raise self._error(what, f"the connection was closed ({exc})") from None
            except TimeoutError:
                self.close()
                raise self._error(what, f"no answer within {self.endpoints.timeout:g} s "
                                        f"(set ?timeout=SECONDS in the store URL)") from None
            except ConnectionRefusedError:
                self.close()
                raise self._error(what, "connection refused; is the server running?") from None
            except (OSError, http.client.HTTPException) as exc:
                self.close()
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
                raise self._error(what, f"cannot connect ({reason or type(exc).__name__})") from None
            except BaseException:
                self.close()  # the sink gave up half-way: the connection is mid-answer
                raise
        if response.status not in ok:
            raise self._error(what, self._describe(response))
        return response

    def _connection(self) -> http.client.HTTPConnection:
        if self._conn is None:
            cls = http.client.HTTPSConnection if self.endpoints.scheme == "https" else http.client.HTTPConnection
            self._conn = cls(self.endpoints.host, self.endpoints.port, timeout=self.endpoints.timeout)
        return self._conn

    def _error(self, what: str, problem: str) -> KgError:
        return KgError(f"SPARQL server {self.endpoints.base}: {what}: {problem}", exit_code=SERVER_EXIT)

    @staticmethod
    def _describe(response: Response) -> str:
        reason = http.client.responses.get(response.status, "")
        if response.status in (401, 403):
            return (f"HTTP {response.status} {reason} (give credentials in the URL or "
                    f"KG_SPARQL_USER / KG_SPARQL_PASSWORD)")
        detail = response.body.decode("utf-8", "replace").strip().splitlines()
        first = detail[0][:200] if detail else ""
        return f"HTTP {response.status} {reason}" + (f": {first}" if first else "")

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def graph_param(path: str, graph_iri: str) -> str:
    """The GSP address of one named graph: PATH?graph=IRI (IRI percent-encoded)."""
    return f"{path}?{urlencode({'graph': graph_iri}, quote_via=quote)}"


__all__ = ["Endpoints", "Response", "SparqlClient", "graph_param", "parse_location"]
