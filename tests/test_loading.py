"""Loading a dump with the Graph Store Protocol, against servers that behave as stores
do at the edges: one that refuses credentials before reading the upload, and files
that need converting first. (Real stores: ``test_store.py``.)"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyoxigraph import NamedNode

from converters.convert.corpus import convert_corpus
from converters.iris import Minter
from converters.publish.files import read_rdf
from converters.query.loading import MEDIA_TYPES, count_triples, dataset_graph, load_graph
from converters.query.store import Credentials, StoreError
from converters.synth.synthetic import synthetic_corpus

from .test_jsonld import CONTEXT_URL, dump

B = "http://localhost:8000/"


@pytest.fixture
def refusing_store() -> Iterator[str]:
    """A server that answers every request ``401`` as soon as it has the headers and
    closes the connection without reading a body, as Virtuoso may under load."""
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            with connection:
                received = b""
                while b"\r\n\r\n" not in received:
                    chunk = connection.recv(4096)
                    if not chunk:
                        break
                    received += chunk
                connection.sendall(
                    b"HTTP/1.1 401 Unauthorized\r\nContent-Length: 13\r\n"
                    b"Connection: close\r\n\r\nUnauthorized\n"
                )
                connection.shutdown(socket.SHUT_RDWR)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}/store"
    stop.set()
    thread.join()
    listener.close()


def big_dump(tmp_path: Path) -> Path:
    path = tmp_path / "dataset.nt"
    line = '<http://localhost:8000/q/{}> <http://purl.org/dc/terms/title> "{}" .\n'
    path.write_text("".join(line.format(n, "x" * 200) for n in range(40_000)))
    return path


def test_credentials_refused_before_the_upload_is_read_say_401(
    refusing_store: str, tmp_path: Path
) -> None:
    """Not "broken pipe": the store's answer, found by asking again without the upload."""
    with pytest.raises(StoreError, match="401") as refused:
        load_graph(refusing_store, big_dump(tmp_path), None, Credentials("dba", "nope"))
    assert "unreachable" not in str(refused.value)


def test_a_store_that_is_not_there_is_unreachable(tmp_path: Path) -> None:
    with socket.socket() as spare:
        spare.bind(("127.0.0.1", 0))
        port = spare.getsockname()[1]
    with pytest.raises(StoreError, match="unreachable"):
        load_graph(f"http://127.0.0.1:{port}/store", big_dump(tmp_path), None)


def test_a_file_of_an_unknown_format_is_refused_before_anything_is_sent(tmp_path: Path) -> None:
    path = tmp_path / "dataset.csv"
    path.write_text("a,b\n")
    with pytest.raises(StoreError, match="cannot tell the RDF format"):
        load_graph("http://127.0.0.1:9/store", path, None)
    assert ".jsonld" in MEDIA_TYPES and ".csv" not in MEDIA_TYPES


def test_a_compacted_json_ld_dump_is_read_with_its_context(tmp_path: Path) -> None:
    records = [document.record for document in synthetic_corpus(5, seed=2)]
    triples = convert_corpus(records, Minter(B)).triples
    path = tmp_path / "dataset.jsonld"
    path.write_bytes(dump(triples))
    assert CONTEXT_URL.startswith(B)
    assert count_triples(path) == len(triples) == len(read_rdf([path]))
    assert dataset_graph(path) == B + "dataset"
    assert NamedNode(B + "dataset") in {t.subject for t in triples}
