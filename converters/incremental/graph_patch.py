"""A conversion patched rather than made again, when a few documents changed.

:func:`patch_conversion` gives what :func:`~converters.convert.corpus.convert_corpus`
would give for the new records, from the previous conversion, redoing only what the
records that differ contribute (property-tested against converting from scratch).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from pyoxigraph import NamedNode, Triple

from ..convert.corpus import (
    PUBLICATION,
    Admission,
    Conversion,
    GraphPatch,
    description_triples,
    shared_entries,
    shared_triples,
    sort_triples,
    stubs_of,
)
from ..convert.dataset import Publication
from ..convert.eurovoc import EurovocIndex
from ..convert.question import question_triples
from ..iris import Minter
from ..records import QuestionNumber, QuestionRecord


def patch_conversion(
    previous: Conversion,
    before: Sequence[QuestionRecord],
    after: Sequence[QuestionRecord],
    minter: Minter,
    eurovoc: EurovocIndex | None = None,
    publication: Publication = PUBLICATION,
) -> Conversion:
    """``convert_corpus(after)``, made from ``previous``, which is
    ``convert_corpus(before)`` (same minter, EuroVoc index and publication), by redoing
    only what the records that differ contribute.

    A rebuild after a few documents changed converts them alone instead of the whole
    corpus and its sort. The records that joined or left the
    graph have their triples added or removed; what the corpus shares (persons,
    ministries, descriptors, stubs…) is compared as the arguments its triples are made
    from (:func:`_shared_entries`), and the triples of the entries that differ are
    removed or added, as are those of the dataset's description. A removed question's
    triple stays when another record still makes it: only records that name one of the
    same questions can (a triple of :func:`question_triples` is about the record's
    question, its answer or a sibling), so theirs are made again to tell. Triples are
    found and placed in ``previous.triples`` by bisection on its N-Triples order. Tests
    check the result against a conversion from scratch over edited corpora.
    :class:`StaleGraphError` if ``previous`` lacks a triple it must hold (it is not
    the conversion of ``before``).
    """
    triples = previous.triples
    old_accepted = _accepted_before(previous, before)
    new = Admission.of(after)
    left = _without(old_accepted, new.accepted)
    joined = _without(new.accepted, old_accepted)
    named = {number for record in left for number in _named_questions(record)}
    joined_ids = {id(record) for record in joined}
    named_again = [
        record
        for record in new.accepted
        if id(record) not in joined_ids and not named.isdisjoint(_named_questions(record))
    ]
    new_questions = {t for record in joined for t in question_triples(record, minter)}
    kept = {t for record in named_again for t in question_triples(record, minter)}
    new_stubs = stubs_of(new.accepted)
    old_shared = shared_entries(old_accepted, previous.stubs)
    new_shared = shared_entries(new.accepted, new_stubs)
    shared_gone = set(shared_triples(old_shared - new_shared, minter, eurovoc))
    shared_come = set(shared_triples(new_shared - old_shared, minter, eurovoc))
    removing = {t for record in left for t in question_triples(record, minter)}
    removing.update(shared_gone)
    removing -= kept | new_questions | shared_come
    adding = {t for t in new_questions | shared_come - shared_gone if not _holds(triples, t)}

    # the description counts the triples besides it, but its own size is fixed
    old_count = len(triples) - len(description_triples(0, old_accepted, minter, publication))
    old_description = set(description_triples(old_count, old_accepted, minter, publication))
    new_count = old_count - len(removing) + len(adding)
    new_description = set(description_triples(new_count, new.accepted, minter, publication))
    removing.update(old_description - new_description)
    adding.update(new_description - old_description)
    conversion = new.conversion(_patched(triples, removing, adding), new_stubs, minter)
    changed = frozenset(removing | adding)
    subjects = frozenset(str(t.subject) for t in changed)
    linked = frozenset(o.value for t in changed if isinstance(o := t.object, NamedNode))
    return replace(conversion, patch=GraphPatch(triples, changed, subjects, linked))


def _accepted_before(
    previous: Conversion, before: Sequence[QuestionRecord]
) -> Sequence[QuestionRecord]:
    """The records of ``before`` that ``previous`` accepted, in their order: told by
    their sources when each record has its own (as files do) and is a whole question
    (not a unilingual page, which may have joined another), else admitted again."""
    sources = {record.source for record in before}
    if len(sources) != len(before) or any(r.awaits_corpus for r in before):
        return Admission.of(before).accepted
    accepted = {question.source for question in previous.questions}
    return [record for record in before if record.source in accepted]


def _without(
    records: Sequence[QuestionRecord], others: Sequence[QuestionRecord]
) -> list[QuestionRecord]:
    """``records`` that are not in ``others``. A record is looked for among those read
    from the same source (comparing whole records is slow, and most are the very same
    objects, from the parse cache)."""
    by_source: dict[str, list[QuestionRecord]] = {}
    for other in others:
        by_source.setdefault(other.source, []).append(other)
    return [
        record
        for record in records
        if not any(other is record or other == record for other in by_source.get(record.source, ()))
    ]


def _named_questions(record: QuestionRecord) -> tuple[QuestionNumber, ...]:
    return (record.number, *record.named_questions)


class StaleGraphError(ValueError):
    """The triples given as the previous conversion's lack one it made."""


def _index_of(triples: Sequence[Triple], triple: Triple) -> int | None:
    """Where ``triple`` is in ``triples``, sorted by :func:`sort_triples`; None if absent."""
    index = bisect_left(triples, str(triple), key=str)
    return index if index < len(triples) and triples[index] == triple else None


def _holds(triples: Sequence[Triple], triple: Triple) -> bool:
    return _index_of(triples, triple) is not None


def _place(triples: Sequence[Triple], triple: Triple) -> int:
    """Where ``triple``, which must be there, is in ``triples``."""
    index = _index_of(triples, triple)
    if index is None:
        raise StaleGraphError(f"the previous graph lacks {triple}")
    return index


def _patched(triples: Sequence[Triple], removing: set[Triple], adding: set[Triple]) -> list[Triple]:
    """``triples`` (sorted, holding every one of ``removing`` and none of ``adding``)
    without ``removing`` and with ``adding``, sorted."""
    cuts = sorted(_place(triples, t) for t in removing)
    remaining: list[Triple] = []
    start = 0
    for cut in cuts:
        remaining.extend(triples[start:cut])
        start = cut + 1
    remaining.extend(triples[start:])
    patched: list[Triple] = []
    start = 0
    for triple in sort_triples(adding):
        place = bisect_left(remaining, str(triple), lo=start, key=str)
        patched.extend(remaining[start:place])
        patched.append(triple)
        start = place
    patched.extend(remaining[start:])
    return patched
