"""Writing records back in the Senate's text formats: the inverse of the parser.

``senate-ld synth`` uses it to make test corpora, and the tests use it to check that
parsing what was written gives back the same record: :func:`render_document` writes
the bilingual print page (the seed's form), :func:`render_single_page` the French or
Dutch unilingual page of the same question.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

from ..months import DUTCH_MONTH_NAMES, FRENCH_MONTH_NAMES
from ..parse import EVENT_LABELS, numeric_date
from ..records import (
    Answer,
    Author,
    Bilingual,
    Event,
    EventKind,
    Language,
    QuestionNumber,
    QuestionRecord,
    Session,
)

NBSP = "\u00a0"
SEPARATOR = "________________"
DOUBLE_SEPARATOR = "________ ________"

_WRITTEN = ("question écrite", "schriftelijke vraag")
_EXPLANATIONS = ("demande d'explications", "vraag om uitleg")
_LINK_LABELS = {  # (French, Dutch) label, and the kind of document named
    "siblings": (f"Aussi posée à{NBSP}:", "Ook gesteld aan :", _WRITTEN),
    "reintroduces": ("Réintroduction de :", "Herindiening van :", _WRITTEN),
    "reintroduced_as": ("Réintroduite comme :", "Heringediend als :", _WRITTEN),
    "requalified_from": ("Requalification de :", "Herkwalificatie van :", _EXPLANATIONS),
    "requalified_as": ("Requalifiée en :", "Geherkwalificeerd als :", _EXPLANATIONS),
}
_DEADLINE_LABELS = ("Fin du délai de réponse", "Einde van de antwoordtermijn")
_ORIGINAL_LANGUAGE = {
    Language.FR: ("(Question posée en français)", "(Vraag gesteld in het Frans)"),
    Language.NL: ("(Question posée en néerlandais)", "(Vraag gesteld in het Nederlands)"),
}


def french_date(day: date) -> str:
    return f"{day.day} {FRENCH_MONTH_NAMES[day.month - 1]} {day.year}"


def dutch_date(day: date) -> str:
    return f"{day.day} {DUTCH_MONTH_NAMES[day.month - 1]} {day.year}"


def written_date(day: date, language: Language) -> str:
    return french_date(day) if language is Language.FR else dutch_date(day)


def render_document(record: QuestionRecord, crlf: bool = False) -> str:
    """The bilingual print page the Senate would publish for ``record``."""
    number = str(record.number)
    session = record.session.label
    party = record.author.party
    lines = [
        "SÉNAT DE BELGIQUE BELGISCHE SENAAT",
        SEPARATOR,
        f"Session {session} Zitting {session}",
        SEPARATOR,
        f"{french_date(record.date_sent)} {dutch_date(record.date_sent)}",
        SEPARATOR,
        f"Question écrite n° {number} Schriftelijke vraag nr. {number}",
        "",
        f"{_french_of(record.author.name)}{f' ({party.fr})' if party else ''}",
        "",
        f"van {record.author.name}{f' ({party.nl})' if party else ''}",
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
    events = list(_event_lines(record, Language.NL, deadline_apart=True))
    lines += events + events + [DOUBLE_SEPARATOR]
    links = list(_link_lines(record, Language.FR))
    if links:
        lines += links + links + [DOUBLE_SEPARATOR]
    said_fr, said_nl = _asked_in(record)
    lines += [
        f"Question n° {number} du {french_date(record.date_sent)} :{said_fr} "
        f"Vraag nr. {number} d.d. {dutch_date(record.date_sent)} :{said_nl}",
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
    return _joined(lines, crlf)


def render_single_page(record: QuestionRecord, language: Language, crlf: bool = False) -> str:
    """The French or Dutch unilingual page the Senate would publish for ``record``."""
    fr = language is Language.FR
    number = str(record.number)
    party = record.author.party
    sent = written_date(record.date_sent, language)
    author = _french_of(record.author.name) if fr else f"van {record.author.name}"
    lines = [
        "Version à imprimer bilingue Version à imprimer unilingue"
        if fr
        else "Tweetalige printerversie Eentalige printerversie",
        "",
        f"Question écrite n° {number}" if fr else f"Schriftelijke vraag nr. {number}",
        "",
        f"{author}{f' ({party.side(language)})' if party else ''} {'du' if fr else 'd.d.'} {sent}",
        "",
        _french_addressee(record.addressee.fr) if fr else f"aan de {record.addressee.nl}",
        "",
        record.title.side(language),
        "",
        *(d.side(language) for d in record.descriptors),
        "",
        "Chronologie",
        "",
        *_event_lines(record, language, deadline_apart=False),
        "",
    ]
    links = list(_link_lines(record, language))
    if links:
        lines += [*links, ""]
    spoken_here = _asked_in(record)[0 if fr else 1]
    lines += [
        f"Question n° {number} du {sent} :{spoken_here}"
        if fr
        else f"Vraag nr. {number} d.d. {sent} :{spoken_here}",
        "",
        *_paragraph_lines(record.question_text.side(language)),
    ]
    if record.answer is not None:
        received = written_date(record.answer.received, language)
        lines += [
            f"Réponse reçue le {received} :" if fr else f"Antwoord ontvangen op {received} :",
            "",
            *_paragraph_lines(record.answer.text.side(language)),
        ]
    return _joined(lines, crlf)


def as_single_page(record: QuestionRecord, language: Language, source: str) -> QuestionRecord:
    """The record of ``record``'s unilingual page in ``language``, as the parser reads
    it: each text and label in that language only, the events labelled in it."""

    def one(text: Bilingual) -> Bilingual:
        return Bilingual.only(language, text.side(language))

    party = record.author.party
    return replace(
        record,
        source=source,
        session=Session.containing(record.date_sent, record.number.legislature),
        author=Author(record.author.name, one(party) if party else None),
        addressee=one(record.addressee),
        title=one(record.title),
        descriptors=tuple(one(d) for d in record.descriptors),
        question_text=one(record.question_text),
        answer=Answer(record.answer.received, one(record.answer.text)) if record.answer else None,
        events=tuple(labelled(event, language) for event in record.events),
        page_language=language,
    )


def labelled(event: Event, language: Language) -> Event:
    """``event`` with its label as a page in ``language`` prints it."""
    if event.kind is EventKind.OTHER:
        return event
    french, dutch = EVENT_LABELS[event.kind]
    return Event(event.day, event.kind, french if language is Language.FR else dutch)


def _event_lines(record: QuestionRecord, language: Language, deadline_apart: bool) -> Iterator[str]:
    """The dates block; the deadline after the sent event, on its line or the next."""
    deadline = ""
    if record.answer_deadline is not None:
        label = _DEADLINE_LABELS[0 if language is Language.FR else 1]
        deadline = f"({label}: {numeric_date(record.answer_deadline)})"
    for event in record.events:
        line = f"{numeric_date(event.day)}{labelled(event, language).label}"
        if event.kind is EventKind.SENT and deadline:
            if deadline_apart:
                yield line
                yield deadline
                continue
            line = f"{line} {deadline}"
        yield line


def _link_lines(record: QuestionRecord, language: Language) -> Iterator[str]:
    column = 0 if language is Language.FR else 1
    named: dict[str, tuple[QuestionNumber, ...]] = {
        "siblings": record.siblings,
        "reintroduces": record.links.reintroduces,
        "reintroduced_as": record.links.reintroduced_as,
        "requalified_from": record.links.requalified_from,
        "requalified_as": record.links.requalified_as,
    }
    for relation, numbers in named.items():
        french, dutch, kinds = _LINK_LABELS[relation]
        label = french if language is Language.FR else dutch
        for other in numbers:
            yield f"{label} {kinds[column]} {other}"


def _asked_in(record: QuestionRecord) -> tuple[str, str]:
    """``(Question posée en …)`` and ``(Vraag gesteld in het …)``, each after a space;
    nothing when the page does not say."""
    if record.original_language is None:
        return "", ""
    french, dutch = _ORIGINAL_LANGUAGE[record.original_language]
    return f" {french}", f" {dutch}"


def _joined(lines: list[str], crlf: bool) -> str:
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
