"""Question and answer records → triples (DESIGN.md section 3, first two rows)."""

from __future__ import annotations

from collections.abc import Iterator

from pyoxigraph import Literal, NamedNode, Triple

from ..iris import Minter, senate_page
from ..records import QuestionNumber, QuestionRecord
from ..vocabulary import DCTERMS, LANGUAGE_AUTHORITY, RDF_TYPE, SQ
from .descriptor import descriptor_iri
from .literals import bilingual_literals, date_literal
from .ministry import ministry_iri
from .person import party_iri, person_iri


def question_triples(record: QuestionRecord, minter: Minter) -> Iterator[Triple]:
    """Everything one document says, as triples about its question and its answer."""
    question = minter.question(record.number)
    yield from stub_question_triples(record.number, minter)
    yield Triple(question, SQ.session, minter.session(record.session))
    yield from bilingual_literals(question, DCTERMS.title, record.title)
    yield from bilingual_literals(question, SQ.questionText, record.question_text)
    yield Triple(question, DCTERMS.creator, person_iri(record.author.name, minter))
    if record.author.party is not None:
        yield Triple(question, SQ.authorParty, party_iri(record.author.party, minter))
    yield Triple(question, SQ.addressedTo, ministry_iri(record.addressee, minter))
    yield Triple(question, DCTERMS.dateSubmitted, date_literal(record.date_sent))
    if record.original_language is not None:
        language = NamedNode(LANGUAGE_AUTHORITY + record.original_language.authority_code)
        yield Triple(question, SQ.originalLanguage, language)
    for descriptor in record.descriptors:
        yield Triple(question, DCTERMS.subject, descriptor_iri(descriptor, minter))
    yield from _status_triples(question, record)
    yield from _links(question, SQ.alsoAskedAs, SQ.alsoAskedAs, record.siblings, minter)
    links = record.links
    yield from _links(question, SQ.reintroduces, SQ.reintroducedAs, links.reintroduces, minter)
    yield from _links(question, SQ.reintroducedAs, SQ.reintroduces, links.reintroduced_as, minter)
    if record.answer is not None:
        answer = minter.answer(record.number)
        yield Triple(question, SQ.hasAnswer, answer)
        yield Triple(answer, RDF_TYPE, SQ.Answer)
        yield from bilingual_literals(answer, SQ.answerText, record.answer.text)
        yield Triple(answer, DCTERMS.date, date_literal(record.answer.received))


def _status_triples(question: NamedNode, record: QuestionRecord) -> Iterator[Triple]:
    yield Triple(question, SQ.status, getattr(SQ, record.status.value))
    if record.answer_deadline is not None:
        yield Triple(question, SQ.answerDeadline, date_literal(record.answer_deadline))
    if (closed := record.date_closed) is not None:
        yield Triple(question, SQ.dateClosed, date_literal(closed))


def _links(
    question: NamedNode,
    forward: NamedNode,
    backward: NamedNode,
    others: tuple[QuestionNumber, ...],
    minter: Minter,
) -> Iterator[Triple]:
    """Links to other questions, with their inverse, so that either side's document
    makes both (the other question may be a stub)."""
    for number in others:
        other = minter.question(number)
        yield Triple(question, forward, other)
        yield Triple(other, backward, question)


def stub_question_triples(number: QuestionNumber, minter: Minter) -> Iterator[Triple]:
    """What is known of any question from its number alone.

    A sibling ("Aussi posée à") or reintroduction named but absent from the corpus
    gets these, so that every link in the dataset resolves to a typed resource.
    """
    question = minter.question(number)
    yield Triple(question, RDF_TYPE, SQ.WrittenQuestion)
    yield Triple(question, DCTERMS.identifier, Literal(str(number)))
    yield Triple(question, SQ.legislature, minter.legislature(number.legislature))
    yield Triple(question, DCTERMS.source, senate_page(number))
