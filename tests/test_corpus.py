"""A corpus → one graph: shared resources, stubs, and conflicts that are never merged."""

from __future__ import annotations

from dataclasses import replace

from pyoxigraph import Literal, NamedNode

from converters.corpus import convert_corpus
from converters.iris import Minter
from converters.records import Author, Bilingual, QuestionNumber, QuestionRecord

from .conftest import SEED, parse_file

B = "http://localhost:8000/"
SQ = "https://w3id.org/senate-ld/def#"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def subjects_of_type(triples: list, rdf_class: str) -> set:  # type: ignore[type-arg]
    return {
        t.subject for t in triples if t.predicate == RDF_TYPE and t.object == NamedNode(rdf_class)
    }


def test_seed_gives_one_question_and_eighteen_stubs(seed: QuestionRecord) -> None:
    conversion = convert_corpus([seed], Minter(B))
    assert len(conversion.questions) == 1
    assert [str(n) for n in conversion.stubs] == [f"5-{n}" for n in range(8900, 8919) if n != 8904]
    assert len(subjects_of_type(conversion.triples, SQ + "WrittenQuestion")) == 19
    assert conversion.errors == ()


def test_stub_links_back_to_the_question(seed: QuestionRecord) -> None:
    triples = set(convert_corpus([seed], Minter(B)).triples)
    stub = NamedNode(B + "question/5-8900")
    assert any(t.subject == stub and t.object == NamedNode(B + "question/5-8904") for t in triples)


def test_shared_resources_appear_once(made_up: dict[str, QuestionRecord]) -> None:
    conversion = convert_corpus(made_up.values(), Minter(B))
    persons = subjects_of_type(conversion.triples, "http://xmlns.com/foaf/0.1/Person")
    assert persons == {
        NamedNode(B + "person/jeanne-exemple"),
        NamedNode(B + "person/pieter-voorbeeld"),
    }
    names = [t for t in conversion.triples if t.predicate.value.endswith("foaf/0.1/name")]
    assert len(names) == 2
    assert len(conversion.triples) == len(set(conversion.triples))


def test_sibling_in_the_corpus_is_not_a_stub(made_up: dict[str, QuestionRecord]) -> None:
    conversion = convert_corpus(made_up.values(), Minter(B))
    assert conversion.stubs == ()


def test_person_is_member_of_each_party_seen(seed: QuestionRecord) -> None:
    other = replace(
        seed,
        number=QuestionNumber(5, 9999),
        siblings=(),
        source="other.txt",
        author=Author("Martine Taelman", "VLD"),
    )
    triples = convert_corpus([seed, other], Minter(B)).triples
    memberships = {t.object for t in triples if t.predicate.value.endswith("org#memberOf")}
    assert memberships == {NamedNode(B + "party/open-vld"), NamedNode(B + "party/vld")}


def test_same_number_same_content_is_one_question(seed: QuestionRecord) -> None:
    copy = replace(seed, source="copy.txt")
    conversion = convert_corpus([seed, copy], Minter(B))
    assert len(conversion.questions) == 1
    assert conversion.errors == ()


def test_same_number_different_content_names_both_sources(seed: QuestionRecord) -> None:
    altered = replace(seed, source="altered.txt", title=Bilingual("Autre titre", "Andere titel"))
    conversion = convert_corpus([seed, altered], Minter(B))
    assert [q.source for q in conversion.questions] == [seed.source]
    (error,) = conversion.errors
    assert error.source == "altered.txt"
    assert seed.source in error.message and "5-8904" in error.message


def test_slug_collision_between_labels_is_an_error(seed: QuestionRecord) -> None:
    other = replace(
        seed,
        number=QuestionNumber(5, 9999),
        siblings=(),
        source="other.txt",
        author=Author("Martine Taëlman", "Open Vld"),
    )
    conversion = convert_corpus([seed, other], Minter(B))
    (error,) = conversion.errors
    assert "martine-taelman" in error.message and seed.source in error.message
    assert [q.source for q in conversion.questions] == [seed.source]


def test_ministry_labels_must_agree_in_both_languages(seed: QuestionRecord) -> None:
    other = replace(
        seed,
        number=QuestionNumber(5, 9999),
        siblings=(),
        source="other.txt",
        addressee=Bilingual(seed.addressee.fr, "minister van Pensioenen"),
    )
    (error,) = convert_corpus([seed, other], Minter(B)).errors
    assert "ministry" in error.message


def test_label_without_letters_is_an_error(seed: QuestionRecord) -> None:
    odd = replace(seed, author=Author("???", None))
    (error,) = convert_corpus([odd], Minter(B)).errors
    assert "no letter or digit" in error.message


def test_triples_are_sorted_and_deterministic(seed: QuestionRecord) -> None:
    first = convert_corpus([seed], Minter(B)).triples
    second = convert_corpus([seed], Minter(B)).triples
    assert first == second == sorted(first, key=str)


def test_dataset_counts_its_own_triples(seed: QuestionRecord) -> None:
    triples = convert_corpus([seed], Minter(B)).triples
    (count,) = [t.object for t in triples if t.predicate.value.endswith("void#triples")]
    assert isinstance(count, Literal) and int(count.value) == len(triples)


def test_sources_map_questions_to_documents() -> None:
    record = parse_file(SEED)
    assert convert_corpus([record], Minter(B)).sources == {B + "question/5-8904": "5-8904.txt"}
