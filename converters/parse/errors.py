"""The one error a page that cannot be read gives."""

from __future__ import annotations

from ..errors import shorten

__all__ = ["ParseError", "shorten"]


class ParseError(Exception):
    """A document that is not a well-formed Senate written question.

    ``str(error)`` is the one line shown to the user: ``source:line: expected …``.
    """

    def __init__(self, source: str, line: int, expected: str) -> None:
        super().__init__(source, line, expected)
        self.source = source
        self.line = line
        self.expected = expected

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: expected {self.expected}"
