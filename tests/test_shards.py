"""Planning the validation shards: a shard per 100 question numbers or per kind of
resource, and only the shards an edit touched planned again."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyoxigraph import Literal, NamedNode, Triple

from converters.convert.corpus import convert_corpus, sort_triples
from converters.iris import Minter
from converters.synth.synthetic import synthetic_corpus
from converters.validate.shacl import (
    _shard_digest,
)
from converters.validate.shards import Shard, ShardReuse, plan_shards

from .validation_support import (
    DCT,
    RDF_TYPE,
    SQ,
    B,
    Graph,
    edit,
)


def _planned(graph: Graph, reuse: ShardReuse | None = None) -> dict[str, str]:
    """Each shard's digest by name, as the next plan would take it over."""
    return {s.name: s.digest or _shard_digest(s, B) for s in plan_shards(graph, 6, reuse)}


def _reuse(before: Graph, after: Graph) -> ShardReuse:
    return ShardReuse(_planned(before), set(before) ^ set(after))


@pytest.fixture(scope="module")
def corpus_graph() -> Graph:
    records = [replace(d.record, source=d.name) for d in synthetic_corpus(60, seed=8)]
    return convert_corpus(records, Minter(B)).triples


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_patched_graph_is_planned_as_if_from_scratch(
    corpus_graph: Graph, data: st.DataObject
) -> None:
    """Whatever triples are removed or added (links between questions, types and
    legislatures that other shards carry, new questions), the shards taken over from
    the last plan are those the graph would have again."""
    subjects = sorted({t.subject for t in corpus_graph}, key=str)
    predicates = sorted({t.predicate for t in corpus_graph}, key=str)
    objects = sorted({t.object for t in corpus_graph}, key=str)
    made_up = st.builds(
        Triple,
        st.sampled_from(subjects) | st.just(NamedNode(B + "question/9-1")),
        st.sampled_from(predicates),
        st.sampled_from(objects) | st.just(NamedNode(B + "question/9-1")),
    )
    doomed = data.draw(st.sets(st.integers(0, len(corpus_graph) - 1), max_size=6))
    added = data.draw(st.lists(made_up, max_size=4))
    after = sort_triples({t for i, t in enumerate(corpus_graph) if i not in doomed} | set(added))
    assert _planned(after, _reuse(corpus_graph, after)) == _planned(after)


def _question_shard(shards: list[Shard], question: str) -> str:
    return next(s.name for s in shards if question in (s.focus or ()))


def test_a_retitled_question_is_the_only_question_shard_planned_again(
    corpus_graph: Graph,
) -> None:
    title = next(
        t
        for t in corpus_graph
        if t.predicate == NamedNode(DCT + "title")
        and str(t.subject).endswith("0>")
        and "/question/" in str(t.subject)
    )
    retitled = Triple(title.subject, title.predicate, Literal("Autre", language="fr"))
    after = edit(corpus_graph, lambda t: t == title, (retitled,))
    shards = plan_shards(after, 6, _reuse(corpus_graph, after))
    questions = [s for s in shards if s.name.startswith("questions ")]
    assert len(questions) > 5
    gathered = [s.name for s in questions if s.digest is None]
    assert gathered == [_question_shard(shards, title.subject.value)]  # type: ignore[union-attr]


def test_the_shards_linking_to_a_retyped_question_are_planned_again(corpus_graph: Graph) -> None:
    """A shard carries the type and legislature of the questions its questions link to,
    so it is gathered again when they change, though none of its own triples did."""
    whole_plan = plan_shards(corpus_graph, 6)

    def shard_of(term: object) -> str:
        return _question_shard(whole_plan, term.value)  # type: ignore[attr-defined]

    link = next(
        t
        for t in corpus_graph
        if t.predicate == NamedNode(SQ + "alsoAskedAs")
        and shard_of(t.subject) != shard_of(t.object)
    )
    retyped = edit(
        corpus_graph, lambda t: t.subject == link.object and t.predicate == NamedNode(RDF_TYPE)
    )
    shards = plan_shards(retyped, 6, _reuse(corpus_graph, retyped))
    gathered = {s.name for s in shards if s.digest is None and s.name.startswith("questions ")}
    linking = {shard_of(t.subject) for t in corpus_graph if t.object == link.object}
    assert gathered == linking | {shard_of(link.object)}
    assert len(gathered) < len(set(_planned(retyped))) / 2
    assert _planned(retyped, _reuse(corpus_graph, retyped)) == _planned(retyped)
