"""The CSV tables and their CSVW metadata: read back by a CSVW processor (csvw_functions,
which passes the W3C CSVW test suite) over HTTP, as a harvester would, they give the
very triples of the graph about the resources and properties they hold."""

from __future__ import annotations

import csv
import json
import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import csvw_functions
import pytest
from pyoxigraph import NamedNode, RdfFormat, Triple, parse

from converters.build import build
from converters.convert.dataset import CSV_TABLES
from converters.pipeline import BuildOptions
from converters.publish.tables import TABLES, Table
from converters.vocabulary import RDF_TYPE

from .servers import site_server

BASE = "http://localhost:8000/"
QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("tables") / "out"
    build(BuildOptions(out=out, jobs=1, incremental=False))  # the bundled sample
    return out


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    with site_server(site) as url:
        yield url


def graph(site: Path) -> set[Triple]:
    return {
        quad.triple for quad in parse(path=str(site / "dataset.nt"), format=RdfFormat.N_TRIPLES)
    }


def expected_triples(table: Table, triples: set[Triple]) -> set[Triple]:
    """The graph's triples that ``table`` holds."""
    predicates = {column.predicate for column in table.columns}
    if table.rdf_class is None:
        return {t for t in triples if t.predicate in predicates}
    listed = {t.subject for t in triples if t.predicate == RDF_TYPE and t.object == table.rdf_class}
    return {
        t
        for t in triples
        if t.subject in listed
        and (t.predicate in predicates or (t.predicate == RDF_TYPE and t.object == table.rdf_class))
    }


def read_back(served: str) -> set[Triple]:
    """What the CSVW processor makes of the published tables (minimal mode)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # about our columns' titles having no language
        annotated = csvw_functions.create_annotated_table_group(
            served + "/tables/csv-metadata.json"
        )
        text = csvw_functions.create_rdf(annotated, mode="minimal")
    # it writes a literal's line breaks as they are, where N-Triples escapes them:
    text = QUOTED.sub(lambda m: m[0].replace("\r", "\\r").replace("\n", "\\n"), text)
    triples = {quad.triple for quad in parse(text.encode(), format=RdfFormat.N_TRIPLES)}
    # csvw_functions expands the URL template of an empty cell to the table's own URL,
    # where the CSVW specification says an empty (null) cell makes no triple:
    tables = {NamedNode(f"{served}/tables/{table.file}") for table in TABLES}
    return {_reserved_as_they_are(t) for t in triples if t.object not in tables}


def _reserved_as_they_are(triple: Triple) -> Triple:
    """csvw_functions percent-encodes ``?`` and ``&`` in a ``{+name}`` expansion (the
    senate.be page of a question), which RFC 6570 §3.2.3 leaves as they are."""
    value = triple.object
    if not isinstance(value, NamedNode) or "%3F" not in value.value:
        return triple
    unescaped = value.value.replace("%3F", "?").replace("%26", "&")
    return Triple(triple.subject, triple.predicate, NamedNode(unescaped))


def test_the_tables_map_back_to_the_graph(site: Path, served: str) -> None:
    triples = graph(site)
    expected = set().union(*(expected_triples(table, triples) for table in TABLES))
    assert read_back(served) == expected


def test_every_table_has_rows_and_its_header(site: Path) -> None:
    for table in TABLES:
        with (site / "tables" / table.file).open(newline="", encoding="utf-8") as stream:
            rows = list(csv.reader(stream))
        assert rows[0] == table.header()
        assert len(rows) > 1, table.file


def test_a_question_row_reads_as_a_spreadsheet_would(site: Path) -> None:
    with (site / "tables" / "questions.csv").open(newline="", encoding="utf-8") as stream:
        rows = {row["question"]: row for row in csv.DictReader(stream)}
    row = rows[BASE + "question/5-8904"]
    assert row["identifier"] == "5-8904"
    assert row["date_sent"] == "2013-04-30"
    assert row["ministry"].startswith(BASE + "ministry/")
    assert row["text_fr"] and row["text_nl"]


def test_the_metadata_describes_every_table(site: Path) -> None:
    metadata = json.loads((site / "tables" / "csv-metadata.json").read_text(encoding="utf-8"))
    assert [table["url"] for table in metadata["tables"]] == [t.file for t in TABLES]
    assert metadata["@context"][0] == "http://www.w3.org/ns/csvw"


def test_the_catalogue_lists_every_table() -> None:
    assert [table.name for table in TABLES] == list(CSV_TABLES)
