"""Triplestores to query: the embedded pyoxigraph store and remote SPARQL 1.1
endpoints (loading a dump into a store is :mod:`.loading`).

Results from both kinds of store come back as the same :class:`QueryResult` of
pyoxigraph terms, so that a query can be compared across stores row for row.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import socket
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pyoxigraph
from pyoxigraph import BlankNode, Literal, NamedNode, QueryBoolean, QuerySolutions, QueryTriples
from SPARQLWrapper import JSON, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

Term = NamedNode | BlankNode | Literal


Row = tuple[Term | None, ...]


Progress = Callable[[int, int], None]


PASSWORD_VARIABLE = "SENATE_LD_PASSWORD"


class StoreError(Exception):
    """A store or endpoint that cannot do what was asked; the message is one line."""


@dataclass(frozen=True)
class QueryResult:
    variables: tuple[str, ...]
    rows: list[Row]


@dataclass(frozen=True)
class Credentials:
    user: str
    password: str

    def header(self) -> str:
        token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode("ascii")
        return f"Basic {token}"


def cache_root() -> Path:
    configured = os.environ.get("SENATE_LD_CACHE")
    if configured:
        return Path(configured)
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "senate-ld"


class EmbeddedStore:
    """A pyoxigraph store on disk, loaded once from a dump and reused while it is unchanged."""

    def __init__(self, data: Path, cache: Path | None = None) -> None:
        if not data.is_file():
            raise StoreError(f"no data file {data} (run 'senate-ld build' first, or give --data)")
        self.data = data.resolve()
        key = hashlib.sha256(str(self.data).encode()).hexdigest()[:16]
        self.location = (cache or cache_root()) / "stores" / key
        self.store = self._open()

    def _stamp(self) -> str:
        status = self.data.stat()
        return f"{self.data}\n{status.st_size}\n{status.st_mtime_ns}\n{pyoxigraph.__version__}\n"

    def _open(self) -> pyoxigraph.Store:
        stamp_file = self.location / "loaded-from"
        if stamp_file.is_file() and stamp_file.read_text() == self._stamp():
            return pyoxigraph.Store.read_only(str(self.location / "store"))
        self.location.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix="loading-", dir=self.location))
        try:
            store = pyoxigraph.Store(str(staging / "store"))
            store.bulk_load(path=str(self.data))
            store.flush()
            del store
            shutil.rmtree(self.location / "store", ignore_errors=True)
            (staging / "store").replace(self.location / "store")
            stamp_file.write_text(self._stamp())
        except (OSError, SyntaxError, ValueError) as error:
            raise StoreError(f"cannot load {self.data}: {error}") from None
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        return pyoxigraph.Store.read_only(str(self.location / "store"))

    def query(self, text: str) -> QueryResult:
        try:
            result = self.store.query(text)
        except SyntaxError as error:
            raise StoreError(f"malformed query: {first_line(str(error))}") from None
        except OSError as error:
            raise StoreError(f"store error: {first_line(str(error))}") from None
        if isinstance(result, QueryBoolean):
            return QueryResult(
                ("result",), [(Literal(str(bool(result)).lower(), datatype=_BOOLEAN),)]
            )
        if isinstance(result, QueryTriples):
            return QueryResult(
                ("subject", "predicate", "object"),
                [_triple_row(triple) for triple in result],
            )
        assert isinstance(result, QuerySolutions)
        variables = tuple(v.value for v in result.variables)
        return QueryResult(variables, [tuple(_term(s[v]) for v in variables) for s in result])

    def triple_count(self) -> int:
        return len(self.store)


_BOOLEAN = NamedNode("http://www.w3.org/2001/XMLSchema#boolean")


def _term(value: object) -> Term | None:
    if value is None or isinstance(value, NamedNode | BlankNode | Literal):
        return value
    raise StoreError(f"unsupported term in results: {value!r}")


def _triple_row(triple: pyoxigraph.Triple) -> Row:
    return (_term(triple.subject), _term(triple.predicate), _term(triple.object))


def split_credentials(
    url: str, user: str | None, password: str | None
) -> tuple[str, Credentials | None]:
    """The URL without any ``user:password@``, and the credentials to send instead."""
    parts = urlsplit(url)
    if parts.username is not None:
        user = user or parts.username
        password = password if password is not None else parts.password
        netloc = parts.hostname or ""
        if parts.port:
            netloc += f":{parts.port}"
        url = urlunsplit(parts._replace(netloc=netloc))
    if user is None:
        return url, None
    if password is None:
        password = os.environ.get(PASSWORD_VARIABLE, "")
    return url, Credentials(user, password)


class RemoteEndpoint:
    """A SPARQL 1.1 query endpoint, through SPARQLWrapper."""

    def __init__(
        self,
        url: str,
        credentials: Credentials | None = None,
        timeout: int = 60,
        graph: str | None = None,
    ) -> None:
        self.url = url
        self.credentials = credentials
        self.timeout = timeout
        self.graph = graph
        """The graph queried as the default one (the endpoint's own when None)."""

    def find_dataset_graph(self) -> str | None:
        """The named graph that holds a senate-ld dataset, when the endpoint's default
        graph holds none (``load`` puts the dataset in a graph of its own, which a store
        without a union default graph, such as a plain Oxigraph server, does not query
        by default); None when the default graph has it, or no graph does.
        :class:`StoreError` when several graphs do: which one is not known."""
        dataset = (
            "?dataset a <http://rdfs.org/ns/void#Dataset> ; "
            "<http://rdfs.org/ns/void#uriSpace> ?base"
        )
        if self.query(f"SELECT ?dataset WHERE {{ {dataset} }} LIMIT 1").rows:
            return None
        found = self.query(f"SELECT DISTINCT ?graph WHERE {{ GRAPH ?graph {{ {dataset} }} }}")
        graphs = sorted(term.value for row in found.rows if (term := row[0]) is not None)
        if len(graphs) > 1:
            raise StoreError(
                f"endpoint {self.url} holds datasets in {len(graphs)} graphs "
                f"({', '.join(graphs)}): say which with --graph"
            )
        return graphs[0] if graphs else None

    def query(self, text: str) -> QueryResult:
        client = SPARQLWrapper(self.url)
        if self.graph is not None:
            client.addDefaultGraph(self.graph)
        client.setQuery(without_header(text))
        client.setMethod("POST")
        client.setReturnFormat(JSON)
        client.setTimeout(self.timeout)
        if self.credentials is not None:
            client.addCustomHttpHeader("Authorization", self.credentials.header())
        if client.queryType in ("CONSTRUCT", "DESCRIBE"):
            raise StoreError("CONSTRUCT and DESCRIBE queries run on the embedded store only")
        try:
            response = client.query().convert()
        except SPARQLWrapperException as error:
            raise StoreError(f"endpoint {self.url}: {_sparqlwrapper_message(error)}") from None
        except urllib.error.HTTPError as error:
            raise StoreError(f"endpoint {self.url}: HTTP {error.code} {error.reason}") from None
        except (urllib.error.URLError, OSError) as error:
            raise StoreError(f"endpoint {self.url} is unreachable: {reason(error)}") from None
        if not isinstance(response, dict):
            raise StoreError(f"endpoint {self.url} did not answer with SPARQL JSON results")
        return results_from_json(response)


def without_header(text: str) -> str:
    """The query without its leading comment lines.

    SPARQLWrapper guesses the query form with a regular expression that reads comments
    too: a header saying "addressed to" made it send a SELECT as an ADD update.
    """
    lines = text.splitlines(keepends=True)
    start = 0
    while start < len(lines) and (
        not lines[start].strip() or lines[start].lstrip().startswith("#")
    ):
        start += 1
    return "".join(lines[start:])


def _sparqlwrapper_message(error: SPARQLWrapperException) -> str:
    kind = type(error).__name__
    messages = {
        "Unauthorized": "401 unauthorized (check --user and $" + PASSWORD_VARIABLE + ")",
        "EndPointInternalError": "500 internal server error",
        "QueryBadFormed": "400 malformed query",
        "EndPointNotFound": "404 not found",
        "URITooLong": "414 query too long",
    }
    detail = first_line(str(getattr(error, "msg", "") or ""))
    message = messages.get(kind, kind)
    return f"{message}: {detail}" if detail and kind == "QueryBadFormed" else message


def results_from_json(response: dict[str, Any]) -> QueryResult:
    """SPARQL 1.1 Query Results JSON → :class:`QueryResult` of pyoxigraph terms."""
    if "boolean" in response:
        value = "true" if response["boolean"] else "false"
        return QueryResult(("result",), [(Literal(value, datatype=_BOOLEAN),)])
    variables = tuple(response["head"]["vars"])
    rows = [
        tuple(_json_term(binding.get(v)) for v in variables)
        for binding in response["results"]["bindings"]
    ]
    return QueryResult(variables, rows)


def _json_term(value: dict[str, str] | None) -> Term | None:
    if value is None:
        return None
    kind = value["type"]
    if kind == "uri":
        return NamedNode(value["value"])
    if kind == "bnode":
        return BlankNode(value["value"])
    if "xml:lang" in value:
        return Literal(value["value"], language=value["xml:lang"])
    if "datatype" in value:
        return Literal(value["value"], datatype=NamedNode(value["datatype"]))
    return Literal(value["value"])


def reason(error: BaseException) -> str:
    reason = getattr(error, "reason", error)
    if isinstance(reason, socket.timeout | TimeoutError):
        return "timed out"
    return first_line(str(reason)) or type(reason).__name__


def first_line(text: str) -> str:
    return text.strip().splitlines()[0][:300] if text.strip() else ""


def rows_as_json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON, for scripts."""
    bindings = [
        {
            v: _term_json(term)
            for v, term in zip(result.variables, row, strict=True)
            if term is not None
        }
        for row in result.rows
    ]
    return json.dumps(
        {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}},
        ensure_ascii=False,
        indent=2,
    )


def _term_json(term: Term) -> dict[str, str]:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out
