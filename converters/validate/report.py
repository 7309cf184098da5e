"""The validation report: pyshacl's results read into sorted records that name each
focus node's source document, and written back as a SHACL ``sh:ValidationReport``."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import rdflib
import rdflib.collection
from pyoxigraph import BlankNode, Literal, NamedNode, Triple
from rdflib.namespace import SH

from ..vocabulary import DCTERMS, RDF_TYPE, XSD
from .units import unit

_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


@dataclass(frozen=True, slots=True, order=True)
class ValidationResult:
    """One line of a SHACL report, with the document the focus node came from."""

    severity: str
    focus: str
    path: str
    message: str
    value: str
    component: str
    source: str = ""

    @property
    def sort_key(self) -> tuple[int, str, str, str, str]:
        return (
            _SEVERITY_ORDER.get(self.severity, 9),
            self.focus,
            self.path,
            self.message,
            self.value,
        )


@dataclass(frozen=True)
class ValidationReport:
    results: tuple[ValidationResult, ...]

    @property
    def violations(self) -> int:
        return sum(1 for r in self.results if r.severity == "Violation")

    @property
    def warnings(self) -> int:
        return sum(1 for r in self.results if r.severity == "Warning")

    @property
    def has_violations(self) -> bool:
        """Broken data; warnings alone are not."""
        return self.violations > 0

    def triples(self) -> list[Triple]:
        """The report as a ``sh:ValidationReport`` graph, in a stable order."""
        return report_triples(self.results, conforms=not self.results)


def read_report(report: rdflib.Graph) -> list[ValidationResult]:
    """The results of a pyshacl report graph as plain records."""
    results = []
    for result in report.objects(None, SH.result):
        severity = report.value(result, SH.resultSeverity)
        results.append(
            ValidationResult(
                severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
                focus=_show(report.value(result, SH.focusNode)),
                path=_show_path(report, report.value(result, SH.resultPath)),
                message=str(report.value(result, SH.resultMessage) or ""),
                value=_show(report.value(result, SH.value)),
                component=_show(report.value(result, SH.sourceConstraintComponent)),
            )
        )
    return results


def _show_path(report: rdflib.Graph, path: object) -> str:
    """A predicate path as its IRI; any other path in SPARQL syntax, IRIs in brackets."""
    if isinstance(path, rdflib.URIRef):
        return str(path)
    return _path_syntax(report, path)


def _path_syntax(graph: rdflib.Graph, path: object) -> str:
    if isinstance(path, rdflib.URIRef):
        return f"<{path}>"
    if not isinstance(path, rdflib.BNode):
        return ""
    inverse = graph.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + _path_syntax(graph, inverse)
    alternatives = graph.value(path, SH.alternativePath)
    if alternatives is not None:
        return (
            "("
            + "|".join(
                _path_syntax(graph, p) for p in rdflib.collection.Collection(graph, alternatives)
            )
            + ")"
        )
    if graph.value(path, rdflib.RDF.first) is not None:
        return "/".join(_path_syntax(graph, p) for p in rdflib.collection.Collection(graph, path))
    return ""


def _show(node: object) -> str:
    if node is None:
        return ""
    if isinstance(node, rdflib.Literal):
        return str(node)
    if isinstance(node, rdflib.BNode):
        return "(blank node)"
    return str(node)


def with_sources(
    results: Iterable[ValidationResult], sources: dict[str, str]
) -> tuple[ValidationResult, ...]:
    unique = {
        ValidationResult(
            r.severity,
            r.focus,
            r.path,
            r.message,
            r.value,
            r.component,
            sources.get(unit(NamedNode(r.focus)) or r.focus, "")
            if r.focus.startswith(("http://", "https://"))
            else "",
        )
        for r in results
    }
    return tuple(sorted(unique, key=lambda r: (*r.sort_key, r.component, r.source)))


def report_triples(results: Sequence[ValidationResult], conforms: bool) -> list[Triple]:
    """A SHACL ``sh:ValidationReport``, with blank nodes numbered in result order."""
    sh = "http://www.w3.org/ns/shacl#"
    report = BlankNode("report")
    out = [
        Triple(report, RDF_TYPE, NamedNode(sh + "ValidationReport")),
        Triple(
            report, NamedNode(sh + "conforms"), Literal(str(conforms).lower(), datatype=XSD.boolean)
        ),
    ]
    for index, result in enumerate(results, start=1):
        node = BlankNode(f"result{index}")
        out += [
            Triple(report, NamedNode(sh + "result"), node),
            Triple(node, RDF_TYPE, NamedNode(sh + "ValidationResult")),
            Triple(node, NamedNode(sh + "resultSeverity"), NamedNode(sh + result.severity)),
            Triple(node, NamedNode(sh + "focusNode"), _node(result.focus)),
            Triple(node, NamedNode(sh + "resultMessage"), Literal(result.message)),
        ]
        if result.path:
            out += _path_triples(node, result.path, f"result{index}path")
        if result.value:
            out.append(Triple(node, NamedNode(sh + "value"), Literal(result.value)))
        if result.component:
            out.append(
                Triple(
                    node, NamedNode(sh + "sourceConstraintComponent"), NamedNode(result.component)
                )
            )
        if result.source:
            out.append(Triple(node, DCTERMS.source, Literal(result.source)))
    return out


_PATH_STEP = re.compile(r"(\^?)<([^<>]+)>")


def _path_triples(result: BlankNode, path: str, label: str) -> list[Triple]:
    """``sh:resultPath`` for a path written by :func:`_show_path`: an IRI, or a sequence
    of (possibly inverse) IRIs; anything more complex is left out of the Turtle report."""
    sh = "http://www.w3.org/ns/shacl#"
    result_path = NamedNode(sh + "resultPath")
    if not path.startswith(("^", "<")):
        return [Triple(result, result_path, NamedNode(path))]
    steps = path.split("/<")
    steps = [steps[0]] + ["<" + step for step in steps[1:]]
    parsed = [_PATH_STEP.fullmatch(step) for step in steps]
    if not all(parsed):
        return []
    out: list[Triple] = []
    nodes: list[NamedNode | BlankNode] = []
    for position, match in enumerate(parsed):
        assert match is not None
        iri = NamedNode(match.group(2))
        if match.group(1):
            inverse = BlankNode(f"{label}i{position}")
            out.append(Triple(inverse, NamedNode(sh + "inversePath"), iri))
            nodes.append(inverse)
        else:
            nodes.append(iri)
    if len(nodes) == 1:
        return [Triple(result, result_path, nodes[0]), *out]
    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    cells = [BlankNode(f"{label}l{position}") for position in range(len(nodes))]
    out.append(Triple(result, result_path, cells[0]))
    for position, (cell, step) in enumerate(zip(cells, nodes, strict=True)):
        rest = cells[position + 1] if position + 1 < len(cells) else NamedNode(rdf + "nil")
        out += [
            Triple(cell, NamedNode(rdf + "first"), step),
            Triple(cell, NamedNode(rdf + "rest"), rest),
        ]
    return out


def _node(value: str) -> NamedNode | Literal:
    try:
        return NamedNode(value)
    except ValueError:
        return Literal(value)
