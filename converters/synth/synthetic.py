"""Synthetic corpora in the Senate's format, for tests and benchmarks.

Deterministic for a seed, and shaped like the real series: 1–3 KB of text per language,
about 300 authors across parties (one of them printed differently in French and Dutch),
about 40 ministries, about 2,000 descriptors (0–8 per question), sibling groups of 2–20
questions sent to several ministers on one day; about 80 % answered, the others closed,
lapsed or awaiting an answer, most with an answer deadline, some with reminders; some
closed questions reintroduced under a later number; questions asked in French and in
Dutch (a few pages not saying which); one question in twenty published as its French
and Dutch unilingual pages instead of the print page; some files with CRLF line ends
or a byte-order mark. Every name is obviously made up.

The texts are made of a few template sentences about the question's topics, and of
made-up words drawn from a large vocabulary by Zipf's law, as words are in real texts:
a few common, most rare. Without them every word of the corpus would be in most
questions, and a search index would be measured on its worst case only. The questions
run over the legislatures, numbered anew from 1 in each, as the Senate's are.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..parse import EVENT_LABELS
from ..records import (
    ELECTIONS,
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
    Status,
)
from .source_writer import as_single_page, render_document, render_single_page

# (French, Dutch) pairs whose two spellings differ, so that the language evidence works.
TOPICS = [
    ("sécurité", "veiligheid"),
    ("santé", "gezondheid"),
    ("énergie", "energievoorziening"),
    ("fiscalité", "belastingen"),
    ("pension", "pensioen"),
    ("chômage", "werkloosheid"),
    ("logement", "huisvesting"),
    ("immigration", "immigratie"),
    ("justice", "justitie"),
    ("prison", "gevangenis"),
    ("police", "politie"),
    ("armée", "leger"),
    ("agriculture", "landbouw"),
    ("pêche", "visserij"),
    ("forêt", "bosbouw"),
    ("climat", "klimaat"),
    ("pollution", "verontreiniging"),
    ("déchets", "afval"),
    ("transport", "vervoer"),
    ("chemin de fer", "spoorwegen"),
    ("aviation", "luchtvaart"),
    ("navigation", "scheepvaart"),
    ("commerce", "handel"),
    ("douane", "douanewezen"),
    ("entreprise", "onderneming"),
    ("emploi", "werkgelegenheid"),
    ("formation", "opleiding"),
    ("recherche", "onderzoek"),
    ("culture", "cultuur"),
    ("sport", "sportbeleid"),
    ("jeunesse", "jeugd"),
    ("famille", "gezin"),
    ("handicap", "handicapbeleid"),
    ("vieillesse", "ouderdom"),
    ("hôpital", "ziekenhuis"),
    ("médicament", "geneesmiddel"),
    ("alimentation", "voeding"),
    ("consommation", "verbruik"),
    ("internet", "internetgebruik"),
    ("télécommunications", "telecommunicatie"),
    ("poste", "postdiensten"),
    ("statistique", "statistiek"),
    ("administration", "overheidsdienst"),
    ("fonction publique", "ambtenarenzaken"),
    ("marchés publics", "overheidsopdrachten"),
    ("budget", "begroting"),
    ("dette publique", "overheidsschuld"),
    ("banque", "bankwezen"),
    ("assurance", "verzekering"),
    ("monnaie", "munteenheid"),
]
FACETS = [
    ("régionale", "gewestelijk"),
    ("européenne", "Europees"),
    ("fédérale", "federaal"),
    ("locale", "plaatselijk"),
    ("internationale", "internationaal"),
    ("privée", "privé"),
    ("sociale", "sociaal"),
    ("numérique", "digitaal"),
    ("rurale", "landelijk"),
    ("urbaine", "stedelijk"),
    ("frontalière", "grensoverschrijdend"),
    ("illégale", "illegaal"),
    ("durable", "duurzaam"),
    ("collective", "collectief"),
    ("individuelle", "individueel"),
    ("mobile", "mobiel"),
    ("financière", "financieel"),
    ("technique", "technisch"),
    ("médicale", "medisch"),
    ("scolaire", "schoolgebonden"),
    ("militaire", "militair"),
    ("judiciaire", "gerechtelijk"),
    ("fiscale", "fiscaal"),
    ("agricole", "agrarisch"),
    ("industrielle", "industrieel"),
    ("maritime", "maritiem"),
    ("nucléaire", "nucleair"),
    ("linguistique", "taalkundig"),
    ("culturelle", "cultureel"),
    ("sanitaire", "sanitair"),
    ("policière", "politioneel"),
    ("électorale", "electoraal"),
    ("budgétaire", "budgettair"),
    ("administrative", "administratief"),
    ("économique", "economisch"),
    ("environnementale", "milieugebonden"),
    ("pénale", "strafrechtelijk"),
    ("commerciale", "commercieel"),
    ("statistique", "statistisch"),
    ("publique", "openbaar"),
]
# (French after "de", French after "à", Dutch)
DEPARTMENTS = [
    ("des Affaires sociales", "aux Affaires sociales", "Sociale Zaken"),
    ("de la Santé publique", "à la Santé publique", "Volksgezondheid"),
    ("des Finances", "aux Finances", "Financiën"),
    ("de la Justice", "à la Justice", "Justitie"),
    ("de l'Intérieur", "à l'Intérieur", "Binnenlandse Zaken"),
    ("de la Défense", "à la Défense", "Landsverdediging"),
    ("des Affaires étrangères", "aux Affaires étrangères", "Buitenlandse Zaken"),
    ("de l'Emploi", "à l'Emploi", "Werk"),
    ("de l'Économie", "à l'Économie", "Economie"),
    ("des Pensions", "aux Pensions", "Pensioenen"),
    ("de la Mobilité", "à la Mobilité", "Mobiliteit"),
    ("de l'Énergie", "à l'Énergie", "Energie"),
    ("de l'Environnement", "à l'Environnement", "Leefmilieu"),
    ("de l'Agriculture", "à l'Agriculture", "Landbouw"),
    ("des Classes moyennes", "aux Classes moyennes", "Middenstand"),
    ("de la Fonction publique", "à la Fonction publique", "Ambtenarenzaken"),
    ("du Budget", "au Budget", "Begroting"),
    (
        "de la Coopération au développement",
        "à la Coopération au développement",
        "Ontwikkelingssamenwerking",
    ),
    ("de l'Asile et de la Migration", "à l'Asile et à la Migration", "Asiel en Migratie"),
    ("des Télécommunications", "aux Télécommunications", "Telecommunicatie"),
]
FIRST_NAMES = (
    "Anne Bart Chloé Dirk Eva Frans Greet Hugo Inès Jan Katrien Luc Marie Nico Olivia "
    "Pieter Quentin Rita Sven Tine Ugo Vera Wim Xavier Yasmine Zoë Amélie Bram Céline Daan"
).split()
SURNAMES = (
    "Exemple Voorbeeld Fictif Verzonnen Imaginaire Denkbeeld Testaert Proefmans Modèle Inventé"
).split()
PARTIES = [
    Bilingual(label, label)
    for label in (
        "Parti Fictif",
        "Denkbeeldige Partij",
        "Groupe Imaginaire",
        "Lijst Verzonnen",
        "Mouvement Exemple",
        "Voorbeeldpartij",
        "Union Inventée",
        "Testfractie",
    )
] + [Bilingual("Indépendant", "Onafhankelijke")]


@dataclass(frozen=True)
class SyntheticDocument:
    name: str
    content: bytes
    record: QuestionRecord


def synthetic_corpus(
    count: int, seed: int = 0, legislature: int = 6
) -> Iterator[SyntheticDocument]:
    """The documents of ``count`` questions in number order, the same for the same
    ``seed``: a print page each, or (one time in twenty) a French and a Dutch page."""
    rng = random.Random(seed + 1)
    for record in synthetic_questions(count, seed, legislature):
        yield from _pages(rng, record)


def synthetic_questions(
    count: int, seed: int = 0, legislature: int = 6
) -> Iterator[QuestionRecord]:
    """``count`` questions in number order, the same for the same ``seed``, from
    January 2015 in ``legislature``, then in the next from its election on."""
    rng = random.Random(seed)
    authors = _authors(rng)
    ministries = _ministries()
    descriptors = [
        Bilingual(f"{fr} {facet_fr}", f"{facet_nl} {nl}")
        for fr, nl in TOPICS
        for facet_fr, facet_nl in FACETS
    ]
    made = 0
    sequence = 1
    day = date(2015, 1, 5)
    reintroductions: dict[QuestionNumber, QuestionNumber] = {}
    """Later number → the closed question it will reintroduce."""
    while made < count:
        size = min(count - made, _group_size(rng))
        day += timedelta(days=rng.choice([0, 0, 1, 1, 2, 3]))
        if day >= _election(legislature + 1):
            legislature += 1
            sequence = 1
        group = [QuestionNumber(legislature, sequence + i) for i in range(size)]
        template = _question(rng, group[0], authors, descriptors, day)
        for number, ministry in zip(group, rng.sample(ministries, size), strict=True):
            record = _sibling(rng, template, number, group, ministry)
            yield _reintroduced(rng, record, reintroductions)
        made += size
        sequence += size


def _pages(rng: random.Random, record: QuestionRecord) -> Iterator[SyntheticDocument]:
    """The print page of ``record``, or (one time in twenty) its two unilingual pages."""
    crlf = rng.random() < 0.1
    if rng.random() < 0.05:
        for language in Language:
            name = f"{record.number}-{language.value}.txt"
            text = render_single_page(record, language, crlf=crlf).encode("utf-8")
            yield SyntheticDocument(name, text, as_single_page(record, language, ""))
        return
    text = render_document(record, crlf=crlf).encode("utf-8")
    if rng.random() < 0.05:
        text = b"\xef\xbb\xbf" + text
    yield SyntheticDocument(f"{record.number}.txt", text, record)


def _reintroduced(
    rng: random.Random,
    record: QuestionRecord,
    reintroductions: dict[QuestionNumber, QuestionNumber],
) -> QuestionRecord:
    """Two closed questions in five are submitted again some numbers later."""
    earlier = reintroductions.pop(record.number, None)
    later = None
    if record.status is Status.CLOSED_WITHOUT_ANSWER and rng.random() < 0.4:
        later = QuestionNumber(
            record.number.legislature, record.number.sequence + rng.randint(20, 400)
        )
        if later in reintroductions:
            later = None
        else:
            reintroductions[later] = record.number
    return replace(
        record,
        links=Links(
            reintroduces=(earlier,) if earlier else (),
            reintroduced_as=(later,) if later else (),
        ),
    )


def _election(legislature: int) -> date:
    """The election that opens ``legislature``; after the last one known, every five
    years (the federal and European elections now fall on the same day)."""
    last = max(ELECTIONS)
    if legislature <= last:
        return ELECTIONS[legislature]
    return date(ELECTIONS[last].year + 5 * (legislature - last), 6, 9)


def _group_size(rng: random.Random) -> int:
    if rng.random() < 0.8:
        return 1
    return rng.randint(2, 20)


def _authors(rng: random.Random) -> list[Author]:
    names = [f"{first} {last}" for last in SURNAMES for first in FIRST_NAMES]
    return [
        Author(name, None if rng.random() < 0.03 else PARTIES[i % len(PARTIES)])
        for i, name in enumerate(names)
    ]


def _events(
    rng: random.Random, sent: date, answer: Answer | None
) -> tuple[tuple[Event, ...], date | None]:
    """The dates block of a question sent on ``sent``: its events and deadline."""
    deadline = sent + timedelta(days=rng.randint(28, 35)) if rng.random() < 0.85 else None
    events = [(sent, EventKind.SENT)]
    end = answer.received if answer else sent + timedelta(days=rng.randint(30, 500))
    if (end - sent).days > 90 and rng.random() < 0.3:
        events.append(
            (sent + timedelta(days=rng.randint(60, (end - sent).days - 1)), EventKind.REMINDER)
        )
    if answer is not None:
        events.append((answer.received, EventKind.ANSWERED))
    else:
        ending = rng.choices([EventKind.CLOSED, EventKind.LAPSED, None], weights=[7, 6, 4])[0]
        if ending is not None:
            events.append((end, ending))
    return tuple(Event(day, kind, EVENT_LABELS[kind][1]) for day, kind in events), deadline


def _ministries() -> list[Bilingual]:
    ministers = [Bilingual(f"ministre {of}", f"minister van {nl}") for of, _to, nl in DEPARTMENTS]
    secretaries = [
        Bilingual(f"secrétaire d'État {to}", f"staatssecretaris voor {nl}")
        for _of, to, nl in DEPARTMENTS
    ]
    return ministers + secretaries


def _question(
    rng: random.Random,
    number: QuestionNumber,
    authors: list[Author],
    descriptors: list[Bilingual],
    day: date,
) -> QuestionRecord:
    chosen = tuple(rng.sample(descriptors, rng.choice([0, 1, 2, 3, 3, 4, 4, 5, 6, 8])))
    topics = rng.sample(TOPICS, rng.randint(1, 3))
    title = Bilingual(
        " - ".join(fr.capitalize() for fr, _ in topics),
        " - ".join(nl[0].upper() + nl[1:] for _, nl in topics),
    )
    return QuestionRecord(
        source="",
        number=number,
        session=Session.containing(day, number.legislature),
        author=rng.choice(authors),
        addressee=Bilingual("", ""),
        title=title,
        descriptors=chosen,
        date_sent=day,
        siblings=(),
        original_language=_original_language(rng),
        question_text=_texts(rng, topics, rng.randint(1000, 3000)),
        answer=None,
    )


def _original_language(rng: random.Random) -> Language | None:
    """Dutch a little more often than French; a few pages do not say."""
    draw = rng.random()
    return None if draw < 0.02 else Language.NL if draw < 0.56 else Language.FR


def _sibling(
    rng: random.Random,
    template: QuestionRecord,
    number: QuestionNumber,
    group: list[QuestionNumber],
    ministry: Bilingual,
) -> QuestionRecord:
    answer = None
    if rng.random() < 0.8:
        delay = min(720, int(rng.lognormvariate(3.5, 0.9)))
        text = _texts(rng, rng.sample(TOPICS, 2), rng.randint(1000, 3000))
        answer = Answer(template.date_sent + timedelta(days=delay), text)
    events, deadline = _events(rng, template.date_sent, answer)
    return QuestionRecord(
        source="",
        number=number,
        session=template.session,
        author=template.author,
        addressee=ministry,
        title=template.title,
        descriptors=template.descriptors,
        date_sent=template.date_sent,
        siblings=tuple(n for n in group if n != number),
        original_language=template.original_language,
        question_text=template.question_text,
        answer=answer,
        events=events,
        answer_deadline=deadline,
    )


FRENCH_SENTENCES = [
    "Pouvez-vous me communiquer les chiffres relatifs à la {t} pour les trois dernières "
    "années\u00a0?",
    "Quelles mesures le gouvernement envisage-t-il de prendre en matière de {t}\u00a0?",
    "Selon les informations dont je dispose, la situation de la {t} s'est détériorée depuis {y}.",
    "Combien de dossiers concernant la {t} ont été traités par vos services en {y}\u00a0?",
    "Une concertation avec les entités fédérées est-elle prévue au sujet de la {t}\u00a0?",
    "Le budget consacré à la {t} a-t-il été adapté depuis {y}\u00a0? Dans l'affirmative, "
    "de quelle manière\u00a0?",
    "Les services de votre département disposent-ils d'un plan d'action pour la {t}\u00a0?",
    "Il me revient que les délais de traitement des demandes liées à la {t} sont très longs.",
]
DUTCH_SENTENCES = [
    "Kan u mij de cijfers bezorgen over de {t} voor de voorbije drie jaar?",
    "Welke maatregelen overweegt de regering te nemen inzake de {t}?",
    "Volgens de informatie waarover ik beschik, is de toestand van de {t} sinds {y} verslechterd.",
    "Hoeveel dossiers over de {t} werden in {y} door uw diensten behandeld?",
    "Is er overleg met de deelstaten gepland over de {t}?",
    "Werd het budget voor de {t} sinds {y} aangepast? Zo ja, op welke manier?",
    "Beschikken de diensten van uw departement over een actieplan voor de {t}?",
    "Naar verluidt zijn de behandelingstermijnen van de aanvragen inzake de {t} erg lang.",
]


FRENCH_DETAILS = "Ce point concerne notamment {}, {} et {}."
DUTCH_DETAILS = "Dit betreft onder meer {}, {} en {}."
VOCABULARY_SIZE = 40_000
"""Made-up words, enough that most are rare even in 50,000 questions (fewer than the
592,704 words of three syllables)."""
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in ("a", "e", "i", "o", "u", "ou")]
_ZIPF = list(itertools.accumulate(1 / rank for rank in range(1, VOCABULARY_SIZE + 1)))
"""Cumulative weights: the word of rank r drawn in proportion to 1/r."""


def made_up_word(rank: int) -> str:
    """The word of ``rank`` (from 0) in the made-up vocabulary: three syllables
    (``bababa``, ``dababa``, …), in no language, the same in French and Dutch texts."""
    syllables = []
    for _ in range(3):
        rank, syllable = divmod(rank, len(_SYLLABLES))
        syllables.append(_SYLLABLES[syllable])
    return "".join(syllables)


def _texts(rng: random.Random, topics: list[tuple[str, str]], length: int) -> Bilingual:
    """Template sentences about ``topics``, every third followed by one naming made-up
    words, until the French text is ``length`` characters long."""
    french: list[str] = []
    dutch: list[str] = []
    size = 0
    while size < length:
        if len(french) % 4 == 3:
            ranks = rng.choices(range(VOCABULARY_SIZE), cum_weights=_ZIPF, k=3)
            words = [made_up_word(rank) for rank in ranks]
            french.append(FRENCH_DETAILS.format(*words))
            dutch.append(DUTCH_DETAILS.format(*words))
        else:
            index = rng.randrange(len(FRENCH_SENTENCES))
            fr_topic, nl_topic = rng.choice(topics)
            year = rng.randint(2005, 2014)
            french.append(FRENCH_SENTENCES[index].format(t=fr_topic, y=year))
            dutch.append(DUTCH_SENTENCES[index].format(t=nl_topic, y=year))
        size += len(french[-1])
    return Bilingual(_paragraphs(french), _paragraphs(dutch))


def _paragraphs(sentences: list[str]) -> str:
    """Three sentences a paragraph, so both languages have the same paragraphs."""
    paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    return "\n\n".join(paragraphs)
