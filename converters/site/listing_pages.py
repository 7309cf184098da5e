"""The pages that list a resource's questions, newest first, 50 a page: a person's,
a party's, a ministry's, a descriptor's."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from pyoxigraph import NamedNode

from ..vocabulary import DCTERMS, FOAF, ORG, SKOS, SQ
from .interface import translate
from .page import (
    PAGE_SIZE,
    Page,
    external_link,
)

if TYPE_CHECKING:
    from .generator import SiteGenerator


def listing(site: SiteGenerator, iri: str, path: str, listed: Listing) -> Iterator[Page]:
    """The pages listing the questions that link to ``iri`` by ``link``, newest first,
    :data:`PAGE_SIZE` a page, the first with the resource's own facts and statements."""
    kind, link, facts = listed.kind, listed.link, listed.facts
    questions: list[str] = site.view.derived(f"listing {iri} {link.value}")
    chunks = [questions[i : i + PAGE_SIZE] for i in range(0, len(questions), PAGE_SIZE)] or [[]]
    for number, chunk in enumerate(chunks, start=1):
        folder = path if number == 1 else f"{path}page/{number}/"
        pager = {
            "number": number,
            "count": len(chunks),
            "previous": (path if number == 2 else f"{path}page/{number - 1}/")
            if number > 1
            else None,
            "next": f"{path}page/{number + 1}/" if number < len(chunks) else None,
        }

        def context(
            language: str,
            chunk: list[str] = chunk,
            pager: dict[str, Any] = pager,
            number: int = number,
        ) -> dict[str, Any]:
            heading, heading_language = site.label(iri, language)
            other_language = "nl" if heading_language == "fr" else "fr"
            other = site.view.text(iri, SKOS.prefLabel, other_language)
            return {
                "kind": translate(kind, language),
                "heading": heading,
                "heading_language": heading_language,
                "other_label": other if other and other != heading else None,
                "other_language": other_language,
                "facts": facts(site, iri, language),
                "items": [site.item(q) for q in chunk],
                "total": len(questions),
                "pager": pager,
                "rows": site.rows(iri, language) if number == 1 else [],
            }

        def title(language: str, number: int = number) -> str:
            label = site.label(iri, language)[0]
            return label if number == 1 else f"{label} ({translate('page', language)} {number})"

        yield Page(folder, "listing.html", title, context, iri if number == 1 else None)


def person_facts(site: SiteGenerator, iri: str, language: str) -> list[dict[str, Any]]:
    parties = site.view.iris(iri, ORG.memberOf)
    return [_fact(site, "member_of", parties, language)] if parties else []


def party_facts(site: SiteGenerator, iri: str, language: str) -> list[dict[str, Any]]:
    members = site.view.pointing(iri, ORG.memberOf)
    return [_fact(site, "members", members, language)] if members else []


def ministry_facts(site: SiteGenerator, iri: str, language: str) -> list[dict[str, Any]]:
    median = site.ministry_median(iri)
    if median is None:
        return []
    return [
        {
            "name": translate("median_delay", language),
            "links": [
                {"text": f"{median:g} {translate('days', language)}", "iri": None, "href": None}
            ],
        }
    ]


def descriptor_facts(site: SiteGenerator, iri: str, language: str) -> list[dict[str, Any]]:
    match = external_link(site.view.value(iri, SKOS.exactMatch) or "")
    if not match:
        return []
    return [
        {
            "name": translate("eurovoc", language),
            "links": [{"text": match, "iri": None, "href": match}],
        }
    ]


def _fact(site: SiteGenerator, key: str, iris: list[str], language: str) -> dict[str, Any]:
    links = [{"text": site.label(i, language)[0], "iri": i, "href": None} for i in iris]
    return {"name": translate(key, language), "links": links}


def no_facts(site: SiteGenerator, iri: str, language: str) -> list[dict[str, Any]]:
    return []


Facts = Callable[["SiteGenerator", str, str], list[dict[str, Any]]]
"""What a listing's first page says of its resource besides its questions."""


class Listing(NamedTuple):
    """A kind of resource whose pages list the questions that link to it."""

    rdf_class: NamedNode
    kind: str
    """The interface string that names the link (``author``, ``party``…)."""
    link: NamedNode
    facts: Facts


LISTINGS = (
    Listing(FOAF.Person, "author", DCTERMS.creator, person_facts),
    Listing(SQ.PoliticalParty, "party", SQ.authorParty, party_facts),
    Listing(SQ.Ministry, "addressed_to", SQ.addressedTo, ministry_facts),
    Listing(SKOS.Concept, "descriptors", DCTERMS.subject, descriptor_facts),
    Listing(SQ.Legislature, "legislature", SQ.legislature, no_facts),
    Listing(SQ.Session, "session", SQ.session, no_facts),
)


def listing_of(types: set[str]) -> Listing | None:
    """The listing a resource of these types gets, if any."""
    return next((listed for listed in LISTINGS if listed.rdf_class.value in types), None)
