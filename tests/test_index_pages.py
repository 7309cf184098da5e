"""The indexes: questions by legislature and session, senators, parties and ministries
with their counts, and the descriptors from A to Z in the reader's language."""

from __future__ import annotations

import re
from pathlib import Path

from .site_support import parse_page, read_page


def entries(page: str) -> list[tuple[str, str, str]]:
    """Each entry of an index page: its label, the language it is marked in, its count."""
    pattern = r'<li><a href="[^"]*"(?: lang="(\w+)")?>([^<]*)</a>.*?<span class="count">(\d+)'
    return [(label, language, count) for language, label, count in re.findall(pattern, page)]


def test_the_questions_index_counts_each_legislature_and_its_sessions(site: Path) -> None:
    page = read_page(site, "questions/index.html")
    headings = re.findall(
        r'<h2 id="(legislature-\d)"><a href="([^"]+)">[^<]*</a> '
        r'<span class="count">(\d+)',
        page,
    )
    assert headings == [
        ("legislature-3", "../legislature/3/", "1"),
        ("legislature-4", "../legislature/4/", "2"),
        ("legislature-5", "../legislature/5/", "5"),
        ("legislature-6", "../legislature/6/", "1"),
    ]
    five = page.split('id="legislature-5"')[1].split("</section>")[0]
    assert entries(five) == [("Session 2012-2013", "", "4"), ("Session 2013-2014", "", "1")]
    assert ">5de zittingsperiode<" in read_page(site, "questions/index.nl.html")


def test_the_senators_are_listed_by_name_with_the_number_of_their_questions(site: Path) -> None:
    listed = entries(read_page(site, "persons/index.html"))
    names = [name for name, _, _ in listed]
    assert names == sorted(names)
    assert ("Martine Taelman", "", "1") in listed
    assert ("Jeanne Exemple", "", "2") in listed


def test_a_ministry_is_listed_in_the_readers_language_when_it_has_that_name(site: Path) -> None:
    page = read_page(site, "ministries/index.nl.html")
    listed = entries(page)
    assert ("minister van Justitie", "nl", "1") in listed
    assert ("ministre des Affaires sociales et de la Santé publique", "fr", "1") in listed
    assert "Mediane antwoordtermijn: 8 dagen" in page  # how fast it answers


def test_descriptors_go_from_a_to_z_in_the_readers_language_with_the_other_name(
    site: Path,
) -> None:
    french = read_page(site, "descriptors/index.fr.html")
    dutch = read_page(site, "descriptors/index.nl.html")
    detenu = '<a href="../descriptor/detenu/index.fr.html" lang="fr">détenu</a> · '
    assert detenu + '<span lang="nl">gedetineerde</span>' in french
    assert french.index('id="letter-d"') < french.index(detenu) < french.index('id="letter-e"')
    gedetineerde = '<a href="../descriptor/detenu/index.nl.html" lang="nl">gedetineerde</a> · '
    assert gedetineerde + '<span lang="fr">détenu</span>' in dutch
    assert dutch.index('id="letter-g"') < dutch.index(gedetineerde) < dutch.index('id="letter-h"')
    letters = re.findall(r'<a href="#letter-(\w)">', dutch)
    assert (
        letters == sorted(letters)
        and {"letter-" + x for x in letters}
        <= parse_page(site / "descriptors" / "index.nl.html").ids
    )


def test_a_descriptor_named_in_one_language_only_is_marked_in_that_language_once(
    site: Path,
) -> None:
    """The EuroVoc excerpt names some descriptors in French only: the Dutch index shows
    the French name as French, not as Dutch, and not twice."""
    dutch = read_page(site, "descriptors/index.nl.html")
    line = next(li for li in dutch.split("<li>") if "administration-fiscale" in li)
    assert 'lang="fr">administration fiscale</a>' in line
    assert line.count("administration fiscale") == 1
