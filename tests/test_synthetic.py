"""Made-up corpora: the same for the same seed, in number order, and written in the
Senate's format so that the parser reads back exactly the record they were made from."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from converters.parse import parse_document
from converters.synth.synthetic import synthetic_corpus, synthetic_questions


def test_the_same_seed_makes_the_same_corpus() -> None:
    first = [(d.name, d.content) for d in synthetic_corpus(30, seed=5)]
    again = [(d.name, d.content) for d in synthetic_corpus(30, seed=5)]
    other = [(d.name, d.content) for d in synthetic_corpus(30, seed=6)]
    assert first == again and first != other


def test_count_questions_in_number_order_of_one_legislature() -> None:
    questions = list(synthetic_questions(120, seed=2, legislature=7))
    assert len(questions) == 120
    numbers = [q.number for q in questions]
    assert numbers == sorted(numbers, key=lambda n: n.sequence)
    assert {n.legislature for n in numbers} == {7}
    assert len(set(numbers)) == 120


def test_some_questions_come_as_a_french_and_a_dutch_page() -> None:
    documents = list(synthetic_corpus(200, seed=1))
    assert 200 < len(documents) < 260  # one question in twenty: two pages


@settings(max_examples=10, deadline=None)
@given(st.integers(0, 1000))
def test_every_print_page_reads_back_as_its_record(seed: int) -> None:
    for document in synthetic_corpus(15, seed=seed):
        parsed = parse_document(document.content, document.name)
        if document.record.page_language is None:  # a print page carries everything
            assert parsed == replace(document.record, source=document.name)
        else:
            assert parsed.number == document.record.number
