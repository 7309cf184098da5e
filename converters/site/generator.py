"""The static linked-data website, rendered from the graph with jinja2.

Like Pelican's generators, :class:`SiteGenerator` turns the graph into :class:`Page`
objects (a folder path, a template, a context) and :func:`write_site` renders each page
in English, French and Dutch and writes the files. Every resource minted under the
base gets a folder at its IRI's path holding ``index.html`` (English),
``index.fr.html``, ``index.nl.html``, and its description as ``index.ttl`` and
``index.jsonld``; so the IRI works on any static file server, and the server rules
written beside the pages add content negotiation.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache, partial
from importlib.resources import files
from pathlib import Path
from typing import Any, NamedTuple
from xml.sax.saxutils import escape as xml_escape

from jinja2 import Environment
from markupsafe import Markup
from pyoxigraph import NamedNode, RdfFormat, Triple, serialize

from ..incremental.cache import EVERYTHING, FileStatus, OutputReuse, combined_digest, file_status
from ..iris import slugify
from ..publish.files import new_file, safe_folder
from ..query.catalogue import load_catalogue
from ..validate.shacl import ValidationReport, shapes_turtle
from ..vocabulary import (
    DCAT,
    DCTERMS,
    FOAF,
    ORG,
    PREFIXES,
    SKOS,
    SQ,
    SQ_NAMESPACE,
    VOID,
)
from ..workers import run_in_workers
from .charts import Chart, bar_chart, column_chart
from .documentation import OntologyDocument, ShapesDocument, curie, ontology_turtle
from .graph_view import GraphView
from .interface import LANGUAGE_NAMES, LANGUAGES, translate
from .templating import CompiledTemplates, environments

PAGE_SIZE = 50
SITEMAP_LIMIT = 50_000
LANGUAGE_AUTHORITY = "http://publications.europa.eu/resource/authority/language/"


@dataclass(frozen=True)
class Page:
    """One page: where it lives (a folder path, "" for the home page), how it is drawn."""

    path: str
    template: str
    title: Callable[[str], str]
    build: Callable[[str], dict[str, Any]]
    """The template's context in one language."""
    resource: str | None = None
    """The IRI whose description is embedded and offered as Turtle and JSON-LD."""
    shows_report: bool = False
    """Drawn from the validation report, so rendered last (see :func:`write_site`)."""


@lru_cache(maxsize=65536)
def relative_path(target: str, start: str) -> str:
    """``target`` relative to the folder ``start`` (both site paths such as ``a/b/``),
    "" for the same folder. String work only: these paths never hold ``.`` or ``..``."""
    to = [part for part in target.split("/") if part]
    at = [part for part in start.split("/") if part]
    common = 0
    while common < min(len(to), len(at)) and to[common] == at[common]:
        common += 1
    return "/".join([".."] * (len(at) - common) + to[common:])


class PageLinks:
    """Relative links from one page, in one language, so the site works at any root."""

    def __init__(self, path: str, language: str, view: GraphView) -> None:
        self.path = path
        self.language = language
        self.view = view

    def _relative(self, target: str) -> str:
        return relative_path(target, self.path)

    def link(self, folder: str) -> str:
        """A page folder (``person/x/``, ``""`` for home) in the current language."""
        relative = self._relative(folder.rstrip("/"))
        prefix = relative + "/" if relative else ""
        name = "" if self.language == "en" else f"index.{self.language}.html"
        return prefix + name or "./"

    def file(self, target: str) -> str:
        return self._relative(target)

    def resource(self, iri: str) -> str:
        path = self.view.path(iri)
        if path is None:
            return iri if iri.startswith(("http://", "https://")) else "#"
        if "." in path.rsplit("/", 1)[-1]:
            return self.file(path)
        return self.link(path)

    def in_language(self, language: str) -> str:
        return "./" if language == "en" else f"index.{language}.html"


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
        triples: Sequence[Triple],
        base: str,
        sources: dict[str, str] | None = None,
        validation: ValidationReport | None = None,
    ) -> None:
        self.view = GraphView(triples, base)
        self.base = base
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

    # -- every page -------------------------------------------------------------------

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
        yield "home", lambda: [self.home()]
        yield "questions", lambda: [self.questions_index()]
        yield (
            "persons",
            lambda: [self.simple_index("persons/", "persons", FOAF.Person, "dcterms:creator")],
        )
        yield (
            "parties",
            lambda: [self.simple_index("parties/", "parties", SQ.PoliticalParty, "sq:authorParty")],
        )
        yield (
            "ministries",
            lambda: [self.simple_index("ministries/", "ministries", SQ.Ministry, "sq:addressedTo")],
        )
        yield "ontology", lambda: [self.ontology_page()]
        yield "shapes", lambda: [self.shapes_page()]
        yield "validation", lambda: [self.validation_page()]
        yield "queries", lambda: [self.queries_page()]

    def resource_pages(self, iri: str, path: str) -> Iterator[Page]:
        types = self.view.types(iri)
        if SQ.WrittenQuestion.value in types:
            yield self.question_page(iri, path)
        elif SQ.Answer.value in types:
            yield self.answer_page(iri, path)
        elif FOAF.Person.value in types:
            yield from self.listing(iri, path, "author", DCTERMS.creator, self._person_facts)
        elif SQ.PoliticalParty.value in types:
            yield from self.listing(iri, path, "party", SQ.authorParty, self._party_facts)
        elif SQ.Ministry.value in types:
            yield from self.listing(iri, path, "addressed_to", SQ.addressedTo, self._ministry_facts)
        elif SKOS.Concept.value in types:
            yield from self.listing(
                iri, path, "descriptors", DCTERMS.subject, self._descriptor_facts
            )
        elif SQ.Legislature.value in types:
            yield from self.listing(iri, path, "legislature", SQ.legislature, lambda i, lang: [])
        elif SQ.Session.value in types:
            yield from self.listing(iri, path, "session", SQ.session, lambda i, lang: [])
        elif SKOS.ConceptScheme.value in types:
            yield self.descriptors_index(iri, path)
        else:
            yield self.generic_page(iri, path)

    # -- questions --------------------------------------------------------------------

    def question_page(self, iri: str, path: str) -> Page:
        view = self.view
        title_fr = view.text(iri, DCTERMS.title, "fr") or ""
        title_nl = view.text(iri, DCTERMS.title, "nl") or ""
        identifier = view.value(iri, DCTERMS.identifier) or iri
        answer = next(iter(view.iris(iri, SQ.hasAnswer)), None)
        sent = view.value(iri, DCTERMS.dateSubmitted)
        answered = view.value(answer, DCTERMS.date) if answer else None
        original = view.value(iri, SQ.originalLanguage) or ""
        party = next(iter(view.iris(iri, SQ.authorParty)), None)
        author = next(iter(view.iris(iri, DCTERMS.creator)), None)
        ministry = next(iter(view.iris(iri, SQ.addressedTo)), None)
        legislature = next(iter(view.iris(iri, SQ.legislature)), None)
        session = next(iter(view.iris(iri, SQ.session)), None)
        source = view.value(iri, DCTERMS.source)
        status = _status(view, iri)
        deadline = view.value(iri, SQ.answerDeadline)
        closed = view.value(iri, SQ.dateClosed)
        reintroductions = [
            (key, view.iris(iri, predicate))
            for key, predicate in (
                ("reintroduces", SQ.reintroduces),
                ("reintroduced_as", SQ.reintroducedAs),
            )
        ]

        def context(language: str) -> dict[str, Any]:
            return {
                "q": {
                    "status": status,
                    "answer_deadline": deadline,
                    "date_closed": closed,
                    "reintroductions": [
                        (key, [self._sibling(other, language) for other in others])
                        for key, others in reintroductions
                        if others
                    ],
                    "identifier": identifier,
                    "stub": not sent,
                    "title_fr": title_fr,
                    "title_nl": title_nl,
                    "author": self._ref(author, language),
                    "party": self._ref(party, language),
                    "ministry": self._ref(ministry, language),
                    "legislature": self._ref(legislature, language),
                    "session": self._ref(session, language),
                    "date_sent": sent,
                    "date_answered": answered,
                    "delay": _days_between(sent, answered),
                    "answer": answer,
                    "original_language": original.removeprefix(LANGUAGE_AUTHORITY)[:2].lower()
                    if original
                    else "",
                    "source": _external(source or ""),
                    "descriptors": [
                        {
                            **(self._ref(d, language) or {}),
                            "eurovoc": view.value(d, SKOS.exactMatch),
                        }
                        for d in view.iris(iri, DCTERMS.subject)
                    ],
                    "siblings": [
                        self._sibling(s, language) for s in view.iris(iri, SQ.alsoAskedAs)
                    ],
                    "text_fr": _paragraphs(view.text(iri, SQ.questionText, "fr")),
                    "text_nl": _paragraphs(view.text(iri, SQ.questionText, "nl")),
                    "answer_fr": _paragraphs(
                        view.text(answer, SQ.answerText, "fr") if answer else None
                    ),
                    "answer_nl": _paragraphs(
                        view.text(answer, SQ.answerText, "nl") if answer else None
                    ),
                },
                "rows": self._rows(iri, language, {SQ.questionText.value: "text"}),
            }

        def title(language: str) -> str:
            chosen = title_nl if language == "nl" and title_nl else title_fr or title_nl
            return f"{identifier} {chosen}".strip()

        return Page(path, "question.html", title, context, iri)

    def answer_page(self, iri: str, path: str) -> Page:
        view = self.view
        question = next(iter(view.pointing(iri, SQ.hasAnswer)), "")
        identifier = view.value(question, DCTERMS.identifier) or ""

        def context(language: str) -> dict[str, Any]:
            return {
                "a": {
                    "question": question,
                    "identifier": identifier,
                    "date": view.value(iri, DCTERMS.date),
                    "text_fr": _paragraphs(view.text(iri, SQ.answerText, "fr")),
                    "text_nl": _paragraphs(view.text(iri, SQ.answerText, "nl")),
                },
                "rows": self._rows(iri, language, {SQ.answerText.value: "text"}),
            }

        return Page(
            path,
            "answer.html",
            lambda lang: f"{translate('answer', lang)} {identifier}",
            context,
            iri,
        )

    def _sibling(self, iri: str, language: str) -> dict[str, Any]:
        ministry = next(iter(self.view.iris(iri, SQ.addressedTo)), None)
        label, label_language = self._label(ministry, language) if ministry else ("", "")
        return {
            "iri": iri,
            "identifier": self.view.value(iri, DCTERMS.identifier) or iri,
            "ministry": label,
            "ministry_language": label_language,
        }

    # -- resources with lists of questions ---------------------------------------------

    def listing(
        self,
        iri: str,
        path: str,
        kind: str,
        link: NamedNode,
        facts: Callable[[str, str], list[dict[str, Any]]],
    ) -> Iterator[Page]:
        questions: list[str] = self.view.derived(f"listing {iri} {link.value}")
        chunks = [questions[i : i + PAGE_SIZE] for i in range(0, len(questions), PAGE_SIZE)] or [[]]
        for number, chunk in enumerate(chunks, start=1):
            folder = path if number == 1 else f"{path}page/{number}/"
            pager = {
                "number": number,
                "count": len(chunks),
                "previous": (path if number == 2 else f"{path}page/{number - 1}/")
                if number > 1
                else None,
                "next": f"{path}page/{number + 1}/" if number < len(chunks) else None,
            }

            def context(
                language: str,
                chunk: list[str] = chunk,
                pager: dict[str, Any] = pager,
                number: int = number,
            ) -> dict[str, Any]:
                heading, heading_language = self._label(iri, language)
                other_language = "nl" if heading_language == "fr" else "fr"
                other = self.view.text(iri, SKOS.prefLabel, other_language)
                return {
                    "kind": translate(kind, language),
                    "heading": heading,
                    "heading_language": heading_language,
                    "other_label": other if other and other != heading else None,
                    "other_language": other_language,
                    "facts": facts(iri, language),
                    "items": [self._item(q) for q in chunk],
                    "total": len(questions),
                    "pager": pager,
                    "rows": self._rows(iri, language) if number == 1 else [],
                }

            def title(language: str, number: int = number) -> str:
                label = self._label(iri, language)[0]
                return label if number == 1 else f"{label} ({translate('page', language)} {number})"

            yield Page(folder, "listing.html", title, context, iri if number == 1 else None)

    def _person_facts(self, iri: str, language: str) -> list[dict[str, Any]]:
        parties = self.view.iris(iri, ORG.memberOf)
        return [self._fact("member_of", parties, language)] if parties else []

    def _party_facts(self, iri: str, language: str) -> list[dict[str, Any]]:
        members = self.view.pointing(iri, ORG.memberOf)
        return [self._fact("members", members, language)] if members else []

    def _ministry_facts(self, iri: str, language: str) -> list[dict[str, Any]]:
        median = self._ministry_median(iri)
        if median is None:
            return []
        return [
            {
                "name": translate("median_delay", language),
                "links": [
                    {"text": f"{median:g} {translate('days', language)}", "iri": None, "href": None}
                ],
            }
        ]

    def _descriptor_facts(self, iri: str, language: str) -> list[dict[str, Any]]:
        match = _external(self.view.value(iri, SKOS.exactMatch) or "")
        if not match:
            return []
        return [
            {
                "name": translate("eurovoc", language),
                "links": [{"text": match, "iri": None, "href": match}],
            }
        ]

    def _fact(self, key: str, iris: list[str], language: str) -> dict[str, Any]:
        links = [{"text": self._label(i, language)[0], "iri": i, "href": None} for i in iris]
        return {"name": translate(key, language), "links": links}

    # -- indexes ------------------------------------------------------------------------

    def home(self) -> Page:
        view = self.view
        facts = [self._facts(q) for q in self.described]
        answered = sum(1 for f in facts if f.answer)
        delays = [f.days for f in facts if f.days is not None]
        statuses = Counter(f.status for f in facts)
        figures = [
            ("questions", len(self.described), "questions/"),
            ("answered_count", answered, "questions/"),
            ("awaiting_count", statuses["AwaitingAnswer"], "questions/"),
            ("closed_count", statuses["ClosedWithoutAnswer"], "questions/"),
            ("lapsed_count", statuses["Lapsed"], "questions/"),
            ("persons", len(view.of_type(FOAF.Person)), "persons/"),
            ("parties", len(view.of_type(SQ.PoliticalParty)), "parties/"),
            ("ministries", len(view.of_type(SQ.Ministry)), "ministries/"),
            ("descriptors", len(view.of_type(SKOS.Concept)), "descriptors/"),
        ]
        months = Counter((f.sent or "")[:7] for f in facts)
        month_series = _month_series(months)
        ministries = []
        for ministry in view.of_type(SQ.Ministry):
            median = self._ministry_median(ministry)
            if median is not None:
                ministries.append((ministry, median))
        ministries.sort(key=lambda item: (-item[1], item[0]))
        descriptors = sorted(
            ((d, len(view.pointing(d, DCTERMS.subject))) for d in view.of_type(SKOS.Concept)),
            key=lambda item: (-item[1], item[0]),
        )[:15]

        def context(language: str) -> dict[str, Any]:
            links = PageLinks("", language, view)
            items = [
                {"name": translate(key, language), "value": value, "href": links.link(href)}
                for key, value, href in figures
            ]
            if delays:
                items.append(
                    {
                        "name": translate("median_delay", language)
                        + f" ({translate('days', language)})",
                        "value": f"{statistics.median(delays):g}",
                        "href": links.link("ministries/"),
                    }
                )
            charts: list[Chart] = [
                column_chart(
                    "per-month",
                    translate("questions_per_month", language),
                    month_series,
                    translate("questions", language),
                ),
                bar_chart(
                    "delay-per-ministry",
                    translate("median_delay_per_ministry", language),
                    [
                        (self._label(m, language)[0], d, links.resource(m))
                        for m, d in ministries[:15]
                    ],
                    translate("days", language),
                ),
                bar_chart(
                    "top-descriptors",
                    translate("top_descriptors", language),
                    [(self._label(d, language)[0], n, links.resource(d)) for d, n in descriptors],
                    translate("questions", language),
                ),
            ]
            return {"figures": items, "charts": charts}

        return Page("", "home.html", lambda lang: translate("home", lang), context)

    def questions_index(self) -> Page:
        view = self.view
        by_legislature: dict[str, Counter[str]] = defaultdict(Counter)
        for question in self.described:
            for legislature, session in self._facts(question).sessions:
                by_legislature[legislature][session] += 1

        def context(language: str) -> dict[str, Any]:
            links = PageLinks("questions/", language, view)
            legislatures = []
            for legislature in sorted(
                by_legislature, key=lambda i: view.value(i, SKOS.notation) or i
            ):
                sessions = by_legislature[legislature]
                legislatures.append(
                    {
                        "anchor": "legislature-"
                        + slugify(view.value(legislature, SKOS.notation) or legislature),
                        "label": self._label(legislature, language)[0],
                        "href": links.resource(legislature),
                        "count": sum(sessions.values()),
                        "sessions": [
                            {
                                "label": self._label(s, language)[0],
                                "href": links.resource(s),
                                "count": n,
                            }
                            for s, n in sorted(sessions.items())
                        ],
                    }
                )
            return {"legislatures": legislatures}

        return Page(
            "questions/",
            "questions_index.html",
            lambda lang: translate("questions", lang),
            context,
        )

    def simple_index(self, path: str, key: str, rdf_class: NamedNode, link: str) -> Page:
        view = self.view
        predicate = {
            "dcterms:creator": DCTERMS.creator,
            "sq:authorParty": SQ.authorParty,
            "sq:addressedTo": SQ.addressedTo,
        }[link]
        resources = view.of_type(rdf_class)

        def context(language: str) -> dict[str, Any]:
            links = PageLinks(path, language, view)
            entries = []
            for iri in resources:
                label, label_language = self._label(iri, language)
                questions = view.pointing(iri, predicate)
                note = ""
                median = self._ministry_median(iri) if rdf_class == SQ.Ministry else None
                if median is not None:
                    note = f"{translate('median_delay', language)}: {median:g} "
                    note += translate("days", language)
                entries.append(
                    {
                        "label": label,
                        "language": label_language,
                        "href": links.resource(iri),
                        "count": len(questions),
                        "note": note,
                        "other": None,
                        "other_language": "",
                    }
                )
            entries.sort(key=_entry_key)
            return {"heading": translate(key, language), "entries": entries, "letters": None}

        return Page(path, "index_list.html", lambda lang: translate(key, lang), context)

    def descriptors_index(self, iri: str, path: str) -> Page:
        view = self.view
        concepts = view.pointing(iri, SKOS.inScheme)

        def context(language: str) -> dict[str, Any]:
            links = PageLinks(path, language, view)
            label_language = "nl" if language == "nl" else "fr"
            other_language = "fr" if label_language == "nl" else "nl"
            letters: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for concept in concepts:
                label = view.text(concept, SKOS.prefLabel, label_language) or view.label(concept)
                letter = (slugify(label)[:1] or "#").upper()
                letters[letter].append(
                    {
                        "label": label,
                        "language": label_language,
                        "other": view.text(concept, SKOS.prefLabel, other_language),
                        "other_language": other_language,
                        "href": links.resource(concept),
                        "count": len(view.pointing(concept, DCTERMS.subject)),
                    }
                )
            ordered: list[dict[str, Any]] = [
                {
                    "name": letter,
                    "anchor": slugify(letter) or "other",
                    "entries": sorted(found, key=_entry_key),
                }
                for letter, found in sorted(letters.items())
            ]
            return {
                "heading": translate("descriptors", language),
                "letters": ordered,
                "entries": [],
            }

        return Page(
            path,
            "index_list.html",
            lambda lang: translate("descriptors", lang),
            context,
            iri,
        )

    # -- generic, ontology, shapes, validation, queries -----------------------------------

    def generic_page(self, iri: str, path: str) -> Page:
        view = self.view
        types = view.types(iri)
        kind_key = "dataset" if VOID.Dataset.value in types else "properties"

        def context(language: str) -> dict[str, Any]:
            extra = None
            if VOID.Dataset.value in types:
                count = view.value(iri, VOID.triples)
                extra = Markup("<p>{} {}</p>").format(count or "?", translate("triples", language))
            return {
                "kind": translate(kind_key, language),
                "heading": view.label(iri, language)
                if DCAT.Distribution.value not in types
                else path.rstrip("/"),
                "rows": self._rows(iri, language),
                "extra": extra,
            }

        return Page(path, "resource.html", lambda lang: view.label(iri, lang), context, iri)

    def ontology_page(self) -> Page:
        document = OntologyDocument()
        return Page(
            "ontology/",
            "ontology.html",
            lambda lang: translate("ontology", lang),
            document.context,
        )

    def shapes_page(self) -> Page:
        shapes = ShapesDocument(shapes_turtle()).shapes()
        return Page(
            "shapes/",
            "shapes.html",
            lambda lang: translate("shapes", lang),
            lambda lang: {"shapes": shapes},
        )

    def validation_page(self) -> Page:
        def context(language: str) -> dict[str, Any]:
            self.view.note([EVERYTHING])
            report = self.validation
            if report is None:
                raise ValueError("the site has no validation report to show")
            links = PageLinks("validation/", language, self.view)
            results = [
                {
                    "severity": r.severity,
                    "focus": r.focus,
                    "href": links.resource(r.focus)
                    if self.view.path(r.focus) is not None
                    else None,
                    "path": _curie_path(r.path),
                    "message": r.message,
                    "source": r.source,
                }
                for r in report.results
            ]
            return {"report": report, "results": results}

        return Page(
            "validation/",
            "validation.html",
            lambda lang: translate("validation", lang),
            context,
            shows_report=True,
        )

    def queries_page(self) -> Page:
        queries = list(load_catalogue().values())
        return Page(
            "queries/",
            "queries.html",
            lambda lang: translate("sparql_queries", lang),
            lambda lang: {"queries": queries},
        )

    # -- helpers --------------------------------------------------------------------------

    def _label(self, iri: str | None, language: str) -> tuple[str, str]:
        """A label for ``iri`` and the language it is in ("" when untagged)."""
        if iri is None:
            return "", ""
        for wanted in ([language] if language in ("fr", "nl") else []) + ["fr", "nl"]:
            for predicate in (SKOS.prefLabel, DCTERMS.title):
                text = self.view.text(iri, predicate, wanted)
                if text:
                    return text, wanted
        return self.view.label(iri, language), ""

    def _ref(self, iri: str | None, language: str) -> dict[str, Any] | None:
        if iri is None:
            return None
        label, label_language = self._label(iri, language)
        return {"iri": iri, "label": label, "language": label_language or language}

    def _item(self, question: str) -> dict[str, Any]:
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

    def _ministry_median(self, ministry: str) -> float | None:
        """Median days to answer a ministry's questions, computed once per ministry
        for its pages, the ministries index and the home chart."""
        return self.view.remembered(self._medians, ministry, partial(self._median, ministry))

    def _median(self, ministry: str) -> float | None:
        delays = self._delays(self.view.pointing(ministry, SQ.addressedTo))
        return statistics.median(delays) if delays else None

    def _delays(self, questions: list[str]) -> list[int]:
        return [days for q in questions if (days := self._facts(q).days) is not None]

    def _facts(self, question: str) -> _QuestionFacts:
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
        status = _status(view, question)
        return _QuestionFacts(sent, answer, _days_between(sent, answered), sessions, status)

    def _rows(
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
                row["href"] = None if internal else _external(value.value)
            else:
                datatype = value.datatype.value
                row["text"] = value.value
                row["language"] = value.language
                row["datatype"] = (
                    "" if value.language or datatype.endswith("#string") else curie(datatype)
                )
            rows.append(row)
        return rows


# -- writing -------------------------------------------------------------------------------


def render_page(
    by_language: Mapping[str, Environment], generator: SiteGenerator, page: Page, language: str
) -> str:
    """``page`` in ``language``, with the environment of that language from
    ``by_language`` (see :mod:`converters.site.templating`)."""
    links = PageLinks(page.path, language, generator.view)
    context = page.build(language)
    alternates = []
    jsonld = None
    if page.resource is not None:
        alternates = [
            {"type": "text/turtle", "href": "index.ttl", "name": "Turtle"},
            {"type": "application/ld+json", "href": "index.jsonld", "name": "JSON-LD"},
        ]
        jsonld = generator.embedded_description(page.resource)
    return (
        by_language[language]
        .get_template(page.template)
        .render(
            lang=language,
            languages=LANGUAGES,
            language_names=LANGUAGE_NAMES,
            t=lambda key: translate(key, language),
            title=page.title(language),
            page=links,
            alternates=alternates,
            jsonld=jsonld,
            **context,
        )
    )


def description_jsonld(triples: Sequence[Triple]) -> str:
    data = serialize(triples, format=RdfFormat.JSON_LD)
    return data.decode("utf-8") if data else "[]"


def script_safe_json(text: str) -> str:
    """JSON that cannot close its ``<script>`` element: ``<``, ``>`` and ``&`` escaped.

    They can only occur inside JSON strings, where ``\\u003c`` means the same."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def page_files(path: str) -> list[str]:
    """The files of the page at ``path``, relative to the output folder, one per language."""
    return [
        path + ("index.html" if language == "en" else f"index.{language}.html")
        for language in LANGUAGES
    ]


def write_site(
    generator: SiteGenerator,
    directory: Path,
    progress: Callable[[int, int], None] | None = None,
    jobs: int = 1,
    reuse: OutputReuse | None = None,
    before_report_pages: Callable[[], None] | None = None,
    compiled_templates: CompiledTemplates | None = None,
) -> int:
    """Render every page in every language into ``directory``; returns the page count.

    With ``reuse``, a page whose dependencies read the same as when the previous build
    rendered it is kept from that build instead of rendered again; when every page of
    a group is, the group is not even planned. ``before_report_pages`` is called once
    every other page is rendered, before the pages drawn from the validation report
    (the build lets validation run beside all the others). ``compiled_templates``
    keeps the compiled templates for the next build.
    """
    envs = environments(compiled_templates)
    view = generator.view
    paths: list[str] = []
    to_render: list[tuple[Page, frozenset[str]]] = []
    changed = reuse.changed_keys(view.differing) if reuse is not None else frozenset()
    for key, make in generator.page_groups():
        kept = _kept_group(reuse, key, changed) if reuse is not None else None
        if kept is not None:
            paths.extend(kept)
            continue
        made, reads = generator.plan(make)
        for page in made:
            paths.append(page.path)
            if reuse is None or not _kept_pages(reuse, [page.path], changed):
                to_render.append((page, reads))
        if reuse is not None:
            reuse.group(key, [page.path for page in made])

    def write_page(item: tuple[Page, frozenset[str]]) -> _WrittenPage:
        """Writes a page in every language; what it read, sorted, and its files' statuses
        for ``reuse``, taken here in the worker rather than after all in the build."""
        page, planning_reads = item
        folder = safe_folder(directory, page.path.rstrip("/")) if page.path else directory
        folder.mkdir(parents=True, exist_ok=True)
        statuses = []
        with view.tracking() as reads:
            for language, name in zip(LANGUAGES, page_files(page.path), strict=True):
                path = new_file(directory / name)
                path.write_text(render_page(envs, generator, page, language), encoding="utf-8")
                if reuse is not None:
                    statuses.append(file_status(path))
        return tuple(sorted(planning_reads | reads)), statuses

    first = [item for item in to_render if not item[0].shows_report]
    last = [item for item in to_render if item[0].shows_report]
    written = run_in_workers(write_page, first, jobs, progress)
    if before_report_pages is not None:
        before_report_pages()
    written += [write_page(item) for item in last]
    if progress:
        progress(len(to_render), len(to_render))
    if reuse is not None:
        for (page, _), (read, statuses) in zip(first + last, written, strict=True):
            reuse.depends(_page_key(page.path), read)
            inputs = combined_digest(read, view.dependency_digest)
            reuse.made_files(page_files(page.path), inputs, statuses)
        reuse.record_digests(view.dependency_digest)
    static = write_static(generator, directory, paths)
    if reuse is not None:
        reuse.made_files([str(path.relative_to(directory)) for path in static], None)
    return len(paths)


_WrittenPage = tuple[tuple[str, ...], list[FileStatus]]


def _kept_group(reuse: OutputReuse, key: str, changed: frozenset[str]) -> list[str] | None:
    """The page paths of a group kept whole from the previous build, or None (plan it)."""
    previous = reuse.previous_group(key)
    if previous is None or not _kept_pages(reuse, previous, changed):
        return None
    reuse.group(key, previous)
    return list(previous)


def _kept_pages(reuse: OutputReuse, paths: Sequence[str], changed: frozenset[str]) -> bool:
    """Keep the pages at ``paths`` from the previous build if none read a key in
    ``changed`` (:meth:`OutputReuse.changed_keys`); keep none otherwise."""
    for path in paths:
        read = reuse.previous_dependencies(_page_key(path))
        if read is None or not changed.isdisjoint(read):
            return False
    outputs = [(files, reuse.previous_inputs(files[0])) for files in map(page_files, paths)]
    if not reuse.keep_each(outputs):
        return False
    for path in paths:
        reuse.depends_as_before(_page_key(path))
    return True


def _page_key(path: str) -> str:
    return "page " + path


def write_static(
    generator: SiteGenerator, directory: Path, page_paths: Sequence[str]
) -> list[Path]:
    """Style sheet, ontology and shapes files, queries, VoID, sitemap, server rules;
    returns the files written."""
    static = directory / "static"
    static.mkdir(exist_ok=True)
    texts = {
        static / "style.css": (files("converters") / "static" / "style.css").read_text("utf-8"),
        directory / "ontology" / "index.ttl": ontology_turtle(),
        directory / "shapes" / "index.ttl": shapes_turtle(),
        **{
            directory / "queries" / f"{name}.rq": query.text
            for name, query in load_catalogue().items()
        },
        directory / ".htaccess": APACHE_RULES,
        directory / "nginx.conf": NGINX_RULES,
    }
    for path, text in texts.items():
        new_file(path).write_text(text, encoding="utf-8")
    void = directory / ".well-known" / "void"
    void.parent.mkdir(exist_ok=True)
    view = generator.view
    serialize(
        [t for iri in _catalogue_subjects(view) for t in view.description(iri)],
        str(new_file(void)),
        RdfFormat.TURTLE,
        prefixes=PREFIXES,
    )
    sitemaps = write_sitemap(generator.view.base, page_paths, directory)
    return [*texts, void, *sitemaps]


def _status(view: GraphView, question: str) -> str:
    """The local name of a question's ``sq:status`` (``Answered``, ``Lapsed``…), or ``""``."""
    return next(iter(view.iris(question, SQ.status)), "").removeprefix(SQ_NAMESPACE)


def _catalogue_subjects(view: GraphView) -> list[str]:
    """The subjects of the dataset's DCAT-AP description (:mod:`.dataset`): the
    catalogue, the dataset, and what they link to that the graph describes, so that
    ``.well-known/void`` is a catalogue a portal can harvest on its own."""
    dataset = view.base + "dataset"
    found = {view.base + "catalog", dataset}
    for predicate in (
        DCAT.distribution,
        DCTERMS.publisher,
        DCTERMS.temporal,
        DCTERMS.provenance,
        DCAT.contactPoint,
        DCTERMS.license,
        DCTERMS.spatial,
        DCTERMS.language,
    ):
        found.update(view.iris(dataset, predicate))
    for distribution in view.iris(dataset, DCAT.distribution):
        found.update(view.iris(distribution, DCAT.mediaType))
    return sorted(found)


def write_sitemap(base: str, paths: Sequence[str], directory: Path) -> list[Path]:
    """``sitemap.xml``, split into ``sitemap-N.xml`` under an index past 50,000 URLs."""
    urls = [
        base + path + ("" if language == "en" else f"index.{language}.html")
        for path in sorted(paths)
        for language in LANGUAGES
    ]
    chunks = [urls[i : i + SITEMAP_LIMIT] for i in range(0, len(urls), SITEMAP_LIMIT)] or [[]]

    def urlset(chunk: list[str]) -> str:
        body = "".join(f"<url><loc>{xml_escape(url)}</loc></url>\n" for url in chunk)
        return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{body}</urlset>\n'

    index = directory / "sitemap.xml"
    if len(chunks) == 1:
        new_file(index).write_text(urlset(chunks[0]), encoding="utf-8")
        return [index]
    entries = ""
    written = [index]
    for number, chunk in enumerate(chunks, start=1):
        written.append(directory / f"sitemap-{number}.xml")
        new_file(written[-1]).write_text(urlset(chunk), encoding="utf-8")
        entries += f"<sitemap><loc>{xml_escape(base)}sitemap-{number}.xml</loc></sitemap>\n"
    new_file(index).write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{entries}</sitemapindex>\n',
        encoding="utf-8",
    )
    return written


APACHE_RULES = """\
# Content negotiation for the senate-ld site (Apache httpd, mod_rewrite + mod_headers).
# A resource IRI is a folder holding index.html (English), index.fr.html, index.nl.html,
# index.ttl and index.jsonld.
Options -MultiViews
DirectoryIndex index.html
AddType text/turtle .ttl
AddType application/n-triples .nt
AddType application/ld+json .jsonld
AddType application/sparql-query .rq
AddDefaultCharset utf-8
AddCharset utf-8 .ttl .nt .jsonld .rq
<Files "void">
  ForceType text/turtle
</Files>
RewriteEngine On
RewriteCond %{REQUEST_FILENAME} -d
RewriteCond %{HTTP_ACCEPT} text/turtle
RewriteRule ^(.*?)/?$ $1/index.ttl [L]
RewriteCond %{REQUEST_FILENAME} -d
RewriteCond %{HTTP_ACCEPT} application/ld\\+json
RewriteRule ^(.*?)/?$ $1/index.jsonld [L]
RewriteCond %{REQUEST_FILENAME} -d
RewriteCond %{HTTP_ACCEPT} !text/html
RewriteCond %{HTTP_ACCEPT_LANGUAGE} ^fr
RewriteRule ^(.*?)/?$ $1/index.fr.html [L]
RewriteCond %{REQUEST_FILENAME} -d
RewriteCond %{HTTP_ACCEPT_LANGUAGE} ^nl
RewriteRule ^(.*?)/?$ $1/index.nl.html [L]
Header append Vary "Accept, Accept-Language"
"""

NGINX_RULES = """\
# Content negotiation for the senate-ld site (nginx): include inside a server block
# whose root is the built output folder.
types {
    text/html html;
    text/css css;
    text/turtle ttl;
    application/n-triples nt;
    application/ld+json jsonld;
    application/sparql-query rq;
    application/xml xml;
}
charset utf-8;
charset_types text/turtle application/n-triples application/ld+json application/sparql-query;

map $http_accept $senate_ld_index {
    default                      index.html;
    "~*text/turtle"              index.ttl;
    "~*application/ld\\+json"     index.jsonld;
}

location = /.well-known/void { default_type text/turtle; }

location / {
    add_header Vary "Accept, Accept-Language";
    try_files $uri $uri/$senate_ld_index $uri/index.html =404;
}
"""


def _external(iri: str) -> str | None:
    """Only web links leave the site: no ``javascript:`` or other scheme from the data."""
    return iri if iri.startswith(("http://", "https://")) else None


def _paragraphs(text: str | None) -> list[str]:
    return [p for p in (text or "").split("\n\n") if p]


def _days_between(start: str | None, end: str | None) -> int | None:
    if not start or not end:
        return None
    try:
        return (date.fromisoformat(end) - date.fromisoformat(start)).days
    except ValueError:
        return None


def _month_series(months: Counter[str]) -> list[tuple[str, float]]:
    known = sorted(m for m in months if len(m) == 7)
    if not known:
        return []
    year, month = int(known[0][:4]), int(known[0][5:])
    last = known[-1]
    series = []
    while f"{year:04d}-{month:02d}" <= last:
        key = f"{year:04d}-{month:02d}"
        series.append((key, float(months.get(key, 0))))
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return series


def _curie_path(path: str) -> str:

    return (
        re.sub(r"<([^<>]+)>", lambda m: curie(m.group(1)), path)
        if path.startswith(("^", "<"))
        else curie(path)
    )


def _entry_key(entry: dict[str, Any]) -> tuple[str, str]:
    return (_sort_key(str(entry["label"])), str(entry["href"]))


def _sort_key(label: str) -> str:
    return slugify(label) or label.casefold()
