"""Rendering pages in every language and writing them, asking the write policy
(:mod:`converters.publish.policy`) which files need writing."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment
from pyoxigraph import RdfFormat, Triple, serialize

from ..digests import combined_digest
from ..publish.files import new_file, safe_folder
from ..publish.policy import FileStatus, WritePolicy, file_status
from ..workers import run_in_workers
from .interface import LANGUAGE_NAMES, LANGUAGES, translate
from .page import (
    Page,
    PageLinks,
)
from .search_index import SearchIndex
from .static import write_static
from .templating import CompiledTemplates, environments

if TYPE_CHECKING:
    from .generator import SiteGenerator


def render_page(
    by_language: Mapping[str, Environment], generator: SiteGenerator, page: Page, language: str
) -> str:
    """``page`` in ``language``, with the environment of that language from
    ``by_language`` (see :mod:`converters.site.templating`)."""
    links = PageLinks(page.path, language, generator.view)
    context = page.build(language)
    alternates = []
    jsonld = None
    if page.resource is not None:
        alternates = [
            {"type": "text/turtle", "href": "index.ttl", "name": "Turtle"},
            {"type": "application/ld+json", "href": "index.jsonld", "name": "JSON-LD"},
            {"type": "application/n-triples", "href": "index.nt", "name": "N-Triples"},
        ]
        jsonld = generator.embedded_description(page.resource)
    return (
        by_language[language]
        .get_template(page.template)
        .render(
            lang=language,
            languages=LANGUAGES,
            language_names=LANGUAGE_NAMES,
            t=lambda key: translate(key, language),
            title=page.title(language),
            page=links,
            alternates=alternates,
            jsonld=jsonld,
            **context,
        )
    )


def description_jsonld(triples: Sequence[Triple]) -> str:
    data = serialize(triples, format=RdfFormat.JSON_LD)
    return data.decode("utf-8") if data else "[]"


def script_safe_json(text: str) -> str:
    """JSON that cannot close its ``<script>`` element: ``<``, ``>`` and ``&`` escaped.

    They can only occur inside JSON strings, where ``\\u003c`` means the same."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def page_files(path: str) -> list[str]:
    """The files of the page at ``path``, relative to the output folder, one per language."""
    return [
        path + ("index.html" if language == "en" else f"index.{language}.html")
        for language in LANGUAGES
    ]


def write_site(
    generator: SiteGenerator,
    directory: Path,
    policy: WritePolicy,
    progress: Callable[[int, int], None] | None = None,
    jobs: int = 1,
    before_report_pages: Callable[[], None] | None = None,
    compiled_templates: CompiledTemplates | None = None,
) -> int:
    """Render every page in every language into ``directory``; returns the page count.

    A page the ``policy`` keeps is not rendered; a group of pages it keeps whole is not
    even planned. ``before_report_pages`` is called once every other page is rendered,
    before the pages drawn from the validation report (so validation can run beside
    all the others). ``compiled_templates`` keeps the compiled templates for the next
    build.
    """
    envs = environments(compiled_templates)
    search = SearchIndex(generator.search_shards(), directory, policy, jobs)
    try:
        count = _write_pages(
            generator, directory, policy, progress, jobs, before_report_pages, envs
        )
    except BaseException:
        search.stop()
        raise
    search.finish()
    return count


def _write_pages(
    generator: SiteGenerator,
    directory: Path,
    policy: WritePolicy,
    progress: Callable[[int, int], None] | None,
    jobs: int,
    before_report_pages: Callable[[], None] | None,
    envs: Mapping[str, Environment],
) -> int:
    view = generator.view
    paths: list[str] = []
    to_render: list[tuple[Page, frozenset[str]]] = []
    policy.compare_pages(view.differing)
    for key, make in generator.page_groups():
        kept = policy.kept_group(key)
        if kept is not None:
            paths.extend(kept)
            continue
        made, reads = generator.plan(make)
        for page in made:
            paths.append(page.path)
            if not policy.kept_page(page.path):
                to_render.append((page, reads))
        policy.group(key, [page.path for page in made])
    statuses_wanted = policy.records_files

    def write_page(item: tuple[Page, frozenset[str]]) -> _WrittenPage:
        """Writes a page in every language; what it read, sorted, and its files'
        statuses if the policy wants them, taken here in the worker rather than after
        all in the build."""
        page, planning_reads = item
        folder = safe_folder(directory, page.path.rstrip("/")) if page.path else directory
        folder.mkdir(parents=True, exist_ok=True)
        statuses = []
        with view.tracking() as reads:
            for language, name in zip(LANGUAGES, page_files(page.path), strict=True):
                path = new_file(directory / name)
                path.write_text(render_page(envs, generator, page, language), encoding="utf-8")
                if statuses_wanted:
                    statuses.append(file_status(path))
        return tuple(sorted(planning_reads | reads)), statuses

    first = [item for item in to_render if not item[0].shows_report]
    last = [item for item in to_render if item[0].shows_report]
    written = run_in_workers(write_page, first, jobs, progress)
    if before_report_pages is not None:
        before_report_pages()
    written += [write_page(item) for item in last]
    if progress:
        progress(len(to_render), len(to_render))
    if statuses_wanted:
        for (page, _), (read, statuses) in zip(first + last, written, strict=True):
            policy.page_made(page.path, read)
            inputs = combined_digest(read, view.dependency_digest)
            policy.made(page_files(page.path), inputs, statuses)
        policy.pages_done(view.dependency_digest)
    static = write_static(generator, directory, paths)
    policy.made([str(path.relative_to(directory)) for path in static], None, None)
    return len(paths)


_WrittenPage = tuple[tuple[str, ...], list[FileStatus]]
