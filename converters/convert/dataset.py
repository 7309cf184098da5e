"""The dataset's own description: VoID, and a DCAT-AP 3.0 catalogue with its dataset.

Portals such as data.europa.eu and data.gov.be harvest DCAT-AP. The description meets
the profile's mandatory properties and the classes it expects of their values
(``../shared/dcat-ap-3.0/shapes.ttl`` and ``range.ttl``, tested), so each value that
the profile wants typed (the licence, media types, languages, Belgium) is typed here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

from pyoxigraph import Literal, NamedNode, Triple

from ..iris import Minter
from ..vocabulary import (
    DCAT,
    DCTERMS,
    FOAF,
    LANGUAGE_AUTHORITY,
    PREFIXES,
    PROV,
    RDF_TYPE,
    RDFS,
    SQ_NAMESPACE,
    VCARD,
    VOID,
    XSD,
)

PUBLIC_DOMAIN_MARK = "https://creativecommons.org/publicdomain/mark/1.0/"
"""Belgian law (Code of Economic Law, art. XI.172 §2) leaves official acts of the
authorities, parliamentary documents among them, outside copyright."""

DEFAULT_PUBLISHER = "senate-ld"
"""Who publishes the dataset when the publisher does not say (``--publisher``)."""

BELGIUM = NamedNode("http://publications.europa.eu/resource/authority/country/BEL")
LANGUAGES = tuple(NamedNode(LANGUAGE_AUTHORITY + code) for code in ("FRA", "NLD"))
SENATE = NamedNode("https://www.senate.be/")

DUMP_FORMATS: tuple[tuple[str, str], ...] = (
    ("ttl", "text/turtle"),
    ("nt", "application/n-triples"),
    ("jsonld", "application/ld+json"),
)

CSV_TABLES = (
    "questions",
    "answers",
    "persons",
    "parties",
    "ministries",
    "descriptors",
    "question_descriptors",
    "question_siblings",
)
"""The CSV tables under ``tables/`` (:mod:`converters.publish.tables`), with their
CSVW metadata ``tables/csv-metadata.json``."""
CSVW = NamedNode("http://www.w3.org/TR/tabular-metadata/")

_IANA_MEDIA_TYPE = "https://www.iana.org/assignments/media-types/"
_VOCABULARIES = ("dcterms", "foaf", "org", "skos")
_TABLES_TITLES = (
    ("CSV tables, with W3C CSVW metadata", "en"),
    ("Tableaux CSV, avec leurs métadonnées CSVW du W3C", "fr"),
    ("CSV-tabellen, met W3C CSVW-metadata", "nl"),
)
_TITLES = (
    ("Written questions of the Belgian Senate", "en"),
    ("Questions écrites du Sénat de Belgique", "fr"),
    ("Schriftelijke vragen van de Belgische Senaat", "nl"),
)
_DESCRIPTIONS = (
    (
        "Written parliamentary questions put to ministers by Belgian senators, with their "
        "answers, authors, parties, addressed ministries and EuroVoc descriptors.",
        "en",
    ),
    (
        "Les questions parlementaires écrites posées aux ministres par les sénateurs belges, "
        "avec leurs réponses, auteurs, partis, ministères destinataires et descripteurs "
        "EuroVoc.",
        "fr",
    ),
    (
        "De schriftelijke parlementaire vragen van Belgische senatoren aan ministers, met "
        "hun antwoorden, auteurs, partijen, bevoegde ministeries en EuroVoc-descriptoren.",
        "nl",
    ),
)
_CATALOG_TITLES = (
    ("senate-ld catalogue", "en"),
    ("Catalogue senate-ld", "fr"),
    ("senate-ld-catalogus", "nl"),
)
_CATALOG_DESCRIPTIONS = (
    ("The datasets of this senate-ld site.", "en"),
    ("Les jeux de données de ce site senate-ld.", "fr"),
    ("De datasets van deze senate-ld-site.", "nl"),
)
_KEYWORDS = (
    ("parliament", "en"),
    ("written questions", "en"),
    ("parlement", "fr"),
    ("questions écrites", "fr"),
    ("parlement", "nl"),
    ("schriftelijke vragen", "nl"),
    ("Senate", "en"),
    ("Sénat", "fr"),
    ("Senaat", "nl"),
)
_PROVENANCE = (
    ("Converted by senate-ld from the written questions published on www.senate.be.", "en"),
    ("Converti par senate-ld à partir des questions écrites publiées sur www.senate.be.", "fr"),
    ("Door senate-ld omgezet uit de schriftelijke vragen gepubliceerd op www.senate.be.", "nl"),
)


@dataclass(frozen=True)
class Publication:
    """What the publisher says of the dataset: its licence, who publishes it, whom to
    contact (``build --license --publisher --publisher-iri --contact-email``)."""

    license: str = PUBLIC_DOMAIN_MARK
    publisher: str = DEFAULT_PUBLISHER
    publisher_iri: str | None = None
    """Default: ``{base}publisher``."""
    contact_email: str | None = None

    def settings(self) -> tuple[str, ...]:
        """The settings as text, for the build's code fingerprint."""
        return tuple(f"{k}={v}" for k, v in vars(self).items())


@dataclass(frozen=True)
class DatasetFacts:
    """What the description states that only the whole conversion knows."""

    triples_without_description: int
    example_resources: Sequence[NamedNode]
    publication: Publication = field(default_factory=Publication)
    period: tuple[date, date] | None = None
    """The first and last day a question of the dataset was sent."""


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
    described = [*_dataset(facts, minter), *_catalog(facts, minter), *_typed_values(facts)]
    total = facts.triples_without_description + len(described) + 1
    count = Literal(str(total), datatype=XSD.integer)
    return [*described, Triple(minter.dataset(), VOID.triples, count)]


def _texts(
    subject: NamedNode, predicate: NamedNode, texts: Iterable[tuple[str, str]]
) -> Iterator[Triple]:
    for text, language in texts:
        yield Triple(subject, predicate, Literal(text, language=language))


def _publisher(facts: DatasetFacts, minter: Minter) -> NamedNode:
    iri = facts.publication.publisher_iri
    return NamedNode(iri) if iri else NamedNode(minter.base + "publisher")


def _dataset(facts: DatasetFacts, minter: Minter) -> Iterator[Triple]:
    dataset = minter.dataset()
    license = NamedNode(facts.publication.license)
    yield Triple(dataset, RDF_TYPE, VOID.Dataset)
    yield Triple(dataset, RDF_TYPE, DCAT.Dataset)
    yield from _texts(dataset, DCTERMS.title, _TITLES)
    yield from _texts(dataset, DCTERMS.description, _DESCRIPTIONS)
    yield from _texts(dataset, DCAT.keyword, _KEYWORDS)
    yield Triple(dataset, DCTERMS.license, license)
    yield Triple(dataset, DCTERMS.publisher, _publisher(facts, minter))
    yield Triple(dataset, DCTERMS.spatial, BELGIUM)
    for language in LANGUAGES:
        yield Triple(dataset, DCTERMS.language, language)
    provenance = NamedNode(f"{dataset.value}/provenance")
    yield Triple(dataset, DCTERMS.provenance, provenance)
    yield Triple(provenance, RDF_TYPE, DCTERMS.ProvenanceStatement)
    yield from _texts(provenance, RDFS.label, _PROVENANCE)
    yield Triple(dataset, PROV.wasDerivedFrom, SENATE)
    if facts.period is not None:
        period = NamedNode(f"{dataset.value}/period")
        first, last = facts.period
        yield Triple(dataset, DCTERMS.temporal, period)
        yield Triple(period, RDF_TYPE, DCTERMS.PeriodOfTime)
        yield Triple(period, DCAT.startDate, Literal(first.isoformat(), datatype=XSD.date))
        yield Triple(period, DCAT.endDate, Literal(last.isoformat(), datatype=XSD.date))
    if facts.publication.contact_email:
        contact = NamedNode(f"{dataset.value}/contact")
        yield Triple(dataset, DCAT.contactPoint, contact)
        yield Triple(contact, RDF_TYPE, VCARD.Kind)
        yield Triple(contact, VCARD.fn, Literal(facts.publication.publisher))
        yield Triple(
            contact, VCARD.hasEmail, NamedNode(f"mailto:{facts.publication.contact_email}")
        )
    yield Triple(dataset, FOAF.homepage, NamedNode(minter.base))
    yield Triple(dataset, VOID.uriSpace, Literal(minter.base))
    yield Triple(dataset, VOID.vocabulary, NamedNode(SQ_NAMESPACE))
    for prefix in _VOCABULARIES:
        yield Triple(dataset, VOID.vocabulary, NamedNode(PREFIXES[prefix]))
    for example in facts.example_resources:
        yield Triple(dataset, VOID.exampleResource, example)
    for extension, media_type in DUMP_FORMATS:
        dump = minter.dump(extension)
        distribution = NamedNode(f"{dataset.value}/distribution/{extension}")
        yield Triple(dataset, VOID.dataDump, dump)
        yield Triple(dataset, DCAT.distribution, distribution)
        yield Triple(distribution, RDF_TYPE, DCAT.Distribution)
        yield Triple(distribution, DCAT.accessURL, dump)
        yield Triple(distribution, DCAT.downloadURL, dump)
        yield Triple(distribution, DCAT.mediaType, NamedNode(_IANA_MEDIA_TYPE + media_type))
        yield Triple(distribution, DCTERMS.license, license)
    yield from _tables(dataset, license, minter)


def _tables(dataset: NamedNode, license: NamedNode, minter: Minter) -> Iterator[Triple]:
    """The CSV tables, one distribution whose CSVW metadata maps them to the graph."""
    distribution = NamedNode(f"{dataset.value}/distribution/csv")
    yield Triple(dataset, DCAT.distribution, distribution)
    yield Triple(distribution, RDF_TYPE, DCAT.Distribution)
    yield from _texts(distribution, DCTERMS.title, _TABLES_TITLES)
    yield Triple(distribution, DCAT.accessURL, NamedNode(minter.base + "tables/csv-metadata.json"))
    for name in CSV_TABLES:
        yield Triple(distribution, DCAT.downloadURL, NamedNode(f"{minter.base}tables/{name}.csv"))
    yield Triple(distribution, DCAT.mediaType, NamedNode(_IANA_MEDIA_TYPE + "text/csv"))
    yield Triple(distribution, DCTERMS.conformsTo, CSVW)
    yield Triple(distribution, DCTERMS.license, license)


def _catalog(facts: DatasetFacts, minter: Minter) -> Iterator[Triple]:
    catalog = NamedNode(minter.base + "catalog")
    publisher = _publisher(facts, minter)
    yield Triple(catalog, RDF_TYPE, DCAT.Catalog)
    yield from _texts(catalog, DCTERMS.title, _CATALOG_TITLES)
    yield from _texts(catalog, DCTERMS.description, _CATALOG_DESCRIPTIONS)
    yield Triple(catalog, DCTERMS.publisher, publisher)
    yield Triple(catalog, DCAT.dataset, minter.dataset())
    yield Triple(catalog, DCTERMS.license, NamedNode(facts.publication.license))
    yield Triple(catalog, DCTERMS.spatial, BELGIUM)
    for language in LANGUAGES:
        yield Triple(catalog, DCTERMS.language, language)
    yield Triple(publisher, RDF_TYPE, FOAF.Agent)
    yield Triple(publisher, FOAF.name, Literal(facts.publication.publisher))


def _typed_values(facts: DatasetFacts) -> Iterator[Triple]:
    """The classes DCAT-AP expects of values that are not minted here."""
    yield Triple(NamedNode(facts.publication.license), RDF_TYPE, DCTERMS.LicenseDocument)
    yield Triple(BELGIUM, RDF_TYPE, DCTERMS.Location)
    for language in LANGUAGES:
        yield Triple(language, RDF_TYPE, DCTERMS.LinguisticSystem)
    for media_type in (*(media for _, media in DUMP_FORMATS), "text/csv"):
        yield Triple(NamedNode(_IANA_MEDIA_TYPE + media_type), RDF_TYPE, DCTERMS.MediaType)
    yield Triple(CSVW, RDF_TYPE, DCTERMS.Standard)
