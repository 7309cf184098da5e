"""Linking descriptors to EuroVoc concepts by their French or Dutch label.

The index is built from any SKOS triples (the official EuroVoc dump, or an excerpt);
reading the file is the caller's job. A descriptor links to a concept when its
normalised French or Dutch label equals one of the concept's ``skos:prefLabel`` or
``skos:altLabel`` in that language.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, Triple

from ..records import Bilingual
from ..vocabulary import SKOS

_LABEL_PREDICATES = frozenset({SKOS.prefLabel, SKOS.altLabel})
_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


def normalise_label(label: str) -> str:
    """Case, Unicode composition, apostrophes and runs of spaces folded."""
    text = unicodedata.normalize("NFC", label).translate(_APOSTROPHES)
    return _SPACES.sub(" ", text).strip().casefold()


@dataclass(frozen=True)
class EurovocIndex:
    """Concepts by ``(language, normalised label)``."""

    concepts: dict[tuple[str, str], frozenset[str]]

    @classmethod
    def from_triples(cls, triples: Iterable[Triple]) -> EurovocIndex:
        found: dict[tuple[str, str], set[str]] = defaultdict(set)
        for triple in triples:
            label = triple.object
            if (
                triple.predicate in _LABEL_PREDICATES
                and isinstance(label, Literal)
                and isinstance(triple.subject, NamedNode)
                and label.language in ("fr", "nl")
            ):
                found[(label.language, normalise_label(label.value))].add(triple.subject.value)
        return cls({key: frozenset(value) for key, value in found.items()})

    def __len__(self) -> int:
        return len({iri for iris in self.concepts.values() for iri in iris})

    def match(self, descriptor: Bilingual) -> NamedNode | None:
        """The one concept both labels agree on, or the only one either names.

        Two different concepts and no agreement means the labels are ambiguous:
        no link is better than a wrong ``skos:exactMatch``.
        """
        by_french = self.concepts.get(("fr", normalise_label(descriptor.fr)), frozenset())
        by_dutch = self.concepts.get(("nl", normalise_label(descriptor.nl)), frozenset())
        agreed = by_french & by_dutch
        candidates = agreed or (by_french | by_dutch)
        if len(candidates) == 1:
            return NamedNode(next(iter(candidates)))
        return None
