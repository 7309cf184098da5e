"""The graph as CSV tables, for people who do not speak RDF, with W3C CSVW metadata
(``tables/csv-metadata.json``) that maps every table back to the same triples.

A table lists the resources of one class, a row each, a column for each of their
single-valued properties; a property a resource can have several of (a question's
descriptors, its siblings) gets a table of pairs. Every cell comes from the graph, so
a CSVW processor that reads a table with its metadata gives back exactly the graph's
triples about those resources and properties (tested, with a processor that passes
the CSVW test suite).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any

from pyoxigraph import Literal, NamedNode, Triple

from ..vocabulary import DCTERMS, FOAF, ORG, RDF_TYPE, SKOS, SQ
from .files import new_file

Statements = dict[str, list[NamedNode | Literal]]
"""A subject's values, by predicate IRI."""
TABLES_FOLDER = "tables"
METADATA = "csv-metadata.json"


@dataclass(frozen=True)
class Column:
    name: str
    predicate: NamedNode
    kind: str = "text"
    """``iri``, ``text`` (a plain string), ``date``, or a language code (``fr``, ``nl``)."""
    title: str = ""

    def cell(self, values: Sequence[NamedNode | Literal]) -> str:
        for value in values:
            if self.kind == "iri":
                if isinstance(value, NamedNode):
                    return value.value
            elif isinstance(value, Literal) and (value.language or "") == self._language:
                return value.value
        return ""

    @property
    def _language(self) -> str:
        return self.kind if self.kind not in ("iri", "text", "date") else ""

    def schema(self) -> dict[str, Any]:
        described: dict[str, Any] = {
            "name": self.name,
            "titles": self.name,
            "dc:description": self.title,
            "propertyUrl": self.predicate.value,
        }
        if self.kind == "iri":
            described["valueUrl"] = "{+" + self.name + "}"
        elif self.kind == "date":
            described["datatype"] = "date"
        elif self._language:
            described["lang"] = self.kind
        return described


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    about: str
    """The column naming the resource a row is about (its IRI)."""
    rdf_class: NamedNode | None
    """The class of the resources listed (a row each); None for a table of pairs."""
    columns: tuple[Column, ...]

    @property
    def file(self) -> str:
        return f"{self.name}.csv"

    def header(self) -> list[str]:
        return [self.about, *(column.name for column in self.columns)]

    def rows(self, subject: str, statements: Statements) -> list[list[str]]:
        """The rows about ``subject``: one for a listed resource, one per value for pairs."""
        if self.rdf_class is not None:
            cells = [
                column.cell(statements.get(column.predicate.value, [])) for column in self.columns
            ]
            return [[subject, *cells]]
        (column,) = self.columns
        values = statements.get(column.predicate.value, [])
        return [[subject, value.value] for value in values if isinstance(value, NamedNode)]

    def schema(self) -> dict[str, Any]:
        columns: list[dict[str, Any]] = [
            {"name": self.about, "titles": self.about, "suppressOutput": True},
            *(column.schema() for column in self.columns),
        ]
        if self.rdf_class is not None:
            columns.append(
                {"virtual": True, "propertyUrl": "rdf:type", "valueUrl": self.rdf_class.value}
            )
        return {
            "url": self.file,
            "dc:title": self.title,
            "tableSchema": {
                "columns": columns,
                "primaryKey": self.about if self.rdf_class else [self.about, self.columns[0].name],
                "aboutUrl": "{+" + self.about + "}",
            },
        }


def _labels(predicate: NamedNode) -> tuple[Column, ...]:
    return (
        Column("label_fr", predicate, "fr", "label in French"),
        Column("label_nl", predicate, "nl", "label in Dutch"),
    )


TABLES = (
    Table(
        "questions",
        "Written questions",
        "question",
        SQ.WrittenQuestion,
        (
            Column("identifier", DCTERMS.identifier, "text", "number, as the Senate prints it"),
            Column("title_fr", DCTERMS.title, "fr", "title in French"),
            Column("title_nl", DCTERMS.title, "nl", "title in Dutch"),
            Column("date_sent", DCTERMS.dateSubmitted, "date", "date the question was sent"),
            Column("author", DCTERMS.creator, "iri", "the senator who asked it"),
            Column("party", SQ.authorParty, "iri", "the author's party when it was asked"),
            Column("ministry", SQ.addressedTo, "iri", "the ministry it was addressed to"),
            Column("legislature", SQ.legislature, "iri", "legislature"),
            Column("session", SQ.session, "iri", "parliamentary session"),
            Column("status", SQ.status, "iri", "answered, awaiting an answer, closed or lapsed"),
            Column("answer_deadline", SQ.answerDeadline, "date", "end of the answer period"),
            Column("date_closed", SQ.dateClosed, "date", "date closed without an answer"),
            Column("answer", SQ.hasAnswer, "iri", "its answer"),
            Column("original_language", SQ.originalLanguage, "iri", "language it was asked in"),
            Column("reintroduces", SQ.reintroduces, "iri", "the question it reintroduces"),
            Column("reintroduced_as", SQ.reintroducedAs, "iri", "the question reintroducing it"),
            Column("source", DCTERMS.source, "iri", "its page on senate.be"),
            Column("text_fr", SQ.questionText, "fr", "the question in French"),
            Column("text_nl", SQ.questionText, "nl", "the question in Dutch"),
        ),
    ),
    Table(
        "answers",
        "Answers",
        "answer",
        SQ.Answer,
        (
            Column("date", DCTERMS.date, "date", "date of the answer"),
            Column("text_fr", SQ.answerText, "fr", "the answer in French"),
            Column("text_nl", SQ.answerText, "nl", "the answer in Dutch"),
        ),
    ),
    Table(
        "persons",
        "Senators",
        "person",
        FOAF.Person,
        (
            Column("name", FOAF.name, "text", "name"),
            Column("party", ORG.memberOf, "iri", "party"),
        ),
    ),
    Table(
        "parties",
        "Political parties",
        "party",
        SQ.PoliticalParty,
        (
            Column("label", SKOS.prefLabel, "text", "label, the same in both languages"),
            *_labels(SKOS.prefLabel),
        ),
    ),
    Table("ministries", "Ministries", "ministry", SQ.Ministry, _labels(SKOS.prefLabel)),
    Table(
        "descriptors",
        "EuroVoc descriptors",
        "descriptor",
        SKOS.Concept,
        (
            *_labels(SKOS.prefLabel),
            Column("scheme", SKOS.inScheme, "iri", "concept scheme"),
            Column("eurovoc", SKOS.exactMatch, "iri", "the EuroVoc concept"),
        ),
    ),
    Table(
        "question_descriptors",
        "Questions and their descriptors",
        "question",
        None,
        (Column("descriptor", DCTERMS.subject, "iri", "a descriptor of the question"),),
    ),
    Table(
        "question_siblings",
        "Questions sent with the same text to other ministers",
        "question",
        None,
        (Column("also_asked_as", SQ.alsoAskedAs, "iri", "the same question to another minister"),),
    ),
)
TABLE_FILES = (
    *(f"{TABLES_FOLDER}/{table.file}" for table in TABLES),
    f"{TABLES_FOLDER}/{METADATA}",
)


def write_tables(triples: Sequence[Triple], directory: Path) -> list[Path]:
    """Every table and its CSVW metadata, in ``directory/tables/``, from the graph's
    triples (sorted by subject, as a conversion gives them)."""
    folder = directory / TABLES_FOLDER
    folder.mkdir(exist_ok=True)
    paths = [new_file(folder / table.file) for table in TABLES]
    with ExitStack() as files:
        writers = [
            csv.writer(files.enter_context(path.open("w", newline="", encoding="utf-8")))
            for path in paths
        ]
        for table, writer in zip(TABLES, writers, strict=True):
            writer.writerow(table.header())
        for subject, statements in _statements(triples):
            types = {value.value for value in statements.get(RDF_TYPE.value, [])}
            for table, writer in zip(TABLES, writers, strict=True):
                if table.rdf_class is None or table.rdf_class.value in types:
                    writer.writerows(table.rows(subject, statements))
    metadata = new_file(folder / METADATA)
    text = json.dumps(csvw_metadata(), indent=2, ensure_ascii=False)
    metadata.write_text(text + "\n", encoding="utf-8")
    return [*paths, metadata]


def csvw_metadata() -> dict[str, Any]:
    return {
        "@context": ["http://www.w3.org/ns/csvw", {"@language": "en"}],
        "dc:title": "Written questions of the Belgian Senate, as tables",
        "dialect": {"header": True, "encoding": "utf-8"},
        "tables": [table.schema() for table in TABLES],
    }


def _statements(triples: Sequence[Triple]) -> Iterator[tuple[str, Statements]]:
    """Each named subject with its values by predicate."""
    for subject, about in groupby(triples, key=lambda triple: triple.subject):
        if not isinstance(subject, NamedNode):
            continue
        statements: Statements = {}
        for triple in about:
            value = triple.object
            if isinstance(value, NamedNode | Literal):
                statements.setdefault(triple.predicate.value, []).append(value)
        yield subject.value, statements
