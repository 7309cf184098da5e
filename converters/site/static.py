"""The files of a site besides its pages: style sheet, ontology, JSON-LD context, shapes
and queries, the DCAT-AP catalogue at ``.well-known/void``, the sitemap, and the server
rules (template files in ``rules/``)."""

from __future__ import annotations

from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape as xml_escape

from pyoxigraph import RdfFormat, serialize

from ..publish.files import new_file
from ..publish.jsonld import CONTEXT_FILE, context_text
from ..query.catalogue import load_catalogue
from ..validate.shapes import shapes_turtle
from ..vocabulary import DCAT, DCTERMS, PREFIXES
from .documentation import ontology_turtle
from .feeds import write_feeds
from .graph_view import GraphView
from .interface import LANGUAGES

if TYPE_CHECKING:
    from .generator import SiteGenerator

SITEMAP_LIMIT = 50_000


def server_rules(name: str) -> str:
    """The server rules ``rules/NAME``, written beside the pages."""
    return (files("converters.site") / "rules" / name).read_text("utf-8")


def write_static(
    generator: SiteGenerator, directory: Path, page_paths: Sequence[str]
) -> list[Path]:
    """Style sheet, ontology and shapes files, queries, VoID, sitemap, server rules;
    returns the files written."""
    static = directory / "static"
    static.mkdir(exist_ok=True)
    texts = {
        **{
            static / name: (files("converters") / "static" / name).read_text("utf-8")
            for name in ("style.css", "search.js")
        },
        directory / "ontology" / "index.ttl": ontology_turtle(),
        directory / "shapes" / "index.ttl": shapes_turtle(),
        directory / CONTEXT_FILE: context_text(),
        **{
            directory / "queries" / f"{name}.rq": query.text
            for name, query in load_catalogue().items()
        },
        directory / ".htaccess": server_rules("htaccess"),
        directory / "nginx.conf": server_rules("nginx.conf"),
        directory / "negotiation.js": server_rules("negotiation.js"),
    }
    for path, text in texts.items():
        new_file(path).write_text(text, encoding="utf-8")
    void = directory / ".well-known" / "void"
    void.parent.mkdir(exist_ok=True)
    view = generator.view
    serialize(
        [t for iri in _catalogue_subjects(view) for t in view.description(iri)],
        str(new_file(void)),
        RdfFormat.TURTLE,
        prefixes=PREFIXES,
    )
    sitemaps = write_sitemap(generator.view.base, page_paths, directory)
    return [*texts, void, *sitemaps, *write_feeds(view, directory)]


def _catalogue_subjects(view: GraphView) -> list[str]:
    """The subjects of the dataset's DCAT-AP description (:mod:`converters.convert.dataset`): the
    catalogue, the dataset, and what they link to that the graph describes, so that
    ``.well-known/void`` is a catalogue a portal can harvest on its own."""
    dataset = view.base + "dataset"
    found = {view.base + "catalog", dataset}
    for predicate in (
        DCAT.distribution,
        DCTERMS.publisher,
        DCTERMS.temporal,
        DCTERMS.provenance,
        DCAT.contactPoint,
        DCTERMS.license,
        DCTERMS.spatial,
        DCTERMS.language,
    ):
        found.update(view.iris(dataset, predicate))
    for distribution in view.iris(dataset, DCAT.distribution):
        found.update(view.iris(distribution, DCAT.mediaType))
        found.update(view.iris(distribution, DCTERMS.conformsTo))
    return sorted(found)


def write_sitemap(base: str, paths: Sequence[str], directory: Path) -> list[Path]:
    """``sitemap.xml``, split into ``sitemap-N.xml`` under an index past 50,000 URLs."""
    urls = [
        base + path + ("" if language == "en" else f"index.{language}.html")
        for path in sorted(paths)
        for language in LANGUAGES
    ]
    chunks = [urls[i : i + SITEMAP_LIMIT] for i in range(0, len(urls), SITEMAP_LIMIT)] or [[]]

    def urlset(chunk: list[str]) -> str:
        body = "".join(f"<url><loc>{xml_escape(url)}</loc></url>\n" for url in chunk)
        return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{body}</urlset>\n'

    index = directory / "sitemap.xml"
    if len(chunks) == 1:
        new_file(index).write_text(urlset(chunks[0]), encoding="utf-8")
        return [index]
    entries = ""
    written = [index]
    for number, chunk in enumerate(chunks, start=1):
        written.append(directory / f"sitemap-{number}.xml")
        new_file(written[-1]).write_text(urlset(chunk), encoding="utf-8")
        entries += f"<sitemap><loc>{xml_escape(base)}sitemap-{number}.xml</loc></sitemap>\n"
    new_file(index).write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{entries}</sitemapindex>\n',
        encoding="utf-8",
    )
    return written
