"""A corpus → one graph: shared resources, stubs, and conflicts that are never merged."""

from __future__ import annotations

from dataclasses import replace

from pyoxigraph import Literal, NamedNode

from converters.convert.corpus import convert_corpus
from converters.iris import Minter
from converters.records import Author, Bilingual, Links, QuestionNumber, QuestionRecord

from .conftest import SEED, pages_of, parse_file

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
    names = [
        t
        for t in conversion.triples
        if t.predicate.value.endswith("foaf/0.1/name") and t.subject in persons
    ]
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
        author=Author("Martine Taelman", Bilingual("VLD", "VLD")),
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
        author=Author("Martine Taëlman", Bilingual("Open Vld", "Open Vld")),
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


# -- unilingual pages -------------------------------------------------------------------


def test_a_questions_two_unilingual_pages_make_the_graph_its_print_page_makes(
    seed: QuestionRecord,
) -> None:
    french, dutch = pages_of(seed)
    from_pages = convert_corpus([dutch, french], Minter(B))
    assert from_pages.triples == convert_corpus([seed], Minter(B)).triples
    assert from_pages.merged == ("5-8904-nl.txt",)
    assert from_pages.sources == {B + "question/5-8904": "5-8904-fr.txt + 5-8904-nl.txt"}


def test_a_unilingual_page_that_agrees_with_its_print_page_is_a_duplicate(
    seed: QuestionRecord,
) -> None:
    french, _ = pages_of(seed)
    conversion = convert_corpus([french, seed], Minter(B))
    assert conversion.duplicates == ("5-8904-fr.txt",)
    assert conversion.errors == ()


def test_a_unilingual_page_that_disagrees_with_its_print_page_names_both(
    seed: QuestionRecord,
) -> None:
    french, _ = pages_of(seed)
    retitled = replace(french, title=Bilingual("Autre titre", ""))
    (error,) = convert_corpus([seed, retitled], Minter(B)).errors
    assert error.source == "5-8904-fr.txt"
    assert "5-8904.txt" in error.message and "title" in error.message


def test_a_lone_dutch_page_joins_the_ministry_another_question_names_in_both(
    seed: QuestionRecord, made_up: dict[str, QuestionRecord]
) -> None:
    other = next(r for r in made_up.values() if r.addressee != seed.addressee)
    _, dutch = pages_of(replace(seed, addressee=other.addressee))
    conversion = convert_corpus([dutch, other], Minter(B))
    ministries = subjects_of_type(conversion.triples, SQ + "Ministry")
    assert len(ministries) == 1
    assert {t.object for t in conversion.triples if t.predicate.value == SQ + "addressedTo"} == (
        ministries
    )


def test_descriptors_joined_on_one_line_are_split_with_the_labels_of_other_questions(
    seed: QuestionRecord,
) -> None:
    joined = Bilingual(
        " ".join(d.fr for d in seed.descriptors), " ".join(d.nl for d in seed.descriptors)
    )
    table = replace(
        seed,
        number=QuestionNumber(5, 9999),
        siblings=(),
        source="table.txt",
        descriptors=(),
        joined_descriptors=joined,
    )
    conversion = convert_corpus([table, seed], Minter(B))
    subjects = {
        t.object
        for t in conversion.triples
        if t.subject == NamedNode(B + "question/5-9999") and t.predicate.value.endswith("subject")
    }
    assert len(subjects) == len(seed.descriptors) == 5
    alone = convert_corpus([table], Minter(B))
    assert not [t for t in alone.triples if t.predicate.value.endswith("/subject")]


def test_a_reintroduced_question_absent_from_the_corpus_is_a_stub(seed: QuestionRecord) -> None:
    later = QuestionNumber(5, 9999)
    conversion = convert_corpus([replace(seed, links=Links(reintroduced_as=(later,)))], Minter(B))
    assert later in conversion.stubs
    stub = NamedNode(B + "question/5-9999")
    assert any(
        t.subject == stub and t.predicate.value == SQ + "reintroduces" for t in conversion.triples
    )
