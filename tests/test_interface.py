"""The interface strings: every one in English, French and Dutch, every one used exists."""

from __future__ import annotations

import re
from pathlib import Path

from converters.interface import LANGUAGES, keys, translate

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
