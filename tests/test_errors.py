"""How an error quotes the source text it is about: one line, short."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from converters.errors import BuildError, shorten


def test_short_text_is_quoted_as_it_is() -> None:
    assert shorten("Question écrite n° 5-8904") == "Question écrite n° 5-8904"


def test_long_text_is_cut_with_an_ellipsis_at_the_limit() -> None:
    quoted = shorten("a" * 100, limit=20)
    assert quoted == "a" * 19 + "…" and len(quoted) == 20


@given(st.text(), st.integers(2, 120))
def test_a_quote_is_one_line_within_the_limit(text: str, limit: int) -> None:
    quoted = shorten(text, limit)
    assert len(quoted) <= limit
    assert "\n" not in quoted and "\r" not in quoted
    assert quoted == quoted.strip()


def test_a_build_error_is_an_exception_the_cli_can_catch() -> None:
    assert issubclass(BuildError, Exception)
    assert str(BuildError("cannot write the output: disk full")) == (
        "cannot write the output: disk full"
    )
