"""The interface strings: every one in English, French and Dutch, every one used exists;
dates as each language writes them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from converters.site.interface import LANGUAGES, keys, long_date, translate

TEMPLATES = Path(__file__).parents[1] / "converters" / "templates"
SOURCES = Path(__file__).parents[1] / "converters"


def test_every_string_exists_in_three_languages() -> None:
    for key in keys():
        texts = [translate(key, language) for language in LANGUAGES]
        assert all(text.strip() for text in texts), key


def test_every_key_used_by_templates_and_code_is_defined() -> None:
    used: set[str] = set()
    for path in [*TEMPLATES.glob("*.html"), *SOURCES.glob("*.py")]:
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_]+)["']\s*\)""", text))
        used |= set(re.findall(r"""translate\(\s*["']([a-z_]+)["']""", text))
    assert used
    assert used <= set(keys()), used - set(keys())


@pytest.mark.parametrize(
    ("language", "shown"),
    [("en", "1 May 2013"), ("fr", "1er mai 2013"), ("nl", "1 mei 2013")],
)
def test_dates_are_written_as_the_reader_writes_them(language: str, shown: str) -> None:
    assert long_date("2013-05-01", language) == shown
    assert long_date("2013-04-30", "fr") == "30 avril 2013"


def test_a_value_that_is_no_date_is_shown_as_it_is() -> None:
    assert long_date("2013-02-30", "en") == "2013-02-30"
