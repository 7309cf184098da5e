"""The page environments: interface strings resolved when templates compile, dict look-ups,
compiled templates kept between builds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from jinja2 import Environment, UndefinedError, pass_context
from jinja2.runtime import Context

from converters.convert.corpus import convert_corpus
from converters.iris import Minter
from converters.site import interface
from converters.site.generator import SiteGenerator
from converters.site.graph_view import GraphView
from converters.site.interface import LANGUAGES, translate
from converters.site.page import Page
from converters.site.templating import CompiledTemplates, environment, environments
from converters.site.writer import render_page
from converters.sources import sample_corpus
from converters.validate.shacl import validate_triples

from .conftest import MADE_UP, SEED, parse_file

BASE = "http://localhost:8000/"


def render(source: str, language: str | None, **context: object) -> str:
    return environment(language).from_string(source).render(**context)


def refuse(key: str) -> str:
    raise AssertionError(f"t({key!r}) was called at render time")


def test_a_literal_key_is_translated_when_the_template_compiles() -> None:
    source = "<p>{{ t('answer') }} / {{ t(\"no_answer\") }}</p>"
    assert render(source, "nl", t=refuse) == "<p>Antwoord / Nog geen antwoord.</p>"
    assert "l_0_t" not in environment("fr").compile(source, raw=True)  # t is never looked up
    assert "l_0_t" in environment(None).compile(source, raw=True)


def test_a_translation_is_escaped_like_any_other_text() -> None:
    """The French stub notice holds an apostrophe, which autoescaping writes as &#39;."""
    stub = translate("stub", "fr")
    assert "'" in stub
    page = render("<p>{{ t('stub') }}</p>", "fr", t=refuse)
    assert page == "<p>" + stub.replace("'", "&#39;") + "</p>"


def test_a_computed_key_still_calls_t_at_render_time() -> None:
    called: list[str] = []

    def t(key: str) -> str:
        called.append(key)
        return translate(key, "fr")

    rendered = render("{{ t('lang_' + code) }}", "fr", t=t, code="nl")
    assert rendered == "néerlandais"
    assert called == ["lang_nl"]


def test_only_a_call_of_the_name_t_is_resolved() -> None:
    class Thing:
        def t(self, key: str) -> str:
            return f"own {key}"

    assert render("{{ thing.t('answer') }}", "en", thing=Thing()) == "own answer"
    assert render("{{ tt('answer') }}", "en", tt=str.upper) == "ANSWER"


def test_an_unknown_literal_key_fails_when_the_template_compiles() -> None:
    with pytest.raises(KeyError, match="no_such_key"):
        environment("en").from_string("{% if false %}{{ t('no_such_key') }}{% endif %}")


def test_without_a_language_t_stays_a_call() -> None:
    assert render("{{ t('answer') }}", None, t=str.upper) == "ANSWER"


def test_a_name_is_looked_up_in_a_dict_first_then_as_an_attribute() -> None:
    assert render("{{ d.items | length }}", "en", d={"items": [1, 2, 3]}) == "3"
    assert render("{{ s.upper() }}", "en", s="abc") == "ABC"
    with pytest.raises(UndefinedError):
        render("{{ d.missing }}", "en", d={})


def test_a_method_is_called_with_its_own_arguments_only() -> None:
    """Inside a loop jinja adds its loop variables to every call, for the callables that
    take the context; a plain method gets none of them, one marked so still does."""

    class Links:
        def href(self, target: str, suffix: str = "") -> str:
            return f"{target}/{suffix}"

        @pass_context
        def language(self, context: Context, name: str) -> str:
            return f"{context['lang']}:{name}"

    source = "{% for x in xs %}{{ links.href(x) }} {{ links.language(x) }} {% endfor %}"
    rendered = render(
        source + "{{ links.href('a', suffix='b') }}", "en", links=Links(), xs="pq", lang="nl"
    )
    assert rendered == "p/ nl:p q/ nl:q a/b"


def test_a_method_that_raises_stop_iteration_renders_as_undefined() -> None:
    class Empty:
        def first(self) -> str:
            return next(iter(()))

    with pytest.raises(UndefinedError, match="StopIteration"):
        render("{{ empty.first() }}", "en", empty=Empty())


def test_every_page_renders_as_with_calls_to_t() -> None:
    """The resolved environments change how a page is rendered, never what it says."""
    paths = [*sorted(sample_corpus().glob("*.txt")), SEED, *sorted(MADE_UP.glob("*.txt"))]
    conversion = convert_corpus([parse_file(path) for path in paths], Minter(BASE))
    generator = SiteGenerator(GraphView(conversion.triples, BASE), conversion.sources)
    generator.validation = validate_triples(conversion.triples)
    unresolved = {language: environment(None) for language in LANGUAGES}
    resolved = environments()
    templates = set()
    for page in generator.pages():
        templates.add(page.template)
        for language in LANGUAGES:
            expected = render_page(unresolved, generator, page, language)
            assert render_page(resolved, generator, page, language) == expected
    assert len(templates) >= 10


def compiling(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Notes, from now on, each template compiled, as ``LANGUAGE/NAME``."""
    compiled: list[str] = []
    compile = Environment.compile

    def noting(self: Environment, source: str, name: str | None = None, *args: Any) -> Any:
        compiled.append(f"{getattr(self, 'interface_language', None)}/{name}")
        return compile(self, source, name, *args)

    monkeypatch.setattr(Environment, "compile", noting)
    return compiled


@pytest.fixture(scope="module")
def seed_site() -> tuple[SiteGenerator, Page]:
    conversion = convert_corpus([parse_file(SEED)], Minter(BASE))
    generator = SiteGenerator(GraphView(conversion.triples, BASE), conversion.sources)
    question = next(page for page in generator.pages() if page.template == "question.html")
    return generator, question


def test_templates_compiled_by_one_build_are_loaded_by_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_site: tuple[SiteGenerator, Page]
) -> None:
    generator, page = seed_site
    compiled = compiling(monkeypatch)
    first = environments(CompiledTemplates(tmp_path, "v1"))
    templates = environment("en").list_templates(["html"])
    assert sorted(compiled) == sorted(f"{lang}/{name}" for lang in LANGUAGES for name in templates)
    compiled.clear()
    second = environments(CompiledTemplates(tmp_path, "v1"))
    assert compiled == []
    for language in LANGUAGES:
        expected = render_page(first, generator, page, language)
        assert render_page(second, generator, page, language) == expected


def test_a_changed_version_or_translation_compiles_the_templates_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_site: tuple[SiteGenerator, Page]
) -> None:
    generator, page = seed_site
    environments(CompiledTemplates(tmp_path, "v1"))
    compiled = compiling(monkeypatch)
    environments(CompiledTemplates(tmp_path, "v2"))
    assert len(compiled) == len(LANGUAGES) * len(environment("en").list_templates(["html"]))
    compiled.clear()
    monkeypatch.setitem(interface._STRINGS, "skip", ("Skip", "Passer au contenu", "Overslaan"))
    envs = environments(CompiledTemplates(tmp_path, "v2"))
    assert "fr/base.html" in compiled
    assert "Passer au contenu" in render_page(envs, generator, page, "fr")


def test_an_unwritable_folder_leaves_every_template_compiled_each_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_site: tuple[SiteGenerator, Page]
) -> None:
    generator, page = seed_site
    occupied = tmp_path / "file"
    occupied.write_text("not a folder")
    expected = render_page(environments(), generator, page, "nl")
    assert render_page(environments(CompiledTemplates(occupied, "v1")), generator, page, "nl") == (
        expected
    )
    compiled = compiling(monkeypatch)
    environments(CompiledTemplates(occupied, "v1"))
    assert len(compiled) == len(LANGUAGES) * len(environment("en").list_templates(["html"]))
