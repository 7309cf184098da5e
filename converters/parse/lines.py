"""Source bytes → numbered lines, whichever way the page was turned into text.

The Senate's pages reach us through two text extractions of the same HTML: line by
line (the seed's), and table by table, where a row's cells are joined by `` | `` and
rows end in runs of ``|`` (``Session 2009-2010 | Zitting 2009-2010 | ||||||||``).
Both become the same :class:`Line`: its cells joined by a space, as the first
extraction prints them, with the cells kept apart where the table said where one
language ends and the other begins (a title's French and Dutch halves).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import ParseError

MAX_DOCUMENT_BYTES = 2_000_000
"""Real documents are a few kilobytes; anything this large is not one of them."""

_ROW_END = re.compile(r"\s*\|[\s|]*$")
_CELL_SEPARATOR = re.compile(r"\s+\|\s+")
_TABLE_ROW = re.compile(r"\|\s*\|\||\s\|$|^\|$")
_MISREAD_DIAERESIS = re.compile(r"(?<=[a-zà-ÿ])Ž")
"""``BelgiŽ``, ``officiŽle``: the Senate's Dutch pages print ``Ž`` for ``ë``, an
encoding slip of their own; no French or Dutch word has ``Ž`` after a small letter."""


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a page: its number in the file, its text stripped, as read."""

    number: int
    text: str
    raw: str
    cells: tuple[str, ...] = ()
    """The table extraction's cells of this line, when it had more than one."""


def decode_document(data: bytes, source: str) -> str:
    """The text of a document: UTF-8 with or without a byte-order mark."""
    if len(data) > MAX_DOCUMENT_BYTES:
        raise ParseError(source, 1, f"a document under {MAX_DOCUMENT_BYTES} bytes")
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise ParseError(source, line, "UTF-8 text, found a NUL byte (binary or UTF-16?)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        found = data[error.start : error.start + 1].hex()
        raise ParseError(source, line, f"UTF-8 text, found byte 0x{found}") from None


def split_lines(text: str) -> list[Line]:
    """The page's lines, numbered from 1, in the line-by-line extraction's form."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "Ž" in text:
        text = _MISREAD_DIAERESIS.sub("ë", text)
    raw_lines = text.split("\n")
    if "|" in text and any(_TABLE_ROW.search(line) for line in raw_lines):
        return [_table_line(number, raw) for number, raw in enumerate(raw_lines, start=1)]
    return [Line(number, raw.strip(), raw) for number, raw in enumerate(raw_lines, start=1)]


def _table_line(number: int, raw: str) -> Line:
    row = _ROW_END.sub("", raw).strip()
    cells = tuple(cell for cell in _CELL_SEPARATOR.split(row) if cell) if row else ()
    return Line(number, " ".join(cells), raw, cells if len(cells) > 1 else ())
