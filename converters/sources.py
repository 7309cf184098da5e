"""The parser for the Senate's bilingual written-question documents.

A document is a run of sections separated by lines of underscores: heading, session,
document date, identity (number, author, addressee), title, descriptors, dates,
sibling questions, and the body (question text, then the answer if there is one).
``../shared/DESIGN.md`` section 1 describes each field and its traps.

:func:`parse_document` is pure: bytes (or text) in, a :class:`QuestionRecord` out, or a
:class:`ParseError` that names the source, the line and what was expected there.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from itertools import accumulate, chain
from typing import NamedTuple

from .language import Vocabulary, best_split, text_evidence, words, words_evidence, words_of
from .records import (
    Answer,
    Author,
    Bilingual,
    Language,
    QuestionNumber,
    QuestionRecord,
    Session,
)

MAX_DOCUMENT_BYTES = 2_000_000
"""Real documents are a few kilobytes; anything this large is not one of them."""


class ParseError(Exception):
    """A document that is not a well-formed Senate written question.

    ``str(error)`` is the one line shown to the user: ``source:line: expected …``.
    """

    def __init__(self, source: str, line: int, expected: str) -> None:
        super().__init__(source, line, expected)
        self.source = source
        self.line = line
        self.expected = expected

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: expected {self.expected}"


@dataclass(frozen=True, slots=True)
class _Line:
    number: int
    text: str
    raw: str


_SEPARATOR = re.compile(r"_{4,}(?:\s+_{4,})*")
_HEADING = re.compile(r"SÉNAT DE BELGIQUE\s+BELGISCHE SENAAT", re.IGNORECASE)
_SESSION = re.compile(r"Session\s+(\d{4})-(\d{4})\s+Zitting\s+(\d{4})-(\d{4})")
_DOCUMENT_DATE = re.compile(r"(\d{1,2}(?:er)?\s+\S+\s+\d{4})\s+(\d{1,2}\s+\S+\s+\d{4})")
_NUMBER_LINE = re.compile(
    r"Question\s+écrite\s+n°\s*(\d+-\d+)\s+Schriftelijke\s+vraag\s+nr\.\s*(\d+-\d+)"
)
_AUTHOR_FR = re.compile(r"(?:de\s+|d['’]\s*)(?P<name>.+?)(?:\s*\((?P<party>[^()]*)\))?")
_AUTHOR_NL = re.compile(r"van\s+(?P<name>.+?)(?:\s*\((?P<party>[^()]*)\))?")
_ADDRESSEE_FR = re.compile(r"(?:aux|au|à\s+la|à\s+l['’])\s*(?P<label>\S.*)")
_ADDRESSEE_NL = re.compile(r"aan\s+(?:(?:de|het)\s+)?(?P<label>\S.*)")
_TITLE_SEGMENT_SEPARATOR = re.compile(r"\s+-\s+")
_DATE_EVENT = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})\s*(\S.*)")
_SIBLING = re.compile(r"Aussi\s+posée\s+à\s*:\s*question\s+écrite\s+(\d+-\d+)")
_BODY_HEADER = re.compile(
    r"Question\s+n°\s*(?P<fr_number>\d+-\d+)\s+du\s+(?P<fr_date>.+?)\s*:\s*"
    r"\(Question\s+posée\s+en\s+(?P<fr_language>français|néerlandais)\)\s*"
    r"Vraag\s+nr\.\s*(?P<nl_number>\d+-\d+)\s+d\.d\.\s+(?P<nl_date>.+?)\s*:\s*"
    r"\(Vraag\s+gesteld\s+in\s+het\s+(?P<nl_language>Frans|Nederlands)\)"
)
_BODY_HEADER_START = re.compile(r"Question\s+n°")
_ANSWER_HEADER = re.compile(
    r"Réponse\s+reçue\s+le\s+(?P<fr_date>.+?)\s*:\s*"
    r"Antwoord\s+ontvangen\s+op\s+(?P<nl_date>.+?)\s*:?"
)

_SENT = "Verzending vraag"
_ANSWERED = "Antwoord"

FRENCH_MONTH_NAMES = (
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
)
DUTCH_MONTH_NAMES = (
    "januari februari maart april mei juni juli augustus september oktober november december"
).split()
FRENCH_MONTHS = {name: number for number, name in enumerate(FRENCH_MONTH_NAMES, start=1)}
DUTCH_MONTHS = {name: number for number, name in enumerate(DUTCH_MONTH_NAMES, start=1)}
_WRITTEN_DATE = re.compile(r"(\d{1,2})(?:er)?\s+(\S+)\s+(\d{4})")


def shorten(text: str, limit: int = 60) -> str:
    """Source text quoted in a message: one line, at most ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def decode_document(data: bytes, source: str) -> str:
    """The text of a document: UTF-8 with or without a byte-order mark."""
    if len(data) > MAX_DOCUMENT_BYTES:
        raise ParseError(source, 1, f"a document under {MAX_DOCUMENT_BYTES} bytes")
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise ParseError(source, line, "UTF-8 text, found a NUL byte (binary or UTF-16?)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        found = data[error.start : error.start + 1].hex()
        raise ParseError(source, line, f"UTF-8 text, found byte 0x{found}") from None


def parse_document(content: bytes | str, source: str) -> QuestionRecord:
    """Parse one Senate written-question document into a record."""
    text = decode_document(content, source) if isinstance(content, bytes) else content
    return _Parser(text.removeprefix("\ufeff"), source).parse()


def parse_written_date(text: str, months: dict[str, int]) -> date | None:
    """A date written out in words, ``8 mai 2013`` or ``8 mei 2013``; None if not one."""
    match = _WRITTEN_DATE.fullmatch(text.strip())
    if match is None:
        return None
    month = months.get(match.group(2).lower())
    if month is None:
        return None
    try:
        return date(int(match.group(3)), month, int(match.group(1)))
    except ValueError:
        return None


class _Parser:
    def __init__(self, text: str, source: str) -> None:
        self.source = source
        raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.lines = [_Line(n, line.strip(), line) for n, line in enumerate(raw_lines, start=1)]
        self.end = len(self.lines) + 1

    def fail(self, line: int, expected: str) -> ParseError:
        return ParseError(self.source, line, expected)

    def parse(self) -> QuestionRecord:
        body_start = self._find_body()
        sections = self._sections(self.lines[: body_start - 1])
        reader = _SectionReader(sections, self, before=body_start)

        heading = reader.next("the heading 'SÉNAT DE BELGIQUE BELGISCHE SENAAT'")
        if not _HEADING.fullmatch(heading[0].text):
            raise self.fail(heading[0].number, "the heading 'SÉNAT DE BELGIQUE BELGISCHE SENAAT'")
        session = self._session(reader.next("the session line 'Session … Zitting …'"))
        self._document_date(reader.next("the document date, in French then Dutch"))
        identity = reader.next("the question number, author and addressee")
        number = self._number(identity[0])
        author = self._author(identity)
        addressee = self._addressee(identity)
        title_lines = reader.next("the title line, French then Dutch")
        descriptor_lines = reader.take_if(lambda section: not _is_dates(section))
        dates_sections = reader.take_while(
            _is_dates, "the dates block ('30/4/2013Verzending vraag')"
        )
        sibling_section = reader.take_if(lambda section: True) or []
        reader.expect_end("the question header 'Question n° …'")

        descriptors = self._descriptors(descriptor_lines or [])
        date_sent, date_answered = self._dates([ln for s in dates_sections for ln in s])
        siblings = self._siblings(sibling_section, number)
        body = self._body(body_start, number, date_sent)

        if date_answered is not None and body.answer is None:
            raise self.fail(
                self.end, "the answer 'Réponse reçue le …', announced in the dates block"
            )
        if body.answer is not None and date_answered not in (None, body.answer.received):
            raise self.fail(
                body.answer_line,
                f"the answer date of the dates block ({date_answered.isoformat()})",
            )
        vocabulary = Vocabulary.from_words(
            chain(words_of([addressee.fr, *(d.fr for d in descriptors)]), body.words.fr),
            chain(words_of([addressee.nl, *(d.nl for d in descriptors)]), body.words.nl),
        )
        title = self._title(title_lines, vocabulary)
        return QuestionRecord(
            source=self.source,
            number=number,
            session=session,
            author=author,
            addressee=addressee,
            title=title,
            descriptors=descriptors,
            date_sent=date_sent,
            siblings=siblings,
            original_language=body.original_language,
            question_text=body.question,
            answer=body.answer,
        )

    # -- structure -------------------------------------------------------------------

    def _find_body(self) -> int:
        for line in self.lines:
            if _BODY_HEADER_START.match(line.text):
                return line.number
        if not any(line.text for line in self.lines):
            raise self.fail(1, "a Senate written question, found an empty document")
        raise self.fail(self.end, "the question header 'Question n° … du …' (document truncated?)")

    @staticmethod
    def _sections(lines: list[_Line]) -> list[list[_Line]]:
        sections: list[list[_Line]] = [[]]
        for line in lines:
            if _SEPARATOR.fullmatch(line.text):
                sections.append([])
            elif line.text:
                sections[-1].append(line)
        return [section for section in sections if section]

    # -- head fields -----------------------------------------------------------------

    def _session(self, section: list[_Line]) -> Session:
        line = section[0]
        match = _SESSION.fullmatch(line.text)
        if match is None:
            raise self.fail(line.number, "the session line 'Session 2012-2013 Zitting 2012-2013'")
        first, second, nl_first, nl_second = (int(g) for g in match.groups())
        if (first, second) != (nl_first, nl_second) or second != first + 1:
            raise self.fail(line.number, "one session of two consecutive years in FR and NL")
        return Session(first)

    def _document_date(self, section: list[_Line]) -> date:
        line = section[0]
        match = _DOCUMENT_DATE.fullmatch(line.text)
        fr = parse_written_date(match.group(1), FRENCH_MONTHS) if match else None
        nl = parse_written_date(match.group(2), DUTCH_MONTHS) if match else None
        if fr is None or fr != nl:
            raise self.fail(
                line.number,
                "the document date in French then Dutch ('30 avril 2013 30 april 2013')",
            )
        return fr

    def _number(self, line: _Line) -> QuestionNumber:
        match = _NUMBER_LINE.fullmatch(line.text)
        if match is None or match.group(1) != match.group(2):
            raise self.fail(
                line.number,
                "the number line 'Question écrite n° 5-8904 Schriftelijke vraag nr. 5-8904'",
            )
        number = QuestionNumber.parse(match.group(1))
        if number.legislature == 0 or number.sequence == 0:
            raise self.fail(line.number, "a question number such as 5-8904 (no zero parts)")
        return number

    def _identity_line(self, identity: list[_Line], index: int, expected: str) -> _Line:
        if len(identity) <= index:
            after = identity[-1].number + 1
            raise self.fail(after, expected)
        return identity[index]

    def _author(self, identity: list[_Line]) -> Author:
        fr_line = self._identity_line(
            identity, 1, "the author in French ('de Martine Taelman (Open Vld)')"
        )
        nl_line = self._identity_line(
            identity, 2, "the author in Dutch ('van Martine Taelman (Open Vld)')"
        )
        fr = _AUTHOR_FR.fullmatch(fr_line.text)
        if fr is None:
            raise self.fail(
                fr_line.number, "the author in French ('de Martine Taelman (Open Vld)')"
            )
        nl = _AUTHOR_NL.fullmatch(nl_line.text)
        if nl is None:
            raise self.fail(
                nl_line.number, "the author in Dutch ('van Martine Taelman (Open Vld)')"
            )
        author = Author(fr.group("name"), _party(fr.group("party")))
        if author != Author(nl.group("name"), _party(nl.group("party"))):
            raise self.fail(
                nl_line.number, f"the same author and party as in French ({shorten(author.name)})"
            )
        return author

    def _addressee(self, identity: list[_Line]) -> Bilingual:
        fr_expected = "the addressee in French ('au …', 'à la …', 'à l'…', 'aux …')"
        nl_expected = "the addressee in Dutch ('aan de …', 'aan het …')"
        fr_line = self._identity_line(identity, 3, fr_expected)
        nl_line = self._identity_line(identity, 4, nl_expected)
        fr = _ADDRESSEE_FR.fullmatch(fr_line.text)
        if fr is None:
            raise self.fail(fr_line.number, fr_expected)
        nl = _ADDRESSEE_NL.fullmatch(nl_line.text)
        if nl is None:
            raise self.fail(nl_line.number, nl_expected)
        if len(identity) > 5:
            raise self.fail(identity[5].number, "a separator line after the Dutch addressee")
        return Bilingual(fr.group("label"), nl.group("label"))

    def _title(self, section: list[_Line], vocabulary: Vocabulary) -> Bilingual:
        line = " ".join(ln.text for ln in section)
        tokens = line.split()
        # Cut points lie between two words of one segment, never at a " - ".
        cut_points = [k for k in range(1, len(tokens)) if tokens[k - 1] != "-" and tokens[k] != "-"]
        # Both titles have as many " - " segments, and the Dutch one starts with a capital.
        dashes_before = list(accumulate((token == "-" for token in tokens), initial=0))
        total_dashes = dashes_before[-1]
        balanced = [k for k in cut_points if 2 * dashes_before[k] == total_dashes]
        candidates = balanced or cut_points
        capitalised = [k for k in candidates if tokens[k][:1].isupper()]
        candidates = capitalised or candidates
        scores = [text_evidence(token, vocabulary) for token in tokens]
        cut = best_split(scores, candidates)
        if cut is None:
            raise self.fail(
                section[0].number,
                "a title line whose French and Dutch halves can be told apart",
            )
        return Bilingual(" ".join(tokens[:cut]), " ".join(tokens[cut:]))

    def _descriptors(self, section: list[_Line]) -> tuple[Bilingual, ...]:
        if len(section) % 2:
            raise self.fail(
                section[0].number,
                "descriptors in pairs (n French lines then n Dutch lines), "
                f"found {len(section)} lines",
            )
        half = len(section) // 2
        return tuple(
            Bilingual(fr.text, nl.text)
            for fr, nl in zip(section[:half], section[half:], strict=True)
        )

    def _dates(self, lines: list[_Line]) -> tuple[date, date | None]:
        seen: dict[str, tuple[date, _Line]] = {}
        for line in lines:
            match = _DATE_EVENT.fullmatch(line.text)
            if match is None:
                raise self.fail(line.number, "a dated event such as '30/4/2013Verzending vraag'")
            day, month, year, label = match.groups()
            try:
                when = date(int(year), int(month), int(day))
            except ValueError:
                raise self.fail(line.number, "a real calendar date (d/m/yyyy)") from None
            if label in seen and seen[label][0] != when:
                first = seen[label][1]
                raise self.fail(
                    line.number, f"the same date for '{shorten(label)}' as on line {first.number}"
                )
            seen.setdefault(label, (when, line))
        if _SENT not in seen:
            raise self.fail(lines[0].number, f"a '{_SENT}' date in the dates block")
        answered = seen.get(_ANSWERED)
        return seen[_SENT][0], answered[0] if answered else None

    def _siblings(self, section: list[_Line], number: QuestionNumber) -> tuple[QuestionNumber, ...]:
        siblings: set[QuestionNumber] = set()
        for line in section:
            match = _SIBLING.fullmatch(line.text)
            if match is None:
                raise self.fail(line.number, "'Aussi posée à : question écrite 5-8900'")
            sibling = QuestionNumber.parse(match.group(1))
            if sibling != number:
                siblings.add(sibling)
        return tuple(sorted(siblings))

    # -- body ------------------------------------------------------------------------

    def _body(self, start: int, number: QuestionNumber, date_sent: date) -> _Body:
        header = self.lines[start - 1]
        match = _BODY_HEADER.fullmatch(header.text)
        if match is None:
            raise self.fail(
                start,
                "the question header 'Question n° 5-8904 du 30 avril 2013 : (Question posée "
                "en néerlandais) Vraag nr. 5-8904 d.d. 30 april 2013 : (Vraag gesteld in het "
                "Nederlands)'",
            )
        if match["fr_number"] != str(number) or match["nl_number"] != str(number):
            raise self.fail(start, f"the question header to repeat the number {number}")
        fr_date = parse_written_date(match["fr_date"], FRENCH_MONTHS)
        nl_date = parse_written_date(match["nl_date"], DUTCH_MONTHS)
        if fr_date != date_sent or nl_date != date_sent:
            raise self.fail(
                start, f"the question header to repeat the date sent, {date_sent.isoformat()}"
            )
        language = Language.FR if match["fr_language"] == "français" else Language.NL
        if (match["nl_language"] == "Frans") != (language is Language.FR):
            raise self.fail(start, "the same original language in French and Dutch")

        rest = self.lines[start:]
        answer_at = next(
            (i for i, line in enumerate(rest) if _ANSWER_HEADER.fullmatch(line.text)), None
        )
        question_lines = rest if answer_at is None else rest[:answer_at]
        question = self._split_paragraphs(question_lines, start + 1, "the question text")
        answer = None
        answer_words = _Words([], [])
        answer_line = self.end
        if answer_at is not None:
            answer_header = rest[answer_at]
            answer_line = answer_header.number
            answer, answer_words = self._answer(answer_header, rest[answer_at + 1 :])
        both = _Words(question.words.fr + answer_words.fr, question.words.nl + answer_words.nl)
        return _Body(language, question.text, answer, answer_line, both)

    def _answer(self, header: _Line, lines: list[_Line]) -> tuple[Answer, _Words]:
        match = _ANSWER_HEADER.fullmatch(header.text)
        assert match is not None
        fr_date = parse_written_date(match["fr_date"], FRENCH_MONTHS)
        nl_date = parse_written_date(match["nl_date"], DUTCH_MONTHS)
        if fr_date is None or fr_date != nl_date:
            raise self.fail(
                header.number,
                "'Réponse reçue le 8 mai 2013 : Antwoord ontvangen op 8 mei 2013 :' with one date",
            )
        split = self._split_paragraphs(lines, header.number + 1, "the answer text")
        return Answer(fr_date, split.text), split.words

    def _split_paragraphs(self, lines: list[_Line], first_line: int, what: str) -> _SplitText:
        paragraphs, separator = _paragraphs(lines)
        if not paragraphs:
            raise self.fail(first_line, f"{what}, in French then Dutch")
        found = [words(p) for p in paragraphs]
        split = best_split([words_evidence(f) for f in found], preferred=separator)
        if split is None:
            raise self.fail(first_line, f"{what} with paragraphs whose language can be told apart")
        return _SplitText(
            Bilingual("\n\n".join(paragraphs[:split]), "\n\n".join(paragraphs[split:])),
            _Words(list(chain(*found[:split])), list(chain(*found[split:]))),
        )


class _Words(NamedTuple):
    """The :func:`~converters.language.words` of a bilingual text, kept for the
    document's vocabulary: splitting texts into words is most of the parsing."""

    fr: list[str]
    nl: list[str]


class _SplitText(NamedTuple):
    text: Bilingual
    words: _Words


@dataclass(frozen=True, slots=True)
class _Body:
    original_language: Language
    question: Bilingual
    answer: Answer | None
    answer_line: int
    words: _Words


_SectionTest = Callable[[list[_Line]], bool]


class _SectionReader:
    """Hands out the head sections in order, failing with the line where one is missing."""

    def __init__(self, sections: list[list[_Line]], parser: _Parser, before: int) -> None:
        self.sections = sections
        self.parser = parser
        self.position = 0
        self.before = before

    def _next_line(self) -> int:
        if self.position < len(self.sections):
            return self.sections[self.position][0].number
        return self.before

    def next(self, expected: str) -> list[_Line]:
        if self.position >= len(self.sections):
            raise self.parser.fail(self._next_line(), expected)
        section = self.sections[self.position]
        self.position += 1
        return section

    def take_if(self, wanted: _SectionTest) -> list[_Line] | None:
        if self.position < len(self.sections) and wanted(self.sections[self.position]):
            return self.next("")
        return None

    def take_while(self, wanted: _SectionTest, expected: str) -> list[list[_Line]]:
        taken: list[list[_Line]] = []
        while self.position < len(self.sections) and wanted(self.sections[self.position]):
            taken.append(self.next(expected))
        if not taken:
            raise self.parser.fail(self._next_line(), expected)
        return taken

    def expect_end(self, expected: str) -> None:
        if self.position < len(self.sections):
            raise self.parser.fail(self._next_line(), expected)


def _is_dates(section: list[_Line]) -> bool:
    return bool(_DATE_EVENT.fullmatch(section[0].text))


def _party(printed: str | None) -> str | None:
    if printed is None:
        return None
    return printed.strip() or None


def _paragraphs(lines: list[_Line]) -> tuple[list[str], int | None]:
    """Paragraphs (runs of non-blank lines) and where a blank-with-NBSP line stood."""
    paragraphs: list[str] = []
    current: list[str] = []
    separator: int | None = None
    for line in lines:
        if line.text:
            current.append(line.text)
            continue
        if current:
            paragraphs.append("\n".join(current))
            current = []
        if separator is None and paragraphs and "\u00a0" in line.raw:
            separator = len(paragraphs)
    if current:
        paragraphs.append("\n".join(current))
    return paragraphs, separator
