"""The Jinja environments: autoescaping everywhere, one environment per interface language.

Handlers return Litestar `Template(...)` responses as usual. The engine picks the request's
language at render time (from the `request` Litestar puts in every context) and renders with
that language's environment, where `_`, `ngettext` and the date/number filters are bound to
the language. Templates can rely on `_`, `lang` and `language_url` being defined.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, Undefined, pass_context, pass_environment, select_autoescape
from jinja2 import TemplateNotFound as JinjaTemplateNotFound
from jinja2.runtime import Context
from litestar.exceptions import TemplateNotFoundException
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.template.config import TemplateConfig
from markupsafe import Markup, escape

from opportunity_bank.search.query import HIGHLIGHT_POST, HIGHLIGHT_PRE
from opportunity_bank.web import i18n
from opportunity_bank.web.csrf import FormField
from opportunity_bank.web.static import static_url


def highlight(value: str | None) -> Markup:
    """Escape a highlighted title, then turn the search engine's markers into <mark>."""
    text = str(escape(value or ""))
    # Safe: the text is escaped first; only the markers, which escaping leaves alone, become tags.
    return Markup(text.replace(HIGHLIGHT_PRE, "<mark>").replace(HIGHLIGHT_POST, "</mark>"))  # noqa: S704


@pass_context
def staff_user(context: Context) -> Any:
    """Who is signed in, as the guards found them (None on public pages and for visitors)."""
    request = context.get("request")
    return request.scope.get("state", {}).get("user") if request is not None else None


@pass_context
def language_url(context: Context, language: str) -> str:
    request = context.get("request")
    if request is None:
        return f"/?lang={language}"
    return i18n.language_url(request.url.path, request.url.query, language)


KEPT_MACRO_OUTPUTS = 2048  # per language; with its key some 600 bytes each: 4 MB at most


@pass_environment
def kept(environment: Environment, template: str, macro: str, *args: Any) -> Markup:
    """`macro` of `template` called with `args`, its output kept for the same arguments.

    For parts repeated across many pages whose output follows from their arguments alone
    (no context): a search page shows twenty cards, and rendering their facts through macros,
    gettext and date filters costs more than the rest of the page. Lists are kept and passed
    as tuples; other arguments must be hashable.
    """
    return _kept_output(environment, template, macro,
                        tuple(tuple(arg) if isinstance(arg, list) else arg for arg in args))


@lru_cache(maxsize=KEPT_MACRO_OUTPUTS * len(i18n.LANGUAGES))
def _kept_output(environment: Environment, template: str, macro: str, args: tuple) -> Markup:
    return getattr(environment.get_template(template).module, macro)(*args)


def make_environment(directory: Path, language: str = i18n.DEFAULT_LANGUAGE, *, escape_all: bool = True,
                     undefined: type[Undefined] = Undefined) -> Environment:
    """`escape_all=False` is for plain-text templates (mails' text parts) only."""
    environment = Environment(
        loader=FileSystemLoader(str(directory)),
        autoescape=select_autoescape(default=escape_all, default_for_string=escape_all),
        undefined=undefined,
        auto_reload=False,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    environment.install_gettext_translations(i18n.translations(language), newstyle=True)
    environment.filters.update(i18n.formatters(language))
    environment.filters["highlight"] = highlight
    environment.globals.update(lang=language, languages=i18n.LANGUAGES, endonyms=i18n.ENDONYMS,
                               language_url=language_url, days_until=i18n.days_until,
                               static_url=static_url, staff_user=staff_user, kept=kept)
    return environment


class LocalizedTemplate:
    """Renders one template in the language of the request found in its context."""

    def __init__(self, engine: LocalizedJinjaEngine, name: str) -> None:
        self.engine = engine
        self.name = name

    def render(self, *args: Any, **context: Any) -> str:
        context = dict(*args, **context)
        language = context.get("lang")
        if language not in i18n.LANGUAGES:
            request = context.get("request")
            language = i18n.negotiate_language(request) if request is not None else i18n.DEFAULT_LANGUAGE
        context["lang"] = language
        # Litestar's own field reads its CSRF middleware; ours is made only if the page renders it.
        context["csrf_input"] = FormField(context.get("request"))
        return self.engine.environments[language].get_template(self.name).render(context)


class LocalizedJinjaEngine(JinjaTemplateEngine):
    def __init__(self, directory: Path) -> None:
        self.environments = {code: make_environment(directory, code) for code in i18n.LANGUAGES}
        super().__init__(engine_instance=self.environments[i18n.DEFAULT_LANGUAGE])

    def get_template(self, template_name: str) -> LocalizedTemplate:  # type: ignore[override]
        try:
            self.engine.get_template(template_name)
        except JinjaTemplateNotFound as error:
            raise TemplateNotFoundException(template_name=template_name) from error
        return LocalizedTemplate(self, template_name)

    def register_template_callable(self, key: str, template_callable: Any) -> None:
        for environment in self.environments.values():
            environment.globals[key] = pass_context(template_callable)

    def render_string(self, template_string: str, context: Mapping[str, Any]) -> str:
        language = context.get("lang", i18n.DEFAULT_LANGUAGE)
        return self.environments.get(language, self.engine).from_string(template_string).render(context)


def template_config(directory: Path) -> TemplateConfig:
    return TemplateConfig(instance=LocalizedJinjaEngine(directory))
