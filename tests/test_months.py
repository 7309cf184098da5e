"""The names of the months in French and Dutch, as the Senate prints its dates."""

from __future__ import annotations

from datetime import date

from converters.months import DUTCH_MONTH_NAMES, FRENCH_MONTH_NAMES


def test_twelve_months_in_each_language_in_calendar_order() -> None:
    assert len(FRENCH_MONTH_NAMES) == len(DUTCH_MONTH_NAMES) == 12
    assert FRENCH_MONTH_NAMES[0] == "janvier" and FRENCH_MONTH_NAMES[7] == "août"
    assert DUTCH_MONTH_NAMES[2] == "maart" and DUTCH_MONTH_NAMES[11] == "december"


def test_names_are_lower_case_and_distinct() -> None:
    for names in (FRENCH_MONTH_NAMES, DUTCH_MONTH_NAMES):
        assert all(name == name.lower() for name in names)
        assert len(set(names)) == 12


def test_a_date_as_the_senate_prints_it_reads_back() -> None:
    printed = f"30 {FRENCH_MONTH_NAMES[3]} 2013"
    day, month, year = printed.split()
    assert date(int(year), FRENCH_MONTH_NAMES.index(month) + 1, int(day)) == date(2013, 4, 30)
