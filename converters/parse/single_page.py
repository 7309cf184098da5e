"""The head of a unilingual page (``MIval=/Vragen/SchriftelijkeVraag``), French or Dutch.

Lines, without separators: the links to the print versions, the number, the author
with the date sent (``de Frank Creyelman (Vlaams Belang) du 20 décembre 2005``), the
addressee, the title, the descriptors one a line, ``Chronologie`` and the dated
events, then the link lines. The page does not print its session: it is the one the
date sent falls in (:meth:`~converters.records.Session.containing`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date

from ..records import Author, Bilingual, EventKind, Language, QuestionNumber, Session
from .chronology import (
    DUTCH_MONTHS,
    FRENCH_MONTHS,
    WRITTEN_DATE,
    is_event_line,
    parse_written_date,
    read_chronology,
)
from .errors import ParseError
from .fields import (
    ADDRESSEE_FR,
    ADDRESSEE_FR_EXAMPLE,
    ADDRESSEE_NL,
    ADDRESSEE_NL_EXAMPLE,
    AUTHOR_FR,
    AUTHOR_NL,
    read_addressee,
    read_author,
    read_links,
)
from .head import Head
from .lines import Line

_PRINT_LINKS = re.compile(
    r"Version\s+à\s+imprimer\s+bilingue\s+Version\s+à\s+imprimer\s+unilingue"
    r"|Tweetalige\s+printerversie\s+Eentalige\s+printerversie"
)
NUMBER_LINES = {
    Language.FR: re.compile(r"Question\s+écrite\s+n°\s*(\d+-\d+)"),
    Language.NL: re.compile(r"Schriftelijke\s+vraag\s+nr\.\s*(\d+-\d+)"),
}
_DATED_AUTHOR = {
    Language.FR: re.compile(rf"(?P<author>.+?)\s+du\s+(?P<date>{WRITTEN_DATE})"),
    Language.NL: re.compile(rf"(?P<author>.+?)\s+d\.d\.\s+(?P<date>{WRITTEN_DATE})"),
}
_AUTHOR_EXAMPLES = {
    Language.FR: "the author and date 'de Frank Creyelman (Vlaams Belang) du 20 décembre 2005'",
    Language.NL: "the author and date 'van Ann Somers (Open Vld) d.d. 26 augustus 2009'",
}
_CHRONOLOGY = re.compile(r"Chronolog(?:ie|y)")


def page_language_of(lines: Sequence[Line]) -> Language | None:
    """The language of a unilingual page, told by its first line; None if it is not one."""
    first = next((line for line in lines if line.text), None)
    if first is None:
        return None
    if _PRINT_LINKS.fullmatch(first.text):
        return Language.FR if first.text.startswith("Version") else Language.NL
    for language, pattern in NUMBER_LINES.items():
        if pattern.fullmatch(first.text):
            return language
    return None


def read_single_head(
    lines: Sequence[Line], body_start: int, language: Language, source: str
) -> Head:
    """The head of a unilingual page whose body header is ``lines[body_start]``."""
    head = [line for line in lines[:body_start] if line.text]
    if head and _PRINT_LINKS.fullmatch(head[0].text):
        head = head[1:]
    cursor = _Cursor(head, source, lines[body_start].number)
    number_line = cursor.next(f"the number line '{_number_example(language)}'")
    number_match = NUMBER_LINES[language].fullmatch(number_line.text)
    if number_match is None:
        raise ParseError(
            source, number_line.number, f"the number line '{_number_example(language)}'"
        )
    number = QuestionNumber.parse(number_match.group(1))
    author, date_sent = _dated_author(cursor.next(_AUTHOR_EXAMPLES[language]), language, source)
    addressee = _addressee(cursor.next(_addressee_example(language)), language, source)
    title = cursor.next("the title").text
    descriptors = cursor.take_until(
        lambda ln: bool(_CHRONOLOGY.fullmatch(ln.text)) or is_event_line(ln)
    )
    if cursor.peek() is not None and _CHRONOLOGY.fullmatch(cursor.peek_text()):
        cursor.next("")
    events = cursor.take_until(lambda ln: not is_event_line(ln))
    chronology = read_chronology(events, source)
    sent = chronology.first(EventKind.SENT)
    if sent is not None and sent != date_sent:
        line = next(ln for ln in events if is_event_line(ln))
        raise ParseError(source, line.number, f"the date sent of the author line, {date_sent}")
    siblings, links = read_links(cursor.remaining(), number, source)
    return Head(
        number=number,
        session=Session.containing(date_sent, number.legislature),
        author=author,
        addressee=addressee,
        title=Bilingual.only(language, title),
        title_lines=(),
        descriptors=tuple(Bilingual.only(language, d.text) for d in descriptors),
        joined_descriptors=None,
        chronology=chronology,
        date_sent=date_sent,
        siblings=siblings,
        links=links,
        page_language=language,
    )


def _number_example(language: Language) -> str:
    return (
        "Question écrite n° 5-8904" if language is Language.FR else "Schriftelijke vraag nr. 5-8904"
    )


def _addressee_example(language: Language) -> str:
    return ADDRESSEE_FR_EXAMPLE if language is Language.FR else ADDRESSEE_NL_EXAMPLE


def _dated_author(line: Line, language: Language, source: str) -> tuple[Author, date]:
    match = _DATED_AUTHOR[language].fullmatch(line.text)
    months = FRENCH_MONTHS if language is Language.FR else DUTCH_MONTHS
    pattern = AUTHOR_FR if language is Language.FR else AUTHOR_NL
    author = read_author(match["author"], pattern) if match else None
    sent = parse_written_date(match["date"], months) if match else None
    if author is None or sent is None:
        raise ParseError(source, line.number, _AUTHOR_EXAMPLES[language])
    party = Bilingual.only(language, author.party) if author.party else None
    return Author(author.name, party), sent


def _addressee(line: Line, language: Language, source: str) -> Bilingual:
    pattern = ADDRESSEE_FR if language is Language.FR else ADDRESSEE_NL
    label = read_addressee(line.text, pattern)
    if label is None:
        raise ParseError(source, line.number, _addressee_example(language))
    return Bilingual.only(language, label)


class _Cursor:
    """The head's non-blank lines, handed out in order."""

    def __init__(self, lines: list[Line], source: str, body_line: int) -> None:
        self.lines = lines
        self.source = source
        self.body_line = body_line
        self.position = 0

    def peek(self) -> Line | None:
        return self.lines[self.position] if self.position < len(self.lines) else None

    def peek_text(self) -> str:
        line = self.peek()
        return line.text if line else ""

    def next(self, expected: str) -> Line:
        line = self.peek()
        if line is None:
            raise ParseError(self.source, self.body_line, expected)
        self.position += 1
        return line

    def take_until(self, stop: Callable[[Line], bool]) -> list[Line]:
        taken: list[Line] = []
        while (line := self.peek()) is not None and not stop(line):
            taken.append(line)
            self.position += 1
        return taken

    def remaining(self) -> list[Line]:
        taken, self.position = self.lines[self.position :], len(self.lines)
        return taken
