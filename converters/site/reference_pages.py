"""The pages that document rather than list: a generic resource (the dataset, a
distribution), the ontology, the shapes, the validation report, the query catalogue."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..digests import EVERYTHING
from ..query.catalogue import load_catalogue
from ..validate.shapes import shapes_turtle
from ..vocabulary import DCAT, VOID
from .documentation import OntologyDocument, ShapesDocument
from .interface import translate
from .page import (
    Page,
    PageLinks,
    curie_path,
)

if TYPE_CHECKING:
    from .generator import SiteGenerator


def generic_page(site: SiteGenerator, iri: str, path: str) -> Page:
    view = site.view
    types = view.types(iri)
    kind_key = "dataset" if VOID.Dataset.value in types else "properties"

    def context(language: str) -> dict[str, Any]:
        extra = None
        if VOID.Dataset.value in types:
            count = view.value(iri, VOID.triples)
            extra = Markup("<p>{} {}</p>").format(count or "?", translate("triples", language))
        return {
            "kind": translate(kind_key, language),
            "heading": view.label(iri, language)
            if DCAT.Distribution.value not in types
            else path.rstrip("/"),
            "rows": site.rows(iri, language),
            "extra": extra,
        }

    return Page(path, "resource.html", lambda lang: view.label(iri, lang), context, iri)


def ontology_page() -> Page:
    document = OntologyDocument()
    return Page(
        "ontology/",
        "ontology.html",
        lambda lang: translate("ontology", lang),
        document.context,
    )


def shapes_page() -> Page:
    shapes = ShapesDocument(shapes_turtle()).shapes()
    return Page(
        "shapes/",
        "shapes.html",
        lambda lang: translate("shapes", lang),
        lambda lang: {"shapes": shapes},
    )


def validation_page(site: SiteGenerator) -> Page:
    def context(language: str) -> dict[str, Any]:
        site.view.note([EVERYTHING])
        report = site.validation
        if report is None:
            raise ValueError("the site has no validation report to show")
        links = PageLinks("validation/", language, site.view)
        results = [
            {
                "severity": r.severity,
                "focus": r.focus,
                "href": links.resource(r.focus) if site.view.path(r.focus) is not None else None,
                "path": curie_path(r.path),
                "message": r.message,
                "source": r.source,
            }
            for r in report.results
        ]
        return {"report": report, "results": results}

    return Page(
        "validation/",
        "validation.html",
        lambda lang: translate("validation", lang),
        context,
        shows_report=True,
    )


def queries_page() -> Page:
    queries = list(load_catalogue().values())
    return Page(
        "queries/",
        "queries.html",
        lambda lang: translate("sparql_queries", lang),
        lambda lang: {"queries": queries},
    )
