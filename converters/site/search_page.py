"""The search page: a form over the search index (:mod:`.search_index`) that a small
script (``static/search.js``) drives with Pagefind's API. It searches one legislature,
or all of them (:func:`.search.search_outline` says which by default); the facets'
values and counts are Pagefind's, for that scope. Without JavaScript the page says so
and links to the indexes, which reach every question."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..iris import Minter
from .graph_view import GraphView
from .interface import translate
from .page import Page, PageLinks
from .search import EVERY_LEGISLATURE, FACETS, TEXT_LANGUAGES, SearchOutline
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
                "scopes": {
                    texts: [
                        {
                            "name": name,
                            "label": _legislature_label(view, name, language),
                            "bundle": links.file(f"{SEARCH_INDEX}/{texts}/{name}") + "/",
                        }
                        for name in legislatures
                    ]
                    for texts, legislatures in outline.legislatures.items()
                },
                "default_scope": outline.default_scope,
                "every": EVERY_LEGISLATURE,
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
                        "everywhere",
                        "in_every_legislature",
                    )
                },
            },
            "text_languages": [(t, translate(f"language_{t}", language)) for t in TEXT_LANGUAGES],
        }

    return Page(SEARCH_PAGE, "search.html", lambda language: translate("search", language), context)


def _legislature_label(view: GraphView, name: str, language: str) -> str:
    if not name.isdigit():
        return translate("search_unknown_legislature", language)
    return view.label(Minter(view.base).legislature(int(name)).value, language)
