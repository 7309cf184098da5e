"""Which question a resource belongs to: validation shards and the report's sources
both go by it (an answer ``question/N-N/answer`` belongs to ``question/N-N``)."""

from __future__ import annotations

import re
from functools import lru_cache

from pyoxigraph import NamedNode

QUESTION_PATH = re.compile(r"question/[0-9]+-[0-9]+")


def unit(term: object) -> str | None:
    """The question a resource belongs to: its own IRI up to ``question/N-N``."""
    if not isinstance(term, NamedNode):
        return None
    return unit_of(term.value)


@lru_cache(maxsize=1 << 18)
def unit_of(iri: str) -> str | None:
    match = QUESTION_PATH.search(iri)
    return iri[: match.end()] if match else None
