"""What a page is (a folder path, a template, a context in each language), how it
links to other pages, and the small readings of the graph that several pages share."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from ..iris import slugify
from ..vocabulary import SQ, SQ_NAMESPACE
from .documentation import curie
from .graph_view import GraphView

PAGE_SIZE = 50
LANGUAGE_AUTHORITY = "http://publications.europa.eu/resource/authority/language/"


@dataclass(frozen=True)
class Page:
    """One page: where it lives (a folder path, "" for the home page), how it is drawn."""

    path: str
    template: str
    title: Callable[[str], str]
    build: Callable[[str], dict[str, Any]]
    """The template's context in one language."""
    resource: str | None = None
    """The IRI whose description is embedded and offered as Turtle and JSON-LD."""
    shows_report: bool = False
    """Drawn from the validation report, so rendered last (see :func:`write_site`)."""


@lru_cache(maxsize=65536)
def relative_path(target: str, start: str) -> str:
    """``target`` relative to the folder ``start`` (both site paths such as ``a/b/``),
    "" for the same folder. String work only: these paths never hold ``.`` or ``..``."""
    to = [part for part in target.split("/") if part]
    at = [part for part in start.split("/") if part]
    common = 0
    while common < min(len(to), len(at)) and to[common] == at[common]:
        common += 1
    return "/".join([".."] * (len(at) - common) + to[common:])


class PageLinks:
    """Relative links from one page, in one language, so the site works at any root."""

    def __init__(self, path: str, language: str, view: GraphView) -> None:
        self.path = path
        self.language = language
        self.view = view

    def _relative(self, target: str) -> str:
        return relative_path(target, self.path)

    def link(self, folder: str) -> str:
        """A page folder (``person/x/``, ``""`` for home) in the current language."""
        relative = self._relative(folder.rstrip("/"))
        prefix = relative + "/" if relative else ""
        name = "" if self.language == "en" else f"index.{self.language}.html"
        return prefix + name or "./"

    def file(self, target: str) -> str:
        return self._relative(target)

    def resource(self, iri: str) -> str:
        path = self.view.path(iri)
        if path is None:
            return iri if iri.startswith(("http://", "https://")) else "#"
        if "." in path.rsplit("/", 1)[-1]:
            return self.file(path)
        return self.link(path)

    def in_language(self, language: str) -> str:
        return "./" if language == "en" else f"index.{language}.html"


def external_link(iri: str) -> str | None:
    """Only web links leave the site: no ``javascript:`` or other scheme from the data."""
    return iri if iri.startswith(("http://", "https://")) else None


def paragraphs(text: str | None) -> list[str]:
    return [p for p in (text or "").split("\n\n") if p]


def days_between(start: str | None, end: str | None) -> int | None:
    if not start or not end:
        return None
    try:
        return (date.fromisoformat(end) - date.fromisoformat(start)).days
    except ValueError:
        return None


def curie_path(path: str) -> str:

    return (
        re.sub(r"<([^<>]+)>", lambda m: curie(m.group(1)), path)
        if path.startswith(("^", "<"))
        else curie(path)
    )


def entry_key(entry: dict[str, Any]) -> tuple[str, str]:
    return (label_sort_key(str(entry["label"])), str(entry["href"]))


def label_sort_key(label: str) -> str:
    return slugify(label) or label.casefold()


def status_of(view: GraphView, question: str) -> str:
    """The local name of a question's ``sq:status`` (``Answered``, ``Lapsed``…), or ``""``."""
    return next(iter(view.iris(question, SQ.status)), "").removeprefix(SQ_NAMESPACE)
