"""Writing records back in the Senate's text format: the inverse of the parser.

``senate-ld synth`` uses it to make test corpora, and the tests use it to check that
parsing what was written gives back the same record.
"""

from __future__ import annotations

from datetime import date

from .records import Language, QuestionRecord
from .sources import DUTCH_MONTH_NAMES, FRENCH_MONTH_NAMES

NBSP = "\u00a0"
SEPARATOR = "________________"
DOUBLE_SEPARATOR = "________ ________"


def french_date(day: date) -> str:
    return f"{day.day} {FRENCH_MONTH_NAMES[day.month - 1]} {day.year}"


def dutch_date(day: date) -> str:
    return f"{day.day} {DUTCH_MONTH_NAMES[day.month - 1]} {day.year}"


def numeric_date(day: date) -> str:
    return f"{day.day}/{day.month}/{day.year}"


def render_document(record: QuestionRecord, crlf: bool = False) -> str:
    """The document the Senate would publish for ``record``."""
    number = str(record.number)
    session = record.session.label
    party = f" ({record.author.party})" if record.author.party else ""
    lines = [
        "SÉNAT DE BELGIQUE BELGISCHE SENAAT",
        SEPARATOR,
        f"Session {session} Zitting {session}",
        SEPARATOR,
        f"{french_date(record.date_sent)} {dutch_date(record.date_sent)}",
        SEPARATOR,
        f"Question écrite n° {number} Schriftelijke vraag nr. {number}",
        "",
        f"{_french_of(record.author.name)}{party}",
        "",
        f"van {record.author.name}{party}",
        "",
        _french_addressee(record.addressee.fr),
        "",
        f"aan de {record.addressee.nl}",
        SEPARATOR,
        f"{record.title.fr} {record.title.nl}{NBSP}",
        SEPARATOR,
        *(d.fr for d in record.descriptors),
        *(d.nl for d in record.descriptors),
        DOUBLE_SEPARATOR,
    ]
    events = [f"{numeric_date(record.date_sent)}Verzending vraag"]
    if record.answer is not None:
        events.append(f"{numeric_date(record.answer.received)}Antwoord")
    lines += events + events + [DOUBLE_SEPARATOR]
    if record.siblings:
        siblings = [f"Aussi posée à{NBSP}: question écrite {s}" for s in record.siblings]
        lines += siblings + siblings + [DOUBLE_SEPARATOR]
    asked_in_french = record.original_language is Language.FR
    lines += [
        f"Question n° {number} du {french_date(record.date_sent)} : (Question posée en "
        f"{'français' if asked_in_french else 'néerlandais'}) Vraag nr. {number} d.d. "
        f"{dutch_date(record.date_sent)} : (Vraag gesteld in het "
        f"{'Frans' if asked_in_french else 'Nederlands'})",
        "",
    ]
    lines += [*_paragraph_lines(record.question_text.fr), NBSP, ""]
    lines += [*_paragraph_lines(record.question_text.nl), NBSP]
    if record.answer is not None:
        received = record.answer.received
        lines += [
            f"Réponse reçue le {french_date(received)} : Antwoord ontvangen op "
            f"{dutch_date(received)} :",
            "",
        ]
        lines += _paragraph_lines(record.answer.text.fr) + _paragraph_lines(record.answer.text.nl)
        lines.pop()
    text = "\n".join(lines)
    return text.replace("\n", "\r\n") if crlf else text


def _paragraph_lines(text: str) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n\n") if text else []:
        lines += [paragraph, ""]
    return lines


def _french_of(name: str) -> str:
    return f"d'{name}" if name[:1].lower() in "aeiouéèh" else f"de {name}"


def _french_addressee(label: str) -> str:
    """The article the Senate prints: ``à l'`` before a vowel, ``à la`` for a
    grammatically feminine office, ``au`` otherwise. The parser strips it again."""
    first_word = label.split(" ", 1)[0].lower()
    if first_word[:1] in "aeiouéèh":
        return f"à l'{label}"
    if first_word.endswith(("première", "présidente")):
        return f"à la {label}"
    return f"au {label}"
