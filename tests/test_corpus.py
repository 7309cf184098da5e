"""A corpus → one graph: shared resources, stubs, and conflicts that are never merged."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyoxigraph import Literal, NamedNode

from converters.convert.corpus import convert_corpus
from converters.incremental.graph_patch import StaleGraphError, patch_conversion
from converters.iris import Minter
from converters.pipeline import load_eurovoc
from converters.records import Author, Bilingual, Language, Links, QuestionNumber, QuestionRecord
from converters.synth.source_writer import as_single_page
from converters.synth.synthetic import synthetic_corpus

from .conftest import EUROVOC_EXCERPT, SEED, parse_file

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


def pages_of(record: QuestionRecord) -> tuple[QuestionRecord, QuestionRecord]:
    french, dutch = (
        as_single_page(record, language, f"{record.number}-{language.value}.txt")
        for language in (Language.FR, Language.NL)
    )
    return french, dutch


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


# -- patching a conversion -----------------------------------------------------------------

BASE_RECORDS = [
    parse_file(SEED),
    *(replace(d.record, source=d.name) for d in synthetic_corpus(30, seed=7)),
]
OTHER_RECORDS = [replace(d.record, source=f"other/{d.name}") for d in synthetic_corpus(30, seed=8)]
"""Same numbers as most of ``BASE_RECORDS``, other content: conflicts when both are in."""
EUROVOC = load_eurovoc(EUROVOC_EXCERPT)
Records = list[QuestionRecord]


def _retitled(records: Records, i: int) -> None:
    record = records[i % len(records)]
    title = Bilingual(record.title.fr + " (modifié)", record.title.nl + " (gewijzigd)")
    records[i % len(records)] = replace(record, title=title)


def _dropped(records: Records, i: int) -> None:
    del records[i % len(records)]


def _replaced_by_another(records: Records, i: int) -> None:
    records[i % len(records)] = OTHER_RECORDS[i % len(OTHER_RECORDS)]


def _another_added(records: Records, i: int) -> None:
    records.insert(i % (len(records) + 1), OTHER_RECORDS[i % len(OTHER_RECORDS)])


def _copied(records: Records, i: int) -> None:
    record = records[i % len(records)]
    records.append(replace(record, source="copy-of-" + record.source))


def _reauthored(records: Records, i: int) -> None:
    record = records[i % len(records)]
    authors = [Author(record.author.name, None), records[(i * 7) % len(records)].author]
    records[i % len(records)] = replace(record, author=authors[i % 2])


def _clashing_author(records: Records, i: int) -> None:
    """An author whose name differs from another's in punctuation only: same slug."""
    record = records[i % len(records)]
    name = record.author.name.replace(" ", "  -", 1)
    other = records[(i + 1) % len(records)]
    records[(i + 1) % len(records)] = replace(other, author=Author(name, record.author.party))


def _unlinked(records: Records, i: int) -> None:
    records[i % len(records)] = replace(records[i % len(records)], siblings=())


def _linked_to_all(records: Records, i: int) -> None:
    record = records[i % len(records)]
    others = tuple(r.number for r in records if r.number != record.number)[:20]
    records[i % len(records)] = replace(record, siblings=others)


def _redescribed(records: Records, i: int) -> None:
    record = records[i % len(records)]
    added = Bilingual("Médias sociaux", "Sociale media")
    records[i % len(records)] = replace(record, descriptors=(*record.descriptors[1:], added))


def _unanswered(records: Records, i: int) -> None:
    records[i % len(records)] = replace(records[i % len(records)], answer=None)


def _moved(records: Records, i: int) -> None:
    records.append(records.pop(i % len(records)))


def _published_as_unilingual_pages(records: Records, i: int) -> None:
    """The question as its French and Dutch pages instead of its print page."""
    record = records[i % len(records)]
    if record.page_language is None:
        records[i % len(records) : i % len(records) + 1] = [
            as_single_page(record, language, f"{record.source}-{language.value}")
            for language in (Language.FR, Language.NL)
        ]


def _a_unilingual_page_added(records: Records, i: int) -> None:
    """A unilingual page beside its question: the same in its language, or not."""
    record = records[i % len(records)]
    if record.page_language is None:
        page = as_single_page(record, Language.NL if i % 2 else Language.FR, f"page-{i}")
        records.append(page if i % 3 else replace(page, answer_deadline=record.date_sent))


def _descriptors_joined(records: Records, i: int) -> None:
    """Descriptors as the table extraction prints them: each language on one line."""
    record = records[i % len(records)]
    if record.page_language is None and record.descriptors:
        joined = Bilingual(
            " ".join(d.fr for d in record.descriptors), " ".join(d.nl for d in record.descriptors)
        )
        records[i % len(records)] = replace(record, descriptors=(), joined_descriptors=joined)


def _reintroduced(records: Records, i: int) -> None:
    record = records[i % len(records)]
    later = records[(i + 1) % len(records)].number
    stub = QuestionNumber(record.number.legislature, 90000 + i)
    links = Links(reintroduces=(stub,), reintroduced_as=(later,) if later != record.number else ())
    records[i % len(records)] = replace(record, links=links)


EDITS = [
    _retitled,
    _dropped,
    _replaced_by_another,
    _another_added,
    _copied,
    _reauthored,
    _clashing_author,
    _unlinked,
    _linked_to_all,
    _redescribed,
    _unanswered,
    _moved,
    _published_as_unilingual_pages,
    _a_unilingual_page_added,
    _reintroduced,
    _descriptors_joined,
]
edit_lists = st.lists(st.tuples(st.sampled_from(EDITS), st.integers(0, 1000)), max_size=4)


def _edited(records: Records, edits: list[tuple[Callable[[Records, int], None], int]]) -> Records:
    edited = list(records)
    for edit, where in edits:
        if edited:
            edit(edited, where)
    return edited


@settings(max_examples=200, deadline=None)
@given(before_edits=edit_lists, after_edits=edit_lists, with_eurovoc=st.booleans())
def test_a_patched_conversion_equals_converting_the_edited_corpus_from_scratch(
    before_edits: list[tuple[Callable[[Records, int], None], int]],
    after_edits: list[tuple[Callable[[Records, int], None], int]],
    with_eurovoc: bool,
) -> None:
    minter, eurovoc = Minter(B), EUROVOC if with_eurovoc else None
    before = _edited(BASE_RECORDS, before_edits)
    after = _edited(before, after_edits)
    previous = convert_corpus(before, minter, eurovoc)
    patched = patch_conversion(previous, before, after, minter, eurovoc)
    assert patched == convert_corpus(after, minter, eurovoc)
    accounted = (patched.questions, patched.errors, patched.duplicates, patched.merged)
    assert sum(map(len, accounted)) == len(after), "every document is built or reported"
    changed = set(previous.triples) ^ set(patched.triples)  # what the patch says it changed:
    assert patched.patch is not None
    assert patched.patch.changed == changed
    assert patched.patch.subjects == {str(t.subject) for t in changed}
    assert patched.patch.linked == {t.object.value for t in changed if type(t.object) is NamedNode}


def test_a_patched_conversion_of_the_same_records_is_the_previous_one() -> None:
    previous = convert_corpus(BASE_RECORDS, Minter(B))
    assert patch_conversion(previous, BASE_RECORDS, BASE_RECORDS, Minter(B)) == previous


def test_a_previous_graph_that_lacks_a_triple_to_remove_is_refused() -> None:
    previous = convert_corpus(BASE_RECORDS, Minter(B))
    changed = BASE_RECORDS[1]
    title = next(
        t
        for t in previous.triples
        if t.subject == Minter(B).question(changed.number) and t.predicate.value.endswith("/title")
    )
    after = [r for r in BASE_RECORDS if r is not changed]
    with pytest.raises(StaleGraphError):
        lacking = replace(previous, triples=[t for t in previous.triples if t != title])
        patch_conversion(lacking, BASE_RECORDS, after, Minter(B))


def test_a_patched_conversion_follows_a_question_from_two_pages_to_one() -> None:
    french, dutch = pages_of(BASE_RECORDS[0])
    before = [french, dutch, *BASE_RECORDS[1:]]
    for after in ([french, *BASE_RECORDS[1:]], [BASE_RECORDS[0], *BASE_RECORDS[1:]]):
        previous = convert_corpus(before, Minter(B))
        assert patch_conversion(previous, before, after, Minter(B)) == convert_corpus(
            after, Minter(B)
        )
