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
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache, partial
from importlib.resources import files

import rdflib
import rdflib.collection
from pyoxigraph import BlankNode, Literal, NamedNode, Triple
from rdflib.namespace import PROV, SH

from ..digests import content_hash, digest
from ..iris import DEFAULT_BASE_URI, normalise_base_uri
from ..vocabulary import DCTERMS, RDF_TYPE, SQ, XSD
from ..workers import run_in_workers
from .rdflib_bridge import rdflib_term

SHAPES_BASE = DEFAULT_BASE_URI
SHARD_QUESTIONS = 100
"""Questions per shard at most (numbers in a range of 100): 50 to 500 validate a corpus
in the same time (bench/RESULTS.md), and a small shard is quick to redo."""

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


TARGET_PREDICATES = (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)
"""SHACL Core's target declarations."""


@cache
def engine_shapes(base: str = SHAPES_BASE) -> rdflib.Graph:
    """The shapes as the shards give them to pyshacl: :func:`lift_property_shapes` of
    :func:`load_shapes`. The same checks and results; 28 % less time."""
    return lift_property_shapes(load_shapes(base))


def lift_property_shapes(shapes: rdflib.Graph) -> rdflib.Graph:
    """The shapes with each blank-node property shape of a targeting node shape made a
    top-level property shape with the node shape's targets (and a stable IRI).

    SHACL defines both to validate the same focus nodes the same way, but pyshacl runs a
    nested property shape once per focus node and a top-level one once for them all;
    per-call overhead was most of the validation time. The lifted shapes are numbered
    in the order of their content, so their IRIs are the same in every process and
    build (they are part of the shard digests, see :func:`_shard_digest`).
    """
    lifted = rdflib.Graph()
    for triple in shapes:
        lifted.add(triple)
    for shape in sorted(shapes.subjects(rdflib.RDF.type, SH.NodeShape), key=str):
        targets = [(p, o) for p in TARGET_PREDICATES for o in shapes.objects(shape, p)]
        if not isinstance(shape, rdflib.URIRef) or not targets:
            continue
        nested = [p for p in shapes.objects(shape, SH.property) if isinstance(p, rdflib.BNode)]
        for number, prop in enumerate(sorted(nested, key=partial(_content, shapes)), start=1):
            named = rdflib.URIRef(f"{shape}-property-{number}")
            lifted.remove((shape, SH.property, prop))
            for predicate, value in shapes.predicate_objects(prop):
                lifted.remove((prop, predicate, value))
                lifted.add((named, predicate, value))
            lifted.add((named, rdflib.RDF.type, SH.PropertyShape))
            lifted.add((named, PROV.wasDerivedFrom, shape))
            for predicate, value in targets:
                lifted.add((named, predicate, value))
    return lifted


def _content(graph: rdflib.Graph, node: rdflib.term.Node) -> str:
    """A blank node's description, nested blank nodes (paths, lists) spelt out in full."""
    if not isinstance(node, rdflib.BNode):
        return node.n3()
    statements = sorted(f"{p.n3()} {_content(graph, o)}" for p, o in graph.predicate_objects(node))
    return "[" + " ; ".join(statements) + "]"


def validate_triples(
    triples: Sequence[Triple],
    base: str = SHAPES_BASE,
    sources: dict[str, str] | None = None,
    jobs: int = 1,
    shard_questions: int = SHARD_QUESTIONS,
) -> ValidationReport:
    """Validate a graph given as pyoxigraph triples, in shards over ``jobs`` processes.

    Sharding is less work than one whole-graph pyshacl call even on one core, because
    each shard runs only the shapes that target its own nodes (bench/RESULTS.md).
    """
    return validate_incrementally(triples, base, sources, jobs, None, shard_questions)[0]


KnownResults = dict[str, tuple[ValidationResult, ...]]
"""Shard digest → the results of validating that shard, kept between builds."""


def validate_incrementally(
    triples: Sequence[Triple],
    base: str = SHAPES_BASE,
    sources: dict[str, str] | None = None,
    jobs: int = 1,
    known: KnownResults | None = None,
    shard_questions: int = SHARD_QUESTIONS,
    reuse: ShardReuse | None = None,
) -> tuple[ValidationReport, KnownResults, dict[str, str]]:
    """Validate shard by shard, reusing the results of shards seen before (``known``).

    Returns the report, the results of this graph's shards and the digest of each
    shard by name, for the next build (see :class:`ShardReuse`). A shard is known by a
    digest of its triples, focus nodes, shapes and base, so a result is reused only
    for the very same input.
    """
    known = known or {}
    if reuse is not None:  # a shard is taken over only with its results
        digests = {name: key for name, key in reuse.digests.items() if key in known}
        reuse = replace(reuse, digests=digests)
    shards = plan_shards(triples, shard_questions, reuse)
    keys = [shard.digest or _shard_digest(shard, base) for shard in shards]
    missing = [
        (index, (shard.triples, shard.focus, shard.shapes, base))
        for index, (shard, key) in enumerate(zip(shards, keys, strict=True))
        if key not in known
    ]
    if missing:
        import pyshacl  # noqa: F401  (once here, not in each worker; see _run_pyshacl)
    found = run_in_workers(_validate_shard, [item for _, item in missing], jobs, minimum=2)
    fresh = {
        keys[index]: tuple(results) for (index, _), results in zip(missing, found, strict=True)
    }
    current = {key: known[key] if key in known else fresh[key] for key in keys}
    results = [r for key in keys for r in current[key]]
    planned = {shard.name: key for shard, key in zip(shards, keys, strict=True)}
    return ValidationReport(_with_sources(results, sources or {})), current, planned


def _shard_digest(shard: Shard, base: str) -> str:
    """The shard's input. Its triples are taken in their planned order, which is the
    same for the same graph: another order only makes a needless miss, never a wrong hit."""
    lines = [f"triples {content_hash(shard.triples)}"]
    lines.append("focus " + " ".join(sorted(shard.focus)) if shard.focus is not None else "all")
    lines.append("shapes " + " ".join(shard.shapes or ["all"]))
    lines.append("base " + base)
    return digest("\n".join(lines))


def validate_whole(
    triples: Sequence[Triple], base: str = SHAPES_BASE, sources: dict[str, str] | None = None
) -> ValidationReport:
    """Validate the graph in one pyshacl call: the reference the shards must equal."""
    return ValidationReport(
        _with_sources(_run_pyshacl(triples, None, load_shapes(base)), sources or {})
    )


@dataclass(frozen=True)
class Shard:
    """Triples to validate, and whose results to keep: those about ``focus`` (None: all).

    A shard taken over from the last plan (:class:`ShardReuse`) has only its ``name``
    and ``digest``: its triples are not gathered again."""

    triples: list[Triple]
    focus: frozenset[str] | None
    shapes: list[str] | None = None
    name: str = "graph"
    """Which part of the graph it is, the same from one plan to the next."""
    digest: str | None = None


@dataclass(frozen=True)
class ShardReuse:
    """What planning a patched graph can take from the plan of the graph before it:
    the ``digests`` of that plan's shards by name, and the triples removed or added since
    (``changed``). A shard of questions that no changed triple touches, and that links
    to no resource whose type or legislature changed, is the same shard again."""

    digests: Mapping[str, str]
    changed: Collection[Triple]


IDENTIFIER_SHAPE = "https://w3id.org/senate-ld/shapes#IdentifierShape"
IDENTIFIER = DCTERMS.identifier.value
LINK_PLACEHOLDER = NamedNode("urn:senate-ld:validation:linking-question")
"""Stands in, in the reference shard, for the questions that link to a resource."""


def plan_shards(
    triples: Sequence[Triple],
    shard_questions: int = SHARD_QUESTIONS,
    reuse: ShardReuse | None = None,
) -> list[Shard]:
    """Cut the graph into shards that validate independently and together say it all.

    A *unit* is a question with everything below its IRI (its answer). A unit shard
    holds every triple that touches its units, plus what the shapes read beyond them:
    the type and legislature of sibling questions, the types of linked resources. The
    *reference* resources (persons, ministries, descriptors…) are sharded by kind (IRI
    up to its last slash), each shard with the types of what they link to and one
    placeholder link per (property, resource) linked from a question or from another
    kind, so that ``sh:targetObjectsOf`` finds the same resources. Identifier
    uniqueness, whose focus nodes are literals, runs on its own over the identifier
    triples. Each shard keeps only the results about its own nodes; context nodes are
    validated where they belong.

    Questions are grouped by legislature and by ranges of ``shard_questions`` numbers,
    not by position, so that adding or changing one document changes one shard and an
    incremental build re-validates only that one. With ``reuse``, the question shards
    the patch cannot have changed are not gathered again (half the planning).
    """
    units: dict[str, list[Triple]] = defaultdict(list)
    context: dict[str, list[Triple]] = defaultdict(list)
    reference: dict[Triple, None] = {}
    identifiers: list[Triple] = []
    in_context = _IN_CONTEXT
    stale, retyped = _touched(reuse.changed) if reuse is not None else (set(), set())
    has_blank_nodes = False
    for triple in triples:
        subject, predicate, object_ = triple.subject, triple.predicate, triple.object
        predicate_iri = predicate.value
        if predicate_iri == IDENTIFIER:
            identifiers.append(triple)
        if type(subject) is NamedNode:
            subject_iri = subject.value
            subject_unit = _unit_of(subject_iri)
        else:
            subject_iri, subject_unit = "", None
            has_blank_nodes = has_blank_nodes or type(subject) is BlankNode
        if type(object_) is NamedNode:
            object_iri = object_.value
            object_unit = _unit_of(object_iri)
        else:
            object_iri, object_unit = "", None
            has_blank_nodes = has_blank_nodes or type(object_) is BlankNode
        if subject_unit is None:
            reference[triple] = None
            if subject_iri and predicate_iri == RDF_TYPE.value:
                context[subject_iri].append(triple)
        else:
            units[subject_unit].append(triple)
            if predicate_iri in in_context:
                context[subject_iri].append(triple)
            if object_unit is None and object_iri:
                reference[Triple(LINK_PLACEHOLDER, predicate, object_)] = None
            if object_iri in retyped:  # its shard carries the linked resource's context
                stale.add(subject_unit)
        if object_unit is not None and object_unit != subject_unit:
            units[object_unit].append(triple)
    if len(units) <= shard_questions or has_blank_nodes:
        return [Shard(list(triples), None)]

    buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
    for key in sorted(units):
        buckets[_bucket(key, shard_questions)].append(key)
    taken_over = reuse.digests if reuse is not None else {}
    shards = []
    for (legislature, numbers), chosen in sorted(buckets.items()):
        name = f"questions {legislature} {numbers}"
        known = taken_over.get(name)
        if known is not None and stale.isdisjoint(chosen):
            shards.append(Shard([], None, None, name, known))
            continue
        own = {t: None for key in chosen for t in units[key]}
        shard = _shard_of(own, context, partial(_in_units, frozenset(chosen)))
        shards.append(replace(shard, name=name))
    kinds: dict[str, dict[Triple, None]] = defaultdict(dict)
    for triple in reference:
        owner = triple.object if triple.subject == LINK_PLACEHOLDER else triple.subject
        kinds[_kind(owner)][triple] = None
        linked = triple.object
        if (
            triple.subject != LINK_PLACEHOLDER
            and isinstance(linked, NamedNode)
            and _unit(linked) is None
            and _kind(linked) != _kind(owner)
        ):
            kinds[_kind(linked)][Triple(LINK_PLACEHOLDER, triple.predicate, linked)] = None
    for kind, own in sorted(kinds.items()):
        shard = _shard_of(own, context, partial(_of_kind, kind))
        shards.append(replace(shard, name=f"kind {kind}"))
    shards.append(Shard(identifiers, None, _with_used(IDENTIFIER_SHAPE), "identifiers"))
    return shards


_IN_CONTEXT = frozenset({SQ.legislature.value, RDF_TYPE.value})
"""The predicates of a resource's triples that the shards linking to it carry."""


def _touched(changed: Iterable[Triple]) -> tuple[set[str], set[str]]:
    """The units that ``changed`` triples touch (whose shards hold them), and the
    resources whose context they change (whose linking shards carry them)."""
    units: set[str] = set()
    retyped: set[str] = set()
    for triple in changed:
        for term in (triple.subject, triple.object):
            unit = _unit(term)
            if unit is not None:
                units.add(unit)
        subject = triple.subject
        if isinstance(subject, NamedNode) and triple.predicate.value in _IN_CONTEXT:
            retyped.add(subject.value)
    return units, retyped


def _shard_of(
    own: dict[Triple, None],
    context: dict[str, list[Triple]],
    is_focus: Callable[[str], bool],
) -> Shard:
    """A shard of ``own`` triples, the context its links need, and its own focus nodes."""
    links = [
        (
            subject.value if isinstance(subject := t.subject, NamedNode) else None,
            t.predicate.value,
            object_.value if isinstance(object_ := t.object, NamedNode) else None,
        )
        for t in own
    ]
    linked = {o for _, _, o in links if o is not None}
    subjects = {s for s, _, _ in links if s is not None}
    focus = frozenset(iri for iri in linked | subjects if is_focus(iri))
    shapes = _shapes_targeting(links, focus)
    for iri in sorted(linked):
        own.update(dict.fromkeys(context.get(iri, ())))
    return Shard(list(own), focus, shapes)


@dataclass(frozen=True)
class _Targets:
    shape: str
    classes: frozenset[str]
    subjects_of: frozenset[str]
    objects_of: frozenset[str]
    nodes: frozenset[str]
    uses: tuple[str, ...]
    """The named shapes this one validates through (``sh:property``, ``sh:node``…):
    pyshacl skips a named shape left out of ``use_shapes``, even one reached that way."""


_SHAPE_REFERENCES = (SH.property, SH.node, SH.qualifiedValueShape, SH["not"])
_SHAPE_LISTS = (SH["and"], SH["or"], SH.xone)


@cache
def _shape_targets() -> tuple[_Targets, ...]:
    """What each named shape declares as its targets (these do not depend on the base)."""
    shapes = engine_shapes()

    def values(shape: rdflib.term.Node, predicate: rdflib.URIRef) -> frozenset[str]:
        return frozenset(str(o) for o in shapes.objects(shape, predicate))

    return tuple(
        _Targets(
            str(shape),
            values(shape, SH.targetClass),
            values(shape, SH.targetSubjectsOf),
            values(shape, SH.targetObjectsOf),
            values(shape, SH.targetNode),
            _named_shapes_used(shapes, shape),
        )
        for shape in sorted(_named_shapes(shapes), key=str)
    )


def _named_shapes(shapes: rdflib.Graph) -> set[rdflib.URIRef]:
    """The node shapes and property shapes with an IRI: ``use_shapes`` names shapes by
    IRI, so only these can be chosen for a shard."""
    kinds = (SH.NodeShape, SH.PropertyShape)
    return {
        s
        for k in kinds
        for s in shapes.subjects(rdflib.RDF.type, k)
        if isinstance(s, rdflib.URIRef)
    }


def _named_shapes_used(shapes: rdflib.Graph, shape: rdflib.URIRef) -> tuple[str, ...]:
    """The property shapes lifted from ``shape``, and every named shape reachable from
    either through shape-expecting parameters."""
    lifted = set(shapes.subjects(PROV.wasDerivedFrom, shape))
    seen: set[rdflib.term.Node] = {shape, *lifted}
    waiting: list[rdflib.term.Node] = [shape, *lifted]
    while waiting:
        node = waiting.pop()
        reached = [o for p in _SHAPE_REFERENCES for o in shapes.objects(node, p)]
        reached += [
            item
            for p in _SHAPE_LISTS
            for head in shapes.objects(node, p)
            for item in rdflib.collection.Collection(shapes, head)
        ]
        for other in reached:
            if other not in seen:
                seen.add(other)
                waiting.append(other)
    return tuple(sorted(str(n) for n in seen - {shape} if isinstance(n, rdflib.URIRef)))


def _shapes_targeting(
    links: list[tuple[str | None, str, str | None]], focus: frozenset[str]
) -> list[str]:
    """The shapes that target at least one of ``focus`` in the shard's (subject IRI,
    predicate, object IRI) ``links`` (and the named shapes they use): the only ones
    whose results the shard keeps. Leaving out the others spares pyshacl validating the
    context (linked persons, ministries…) only to throw the results away."""
    types, as_subject, as_object = set(), set(), set()
    rdf_type = RDF_TYPE.value
    for subject, predicate, object_ in links:
        if subject in focus:
            as_subject.add(predicate)
            if predicate == rdf_type and object_ is not None:
                types.add(object_)
        if object_ in focus:
            as_object.add(predicate)
    chosen = [
        t
        for t in _shape_targets()
        if t.classes & types
        or t.subjects_of & as_subject
        or t.objects_of & as_object
        or t.nodes & focus
    ]
    return list(dict.fromkeys([t.shape for t in chosen] + [u for t in chosen for u in t.uses]))


def _with_used(shape: str) -> list[str]:
    """``shape`` and the named shapes it uses, as ``use_shapes`` must list them."""
    return [shape, *next(t.uses for t in _shape_targets() if t.shape == shape)]


def _in_units(units: frozenset[str], iri: str) -> bool:
    return _unit_of(iri) in units


def _of_kind(kind: str, iri: str) -> bool:
    return iri != LINK_PLACEHOLDER.value and _unit_of(iri) is None and _kind_of(iri) == kind


def _bucket(unit: str, size: int) -> tuple[str, int]:
    """A question's shard: its legislature, and its number's range of ``size``."""
    legislature, _, number = unit.rsplit("/", 1)[-1].partition("-")
    return legislature, int(number) // size


def _kind(node: object) -> str:
    return _kind_of(node.value) if isinstance(node, NamedNode) else ""


def _kind_of(iri: str) -> str:
    """A reference resource's kind: its IRI up to the last slash (``…/person``)."""
    return iri.rsplit("/", 1)[0]


def _unit(term: object) -> str | None:
    """The question a resource belongs to: its own IRI up to ``question/N-N``."""
    if not isinstance(term, NamedNode):
        return None
    return _unit_of(term.value)


@lru_cache(maxsize=1 << 18)
def _unit_of(iri: str) -> str | None:
    match = _QUESTION_PATH.search(iri)
    return iri[: match.end()] if match else None


def _validate_shard(
    work: tuple[list[Triple], frozenset[str] | None, list[str] | None, str],
) -> list[ValidationResult]:
    triples, focus, shapes, base = work
    if shapes is not None and not shapes:
        return []
    results = _run_pyshacl(triples, shapes, engine_shapes(base))
    return results if focus is None else [r for r in results if r.focus in focus]


def _run_pyshacl(
    triples: Sequence[Triple], shapes: list[str] | None, shapes_graph: rdflib.Graph
) -> list[ValidationResult]:
    """pyshacl, imported here: importing it takes 0.1 s, which a rebuild that
    validates one shard spends off its critical path, in the validation process."""
    from pyshacl import validate as pyshacl_validate

    _conforms, report, _text = pyshacl_validate(
        to_rdflib(triples),
        shacl_graph=shapes_graph,
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
    term = _recent_rdflib_term
    for triple in triples:
        graph.add((term(triple.subject), term(triple.predicate), term(triple.object)))
    return graph


_recent_rdflib_term = lru_cache(maxsize=16_384)(rdflib_term)
"""Shards repeat every predicate and class, and the persons, ministries and descriptors
their questions link to: over 90 % of the terms a shard converts were converted for an
earlier shard in the same process (1,000 questions). Reusing them (rdflib terms are
immutable) makes converting a shard 30 % faster; the bound keeps long texts from
piling up."""


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


def _turtle_regex_escape(base: str) -> str:
    return re.escape(base).replace("\\", "\\\\")
