"""The pages of a question and of its answer."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..vocabulary import DCTERMS, SKOS, SQ
from .interface import translate
from .page import (
    LANGUAGE_AUTHORITY,
    Page,
    days_between,
    external_link,
    paragraphs,
    status_of,
)

if TYPE_CHECKING:
    from .generator import SiteGenerator


def question_page(site: SiteGenerator, iri: str, path: str) -> Page:
    view = site.view
    title_fr = view.text(iri, DCTERMS.title, "fr") or ""
    title_nl = view.text(iri, DCTERMS.title, "nl") or ""
    identifier = view.value(iri, DCTERMS.identifier) or iri
    answer = next(iter(view.iris(iri, SQ.hasAnswer)), None)
    sent = view.value(iri, DCTERMS.dateSubmitted)
    answered = view.value(answer, DCTERMS.date) if answer else None
    original = view.value(iri, SQ.originalLanguage) or ""
    party = next(iter(view.iris(iri, SQ.authorParty)), None)
    author = next(iter(view.iris(iri, DCTERMS.creator)), None)
    ministry = next(iter(view.iris(iri, SQ.addressedTo)), None)
    legislature = next(iter(view.iris(iri, SQ.legislature)), None)
    session = next(iter(view.iris(iri, SQ.session)), None)
    source = view.value(iri, DCTERMS.source)
    status = status_of(view, iri)
    deadline = view.value(iri, SQ.answerDeadline)
    closed = view.value(iri, SQ.dateClosed)
    reintroductions = [
        (key, view.iris(iri, predicate))
        for key, predicate in (
            ("reintroduces", SQ.reintroduces),
            ("reintroduced_as", SQ.reintroducedAs),
        )
    ]

    def context(language: str) -> dict[str, Any]:
        return {
            "q": {
                "status": status,
                "answer_deadline": deadline,
                "date_closed": closed,
                "reintroductions": [
                    (key, [_sibling(site, other, language) for other in others])
                    for key, others in reintroductions
                    if others
                ],
                "identifier": identifier,
                "stub": not sent,
                "title_fr": title_fr,
                "title_nl": title_nl,
                "author": site.ref(author, language),
                "party": site.ref(party, language),
                "ministry": site.ref(ministry, language),
                "legislature": site.ref(legislature, language),
                "session": site.ref(session, language),
                "date_sent": sent,
                "date_answered": answered,
                "delay": days_between(sent, answered),
                "answer": answer,
                "original_language": original.removeprefix(LANGUAGE_AUTHORITY)[:2].lower()
                if original
                else "",
                "source": external_link(source or ""),
                "descriptors": [
                    {
                        **(site.ref(d, language) or {}),
                        "eurovoc": view.value(d, SKOS.exactMatch),
                    }
                    for d in view.iris(iri, DCTERMS.subject)
                ],
                "siblings": [_sibling(site, s, language) for s in view.iris(iri, SQ.alsoAskedAs)],
                "text_fr": paragraphs(view.text(iri, SQ.questionText, "fr")),
                "text_nl": paragraphs(view.text(iri, SQ.questionText, "nl")),
                "answer_fr": paragraphs(view.text(answer, SQ.answerText, "fr") if answer else None),
                "answer_nl": paragraphs(view.text(answer, SQ.answerText, "nl") if answer else None),
            },
            "rows": site.rows(iri, language, {SQ.questionText.value: "text"}),
        }

    def title(language: str) -> str:
        chosen = title_nl if language == "nl" and title_nl else title_fr or title_nl
        return f"{identifier} {chosen}".strip()

    return Page(path, "question.html", title, context, iri)


def answer_page(site: SiteGenerator, iri: str, path: str) -> Page:
    view = site.view
    question = next(iter(view.pointing(iri, SQ.hasAnswer)), "")
    identifier = view.value(question, DCTERMS.identifier) or ""

    def context(language: str) -> dict[str, Any]:
        return {
            "a": {
                "question": question,
                "identifier": identifier,
                "date": view.value(iri, DCTERMS.date),
                "text_fr": paragraphs(view.text(iri, SQ.answerText, "fr")),
                "text_nl": paragraphs(view.text(iri, SQ.answerText, "nl")),
            },
            "rows": site.rows(iri, language, {SQ.answerText.value: "text"}),
        }

    return Page(
        path,
        "answer.html",
        lambda lang: f"{translate('answer', lang)} {identifier}",
        context,
        iri,
    )


def _sibling(site: SiteGenerator, iri: str, language: str) -> dict[str, Any]:
    ministry = next(iter(site.view.iris(iri, SQ.addressedTo)), None)
    label, label_language = site.label(ministry, language) if ministry else ("", "")
    return {
        "iri": iri,
        "identifier": site.view.value(iri, DCTERMS.identifier) or iri,
        "ministry": label,
        "ministry_language": label_language,
    }
