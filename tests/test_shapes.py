"""The SHACL shapes: valid data conforms, and each broken constraint is reported
precisely, with its focus, path and severity."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Triple

from converters.convert.corpus import convert_corpus
from converters.iris import Minter
from converters.validate.shacl import (
    validate_whole,
)

from .conftest import MADE_UP, SEED, SEED_CRLF_BOM, parse_file
from .validation_support import (
    DCT,
    RDF_TYPE,
    SH,
    SQ,
    STUB,
    XSD,
    A,
    B,
    Graph,
    Q,
    edit,
    matches,
    only,
    triple,
)


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
