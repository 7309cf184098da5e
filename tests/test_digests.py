"""Digests: the same content the same digest in every process; a set of keys one
digest in any order; the whole graph, no digest at all."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from pyoxigraph import Literal, NamedNode, Triple

from converters.digests import EVERYTHING, combined_digest, content_hash, digest, key_digest

KEYS = st.lists(st.text(min_size=1, max_size=8), min_size=1, max_size=8, unique=True)


def test_a_digest_is_of_the_bytes_whether_given_as_text_or_bytes() -> None:
    assert digest("été") == digest("été".encode())
    assert len(digest(b"")) == 32
    assert digest("a") != digest("b")


def test_a_key_digest_mixes_in_the_key() -> None:
    assert key_digest("s a", "text") != key_digest("s b", "text")


@given(KEYS, st.randoms())
def test_combined_digests_do_not_depend_on_the_order_of_the_keys(
    keys: list[str], rng: object
) -> None:
    shuffled = list(keys)
    rng.shuffle(shuffled)  # type: ignore[attr-defined]
    digest_of = {key: key_digest(key, key) for key in keys}.__getitem__
    assert combined_digest(keys, digest_of) == combined_digest(shuffled, digest_of)


def test_a_page_that_read_the_whole_graph_has_no_digest() -> None:
    assert combined_digest(["s a", EVERYTHING], lambda key: 1) is None


def test_content_hash_follows_the_triples_and_their_order() -> None:
    a = Triple(NamedNode("http://x/a"), NamedNode("http://x/p"), Literal("1"))
    b = Triple(NamedNode("http://x/b"), NamedNode("http://x/p"), Literal("2"))
    assert content_hash([a, b]) == content_hash([a, b])
    assert content_hash([a, b]) != content_hash([b, a])


def test_a_combined_digest_ignores_order_and_refuses_the_whole_graph() -> None:
    digests = {"a": 1 << 100, "b": 12345, "c": 7}
    assert combined_digest(["a", "b"], digests.__getitem__) == combined_digest(
        ["b", "a"], digests.__getitem__
    )
    assert combined_digest(["a"], digests.__getitem__) != combined_digest(
        ["a", "c"], digests.__getitem__
    )
    assert combined_digest(["a", EVERYTHING], digests.__getitem__) is None
