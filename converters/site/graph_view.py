"""A read-only view of the dataset graph, indexed for the pages that show it.

Pages are rendered from the RDF graph, not from the parser's records, so that a page
shows exactly what the data says. This view answers the questions templates ask:
what a resource says (outgoing), what points at it (incoming), its label in a language.

Inside :meth:`GraphView.tracking` the view notes what is read, as dependency keys:
``s IRI`` for what a resource says, ``i IRI PREDICATE`` for who links to it, and
:data:`~converters.incremental.cache.EVERYTHING` for questions about the whole graph, and
keys declared with :meth:`GraphView.define` for values derived from many facts.
:meth:`GraphView.dependency_digest` gives each key a digest of what it read, so an
incremental build can tell whether a page would come out the same.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from pyoxigraph import Literal, NamedNode, Triple

from ..digests import EVERYTHING, content_hash, key_digest
from ..vocabulary import DCTERMS, FOAF, RDF_TYPE, RDFS, SKOS

Term = NamedNode | Literal
Result = TypeVar("Result")
_LABELS = (SKOS.prefLabel.value, FOAF.name.value, DCTERMS.title.value, RDFS.label.value)


@dataclass(frozen=True)
class DerivedReads:
    """The keys a derived value read (see :meth:`GraphView.define`): those of
    subjects, and the others (incoming links; anything else makes it unknowable)."""

    subjects: frozenset[str]
    others: tuple[str, ...]

    @classmethod
    def of(cls, keys: Iterable[str]) -> DerivedReads:
        # interned: the build's report then pickles a key once where a page rendered in
        # the same build read it too (pages kept from an earlier build hold copies)
        subjects, others = set(), []
        for key in map(sys.intern, keys):
            if key.startswith("s "):
                subjects.add(key)
            else:
                others.append(key)
        return cls(frozenset(subjects), tuple(sorted(others)))

    def unchanged(self, stale: frozenset[str], linked: Collection[str]) -> bool:
        """Whether none of these keys is a ``stale`` subject's or links to ``linked``."""
        if not self.subjects.isdisjoint(stale):
            return False
        for key in self.others:
            kind, _, rest = key.partition(" ")
            if kind != "i" or rest.partition(" ")[0] in linked:
                return False
        return True


@dataclass(frozen=True)
class Statement:
    predicate: str
    value: Term


class GraphView:
    """The graph as pages read it. Its indexes are private: every reading method
    notes the dependency key it read (inside :meth:`tracking`), so a page cannot read
    the graph without its rebuild knowing (``tests/test_graph_view.py`` renders each
    page again after changing what it did not note, and checks it is the same)."""

    def __init__(self, triples: Iterable[Triple], base: str) -> None:
        self.base = base
        self._outgoing: dict[str, dict[str, list[Term]]] = {}
        self._incoming: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        self._triples: dict[str, list[Triple]] = {}
        self._index(triples)
        self._reads: set[str] | None = None
        self._digests: dict[str, int] = {}
        self._definitions: dict[str, Callable[[str], object]] = {}
        self._derived: dict[str, Any] = {}
        self._derived_reads: dict[str, DerivedReads] = {}
        self._instances: dict[str, tuple[str, ...]] | None = None

    def _index(self, triples: Iterable[Triple]) -> None:
        """One pass over the graph, the hottest loop of a rebuild: a subject's triples
        are usually contiguous, so its entries are looked up once for all of them (told
        by comparing the terms, which makes no string)."""
        outgoing, incoming, described = self._outgoing, self._incoming, self._triples
        current: object = None
        properties: dict[str, list[Term]] = {}
        about: list[Triple] = []
        for triple in triples:
            subject = triple.subject
            if subject != current:
                if type(subject) is not NamedNode:
                    continue
                current = subject
                iri = subject.value
                properties = outgoing.setdefault(iri, {})
                about = described.setdefault(iri, [])
            about.append(triple)
            value = triple.object
            if type(value) is NamedNode:
                link = True
            elif type(value) is Literal:
                link = False
            else:
                continue
            predicate = triple.predicate.value
            values = properties.get(predicate)
            if values is None:
                properties[predicate] = [value]
            else:
                values.append(value)
            if link:
                incoming[value.value][predicate].append(iri)

    # -- dependencies ------------------------------------------------------------------

    @contextmanager
    def tracking(self) -> Iterator[set[str]]:
        """Collect the dependency keys read in the block (nested blocks add theirs to
        the enclosing one)."""
        outer = self._reads
        reads: set[str] = set()
        self._reads = reads
        try:
            yield reads
        finally:
            self._reads = outer
            if outer is not None:
                outer |= reads

    def define(self, kind: str, compute: Callable[[str], object]) -> None:
        """Declare the derived keys ``KIND ARGUMENT``, whose value is
        ``compute(ARGUMENT)`` (read untracked, like a sorted list of ten thousand
        questions: a page that uses it then depends on the list, not on every fact it
        was sorted by). A key is computed when first read or digested, so a rebuild
        can check it without planning the page that reads it."""
        self._definitions[kind] = compute

    def derived(self, key: str) -> Any:
        """The value of a derived key (see :meth:`define`), noted as read."""
        self.note([key])
        return self._derive(key)

    def _derive(self, key: str) -> Any:
        if key not in self._derived:
            kind, _, argument = key.partition(" ")
            reads: set[str] = set()
            outer, self._reads = self._reads, reads
            try:
                value = self._definitions[kind](argument)
            finally:
                self._reads = outer
            self._derived[key] = value
            self._digests[key] = key_digest(key, repr(value))
            self._derived_reads[key] = DerivedReads.of(reads)
        return self._derived[key]

    def derived_reads(self, keys: Iterable[str]) -> dict[str, DerivedReads]:
        """What computing each derived key among ``keys`` read (or, for a digest
        taken from the last build, what it read then), for the next build's
        :meth:`reuse_digests`."""
        noted = self._derived_reads
        return {key: noted[key] for key in keys if key in noted}

    def remembered(
        self,
        memo: dict[str, tuple[Result, frozenset[str]]],
        key: str,
        compute: Callable[[], Result],
    ) -> Result:
        """``compute()``, made once for ``key`` and kept in ``memo``, with what it read
        noted wherever it is used, as if it were made there."""
        found = memo.get(key)
        if found is None:
            with self.tracking() as reads:
                found = memo[key] = (compute(), frozenset(reads))
        else:
            self.note(found[1])
        return found[0]

    def note(self, keys: Iterable[str]) -> None:
        """Count ``keys`` as read, for results computed once and reused."""
        if self._reads is not None:
            self._reads.update(keys)

    def _read(self, iri: str) -> dict[str, list[Term]]:
        if self._reads is not None:
            self._reads.add("s " + iri)
        return self._outgoing.get(iri, {})

    def reuse_digests(
        self,
        digests: Mapping[str, int],
        changed: Collection[str],
        linked: Collection[str],
        derived_reads: Mapping[str, DerivedReads] | None = None,
    ) -> None:
        """Take the :meth:`dependency_digest` of each key in ``digests`` that cannot
        have changed: they were computed on a graph that differs from this one only in
        the triples of the ``changed`` subjects (IRIs), which link to ``linked``. A
        subject's key reads its triples, an incoming key the triples that link to its
        IRI, a derived key what ``derived_reads`` says computing it read (its digest is
        taken when all of that is unchanged). So a rebuild digests only the keys an
        edit can have changed."""
        own = self._digests
        stale = frozenset("s " + iri for iri in changed)
        for key, found in digests.items():
            kind, _, rest = key.partition(" ")
            if kind == "s":
                if key not in stale:
                    own.setdefault(key, found)
            elif kind == "i":
                if rest.partition(" ")[0] not in linked:
                    own.setdefault(key, found)
            elif kind in self._definitions and derived_reads is not None:
                noted = derived_reads.get(key)
                if noted is not None and noted.unchanged(stale, linked):
                    own.setdefault(key, found)
                    self._derived_reads.setdefault(key, noted)

    def differing(self, digests: Mapping[str, int]) -> set[str]:
        """The keys of ``digests`` whose digest in this graph is another. Those taken
        over by :meth:`reuse_digests` with the same digest are told apart as a set
        difference, without a call each."""
        unsure = digests.items() - self._digests.items()
        return {key for key, then in unsure if self.dependency_digest(key) != then}

    def dependency_digest(self, key: str) -> int:
        """A digest of the dependency ``key`` and of what it reads in this graph, as a
        number (see :func:`converters.incremental.cache.combined_digest`)."""
        found = self._digests.get(key)
        if found is None:
            kind, _, rest = key.partition(" ")
            if kind == "s":
                text = str(content_hash(self._triples.get(rest, ())))
            elif kind == "i":
                iri, _, predicate = rest.partition(" ")
                text = "\n".join(sorted(set(self._incoming.get(iri, {}).get(predicate, []))))
            elif kind in self._definitions:
                self._derive(key)
                return self._digests[key]
            else:
                text = "unknown"  # a key of an earlier version of this code
            found = key_digest(key, text)
            self._digests[key] = found
        return found

    # -- reading ---------------------------------------------------------------------

    def subjects(self) -> list[str]:
        self.note([EVERYTHING])
        return sorted(self._outgoing)

    def types(self, iri: str) -> set[str]:
        return {t.value for t in self._read(iri).get(RDF_TYPE.value, [])}

    def of_type(self, rdf_class: NamedNode) -> list[str]:
        self.note([EVERYTHING])
        if self._instances is None:
            self._instances = self._index_types()
        return list(self._instances.get(rdf_class.value, ()))

    def _index_types(self) -> dict[str, tuple[str, ...]]:
        """Each class's instances, sorted: one pass, where each listing and the home
        page's figures would scan every subject."""
        instances: dict[str, list[str]] = defaultdict(list)
        for iri, properties in self._outgoing.items():
            for rdf_class in {t.value for t in properties.get(RDF_TYPE.value, [])}:
                instances[rdf_class].append(iri)
        return {rdf_class: tuple(sorted(iris)) for rdf_class, iris in instances.items()}

    def values(self, iri: str, predicate: NamedNode) -> list[Term]:
        return list(self._read(iri).get(predicate.value, []))

    def iris(self, iri: str, predicate: NamedNode) -> list[str]:
        return sorted(v.value for v in self.values(iri, predicate) if isinstance(v, NamedNode))

    def value(self, iri: str, predicate: NamedNode) -> str | None:
        found = self.values(iri, predicate)
        return found[0].value if found else None

    def text(self, iri: str, predicate: NamedNode, language: str) -> str | None:
        """The literal of ``predicate`` in ``language``, if there is one."""
        for value in self.values(iri, predicate):
            if isinstance(value, Literal) and value.language == language:
                return value.value
        return None

    def pointing(self, iri: str, predicate: NamedNode) -> list[str]:
        """Subjects that link to ``iri`` with ``predicate``."""
        if self._reads is not None:
            self._reads.add(f"i {iri} {predicate.value}")
        return sorted(set(self._incoming.get(iri, {}).get(predicate.value, [])))

    def statements(self, iri: str) -> list[Statement]:
        return [
            Statement(predicate, value)
            for predicate, values in sorted(self._read(iri).items())
            for value in values
        ]

    def label(self, iri: str, language: str = "en") -> str:
        """A human label: in ``language``, else French, else Dutch, else any, else the IRI."""
        properties = self._read(iri)
        for predicate in _LABELS:
            literals = [v for v in properties.get(predicate, []) if isinstance(v, Literal)]
            if not literals:
                continue
            for wanted in (language, "fr", "nl", "en", ""):
                for literal in literals:
                    if (literal.language or "") == wanted:
                        return literal.value
            return literals[0].value
        identifier = self.value(iri, DCTERMS.identifier)
        return identifier or iri

    def path(self, iri: str) -> str | None:
        """The path of a resource minted under the base ("" for the base itself)."""
        return iri[len(self.base) :] if iri.startswith(self.base) else None

    def descriptions(self) -> Mapping[str, Sequence[Triple]]:
        """Each subject's triples, untracked: for the resource files, which are not
        pages (their inputs are each subject's own key)."""
        return self._triples

    def subject_iris(self) -> list[str]:
        """Every subject, untracked: for tests and tools, not pages."""
        return sorted(self._outgoing)

    def description(self, iri: str) -> Sequence[Triple]:
        self._read(iri)
        return self._triples.get(iri, [])
