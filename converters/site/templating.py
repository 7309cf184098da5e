"""The jinja2 environments the pages are rendered with, one per interface language.

Templates name their interface strings by key, as in ``t("answer")``. A call costs
jinja's call machinery at every render, and a page makes dozens of them in each of
three languages; yet the key and the language are both known when the template is
compiled. So each language has its own environment, whose :class:`InterfaceStrings`
extension replaces every call with a literal key by the translated string as a
constant, which jinja then escapes once, at compile time. A call with a computed key
(``t("lang_" + code)``) stays a call to the ``t`` in the context, which
:func:`converters.site.generator.render_page` still provides.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from types import MethodType
from typing import Any

from jinja2 import (
    BytecodeCache,
    Environment,
    FileSystemBytecodeCache,
    PackageLoader,
    StrictUndefined,
    select_autoescape,
)
from jinja2.bccache import Bucket
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream
from jinja2.runtime import Context

from .interface import LANGUAGES, keys, long_date, translate


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


class PageContext(Context):
    """A context that calls plain methods (``page.resource(iri)``) at once.

    For every call in a template jinja checks whether the callable wants the context,
    the evaluation context or the environment passed first, with three attribute
    look-ups that fail on a plain method; a page makes about a hundred calls in each
    of three languages. Here a bound method's function is checked once."""

    def call(__self, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        if type(__obj) is not MethodType or not _is_plain(__obj.__func__):
            return super().call(__obj, *args, **kwargs)
        if kwargs:
            kwargs.pop("_block_vars", None)
            kwargs.pop("_loop_vars", None)
        try:
            return __obj(*args, **kwargs)
        except StopIteration:
            return __self.environment.undefined(
                "value was undefined because a callable raised a StopIteration exception"
            )


@lru_cache(maxsize=256)
def _is_plain(function: object) -> bool:
    """Whether jinja passes ``function`` nothing of its own (see :func:`jinja2.pass_context`)."""
    return not hasattr(function, "jinja_pass_arg")


class PageEnvironment(Environment):
    """An environment that looks a name up in a dict before its attributes, with
    :class:`PageContext`.

    Page contexts are plain dicts, and jinja's ``q.title`` first tries
    ``getattr(q, "title")``, which fails with an exception for every one of the
    hundreds of look-ups a page makes (a tenth of its rendering time). So in a dict a
    key named like a method (``items``) means the key, as a template writer means it."""

    context_class = PageContext

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


class CompiledTemplates(FileSystemBytecodeCache):
    """Templates compiled by an earlier build, kept in ``folder``, since every
    process that renders pages would otherwise compile the templates of three languages.

    jinja keys compiled code by template name and checks it against the template's
    source. Here the code also holds the interface strings of the environment's
    language and depends on this package's code, so the language is part of the key,
    and its strings and ``version`` (the build's code fingerprint) are part of what is
    checked: any change compiles the template again."""

    def __init__(self, folder: Path, version: str) -> None:
        with contextlib.suppress(OSError):  # unwritable: every template is compiled
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        super().__init__(str(folder))
        self.version = version

    def get_bucket(
        self, environment: Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        language = getattr(environment, "interface_language", None)
        strings = "\0".join(translate(key, language) for key in keys()) if language else ""
        checked = "\0".join((source, strings, self.version))
        return super().get_bucket(environment, f"{language}/{name}", filename, checked)

    def load_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):  # unreadable: the template is compiled
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):  # a cache that cannot be written is no error
            super().dump_bytecode(bucket)


def environment(language: str | None = None, compiled: BytecodeCache | None = None) -> Environment:
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
        bytecode_cache=compiled,
    )
    env.interface_language = language  # type: ignore[attr-defined]
    env.filters["long_date"] = long_date
    return env


def environments(compiled: BytecodeCache | None = None) -> dict[str, Environment]:
    """One environment per interface language, every template loaded (so that worker
    processes forked afterwards do not each compile them), through ``compiled``."""
    loaded = {language: environment(language, compiled) for language in LANGUAGES}
    for env in loaded.values():
        for name in env.list_templates(extensions=["html"]):
            env.get_template(name)
    return loaded
