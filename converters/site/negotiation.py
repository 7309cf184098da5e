"""Content negotiation for a resource's folder: which of its files answers a request.

A resource's IRI is a folder holding its page in English, French and Dutch
(``index.html``, ``index.fr.html``, ``index.nl.html``) and its description as Turtle,
JSON-LD and N-Triples (``index.ttl``, ``index.jsonld``, ``index.nt``). The media type
is the one ``Accept`` gives the highest quality (RFC 9110 §12.5.1: the quality of the
most specific range that matches it; a missing header accepts anything), the server's
order breaking ties; the page's language is the best match of ``Accept-Language``
(§12.5.4), a language listed before its primary subtag (``fr-BE`` matches ``fr`` when
no listed language matches), English when none does. When the client accepts none of
the types there is nothing to send: 406 Not Acceptable. Headers are parsed by werkzeug.

``senate-ld serve`` uses this module; the nginx rules do the same in JavaScript
(``rules/negotiation.js``), and the Apache rules leave it to mod_negotiation. The
tests send the same requests to all three.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import NamedTuple

from werkzeug.datastructures import LanguageAccept, MIMEAccept
from werkzeug.http import parse_accept_header

PAGE_TYPE = "text/html"
LANGUAGES = ("en", "fr", "nl")
"""The page's languages, the default first."""


class Variant(NamedTuple):
    file: str
    media_type: str
    language: str | None = None


VARIANTS = (
    Variant("index.html", PAGE_TYPE, "en"),
    Variant("index.fr.html", PAGE_TYPE, "fr"),
    Variant("index.nl.html", PAGE_TYPE, "nl"),
    Variant("index.ttl", "text/turtle"),
    Variant("index.jsonld", "application/ld+json"),
    Variant("index.nt", "application/n-triples"),
)
"""In the server's order of preference: on equal quality, a page before data, and
Turtle before the other RDF formats."""


def negotiate(
    accept: str | None, accept_language: str | None, files: Collection[str]
) -> str | None:
    """The file among ``files`` (names in a resource folder) that answers a request
    with these headers; None if the client accepts none of them (406)."""
    offered = [v for v in VARIANTS if v.file in files]
    types = list(dict.fromkeys(v.media_type for v in offered))
    if not types:
        return None
    acceptable = parse_accept_header(accept or "*/*", MIMEAccept)
    wanted = max(types, key=acceptable.quality)  # the first of the best: the server's order
    if acceptable.quality(wanted) <= 0:
        return None
    if wanted != PAGE_TYPE:
        return next(v.file for v in offered if v.media_type == wanted)
    pages = {v.language: v.file for v in offered if v.media_type == PAGE_TYPE}
    languages = [language for language in LANGUAGES if language in pages]
    chosen = parse_accept_header(accept_language or "", LanguageAccept).best_match(
        languages, default=languages[0]
    )
    return pages[chosen or languages[0]]


def offered_types(files: Collection[str]) -> list[str]:
    """What a 406 response lists: the media types a folder offers."""
    return list(dict.fromkeys(v.media_type for v in VARIANTS if v.file in files))
