"""Minting resource IRIs under the user's base IRI, from validated parts only.

Every IRI senate-ld mints is ``{base}{kind}/{key}`` where ``key`` is a question number
(digits and one dash) or a slug (``[a-z0-9-]``), so no text from a source document can
reach an IRI, a file path or a page URL unescaped.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import urlsplit

from pyoxigraph import NamedNode

from .records import Bilingual, QuestionNumber, Session
from .vocabulary import SENATE_QUESTION_PAGE

DEFAULT_BASE_URI = "http://localhost:8000/"

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_LIGATURES = str.maketrans(
    {"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "ø": "o", "Ø": "O"}
)
_IRI_FORBIDDEN = re.compile(r"[\x00-\x20<>\"{}|^`\\]")


class InvalidBaseURIError(ValueError):
    """A ``--base-uri`` that cannot be the root of the dataset's IRIs."""


@lru_cache(maxsize=1 << 16)  # a corpus names the same few thousand persons, ministries…
def slugify(label: str) -> str:
    """ASCII, lower case, diacritics folded, runs of other characters as one ``-``.

    ``"Médias sociaux"`` → ``"medias-sociaux"``. Returns ``""`` when nothing is left
    (a label of punctuation or of a non-Latin script): callers must treat that as an
    error rather than mint an empty key.
    """
    folded = (
        unicodedata.normalize("NFKD", label.translate(_LIGATURES))
        .encode("ascii", "ignore")
        .decode("ascii")
    )
    return _NOT_SLUG.sub("-", folded.lower()).strip("-")


def bilingual_slug(label: Bilingual) -> str:
    """The slug of a label printed in two languages: its French side's, or its Dutch
    side's when a unilingual Dutch page gave no French one."""
    return slugify(label.fr or label.nl)


def check_http_iri(iri: str, what: str = "IRI") -> str:
    """``iri`` if it is an absolute http(s) IRI; :class:`InvalidBaseURIError` if not."""
    if _IRI_FORBIDDEN.search(iri):
        raise InvalidBaseURIError(f"{what} {iri!r} holds a character not allowed in an IRI")
    parts = urlsplit(iri)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InvalidBaseURIError(f"{what} {iri!r} is not an absolute http(s) IRI")
    return iri


def normalise_base_uri(base: str) -> str:
    """Check that ``base`` is an absolute http(s) IRI usable as a prefix; end it with ``/``."""
    parts = urlsplit(check_http_iri(base, "base IRI"))
    if parts.query or parts.fragment:
        raise InvalidBaseURIError(f"base IRI {base!r} must not have a query or a fragment")
    return base if base.endswith("/") else base + "/"


class Minter:
    """The IRIs of one dataset, all under one base IRI."""

    def __init__(self, base: str = DEFAULT_BASE_URI) -> None:
        self.base = normalise_base_uri(base)

    def _iri(self, path: str) -> NamedNode:
        return NamedNode(self.base + path)

    def question(self, number: QuestionNumber) -> NamedNode:
        return self._iri(f"question/{number}")

    def answer(self, number: QuestionNumber) -> NamedNode:
        return self._iri(f"question/{number}/answer")

    def legislature(self, legislature: int) -> NamedNode:
        return self._iri(f"legislature/{legislature}")

    def session(self, session: Session) -> NamedNode:
        return self._iri(f"session/{session.label}")

    def person(self, slug: str) -> NamedNode:
        return self._iri(f"person/{_checked(slug)}")

    def party(self, slug: str) -> NamedNode:
        return self._iri(f"party/{_checked(slug)}")

    def ministry(self, slug: str) -> NamedNode:
        return self._iri(f"ministry/{_checked(slug)}")

    def descriptor(self, slug: str) -> NamedNode:
        return self._iri(f"descriptor/{_checked(slug)}")

    def descriptor_scheme(self) -> NamedNode:
        return self._iri("descriptors")

    def dataset(self) -> NamedNode:
        return self._iri("dataset")

    def dump(self, extension: str) -> NamedNode:
        return self._iri(f"dataset.{extension}")

    def relative_path(self, iri: str) -> str | None:
        """The path of ``iri`` below the base, or None if it is not minted here."""
        return iri[len(self.base) :] if iri.startswith(self.base) else None


def senate_page(number: QuestionNumber) -> NamedNode:
    """The question's official page on senate.be (French interface)."""
    return NamedNode(
        SENATE_QUESTION_PAGE.format(legislature=number.legislature, sequence=number.sequence)
    )


def _checked(slug: str) -> str:
    if not slug or _NOT_SLUG.search(slug.replace("-", "")):
        raise ValueError(f"not a slug: {slug!r}")
    return slug
