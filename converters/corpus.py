"""A corpus of question records → one RDF graph, with its consistency errors.

Questions are converted one by one; what they share (persons, parties, ministries,
descriptors, legislatures, sessions) is converted once. Two records that would mint
the same IRI for different things are never merged: the later one is rejected with an
error that names both sources, and everything else is still converted.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from pyoxigraph import Triple

from .dataset import PUBLIC_DOMAIN_MARK, DatasetFacts, dataset_triples
from .descriptor import descriptor_triples, scheme_triples
from .eurovoc import EurovocIndex
from .iris import Minter, slugify
from .ministry import ministry_triples
from .parliament import legislature_triples, session_triples
from .person import party_triples, person_triples
from .question import question_triples, stub_question_triples
from .records import Bilingual, QuestionNumber, QuestionRecord, Session
from .sources import shorten


@dataclass(frozen=True, slots=True)
class CorpusError:
    """A document that parsed but cannot join the dataset as it stands."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass(frozen=True, slots=True)
class AcceptedQuestion:
    """Which document a question of the graph came from (the record itself, with its
    texts, is not kept: at 50,000 questions that is a gigabyte)."""

    number: QuestionNumber
    source: str


@dataclass(frozen=True)
class Conversion:
    """The converted graph, sorted, and what was accepted and rejected on the way."""

    triples: list[Triple]
    questions: tuple[AcceptedQuestion, ...]
    stubs: tuple[QuestionNumber, ...]
    errors: tuple[CorpusError, ...]
    duplicates: tuple[str, ...] = ()
    """Documents that repeat an accepted one word for word: built once, not errors."""
    sources: dict[str, str] = field(default_factory=dict)
    """Question IRI → the document it was read from."""


def convert_corpus(
    records: Iterable[QuestionRecord],
    minter: Minter,
    eurovoc: EurovocIndex | None = None,
    license: str = PUBLIC_DOMAIN_MARK,
) -> Conversion:
    """Convert records, in the order given (the first of two conflicting ones wins)."""
    converter = CorpusConverter(minter, eurovoc, license)
    for record in records:
        converter.add(record)
    return converter.finish()


class CorpusConverter:
    """:func:`convert_corpus` a record at a time, so that a build converts each document
    as soon as it is parsed, beside the parsing of the next ones (a core stood idle
    while the whole corpus was converted after it was parsed).

    A record's fate does not depend on the ones after it, so adding them one by one
    converts exactly what converting them all at once would.
    """

    def __init__(
        self,
        minter: Minter,
        eurovoc: EurovocIndex | None = None,
        license: str = PUBLIC_DOMAIN_MARK,
    ) -> None:
        self.minter = minter
        self.eurovoc = eurovoc
        self.license = license
        self._registry = _Registry()
        self._accepted: list[QuestionRecord] = []
        self._errors: list[CorpusError] = []
        self._duplicates: list[str] = []
        self._triples: set[Triple] = set()

    def add(self, record: QuestionRecord) -> None:
        problem = self._registry.admit(record)
        if problem is None:
            self._accepted.append(record)
            self._triples.update(question_triples(record, self.minter))
        elif problem.message:
            self._errors.append(problem)
        else:
            self._duplicates.append(record.source)

    def finish(self) -> Conversion:
        """The graph of the records added: theirs, and what they share, sorted (once:
        the converter is spent after it)."""
        minter, accepted, triples = self.minter, self._accepted, self._triples
        known = {record.number for record in accepted}
        stubs = sorted({s for record in accepted for s in record.siblings} - known)
        for number in stubs:
            triples.update(stub_question_triples(number, minter))
        triples.update(_shared_triples(accepted, stubs, minter, self.eurovoc))

        examples = [minter.question(r.number) for r in sorted(accepted, key=_by_number)[:3]]
        facts = DatasetFacts(len(triples), examples, self.license)
        triples.update(dataset_triples(facts, minter))
        return Conversion(
            triples=sort_triples(triples),
            questions=tuple(AcceptedQuestion(r.number, r.source) for r in accepted),
            stubs=tuple(stubs),
            errors=tuple(self._errors),
            duplicates=tuple(self._duplicates),
            sources={minter.question(r.number).value: r.source for r in accepted},
        )


def sort_triples(triples: Iterable[Triple]) -> list[Triple]:
    """N-Triples order: grouped by subject, then predicate, byte-stable across runs."""
    return sorted(triples, key=str)


def _by_number(record: QuestionRecord) -> QuestionNumber:
    return record.number


def _shared_triples(
    records: Sequence[QuestionRecord],
    stubs: Sequence[QuestionNumber],
    minter: Minter,
    eurovoc: EurovocIndex | None,
) -> Iterator[Triple]:
    parties_of: dict[str, set[str]] = {}
    ministries: set[Bilingual] = set()
    descriptors: set[Bilingual] = set()
    legislatures: set[int] = {number.legislature for number in stubs}
    sessions: set[Session] = set()
    for record in records:
        parties = parties_of.setdefault(record.author.name, set())
        if record.author.party is not None:
            parties.add(record.author.party)
        ministries.add(record.addressee)
        descriptors.update(record.descriptors)
        legislatures.add(record.number.legislature)
        sessions.add(record.session)
    for name, parties in parties_of.items():
        yield from person_triples(name, sorted(parties), minter)
        for party in parties:
            yield from party_triples(party, minter)
    for ministry in ministries:
        yield from ministry_triples(ministry, minter)
    if descriptors:
        yield from scheme_triples(minter)
    for descriptor in descriptors:
        link = eurovoc.match(descriptor) if eurovoc is not None else None
        yield from descriptor_triples(descriptor, minter, link)
    for legislature in legislatures:
        yield from legislature_triples(legislature, minter)
    for session in sessions:
        yield from session_triples(session, minter)


@dataclass
class _Registry:
    """What each key (question number, slug) already stands for, and where from."""

    questions: dict[QuestionNumber, QuestionRecord] = field(default_factory=dict)
    labels: dict[tuple[str, str], tuple[object, str]] = field(default_factory=dict)

    def admit(self, record: QuestionRecord) -> CorpusError | None:
        """None if the record joins; an error (empty for a harmless duplicate) if not."""
        earlier = self.questions.get(record.number)
        if earlier is not None:
            if earlier.same_content(record):
                return CorpusError(record.source, "")
            return CorpusError(
                record.source,
                f"question {record.number} was already read from {earlier.source} "
                "with different content; neither is merged into the other",
            )
        keyed = list(_keys(record))
        pending: dict[tuple[str, str], tuple[object, str]] = {}
        for kind, label, slug in keyed:
            if not slug:
                return CorpusError(
                    record.source,
                    f"the {kind} {_shown(label)} has no letter or digit to make an IRI from",
                )
            known = self.labels.get((kind, slug)) or pending.get((kind, slug))
            if known is not None and known[0] != label:
                return CorpusError(
                    record.source,
                    f"the {kind} {_shown(label)} and the {kind} {_shown(known[0])} read "
                    f"from {known[1]} would share the IRI slug '{slug}'",
                )
            pending[(kind, slug)] = (label, record.source)
        self.questions[record.number] = record
        for key, known in pending.items():
            self.labels.setdefault(key, known)
        return None


def _keys(record: QuestionRecord) -> Iterator[tuple[str, object, str]]:
    yield "person", record.author.name, slugify(record.author.name)
    if record.author.party is not None:
        yield "party", record.author.party, slugify(record.author.party)
    yield "ministry", record.addressee, slugify(record.addressee.fr)
    for descriptor in record.descriptors:
        yield "descriptor", descriptor, slugify(descriptor.fr)


def _shown(label: object) -> str:
    if isinstance(label, Bilingual):
        return f"'{shorten(label.fr)}' / '{shorten(label.nl)}'"
    return f"'{shorten(str(label))}'"
