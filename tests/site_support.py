"""Reading built pages in the site's tests: their links, scripts, ids and language."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit


class Links(HTMLParser):
    """Every link, the scripts and the language attributes of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.scripts: list[tuple[str, str]] = []
        self.in_script: str | None = None
        self.handlers: list[str] = []
        self.ids: set[str] = set()
        self.lang = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang") or ""
        for name in ("href", "src"):
            if values.get(name):
                self.links.append(values[name] or "")
        if values.get("id"):
            self.ids.add(values["id"] or "")
        self.handlers += [name for name, _ in attrs if name.startswith("on")]
        if tag == "script":
            self.in_script = values.get("type") or ""
            self.scripts.append((self.in_script, ""))

    def handle_data(self, data: str) -> None:
        if self.in_script is not None:
            kind, text = self.scripts[-1]
            self.scripts[-1] = (kind, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = None


def parse_page(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def read_page(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def resolve(site: Path, page: Path, link: str) -> Path | None:
    """The file a relative link of ``page`` points to, or None for an external link."""
    page_url = "http://site/" + page.relative_to(site).as_posix()
    target = urlsplit(urljoin(page_url, link))
    if target.netloc != "site":
        return None
    path = site / unquote(target.path.lstrip("/"))
    return path / "index.html" if target.path.endswith("/") or path.is_dir() else path
