"""The pages that document rather than list: the shapes, the validation report, the
query catalogue, and a generic resource such as the dataset."""

from __future__ import annotations

import html
from pathlib import Path

import rdflib

from .site_support import parse_page, read_page

ROOT = Path(__file__).parents[1]


def test_the_shapes_page_documents_every_shape_that_targets_nodes(site: Path) -> None:
    shapes = rdflib.Graph().parse(ROOT / "shapes" / "senate-ld.shapes.ttl")
    sh = rdflib.SH
    targeting = {
        str(shape).rsplit("#", 1)[-1]
        for target in (sh.targetClass, sh.targetSubjectsOf, sh.targetObjectsOf)
        for shape in shapes.subjects(target, None)
    }
    ids = parse_page(site / "shapes" / "index.html").ids
    assert {"QuestionShape", "MarkupInQuestionText"} <= targeting
    assert targeting <= ids


def test_the_shapes_page_says_what_each_constraint_checks(site: Path) -> None:
    page = html.unescape(read_page(site, "shapes/index.html"))
    assert "The question's title is not in both French and Dutch." in page


def test_the_validation_page_gives_the_count_of_violations(site: Path) -> None:
    assert "0 violations" in read_page(site, "validation/index.html")
    assert "0 violation" in read_page(site, "validation/index.fr.html")


def test_the_queries_page_lists_every_query_of_the_catalogue_with_its_file(site: Path) -> None:
    page = read_page(site, "queries/index.html")
    queries = sorted(path.name for path in (ROOT / "queries").glob("*.rq"))
    assert queries
    for name in queries:
        assert name in page, name
        assert (site / "queries" / name).is_file()


def test_the_dataset_page_describes_the_dataset_and_offers_its_dumps(site: Path) -> None:
    page = read_page(site, "dataset/index.html")
    for dump in ("dataset.ttl", "dataset.nt", "dataset.jsonld"):
        assert dump in page, dump
