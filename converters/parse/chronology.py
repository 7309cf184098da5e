"""Dates and the dated events of a question (its dates block, or "Chronologie").

An event line is a date glued to a label in either language, ``30/4/2013Verzending
vraag`` or ``3/7/2009 Envoi question (Fin du délai de réponse: 7/8/2009)``; the answer
deadline stands on the sent event's line or on a line of its own after it. The print
page lists its events twice (one column per language); they are read once.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date

from ..months import DUTCH_MONTH_NAMES, FRENCH_MONTH_NAMES
from ..records import Event, EventKind
from .errors import ParseError
from .lines import Line


def fold(text: str) -> str:
    """Lower case without diacritics: ``Aôut`` and ``août`` both become ``aout``."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


FRENCH_MONTHS = {fold(name): number for number, name in enumerate(FRENCH_MONTH_NAMES, start=1)}
"""Month numbers by folded French name, so the source's ``aôut`` is August too."""
DUTCH_MONTHS = {fold(name): number for number, name in enumerate(DUTCH_MONTH_NAMES, start=1)}

WRITTEN_DATE = r"\d{1,2}(?:er)?\s+[^\W\d_]+\s+\d{4}"
"""A date in words, ``8 mai 2013``, ``1er août 2011``, ``4 aôut 2009``."""
_WRITTEN_DATE = re.compile(r"(\d{1,2})(?:er)?\s+(\S+)\s+(\d{4})")
NUMERIC_DATE = r"\d{1,2}/\d{1,2}/\d{4}"
_NUMERIC_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")

_DEADLINE_LABEL = r"(?:Fin\s+du\s+délai\s+de\s+réponse|Einde\s+van\s+de\s+antwoordtermijn)"
_DEADLINE = re.compile(rf"\(\s*{_DEADLINE_LABEL}\s*:\s*(?P<deadline>{NUMERIC_DATE})\s*\)")
_EVENT = re.compile(
    rf"(?P<day>{NUMERIC_DATE})\s*(?P<label>[^\W\d_][^(]*?)\s*"
    rf"(?:\(\s*{_DEADLINE_LABEL}\s*:\s*(?P<deadline>{NUMERIC_DATE})\s*\))?"
)
EVENT_START = re.compile(rf"{NUMERIC_DATE}\s*[^\W\d_]")

EVENT_LABELS: dict[EventKind, tuple[str, str]] = {
    EventKind.SENT: ("Envoi question", "Verzending vraag"),
    EventKind.ANSWERED: ("Réponse", "Antwoord"),
    EventKind.ADDITIONAL_ANSWER: ("Réponse complémentaire", "Aanvullend antwoord"),
    EventKind.REMINDER: ("Rappel", "Rappel"),
    EventKind.CLOSED: ("Dossier clôturé", "Dossier gesloten"),
    EventKind.LAPSED: ("Fin de la législature", "Einde zittingsperiode"),
    EventKind.REQUALIFIED: ("Requalification", "Herkwalificatie"),
    EventKind.NOT_PUBLISHED: ("Décision de ne pas publier", "Beslissing om niet te publiceren"),
}
"""Each event's label in French and in Dutch, as the Senate's pages print them."""
EVENT_KINDS = {fold(label): kind for kind, labels in EVENT_LABELS.items() for label in labels}
"""Event kinds by folded label. A label not here is kept as an event of kind OTHER,
with its words, rather than refused."""


def parse_written_date(text: str, months: dict[str, int]) -> date | None:
    """A date written out in words, ``8 mai 2013`` or ``8 mei 2013``; None if not one."""
    match = _WRITTEN_DATE.fullmatch(text.strip())
    if match is None:
        return None
    month = months.get(fold(match.group(2)))
    if month is None:
        return None
    try:
        return date(int(match.group(3)), month, int(match.group(1)))
    except ValueError:
        return None


def parse_numeric_date(text: str) -> date | None:
    """``30/4/2013``; None if not a real calendar date."""
    match = _NUMERIC_DATE.fullmatch(text.strip())
    if match is None:
        return None
    day, month, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def is_event_line(line: Line) -> bool:
    return bool(EVENT_START.match(line.text)) or bool(_DEADLINE.fullmatch(line.text))


class Chronology:
    """The events of a dates block, each once, in the order printed; and the deadline."""

    def __init__(self, events: tuple[Event, ...], deadline: date | None) -> None:
        self.events = events
        self.deadline = deadline

    def first(self, kind: EventKind) -> date | None:
        return next((event.day for event in self.events if event.kind is kind), None)


def read_chronology(lines: Sequence[Line], source: str) -> Chronology:
    """The events and deadline of ``lines``, every one an event or a deadline line."""
    events: list[Event] = []
    seen: set[tuple[date, EventKind, str]] = set()
    deadlines: dict[date, Line] = {}
    for line in lines:
        alone = _DEADLINE.fullmatch(line.text)
        match = None if alone else _EVENT.fullmatch(line.text)
        if alone is None and match is None:
            raise ParseError(
                source,
                line.number,
                "a dated event such as '30/4/2013Verzending vraag' or "
                "'(Einde van de antwoordtermijn: 19/1/2009)'",
            )
        found = alone or match
        assert found is not None
        if found["deadline"]:
            deadlines[_real_date(found["deadline"], line, source)] = line
        if match is None:
            continue
        day = _real_date(match["day"], line, source)
        label = " ".join(match["label"].split())
        kind = EVENT_KINDS.get(fold(label), EventKind.OTHER)
        key = (day, kind, label if kind is EventKind.OTHER else "")
        if key not in seen:
            seen.add(key)
            events.append(Event(day, kind, label))
    _once_each(events, lines, source)
    if len(deadlines) > 1:
        second = sorted(deadlines.values(), key=lambda ln: ln.number)[1]
        raise ParseError(source, second.number, "one answer deadline for the question")
    return Chronology(tuple(events), next(iter(deadlines), None))


_ONCE = frozenset({EventKind.SENT, EventKind.ANSWERED, EventKind.CLOSED, EventKind.LAPSED})
"""Events that happen once in a question's life (reminders may come again)."""


def _once_each(events: list[Event], lines: Sequence[Line], source: str) -> None:
    seen: dict[EventKind, Event] = {}
    for event in events:
        earlier = seen.setdefault(event.kind, event)
        if event.kind in _ONCE and earlier.day != event.day:
            line = next(ln for ln in lines if ln.text.startswith(numeric_date(event.day)))
            raise ParseError(
                source,
                line.number,
                f"one date for '{event.label}', found {numeric_date(earlier.day)} and "
                f"{numeric_date(event.day)}",
            )


def numeric_date(day: date) -> str:
    """``30/4/2013``: a date as the dates block prints it."""
    return f"{day.day}/{day.month}/{day.year}"


def _real_date(text: str, line: Line, source: str) -> date:
    found = parse_numeric_date(text)
    if found is None:
        raise ParseError(source, line.number, f"a real calendar date (d/m/yyyy), found {text}")
    return found
