"""Parse: the Senate's pages as text → immutable records (:mod:`converters.records`).

Pure functions, no I/O: :func:`parse_document` is all the rest of the pipeline uses.
"""

from .chronology import (
    EVENT_LABELS,
    FRENCH_MONTHS,
    numeric_date,
    parse_written_date,
)
from .document import Reading, parse_document, read_document
from .errors import ParseError, shorten
from .lines import MAX_DOCUMENT_BYTES, decode_document

__all__ = [
    "EVENT_LABELS",
    "FRENCH_MONTHS",
    "MAX_DOCUMENT_BYTES",
    "ParseError",
    "Reading",
    "decode_document",
    "numeric_date",
    "parse_document",
    "parse_written_date",
    "read_document",
    "shorten",
]
