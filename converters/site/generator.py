"""The site's pages, planned from the graph.

Like a Pelican generator, :class:`SiteGenerator` turns the graph into :class:`Page`
objects (a folder path, a template, a context per language) that
:func:`~converters.site.writer.write_site` renders. The pages of each kind are built
in a module of their own (``question_pages``, ``listing_pages``, ``index_pages``,
``home_page``, ``reference_pages``); this class routes each resource to its kind and
holds the readings of the graph that several pages share.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import partial
from typing import Any, NamedTuple

from markupsafe import Markup
from pyoxigraph import NamedNode

from ..digests import EVERYTHING
from ..validate.report import ValidationReport
from ..vocabulary import DCTERMS, FOAF, SKOS, SQ
from . import (
    home_page,
    index_pages,
    listing_pages,
    question_pages,
    reference_pages,
    search_page,
)
from .documentation import curie
from .graph_view import GraphView
from .page import Page, days_between, external_link, status_of
from .search import SearchDocument, search_outline, search_shards
from .writer import description_jsonld, script_safe_json


class _QuestionFacts(NamedTuple):
    """What the site-wide pages count of a question."""

    sent: str | None
    answer: str | None
    days: int | None
    """From ``sent`` to the answer's date; None for a question not answered."""
    sessions: tuple[tuple[str, str], ...]
    """Its legislatures and sessions (IRIs), each legislature with each session."""
    status: str
    """The local name of its ``sq:status`` (``Answered``, ``Lapsed``…), or ``""``."""


class SiteGenerator:
    """Turns the dataset graph into pages."""

    def __init__(
        self,
        view: GraphView,
        sources: Mapping[str, str] | None = None,
        validation: ValidationReport | None = None,
    ) -> None:
        self.view = view
        self.base = view.base
        self.sources = sources or {}
        self.validation = validation
        """Shown on the validation page; the build sets it once validation is done."""
        self._questions = [
            iri for iri in self.view.of_type(SQ.WrittenQuestion) if self.view.path(iri) is not None
        ]
        self._described = [q for q in self._questions if self.view.value(q, DCTERMS.dateSubmitted)]
        self._medians: dict[str, tuple[float | None, frozenset[str]]] = {}
        self._facts_read: dict[str, tuple[_QuestionFacts, frozenset[str]]] = {}
        self._embedded: tuple[str, Markup] | None = None
        self._rows_made: tuple[tuple[str, object], list[dict[str, Any]]] | None = None
        self._sort_keys: dict[str, tuple[tuple[str, str], frozenset[str]]] = {}
        self.view.define("listing", self._listing_order)
        self._search_shards: dict[str, list[SearchDocument]] | None = None
        self.view.define("search", lambda _: search_outline(self.search_shards()))

    def search_shards(self) -> dict[str, list[SearchDocument]]:
        """What the search index is made of (:func:`search_shards`), read once for the
        index and the search page."""
        if self._search_shards is None:
            self._search_shards = search_shards(self.view)
        return self._search_shards

    def show(self, validation: ValidationReport) -> None:
        """The report the validation page shows (known once validation is done)."""
        self.validation = validation

    @property
    def questions(self) -> list[str]:
        """Every question minted under the base (a page using it reads the whole graph)."""
        self.view.note([EVERYTHING])
        return self._questions

    @property
    def described(self) -> list[str]:
        """The questions that have their own document, not only a sibling's mention."""
        self.view.note([EVERYTHING])
        return self._described

    def embedded_description(self, iri: str) -> Markup:
        """The description of ``iri`` as JSON-LD for a page's ``<script>`` element.

        The last one is kept: a page's three languages are rendered one after the
        other, and serialising it is the same work each time."""
        triples = self.view.description(iri)  # noted as read even when kept
        if self._embedded is None or self._embedded[0] != iri:
            self._embedded = (iri, Markup(script_safe_json(description_jsonld(triples))))
        return self._embedded[1]

    def pages(self) -> Iterator[Page]:
        for page, _reads in self.pages_with_reads():
            yield page

    def pages_with_reads(self) -> Iterator[tuple[Page, frozenset[str]]]:
        """Every page, with the dependency keys read while planning it (a resource's
        pages share them: a listing reads its questions once for all its pages)."""
        for _key, make in self.page_groups():
            made, reads = self.plan(make)
            for page in made:
                yield page, reads

    def plan(self, make: Callable[[], Iterable[Page]]) -> tuple[list[Page], frozenset[str]]:
        """The pages of a group, and what planning them read."""
        with self.view.tracking() as reads:
            made = list(make())
        return made, frozenset(reads)

    def page_groups(self) -> Iterator[tuple[str, Callable[[], Iterable[Page]]]]:
        """Pages planned together, each group under a key that names it across builds:
        a resource's pages (several for a long listing), then each site-wide page."""
        for iri in self.view.subjects():
            path = self.view.path(iri)
            if path is None or path == "":
                continue
            yield path + "/", partial(self.resource_pages, iri, path + "/")
        yield "home", lambda: [home_page.home(self)]
        yield "questions", lambda: [index_pages.questions_index(self)]
        yield (
            "persons",
            lambda: [
                index_pages.simple_index(
                    self, "persons/", "persons", FOAF.Person, "dcterms:creator"
                )
            ],
        )
        yield (
            "parties",
            lambda: [
                index_pages.simple_index(
                    self, "parties/", "parties", SQ.PoliticalParty, "sq:authorParty"
                )
            ],
        )
        yield (
            "ministries",
            lambda: [
                index_pages.simple_index(
                    self, "ministries/", "ministries", SQ.Ministry, "sq:addressedTo"
                )
            ],
        )
        yield "ontology", lambda: [reference_pages.ontology_page()]
        yield "shapes", lambda: [reference_pages.shapes_page()]
        yield "validation", lambda: [reference_pages.validation_page(self)]
        yield "queries", lambda: [reference_pages.queries_page()]
        yield "search", lambda: [search_page.search_page(self)]

    def resource_pages(self, iri: str, path: str) -> Iterator[Page]:
        types = self.view.types(iri)
        if SQ.WrittenQuestion.value in types:
            yield question_pages.question_page(self, iri, path)
        elif SQ.Answer.value in types:
            yield question_pages.answer_page(self, iri, path)
        elif (listed := listing_pages.listing_of(types)) is not None:
            yield from listing_pages.listing(self, iri, path, listed)
        elif SKOS.ConceptScheme.value in types:
            yield index_pages.descriptors_index(self, iri, path)
        else:
            yield reference_pages.generic_page(self, iri, path)

    def label(self, iri: str | None, language: str) -> tuple[str, str]:
        """A label for ``iri`` and the language it is in ("" when untagged)."""
        if iri is None:
            return "", ""
        for wanted in ([language] if language in ("fr", "nl") else []) + ["fr", "nl"]:
            for predicate in (SKOS.prefLabel, DCTERMS.title):
                text = self.view.text(iri, predicate, wanted)
                if text:
                    return text, wanted
        return self.view.label(iri, language), ""

    def ref(self, iri: str | None, language: str) -> dict[str, Any] | None:
        if iri is None:
            return None
        label, label_language = self.label(iri, language)
        return {"iri": iri, "label": label, "language": label_language or language}

    def item(self, question: str) -> dict[str, Any]:
        view = self.view
        author = next(iter(view.iris(question, DCTERMS.creator)), None)
        answer = next(iter(view.iris(question, SQ.hasAnswer)), None)
        return {
            "iri": question,
            "identifier": view.value(question, DCTERMS.identifier) or question,
            "title_fr": view.text(question, DCTERMS.title, "fr"),
            "title_nl": view.text(question, DCTERMS.title, "nl"),
            "date": view.value(question, DCTERMS.dateSubmitted),
            "author": view.label(author) if author else None,
            "answered": view.value(answer, DCTERMS.date) if answer else None,
        }

    def _listing_order(self, iri_and_link: str) -> list[str]:
        """The questions linked to a listing's resource, as its pages list them."""
        iri, _, link = iri_and_link.partition(" ")
        return self._newest_first(self.view.pointing(iri, NamedNode(link)))

    def _newest_first(self, questions: list[str]) -> list[str]:
        """``questions`` by date sent and number, newest first. A question's sort key is
        read once for the eight listings it is in on average, and what it was read from
        noted in each: a page that shows a listing depends on its order, not on what it
        was sorted by, but the build checks the latter to tell whether the order can
        have changed (:meth:`GraphView.reuse_digests`)."""
        keys = self._sort_keys
        for iri in questions:
            self.view.remembered(keys, iri, partial(self._sort_key, iri))
        return sorted(questions, key=lambda iri: keys[iri][0], reverse=True)

    def _sort_key(self, question: str) -> tuple[str, str]:
        view = self.view
        return (
            view.value(question, DCTERMS.dateSubmitted) or "",
            view.value(question, DCTERMS.identifier) or "",
        )

    def ministry_median(self, ministry: str) -> float | None:
        """Median days to answer a ministry's questions, computed once per ministry
        for its pages, the ministries index and the home chart."""
        return self.view.remembered(self._medians, ministry, partial(self._median, ministry))

    def _median(self, ministry: str) -> float | None:
        delays = self._delays(self.view.pointing(ministry, SQ.addressedTo))
        return statistics.median(delays) if delays else None

    def _delays(self, questions: list[str]) -> list[int]:
        return [days for q in questions if (days := self.facts(q).days) is not None]

    def facts(self, question: str) -> _QuestionFacts:
        """What the home page, the questions index and the ministries' medians count of
        a question, read once for all (the home page read each question four times
        over: a quarter of a rebuild's planning); what it was read from is noted
        wherever it is used."""
        return self.view.remembered(self._facts_read, question, partial(self._read_facts, question))

    def _read_facts(self, question: str) -> _QuestionFacts:
        view = self.view
        answer = next(iter(view.iris(question, SQ.hasAnswer)), None)
        sent = view.value(question, DCTERMS.dateSubmitted)
        answered = view.value(answer, DCTERMS.date) if answer else None
        sessions = tuple(
            (legislature, session)
            for legislature in view.iris(question, SQ.legislature)
            for session in view.iris(question, SQ.session)
        )
        status = status_of(view, question)
        return _QuestionFacts(sent, answer, days_between(sent, answered), sessions, status)

    def rows(
        self, iri: str, language: str, shown_in: Mapping[str, str] | None = None
    ) -> list[dict[str, Any]]:
        """The statements about ``iri`` as table rows. A value of a predicate in
        ``shown_in`` (long texts the page shows in full) links to the element with that id
        instead of being repeated: it would make up a third of the page.

        Only the labels of linked resources depend on ``language``; the rest of the
        last rows made is kept for the next language of the same page."""
        self.view.description(iri)  # noted as read even when kept
        if self._rows_made is None or self._rows_made[0] != (iri, shown_in):
            self._rows_made = ((iri, shown_in), self._rows_in_any_language(iri, shown_in))
        return [
            {**row, "text": self.view.label(row["iri"], language)} if row["iri"] else row
            for row in self._rows_made[1]
        ]

    def _rows_in_any_language(
        self, iri: str, shown_in: Mapping[str, str] | None
    ) -> list[dict[str, Any]]:
        rows = []
        for statement in self.view.statements(iri):
            value = statement.value
            row: dict[str, Any] = {
                "predicate": statement.predicate,
                "predicate_name": curie(statement.predicate),
                "iri": None,
                "href": None,
                "language": None,
                "datatype": "",
                "shown_in": (shown_in or {}).get(statement.predicate),
            }
            if isinstance(value, NamedNode):
                internal = self.view.path(value.value) is not None
                row["text"] = None if internal else curie(value.value)
                row["iri"] = value.value if internal else None
                row["href"] = None if internal else external_link(value.value)
            else:
                datatype = value.datatype.value
                row["text"] = value.value
                row["language"] = value.language
                row["datatype"] = (
                    "" if value.language or datatype.endswith("#string") else curie(datatype)
                )
            rows.append(row)
        return rows
