"""The home page: the corpus in figures and charts."""

from __future__ import annotations

import statistics
from collections import Counter
from typing import TYPE_CHECKING, Any

from ..vocabulary import DCTERMS, FOAF, SKOS, SQ
from .charts import Chart, bar_chart, column_chart
from .interface import translate
from .page import (
    Page,
    PageLinks,
)

if TYPE_CHECKING:
    from .generator import SiteGenerator


def home(site: SiteGenerator) -> Page:
    view = site.view
    facts = [site.facts(q) for q in site.described]
    answered = sum(1 for f in facts if f.answer)
    delays = [f.days for f in facts if f.days is not None]
    statuses = Counter(f.status for f in facts)
    figures = [
        ("questions", len(site.described), "questions/"),
        ("answered_count", answered, "questions/"),
        ("awaiting_count", statuses["AwaitingAnswer"], "questions/"),
        ("closed_count", statuses["ClosedWithoutAnswer"], "questions/"),
        ("lapsed_count", statuses["Lapsed"], "questions/"),
        ("persons", len(view.of_type(FOAF.Person)), "persons/"),
        ("parties", len(view.of_type(SQ.PoliticalParty)), "parties/"),
        ("ministries", len(view.of_type(SQ.Ministry)), "ministries/"),
        ("descriptors", len(view.of_type(SKOS.Concept)), "descriptors/"),
    ]
    months = Counter((f.sent or "")[:7] for f in facts)
    month_series = _month_series(months)
    ministries = []
    for ministry in view.of_type(SQ.Ministry):
        median = site.ministry_median(ministry)
        if median is not None:
            ministries.append((ministry, median))
    ministries.sort(key=lambda item: (-item[1], item[0]))
    descriptors = sorted(
        ((d, len(view.pointing(d, DCTERMS.subject))) for d in view.of_type(SKOS.Concept)),
        key=lambda item: (-item[1], item[0]),
    )[:15]

    def context(language: str) -> dict[str, Any]:
        links = PageLinks("", language, view)
        items = [
            {"name": translate(key, language), "value": value, "href": links.link(href)}
            for key, value, href in figures
        ]
        if delays:
            items.append(
                {
                    "name": translate("median_delay", language)
                    + f" ({translate('days', language)})",
                    "value": f"{statistics.median(delays):g}",
                    "href": links.link("ministries/"),
                }
            )
        charts: list[Chart] = [
            column_chart(
                "per-month",
                translate("questions_per_month", language),
                month_series,
                translate("questions", language),
            ),
            bar_chart(
                "delay-per-ministry",
                translate("median_delay_per_ministry", language),
                [(site.label(m, language)[0], d, links.resource(m)) for m, d in ministries[:15]],
                translate("days", language),
            ),
            bar_chart(
                "top-descriptors",
                translate("top_descriptors", language),
                [(site.label(d, language)[0], n, links.resource(d)) for d, n in descriptors],
                translate("questions", language),
            ),
        ]
        return {"figures": items, "charts": charts}

    return Page("", "home.html", lambda lang: translate("home", lang), context)


def _month_series(months: Counter[str]) -> list[tuple[str, float]]:
    known = sorted(m for m in months if len(m) == 7)
    if not known:
        return []
    year, month = int(known[0][:4]), int(known[0][5:])
    last = known[-1]
    series = []
    while f"{year:04d}-{month:02d}" <= last:
        key = f"{year:04d}-{month:02d}"
        series.append((key, float(months.get(key, 0))))
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return series
