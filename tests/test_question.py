"""Question and answer → triples, as DESIGN.md section 3 states them."""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode, Triple

from converters.convert.question import question_triples, stub_question_triples
from converters.iris import Minter
from converters.parse import read_document
from converters.records import QuestionNumber, QuestionRecord

from .conftest import REAL

B = "http://localhost:8000/"
SQ = "https://w3id.org/senate-ld/def#"
DCT = "http://purl.org/dc/terms/"
XSD_DATE = NamedNode("http://www.w3.org/2001/XMLSchema#date")
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
Q = NamedNode(B + "question/5-8904")
A = NamedNode(B + "question/5-8904/answer")


def t(s: NamedNode, p: str, o: NamedNode | Literal) -> Triple:
    return Triple(s, NamedNode(p), o)


def objects(triples: set[Triple], subject: NamedNode, predicate: str) -> set[object]:
    return {
        x.object for x in triples if x.subject == subject and x.predicate == NamedNode(predicate)
    }


def test_question_core_facts(seed: QuestionRecord) -> None:
    triples = set(question_triples(seed, Minter(B)))
    assert t(Q, str(RDF_TYPE.value), NamedNode(SQ + "WrittenQuestion")) in triples
    assert t(Q, DCT + "identifier", Literal("5-8904")) in triples
    assert t(Q, SQ + "legislature", NamedNode(B + "legislature/5")) in triples
    assert t(Q, SQ + "session", NamedNode(B + "session/2012-2013")) in triples
    assert t(Q, DCT + "creator", NamedNode(B + "person/martine-taelman")) in triples
    assert t(Q, SQ + "authorParty", NamedNode(B + "party/open-vld")) in triples
    assert (
        t(
            Q,
            SQ + "addressedTo",
            NamedNode(B + "ministry/vice-premier-ministre-et-ministre-des-pensions"),
        )
        in triples
    )
    assert t(Q, DCT + "dateSubmitted", Literal("2013-04-30", datatype=XSD_DATE)) in triples
    assert (
        t(
            Q,
            SQ + "originalLanguage",
            NamedNode("http://publications.europa.eu/resource/authority/language/NLD"),
        )
        in triples
    )
    assert (
        t(
            Q,
            DCT + "source",
            NamedNode(
                "https://www.senate.be/www/?MIval=/Vragen/SchriftelijkeVraag&LEG=5&NR=8904&LANG=fr"
            ),
        )
        in triples
    )


def test_titles_and_texts_are_language_tagged(seed: QuestionRecord) -> None:
    triples = set(question_triples(seed, Minter(B)))
    titles = objects(triples, Q, DCT + "title")
    assert {(x.language, x.value[:20]) for x in titles if isinstance(x, Literal)} == {
        ("fr", "Services publics féd"),
        ("nl", "Federale overheidsdi"),
    }
    texts = objects(triples, Q, SQ + "questionText")
    assert {x.language for x in texts if isinstance(x, Literal)} == {"fr", "nl"}


def test_five_descriptors(seed: QuestionRecord) -> None:
    triples = set(question_triples(seed, Minter(B)))
    assert NamedNode(B + "descriptor/medias-sociaux") in objects(triples, Q, DCT + "subject")
    assert len(objects(triples, Q, DCT + "subject")) == 5


def test_siblings_are_linked_both_ways(seed: QuestionRecord) -> None:
    triples = set(question_triples(seed, Minter(B)))
    siblings = objects(triples, Q, SQ + "alsoAskedAs")
    assert len(siblings) == 18
    assert Q not in siblings
    for sibling in siblings:
        assert isinstance(sibling, NamedNode)
        assert t(sibling, SQ + "alsoAskedAs", Q) in triples


def test_answer(seed: QuestionRecord) -> None:
    triples = set(question_triples(seed, Minter(B)))
    assert t(Q, SQ + "hasAnswer", A) in triples
    assert t(A, str(RDF_TYPE.value), NamedNode(SQ + "Answer")) in triples
    assert t(A, DCT + "date", Literal("2013-05-08", datatype=XSD_DATE)) in triples
    assert {
        x.language for x in objects(triples, A, SQ + "answerText") if isinstance(x, Literal)
    } == {"fr", "nl"}


def test_unanswered_question_has_no_answer(made_up: dict[str, QuestionRecord]) -> None:
    record = made_up["5-1202"]
    triples = set(question_triples(record, Minter(B)))
    assert not objects(triples, NamedNode(B + "question/5-1202"), SQ + "hasAnswer")
    assert not any(x.subject == NamedNode(B + "question/5-1202/answer") for x in triples)


def test_question_without_party_has_no_author_party(made_up: dict[str, QuestionRecord]) -> None:
    triples = set(question_triples(made_up["5-1303"], Minter(B)))
    assert not objects(triples, NamedNode(B + "question/5-1303"), SQ + "authorParty")


def test_stub_has_type_identifier_legislature_and_source() -> None:
    triples = set(stub_question_triples(QuestionNumber(5, 8900), Minter(B)))
    stub = NamedNode(B + "question/5-8900")
    assert {x.predicate.value for x in triples} == {
        RDF_TYPE.value,
        DCT + "identifier",
        SQ + "legislature",
        DCT + "source",
    }
    assert all(x.subject == stub for x in triples)


def test_iris_follow_the_base(seed: QuestionRecord) -> None:
    triples = set(question_triples(seed, Minter("https://data.example.org/senate")))
    assert any(
        x.subject == NamedNode("https://data.example.org/senate/question/5-8904") for x in triples
    )


def test_the_status_deadline_and_closing_day_of_a_closed_question() -> None:
    record = real_record("4-2169-print-fr.txt")
    triples = set(question_triples(record, Minter(B)))
    question = NamedNode(B + "question/4-2169")
    assert objects(triples, question, SQ + "status") == {NamedNode(SQ + "ClosedWithoutAnswer")}
    assert objects(triples, question, SQ + "answerDeadline") == {
        Literal("2009-01-19", datatype=XSD_DATE)
    }
    assert objects(triples, question, SQ + "dateClosed") == {
        Literal("2009-01-05", datatype=XSD_DATE)
    }
    assert not objects(triples, question, SQ + "hasAnswer")


def test_an_answered_question_has_no_closing_day(seed: QuestionRecord) -> None:
    triples = set(question_triples(seed, Minter(B)))
    assert objects(triples, Q, SQ + "status") == {NamedNode(SQ + "Answered")}
    assert not objects(triples, Q, SQ + "dateClosed")


def test_a_reintroduction_is_stated_both_ways() -> None:
    record = real_record("4-2169-print-fr.txt")
    triples = set(question_triples(record, Minter(B)))
    earlier, later = NamedNode(B + "question/4-2169"), NamedNode(B + "question/4-2379")
    assert t(earlier, SQ + "reintroducedAs", later) in triples
    assert t(later, SQ + "reintroduces", earlier) in triples


def test_a_page_that_does_not_say_its_original_language_states_none() -> None:
    triples = set(question_triples(real_record("4-2970-print-nl.txt"), Minter(B)))
    assert not [x for x in triples if x.predicate == NamedNode(SQ + "originalLanguage")]


def real_record(name: str) -> QuestionRecord:
    return read_document((REAL / name).read_bytes(), name).record
