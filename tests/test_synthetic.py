"""Made-up corpora: the same for the same seed, in number order, and written in the
Senate's format so that the parser reads back exactly the record they were made from."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from converters.parse import parse_document
from converters.records import ELECTIONS, QuestionRecord
from converters.synth.synthetic import (
    VOCABULARY_SIZE,
    made_up_word,
    synthetic_corpus,
    synthetic_questions,
)


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


def test_the_questions_go_on_in_the_next_legislature_from_its_election() -> None:
    questions = list(synthetic_questions(6000, seed=3))
    by_legislature: dict[int, list[QuestionRecord]] = {}
    for question in questions:
        by_legislature.setdefault(question.number.legislature, []).append(question)
    assert sorted(by_legislature) == [6, 7]
    for asked in by_legislature.values():
        assert [q.number.sequence for q in asked] == list(range(1, len(asked) + 1))
    assert max(q.date_sent for q in by_legislature[6]) < ELECTIONS[7]
    assert min(q.date_sent for q in by_legislature[7]) >= ELECTIONS[7]
    assert {q.session.first_year for q in by_legislature[7]} >= {2019, 2020}


def test_the_texts_use_made_up_words_a_few_often_most_rarely() -> None:
    """Zipf's law, as in real texts: the commonest word is in many questions, while
    most words are in one question only."""
    vocabulary = {made_up_word(rank) for rank in range(VOCABULARY_SIZE)}
    assert len(vocabulary) == VOCABULARY_SIZE
    questions_using: Counter[str] = Counter()
    for question in synthetic_questions(400, seed=4):
        words = set(re.findall(r"\w+", question.question_text.fr))
        assert words & vocabulary == set(re.findall(r"\w+", question.question_text.nl)) & (
            vocabulary
        )
        questions_using.update(words & vocabulary)
    counts = sorted(questions_using.values(), reverse=True)
    assert counts[0] > 100
    assert sum(1 for count in counts if count == 1) > len(counts) / 2
