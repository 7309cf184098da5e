"""The validation report: results named after their source documents, in one order,
and as a SHACL ``sh:ValidationReport`` graph."""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode

from converters.validate.report import ValidationResult, with_sources
from converters.validate.shacl import (
    validate_triples,
    validate_whole,
)

from .validation_support import (
    DCT,
    RDF_TYPE,
    SH,
    SQ,
    STUB,
    XSD,
    B,
    Graph,
    Q,
    edit,
    matches,
    only,
)


def test_results_name_the_source_document(sample: Graph) -> None:
    broken = edit(sample, lambda t: matches(t, Q, DCT + "title", "nl"))
    report = validate_triples(broken, sources={Q: "docs/5-8904.txt"})
    assert only(report, focus=Q).source == "docs/5-8904.txt"


def test_report_graph_is_a_shacl_validation_report(sample: Graph) -> None:
    broken = edit(sample, lambda t: matches(t, STUB, SQ + "alsoAskedAs"))
    triples = validate_whole(broken).triples()
    types = {str(t.object) for t in triples if t.predicate == NamedNode(RDF_TYPE)}
    assert types == {f"<{SH}ValidationReport>", f"<{SH}ValidationResult>"}
    conforms = [t.object for t in triples if t.predicate == NamedNode(SH + "conforms")]
    assert conforms == [Literal("false", datatype=NamedNode(XSD + "boolean"))]
    inverse_paths = [t for t in triples if t.predicate == NamedNode(SH + "inversePath")]
    assert inverse_paths


# -- sharding ------------------------------------------------------------------------


def test_a_report_lists_results_in_one_order_whatever_order_they_came_in() -> None:
    """Two constraints can report the same focus, path and message (Hypothesis found
    shards and the whole graph listing such a pair in different orders)."""
    pairs = [
        ValidationResult("Violation", B + f"question/5-{n}", DCT + "date", "m", "", SH + c)
        for n in range(40)
        for c in "BA"
    ]
    report = with_sources(pairs, {})
    assert [r.component for r in report] == [SH + "A", SH + "B"] * 40
