"""The head of the bilingual print page (``MIval=/Vragen/SVPrintNLFR``), the seed's form.

Sections separated by lines of underscores: heading, session, document date, identity
(number, author and addressee in French then Dutch), title (both languages on one
line), descriptors (n French lines then n Dutch ones; absent when there are none),
then the dates block and the link lines, each printed once per language, in either
order and either of them empty.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from itertools import zip_longest
from typing import TypeVar

from ..records import Author, Bilingual, EventKind, QuestionNumber, Session
from .chronology import (
    DUTCH_MONTHS,
    FRENCH_MONTHS,
    WRITTEN_DATE,
    is_event_line,
    parse_written_date,
    read_chronology,
)
from .errors import ParseError, shorten
from .fields import (
    ADDRESSEE_FR,
    ADDRESSEE_FR_EXAMPLE,
    ADDRESSEE_NL,
    ADDRESSEE_NL_EXAMPLE,
    AUTHOR_FR,
    AUTHOR_FR_EXAMPLE,
    AUTHOR_NL,
    AUTHOR_NL_EXAMPLE,
    LINK_START,
    PROVISIONAL_ANSWER,
    read_addressee,
    read_author,
    read_links,
)
from .head import Head
from .lines import Line

SEPARATOR = re.compile(r"_{4,}(?:\s+_{4,})*")
HEADING = re.compile(r"SÉNAT DE BELGIQUE\s+BELGISCHE SENAAT", re.IGNORECASE)
_SESSION = re.compile(
    r"Session\s+(?:extraordinaire\s+)?(\d{4})(?:-(\d{4}))?(?:\s*\(\w+\))?\s+"
    r"(?:Buitengewone\s+)?[Zz]itting\s+(\d{4})(?:-(\d{4}))?(?:\s*\(\w+\))?"
)
"""``Session 2012-2013 Zitting 2012-2013``; the extraordinary session after an election
is named by its one year (``Session extraordinaire 2010``, ``Zitting 2010 (BZ)``)."""
_DOCUMENT_DATE = re.compile(rf"({WRITTEN_DATE})\s+({WRITTEN_DATE})")
_NUMBER_LINE = re.compile(
    r"Question\s+écrite\s+n°\s*(\d+-\d+)\s+Schriftelijke\s+vraag\s+nr\.\s*(\d+-\d+)"
)
_HEADING_EXAMPLE = "the heading 'SÉNAT DE BELGIQUE BELGISCHE SENAAT'"
T = TypeVar("T")


def read_print_head(lines: Sequence[Line], body_start: int, source: str) -> Head:
    """The head of a print page whose body header is ``lines[body_start]``."""
    sections = _sections(lines[:body_start])
    reader = _Sections(sections, source, lines[body_start].number)
    heading = reader.next(_HEADING_EXAMPLE)
    if not HEADING.fullmatch(heading[0].text):
        raise ParseError(source, heading[0].number, _HEADING_EXAMPLE)
    session = _session(reader.next("the session line 'Session … Zitting …'")[0], source)
    printed_on = _document_date(reader.next("the document date, in French then Dutch"), source)
    identity = reader.next("the question number, author and addressee")
    number = _number(identity[0], source)
    author = _author(identity, source)
    addressee = _addressee(identity, source)
    title_lines = reader.next("the title line, French then Dutch")
    if len(title_lines) > 1:
        raise ParseError(
            source,
            title_lines[0].number,
            f"one title line, French then Dutch; found {len(title_lines)} lines (no title?)",
        )
    descriptor_lines: Sequence[Line] = ()
    event_lines: list[Line] = []
    link_lines: list[Line] = []
    for index, section in enumerate(reader.rest()):
        if all(is_event_line(line) for line in section):
            event_lines += section
        elif LINK_START.match(section[0].text) or PROVISIONAL_ANSWER.fullmatch(section[0].text):
            link_lines += section
        elif index == 0:
            descriptor_lines = section
        else:
            raise ParseError(
                source,
                section[0].number,
                "the dates block ('30/4/2013Verzending vraag') or links "
                "('Aussi posée à : question écrite 5-8900')",
            )
    chronology = read_chronology(_one_column(event_lines, source), source)
    date_sent = chronology.first(EventKind.SENT) or printed_on
    siblings, links = read_links(link_lines, number, source)
    title = _title_cells(title_lines)
    return Head(
        number=number,
        session=session,
        author=author,
        addressee=addressee,
        title=title,
        title_lines=tuple(title_lines),
        descriptors=_descriptors(descriptor_lines, source),
        joined_descriptors=_joined_descriptors(descriptor_lines),
        chronology=chronology,
        date_sent=date_sent,
        siblings=siblings,
        links=links,
        page_language=None,
    )


def _sections(lines: Sequence[Line]) -> list[list[Line]]:
    sections: list[list[Line]] = [[]]
    for line in lines:
        if SEPARATOR.fullmatch(line.text):
            sections.append([])
        elif line.text:
            sections[-1].append(line)
    return [section for section in sections if section]


class _Sections:
    """Hands out the head's sections in order, failing where one is missing."""

    def __init__(self, sections: list[list[Line]], source: str, body_line: int) -> None:
        self.sections = sections
        self.source = source
        self.body_line = body_line
        self.position = 0

    def next(self, expected: str) -> list[Line]:
        if self.position >= len(self.sections):
            raise ParseError(self.source, self.body_line, expected)
        self.position += 1
        return self.sections[self.position - 1]

    def rest(self) -> list[list[Line]]:
        return self.sections[self.position :]


def _session(line: Line, source: str) -> Session:
    match = _SESSION.fullmatch(line.text)
    if match is None:
        raise ParseError(
            source, line.number, "the session line 'Session 2012-2013 Zitting 2012-2013'"
        )
    first, second, nl_first, nl_second = (int(g) if g else None for g in match.groups())
    if (first, second) != (nl_first, nl_second) or second not in (None, (first or 0) + 1):
        raise ParseError(source, line.number, "one session of two consecutive years in FR and NL")
    assert first is not None
    return Session(first)


def _document_date(section: list[Line], source: str) -> date:
    line = section[0]
    match = _DOCUMENT_DATE.fullmatch(line.text)
    fr = parse_written_date(match.group(1), FRENCH_MONTHS) if match else None
    nl = parse_written_date(match.group(2), DUTCH_MONTHS) if match else None
    if fr is None or fr != nl:
        raise ParseError(
            source,
            line.number,
            "the document date in French then Dutch ('30 avril 2013 30 april 2013')",
        )
    return fr


def _number(line: Line, source: str) -> QuestionNumber:
    match = _NUMBER_LINE.fullmatch(line.text)
    if match is None or match.group(1) != match.group(2):
        raise ParseError(
            source,
            line.number,
            "the number line 'Question écrite n° 5-8904 Schriftelijke vraag nr. 5-8904'",
        )
    number = QuestionNumber.parse(match.group(1))
    if number.legislature == 0 or number.sequence == 0:
        raise ParseError(source, line.number, "a question number such as 5-8904 (no zero parts)")
    return number


def _identity_field(
    identity: list[Line], index: int, read: Callable[[str], T | None], expected: str, source: str
) -> T:
    """What ``read`` finds on the identity section's line ``index``, which must be there."""
    if len(identity) <= index:
        raise ParseError(source, identity[-1].number + 1, expected)
    found = read(identity[index].text)
    if found is None:
        raise ParseError(source, identity[index].number, expected)
    return found


def _author(identity: list[Line], source: str) -> Author:
    fr = _identity_field(
        identity, 1, partial(read_author, pattern=AUTHOR_FR), AUTHOR_FR_EXAMPLE, source
    )
    nl = _identity_field(
        identity, 2, partial(read_author, pattern=AUTHOR_NL), AUTHOR_NL_EXAMPLE, source
    )
    if fr.name != nl.name or (fr.party is None) != (nl.party is None):
        raise ParseError(
            source,
            identity[2].number,
            f"the same author and party as in French ({shorten(fr.name)})",
        )
    party = Bilingual(fr.party, nl.party) if fr.party and nl.party else None
    return Author(fr.name, party)


def _addressee(identity: list[Line], source: str) -> Bilingual:
    fr = _identity_field(
        identity, 3, partial(read_addressee, pattern=ADDRESSEE_FR), ADDRESSEE_FR_EXAMPLE, source
    )
    nl = _identity_field(
        identity, 4, partial(read_addressee, pattern=ADDRESSEE_NL), ADDRESSEE_NL_EXAMPLE, source
    )
    if len(identity) > 5:
        raise ParseError(source, identity[5].number, "a separator line after the Dutch addressee")
    return Bilingual(fr, nl)


def _one_column(lines: list[Line], source: str) -> list[Line]:
    """The dates block, which the print page prints once per language column: the
    second column must repeat the first."""
    second = next((i for i, ln in enumerate(lines) if i and ln.text == lines[0].text), None)
    if second is None:
        return lines
    first_column, second_column = lines[:second], lines[second:]
    for mine, theirs in zip_longest(first_column, second_column):
        if mine is None or theirs is None or mine.text != theirs.text:
            differing = theirs or second_column[-1]
            raise ParseError(
                source,
                differing.number,
                "the same dated events in both columns of the dates block",
            )
    return first_column


def _title_cells(lines: list[Line]) -> Bilingual | None:
    """The title as the table extraction split it, if it did."""
    if len(lines) == 1 and len(lines[0].cells) == 2:
        return Bilingual(*lines[0].cells)
    return None


def _joined_descriptors(lines: Sequence[Line]) -> Bilingual | None:
    """The table extraction prints each language's descriptors on one line, joined by
    spaces where their boundaries are lost (the corpus splits them, :mod:`..combine`)."""
    if len(lines) == 2 and all(line.raw.rstrip().endswith("|") for line in lines):
        return Bilingual(lines[0].text, lines[1].text)
    return None


def _descriptors(lines: Sequence[Line], source: str) -> tuple[Bilingual, ...]:
    """Descriptors paired by position (none yet when they are joined on one line)."""
    if _joined_descriptors(lines) is not None:
        return ()
    if len(lines) % 2:
        raise ParseError(
            source,
            lines[0].number,
            f"descriptors in pairs (n French lines then n Dutch lines), found {len(lines)} lines",
        )
    half = len(lines) // 2
    return tuple(
        Bilingual(fr.text, nl.text) for fr, nl in zip(lines[:half], lines[half:], strict=True)
    )
