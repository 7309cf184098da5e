"""The graph view records everything a page reads: change what a page did not record
reading and the page comes out the same, so a rebuild that keeps it is right.

This is what makes a forgotten dependency impossible to miss: a page builder that
reads the graph around the view's tracking (or a value memoised without its reads)
renders differently here after an edit it claims not to depend on, and this fails.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyoxigraph import Literal, NamedNode, Triple

from converters.convert.corpus import convert_corpus
from converters.digests import EVERYTHING
from converters.iris import Minter
from converters.parse import parse_document
from converters.records import QuestionRecord
from converters.site.generator import SiteGenerator
from converters.site.graph_view import GraphView
from converters.site.interface import LANGUAGES
from converters.site.templating import environments
from converters.site.writer import render_page
from converters.sources import discover_sources, sample_corpus
from converters.validate.report import ValidationReport

BASE = "http://localhost:8000/"


@cache
def sample_graph() -> tuple[Triple, ...]:
    records = [
        parsed
        for path in discover_sources([sample_corpus()])
        if isinstance(parsed := parse_document(path.read_bytes(), path.name), QuestionRecord)
    ]
    return tuple(convert_corpus(records, Minter(BASE)).triples)


def rendered_pages(triples: tuple[Triple, ...]) -> Iterator[tuple[str, str, frozenset[str]]]:
    """Each page of the site: its group, its text in every language, and every
    dependency key recorded while planning and rendering it."""
    generator = SiteGenerator(GraphView(triples, BASE))
    generator.show(ValidationReport(()))
    envs = environments(None)
    for key, make in generator.page_groups():
        pages, planned = generator.plan(make)
        for page in pages:
            with generator.view.tracking() as reads:
                text = "".join(render_page(envs, generator, page, lang) for lang in LANGUAGES)
            read = planned | frozenset(reads)
            derived = generator.view.derived_reads(read).values()  # what a listing was sorted by
            read |= {key for noted in derived for key in (*noted.subjects, *noted.others)}
            yield f"{key} {page.path}", text, read


@cache
def site_before() -> dict[str, tuple[str, frozenset[str]]]:
    return {name: (text, reads) for name, text, reads in rendered_pages(sample_graph())}


def with_literals_changed(triples: tuple[Triple, ...], subject: str) -> tuple[Triple, ...]:
    """Every literal ``subject`` states, edited (its links, and so every incoming key,
    stay as they were)."""
    changed = []
    for triple in triples:
        value = triple.object
        if triple.subject == NamedNode(subject) and isinstance(value, Literal):
            value = edited(value)
        changed.append(Triple(triple.subject, triple.predicate, value))
    return tuple(changed)


def edited(literal: Literal) -> Literal:
    """Another value of the same type: a day later, one more, or more text."""
    datatype = literal.datatype.value.removeprefix("http://www.w3.org/2001/XMLSchema#")
    if literal.language:
        return Literal(literal.value + " (edited)", language=literal.language)
    if datatype == "date":
        later = date.fromisoformat(literal.value) + timedelta(days=1)
        return Literal(later.isoformat(), datatype=literal.datatype)
    if datatype in ("integer", "nonNegativeInteger", "positiveInteger", "gYear"):
        return Literal(str(int(literal.value) + 1), datatype=literal.datatype)
    return Literal(literal.value + " (edited)", datatype=literal.datatype)


def subjects_with_literals() -> list[str]:
    return sorted(
        {
            t.subject.value
            for t in sample_graph()
            if isinstance(t.subject, NamedNode) and isinstance(t.object, Literal)
        }
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_page_is_the_same_after_an_edit_to_what_it_did_not_record_reading(
    data: st.DataObject,
) -> None:
    subject = data.draw(st.sampled_from(subjects_with_literals()), label="edited subject")
    before = site_before()
    after = {
        name: text
        for name, text, _ in rendered_pages(with_literals_changed(sample_graph(), subject))
    }
    for name, (text, reads) in before.items():
        if EVERYTHING in reads or f"s {subject}" in reads:
            continue
        assert after.get(name) == text, f"{name} read {subject} without recording it"


def test_every_page_records_what_it_reads() -> None:
    """The check above has something to check: pages that depend on a subject record it."""
    pages = site_before()
    assert pages
    question = next(name for name in pages if " question/" in name)
    assert any(key.startswith("s " + BASE + "question/") for key in pages[question][1])
