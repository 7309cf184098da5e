"""The dataset's own description."""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode, Triple

from converters.dataset import DatasetFacts, dataset_triples, described_bases
from converters.iris import Minter

VOID_URI_SPACE = NamedNode("http://rdfs.org/ns/void#uriSpace")


def test_the_description_says_the_base_its_resources_are_minted_under() -> None:
    triples = dataset_triples(DatasetFacts(10, []), Minter("https://data.example.org/q/"))
    assert described_bases(triples) == {"https://data.example.org/q/"}


def test_a_graph_without_a_description_says_no_base() -> None:
    other = Triple(NamedNode("http://x/a"), VOID_URI_SPACE, NamedNode("http://x/"))
    assert described_bases([other]) == set()
    described = Triple(NamedNode("http://x/d"), VOID_URI_SPACE, Literal("http://x/"))
    assert described_bases([other, described]) == {"http://x/"}
