"""The dataset's own description: VoID, and DCAT-AP 3.0 as portals harvest it."""

from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
import rdflib
from pyoxigraph import Literal, NamedNode, Triple

from converters.build import build
from converters.convert.dataset import DatasetFacts, Publication, dataset_triples, described_bases
from converters.iris import Minter
from converters.pipeline import BuildOptions
from converters.sources import sample_corpus

from .conftest import FIXTURES

VOID_URI_SPACE = NamedNode("http://rdfs.org/ns/void#uriSpace")


def test_the_description_says_the_base_its_resources_are_minted_under() -> None:
    triples = dataset_triples(DatasetFacts(10, []), Minter("https://data.example.org/q/"))
    assert described_bases(triples) == {"https://data.example.org/q/"}


def test_a_graph_without_a_description_says_no_base() -> None:
    other = Triple(NamedNode("http://x/a"), VOID_URI_SPACE, NamedNode("http://x/"))
    assert described_bases([other]) == set()
    described = Triple(NamedNode("http://x/d"), VOID_URI_SPACE, Literal("http://x/"))
    assert described_bases([other, described]) == {"http://x/"}


# -- DCAT-AP 3.0, with the profile's own shapes ---------------------------------------

DCAT_AP = FIXTURES / "dcat-ap-3.0"
BASE = "http://localhost:8000/"
DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dcat") / "out"
    publication = Publication(
        publisher="Open Data Test",
        publisher_iri="https://opendata.example.org/",
        contact_email="data@example.org",
    )
    report = build(
        BuildOptions(sources=[sample_corpus()], out=out, jobs=1, publication=publication)
    )
    assert not report.failed
    return out


@pytest.fixture(scope="module")
def published(site: Path) -> rdflib.Graph:
    return rdflib.Graph().parse(site / "dataset.ttl")


@pytest.mark.parametrize("shapes", ["shapes.ttl", "range.ttl"])
@pytest.mark.parametrize("harvested", ["dataset.ttl", ".well-known/void"])
def test_what_a_portal_harvests_conforms_to_the_dcat_ap_shapes(
    site: Path, harvested: str, shapes: str
) -> None:
    graph = rdflib.Graph().parse(site / harvested, format="turtle")
    assert (None, rdflib.RDF.type, rdflib.URIRef(DCAT + "Catalog")) in graph
    conforms, _, text = pyshacl.validate(graph, shacl_graph=rdflib.Graph().parse(DCAT_AP / shapes))
    assert conforms, text


def test_the_catalogue_names_its_dataset_publisher_and_contact(published: rdflib.Graph) -> None:
    rows = published.query(
        """
        PREFIX dcat: <http://www.w3.org/ns/dcat#>
        PREFIX dct: <http://purl.org/dc/terms/>
        PREFIX foaf: <http://xmlns.com/foaf/0.1/>
        PREFIX vcard: <http://www.w3.org/2006/vcard/ns#>
        SELECT ?name ?email ?start ?end WHERE {
          ?catalog a dcat:Catalog ; dcat:dataset ?dataset ; dct:publisher ?publisher .
          ?publisher foaf:name ?name .
          ?dataset dct:publisher ?publisher ; dcat:contactPoint/vcard:hasEmail ?email ;
              dct:temporal [ dcat:startDate ?start ; dcat:endDate ?end ] .
        }
        """
    )
    assert [tuple(str(v) for v in row) for row in rows] == [  # type: ignore[union-attr]
        ("Open Data Test", "mailto:data@example.org", "2005-12-20", "2016-03-09")
    ]


def test_each_distribution_is_reached_at_its_dump(published: rdflib.Graph) -> None:
    distributions = set(published.subjects(rdflib.RDF.type, rdflib.URIRef(DCAT + "Distribution")))
    dumps = {d for d in distributions if not str(d).endswith("/csv")}
    assert len(dumps) == 3
    for distribution in dumps:
        access = published.value(distribution, rdflib.URIRef(DCAT + "accessURL"))
        assert access == published.value(distribution, rdflib.URIRef(DCAT + "downloadURL"))


def test_the_tables_are_a_distribution_with_their_csvw_metadata(published: rdflib.Graph) -> None:
    tables = rdflib.URIRef(BASE + "dataset/distribution/csv")
    access = published.value(tables, rdflib.URIRef(DCAT + "accessURL"))
    assert access == rdflib.URIRef(BASE + "tables/csv-metadata.json")
    downloads = set(published.objects(tables, rdflib.URIRef(DCAT + "downloadURL")))
    assert rdflib.URIRef(BASE + "tables/questions.csv") in downloads
    assert len(downloads) == 8
