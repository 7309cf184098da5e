"""The body: question header, texts split by language, and where a page is cut off."""

from __future__ import annotations

import pytest

from converters.parse import ParseError, parse_document, read_document
from converters.parse.body import paragraphs_of
from converters.parse.lines import split_lines
from converters.records import Language

from .conftest import REAL, SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")


def test_a_sentence_broken_by_blank_lines_is_one_paragraph_again() -> None:
    lines = split_lines(
        "J’aimerais dès lors que la ministre réponde aux\n\n"
        "questions suivantes. Je souhaiterais\n\n"
        "qu’elle me communique des chiffres.\n\n1. Combien ?\n"
    )
    paragraphs, _ = paragraphs_of(lines)
    assert paragraphs == [
        "J’aimerais dès lors que la ministre réponde aux questions suivantes. Je souhaiterais "
        "qu’elle me communique des chiffres.",
        "1. Combien ?",
    ]


def test_the_no_break_space_line_between_the_languages_is_never_joined_across() -> None:
    paragraphs, separator = paragraphs_of(
        split_lines("Une phrase sans fin\n\u00a0\nvolgende zin.\n")
    )
    assert paragraphs == ["Une phrase sans fin", "volgende zin."] and separator == 1


def test_a_page_cut_in_the_middle_of_a_sentence_is_refused_at_its_last_line() -> None:
    lines = SEED_TEXT.split("\n")
    header = next(i for i, line in enumerate(lines) if line.startswith("Question n°"))
    cut = "\n".join(lines[: header + 3]) + "\nCes dernières années, nos entreprises et"
    reading = read_document(cut, "cut.txt")
    assert reading.cut is not None
    assert reading.cut.line == header + 4
    assert "mid-sentence" in reading.cut.expected
    with pytest.raises(ParseError, match="mid-sentence"):
        parse_document(cut, "cut.txt")


def test_a_print_page_cut_before_its_dutch_text_is_refused() -> None:
    lines = SEED_TEXT.split("\n")
    header = next(i for i, line in enumerate(lines) if line.startswith("Question n°"))
    french_only = "\n".join(lines[: header + 4])
    reading = read_document(french_only, "x")
    assert reading.cut is not None and "Dutch question text" in reading.cut.expected
    assert reading.record.question_text.fr.startswith("Ces dernières années")


def test_a_unilingual_page_that_ends_on_a_full_sentence_is_complete() -> None:
    reading = read_document((REAL / "4-4707-uni-fr.txt").read_bytes(), "x")
    assert reading.cut is None
    assert reading.record.question_text.nl == ""
    assert reading.record.original_language is Language.NL


def test_an_answer_announced_by_the_dates_but_missing_is_a_cut() -> None:
    reading = read_document((REAL / "6-2044-uni-nl.txt").read_bytes(), "x")
    assert reading.cut is not None and "announced in the dates block" in reading.cut.expected
