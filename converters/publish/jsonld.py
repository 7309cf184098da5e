"""JSON-LD compacted with senate-ld's published context (``context.jsonld``), so that
a web developer reads ``"title": {"fr": …, "nl": …}`` where expanded JSON-LD has
full IRIs as keys and an array of value objects for each.

The compaction is the one the context was written for, from triples, subject by
subject: each predicate the context names becomes its term and each value takes the
term's coercion (an IRI, a date, a language map); a value a term cannot hold (a
literal of another datatype under a language map) stays under the compact IRI of its
predicate, as an expanded value object. General JSON-LD compaction costs far more:
rdflib takes 2 ms a resource file, 70 times this, which is 40 s for the 20,000
resources of 10,000 questions; pyld takes 14 times this for a dump (bench/RESULTS.md).
Tests expand what this writes with pyld and compare the graphs.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import cache
from importlib.resources import files
from itertools import groupby
from typing import Any, BinaryIO

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

CONTEXT_FILE = "context.jsonld"
"""The context's name in the output folder, at the root of the site."""

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_ID = "@id"
_LANGUAGE_MAP = "@language"


def context_text() -> str:
    """The context document, as published."""
    return (files("converters") / "resources" / CONTEXT_FILE).read_text(encoding="utf-8")


@cache
def _definitions() -> Mapping[str, Any]:
    definitions: Mapping[str, Any] = json.loads(context_text())["@context"]
    return definitions


class Compactor:
    """Writes triples as JSON-LD compacted with the context published at ``context_url``."""

    name = "JSON-LD"

    def __init__(self, context_url: str) -> None:
        self.context_url = context_url
        definitions = _definitions()
        self._namespaces = sorted(
            (
                (iri, prefix)
                for prefix, iri in definitions.items()
                if isinstance(iri, str) and iri.endswith(("/", "#"))
            ),
            key=lambda pair: -len(pair[0]),
        )
        self._id_key = _alias(definitions, "@id")
        self._type_key = _alias(definitions, "@type")
        self._classes: dict[str, str] = {}
        self._terms: dict[str, tuple[str, str | None]] = {}
        for name, definition in definitions.items():
            if name.startswith("@") or name in (self._id_key, self._type_key):
                continue
            if isinstance(definition, str) and not definition.endswith(("/", "#")):
                self._classes[self._expand(definition)] = name  # a class, or a plain property
                self._terms[self._expand(definition)] = (name, None)
            elif isinstance(definition, dict):
                self._terms[self._expand(definition["@id"])] = (name, self._coercion(definition))

    def _coercion(self, definition: Mapping[str, str]) -> str | None:
        """What a term's values are: ``@id``, ``@language`` (a language map), a
        datatype's IRI, or None (strings, and value objects)."""
        if definition.get("@container") == _LANGUAGE_MAP:
            return _LANGUAGE_MAP
        coercion = definition.get("@type")
        return coercion if coercion in (None, _ID) else self._expand(coercion)

    @property
    def head(self) -> bytes:
        """What a dump starts with: its context, and the opening of its node array."""
        return b'{"@context":' + _json(self.context_url) + b',"@graph":['

    separator = b","
    tail = b"]}\n"
    block_end = b"}"

    def block(self, triples: Sequence[Triple]) -> bytes:
        """The node object of one subject's triples, as it sits in a dump's array."""
        return _json(self.node(triples))

    def document(self, triples: Sequence[Triple]) -> bytes:
        """A JSON-LD document of ``triples``: its one node object with the context in
        it, or the nodes under ``@graph``."""
        nodes = [self.node(list(group)) for _, group in groupby(triples, key=_subject)]
        if len(nodes) == 1:
            return _json({"@context": self.context_url, **nodes[0]}) + b"\n"
        return _json({"@context": self.context_url, "@graph": nodes}) + b"\n"

    def write(self, triples: Sequence[Triple], out: BinaryIO) -> None:
        """The dump of ``triples`` (sorted, so each subject's triples are together)."""
        out.write(self.head)
        for index, (_, group) in enumerate(groupby(triples, key=_subject)):
            if index:
                out.write(self.separator)
            out.write(self.block(list(group)))
        out.write(self.tail)

    def node(self, triples: Sequence[Triple]) -> dict[str, Any]:
        """The node object of one subject's triples."""
        node: dict[str, Any] = {self._id_key: _reference(triples[0].subject)}
        types: list[str] = []
        for triple in triples:
            value = triple.object
            predicate = triple.predicate.value
            if predicate == _RDF_TYPE and isinstance(value, NamedNode):
                types.append(self._classes.get(value.value) or self._compact(value.value))
                continue
            name, coercion = self._terms.get(predicate, (None, None))
            if coercion == _LANGUAGE_MAP and isinstance(value, Literal) and _in_map(value):
                languages = node.setdefault(name or predicate, {})
                _add(languages, value.language or "@none", value.value)
            elif name is not None and coercion != _LANGUAGE_MAP:
                _add(node, name, _value(value, coercion, self._compact))
            else:
                _add(node, self._compact(predicate), _value(value, None, self._compact))
        if types:
            node = {self._id_key: node.pop(self._id_key), self._type_key: _one(types), **node}
        return node

    def _compact(self, iri: str) -> str:
        """``prefix:local`` where a prefix of the context names the IRI's namespace."""
        for namespace, prefix in self._namespaces:
            if iri.startswith(namespace) and len(iri) > len(namespace):
                return f"{prefix}:{iri[len(namespace) :]}"
        return iri

    def _expand(self, name: str) -> str:
        prefix, _, local = name.partition(":")
        for namespace, known in self._namespaces:
            if known == prefix:
                return namespace + local
        return name


def _alias(definitions: Mapping[str, Any], keyword: str) -> str:
    return next((name for name, value in definitions.items() if value == keyword), keyword)


def _subject(triple: Triple) -> object:
    return triple.subject


def _reference(term: object) -> str:
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    assert isinstance(term, NamedNode)
    return term.value


def _in_map(value: Literal) -> bool:
    """Whether a language map holds the literal: a language-tagged string, or a plain
    one under ``@none``."""
    return bool(value.language) or value.datatype.value == _XSD_STRING


def _value(term: object, coercion: str | None, compact: Any) -> Any:
    """The compacted value of ``term`` under a term with ``coercion``."""
    if isinstance(term, (NamedNode, BlankNode)):
        return _reference(term) if coercion == _ID else {"@id": _reference(term)}
    assert isinstance(term, Literal)
    if term.language:
        return {"@value": term.value, "@language": term.language}
    datatype = term.datatype.value
    if datatype == coercion or (coercion is None and datatype == _XSD_STRING):
        return term.value
    if datatype == _XSD_STRING:
        return {"@value": term.value}
    return {"@value": term.value, "@type": compact(datatype)}


def _add(node: dict[str, Any], key: str, value: Any) -> None:
    if key not in node:
        node[key] = value
    elif isinstance(node[key], list):
        node[key].append(value)
    else:
        node[key] = [node[key], value]


def _one(values: list[str]) -> str | list[str]:
    return values[0] if len(values) == 1 else values


def _json(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def with_context_inlined(document: bytes, context: bytes | None = None) -> bytes:
    """``document`` with a reference to a senate-ld context (a URL ending in
    ``/context.jsonld``) replaced by ``context`` (a context document; by default the
    one this version publishes); any other document as it is."""
    try:
        data = json.loads(document)
    except ValueError:
        return document  # the parser says what is wrong with it
    if not isinstance(data, dict) or not _refers_to_context(data.get("@context")):
        return document
    inlined = json.loads(context if context is not None else context_text())["@context"]
    return _json({**data, "@context": inlined})


def _refers_to_context(reference: object) -> bool:
    return isinstance(reference, str) and reference.endswith("/" + CONTEXT_FILE)
