"""SHACL validation: valid data conforms, each broken constraint is reported precisely,
and sharded validation reports exactly what whole-graph validation reports."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from converters.convert.corpus import convert_corpus, sort_triples
from converters.iris import Minter
from converters.records import QuestionRecord
from converters.synth.synthetic import synthetic_corpus
from converters.validate.rdflib_bridge import rdflib_triple
from converters.validate.report import ValidationReport, ValidationResult, with_sources
from converters.validate.shacl import (
    _run_pyshacl,
    _shard_digest,
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

from .conftest import MADE_UP, SEED, SEED_CRLF_BOM, parse_file

B = "http://localhost:8000/"
SQ = "https://w3id.org/senate-ld/def#"
DCT = "http://purl.org/dc/terms/"
ORG = "http://www.w3.org/ns/org#"
EUROVOC = "http://eurovoc.europa.eu/"
SH = "http://www.w3.org/ns/shacl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
FOAF_NAME = "http://xmlns.com/foaf/0.1/name"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
Q = B + "question/5-8904"
A = Q + "/answer"
STUB = B + "question/5-8900"

Graph = list[Triple]


@pytest.fixture(scope="module")
def sample() -> Graph:
    records = [parse_file(SEED), *(parse_file(p) for p in sorted(MADE_UP.glob("*.txt")))]
    return convert_corpus(records, Minter(B)).triples


def edit(
    graph: Graph,
    remove: Callable[[Triple], bool] = lambda t: False,
    add: tuple[Triple, ...] = (),
) -> Graph:
    return sort_triples([t for t in graph if not remove(t)] + list(add))


def triple(subject: str, predicate: str, value: NamedNode | Literal) -> Triple:
    return Triple(NamedNode(subject), NamedNode(predicate), value)


def matches(t: Triple, subject: str, predicate: str, language: str | None = None) -> bool:
    return (
        t.subject == NamedNode(subject)
        and t.predicate == NamedNode(predicate)
        and (language is None or (isinstance(t.object, Literal) and t.object.language == language))
    )


def only(report: ValidationReport, **wanted: str) -> ValidationResult:
    found = [r for r in report.results if all(getattr(r, k) == v for k, v in wanted.items())]
    assert len(found) == 1, (wanted, report.results)
    return found[0]


def test_sample_conforms_without_warnings(sample: Graph) -> None:
    assert validate_whole(sample).results == ()


@pytest.mark.parametrize("path", [SEED, SEED_CRLF_BOM, *sorted(MADE_UP.glob("*.txt"))])
def test_each_valid_fixture_conforms(path: Path) -> None:
    triples = convert_corpus([parse_file(path)], Minter(B)).triples
    assert validate_whole(triples).results == ()


def test_another_base_conforms_under_that_base() -> None:
    base = "https://data.example.org/senate/"
    triples = convert_corpus([parse_file(SEED)], Minter(base)).triples
    assert validate_whole(triples, base).results == ()
    assert validate_whole(triples, B).violations > 0


SKOS_LABEL = "http://www.w3.org/2004/02/skos/core#prefLabel"


def linked_from_question(graph: Graph, link: str | None) -> str:
    """The sample question itself, or the first resource it links to through ``link``."""
    if link is None:
        return Q
    return next(
        t.object.value for t in graph if matches(t, Q, link) and isinstance(t.object, NamedNode)
    )


@pytest.mark.parametrize(
    ("link", "path", "missing", "message"),
    [
        (None, DCT + "title", "nl", "The question's title is not in both French and Dutch."),
        (None, DCT + "title", "fr", "The question's title is not in both French and Dutch."),
        (None, SQ + "questionText", "nl", "The question's text is not in both French and Dutch."),
        (
            SQ + "hasAnswer",
            SQ + "answerText",
            "fr",
            "The answer's text is not in both French and Dutch.",
        ),
        (
            SQ + "addressedTo",
            SKOS_LABEL,
            "nl",
            "The ministry's label is not in both French and Dutch.",
        ),
        (
            DCT + "subject",
            SKOS_LABEL,
            "nl",
            "The descriptor's label is not in both French and Dutch.",
        ),
    ],
)
def test_a_text_or_label_in_one_language_only_is_a_warning(
    sample: Graph, link: str | None, path: str, missing: str, message: str
) -> None:
    subject = linked_from_question(sample, link)
    report = validate_whole(edit(sample, lambda t: matches(t, subject, path, missing)))
    result = only(report, focus=subject, path=path)
    assert (result.severity, result.message) == ("Warning", message)
    assert result.component == SH + "MinCountConstraintComponent"
    assert not report.has_violations


def test_two_titles_in_one_language_are_a_violation_not_a_bilingual_title(
    sample: Graph,
) -> None:
    french = next(t.object for t in sample if matches(t, Q, DCT + "title", "fr"))
    assert isinstance(french, Literal)
    report = validate_whole(
        edit(
            sample,
            lambda t: matches(t, Q, DCT + "title", "nl"),
            (triple(Q, DCT + "title", Literal(french.value + " (bis)", language="fr")),),
        )
    )
    results = [r for r in report.results if r.focus == Q and r.path == DCT + "title"]
    assert {r.severity for r in results} == {"Violation"}
    assert results[0].component == SH + "UniqueLangConstraintComponent"


def test_missing_title_altogether_is_a_violation(sample: Graph) -> None:
    report = validate_whole(edit(sample, lambda t: matches(t, Q, DCT + "title")))
    result = only(report, focus=Q, path=DCT + "title", severity="Violation")
    assert result.component == SH + "MinCountConstraintComponent"


def test_date_typed_as_string(sample: Graph) -> None:
    broken = edit(
        sample,
        lambda t: matches(t, Q, DCT + "dateSubmitted"),
        (Triple(NamedNode(Q), NamedNode(DCT + "dateSubmitted"), Literal("2013-04-30")),),
    )
    result = only(validate_whole(broken), focus=Q, path=DCT + "dateSubmitted")
    assert result.severity == "Violation"
    assert result.component == SH + "DatatypeConstraintComponent"


def test_answer_dated_before_the_question(sample: Graph) -> None:
    early = Literal("2013-04-01", datatype=NamedNode(XSD + "date"))
    broken = edit(
        sample,
        lambda t: matches(t, A, DCT + "date"),
        (Triple(NamedNode(A), NamedNode(DCT + "date"), early),),
    )
    result = only(validate_whole(broken), focus=A)
    assert result.severity == "Violation"
    assert result.path == f"^<{SQ}hasAnswer>/<{DCT}dateSubmitted>"
    assert result.message == "The answer is dated before its question was sent."


def test_one_way_sibling_link(sample: Graph) -> None:
    broken = edit(sample, lambda t: matches(t, STUB, SQ + "alsoAskedAs"))
    report = validate_whole(broken)
    result = only(report, focus=Q, path=f"^<{SQ}alsoAskedAs>")
    assert (result.severity, result.value) == ("Violation", STUB)
    assert "symmetric" in result.message


def test_sibling_in_another_legislature(sample: Graph) -> None:
    broken = edit(
        sample,
        lambda t: matches(t, STUB, SQ + "legislature"),
        (
            Triple(NamedNode(STUB), NamedNode(SQ + "legislature"), NamedNode(B + "legislature/4")),
            triple(B + "legislature/4", RDF_TYPE, NamedNode(SQ + "Legislature")),
        ),
    )
    result = only(validate_whole(broken), focus=Q, path=f"<{SQ}alsoAskedAs>/<{SQ}legislature>")
    assert result.severity == "Violation"


def test_duplicate_identifier(sample: Graph) -> None:
    broken = edit(
        sample,
        lambda t: matches(t, STUB, DCT + "identifier"),
        (Triple(NamedNode(STUB), NamedNode(DCT + "identifier"), Literal("5-8904")),),
    )
    report = validate_whole(broken)
    result = only(report, focus="5-8904", path=f"^<{DCT}identifier>")
    assert result.severity == "Violation"
    assert "more than one" in result.message


def test_unknown_language_iri(sample: Graph) -> None:
    english = NamedNode("http://publications.europa.eu/resource/authority/language/ENG")
    broken = edit(
        sample,
        lambda t: matches(t, Q, SQ + "originalLanguage"),
        (Triple(NamedNode(Q), NamedNode(SQ + "originalLanguage"), english),),
    )
    result = only(validate_whole(broken), focus=Q, path=SQ + "originalLanguage")
    assert (result.severity, result.component) == ("Violation", SH + "InConstraintComponent")


def test_html_in_a_literal_is_a_warning(sample: Graph) -> None:
    broken = edit(
        sample,
        lambda t: matches(t, Q, DCT + "title", "fr"),
        (triple(Q, DCT + "title", Literal("Un <script>titre</script>", language="fr")),),
    )
    report = validate_whole(broken)
    result = only(report, focus=Q, path=DCT + "title")
    assert result.severity == "Warning"
    assert "HTML" in result.message
    assert not report.has_violations


def test_plain_comparison_signs_are_not_markup(sample: Graph) -> None:
    broken = edit(
        sample,
        lambda t: matches(t, Q, DCT + "title", "fr"),
        (triple(Q, DCT + "title", Literal("Taux < 5 % et > 2 %", language="fr")),),
    )
    assert validate_whole(broken).results == ()


def test_link_to_an_untyped_resource(sample: Graph) -> None:
    nobody = B + "person/nobody"
    broken = edit(
        sample,
        lambda t: matches(t, Q, DCT + "creator"),
        (Triple(NamedNode(Q), NamedNode(DCT + "creator"), NamedNode(nobody)),),
    )
    report = validate_whole(broken)
    result = only(report, focus=Q, path=DCT + "creator")
    assert (result.severity, result.value) == ("Violation", nobody)
    assert result.component == SH + "ClassConstraintComponent"
    assert only(report, focus=nobody, path="http://xmlns.com/foaf/0.1/name").severity == "Violation"


def test_iri_outside_the_base(sample: Graph) -> None:
    elsewhere = "http://elsewhere.example/question/5-1"
    broken = edit(
        sample,
        add=(
            Triple(NamedNode(elsewhere), NamedNode(RDF_TYPE), NamedNode(SQ + "WrittenQuestion")),
            Triple(NamedNode(elsewhere), NamedNode(DCT + "identifier"), Literal("5-1")),
        ),
    )
    report = validate_whole(broken)
    result = only(report, focus=elsewhere, component=SH + "PatternConstraintComponent")
    assert result.severity == "Violation"


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


def test_a_shard_is_taken_over_only_with_its_results() -> None:
    graph = _defective_corpus()
    first, known, planned = validate_incrementally(graph, jobs=1, shard_questions=6)
    assert first.violations > 5
    reuse = ShardReuse(planned, set())

    kept, _, _ = validate_incrementally(graph, jobs=1, known=known, shard_questions=6, reuse=reuse)
    lost, _, _ = validate_incrementally(graph, jobs=1, known={}, shard_questions=6, reuse=reuse)

    assert kept == first
    assert lost == first


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
