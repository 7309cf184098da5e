"""The graph view records everything a page reads: change what a page did not record
reading and the page comes out the same, so a rebuild that keeps it is right.

This is what makes a forgotten dependency impossible to miss: a page builder that
reads the graph around the view's tracking (or a value memoised without its reads)
renders differently here after an edit it claims not to depend on, and this fails.
The digests of what pages read are the same in every process, and those taken over
from the last build across a patch are those of the patched graph.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyoxigraph import Literal, NamedNode, Triple, parse

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

from .conftest import GOLDEN

BASE = "http://localhost:8000/"
B = "https://w3id.org/senate-ld/"
"""The base of the golden files."""


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


# -- what pages read, and the digests of what they read ----------------------------


def test_the_view_records_what_a_page_reads() -> None:
    person, question = NamedNode(B + "person/p"), NamedNode(B + "question/6-1")
    creator = NamedNode("http://purl.org/dc/terms/creator")
    name = NamedNode("http://xmlns.com/foaf/0.1/name")
    view = GraphView([Triple(question, creator, person), Triple(person, name, Literal("P"))], B)
    with view.tracking() as outer:
        view.label(person.value)
        with view.tracking() as inner:
            view.pointing(person.value, creator)
    assert inner == {f"i {person.value} {creator.value}"}
    assert outer == {f"s {person.value}", f"i {person.value} {creator.value}"}
    view.label(question.value)  # outside any tracking: nothing noted
    with view.tracking() as everything:
        view.of_type(name)
    assert everything == {EVERYTHING}


def test_a_derived_value_is_one_dependency_and_can_be_digested_before_it_is_read() -> None:
    person = NamedNode(B + "person/p")
    creator = NamedNode("http://purl.org/dc/terms/creator")

    def view_of(questions: int) -> GraphView:
        view = GraphView(
            [Triple(NamedNode(f"{B}question/6-{n}"), creator, person) for n in range(questions)],
            B,
        )
        view.define("count", lambda iri: len(view.pointing(iri, creator)))
        return view

    one, two = view_of(1), view_of(2)
    key = f"count {person.value}"
    assert one.dependency_digest(key) != two.dependency_digest(key)
    with one.tracking() as reads:
        assert one.derived(key) == 1
    assert reads == {key}  # not what computing it read
    assert one.dependency_digest(key) == view_of(1).dependency_digest(key)


_NODES = [NamedNode(B + name) for name in ("a", "b", "c", "d")]
_LINKS = [NamedNode("http://purl.org/dc/terms/" + name) for name in ("creator", "subject")]
_edges = st.builds(
    Triple,
    st.sampled_from(_NODES),
    st.sampled_from(_LINKS),
    st.one_of(st.sampled_from(_NODES), st.sampled_from(["x", "y"]).map(Literal)),
)


@settings(max_examples=200, deadline=None)
@given(before=st.sets(_edges, max_size=12), removed=st.sets(_edges), added=st.sets(_edges))
def test_digests_reused_across_a_patch_are_those_of_the_patched_graph(
    before: set[Triple], removed: set[Triple], added: set[Triple]
) -> None:
    """What :meth:`GraphView.reuse_digests` takes from the last graph's view is what
    digesting the new graph gives; what it cannot know it leaves to be digested."""
    after = (before - removed) | added
    changed = before ^ after
    keys = [f"s {n.value}" for n in _NODES]
    keys += [f"i {n.value} {link.value}" for n in _NODES for link in _LINKS]
    keys += [f"listing {n.value} {link.value}" for n in _NODES for link in _LINKS]
    last = _with_listings(GraphView(sorted(before, key=str), B))
    digests = {key: last.dependency_digest(key) for key in keys}
    fresh = _with_listings(GraphView(sorted(after, key=str), B))
    patched = _with_listings(GraphView(sorted(after, key=str), B))

    patched.reuse_digests(
        digests,
        {t.subject.value for t in changed if isinstance(t.subject, NamedNode)},
        {t.object.value for t in changed if isinstance(t.object, NamedNode)},
        last.derived_reads(digests),
    )

    assert patched.differing(digests) == {
        k for k in keys if fresh.dependency_digest(k) != digests[k]
    }
    assert {k: patched.dependency_digest(k) for k in keys} == {
        k: fresh.dependency_digest(k) for k in keys
    }


def _with_listings(view: GraphView) -> GraphView:
    """The view with derived keys like the site's listings: the subjects that link to
    a node, ordered by what they link to first."""

    def listing(argument: str) -> list[str]:
        iri, _, link = argument.partition(" ")
        linking = view.pointing(iri, NamedNode(link))
        return sorted(linking, key=lambda subject: (view.value(subject, _LINKS[0]) or "", subject))

    view.define("listing", listing)
    return view


def test_a_listing_digest_is_reused_when_nothing_it_read_changed() -> None:
    a, b, c = _NODES[:3]
    creator = _LINKS[0]
    graph = [Triple(a, creator, c), Triple(b, creator, c), Triple(c, _LINKS[1], Literal("x"))]
    key = f"listing {c.value} {creator.value}"
    last = _with_listings(GraphView(sorted(graph, key=str), B))
    digests = {key: last.dependency_digest(key)}
    reads = last.derived_reads(digests)
    assert reads[key].subjects == {f"s {a.value}", f"s {b.value}"}

    unrelated = _with_listings(GraphView(sorted(graph, key=str), B))
    unrelated.reuse_digests(digests, {c.value}, {"http://elsewhere/"}, reads)
    assert unrelated.derived_reads([key]) == reads  # taken, with what it read, not computed
    for changed, linked in (({a.value}, set()), (set(), {c.value})):
        again = _with_listings(GraphView(sorted(graph, key=str), B))
        again.reuse_digests(digests, changed, linked, reads)
        assert again.derived_reads([key]) == {}


def _resource_digests(view: GraphView) -> dict[str, int]:
    return {iri: view.dependency_digest("s " + iri) for iri in view.subject_iris()}


def test_a_resource_digest_is_the_same_in_every_process_and_changes_with_any_term(
    tmp_path: Path,
) -> None:
    """Digests are kept from one build for the next, which runs in another process with
    another string-hash seed."""
    triples = [quad.triple for quad in parse(path=str(GOLDEN / "5-8904.ttl"))]
    digests = _resource_digests(GraphView(triples, B))
    script = (
        "import json, sys; from pyoxigraph import parse\n"
        "from converters.site.graph_view import GraphView\n"
        f"view = GraphView([q.triple for q in parse(path={str(GOLDEN / '5-8904.ttl')!r})], {B!r})\n"
        "print(json.dumps({i: view.dependency_digest('s ' + i) for i in view.subject_iris()}))"
    )
    for seed in ("1", "2"):
        elsewhere = subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        assert json.loads(elsewhere.stdout) == digests
    changed = [
        Triple(t.subject, t.predicate, Literal(t.object.value, language="nl"))
        if isinstance(t.object, Literal) and t.object.language == "fr"
        else t
        for t in triples
    ]
    differ = {
        iri
        for iri, value in _resource_digests(GraphView(changed, B)).items()
        if digests[iri] != value
    }
    french = {
        t.subject.value
        for t in triples
        if isinstance(t.object, Literal) and t.object.language == "fr"
    }
    assert french
    assert differ == french
