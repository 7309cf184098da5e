"""The body of a page: the question header, the question text, the answer.

The print page gives each text in French then in Dutch with nothing between them but,
sometimes, a line holding only a no-break space; the split is found from the words'
language (:mod:`.language`). A unilingual page gives one language. Paragraphs that the
Senate hard-wrapped with blank lines inside a sentence are joined again.

Most pages that reach us were cut off by the archive that kept them. A body is
*complete* when every part the page announces is there (the Dutch half of each text,
the answer the dates announce) and its last paragraph ends as a sentence does; else
:attr:`Body.cut` says where it stops, and the page is not published.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import chain
from typing import NamedTuple

from ..records import Answer, Bilingual, EventKind, Language
from .chronology import DUTCH_MONTHS, FRENCH_MONTHS, WRITTEN_DATE, parse_written_date
from .errors import ParseError
from .head import Head
from .language import best_split, words, words_evidence
from .lines import Line

_FRENCH_HEADER = (
    rf"Question\s+n°\s*(?P<fr_number>\d+-\d+)\s+du\s+(?P<fr_date>{WRITTEN_DATE})\s*:"
    r"(?:\s*\(Question\s+posée\s+en\s+(?P<fr_language>français|néerlandais)\s*\))?"
)
_DUTCH_HEADER = (
    rf"Vraag\s+nr\.\s*(?P<nl_number>\d+-\d+)\s+d\.d\.\s+(?P<nl_date>{WRITTEN_DATE})\s*:"
    r"(?:\s*\(Vraag\s+gesteld\s+in\s+het\s+(?P<nl_language>Frans|Nederlands)\s*\))?"
)
HEADER_START = re.compile(r"Question\s+n°|Vraag\s+nr\.")
_HEADERS = {
    None: re.compile(rf"{_FRENCH_HEADER}\s*{_DUTCH_HEADER}"),
    Language.FR: re.compile(_FRENCH_HEADER),
    Language.NL: re.compile(_DUTCH_HEADER),
}
_HEADER_EXAMPLES = {
    None: "the question header 'Question n° 5-8904 du 30 avril 2013 : (Question posée en "
    "néerlandais) Vraag nr. 5-8904 d.d. 30 april 2013 : (Vraag gesteld in het Nederlands)'",
    Language.FR: "the question header 'Question n° 5-8904 du 30 avril 2013 : (Question posée "
    "en néerlandais)'",
    Language.NL: "the question header 'Vraag nr. 5-8904 d.d. 30 april 2013 : (Vraag gesteld in "
    "het Nederlands)'",
}
_FRENCH_ANSWER = rf"Réponse\s+reçue\s+le\s+(?P<fr_date>{WRITTEN_DATE})\s*:?"
_DUTCH_ANSWER = rf"Antwoord\s+ontvangen\s+op\s+(?P<nl_date>{WRITTEN_DATE})\s*:?"
_ANSWER_HEADERS = {
    None: re.compile(rf"{_FRENCH_ANSWER}\s*{_DUTCH_ANSWER}"),
    Language.FR: re.compile(_FRENCH_ANSWER),
    Language.NL: re.compile(_DUTCH_ANSWER),
}
_SENTENCE_END = re.compile(r"[.?!:;)\]»\"”'’…]\s*$")
_TEXT_END = re.compile(r"[.?!)\]»\"”'’…]\s*$")
"""How a complete text ends: a colon or semicolon announces more."""
_LANGUAGE_NAMES = {"français": Language.FR, "Frans": Language.FR}


@dataclass(frozen=True, slots=True)
class Body:
    original_language: Language | None
    question: Bilingual
    answer: Answer | None
    words: Words
    cut: ParseError | None
    """Where the page stops short of a complete body, if it does."""


class Words(NamedTuple):
    """The :func:`~converters.parse.language.words` of a text in each language, kept for
    the document's vocabulary: splitting texts into words is most of the parsing."""

    fr: list[str]
    nl: list[str]


class _Text(NamedTuple):
    text: Bilingual
    words: Words


def read_body(lines: Sequence[Line], start: int, head: Head, source: str) -> Body:
    """The body whose header is ``lines[start]``, below ``head``."""
    page_language, number, date_sent = head.page_language, str(head.number), head.date_sent
    answer_announced = head.chronology.first(EventKind.ANSWERED)
    header = lines[start]
    match = _HEADERS[page_language].fullmatch(header.text)
    if match is None:
        raise ParseError(source, header.number, _HEADER_EXAMPLES[page_language])
    found = match.groupdict()
    if any(found.get(f"{side}_number") not in (None, number) for side in ("fr", "nl")):
        raise ParseError(
            source, header.number, f"the question header to repeat the number {number}"
        )
    for side, months in (("fr", FRENCH_MONTHS), ("nl", DUTCH_MONTHS)):
        written = found.get(f"{side}_date")
        if written is not None and parse_written_date(written, months) != date_sent:
            raise ParseError(
                source,
                header.number,
                f"the question header to repeat the date sent, {date_sent.isoformat()}",
            )
    languages = {
        _LANGUAGE_NAMES.get(name, Language.NL)
        for name in (found.get("fr_language"), found.get("nl_language"))
        if name is not None
    }
    if len(languages) > 1:
        raise ParseError(source, header.number, "the same original language in French and Dutch")
    original = languages.pop() if languages else None

    rest = lines[start + 1 :]
    answer_at = next(
        (i for i, ln in enumerate(rest) if _ANSWER_HEADERS[page_language].fullmatch(ln.text)),
        None,
    )
    reader = _TextReader(page_language, source)
    question = reader.text(rest if answer_at is None else rest[:answer_at], header, "question")
    answer = None
    answer_words = Words([], [])
    if answer_at is not None:
        answer_header = rest[answer_at]
        received = _answer_date(answer_header, page_language, source)
        if answer_announced is not None and received != answer_announced:
            raise ParseError(
                source,
                answer_header.number,
                f"the answer date of the dates block ({answer_announced.isoformat()})",
            )
        text = reader.text(rest[answer_at + 1 :], answer_header, "answer")
        answer, answer_words = Answer(received, text.text), text.words
    elif answer_announced is not None:
        reader.note_cut(
            rest[-1] if rest else header,
            "the answer 'Réponse reçue le …', announced in the dates block (document cut off?)",
        )
    words = Words(question.words.fr + answer_words.fr, question.words.nl + answer_words.nl)
    return Body(original, question.text, answer, words, reader.cut)


def _answer_date(header: Line, page_language: Language | None, source: str) -> date:
    match = _ANSWER_HEADERS[page_language].fullmatch(header.text)
    assert match is not None
    found = match.groupdict()
    dates = {
        parse_written_date(found[f"{side}_date"], months)
        for side, months in (("fr", FRENCH_MONTHS), ("nl", DUTCH_MONTHS))
        if found.get(f"{side}_date") is not None
    }
    if len(dates) != 1 or None in dates:
        raise ParseError(
            source,
            header.number,
            "'Réponse reçue le 8 mai 2013 : Antwoord ontvangen op 8 mei 2013 :' with one date",
        )
    day = dates.pop()
    assert day is not None
    return day


class _TextReader:
    """Reads the question and answer texts of one body, noting the first cut."""

    def __init__(self, page_language: Language | None, source: str) -> None:
        self.page_language = page_language
        self.source = source
        self.cut: ParseError | None = None

    def note_cut(self, line: Line, expected: str) -> None:
        if self.cut is None:
            self.cut = ParseError(self.source, line.number, expected)

    def text(self, lines: Sequence[Line], header: Line, what: str) -> _Text:
        paragraphs, separator = paragraphs_of(lines)
        last = next((ln for ln in reversed(lines) if ln.text), header)
        if not paragraphs:
            self.note_cut(last, f"the {what} text (document cut off?)")
            return _Text(Bilingual("", ""), Words([], []))
        if not _TEXT_END.search(paragraphs[-1]):
            self.note_cut(last, f"the rest of the {what} text: it stops mid-sentence (cut off?)")
        if self.page_language is not None:  # its one language: no split, no vocabulary
            return _Text(Bilingual.only(self.page_language, "\n\n".join(paragraphs)), Words([], []))
        found = [words(p) for p in paragraphs]
        split = best_split([words_evidence(f) for f in found], preferred=separator)
        if split is None:
            raise ParseError(
                self.source,
                header.number + 1,
                f"the {what} text with paragraphs whose language can be told apart",
            )
        if split == len(paragraphs):
            self.note_cut(last, f"the Dutch {what} text after the French one (cut off?)")
        return _Text(
            Bilingual("\n\n".join(paragraphs[:split]), "\n\n".join(paragraphs[split:])),
            Words(list(chain(*found[:split])), list(chain(*found[split:]))),
        )


def paragraphs_of(lines: Sequence[Line]) -> tuple[list[str], int | None]:
    """Paragraphs (runs of non-blank lines, a sentence broken by blank lines joined
    again) and where a blank line holding a no-break space stood."""
    paragraphs: list[str] = []
    current: list[str] = []
    separator: int | None = None
    for line in lines:
        if line.text:
            current.append(line.text)
            continue
        if current:
            _add_paragraph(paragraphs, "\n".join(current), separator)
            current = []
        if separator is None and paragraphs and "\u00a0" in line.raw:
            separator = len(paragraphs)
    if current:
        _add_paragraph(paragraphs, "\n".join(current), separator)
    return paragraphs, separator


def _add_paragraph(paragraphs: list[str], paragraph: str, separator: int | None) -> None:
    """A paragraph that goes on with a small letter after one that stopped mid-sentence
    continues it, unless the language separator stands between them."""
    if (
        paragraphs
        and paragraph[:1].islower()
        and not _SENTENCE_END.search(paragraphs[-1])
        and separator != len(paragraphs)
    ):
        paragraphs[-1] = f"{paragraphs[-1]} {paragraph}"
    else:
        paragraphs.append(paragraph)
