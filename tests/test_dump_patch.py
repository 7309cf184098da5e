"""Patching a dump: the dump of the edited graph, made from the dump of the graph before
the edit, is byte for byte the dump that serializing the edited graph writes."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyoxigraph import Literal, NamedNode, Triple

from converters.convert.corpus import convert_corpus, sort_triples
from converters.incremental.dump_patch import Piece, patch_dump
from converters.iris import Minter
from converters.publish.dumps import Syntax, dump_syntaxes
from converters.synth.synthetic import synthetic_corpus
from converters.vocabulary import PREFIXES

B = "http://localhost:8000/"
FORMATS = [syntax for _, syntax in dump_syntaxes(B)]
DCTERMS = PREFIXES["dcterms"]

SUBJECTS = [B + path for path in ("a", "a/b", "a/b/c", "ab", "b", "c-1", "c-10", "c-2", "z")]
PREDICATES = [DCTERMS + "title", DCTERMS + "subject", PREFIXES["rdf"] + "type", B + "p"]
TEXTS = ["x", "line\nbreak", 'quote " and \\', ']},{"@id":"' + B + 'a",', " .\n<" + B + "a> ", "é"]
objects = st.one_of(
    st.sampled_from(SUBJECTS).map(NamedNode),
    st.sampled_from([PREFIXES["skos"] + "Concept", PREFIXES["foaf"] + "Person"]).map(NamedNode),
    st.builds(Literal, st.sampled_from(TEXTS)),
    st.builds(Literal, st.sampled_from(TEXTS), language=st.sampled_from(["fr", "nl"])),
    st.integers(0, 3).map(Literal),
)
triples = st.builds(
    Triple,
    st.sampled_from(SUBJECTS).map(NamedNode),
    st.sampled_from(PREDICATES).map(NamedNode),
    objects,
)
graphs = st.sets(triples, min_size=1, max_size=40)


def dump(graph: list[Triple], syntax: Syntax) -> bytes:
    out = io.BytesIO()
    syntax.write(graph, out)
    return out.getvalue()


def assembled(pieces: list[Piece], old: bytes) -> bytes:
    return b"".join(old[p[0] : p[1]] if isinstance(p, tuple) else p for p in pieces)


def changed_subjects(before: list[Triple], after: list[Triple]) -> set[str]:
    return {str(t.subject) for t in set(before) ^ set(after)}


def retitled(triples: list[Triple], subject: str, title: str) -> list[Triple]:
    return sort_triples(
        Triple(t.subject, t.predicate, Literal(title, language="fr"))
        if str(t.subject) == subject and t.predicate.value == DCTERMS + "title"
        else t
        for t in triples
    )


@settings(max_examples=300, deadline=None)
@given(before=graphs, removed=st.sets(triples, max_size=8), added=st.sets(triples, max_size=8))
def test_a_patched_dump_is_the_dump_of_the_edited_graph(
    before: set[Triple], removed: set[Triple], added: set[Triple]
) -> None:
    previous = sort_triples(before)
    edited = sort_triples((before - removed) | added)
    subjects = changed_subjects(previous, edited)
    for syntax in FORMATS:
        old = dump(previous, syntax)
        pieces = patch_dump(old, previous, edited, subjects, syntax)
        if pieces is not None:
            assert assembled(pieces, old) == dump(edited, syntax), syntax
        else:  # only when it must be serialized whole
            firsts = {str(previous[0].subject), str(edited[0].subject)} if edited else set()
            assert not edited or firsts & subjects


@pytest.mark.parametrize("syntax", FORMATS, ids=lambda syntax: syntax.name)
def test_a_question_retitled_in_a_real_graph_is_patched_from_a_few_pieces(
    syntax: Syntax,
) -> None:
    records = [document.record for document in synthetic_corpus(30, seed=4)]
    previous = convert_corpus(records, Minter(B)).triples
    question = str(Minter(B).question(records[7].number))
    edited = retitled(previous, question, "Titre corrigé")
    old = dump(previous, syntax)

    pieces = patch_dump(old, previous, edited, {question}, syntax)

    assert pieces is not None
    assert assembled(pieces, old) == dump(edited, syntax)
    new_bytes = sum(len(p) for p in pieces if isinstance(p, bytes))
    assert len(pieces) == 3 and new_bytes < len(old) / 20  # before, the question, after


@pytest.mark.parametrize("syntax", FORMATS, ids=lambda syntax: syntax.name)
def test_the_dump_of_another_graph_is_not_patched(syntax: Syntax) -> None:
    records = [document.record for document in synthetic_corpus(10, seed=4)]
    previous = convert_corpus(records, Minter(B)).triples
    question = str(Minter(B).question(records[3].number))
    edited = retitled(previous, question, "Titre corrigé")
    old = dump(retitled(previous, question, "Un autre titre"), syntax)

    assert patch_dump(old, previous, edited, {question}, syntax) is None


@pytest.mark.parametrize("syntax", FORMATS, ids=lambda syntax: syntax.name)
def test_a_change_to_the_first_subject_is_left_to_serializing(syntax: Syntax) -> None:
    first, second = NamedNode(B + "a"), NamedNode(B + "b")
    title = NamedNode(DCTERMS + "title")
    previous = [Triple(first, title, Literal("1")), Triple(second, title, Literal("2"))]
    edited = [Triple(first, title, Literal("one")), Triple(second, title, Literal("2"))]
    old = dump(previous, syntax)

    assert patch_dump(old, previous, edited, {str(first)}, syntax) is None


@pytest.mark.parametrize("syntax", FORMATS, ids=lambda syntax: syntax.name)
def test_subjects_named_but_in_neither_graph_change_nothing(syntax: Syntax) -> None:
    title = NamedNode(DCTERMS + "title")
    first = Triple(NamedNode(B + "0"), title, Literal("0"))
    previous = [first, Triple(NamedNode(B + "b"), title, Literal("2"))]
    edited = [first, Triple(NamedNode(B + "b"), title, Literal("two"))]
    old = dump(previous, syntax)
    named = {f"<{B}->", f"<{B}a>", f"<{B}b>", f"<{B}c>"}  # before, between, after

    pieces = patch_dump(old, previous, edited, named, syntax)

    assert pieces is not None
    assert assembled(pieces, old) == dump(edited, syntax)
