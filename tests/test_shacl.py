"""Validating with pyshacl, shard by shard: exactly what validating the whole graph
reports, whatever the damage."""

from __future__ import annotations

from dataclasses import replace

import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from converters.convert.corpus import convert_corpus
from converters.iris import Minter
from converters.records import QuestionRecord
from converters.synth.synthetic import synthetic_corpus
from converters.validate.rdflib_bridge import rdflib_triple
from converters.validate.shacl import (
    _run_pyshacl,
    to_rdflib,
    validate_incrementally,
    validate_triples,
    validate_whole,
)
from converters.validate.shapes import (
    engine_shapes,
    lift_property_shapes,
    load_shapes,
    shapes_turtle,
)
from converters.validate.shards import Shard, ShardReuse, plan_shards

from .validation_support import (
    DCT,
    EUROVOC,
    FOAF_NAME,
    ORG,
    RDF_TYPE,
    SQ,
    B,
    Graph,
    Q,
    edit,
    triple,
)


def _defective_corpus() -> Graph:
    corpus = synthetic_corpus(40, seed=3)
    records: list[QuestionRecord] = [replace(d.record, source=d.name) for d in corpus]
    triples = convert_corpus(records, Minter(B)).triples
    first = records[0].number
    question = B + f"question/{first}"
    victims = {B + f"question/{r.number}" for r in records[5:8]}
    marked_up = B + f"question/{records[10].number}"
    author = next(str(t.subject)[1:-1] for t in triples if t.predicate == NamedNode(FOAF_NAME))
    return edit(
        triples,
        lambda t: (
            (t.subject.value in victims and t.predicate == NamedNode(DCT + "title"))  # type: ignore[union-attr]
            or (t.object == NamedNode(question) and t.predicate == NamedNode(SQ + "alsoAskedAs"))
        ),
        (
            Triple(NamedNode(question), NamedNode(DCT + "creator"), NamedNode(B + "person/ghost")),
            triple(B + f"question/{records[9].number}", DCT + "identifier", Literal(str(first))),
            triple(marked_up, DCT + "title", Literal("Un <b>titre</b>", language="fr")),
            triple(author, FOAF_NAME, Literal("<i>Someone</i>")),
        ),
    )


def test_shards_report_exactly_what_the_whole_graph_reports() -> None:
    graph = _defective_corpus()
    whole = validate_whole(graph)
    assert whole.violations > 5
    assert {r.value for r in whole.results if "HTML" in r.message} == {
        "Un <b>titre</b>",
        "<i>Someone</i>",
    }
    assert len(plan_shards(graph, 6)) > 3
    assert validate_triples(graph, jobs=2, shard_questions=6) == whole


@pytest.mark.parametrize("position", ["subject", "object"])
def test_a_graph_with_blank_nodes_is_validated_whole(position: str) -> None:
    """A blank node cannot be told which shard it belongs to, so the graph is not cut."""
    graph = _defective_corpus()
    node = BlankNode()
    extra = (
        Triple(node, NamedNode(DCT + "title"), Literal("x"))
        if position == "subject"
        else Triple(NamedNode(Q), NamedNode(DCT + "relation"), node)
    )
    assert plan_shards([*graph, extra], 6) == [Shard([*graph, extra], None)]


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_shards_equal_whole_for_random_damage(sample: Graph, data: st.DataObject) -> None:
    doomed = data.draw(st.sets(st.integers(0, len(sample) - 1), max_size=8))
    graph = [t for i, t in enumerate(sample) if i not in doomed]
    assert validate_triples(graph, jobs=2, shard_questions=3) == validate_whole(graph)


def test_lifted_property_shapes_report_exactly_what_the_shapes_as_written_report() -> None:
    graph = _defective_corpus()
    written = _run_pyshacl(graph, None, load_shapes())
    assert len(written) > 5
    assert sorted(_run_pyshacl(graph, None, engine_shapes())) == sorted(written)


def test_terms_converted_for_an_earlier_shard_are_told_apart_by_kind_language_and_type() -> None:
    """Shards reuse the rdflib terms of earlier shards: a term must never stand in for
    another with the same text."""
    subject = NamedNode(B + "question/6-1")
    texts: list[NamedNode | Literal] = [
        Literal("urn:6-1"),
        Literal("urn:6-1", language="fr"),
        Literal("urn:6-1", language="nl"),
        Literal("urn:6-1", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#anyURI")),
        NamedNode("urn:6-1"),
    ]
    for value in texts:
        shard = [Triple(subject, NamedNode(DCT + "identifier"), value)]
        assert set(to_rdflib(shard)) == {rdflib_triple(t) for t in shard}


def test_lifted_property_shapes_get_the_same_names_from_every_parse() -> None:
    def named(shapes: rdflib.Graph) -> set[tuple[str, str, str]]:
        return {
            (str(s), str(p), str(o))
            for s, p, o in shapes
            if "-property-" in str(s) and not isinstance(o, rdflib.BNode)
        }

    again = lift_property_shapes(rdflib.Graph().parse(data=shapes_turtle(), format="turtle"))
    assert len(named(engine_shapes())) > 100
    assert named(again) == named(engine_shapes())


def test_shards_find_a_resource_linked_only_from_another_kind(sample: Graph) -> None:
    """The descriptor scheme is a target only as the object of the descriptors'
    ``skos:inScheme``; untyped, it must still be reported (a case Hypothesis found)."""
    graph = edit(
        sample,
        lambda t: t.subject == NamedNode(B + "descriptors") and t.predicate == NamedNode(RDF_TYPE),
    )
    whole = validate_whole(graph)
    assert any(r.focus == B + "descriptors" for r in whole.results)
    assert validate_triples(graph, jobs=1, shard_questions=3) == whole


def test_shards_check_a_question_used_in_the_role_of_another_kind(sample: Graph) -> None:
    questions = sorted({str(t.subject)[1:-1] for t in sample if "/question/" in str(t.subject)})
    odd = (
        Triple(NamedNode(questions[0]), NamedNode(DCT + "creator"), NamedNode(questions[-1])),
        Triple(NamedNode(B + "person/x"), NamedNode(ORG + "memberOf"), NamedNode(questions[1])),
        Triple(NamedNode(questions[1]), NamedNode(DCT + "subject"), NamedNode(EUROVOC + "100")),
    )
    graph = edit(sample, add=odd)
    whole = validate_whole(graph)
    assert whole.violations > 3
    assert validate_triples(graph, jobs=1, shard_questions=3) == whole


# -- planning a patched graph -------------------------------------------------------


def test_a_shard_is_taken_over_only_with_its_results() -> None:
    graph = _defective_corpus()
    first, known, planned = validate_incrementally(graph, jobs=1, shard_questions=6)
    assert first.violations > 5
    reuse = ShardReuse(planned, set())

    kept, _, _ = validate_incrementally(graph, jobs=1, known=known, shard_questions=6, reuse=reuse)
    lost, _, _ = validate_incrementally(graph, jobs=1, known={}, shard_questions=6, reuse=reuse)

    assert kept == first
    assert lost == first
