"""The home page: the corpus in figures, which add up, and in charts whose figures
are also given as tables."""

from __future__ import annotations

import re
from pathlib import Path

from .site_support import read_page


def figures(page: str) -> dict[str, int]:
    return {
        name: int(value)
        for value, name in re.findall(r'<span class="figure">([\d.]+)</span> ([^<]+)</a>', page)
    }


def chart_rows(page: str, chart: str) -> list[tuple[str, str]]:
    """The rows of a chart's table of figures: label, value."""
    table = page.split(f'id="{chart}"')[1].split("</figure>")[0].split("<tbody>")[1]
    return re.findall(r"<tr><td>(?:<a [^>]*>)?([^<]*)(?:</a>)?</td><td>([^<]*)</td></tr>", table)


def test_the_home_page_counts_each_status(site: Path) -> None:
    home = (site / "index.html").read_text(encoding="utf-8")
    for count, name in ((5, "answered"), (1, "awaiting an answer"), (2, "closed without answer")):
        assert f'<span class="figure">{count}</span> {name}' in home, name


def test_the_statuses_add_up_to_the_questions(site: Path) -> None:
    shown = figures(read_page(site, "index.html"))
    statuses = ("answered", "awaiting an answer", "closed without answer", "lapsed")
    assert sum(shown[name] for name in statuses) == shown["Questions"] == 9


def test_questions_per_month_run_from_the_first_month_to_the_last_without_a_gap(
    site: Path,
) -> None:
    rows = chart_rows(read_page(site, "index.html"), "per-month")
    months = [month for month, _ in rows]
    assert months[0] == "2005-12" and months[-1] == "2016-03"
    assert len(months) == (2016 - 2005) * 12 + (3 - 12) + 1
    assert sum(float(value) for _, value in rows) == 9


def test_the_slowest_ministries_come_first_named_in_the_readers_language(site: Path) -> None:
    rows = chart_rows(read_page(site, "index.nl.html"), "delay-per-ministry")
    delays = [int(value) for _, value in rows]
    assert delays == sorted(delays, reverse=True) and delays[0] == 73
    assert ("minister van Justitie", "45") in rows


def test_the_most_used_descriptors_are_at_most_fifteen_most_used_first(site: Path) -> None:
    rows = chart_rows(read_page(site, "index.fr.html"), "top-descriptors")
    counts = [int(value) for _, value in rows]
    assert len(rows) == 15 and counts == sorted(counts, reverse=True)
    assert {label for label, count in rows if count == "2"} == {
        "détenu",
        "ministère",
        "système pénitentiaire",
    }
