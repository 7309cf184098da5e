"""Loading a dump into a store with the SPARQL 1.1 Graph Store HTTP Protocol, with
the credentials the store takes (Basic, or Digest for Virtuoso), and counting what the
store then holds."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import IO
from urllib.parse import quote

import pyoxigraph
from pyoxigraph import Literal, NamedNode

from ..publish.files import parse_file
from .store import Credentials, Progress, RemoteEndpoint, StoreError, first_line, reason

MEDIA_TYPES = {
    ".ttl": "text/turtle",
    ".nt": "application/n-triples",
    ".nq": "application/n-quads",
    ".jsonld": "application/ld+json",
    ".rdf": "application/rdf+xml",
    ".trig": "application/trig",
}


@dataclass(frozen=True)
class LoadReport:
    graph: str
    file_triples: int
    store_triples: int

    @property
    def complete(self) -> bool:
        return self.file_triples == self.store_triples


def dataset_graph(data: Path) -> str | None:
    """The dataset's own IRI (its ``void:Dataset``), the natural name for its graph."""
    dataset_type = NamedNode("http://rdfs.org/ns/void#Dataset")
    rdf_type = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    for quad in parse_file(data):
        if (
            quad.predicate == rdf_type
            and quad.object == dataset_type
            and isinstance(quad.subject, NamedNode)
        ):
            return str(quad.subject.value)
    return None


def count_triples(data: Path) -> int:
    try:
        return sum(1 for _ in parse_file(data))
    except (OSError, SyntaxError, ValueError) as error:
        raise StoreError(f"cannot read {data}: {first_line(str(error))}") from None


def query_endpoint_for(store_endpoint: str) -> str | None:
    """The query endpoint that usually sits beside a Graph Store Protocol endpoint."""
    for store_suffix, query_suffix in (
        ("/store", "/query"),  # Oxigraph
        ("/data", "/query"),  # Fuseki
        ("/sparql-graph-crud-auth", "/sparql"),  # Virtuoso
        ("/sparql-graph-crud", "/sparql"),
    ):
        if store_endpoint.rstrip("/").endswith(store_suffix):
            return store_endpoint.rstrip("/")[: -len(store_suffix)] + query_suffix
    return None


def load_graph(
    endpoint: str,
    data: Path,
    graph: str | None,
    credentials: Credentials | None = None,
    query_endpoint: str | None = None,
    progress: Progress | None = None,
    timeout: int = 600,
) -> LoadReport:
    """PUT ``data`` into ``graph`` (the default graph when None) with the SPARQL 1.1 Graph
    Store HTTP Protocol: the store replaces the graph in one request, so a reload never
    duplicates and a refused upload leaves the previous graph as it was."""
    media_type = MEDIA_TYPES.get(data.suffix)
    if media_type is None:
        raise StoreError(f"cannot tell the RDF format of {data} from its extension")
    file_triples = count_triples(data)
    target = f"{endpoint}{'&' if '?' in endpoint else '?'}" + (
        f"graph={quote(graph, safe='')}" if graph else "default"
    )
    with ExitStack() as bodies:
        if data.suffix == ".jsonld":  # a store would have to fetch its context
            data, media_type = bodies.enter_context(_as_n_triples(data)), MEDIA_TYPES[".nt"]
        size = data.stat().st_size

        def upload() -> urllib.request.Request:
            body = bodies.enter_context(data.open("rb"))
            return urllib.request.Request(
                target,
                data=_ProgressReader(body, size, progress),
                method="PUT",
                headers={"Content-Type": media_type, "Content-Length": str(size)},
            )

        _send_authorized(upload, endpoint, credentials, timeout)
    count = count_query(graph)
    stored = _stored_triples(endpoint, graph, credentials, query_endpoint, count)
    return LoadReport(graph or "default graph", file_triples, stored)


@contextmanager
def _as_n_triples(data: Path) -> Iterator[Path]:
    """A temporary N-Triples copy of an RDF file."""
    with TemporaryDirectory(prefix="senate-ld-load-") as folder:
        copy = Path(folder) / f"{data.stem}.nt"
        pyoxigraph.serialize(parse_file(data), str(copy), pyoxigraph.RdfFormat.N_TRIPLES)
        yield copy


def count_query(graph: str | None) -> str:
    if graph:
        return f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {NamedNode(graph)} {{ ?s ?p ?o }} }}"
    return "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def _stored_triples(
    endpoint: str,
    graph: str | None,
    credentials: Credentials | None,
    query_endpoint: str | None,
    count: str,
) -> int:
    query_url = query_endpoint or query_endpoint_for(endpoint)
    if query_url is not None:
        result = RemoteEndpoint(query_url, credentials).query(count)
        value = result.rows[0][0] if result.rows else None
        return int(value.value) if isinstance(value, Literal) else 0
    target = f"{endpoint}{'&' if '?' in endpoint else '?'}" + (
        f"graph={quote(graph, safe='')}" if graph else "default"
    )
    body = _send_authorized(
        lambda: urllib.request.Request(target, headers={"Accept": "application/n-triples"}),
        endpoint,
        credentials,
        600,
    )
    return sum(1 for _ in pyoxigraph.parse(body, pyoxigraph.RdfFormat.N_TRIPLES))


def _send_authorized(
    make_request: Callable[[], urllib.request.Request],
    endpoint: str,
    credentials: Credentials | None,
    timeout: int,
) -> bytes:
    """Send, with credentials as the endpoint takes them (see :func:`_authorization`).

    A store that refuses the credentials may answer before the upload is sent and
    close the connection: the upload then breaks off (a broken pipe) before the answer
    is read. The credentials are then tried without the upload, so that the error
    says what the store said (401) rather than how the connection ended."""
    request = make_request()
    if credentials is None:
        return _send(request, endpoint, timeout)
    authorization = _authorization(request, endpoint, credentials, timeout)
    request.add_header("Authorization", authorization)
    try:
        return _send(request, endpoint, timeout)
    except _CutOffError as cut_off:
        probe = urllib.request.Request(request.full_url, method="HEAD")
        probe.add_header("Authorization", authorization)
        try:
            _send(probe, endpoint, timeout)
        except StoreError as refusal:
            raise refusal from None
        raise StoreError(str(cut_off)) from None


def _authorization(
    request: urllib.request.Request, endpoint: str, credentials: Credentials, timeout: int
) -> str:
    """Basic credentials, as most stores take them, unless the endpoint challenges for
    Digest ones (Virtuoso's authenticated Graph Store endpoint, which answers Basic
    credentials with a bare 401). Asked with a HEAD request, which carries neither
    credentials nor the upload."""
    probe = urllib.request.Request(request.full_url, method="HEAD")
    try:
        with urllib.request.urlopen(probe, timeout=timeout):
            pass
    except urllib.error.HTTPError as error:
        challenge = error.headers.get("WWW-Authenticate", "")
        if error.code == 401 and challenge.lower().startswith("digest "):
            return _digest(request, challenge, credentials, endpoint)
    except (urllib.error.URLError, OSError) as error:
        raise StoreError(f"endpoint {endpoint} is unreachable: {reason(error)}") from None
    return credentials.header()


def _digest(
    request: urllib.request.Request, challenge: str, credentials: Credentials, endpoint: str
) -> str:
    """The Digest ``Authorization`` (RFC 7616) that answers ``challenge``, made by the
    standard library's digest handler."""
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, request.full_url, credentials.user, credentials.password)
    handler = urllib.request.HTTPDigestAuthHandler(passwords)
    fields = urllib.request.parse_keqv_list(
        urllib.request.parse_http_list(challenge.split(" ", 1)[1])
    )
    answer = handler.get_authorization(request, fields)
    if answer is None:
        raise StoreError(f"endpoint {endpoint}: cannot answer its Digest challenge")
    return f"Digest {answer}"


def _http_error(error: urllib.error.HTTPError, endpoint: str) -> StoreError:
    detail = first_line(error.read().decode("utf-8", "replace"))
    hint = f": {detail}" if detail else ""
    return StoreError(f"endpoint {endpoint}: HTTP {error.code} {error.reason}{hint}")


def _send(request: urllib.request.Request, endpoint: str, timeout: int) -> bytes:
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body: bytes = response.read()
            return body
    except urllib.error.HTTPError as error:
        raise _http_error(error, endpoint) from None
    except (urllib.error.URLError, OSError) as error:
        cut_off = (BrokenPipeError, ConnectionResetError)
        unreachable = f"endpoint {endpoint} is unreachable: {reason(error)}"
        if isinstance(error, cut_off) or isinstance(getattr(error, "reason", None), cut_off):
            raise _CutOffError(unreachable) from None
        raise StoreError(unreachable) from None


class _CutOffError(StoreError):
    """The connection ended while the request was being sent."""


class _ProgressReader:
    """A file wrapper that reports how much of it has been read (sent)."""

    def __init__(self, body: IO[bytes], size: int, progress: Progress | None) -> None:
        self.body = body
        self.size = size
        self.sent = 0
        self.progress = progress

    def read(self, amount: int = -1) -> bytes:
        chunk = self.body.read(amount)
        self.sent += len(chunk)
        if self.progress:
            self.progress(self.sent, self.size)
        return chunk
