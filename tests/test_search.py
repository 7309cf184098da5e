"""What the search finds: a document a question and a text language, with the texts
in that language and the facets in it, grouped by language and legislature; and what
the search page offers: the legislatures, and the one searched unless told."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyoxigraph import Literal, NamedNode, Triple

from converters.convert.corpus import convert_corpus
from converters.iris import Minter
from converters.parse import parse_document
from converters.records import Bilingual, QuestionRecord
from converters.site.graph_view import GraphView
from converters.site.search import (
    EVERY_LEGISLATURE,
    SMALL_INDEX,
    SearchDocument,
    search_outline,
    search_shards,
    shard_digest,
)
from converters.sources import discover_sources, sample_corpus
from converters.synth.synthetic import synthetic_corpus
from converters.vocabulary import DCTERMS, SQ

B = "http://localhost:8000/"


def sample_records() -> list[QuestionRecord]:
    return [parse_document(p.read_bytes(), str(p)) for p in discover_sources([sample_corpus()])]


def view_of(records: list[QuestionRecord]) -> GraphView:
    return GraphView(convert_corpus(records, Minter(B)).triples, B)


@pytest.fixture(scope="module")
def shards() -> dict[str, list[SearchDocument]]:
    return search_shards(view_of(sample_records()))


def find(shards: dict[str, list[SearchDocument]], language: str, identifier: str) -> SearchDocument:
    (found,) = (
        d
        for docs in shards.values()
        for d in docs
        if (d.language, d.identifier) == (language, identifier)
    )
    return found


def test_a_bilingual_question_has_a_document_in_each_language(
    shards: dict[str, list[SearchDocument]],
) -> None:
    french, dutch = find(shards, "fr", "5-1201"), find(shards, "nl", "5-1201")
    assert french.title == "Prisons - Transport des détenus"
    assert dutch.title == "Gevangenissen - Vervoer van gedetineerden"
    assert french.path == dutch.path == "question/5-1201/"
    assert french.texts and dutch.texts and french.texts != dutch.texts
    assert french.filters["ministry"] == ("ministre de la Justice",)
    assert dutch.filters["ministry"] != french.filters["ministry"]
    assert french.filters["session"] == ("Session 2012-2013",)
    assert french.filters["year"] == (french.date[:4],) == ("2013",)
    assert french.filters["status"] in {("Answered",), ("AwaitingAnswer",), ("Lapsed",)}


def test_a_question_in_one_language_is_searched_in_that_language_only(
    shards: dict[str, list[SearchDocument]],
) -> None:
    assert find(shards, "nl", "4-5815").title.startswith("Nationale Maatschappij")
    with pytest.raises(ValueError):
        find(shards, "fr", "4-5815")


def test_shards_are_a_language_and_a_legislature(shards: dict[str, list[SearchDocument]]) -> None:
    assert "fr/5" in shards and "nl/5" in shards
    for name, documents in shards.items():
        language = name.split("/")[0]
        assert {d.language for d in documents} == {language}
    assert {d.identifier for d in shards["fr/5"]} >= {"5-1201", "5-1202", "5-8904"}
    assert {d.identifier for d in shards["nl/4"]} == {"4-5815", "4-4627"}


def test_a_facet_lists_every_descriptor_in_the_documents_language(
    shards: dict[str, list[SearchDocument]],
) -> None:
    social_media = find(shards, "fr", "5-8904")
    assert len(social_media.filters["descriptor"]) >= 3
    assert social_media.filters["author"]


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 10_000), st.integers(5, 40))
def test_the_search_page_names_the_shards_the_index_makes(seed: int, size: int) -> None:
    records = [document.record for document in synthetic_corpus(size, seed=seed)]
    shards = search_shards(view_of(records))
    outline = search_outline(shards)
    named = {
        f"{t}/{name}" for t, legislatures in outline.legislatures.items() for name in legislatures
    }
    assert named == set(shards)
    for language, scope in outline.default_scope.items():
        assert scope in (EVERY_LEGISLATURE, *outline.legislatures[language])


def test_the_page_lists_the_legislatures_of_each_language_the_latest_first(
    shards: dict[str, list[SearchDocument]],
) -> None:
    outline = search_outline(shards)
    assert outline.legislatures == {"fr": ("6", "5", "3"), "nl": ("5", "4")}


def test_a_small_index_is_searched_whole_a_large_one_in_its_latest_legislature() -> None:
    def documents(count: int) -> list[SearchDocument]:
        return [dataclasses.replace(sample, identifier=str(n)) for n in range(count)]

    sample = next(iter(search_shards(view_of(sample_records())).values()))[0]
    shards = {
        "fr/7": documents(SMALL_INDEX - 100),
        "fr/8": documents(100),
        "nl/7": documents(SMALL_INDEX),
        "nl/8": documents(1),
        "nl/other": documents(1),
    }
    outline = search_outline(shards)
    assert outline.legislatures["nl"] == ("8", "7", "other")
    assert outline.default_scope == {"fr": EVERY_LEGISLATURE, "nl": "8"}
    assert search_outline({}).default_scope == dict.fromkeys(("fr", "nl"), EVERY_LEGISLATURE)


def test_a_shard_is_indexed_again_only_when_its_documents_change() -> None:
    records = sample_records()
    before = search_shards(view_of(records))
    edited = [
        dataclasses.replace(r, title=Bilingual(r.title.fr + " (corrigé)", r.title.nl))
        if str(r.number) == "5-1201"
        else r
        for r in records
    ]
    after = search_shards(view_of(edited))
    changed = {name for name in after if shard_digest(after[name]) != shard_digest(before[name])}
    assert changed == {"fr/5"}


def test_texts_are_taken_as_they_are_for_the_template_to_escape() -> None:
    question = NamedNode(B + "question/5-1")
    hostile = '<script>alert("x")</script> & "quotes"'
    triples = [
        Triple(
            question,
            NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
            SQ.WrittenQuestion,
        ),
        Triple(question, DCTERMS.title, Literal(hostile, language="fr")),
        Triple(
            question,
            DCTERMS.dateSubmitted,
            Literal("2013-01-02", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#date")),
        ),
    ]
    shards = search_shards(GraphView(triples, B))
    assert [d.title for d in shards["fr/other"]] == [hostile]
    assert "nl/other" not in shards
