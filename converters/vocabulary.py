"""The RDF terms senate-ld writes: standard vocabularies first, ``sq:`` where none fits."""

from __future__ import annotations

from pyoxigraph import NamedNode

SQ_NAMESPACE = "https://w3id.org/senate-ld/def#"

PREFIXES: dict[str, str] = {
    "sq": SQ_NAMESPACE,
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "void": "http://rdfs.org/ns/void#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "prov": "http://www.w3.org/ns/prov#",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
}


class _Namespace:
    def __init__(self, prefix: str) -> None:
        self._base = PREFIXES[prefix]

    def __getattr__(self, name: str) -> NamedNode:
        term = NamedNode(self._base + name)
        setattr(self, name, term)  # made once: later reads are plain attribute reads
        return term


SQ = _Namespace("sq")
DCTERMS = _Namespace("dcterms")
FOAF = _Namespace("foaf")
ORG = _Namespace("org")
SKOS = _Namespace("skos")
VOID = _Namespace("void")
DCAT = _Namespace("dcat")
RDF = _Namespace("rdf")
RDFS = _Namespace("rdfs")
XSD = _Namespace("xsd")
PROV = _Namespace("prov")
VCARD = _Namespace("vcard")

RDF_TYPE = RDF.type
LANGUAGE_AUTHORITY = "http://publications.europa.eu/resource/authority/language/"
SENATE_QUESTION_PAGE = "https://www.senate.be/www/?MIval=/Vragen/SchriftelijkeVraag&LEG={legislature}&NR={sequence}&LANG=fr"
