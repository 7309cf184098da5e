"""The graph cut into shards that validate apart: each question with what its shapes
reach, so that shards run in parallel and a patched graph revalidates only the
shards its changes touch (:class:`ShardReuse`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, partial

import rdflib
import rdflib.collection
from pyoxigraph import BlankNode, NamedNode, Triple
from rdflib.namespace import PROV, SH

from ..vocabulary import DCTERMS, RDF_TYPE, SQ
from .shapes import engine_shapes
from .units import unit, unit_of

SHARD_QUESTIONS = 100
"""Questions per shard at most (numbers in a range of 100): 50 to 500 validate a corpus
in the same time (bench/RESULTS.md), and a small shard is quick to redo."""


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
    gathered = _gather(triples, reuse)
    if len(gathered.units) <= shard_questions or gathered.has_blank_nodes:
        return [Shard(list(triples), None)]
    return [
        *_question_shards(gathered, shard_questions, reuse),
        *_reference_shards(gathered),
        Shard(gathered.identifiers, None, _with_used(IDENTIFIER_SHAPE), "identifiers"),
    ]


@dataclass
class _Gathered:
    """The graph's triples, sorted into what each kind of shard holds."""

    units: dict[str, list[Triple]] = field(default_factory=lambda: defaultdict(list))
    """Every triple that touches a unit (a question and what is below its IRI)."""
    context: dict[str, list[Triple]] = field(default_factory=lambda: defaultdict(list))
    """The triples about a resource that shapes read from other shards."""
    reference: dict[Triple, None] = field(default_factory=dict)
    """Triples of reference resources, and placeholder links to them."""
    identifiers: list[Triple] = field(default_factory=list)
    stale: set[str] = field(default_factory=set)
    """Units a patch may have changed."""
    has_blank_nodes: bool = False


def _gather(triples: Sequence[Triple], reuse: ShardReuse | None) -> _Gathered:
    gathered = _Gathered()
    units, context, reference = gathered.units, gathered.context, gathered.reference
    in_context = _IN_CONTEXT
    stale, retyped = _touched(reuse.changed) if reuse is not None else (set(), set())
    has_blank_nodes = False
    for triple in triples:
        subject, predicate, object_ = triple.subject, triple.predicate, triple.object
        predicate_iri = predicate.value
        if predicate_iri == IDENTIFIER:
            gathered.identifiers.append(triple)
        if type(subject) is NamedNode:
            subject_iri = subject.value
            subject_unit = unit_of(subject_iri)
        else:
            subject_iri, subject_unit = "", None
            has_blank_nodes = has_blank_nodes or type(subject) is BlankNode
        if type(object_) is NamedNode:
            object_iri = object_.value
            object_unit = unit_of(object_iri)
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
    gathered.stale, gathered.has_blank_nodes = stale, has_blank_nodes
    return gathered


def _question_shards(
    gathered: _Gathered, shard_questions: int, reuse: ShardReuse | None
) -> Iterator[Shard]:
    """A shard per legislature and range of question numbers; one that the patch
    cannot have changed is taken over by its name and digest."""
    buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
    for key in sorted(gathered.units):
        buckets[_bucket(key, shard_questions)].append(key)
    taken_over = reuse.digests if reuse is not None else {}
    for (legislature, numbers), chosen in sorted(buckets.items()):
        name = f"questions {legislature} {numbers}"
        known = taken_over.get(name)
        if known is not None and gathered.stale.isdisjoint(chosen):
            yield Shard([], None, None, name, known)
            continue
        own = {t: None for key in chosen for t in gathered.units[key]}
        shard = _shard_of(own, gathered.context, partial(_in_units, frozenset(chosen)))
        yield replace(shard, name=name)


def _reference_shards(gathered: _Gathered) -> Iterator[Shard]:
    """A shard per kind of reference resource (persons, ministries…), with a
    placeholder link for each link to a resource of another kind."""
    kinds: dict[str, dict[Triple, None]] = defaultdict(dict)
    for triple in gathered.reference:
        owner = triple.object if triple.subject == LINK_PLACEHOLDER else triple.subject
        kinds[_kind(owner)][triple] = None
        linked = triple.object
        if (
            triple.subject != LINK_PLACEHOLDER
            and isinstance(linked, NamedNode)
            and unit(linked) is None
            and _kind(linked) != _kind(owner)
        ):
            kinds[_kind(linked)][Triple(LINK_PLACEHOLDER, triple.predicate, linked)] = None
    for kind, own in sorted(kinds.items()):
        shard = _shard_of(own, gathered.context, partial(_of_kind, kind))
        yield replace(shard, name=f"kind {kind}")


_IN_CONTEXT = frozenset({SQ.legislature.value, RDF_TYPE.value})
"""The predicates of a resource's triples that the shards linking to it carry."""


def _touched(changed: Iterable[Triple]) -> tuple[set[str], set[str]]:
    """The units that ``changed`` triples touch (whose shards hold them), and the
    resources whose context they change (whose linking shards carry them)."""
    units: set[str] = set()
    retyped: set[str] = set()
    for triple in changed:
        for term in (triple.subject, triple.object):
            found = unit(term)
            if found is not None:
                units.add(found)
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
    return unit_of(iri) in units


def _of_kind(kind: str, iri: str) -> bool:
    return iri != LINK_PLACEHOLDER.value and unit_of(iri) is None and _kind_of(iri) == kind


def _bucket(unit: str, size: int) -> tuple[str, int]:
    """A question's shard: its legislature, and its number's range of ``size``."""
    legislature, _, number = unit.rsplit("/", 1)[-1].partition("-")
    return legislature, int(number) // size


def _kind(node: object) -> str:
    return _kind_of(node.value) if isinstance(node, NamedNode) else ""


def _kind_of(iri: str) -> str:
    """A reference resource's kind: its IRI up to the last slash (``…/person``)."""
    return iri.rsplit("/", 1)[0]
