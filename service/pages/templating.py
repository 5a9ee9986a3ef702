"""The pages' Jinja templates, rendered by Litestar's template engine."""

from __future__ import annotations

from pathlib import Path

from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.template.config import TemplateConfig

from service.pages import values

TEMPLATES_DIR = Path(__file__).parent / "templates"


def _register(engine: JinjaTemplateEngine) -> None:
    engine.engine.globals["humanize"] = values.scaled
    engine.engine.filters["kind"] = lambda kind: str(kind).replace("_", " ")


def template_config() -> TemplateConfig[JinjaTemplateEngine]:
    return TemplateConfig(
        directory=TEMPLATES_DIR, engine=JinjaTemplateEngine, engine_callback=_register
    )
