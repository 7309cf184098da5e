"""What the validation tests share: the sample graph, small edits of it, and
finding one result in a report."""

from __future__ import annotations

from collections.abc import Callable

from pyoxigraph import Literal, NamedNode, Triple

from converters.convert.corpus import convert_corpus, sort_triples
from converters.iris import Minter
from converters.validate.report import ValidationReport, ValidationResult

from .conftest import MADE_UP, SEED, parse_file

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


def sample_graph() -> Graph:
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
