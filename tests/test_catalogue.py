"""The query catalogue: headers, typed parameters, and binding that cannot inject."""

from __future__ import annotations

from datetime import date

import pyoxigraph
import pytest

from converters.query.catalogue import (
    CatalogueQuery,
    QueryError,
    bind_values,
    find_query,
    load_catalogue,
)

REQUIRED = {
    "questions-by-author",
    "questions-by-ministry",
    "answer-delay-by-ministry",
    "unanswered-questions",
    "joint-questions",
    "top-descriptors",
    "questions-by-descriptor",
    "party-activity",
    "questions-by-status",
}

QUERY = """# title: Example
# description: An example.
# param: author (iri, unbound)
# param: since (date, 2013-01-01)
# param: text (string, x)
SELECT ?q WHERE { ?q <http://purl.org/dc/terms/creator> ?author }
"""


def test_the_catalogue_has_every_required_query_with_a_header() -> None:
    catalogue = load_catalogue()
    assert set(catalogue) >= REQUIRED
    for query in catalogue.values():
        assert query.title and query.title != query.name
        assert query.description


def test_every_catalogue_query_parses_with_its_defaults() -> None:
    store = pyoxigraph.Store()
    for query in load_catalogue().values():
        store.query(query.bound({}))


def test_header_is_read() -> None:
    query = CatalogueQuery.from_text("example", QUERY)
    assert query.title == "Example"
    assert [(p.name, p.type, p.default) for p in query.parameters] == [
        ("author", "iri", "unbound"),
        ("since", "date", "2013-01-01"),
        ("text", "string", "x"),
    ]


def test_unbound_parameter_adds_nothing_for_itself() -> None:
    query = CatalogueQuery.from_text("example", QUERY)
    text = query.bound({})
    assert "VALUES (?since ?text)" in text
    assert "?author)" not in text.split("VALUES")[1].split("}")[0]


def test_values_block_goes_inside_the_outermost_group() -> None:
    query = CatalogueQuery.from_text("example", QUERY)
    text = query.bound({"author": "http://localhost:8000/person/x"})
    expected = "WHERE {\n  VALUES (?author ?since ?text) { (<http://localhost:8000/person/x> "
    assert expected + '"2013-01-01"^^' in text


def test_typed_values() -> None:
    query = CatalogueQuery.from_text("example", QUERY)
    text = query.bound({"since": "2014-02-03", "text": "Médias"})
    assert '"2014-02-03"^^<http://www.w3.org/2001/XMLSchema#date>' in text
    assert '"Médias"' in text


def test_today_default_for_dates() -> None:
    query = CatalogueQuery.from_text("q", "# param: asOf (date, today)\nSELECT * { ?s ?p ?o }")
    assert '"2026-11-28"' in query.bound({}, today=date(2026, 11, 28))


@pytest.mark.parametrize(
    "value", ['x" } ?s ?p ?o . FILTER("', "a\\", "}>", "\n}\nSELECT", "'''\"\"\""]
)
def test_a_string_value_cannot_change_the_query(value: str) -> None:
    query = CatalogueQuery.from_text("example", QUERY)
    text = query.bound({"text": value})
    store = pyoxigraph.Store()
    solutions = store.query(text.replace("SELECT ?q", "SELECT ?q ?text"))
    assert isinstance(solutions, pyoxigraph.QuerySolutions)
    assert [s["text"] for s in solutions] == []
    parsed = store.query(f"SELECT ?v WHERE {{ VALUES ?v {{ {pyoxigraph.Literal(value)} }} }}")
    assert [s["v"].value for s in parsed] == [value]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "value",
    ["http://x/a> . ?s ?p ?o . <http://x/b", "http://x/}", "not an iri", 'http://x/"', "person/x"],
)
def test_an_iri_value_that_is_not_an_iri_is_refused(value: str) -> None:
    query = CatalogueQuery.from_text("example", QUERY)
    with pytest.raises(QueryError, match="parameter author"):
        query.bound({"author": value})


@pytest.mark.parametrize(("name", "value"), [("since", "2013-13-01"), ("since", "yesterday")])
def test_bad_typed_values_are_refused(name: str, value: str) -> None:
    with pytest.raises(QueryError, match=f"parameter {name}"):
        CatalogueQuery.from_text("example", QUERY).bound({name: value})


def test_unknown_parameter_is_refused() -> None:
    with pytest.raises(QueryError, match="unknown parameter 'who'"):
        CatalogueQuery.from_text("example", QUERY).bound({"who": "x"})


def test_braces_in_comments_iris_and_strings_are_skipped() -> None:
    text = '# a { in a comment\nPREFIX x: <http://x/#>\nSELECT * WHERE { ?s ?p "{#" }'
    bound = bind_values(text, {"p": pyoxigraph.NamedNode("http://x/p")})
    assert bound.index("VALUES") == bound.index("WHERE {") + len("WHERE {\n  ")
    pyoxigraph.Store().query(bound)


def test_find_query_by_name_or_file(tmp_path: object) -> None:
    assert find_query("joint-questions").name == "joint-questions"
    with pytest.raises(QueryError, match="no query named 'nope'"):
        find_query("nope")
