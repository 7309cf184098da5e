"""The SPARQL query catalogue: ``queries/*.rq`` files with a metadata header.

A header is made of comment lines at the top of the file::

    # title: Questions by author
    # description: Every question with its author…
    # param: author (iri, unbound)

A parameter has a type (``iri``, ``string``, ``date``, ``integer``, ``decimal``) and a
default (``unbound`` leaves the variable free; ``today`` is the current date). Values
are turned into RDF terms by pyoxigraph, which rejects what is not a valid IRI and
escapes every literal, and bound with a ``VALUES`` block at the start of the query's
outermost group, never pasted into the text where it could change the query.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from importlib.resources import files
from pathlib import Path

from pyoxigraph import Literal, NamedNode

from ..vocabulary import XSD

UNBOUND = "unbound"
TODAY = "today"
PARAMETER_TYPES = ("iri", "string", "date", "integer", "decimal")

_HEADER = re.compile(r"#\s*(title|description|param):\s*(.*)")
_PARAMETER = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\s*\(\s*(\w+)\s*,\s*(.*?)\s*\)")
Term = NamedNode | Literal


class QueryError(ValueError):
    """A query or a parameter that cannot be run as asked."""


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    default: str

    def term(self, value: str, today: date | None = None) -> Term | None:
        """The RDF term for ``value`` (or the default when ``value`` is None)."""
        if value == UNBOUND:
            return None
        if value == TODAY and self.type == "date":
            value = (today or date.today()).isoformat()
        try:
            return _TERM_MAKERS[self.type](value)
        except (ValueError, InvalidOperation) as error:
            raise QueryError(
                f"parameter {self.name}: {value!r} is not a valid {self.type} ({error})"
            ) from None


def _iri(value: str) -> NamedNode:
    if not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", value):
        raise ValueError("an absolute IRI is expected, such as http://localhost:8000/person/x")
    return NamedNode(value)


def _date(value: str) -> Literal:
    return Literal(date.fromisoformat(value).isoformat(), datatype=XSD.date)


def _integer(value: str) -> Literal:
    return Literal(str(int(value)), datatype=XSD.integer)


def _decimal(value: str) -> Literal:
    return Literal(str(Decimal(value)), datatype=XSD.decimal)


_TERM_MAKERS: dict[str, Callable[[str], Term]] = {
    "iri": _iri,
    "string": Literal,
    "date": _date,
    "integer": _integer,
    "decimal": _decimal,
}


@dataclass(frozen=True)
class CatalogueQuery:
    name: str
    title: str
    description: str
    text: str
    parameters: tuple[Parameter, ...] = field(default=())

    @classmethod
    def from_text(cls, name: str, text: str) -> CatalogueQuery:
        fields: dict[str, str] = {}
        parameters: list[Parameter] = []
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            match = _HEADER.match(line)
            if match is None:
                continue
            key, value = match.groups()
            if key == "param":
                parameters.append(_parameter(name, value))
            else:
                fields[key] = value.strip()
        return cls(
            name=name,
            title=fields.get("title", name),
            description=fields.get("description", ""),
            text=text,
            parameters=tuple(parameters),
        )

    def bound(self, values: Mapping[str, str], today: date | None = None) -> str:
        """The query text with its parameters bound by a ``VALUES`` block."""
        known = {p.name: p for p in self.parameters}
        unknown = sorted(set(values) - set(known))
        if unknown:
            accepted = ", ".join(known) or "none"
            raise QueryError(
                f"unknown parameter {unknown[0]!r} for {self.name} (accepted: {accepted})"
            )
        bindings: dict[str, Term] = {}
        for parameter in self.parameters:
            term = parameter.term(values.get(parameter.name, parameter.default), today)
            if term is not None:
                bindings[parameter.name] = term
        return bind_values(self.text, bindings)


def _parameter(query: str, text: str) -> Parameter:
    match = _PARAMETER.fullmatch(text.strip())
    if match is None or match.group(2) not in PARAMETER_TYPES:
        raise QueryError(
            f"{query}: header '# param: {text}' is not 'NAME (TYPE, DEFAULT)' "
            f"with TYPE one of {', '.join(PARAMETER_TYPES)}"
        )
    return Parameter(*match.groups())


def bind_values(query: str, bindings: Mapping[str, Term]) -> str:
    """Insert ``VALUES (?a ?b) { (term term) }`` at the start of the outermost group."""
    if not bindings:
        return query
    brace = _first_group_brace(query)
    variables = " ".join(f"?{name}" for name in bindings)
    terms = " ".join(str(term) for term in bindings.values())
    block = f"\n  VALUES ({variables}) {{ ({terms}) }}\n"
    return query[: brace + 1] + block + query[brace + 1 :]


def _first_group_brace(query: str) -> int:
    """The offset of the first ``{`` that is SPARQL syntax, not inside an IRI, a string
    or a comment: for SELECT, ASK and CONSTRUCT WHERE queries, the outermost group."""
    position = 0
    while position < len(query):
        char = query[position]
        if char == "#":
            end = query.find("\n", position)
            position = len(query) if end < 0 else end
        elif char == "<" and re.match(r"<[^<>\"{}|^`\\\s]*>", query[position:]):
            position = query.index(">", position)
        elif char in "\"'":
            position = _end_of_string(query, position)
        elif char == "{":
            if re.search(r"\bCONSTRUCT\s*$", query[:position], re.IGNORECASE):
                raise QueryError("parameters need a CONSTRUCT WHERE { … } query")
            return position
        position += 1
    raise QueryError("the query has no group pattern { … } to bind parameters in")


def _end_of_string(query: str, start: int) -> int:
    quote = query[start]
    if query.startswith(quote * 3, start):
        end = query.find(quote * 3, start + 3)
        return len(query) if end < 0 else end + 2
    position = start + 1
    while position < len(query) and query[position] != quote:
        position += 2 if query[position] == "\\" else 1
    return position


def catalogue_folder() -> Path:
    return Path(str(files("converters") / "resources" / "queries"))


def load_catalogue(folder: Path | None = None) -> dict[str, CatalogueQuery]:
    """Every ``.rq`` file of the catalogue, by name (the file name without ``.rq``)."""
    folder = folder or catalogue_folder()
    return {
        path.stem: CatalogueQuery.from_text(path.stem, path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.rq"))
    }


def find_query(name_or_path: str) -> CatalogueQuery:
    """A catalogue query by name, or any ``.rq`` file by path."""
    path = Path(name_or_path)
    if name_or_path.endswith(".rq") or path.is_file():
        try:
            return CatalogueQuery.from_text(path.stem, path.read_text(encoding="utf-8"))
        except OSError as error:
            raise QueryError(f"cannot read {path}: {error.strerror}") from None
    catalogue = load_catalogue()
    if name_or_path not in catalogue:
        names = ", ".join(catalogue)
        raise QueryError(f"no query named {name_or_path!r} in the catalogue ({names})")
    return catalogue[name_or_path]
