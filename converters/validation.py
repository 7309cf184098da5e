"""The validation stage: SHACL shapes (``shapes/``) run by pyshacl over the graph.

pyshacl works on rdflib graphs, which are slow to build and query at corpus scale, so
the graph is cut into shards of whole questions; each shard also carries the shared
reference data (persons, ministries, descriptors…) and, for the constraints that span
questions, exactly the triples of other questions those constraints read (a sibling's
back-link and legislature, a duplicated identifier). Each shard validates only its own
focus nodes, so the union of the shards' results equals whole-graph validation; shards
run in worker processes. ``tests/test_validation.py`` checks that equality.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import rdflib
import rdflib.collection
from pyoxigraph import BlankNode, Literal, NamedNode, Triple
from pyshacl import validate as pyshacl_validate
from rdflib.namespace import SH

from .iris import DEFAULT_BASE_URI, normalise_base_uri
from .rdflib_bridge import rdflib_triple
from .vocabulary import DCTERMS, RDF_TYPE, SQ, XSD

SHAPES_BASE = DEFAULT_BASE_URI
SHARD_QUESTIONS = 500
"""Questions per shard (250 to 1,000 measured the same, see bench/RESULTS.md)."""
SHARDING_MIN_JOBS = 3

_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}
_QUESTION_PATH = re.compile(r"question/[0-9]+-[0-9]+")


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


def shapes_turtle() -> str:
    return (files("converters") / "resources" / "shapes.ttl").read_text(encoding="utf-8")


@cache
def load_shapes(base: str = SHAPES_BASE) -> rdflib.Graph:
    """The shapes, with every minted-IRI pattern rewritten for ``base``."""
    base = normalise_base_uri(base)
    text = shapes_turtle()
    if base != SHAPES_BASE:
        text = text.replace(f'"^{SHAPES_BASE}', f'"^{_turtle_regex_escape(base)}')
        text = text.replace(f"<{SHAPES_BASE}descriptors>", f"<{base}descriptors>")
    return rdflib.Graph().parse(data=text, format="turtle")


def validate_triples(
    triples: Sequence[Triple],
    base: str = SHAPES_BASE,
    sources: dict[str, str] | None = None,
    jobs: int = 1,
    shard_questions: int = SHARD_QUESTIONS,
) -> ValidationReport:
    """Validate a graph given as pyoxigraph triples, in shards when ``jobs`` is large.

    Each shard repeats some context and pyshacl's fixed costs: on one core sharding is
    60 % slower than one whole-graph call, on two cores it only breaks even
    (bench/RESULTS.md), so shards are used from ``SHARDING_MIN_JOBS`` workers up.
    """
    if jobs < SHARDING_MIN_JOBS:
        return validate_whole(triples, base, sources)
    return validate_sharded(triples, base, sources, jobs, shard_questions)


def validate_sharded(
    triples: Sequence[Triple],
    base: str = SHAPES_BASE,
    sources: dict[str, str] | None = None,
    jobs: int = 1,
    shard_questions: int = SHARD_QUESTIONS,
) -> ValidationReport:
    """Validate shard by shard, in ``jobs`` worker processes."""
    shards = plan_shards(triples, shard_questions)
    work = [(shard.triples, shard.focus, shard.shapes, base) for shard in shards]
    if jobs > 1 and len(work) > 1:
        with ProcessPoolExecutor(max_workers=min(jobs, len(work))) as pool:
            found = [r for results in pool.map(_validate_shard, work) for r in results]
    else:
        found = [r for item in work for r in _validate_shard(item)]
    return ValidationReport(_with_sources(found, sources or {}))


def validate_whole(
    triples: Sequence[Triple], base: str = SHAPES_BASE, sources: dict[str, str] | None = None
) -> ValidationReport:
    """Validate the graph in one pyshacl call: the reference the shards must equal."""
    return ValidationReport(_with_sources(_run_pyshacl(triples, None, base), sources or {}))


@dataclass(frozen=True)
class Shard:
    """Triples to validate, and whose results to keep: those about ``focus`` (None: all)."""

    triples: list[Triple]
    focus: frozenset[str] | None
    shapes: list[str] | None = None


IDENTIFIER_SHAPE = "https://w3id.org/senate-ld/shapes#IdentifierShape"
LINK_PLACEHOLDER = NamedNode("urn:senate-ld:validation:linking-question")
"""Stands in, in the reference shard, for the questions that link to a resource."""


def plan_shards(triples: Sequence[Triple], shard_questions: int = SHARD_QUESTIONS) -> list[Shard]:
    """Cut the graph into shards that validate independently and together say it all.

    A *unit* is a question with everything below its IRI (its answer). A unit shard
    holds every triple that touches its units, plus what the shapes read beyond them:
    the type and legislature of sibling questions, the types of linked resources. The
    *reference* shard holds every resource that is not a unit (persons, ministries,
    descriptors…), with one placeholder link per (property, resource) so that
    ``sh:targetObjectsOf`` finds the same resources. Identifier uniqueness, whose focus
    nodes are literals, runs on its own over the identifier triples. Each shard keeps
    only the results about its own nodes; context nodes are validated where they belong.
    """
    units: dict[str, list[Triple]] = defaultdict(list)
    context: dict[str, list[Triple]] = defaultdict(list)
    reference: dict[Triple, None] = {}
    for triple in triples:
        subject_unit = _unit(triple.subject)
        object_unit = _unit(triple.object)
        if subject_unit is None:
            reference[triple] = None
            if triple.predicate == RDF_TYPE and isinstance(triple.subject, NamedNode):
                context[triple.subject.value].append(triple)
        else:
            units[subject_unit].append(triple)
            if triple.predicate in (SQ.legislature, RDF_TYPE):
                context[str(_subject_iri(triple))].append(triple)
            if object_unit is None and isinstance(triple.object, NamedNode):
                reference[Triple(LINK_PLACEHOLDER, triple.predicate, triple.object)] = None
        if object_unit is not None and object_unit != subject_unit:
            units[object_unit].append(triple)
    keys = sorted(units)
    if len(keys) <= shard_questions or _has_blank_nodes(triples):
        return [Shard(list(triples), None)]

    shards = []
    for start in range(0, len(keys), shard_questions):
        chosen = keys[start : start + shard_questions]
        own: dict[Triple, None] = {}
        for key in chosen:
            own.update(dict.fromkeys(units[key]))
        linked = {t.object.value for t in own if isinstance(t.object, NamedNode)}
        for iri in sorted(linked):
            own.update(dict.fromkeys(context.get(iri, ())))
        focus = frozenset(
            node.value
            for triple in own
            for node in (triple.subject, triple.object)
            if isinstance(node, NamedNode) and _unit(node) in chosen
        )
        shards.append(Shard(list(own), focus))
    reference_nodes = frozenset(
        node.value
        for triple in reference
        for node in (triple.subject, triple.object)
        if isinstance(node, NamedNode) and _unit(node) is None and node != LINK_PLACEHOLDER
    )
    shards.append(Shard(list(reference), reference_nodes))
    identifiers = [t for t in triples if t.predicate == DCTERMS.identifier]
    shards.append(Shard(identifiers, None, [IDENTIFIER_SHAPE]))
    return shards


def _subject_iri(triple: Triple) -> str:
    subject = triple.subject
    return subject.value if isinstance(subject, NamedNode) else ""


def _has_blank_nodes(triples: Sequence[Triple]) -> bool:
    return any(isinstance(t.subject, BlankNode) or isinstance(t.object, BlankNode) for t in triples)


def _unit(term: object) -> str | None:
    """The question a resource belongs to: its own IRI up to ``question/N-N``."""
    if not isinstance(term, NamedNode):
        return None
    match = _QUESTION_PATH.search(term.value)
    return term.value[: match.end()] if match else None


def _validate_shard(
    work: tuple[list[Triple], frozenset[str] | None, list[str] | None, str],
) -> list[ValidationResult]:
    triples, focus, shapes, base = work
    results = _run_pyshacl(triples, shapes, base)
    return results if focus is None else [r for r in results if r.focus in focus]


def _run_pyshacl(
    triples: Sequence[Triple], shapes: list[str] | None, base: str
) -> list[ValidationResult]:
    _conforms, report, _text = pyshacl_validate(
        to_rdflib(triples),
        shacl_graph=load_shapes(base),
        advanced=False,
        allow_warnings=True,
        use_shapes=shapes,
    )
    assert isinstance(report, rdflib.Graph)
    return read_report(report)


def to_rdflib(triples: Iterable[Triple]) -> rdflib.Graph:
    """An rdflib graph of pyoxigraph triples, term by term (30 % faster than through
    N-Triples text)."""
    graph = rdflib.Graph()
    for triple in triples:
        graph.add(rdflib_triple(triple))
    return graph


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


def _with_sources(
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
            sources.get(_unit(NamedNode(r.focus)) or r.focus, "")
            if r.focus.startswith(("http://", "https://"))
            else "",
        )
        for r in results
    }
    return tuple(sorted(unique, key=lambda r: r.sort_key))


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


def _turtle_regex_escape(base: str) -> str:
    return re.escape(base).replace("\\", "\\\\")
