"""Slugs and IRIs: validated parts only, under the user's base."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from converters.iris import InvalidBaseURIError, Minter, normalise_base_uri, slugify
from converters.records import QuestionNumber


@pytest.mark.parametrize(
    ("label", "slug"),
    [
        ("Martine Taelman", "martine-taelman"),
        ("Open Vld", "open-vld"),
        ("médias sociaux", "medias-sociaux"),
        ("relation administration-administré", "relation-administration-administre"),
        ("CD&V", "cd-v"),
        ("secrétaire d'État à la Mobilité", "secretaire-d-etat-a-la-mobilite"),
        ("  --Œuvre!! ", "oeuvre"),
        ("../../etc/passwd", "etc-passwd"),
        ("Εθνικό", ""),
    ],
)
def test_slugify(label: str, slug: str) -> None:
    assert slugify(label) == slug


@given(st.text())
def test_slugs_only_hold_safe_characters(label: str) -> None:
    slug = slugify(label)
    assert all(c in "abcdefghijklmnopqrstuvwxyz0123456789-" for c in slug)
    assert not slug.startswith("-") and not slug.endswith("-") and "--" not in slug


def test_base_gets_a_trailing_slash() -> None:
    assert (
        normalise_base_uri("https://data.example.org/senate") == "https://data.example.org/senate/"
    )


@pytest.mark.parametrize(
    "base",
    [
        "ftp://x/",
        "relative/path/",
        "http://x/ space/",
        "http://x/?q=1",
        "http://x/<a>/",
        "http:///",
    ],
)
def test_bad_base_is_refused(base: str) -> None:
    with pytest.raises(InvalidBaseURIError):
        normalise_base_uri(base)


def test_minted_iris() -> None:
    minter = Minter("http://localhost:8000/")
    assert minter.question(QuestionNumber(5, 8904)).value == "http://localhost:8000/question/5-8904"
    assert (
        minter.answer(QuestionNumber(5, 8904)).value
        == "http://localhost:8000/question/5-8904/answer"
    )
    assert minter.legislature(5).value == "http://localhost:8000/legislature/5"
    assert minter.relative_path("http://localhost:8000/person/x") == "person/x"
    assert minter.relative_path("http://elsewhere/person/x") is None


def test_minter_refuses_non_slug_keys() -> None:
    with pytest.raises(ValueError, match="not a slug"):
        Minter().person("../x")
    with pytest.raises(ValueError, match="not a slug"):
        Minter().person("")
