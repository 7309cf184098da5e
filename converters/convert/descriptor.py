"""EuroVoc descriptors printed on questions → ``skos:Concept`` triples."""

from __future__ import annotations

from collections.abc import Iterator

from pyoxigraph import Literal, NamedNode, Triple

from ..iris import Minter, bilingual_slug
from ..records import Bilingual
from ..vocabulary import DCTERMS, RDF_TYPE, SKOS
from .literals import bilingual_literals


def descriptor_iri(descriptor: Bilingual, minter: Minter) -> NamedNode:
    return minter.descriptor(bilingual_slug(descriptor))


def descriptor_triples(
    descriptor: Bilingual, minter: Minter, eurovoc_concept: NamedNode | None = None
) -> Iterator[Triple]:
    concept = descriptor_iri(descriptor, minter)
    yield Triple(concept, RDF_TYPE, SKOS.Concept)
    yield Triple(concept, SKOS.inScheme, minter.descriptor_scheme())
    yield from bilingual_literals(concept, SKOS.prefLabel, descriptor)
    if eurovoc_concept is not None:
        yield Triple(concept, SKOS.exactMatch, eurovoc_concept)


def scheme_triples(minter: Minter) -> Iterator[Triple]:
    """The scheme, named as SKOS and as DCAT-AP (``dct:title``) want a scheme named."""
    scheme = minter.descriptor_scheme()
    yield Triple(scheme, RDF_TYPE, SKOS.ConceptScheme)
    for predicate in (SKOS.prefLabel, DCTERMS.title):
        yield Triple(
            scheme, predicate, Literal("Descripteurs des questions écrites du Sénat", language="fr")
        )
        yield Triple(
            scheme,
            predicate,
            Literal("Descriptoren van de schriftelijke vragen van de Senaat", language="nl"),
        )
    yield Triple(
        scheme,
        SKOS.prefLabel,
        Literal("Descriptors of the Senate's written questions", language="en"),
    )
