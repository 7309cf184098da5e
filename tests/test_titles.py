"""Splitting the print page's title line, measured on real pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from converters.parse import ParseError, read_document
from converters.parse.language import NO_VOCABULARY
from converters.parse.lines import split_lines
from converters.parse.titles import split_title
from converters.records import Bilingual

from .conftest import REAL


def title(line: str) -> Bilingual:
    return split_title(split_lines(line), NO_VOCABULARY, "x")


def test_the_cut_lies_where_the_words_change_language() -> None:
    assert title("Fête du sacrifice - Abattage rituel Offerfeest - Ritueel slachten") == Bilingual(
        "Fête du sacrifice - Abattage rituel", "Offerfeest - Ritueel slachten"
    )


def test_words_with_no_evidence_between_the_halves_go_by_the_segments_lengths() -> None:
    split = title(
        "Société nationale des chemins de fer belges (SNCB) - Retards - Nombres "
        "Nationale Maatschappij der Belgische Spoorwegen (NMBS) - Vertragingen - Aantallen"
    )
    assert split.nl.startswith("Nationale Maatschappij")


def test_a_title_with_no_evidence_at_all_is_refused() -> None:
    with pytest.raises(ParseError, match="French and Dutch halves"):
        title("Xyz Qrs Tuv")


def pairs() -> list[tuple[Path, Path]]:
    """Each real print page beside the unilingual page of its question, if there is one."""
    found = []
    for printed in sorted(REAL.glob("*-print-*.txt")):
        number = "-".join(printed.name.split("-")[:2])
        found += [(printed, page) for page in sorted(REAL.glob(f"{number}-uni-*.txt"))]
    return found


def test_the_print_pages_titles_equal_their_unilingual_pages_titles_on_real_pages() -> None:
    """Measured: 10 of the 11 real print pages that have a readable unilingual page
    split as that page prints its title (6-1112 gives ``Pays-Bas`` to the Dutch half)."""
    compared = right = 0
    for printed, page in pairs():
        try:
            single = read_document(page.read_bytes(), page.name).record
            print_title = read_document(printed.read_bytes(), printed.name).record.title
        except ParseError:  # 4-4627-uni-fr begins at its title, 5-8916-print-nl ends in its links
            continue
        language = page.stem.rsplit("-", 1)[1]
        compared += 1
        right += getattr(print_title, language) == getattr(single.title, language)
    assert compared == 11
    assert right >= 10
