"""What the site's search finds: one document a question and a language, with the
question's texts in that language and the facets a reader narrows results by.

The documents are read from the graph (as pages are) and grouped into *shards*, one
a text language and a parliamentary session, each indexed on its own
(:mod:`.search_index`): a rebuild after an edit indexes again the session of the
questions it changed, not the corpus. A session is the natural unit: answers,
closures and new questions arrive in the current one. A shard holds one language, so
that the search page chooses the language of the texts it searches by the shards it
loads (Pagefind would choose by the page's own language).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, replace

from ..vocabulary import DCTERMS, FOAF, SQ
from .graph_view import GraphView
from .page import status_of

TEXT_LANGUAGES = ("fr", "nl")
"""The languages of the questions' texts: each has an index of its own, with its own
stemming."""

FACETS = (
    "ministry",
    "party",
    "author",
    "descriptor",
    "legislature",
    "session",
    "status",
    "year",
)
"""The filters of a search, in the order the search page shows them."""


@dataclass(frozen=True)
class SearchDocument:
    """One question in one language, as the search index takes it."""

    path: str
    """The question page's folder (``question/5-8904/``)."""
    language: str
    identifier: str
    title: str
    texts: tuple[str, ...]
    """The question and the answer, in ``language``."""
    date: str
    filters: dict[str, tuple[str, ...]]


def search_shards(view: GraphView) -> dict[str, list[SearchDocument]]:
    """The documents of every question with a document, by shard (``fr/2012-2013``:
    the text language and the session's folder name)."""
    shards: dict[str, list[SearchDocument]] = defaultdict(list)
    for question in view.of_type(SQ.WrittenQuestion):
        path = view.path(question)
        sent = view.value(question, DCTERMS.dateSubmitted)
        if path is None or sent is None:
            continue  # a sibling known by its number only
        session = _session_of(view, question)
        for language in TEXT_LANGUAGES:
            document = _document(view, question, path, sent, language)
            if document.title or document.texts:
                shards[f"{language}/{session}"].append(document)
    return dict(shards)


@dataclass(frozen=True)
class SearchOutline:
    sessions: dict[str, list[str]]
    """The shards of each text language: their sessions."""
    facets: dict[str, dict[str, list[str]]]
    """The values of each facet, in each text language."""


def search_outline(shards: dict[str, list[SearchDocument]]) -> SearchOutline:
    """What the search page shows before anything is searched: for each text language,
    its shards (sessions) and the values of each facet. The page lists the values
    itself, so that a reader does not download every shard's filters to see them."""
    sessions: dict[str, list[str]] = {language: [] for language in TEXT_LANGUAGES}
    values: dict[str, dict[str, set[str]]] = {
        language: {facet: set() for facet in FACETS} for language in TEXT_LANGUAGES
    }
    for name, documents in sorted(shards.items()):
        language, session = name.split("/", 1)
        sessions[language].append(session)
        for document in documents:
            for facet, found in document.filters.items():
                values[language][facet].update(found)
    facets = {
        language: {facet: sorted(found) for facet, found in by_facet.items()}
        for language, by_facet in values.items()
    }
    return SearchOutline(sessions, facets)


def shard_digest(documents: list[SearchDocument]) -> str:
    """What a shard's index is made from: the same documents give the same index."""
    digest = hashlib.blake2b(digest_size=16)
    for document in documents:
        # the long texts are hashed as bytes: their repr, escaped, costs twice as much
        digest.update(repr(replace(document, title="", texts=())).encode())
        digest.update(b"%d texts" % len(document.texts))
        for text in (document.title, *document.texts):
            digest.update(b"%d:" % len(text))  # lengths keep the texts apart
            digest.update(text.encode())
    return digest.hexdigest()


def _session_of(view: GraphView, question: str) -> str:
    """The folder name of the question's session (``2012-2013``), which names its shard."""
    session = next(iter(view.iris(question, SQ.session)), None)
    path = view.path(session) if session else None
    return path.rstrip("/").rsplit("/", 1)[-1] if path else "other"


def _document(
    view: GraphView, question: str, path: str, sent: str, language: str
) -> SearchDocument:
    answer = next(iter(view.iris(question, SQ.hasAnswer)), None)
    texts = (
        view.text(question, SQ.questionText, language),
        view.text(answer, SQ.answerText, language) if answer else None,
    )
    return SearchDocument(
        path=path + "/",
        language=language,
        identifier=view.value(question, DCTERMS.identifier) or path,
        title=view.text(question, DCTERMS.title, language) or "",
        texts=tuple(text for text in texts if text),
        date=sent,
        filters=_filters(view, question, sent, language),
    )


def _filters(
    view: GraphView, question: str, sent: str, language: str
) -> dict[str, tuple[str, ...]]:
    def labels(predicate_values: list[str]) -> tuple[str, ...]:
        return tuple(sorted({view.label(iri, language) for iri in predicate_values}))

    authors = view.iris(question, DCTERMS.creator)
    return {
        "ministry": labels(view.iris(question, SQ.addressedTo)),
        "party": labels(view.iris(question, SQ.authorParty)),
        "author": tuple(sorted({view.value(a, FOAF.name) or view.label(a) for a in authors})),
        "descriptor": labels(view.iris(question, DCTERMS.subject)),
        "legislature": labels(view.iris(question, SQ.legislature)),
        "session": labels(view.iris(question, SQ.session)),
        "status": tuple(status for status in [status_of(view, question)] if status),
        "year": (sent[:4],),
    }
