"""Literal helpers shared by the converters."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from pyoxigraph import Literal, NamedNode, Triple

from ..records import Bilingual
from ..vocabulary import XSD


def bilingual_literals(
    subject: NamedNode, predicate: NamedNode, text: Bilingual
) -> Iterator[Triple]:
    """One ``@fr`` and one ``@nl`` literal, leaving out a side that is empty."""
    if text.fr:
        yield Triple(subject, predicate, Literal(text.fr, language="fr"))
    if text.nl:
        yield Triple(subject, predicate, Literal(text.nl, language="nl"))


def date_literal(day: date) -> Literal:
    return Literal(day.isoformat(), datatype=XSD.date)
