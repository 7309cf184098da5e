"""What a page says above its body (:class:`~converters.parse.head.Head`), whichever
form the page has: a question's print page and its French and Dutch pages give heads
that agree on the question, who asked it, when and what it links to; each unilingual
head holds its own language's half of the names, descriptors and title, and the print head
leaves its one title line to be split with the body's evidence."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from converters.parse.body import HEADER_START
from converters.parse.head import Head
from converters.parse.lines import Line, split_lines
from converters.parse.print_page import read_print_head
from converters.parse.single_page import read_single_head
from converters.records import Bilingual, Language, QuestionRecord
from converters.synth.source_writer import render_document, render_single_page
from converters.synth.synthetic import synthetic_questions


def body_start(lines: Sequence[Line]) -> int:
    return next(i for i, line in enumerate(lines) if HEADER_START.match(line.text))


def print_head(record: QuestionRecord) -> Head:
    lines = split_lines(render_document(record))
    return read_print_head(lines, body_start(lines), "print.txt")


def single_head(record: QuestionRecord, language: Language) -> Head:
    lines = split_lines(render_single_page(record, language))
    return read_single_head(lines, body_start(lines), language, f"{language.value}.txt")


def half(both: Bilingual, language: Language) -> Bilingual:
    return Bilingual(both.fr, "") if language is Language.FR else Bilingual("", both.nl)


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000), st.integers(0, 9))
def test_the_heads_of_a_questions_pages_agree_whatever_their_form(seed: int, which: int) -> None:
    record = list(synthetic_questions(which + 1, seed=seed))[which]
    whole = print_head(record)
    assert whole.page_language is None
    assert whole.title is None and whole.title_lines  # split later, with the body's words
    assert whole.addressee == record.addressee and whole.author == record.author
    for language in Language:
        single = single_head(record, language)
        assert single.page_language is language
        for same in ("number", "session", "date_sent", "siblings", "links"):
            assert getattr(single, same) == getattr(whole, same) == getattr(record, same), same
        assert single.addressee == half(record.addressee, language)
        assert single.descriptors == tuple(half(d, language) for d in record.descriptors)
        assert whole.descriptors == record.descriptors
        assert single.title == half(record.title, language)
        assert single.author.name == record.author.name
        if record.author.party is not None:
            assert single.author.party == half(record.author.party, language)
        assert single.chronology.deadline == whole.chronology.deadline == record.answer_deadline
        assert [(e.day, e.kind) for e in single.chronology.events] == [
            (e.day, e.kind) for e in whole.chronology.events
        ]
