"""The indexes: questions by legislature and session, persons, parties, ministries,
and the descriptors from A to Z."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any

from pyoxigraph import NamedNode

from ..iris import slugify
from ..vocabulary import DCTERMS, SKOS, SQ
from .interface import translate
from .page import (
    Page,
    PageLinks,
    entry_key,
)

if TYPE_CHECKING:
    from .generator import SiteGenerator


def questions_index(site: SiteGenerator) -> Page:
    view = site.view
    by_legislature: dict[str, Counter[str]] = defaultdict(Counter)
    for question in site.described:
        for legislature, session in site.facts(question).sessions:
            by_legislature[legislature][session] += 1

    def context(language: str) -> dict[str, Any]:
        links = PageLinks("questions/", language, view)
        legislatures = []
        for legislature in sorted(by_legislature, key=lambda i: view.value(i, SKOS.notation) or i):
            sessions = by_legislature[legislature]
            legislatures.append(
                {
                    "anchor": "legislature-"
                    + slugify(view.value(legislature, SKOS.notation) or legislature),
                    "label": site.label(legislature, language)[0],
                    "href": links.resource(legislature),
                    "count": sum(sessions.values()),
                    "sessions": [
                        {
                            "label": site.label(s, language)[0],
                            "href": links.resource(s),
                            "count": n,
                        }
                        for s, n in sorted(sessions.items())
                    ],
                }
            )
        return {"legislatures": legislatures}

    return Page(
        "questions/",
        "questions_index.html",
        lambda lang: translate("questions", lang),
        context,
    )


def simple_index(site: SiteGenerator, path: str, key: str, rdf_class: NamedNode, link: str) -> Page:
    view = site.view
    predicate = {
        "dcterms:creator": DCTERMS.creator,
        "sq:authorParty": SQ.authorParty,
        "sq:addressedTo": SQ.addressedTo,
    }[link]
    resources = view.of_type(rdf_class)

    def context(language: str) -> dict[str, Any]:
        links = PageLinks(path, language, view)
        entries = []
        for iri in resources:
            label, label_language = site.label(iri, language)
            questions = view.pointing(iri, predicate)
            note = ""
            median = site.ministry_median(iri) if rdf_class == SQ.Ministry else None
            if median is not None:
                note = f"{translate('median_delay', language)}: {median:g} "
                note += translate("days", language)
            entries.append(
                {
                    "label": label,
                    "language": label_language,
                    "href": links.resource(iri),
                    "count": len(questions),
                    "note": note,
                    "other": None,
                    "other_language": "",
                }
            )
        entries.sort(key=entry_key)
        return {"heading": translate(key, language), "entries": entries, "letters": None}

    return Page(path, "index_list.html", lambda lang: translate(key, lang), context)


def descriptors_index(site: SiteGenerator, iri: str, path: str) -> Page:
    view = site.view
    concepts = view.pointing(iri, SKOS.inScheme)

    def context(language: str) -> dict[str, Any]:
        links = PageLinks(path, language, view)
        label_language = "nl" if language == "nl" else "fr"
        other_language = "fr" if label_language == "nl" else "nl"
        letters: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for concept in concepts:
            label, language_shown = site.label(concept, label_language)
            other = view.text(concept, SKOS.prefLabel, other_language)
            letter = (slugify(label)[:1] or "#").upper()
            letters[letter].append(
                {
                    "label": label,
                    "language": language_shown,
                    "other": None if language_shown == other_language else other,
                    "other_language": other_language,
                    "href": links.resource(concept),
                    "count": len(view.pointing(concept, DCTERMS.subject)),
                }
            )
        ordered: list[dict[str, Any]] = [
            {
                "name": letter,
                "anchor": slugify(letter) or "other",
                "entries": sorted(found, key=entry_key),
            }
            for letter, found in sorted(letters.items())
        ]
        return {
            "heading": translate("descriptors", language),
            "letters": ordered,
            "entries": [],
        }

    return Page(
        path,
        "index_list.html",
        lambda lang: translate("descriptors", lang),
        context,
        iri,
    )
