"""The search page: a form over the search index (:mod:`.search_index`) that a small
script (``static/search.js``) drives with Pagefind's API. Without JavaScript the page
says so and links to the indexes, which reach every question."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .interface import translate
from .page import Page, PageLinks
from .search import FACETS, TEXT_LANGUAGES, SearchOutline
from .search_index import SEARCH_INDEX

if TYPE_CHECKING:
    from .generator import SiteGenerator

SEARCH_PAGE = "search/"
_STATUSES = ("Answered", "AwaitingAnswer", "ClosedWithoutAnswer", "Lapsed")


def search_page(site: SiteGenerator) -> Page:
    view = site.view
    outline: SearchOutline = view.derived("search all")
    # derived: the page depends on its outline, not on every text it is made from

    def context(language: str) -> dict[str, Any]:
        links = PageLinks(SEARCH_PAGE, language, view)
        return {
            "search": {
                "bundles": {
                    texts: [links.file(f"{SEARCH_INDEX}/{texts}/{s}") + "/" for s in found]
                    for texts, found in outline.sessions.items()
                },
                "values": outline.facets,
                "texts": language if language in TEXT_LANGUAGES else TEXT_LANGUAGES[0],
                "root": links.file("") + "/" if links.file("") else "",
                "page": "" if language == "en" else f"index.{language}.html",
                "facets": [[facet, translate(f"facet_{facet}", language)] for facet in FACETS],
                "statuses": {s: translate(f"status_{s}", language) for s in _STATUSES},
                "words": {
                    key: translate(f"search_{key}", language)
                    for key in (
                        "any",
                        "result",
                        "results",
                        "no_results",
                        "more",
                        "loading",
                        "failed",
                    )
                },
            },
            "text_languages": [(t, translate(f"language_{t}", language)) for t in TEXT_LANGUAGES],
        }

    return Page(SEARCH_PAGE, "search.html", lambda language: translate("search", language), context)
