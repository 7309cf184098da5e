"""The jinja2 environments the pages are rendered with, one per interface language.

Templates name their interface strings by key, as in ``t("answer")``. A call costs
jinja's call machinery at every render, and a page makes dozens of them in each of
three languages; yet the key and the language are both known when the template is
compiled. So each language has its own environment, whose :class:`InterfaceStrings`
extension replaces every call with a literal key by the translated string as a
constant, which jinja then escapes once, at compile time. A call with a computed key
(``t("lang_" + code)``) stays a call to the ``t`` in the context, which
:func:`converters.site.render_page` still provides.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream

from .interface import LANGUAGES, translate


class InterfaceStrings(Extension):
    """Resolves calls of ``t`` with a literal key at compile time, in the environment's
    ``interface_language``."""

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        environment.extend(interface_language=None)

    def filter_stream(self, stream: TokenStream) -> Iterable[Token]:
        language = getattr(self.environment, "interface_language", None)
        if language is None:
            return stream
        return _resolved(list(stream), language)


def _resolved(tokens: list[Token], language: str) -> Iterator[Token]:
    index = 0
    while index < len(tokens):
        token = tokens[index]
        call = tokens[index : index + 4]
        if (
            len(call) == 4
            and token.test("name:t")
            and call[1].type == "lparen"
            and call[2].type == "string"
            and call[3].type == "rparen"
            and not (index and tokens[index - 1].type == "dot")
        ):
            yield Token(token.lineno, "string", translate(call[2].value, language))
            index += 4
            continue
        yield token
        index += 1


class PageEnvironment(Environment):
    """An environment that looks a name up in a dict before its attributes.

    Page contexts are plain dicts, and jinja's ``q.title`` first tries
    ``getattr(q, "title")``, which fails with an exception for every one of the
    hundreds of look-ups a page makes (a tenth of its rendering time). So in a dict a
    key named like a method (``items``) means the key, as a template writer means it."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


def environment(language: str | None = None) -> Environment:
    """The page templates, with interface strings resolved for ``language`` (or left
    as calls to ``t``, for None)."""
    env = PageEnvironment(
        loader=PackageLoader("converters", "templates"),
        autoescape=select_autoescape(["html", "xml"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # templates do not change during a build: no stat per page
        extensions=[InterfaceStrings],
    )
    env.interface_language = language  # type: ignore[attr-defined]
    return env


def environments() -> dict[str, Environment]:
    """One environment per interface language."""
    return {language: environment(language) for language in LANGUAGES}
