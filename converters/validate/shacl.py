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

from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache

import rdflib
import rdflib.collection
from pyoxigraph import Triple

from ..digests import content_hash, digest
from ..workers import run_in_workers
from .rdflib_bridge import rdflib_term
from .report import ValidationReport, ValidationResult, read_report, with_sources
from .shapes import SHAPES_BASE, engine_shapes, load_shapes
from .shards import SHARD_QUESTIONS, Shard, ShardReuse, plan_shards


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
    return ValidationReport(with_sources(results, sources or {})), current, planned


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
        with_sources(_run_pyshacl(triples, None, load_shapes(base)), sources or {})
    )


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
    """pyshacl, imported here: importing it is slow, and a rebuild that validates
    one shard then pays for it off its critical path, in the validation process."""
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
their questions link to: most of the terms a shard converts were converted for an
earlier shard in the same process. Reusing them (rdflib terms are immutable) makes
converting a shard faster; the bound keeps long texts from piling up."""
