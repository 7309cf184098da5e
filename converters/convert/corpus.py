"""A corpus of question records → one RDF graph, with its consistency errors.

Questions are converted one by one; what they share (persons, parties, ministries,
descriptors, legislatures, sessions) is converted once. Two records that would mint
the same IRI for different things are never merged: the later one is rejected with an
error that names both sources, and everything else is still converted. After a few
documents changed, the incremental layer patches the previous graph instead
(:mod:`converters.incremental.graph_patch`), with the parts made public here.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from pyoxigraph import Triple

from ..errors import shorten
from ..iris import Minter, bilingual_slug, slugify
from ..records import Bilingual, Language, QuestionNumber, QuestionRecord, Session
from .combine import Translations, complete, disagreement, merge_pages, split_descriptors
from .dataset import DatasetFacts, Publication, dataset_triples
from .descriptor import descriptor_triples, scheme_triples
from .eurovoc import EurovocIndex
from .ministry import ministry_triples
from .parliament import legislature_triples, session_triples
from .person import party_triples, person_triples
from .question import question_triples, stub_question_triples

PUBLICATION = Publication()
"""The dataset's description as published when the publisher says nothing."""


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
    texts, is not kept: the texts are most of a corpus's memory)."""

    number: QuestionNumber
    source: str


@dataclass(frozen=True)
class GraphPatch:
    """What :func:`~converters.incremental.graph_patch.patch_conversion` changed in the
    graph it was given."""

    previous: Sequence[Triple]
    changed: frozenset[Triple]
    """The triples removed or added."""
    subjects: frozenset[str]
    """The subjects whose triples differ, in N-Triples form (``<iri>``)."""
    linked: frozenset[str]
    """The IRIs that a removed or added triple links to."""

    @property
    def subject_iris(self) -> frozenset[str]:
        """The changed subjects' IRIs (a blank node has none)."""
        return frozenset(s[1:-1] for s in self.subjects if s.startswith("<"))


@dataclass(frozen=True)
class Conversion:
    """The converted graph, sorted, and what was accepted and rejected on the way."""

    triples: list[Triple]
    questions: tuple[AcceptedQuestion, ...]
    stubs: tuple[QuestionNumber, ...]
    errors: tuple[CorpusError, ...]
    duplicates: tuple[str, ...] = ()
    """Documents that repeat an accepted one word for word: built once, not errors."""
    merged: tuple[str, ...] = ()
    """Unilingual pages merged into the question of their other language's page."""
    sources: dict[str, str] = field(default_factory=dict)
    """Question IRI → the document it was read from."""
    patch: GraphPatch | None = field(default=None, compare=False)
    """How the graph was patched, if it was (the dumps are patched the same way)."""


def convert_corpus(
    records: Iterable[QuestionRecord],
    minter: Minter,
    eurovoc: EurovocIndex | None = None,
    publication: Publication = PUBLICATION,
) -> Conversion:
    """Convert records, in the order given (the first of two conflicting ones wins)."""
    converter = CorpusConverter(minter, eurovoc, publication)
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
        publication: Publication = PUBLICATION,
    ) -> None:
        self.minter = minter
        self.eurovoc = eurovoc
        self.publication = publication
        self._admission = Admission()
        self._triples: set[Triple] = set()

    def add(self, record: QuestionRecord) -> None:
        if self._admission.admit(record):
            self._triples.update(question_triples(record, self.minter))

    def finish(self) -> Conversion:
        """The graph of the records added: theirs, and what they share, sorted (once:
        the converter is spent after it)."""
        admission, triples = self._admission, self._triples
        for record in admission.settle():
            triples.update(question_triples(record, self.minter))
        stubs = stubs_of(admission.accepted)
        triples.update(_corpus_wide_triples(admission.accepted, stubs, self.minter, self.eurovoc))
        triples.update(
            description_triples(len(triples), admission.accepted, self.minter, self.publication)
        )
        return admission.conversion(sort_triples(triples), stubs, self.minter)


def sort_triples(triples: Iterable[Triple]) -> list[Triple]:
    """N-Triples order: grouped by subject, then predicate, byte-stable across runs."""
    return sorted(triples, key=str)


_number_order = attrgetter("legislature", "sequence")
"""The order of question numbers, compared in C (the dataclass's own order is Python)."""


_label_order = attrgetter("fr", "nl")


def _by_number(record: QuestionRecord) -> tuple[int, int]:
    return _number_order(record.number)


def _corpus_wide_triples(
    accepted: Sequence[QuestionRecord],
    stubs: Sequence[QuestionNumber],
    minter: Minter,
    eurovoc: EurovocIndex | None,
) -> Iterator[Triple]:
    """What the accepted questions share: the ``stubs`` of the questions they name that
    are not among them (:func:`_stubs`), their persons, parties, ministries, descriptors,
    legislatures and sessions."""
    return shared_triples(shared_entries(accepted, stubs), minter, eurovoc)


def stubs_of(accepted: Sequence[QuestionRecord]) -> list[QuestionNumber]:
    known = {record.number for record in accepted}
    unknown = {s for record in accepted for s in record.named_questions} - known
    return sorted(unknown, key=_number_order)


def description_triples(
    count: int, accepted: Sequence[QuestionRecord], minter: Minter, publication: Publication
) -> list[Triple]:
    """The dataset's description, for a graph of ``count`` triples besides it."""
    examples = [minter.question(r.number) for r in heapq.nsmallest(3, accepted, key=_by_number)]
    days = [record.date_sent for record in accepted]
    period = (min(days), max(days)) if days else None
    return dataset_triples(DatasetFacts(count, examples, publication, period), minter)


SharedEntry = tuple[str, Any]
"""A resource the questions share, as its kind and what its triples are made from:
``("person", (name, parties))``, ``("ministry", addressee)``, ``("stub", number)``…"""


def shared_entries(
    records: Sequence[QuestionRecord], stubs: Sequence[QuestionNumber]
) -> set[SharedEntry]:
    """What ``records`` (admitted together) and their ``stubs`` share. Each entry makes
    the triples of one resource, and two entries of one corpus never make the same
    triple: their IRIs differ, since the admission refuses two labels one slug. So the
    shared triples of two corpora differ by those of the entries they do not share."""
    parties_of: dict[str, set[Bilingual]] = {}
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
    entries: set[SharedEntry] = {("stub", number) for number in stubs}
    for name, parties in parties_of.items():
        entries.add(("person", (name, tuple(sorted(parties, key=_label_order)))))
        entries.update(("party", party) for party in parties)
    entries.update(("ministry", ministry) for ministry in ministries)
    entries.update(("descriptor", descriptor) for descriptor in descriptors)
    if descriptors:
        entries.add(("scheme", None))
    entries.update(("legislature", legislature) for legislature in legislatures)
    entries.update(("session", session) for session in sessions)
    return entries


def shared_triples(
    entries: Iterable[SharedEntry], minter: Minter, eurovoc: EurovocIndex | None
) -> Iterator[Triple]:
    for kind, made_from in entries:
        if kind == "stub":
            yield from stub_question_triples(made_from, minter)
        elif kind == "person":
            name, parties = made_from
            yield from person_triples(name, parties, minter)
        elif kind == "party":
            yield from party_triples(made_from, minter)
        elif kind == "ministry":
            yield from ministry_triples(made_from, minter)
        elif kind == "descriptor":
            link = eurovoc.match(made_from) if eurovoc is not None else None
            yield from descriptor_triples(made_from, minter, link)
        elif kind == "scheme":
            yield from scheme_triples(minter)
        elif kind == "legislature":
            yield from legislature_triples(made_from, minter)
        else:
            yield from session_triples(made_from, minter)


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


@dataclass
class Admission:
    """Which records join the graph, in the order given, and why the others do not."""

    registry: _Registry = field(default_factory=_Registry)
    accepted: list[QuestionRecord] = field(default_factory=list)
    errors: list[CorpusError] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)

    held: list[QuestionRecord] = field(default_factory=list)
    """Unilingual pages, joined by :meth:`settle` once every page has been seen."""

    @classmethod
    def of(cls, records: Iterable[QuestionRecord]) -> Admission:
        admission = cls()
        for record in records:
            admission.admit(record)
        admission.settle()
        return admission

    def admit(self, record: QuestionRecord) -> bool:
        """Whether ``record`` joins the graph now (noting why not when it does not);
        a unilingual page waits for :meth:`settle`."""
        if record.awaits_corpus:
            self.held.append(record)
            return False
        return self._join(record)

    def settle(self) -> list[QuestionRecord]:
        """Join the records held back (:mod:`.combine`): first the print pages whose
        descriptors are to be split; then the unilingual pages: each beside its
        question's print page is checked against it; a French and a Dutch page are
        merged; a lone page is completed from the labels the other questions pair.
        Every page ends up joined, merged, a duplicate or an error. Returns the records
        that joined the graph, in that order."""
        joined = self._join_split(
            [r for r in self.held if r.page_language is None], [*self.accepted, *self.held]
        )
        pages: dict[QuestionNumber, list[QuestionRecord]] = {}
        for page in self.held:
            if page.page_language is not None:
                pages.setdefault(page.number, []).append(page)
        self.held = []
        lone: list[list[QuestionRecord]] = []
        translations = Translations.of(self.accepted)
        for number, group in pages.items():
            printed = self.registry.questions.get(number)
            if printed is not None:
                self._check_pages(group, printed)
                continue
            french = [p for p in group if p.page_language is Language.FR]
            dutch = [p for p in group if p.page_language is Language.NL]
            if not french or not dutch:
                lone.append(group)
                continue
            merged = self._merge(french[0], dutch, translations)
            if merged is None:  # every Dutch page disagrees with the French one
                lone.append(french)
                continue
            question, partner = merged
            if self._join(question):
                joined.append(question)
                translations.learn_from(question)
            others = french[1:] + dutch[dutch.index(partner) + 1 :]
            self._check_pages(others, question)
        for group in lone:
            for index, page in enumerate(group):  # the first that can join; the others
                completed = complete(page, translations)  # are checked against it
                if self._join(completed):
                    joined.append(completed)
                    self._check_pages(group[index + 1 :], completed)
                    break
        return joined

    def _merge(
        self, french: QuestionRecord, dutch: list[QuestionRecord], translations: Translations
    ) -> tuple[QuestionRecord, QuestionRecord] | None:
        """``french`` merged with the first of the ``dutch`` pages that agrees with it,
        and that page; the ones before it are conflicts. None if none agrees."""
        for page in dutch:
            merged = merge_pages(french, page, translations)
            if isinstance(merged, str):
                self.errors.append(_conflict(page, french, merged))
                continue
            self.merged.append(page.source)  # one document with its French page from here on
            return merged, page
        return None

    def _join_split(
        self, printed: list[QuestionRecord], corpus: list[QuestionRecord]
    ) -> list[QuestionRecord]:
        """Join the print pages whose descriptors the table extraction joined on one
        line, split with the labels the rest of the corpus prints."""
        french = {d.fr for r in corpus for d in r.descriptors if d.fr}
        dutch = {d.nl for r in corpus for d in r.descriptors if d.nl}
        joined = []
        for record in printed:
            split = split_descriptors(record, french, dutch)
            if self._join(split):
                joined.append(split)
        return joined

    def _check_pages(self, pages: Iterable[QuestionRecord], question: QuestionRecord) -> None:
        """Unilingual ``pages`` of a question already joined: duplicates if they say
        what it says in their language, conflicts if not."""
        for page in pages:
            differing = disagreement(page, question)
            if differing is None:
                self.duplicates.append(page.source)
            else:
                self.errors.append(_conflict(page, question, differing))

    def _join(self, record: QuestionRecord) -> bool:
        problem = self.registry.admit(record)
        if problem is None:
            self.accepted.append(record)
            return True
        if problem.message:
            self.errors.append(problem)
        else:
            self.duplicates.append(record.source)
        return False

    def conversion(
        self, triples: list[Triple], stubs: Sequence[QuestionNumber], minter: Minter
    ) -> Conversion:
        """The conversion of the accepted records, whose sorted graph is ``triples``."""
        accepted = self.accepted
        return Conversion(
            triples=triples,
            questions=tuple(AcceptedQuestion(r.number, r.source) for r in accepted),
            stubs=tuple(stubs),
            errors=tuple(self.errors),
            duplicates=tuple(self.duplicates),
            merged=tuple(self.merged),
            sources={minter.question(r.number).value: r.source for r in accepted},
        )


def _keys(record: QuestionRecord) -> Iterator[tuple[str, object, str]]:
    yield "person", record.author.name, slugify(record.author.name)
    if record.author.party is not None:
        yield "party", record.author.party, bilingual_slug(record.author.party)
    yield "ministry", record.addressee, bilingual_slug(record.addressee)
    for descriptor in record.descriptors:
        yield "descriptor", descriptor, bilingual_slug(descriptor)


def _conflict(page: QuestionRecord, other: QuestionRecord, differing: str) -> CorpusError:
    return CorpusError(
        page.source,
        f"question {page.number}: this page and {other.source} differ in their "
        f"{differing}; neither is merged into the other",
    )


def _shown(label: object) -> str:
    if isinstance(label, Bilingual):
        return f"'{shorten(label.fr)}' / '{shorten(label.nl)}'"
    return f"'{shorten(str(label))}'"
