"""What the site's search finds: one document a question and a language, with the
question's texts in that language and the facets a reader narrows results by.

The documents are read from the graph (as pages are) and grouped into *shards*, one
a text language and a legislature, each indexed on its own (:mod:`.search_index`).
A legislature is the unit a reader searches: the search page loads the shard of the
latest one, or of another, or of all when the index is small (see
:func:`search_outline`), so that what a browser downloads for a query does not grow
with the years the corpus covers: Pagefind fetches a chunk of each shard's index for
each word searched, so shards as small as a session would cost a reader about three
times the bytes (bench/RESULTS.md). It is also the unit of a rebuild: an edit indexes
again the legislature of the questions it changed, not the corpus (which makes a
rebuild slower than session shards would). A shard holds one language, so that the search
page chooses the language of the texts it searches by the shards it loads (Pagefind
would choose by the page's own language).
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

FACETS = ("ministry", "party", "author", "descriptor", "session", "status", "year")
"""The filters a reader narrows a search by, in the order the search page shows them."""

OTHER = "other"
"""The shard of the questions whose legislature is unknown."""

EVERY_LEGISLATURE = "all"
"""The scope of a search in every shard of a text language."""

SMALL_INDEX = 15_000
"""The most documents a text language may have for the search page to search them all
unless told otherwise: Pagefind's list of pages costs about 7 bytes a document on a
first visit (100 KB for 15,000), and each word searched a chunk of each shard."""


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
    """The documents of every question with a document, by shard (``fr/5``: the text
    language and the legislature's folder name)."""
    shards: dict[str, list[SearchDocument]] = defaultdict(list)
    for question in view.of_type(SQ.WrittenQuestion):
        path = view.path(question)
        sent = view.value(question, DCTERMS.dateSubmitted)
        if path is None or sent is None:
            continue  # a sibling known by its number only
        legislature = _folder_name(view, next(iter(view.iris(question, SQ.legislature)), None))
        for language in TEXT_LANGUAGES:
            document = _document(view, question, path, sent, language)
            if document.title or document.texts:
                shards[f"{language}/{legislature}"].append(document)
    return dict(shards)


@dataclass(frozen=True)
class SearchOutline:
    legislatures: dict[str, tuple[str, ...]]
    """The shards of each text language, by legislature, the latest first (``other``
    last)."""
    default_scope: dict[str, str]
    """What each text language's search looks in unless the reader chooses: every
    legislature while the index is small, else the latest."""


def search_outline(shards: dict[str, list[SearchDocument]]) -> SearchOutline:
    """What the search page offers before anything is searched: for each text
    language, its legislatures, and the scope searched by default."""
    legislatures: dict[str, list[str]] = {language: [] for language in TEXT_LANGUAGES}
    documents = dict.fromkeys(TEXT_LANGUAGES, 0)
    for shard, found in shards.items():
        language, legislature = shard.split("/", 1)
        legislatures[language].append(legislature)
        documents[language] += len(found)
    ordered = {
        language: tuple(sorted(found, key=_latest_first))
        for language, found in legislatures.items()
    }
    return SearchOutline(
        ordered,
        {
            language: EVERY_LEGISLATURE if documents[language] <= SMALL_INDEX else found[0]
            for language, found in ordered.items()
        },
    )


def _latest_first(legislature: str) -> tuple[int, int]:
    return (0, -int(legislature)) if legislature.isdigit() else (1, 0)


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


def _folder_name(view: GraphView, iri: str | None) -> str:
    """The name of the folder of ``iri``'s page, a legislature's (``5``), which names
    its shard."""
    path = view.path(iri) if iri else None
    return path.rstrip("/").rsplit("/", 1)[-1] if path else OTHER


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
        "session": labels(view.iris(question, SQ.session)),
        "status": tuple(status for status in [status_of(view, question)] if status),
        "year": (sent[:4],),
    }
