"""Stores: the embedded store, real Oxigraph and Virtuoso servers, loading, and endpoint
faults. Every catalogue query gives the same rows on the three."""

from __future__ import annotations

import os
import urllib.request
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyoxigraph import Literal

from converters.build import build
from converters.pipeline import BuildOptions
from converters.query.catalogue import load_catalogue
from converters.query.loading import count_query, load_graph
from converters.query.store import (
    Credentials,
    EmbeddedStore,
    RemoteEndpoint,
    StoreError,
    split_credentials,
)
from converters.sources import sample_corpus
from converters.synth.synthetic import synthetic_corpus

from .servers import fault_server, free_port, oxigraph_server, virtuoso_server

GRAPH = "http://localhost:8000/dataset"


@pytest.fixture(scope="module")
def sample_dump(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("build") / "out"
    build(BuildOptions(out=out, jobs=1))
    return out / "dataset.nt"


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as url:
        yield url


@pytest.fixture(scope="module")
def loaded(oxigraph: str, sample_dump: Path) -> str:
    load_graph(oxigraph + "/store", sample_dump, GRAPH)
    return oxigraph


@pytest.fixture(scope="module")
def richer_dump(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample and 150 made-up questions: ties, medians of even counts, parties with
    a label in each language, groups of siblings, questions awaiting an answer."""
    folder = tmp_path_factory.mktemp("richer")
    for document in synthetic_corpus(150, seed=5):
        (folder / document.name).write_bytes(document.content)
    out = folder.parent / f"{folder.name}-out"
    build(BuildOptions(sources=[sample_corpus(), folder], out=out, jobs=1, incremental=False))
    return out / "dataset.nt"


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with virtuoso_server(tmp_path_factory.mktemp("virtuoso")) as url:
        yield url


VIRTUOSO_ADMIN = Credentials("dba", "dba")


@pytest.fixture
def embedded(sample_dump: Path, tmp_path: Path) -> EmbeddedStore:
    return EmbeddedStore(sample_dump, cache=tmp_path / "cache")


def _stored(url: str, graph: str = GRAPH) -> int:
    value = RemoteEndpoint(url + "/query").query(count_query(graph)).rows[0][0]
    assert isinstance(value, Literal)
    return int(value.value)


def assert_same_rows(embedded: EmbeddedStore, remote: RemoteEndpoint) -> None:
    for name, query in load_catalogue().items():
        text = query.bound({})
        local, served = embedded.query(text), remote.query(text)
        assert local.variables == served.variables, name
        assert local.rows, f"{name} gives no row: nothing is compared"
        if "ORDER BY" in text:
            assert local.rows == served.rows, name
        else:
            assert Counter(local.rows) == Counter(served.rows), name


def test_every_catalogue_query_gives_the_same_rows_on_both_stores(
    embedded: EmbeddedStore, loaded: str
) -> None:
    assert_same_rows(embedded, RemoteEndpoint(loaded + "/query"))


def test_every_catalogue_query_gives_the_same_rows_on_oxigraph_on_a_richer_corpus(
    richer_dump: Path, oxigraph: str, tmp_path: Path
) -> None:
    graph = "http://example.org/richer"
    load_graph(oxigraph + "/store", richer_dump, graph)
    remote = RemoteEndpoint(oxigraph + "/query", graph=graph)
    assert_same_rows(EmbeddedStore(richer_dump, cache=tmp_path / "cache"), remote)


def test_load_answers_virtuosos_digest_challenge_and_counts_with_its_sparql_endpoint(
    virtuoso: str, sample_dump: Path
) -> None:
    """Virtuoso's Graph Store endpoint takes Digest credentials only, and caps what a
    graph read returns (ResultSetMaxRows): the count comes from its /sparql."""
    report = load_graph(virtuoso + "/sparql-graph-crud-auth", sample_dump, GRAPH, VIRTUOSO_ADMIN)
    assert report.complete and report.store_triples > 500


def test_virtuoso_refuses_a_wrong_password(virtuoso: str, sample_dump: Path) -> None:
    with pytest.raises(StoreError, match="401"):
        load_graph(
            virtuoso + "/sparql-graph-crud-auth", sample_dump, GRAPH, Credentials("dba", "nope")
        )


def test_every_catalogue_query_gives_the_same_rows_on_virtuoso(
    virtuoso: str, richer_dump: Path, tmp_path: Path
) -> None:
    graph = "http://example.org/richer"
    load_graph(virtuoso + "/sparql-graph-crud-auth", richer_dump, graph, VIRTUOSO_ADMIN)
    remote = RemoteEndpoint(virtuoso + "/sparql", graph=graph)
    assert_same_rows(EmbeddedStore(richer_dump, cache=tmp_path / "cache"), remote)


def test_answer_delay_for_the_pensions_ministry_is_8_days(embedded: EmbeddedStore) -> None:
    result = embedded.query(load_catalogue()["answer-delay-by-ministry"].bound({}))
    rows = [dict(zip(result.variables, row, strict=True)) for row in result.rows]
    pensions = next(r for r in rows if "pensions" in str(r["ministry"]))
    assert float(pensions["meanDays"].value) == 8  # type: ignore[union-attr]
    assert float(pensions["medianDays"].value) == 8  # type: ignore[union-attr]


def test_joint_questions_group_the_19_siblings(embedded: EmbeddedStore) -> None:
    result = embedded.query(load_catalogue()["joint-questions"].bound({}))
    rows = [dict(zip(result.variables, row, strict=True)) for row in result.rows]
    group = [r for r in rows if r["group"] == Literal("5-8900")]
    assert sorted(r["identifier"].value for r in group) == [  # type: ignore[union-attr]
        f"5-{n}" for n in range(8900, 8919)
    ]
    assert {r["groupSize"].value for r in group} == {"19"}  # type: ignore[union-attr]


def test_embedded_store_is_kept_between_runs(sample_dump: Path, tmp_path: Path) -> None:
    first = EmbeddedStore(sample_dump, cache=tmp_path)
    stamp = (first.location / "loaded-from").stat().st_mtime_ns
    second = EmbeddedStore(sample_dump, cache=tmp_path)
    assert (second.location / "loaded-from").stat().st_mtime_ns == stamp
    assert second.triple_count() == first.triple_count() > 200


def test_embedded_store_reloads_a_changed_file(sample_dump: Path, tmp_path: Path) -> None:
    data = tmp_path / "data.nt"
    data.write_bytes(sample_dump.read_bytes())
    before = EmbeddedStore(data, cache=tmp_path / "cache").triple_count()
    data.write_text(data.read_text() + '<http://x/a> <http://x/b> "c" .\n')
    os.utime(data, ns=(1, 1))
    assert EmbeddedStore(data, cache=tmp_path / "cache").triple_count() == before + 1


def test_malformed_query_on_the_embedded_store(embedded: EmbeddedStore) -> None:
    with pytest.raises(StoreError, match="malformed query"):
        embedded.query("SELECT WHERE {")


def test_reloading_replaces_and_never_duplicates(oxigraph: str, sample_dump: Path) -> None:
    graph = "http://example.org/reload"
    first = load_graph(oxigraph + "/store", sample_dump, graph)
    second = load_graph(oxigraph + "/store", sample_dump, graph)
    assert first.complete and second.complete
    assert _stored(oxigraph, graph) == first.file_triples == second.store_triples


def test_a_refused_upload_leaves_the_previous_graph(oxigraph: str, sample_dump: Path) -> None:
    graph = "http://example.org/atomic"
    load_graph(oxigraph + "/store", sample_dump, graph)
    half = sample_dump.read_bytes()[: sample_dump.stat().st_size // 2] + b"\n<a> <b> broken .\n"
    request = urllib.request.Request(
        f"{oxigraph}/store?graph={graph}",
        data=half,
        method="PUT",
        headers={"Content-Type": "application/n-triples"},
    )
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(request)
    assert _stored(oxigraph, graph) == sum(1 for _ in sample_dump.open())


def test_load_without_query_endpoint_counts_by_reading_the_graph_back(
    oxigraph: str, sample_dump: Path
) -> None:
    report = load_graph(oxigraph + "/store?", sample_dump, "http://example.org/readback")
    assert report.complete


def test_unreachable_endpoint() -> None:
    url = f"http://127.0.0.1:{free_port()}/query"
    with pytest.raises(StoreError, match="unreachable"):
        RemoteEndpoint(url).query("ASK {}")


@pytest.mark.parametrize(
    ("status", "message"), [(401, "401 unauthorized"), (500, "500 internal server error")]
)
def test_endpoint_faults_give_one_clear_message(status: int, message: str) -> None:
    with fault_server(status) as url:
        with pytest.raises(StoreError, match=message) as caught:
            RemoteEndpoint(url + "/query", Credentials("reader", "s3cret")).query("ASK {}")
        assert "s3cret" not in str(caught.value)


def test_load_fault_gives_one_clear_message(sample_dump: Path) -> None:
    with fault_server(500) as url, pytest.raises(StoreError, match="HTTP 500"):
        load_graph(url + "/store", sample_dump, GRAPH)


def test_malformed_query_on_the_server(oxigraph: str) -> None:
    with pytest.raises(StoreError, match="400 malformed query"):
        RemoteEndpoint(oxigraph + "/query").query("SELECT WHERE {")


def test_credentials_are_taken_out_of_the_url() -> None:
    url, credentials = split_credentials("http://reader:s3cret@127.0.0.1:7878/query", None, None)
    assert url == "http://127.0.0.1:7878/query"
    assert credentials == Credentials("reader", "s3cret")


def test_password_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SENATE_LD_PASSWORD", "from-env")
    assert split_credentials("http://h/q", "reader", None)[1] == Credentials("reader", "from-env")
