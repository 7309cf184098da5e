"""A dump of a patched graph, made from the previous graph's dump in the same format.

Serializing the three dumps is one of a build's larger costs, and a rebuild after one
edit changes the triples of a handful of subjects. A dump of a sorted graph is a
*frame* around one *block* per subject, in subject order
(:class:`~converters.publish.dumps.Syntax`): in N-Triples the subject's lines, in
Turtle its ``subject p o ; p o .`` statement after the ``@prefix`` lines, in JSON-LD
its node object in the ``@graph`` array, separated by commas. So the new dump is the
old one with each changed subject's block replaced, removed or inserted: a few
serializations of one subject each, and copies of byte ranges.

A block is found by searching the old dump for the block the subject had, serialized
again from the previous graph, with what ends the block before it: that text occurs
once, at the subject's place (a subject's text starts a line or a node object only
there). Tests compare the result with serializing the whole graph.
"""

from __future__ import annotations

import mmap
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence

from pyoxigraph import Triple

from ..publish.dumps import Syntax

Piece = tuple[int, int] | bytes
"""A range of the previous dump's bytes, or new bytes."""
Dump = bytes | mmap.mmap


def patch_dump(
    dump: Dump,
    previous: Sequence[Triple],
    triples: Sequence[Triple],
    subjects: Iterable[str],
    syntax: Syntax,
) -> list[Piece] | None:
    """The dump of ``triples`` as pieces of ``dump``, the dump of ``previous`` in
    ``syntax``, and new bytes. ``previous`` and ``triples`` are
    sorted by :func:`~converters.convert.corpus.sort_triples` and differ only in the triples
    of ``subjects`` (in N-Triples form, ``<iri>``).

    None when the dump cannot be made so: a graph is empty, the first subject of
    either changed (it has no block before it to anchor it), or a block is not in
    ``dump`` (it is not the dump of ``previous``); the caller then serializes.
    """
    if not previous or not triples:
        return None
    if dump[: len(syntax.head)] != syntax.head:
        return None
    keys = sorted({subject + " " for subject in subjects})
    firsts = {_key(previous[0]), _key(triples[0])}
    if firsts.intersection(keys):
        return None

    def block(group: Sequence[Triple]) -> bytes:
        return syntax.separator + syntax.block(group)

    locator = _Locator(dump, syntax, previous, block)
    pieces: list[Piece] = []
    cursor = 0
    for key in keys:
        old_start, old_end = _group(previous, key)
        new_start, new_end = _group(triples, key)
        if old_start < old_end:
            span = locator.find(old_start, old_end, cursor)
        elif new_start == new_end:  # in neither graph
            continue
        elif old_start == 0:  # a new first subject: the first of the new graph too
            return None
        else:  # a new subject: after the one before it in the previous graph
            before = _group(previous, _key(previous[old_start - 1]))
            span = locator.find(*before, cursor)
            span = (span[1], span[1]) if span is not None else None
        if span is None:
            return None
        pieces.append((cursor, span[0]))
        if new_start < new_end:
            pieces.append(block(triples[new_start:new_end]))
        cursor = span[1]
    pieces.append((cursor, len(dump)))
    return [piece for piece in pieces if not isinstance(piece, tuple) or piece[0] < piece[1]]


class _Locator:
    """Where the blocks of the previous graph's subjects are in its dump."""

    def __init__(
        self,
        dump: Dump,
        syntax: Syntax,
        previous: Sequence[Triple],
        block: Callable[[Sequence[Triple]], bytes],
    ) -> None:
        self.dump = dump
        self.syntax = syntax
        self.previous = previous
        self.block = block
        self.found: dict[int, tuple[int, int]] = {}

    def find(self, start: int, end: int, cursor: int) -> tuple[int, int] | None:
        """The byte range of the block of ``previous[start:end]`` (one subject's
        triples) with the separator before it (the first has none), at or after
        ``cursor`` unless found before."""
        if start in self.found:
            return self.found[start]
        text = self.block(self.previous[start:end])
        if start == 0:  # after the head, with no separator
            at, text = len(self.syntax.head), text[len(self.syntax.separator) :]
            if self.dump[at : at + len(text)] != text:
                return None
        else:
            anchor = self.syntax.block_end
            at = self.dump.find(anchor + text, max(cursor - len(anchor), 0))
            if at < 0:
                return None
            at += len(anchor)
        span = (at, at + len(text))
        self.found[start] = span
        return span


def _key(triple: Triple) -> str:
    """What every N-Triples line of the triple's subject starts with."""
    return f"{triple.subject} "


def _group(triples: Sequence[Triple], key: str) -> tuple[int, int]:
    """The range of the triples whose N-Triples line starts with ``key`` (``<s> ``)."""
    start = bisect_left(triples, key, key=str)
    return start, bisect_left(triples, key[:-1] + "!", lo=start, key=str)
