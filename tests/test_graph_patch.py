"""A conversion patched rather than made again: for any edits of a corpus (titles,
authors, siblings, answers, pages split into unilingual ones, conflicts…) the patch
gives exactly what converting the edited corpus from scratch gives, and says what it
changed; a previous graph that does not hold what it should is refused."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyoxigraph import NamedNode

from converters.convert.corpus import convert_corpus
from converters.incremental.graph_patch import StaleGraphError, patch_conversion
from converters.iris import Minter
from converters.pipeline import load_eurovoc
from converters.records import Author, Bilingual, Language, Links, QuestionNumber, QuestionRecord
from converters.synth.source_writer import as_single_page
from converters.synth.synthetic import synthetic_corpus

from .conftest import EUROVOC_EXCERPT, SEED, pages_of, parse_file

B = "http://localhost:8000/"

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
