"""Writing a record in the Senate's formats and parsing it back gives the same record:
the print page gives the record, each unilingual page its language's side of it."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from converters.parse import EVENT_LABELS, parse_document
from converters.records import (
    Answer,
    Author,
    Bilingual,
    Event,
    EventKind,
    Language,
    Links,
    QuestionNumber,
    QuestionRecord,
    Session,
)
from converters.synth.source_writer import as_single_page, render_document, render_single_page

from .conftest import MADE_UP, SEED, parse_file

FRENCH_SEGMENTS = [
    "Services publics fédéraux",
    "Sécurité routière",
    "Recours aux médias sociaux",
    "Politique de la santé",
    "Protection des consommateurs",
    "Transport des détenus",
    "Emploi des jeunes",
]
DUTCH_SEGMENTS = [
    "Federale overheidsdiensten",
    "Verkeersveiligheid",
    "Gebruik van sociale media",
    "Gezondheidsbeleid",
    "Bescherming van de consumenten",
    "Vervoer van gedetineerden",
    "Werkgelegenheid van de jongeren",
]
FRENCH_PARAGRAPHS = [
    "Combien de dossiers ont été traités par les services de votre département\u00a0?",
    "Quelles mesures envisagez-vous de prendre à cet égard\u00a0?",
    "Le service public fédéral a été consulté sur cette question.",
    "Je vous remercie de bien vouloir me communiquer les chiffres pour les années 2010 à 2012.",
]
DUTCH_PARAGRAPHS = [
    "Hoeveel dossiers werden door de diensten van uw departement behandeld?",
    "Welke maatregelen overweegt u in dat verband te nemen?",
    "De federale overheidsdienst werd over deze kwestie geraadpleegd.",
    "Graag kreeg ik de cijfers voor de jaren 2010 tot 2012.",
]
DESCRIPTORS = [
    Bilingual("médias sociaux", "sociale media"),
    Bilingual("sécurité routière", "verkeersveiligheid"),
    Bilingual("système pénitentiaire", "gevangeniswezen"),
    Bilingual("régime de retraite", "pensioenregeling"),
]
PARTIES = [
    Bilingual("Open Vld", "Open Vld"),
    Bilingual("PS", "PS"),
    Bilingual("CD&V", "CD&V"),
    Bilingual("Indépendant", "Onafhankelijke"),
]
MINISTRIES = [
    Bilingual("ministre de la Justice", "minister van Justitie"),
    Bilingual("secrétaire d'État à la Mobilité", "staatssecretaris voor Mobiliteit"),
    Bilingual(
        "vice-première ministre et ministre de l'Intérieur",
        "vice-eersteminister en minister van Binnenlandse Zaken",
    ),
]


@st.composite
def records(draw: st.DrawFn) -> QuestionRecord:
    number = QuestionNumber(draw(st.integers(1, 9)), draw(st.integers(1, 99999)))
    segments = draw(
        st.lists(st.integers(0, len(FRENCH_SEGMENTS) - 1), min_size=1, max_size=3, unique=True)
    )
    title = Bilingual(
        " - ".join(FRENCH_SEGMENTS[i] for i in segments),
        " - ".join(DUTCH_SEGMENTS[i] for i in segments),
    )
    paragraphs = draw(st.lists(st.integers(0, len(FRENCH_PARAGRAPHS) - 1), min_size=1, max_size=4))
    text = Bilingual(
        "\n\n".join(FRENCH_PARAGRAPHS[i] for i in paragraphs),
        "\n\n".join(DUTCH_PARAGRAPHS[i] for i in paragraphs),
    )
    sent = draw(st.dates(date(1995, 1, 1), date(2030, 12, 31)))
    answer = None
    if draw(st.booleans()):
        delay = draw(st.integers(0, 400))
        answer_paragraphs = draw(st.lists(st.integers(0, 3), min_size=1, max_size=3))
        answer = Answer(
            sent + timedelta(days=delay),
            Bilingual(
                "\n\n".join(FRENCH_PARAGRAPHS[i] for i in answer_paragraphs),
                "\n\n".join(DUTCH_PARAGRAPHS[i] for i in answer_paragraphs),
            ),
        )
    siblings = draw(st.lists(st.integers(1, 99999), max_size=20, unique=True))
    events, deadline = draw(dates_blocks(sent, answer))
    others = [
        tuple(sorted({QuestionNumber(number.legislature, n) for n in found} - {number}))
        for found in (draw(st.lists(st.integers(1, 99999), max_size=2)) for _ in range(4))
    ]
    return QuestionRecord(
        source="generated",
        number=number,
        session=Session(draw(st.integers(1995, 2030))),
        author=Author(
            draw(st.sampled_from(["Martine Taelman", "Anne Exemple", "Jan Voorbeeld"])),
            draw(st.sampled_from([None, *PARTIES])),
        ),
        addressee=draw(st.sampled_from(MINISTRIES)),
        title=title,
        descriptors=tuple(draw(st.lists(st.sampled_from(DESCRIPTORS), max_size=4, unique=True))),
        date_sent=sent,
        siblings=tuple(
            sorted(QuestionNumber(number.legislature, s) for s in siblings if s != number.sequence)
        ),
        original_language=draw(st.sampled_from([*Language, None])),
        question_text=text,
        answer=answer,
        events=events,
        answer_deadline=deadline,
        links=Links(*others),
    )


@st.composite
def dates_blocks(
    draw: st.DrawFn, sent: date, answer: Answer | None
) -> tuple[tuple[Event, ...], date | None]:
    """Events in the order of their days, as the Senate lists them: sent, reminders,
    then answered, or closed, lapsed or requalified (or nothing: still awaited)."""
    end = answer.received if answer else sent + timedelta(days=draw(st.integers(0, 900)))
    reminders = draw(st.lists(st.integers(0, (end - sent).days), max_size=2, unique=True))
    days = [(sent, EventKind.SENT)]
    days += [(sent + timedelta(days=d), EventKind.REMINDER) for d in sorted(reminders)]
    if answer is not None:
        days.append((answer.received, EventKind.ANSWERED))
    else:
        ending = draw(
            st.sampled_from([None, EventKind.CLOSED, EventKind.LAPSED, EventKind.REQUALIFIED])
        )
        if ending is not None:
            days.append((end, ending))
    deadline = draw(st.one_of(st.none(), st.dates(sent, sent + timedelta(days=60))))
    events = tuple(Event(day, kind, EVENT_LABELS[kind][1]) for day, kind in days)
    return events, deadline


@settings(max_examples=300, deadline=None)
@given(records(), st.booleans())
def test_parse_inverts_render(record: QuestionRecord, crlf: bool) -> None:
    assert parse_document(render_document(record, crlf=crlf), "generated") == record


@settings(max_examples=200, deadline=None)
@given(records(), st.sampled_from(Language), st.booleans())
def test_a_unilingual_page_parses_to_its_side_of_the_record(
    record: QuestionRecord, language: Language, crlf: bool
) -> None:
    page = render_single_page(record, language, crlf=crlf)
    assert parse_document(page, "generated") == as_single_page(record, language, "generated")


def test_real_and_made_up_documents_survive_a_round_trip() -> None:
    for path in [SEED, *sorted(MADE_UP.glob("*.txt"))]:
        record = parse_file(path)
        assert parse_document(render_document(record), path.name) == record
