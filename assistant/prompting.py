"""Prompt templates of the LLM mode: Jinja2 files under ``prompts/`` at the project root.

Templates are rendered with :class:`jinja2.StrictUndefined`, so a variable the caller forgot raises instead of
silently becoming an empty string.

>>> "{{" in render_prompt("condense_question", question="Còn Hà Nam thì sao?", history=[])
False
"""

from __future__ import annotations

from functools import lru_cache

from settings import PROJECT_ROOT

#: Folder holding the ``*.j2`` prompt files.
PROMPTS_DIR = PROJECT_ROOT / "prompts"


@lru_cache(maxsize=1)
def _environment():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(
        loader=FileSystemLoader(str(PROMPTS_DIR), encoding="utf-8"),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def render_prompt(name: str, **variables) -> str:
    """Render ``prompts/<name>.j2``.

    Args:
        name: template name without the ``.j2`` suffix (``"answer_system"``); the suffix is accepted too.
        **variables: the template's variables; every variable the template uses must be given.

    Returns:
        The rendered text.

    Raises:
        jinja2.TemplateNotFound: no such prompt file.
        jinja2.UndefinedError: a variable the template uses was not given.
    """
    filename = name if name.endswith(".j2") else f"{name}.j2"
    return _environment().get_template(filename).render(**variables)


__all__ = ["render_prompt", "PROMPTS_DIR"]
