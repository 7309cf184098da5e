"""Both text extractions of a page give the same lines; the source's slips are mended."""

from __future__ import annotations

import pytest

from converters.parse import ParseError, decode_document
from converters.parse.lines import split_lines

from .conftest import REAL


def test_a_table_row_becomes_the_line_the_other_extraction_prints() -> None:
    lines = split_lines("Session 2009-2010 | Zitting 2009-2010 | ||||||||\n||||||||\n")
    assert lines[0].text == "Session 2009-2010 Zitting 2009-2010"
    assert lines[0].cells == ("Session 2009-2010", "Zitting 2009-2010")
    assert lines[1].text == ""


def test_a_row_of_one_cell_keeps_no_cells() -> None:
    lines = split_lines("de Christine Defraigne (MR) |\n|\n")
    assert (lines[0].text, lines[0].cells) == ("de Christine Defraigne (MR)", ())
    assert lines[1].text == ""


def test_the_line_extraction_is_left_as_it_is() -> None:
    lines = split_lines("Question écrite n° 5-8904 Schriftelijke vraag nr. 5-8904\r\n\u00a0\r\n")
    assert lines[0].text == "Question écrite n° 5-8904 Schriftelijke vraag nr. 5-8904"
    assert lines[1].text == "" and lines[1].raw == "\u00a0"
    assert [line.number for line in lines] == [1, 2, 3]


@pytest.mark.parametrize(
    ("printed", "meant"),
    [
        ("officiŽle statistiek", "officiële statistiek"),
        ("SyriŽstrijders in BelgiŽ", "Syriëstrijders in België"),
        ("Žižek", "Žižek"),
    ],
)
def test_the_senates_z_caron_for_e_diaeresis_is_mended_after_a_small_letter(
    printed: str, meant: str
) -> None:
    assert split_lines(printed)[0].text == meant


def test_a_real_table_page_reads_as_lines() -> None:
    lines = split_lines((REAL / "4-5376-print-nl.txt").read_text(encoding="utf-8"))
    texts = [line.text for line in lines if line.text]
    assert texts[:3] == [
        "SÉNAT DE BELGIQUE BELGISCHE SENAAT",
        "________ ________",
        "Session 2009-2010 Zitting 2009-2010",
    ]


def test_bytes_that_are_not_utf8_are_refused_with_their_line() -> None:
    with pytest.raises(ParseError, match="found byte 0xe9") as caught:
        decode_document(b"ok\nn\xe9\n", "latin.txt")
    assert caught.value.line == 2
