"""The parser for the Senate's written-question pages: bytes in, a record out.

Two page forms are read (``../shared/DESIGN.md`` section 1, and the real pages of
``../shared/real-excerpts/``): the bilingual print page, French and Dutch side by
side (:mod:`.print_page`), and the unilingual French or Dutch page
(:mod:`.single_page`), each in either of the two text extractions (:mod:`.lines`).
Both end in the same body (:mod:`.body`).

:func:`read_document` is pure and says all that a page holds, even when the page is
cut off in its body; :func:`parse_document` gives the record of a complete page, or
the :class:`ParseError` that names the source, the line and what was expected there.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain

from ..records import QuestionRecord
from .body import HEADER_START, read_body
from .errors import ParseError
from .head import Head
from .language import Vocabulary, words_of
from .lines import Line, decode_document, split_lines
from .print_page import read_print_head
from .single_page import page_language_of, read_single_head
from .titles import split_title


@dataclass(frozen=True)
class Reading:
    """What one page says: its record, whose texts stop where the page stops, and
    where the page is cut off, if it is (then it is not published)."""

    record: QuestionRecord
    cut: ParseError | None


def parse_document(content: bytes | str, source: str) -> QuestionRecord:
    """The record of one complete page; :class:`ParseError` if it is not one."""
    reading = read_document(content, source)
    if reading.cut is not None:
        raise reading.cut
    return reading.record


def read_document(content: bytes | str, source: str) -> Reading:
    """Read one page, of either form, as far as it goes."""
    text = decode_document(content, source) if isinstance(content, bytes) else content
    lines = split_lines(text)
    body_start = _find_body(lines, source)
    language = page_language_of(lines)
    if language is None:
        head = read_print_head(lines, body_start, source)
    else:
        head = read_single_head(lines, body_start, language, source)
    body = read_body(lines, body_start, head, source)
    title = head.title or split_title(head.title_lines, _vocabulary(head, body.words), source)
    record = QuestionRecord(
        source=source,
        number=head.number,
        session=head.session,
        author=head.author,
        addressee=head.addressee,
        title=title,
        descriptors=head.descriptors,
        date_sent=head.date_sent,
        siblings=head.siblings,
        original_language=body.original_language,
        question_text=body.question,
        answer=body.answer,
        events=head.chronology.events,
        answer_deadline=head.chronology.deadline,
        links=head.links,
        page_language=head.page_language,
        joined_descriptors=head.joined_descriptors,
    )
    return Reading(record, body.cut)


def _find_body(lines: list[Line], source: str) -> int:
    for index, line in enumerate(lines):
        if HEADER_START.match(line.text):
            return index
    if not any(line.text for line in lines):
        raise ParseError(source, 1, "a Senate written question, found an empty document")
    raise ParseError(
        source, len(lines) + 1, "the question header 'Question n° … du …' (document truncated?)"
    )


def _vocabulary(head: Head, body_words: tuple[list[str], list[str]]) -> Vocabulary:
    """The words the page uses in one language only: evidence for its title's split."""
    french, dutch = body_words
    return Vocabulary.from_words(
        chain(words_of([head.addressee.fr, *(d.fr for d in head.descriptors)]), french),
        chain(words_of([head.addressee.nl, *(d.nl for d in head.descriptors)]), dutch),
    )
