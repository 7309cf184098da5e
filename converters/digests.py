"""Digests of content and of what a page read: how a build tells that an input is the
same as before without keeping the input itself.

Pages record the graph they read as dependency keys (see
:class:`converters.site.graph_view.GraphView`); each key has a digest of what it read,
and a file's inputs are the combination of its keys' digests.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection, Sequence
from functools import reduce
from operator import xor

from pyoxigraph import Triple

EVERYTHING = "*"
"""The dependency of a page that reads the whole graph: such a page is always redone."""


def digest(data: bytes | str) -> str:
    """A short content digest (BLAKE2b, 128 bits)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def key_digest(key: str, text: str) -> int:
    """The digest of a dependency ``key`` that reads ``text``, as a number that mixes
    in the key (see :func:`combined_digest`)."""
    return int(digest(key + "\0" + text), 16)


def content_hash(triples: Sequence[Triple]) -> int:
    """A 64-bit hash of ``triples`` in order, the same in every process.

    pyoxigraph hashes its terms in Rust with a fixed-key hasher, not with Python's
    per-process string hash, so ``hash()`` of a tuple of them is stable from one build
    to the next (tested; a pyoxigraph version is part of the cache's fingerprint), and
    much faster than digesting the triples' N-Triples text (bench/RESULTS.md)."""
    return hash(tuple(triples))


def combined_digest(keys: Collection[str], digest_of: Callable[[str], int]) -> str | None:
    """One digest of the named inputs; None when one of them is the whole graph.

    ``digest_of`` gives each key's digest as a 128-bit number that already mixes in
    the key, so the digests of a set combine by exclusive-or, in any order: pages read
    hundreds of keys each, and sorting them would cost more than rendering the page.
    """
    if EVERYTHING in keys:
        return None
    return f"{len(keys)}:{reduce(xor, map(digest_of, keys), 0):032x}"
