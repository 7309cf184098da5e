"""The dataset's own description: VoID and DCAT, with its size and its dumps."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, Triple

from .iris import Minter
from .vocabulary import DCAT, DCTERMS, FOAF, PREFIXES, RDF_TYPE, SQ_NAMESPACE, VOID, XSD

PUBLIC_DOMAIN_MARK = "https://creativecommons.org/publicdomain/mark/1.0/"
"""Belgian law (Code of Economic Law, art. XI.172 §2) leaves official acts of the
authorities, parliamentary documents among them, outside copyright."""

DUMP_FORMATS: tuple[tuple[str, str], ...] = (
    ("ttl", "text/turtle"),
    ("nt", "application/n-triples"),
    ("jsonld", "application/ld+json"),
)

_IANA_MEDIA_TYPE = "https://www.iana.org/assignments/media-types/"
_VOCABULARIES = ("dcterms", "foaf", "org", "skos")


@dataclass(frozen=True)
class DatasetFacts:
    """What the description states that only the whole conversion knows."""

    triples_without_description: int
    example_resources: Sequence[NamedNode]
    license: str = PUBLIC_DOMAIN_MARK


def described_bases(triples: Iterable[Triple]) -> set[str]:
    """The bases a graph says its resources are minted under: the ``void:uriSpace`` of
    its dataset description(s), which :func:`dataset_triples` writes."""
    return {
        t.object.value
        for t in triples
        if t.predicate == VOID.uriSpace and isinstance(t.object, Literal)
    }


def dataset_triples(facts: DatasetFacts, minter: Minter) -> list[Triple]:
    """The description, whose ``void:triples`` counts the whole graph, itself included."""
    described = list(_description(facts, minter))
    total = facts.triples_without_description + len(described) + 1
    count = Literal(str(total), datatype=XSD.integer)
    return [*described, Triple(minter.dataset(), VOID.triples, count)]


def _description(facts: DatasetFacts, minter: Minter) -> Iterator[Triple]:
    dataset = minter.dataset()
    yield Triple(dataset, RDF_TYPE, VOID.Dataset)
    yield Triple(dataset, RDF_TYPE, DCAT.Dataset)
    for text, language in (
        ("Written questions of the Belgian Senate", "en"),
        ("Questions écrites du Sénat de Belgique", "fr"),
        ("Schriftelijke vragen van de Belgische Senaat", "nl"),
    ):
        yield Triple(dataset, DCTERMS.title, Literal(text, language=language))
    yield Triple(
        dataset,
        DCTERMS.description,
        Literal(
            "Written parliamentary questions put to ministers by Belgian senators, with "
            "their answers, authors, parties, addressed ministries and EuroVoc descriptors.",
            language="en",
        ),
    )
    yield Triple(dataset, DCTERMS.license, NamedNode(facts.license))
    yield Triple(dataset, DCTERMS.source, NamedNode("https://www.senate.be/"))
    yield Triple(dataset, FOAF.homepage, NamedNode(minter.base))
    yield Triple(dataset, VOID.uriSpace, Literal(minter.base))
    yield Triple(dataset, VOID.vocabulary, NamedNode(SQ_NAMESPACE))
    for prefix in _VOCABULARIES:
        yield Triple(dataset, VOID.vocabulary, NamedNode(PREFIXES[prefix]))
    for example in facts.example_resources:
        yield Triple(dataset, VOID.exampleResource, example)
    for extension, media_type in DUMP_FORMATS:
        dump = minter.dump(extension)
        distribution = NamedNode(f"{minter.dataset().value}/distribution/{extension}")
        yield Triple(dataset, VOID.dataDump, dump)
        yield Triple(dataset, DCAT.distribution, distribution)
        yield Triple(distribution, RDF_TYPE, DCAT.Distribution)
        yield Triple(distribution, DCAT.downloadURL, dump)
        yield Triple(distribution, DCAT.mediaType, NamedNode(_IANA_MEDIA_TYPE + media_type))
        yield Triple(distribution, DCTERMS.license, NamedNode(facts.license))
