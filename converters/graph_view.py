"""A read-only view of the dataset graph, indexed for the pages that show it.

Pages are rendered from the RDF graph, not from the parser's records, so that a page
shows exactly what the data says. This view answers the questions templates ask:
what a resource says (outgoing), what points at it (incoming), its label in a language.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, Triple

from .vocabulary import DCTERMS, FOAF, RDF_TYPE, RDFS, SKOS

Term = NamedNode | Literal
_LABELS = (SKOS.prefLabel.value, FOAF.name.value, DCTERMS.title.value, RDFS.label.value)


@dataclass(frozen=True)
class Statement:
    predicate: str
    value: Term


class GraphView:
    def __init__(self, triples: Iterable[Triple], base: str) -> None:
        self.base = base
        self.outgoing: dict[str, dict[str, list[Term]]] = defaultdict(lambda: defaultdict(list))
        self.incoming: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        self.triples: dict[str, list[Triple]] = defaultdict(list)
        for triple in triples:
            subject, value = triple.subject, triple.object
            if not isinstance(subject, NamedNode) or not isinstance(value, NamedNode | Literal):
                continue
            self.outgoing[subject.value][triple.predicate.value].append(value)
            self.triples[subject.value].append(triple)
            if isinstance(value, NamedNode):
                self.incoming[value.value][triple.predicate.value].append(subject.value)

    # -- reading ---------------------------------------------------------------------

    def subjects(self) -> list[str]:
        return sorted(self.outgoing)

    def types(self, iri: str) -> set[str]:
        return {t.value for t in self.outgoing.get(iri, {}).get(RDF_TYPE.value, [])}

    def of_type(self, rdf_class: NamedNode) -> list[str]:
        return sorted(iri for iri in self.outgoing if rdf_class.value in self.types(iri))

    def values(self, iri: str, predicate: NamedNode) -> list[Term]:
        return list(self.outgoing.get(iri, {}).get(predicate.value, []))

    def iris(self, iri: str, predicate: NamedNode) -> list[str]:
        return sorted(v.value for v in self.values(iri, predicate) if isinstance(v, NamedNode))

    def value(self, iri: str, predicate: NamedNode) -> str | None:
        found = self.values(iri, predicate)
        return found[0].value if found else None

    def text(self, iri: str, predicate: NamedNode, language: str) -> str | None:
        """The literal of ``predicate`` in ``language``, if there is one."""
        for value in self.values(iri, predicate):
            if isinstance(value, Literal) and value.language == language:
                return value.value
        return None

    def pointing(self, iri: str, predicate: NamedNode) -> list[str]:
        """Subjects that link to ``iri`` with ``predicate``."""
        return sorted(set(self.incoming.get(iri, {}).get(predicate.value, [])))

    def statements(self, iri: str) -> list[Statement]:
        return [
            Statement(predicate, value)
            for predicate, values in sorted(self.outgoing.get(iri, {}).items())
            for value in values
        ]

    def label(self, iri: str, language: str = "en") -> str:
        """A human label: in ``language``, else French, else Dutch, else any, else the IRI."""
        properties = self.outgoing.get(iri, {})
        for predicate in _LABELS:
            literals = [v for v in properties.get(predicate, []) if isinstance(v, Literal)]
            if not literals:
                continue
            for wanted in (language, "fr", "nl", "en", ""):
                for literal in literals:
                    if (literal.language or "") == wanted:
                        return literal.value
            return literals[0].value
        identifier = self.value(iri, DCTERMS.identifier)
        return identifier or iri

    def path(self, iri: str) -> str | None:
        """The path of a resource minted under the base ("" for the base itself)."""
        return iri[len(self.base) :] if iri.startswith(self.base) else None

    def description(self, iri: str) -> Sequence[Triple]:
        return self.triples.get(iri, [])
