"""The Jinja environment: autoescaping everywhere, templates compiled once and cached."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.template.config import TemplateConfig


def make_environment(directory: Path) -> Environment:
    return Environment(
        loader=FileSystemLoader(str(directory)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        auto_reload=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def template_config(directory: Path) -> TemplateConfig:
    return TemplateConfig(instance=JinjaTemplateEngine.from_environment(make_environment(directory)))
