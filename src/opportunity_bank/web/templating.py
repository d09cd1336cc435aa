"""The Jinja environment: autoescaping everywhere, templates compiled once and cached."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.template.config import TemplateConfig


def make_environment(directory: Path) -> Environment:
    environment = Environment(
        loader=FileSystemLoader(str(directory)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        auto_reload=False,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    # Templates mark every visible string with _(); the languages are installed per request.
    environment.install_null_translations(newstyle=True)
    return environment


def template_config(directory: Path) -> TemplateConfig:
    return TemplateConfig(instance=JinjaTemplateEngine.from_environment(make_environment(directory)))
