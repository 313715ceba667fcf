"""HTML rendering: one Jinja environment that escapes everything, and the small formatting
filters the templates share."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.responses import HTMLResponse

__all__ = ["TYPE_CLASSES", "make_templates", "render", "type_class"]

TEMPLATES = Path(__file__).with_name("templates")

# The CSS class (and so the colour, in static/app.css) of each ACLED event type.
TYPE_CLASSES: dict[str, str] = {
    "Battles": "type-battles",
    "Explosions/Remote violence": "type-explosions",
    "Violence against civilians": "type-civilians",
    "Protests": "type-protests",
    "Riots": "type-riots",
    "Strategic developments": "type-strategic",
}
OTHER_CLASS = "type-other"


def make_templates() -> Jinja2Templates:
    """The templates, autoescaped (every value is text unless a template says otherwise)."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["type_class"] = type_class
    env.filters["safe_href"] = safe_href
    env.filters["fatalities"] = fatalities_text
    env.filters["when"] = when_text
    env.globals["type_classes"] = TYPE_CLASSES
    return Jinja2Templates(env=env)


def render(request: Request, name: str, context: dict[str, Any],
           status_code: int = 200) -> HTMLResponse:
    templates = cast(Jinja2Templates, request.app.state.templates)
    return cast(HTMLResponse, templates.TemplateResponse(
        request, name, context, status_code=status_code))


def type_class(event_type: str | None) -> str:
    """The CSS class of an ACLED event type (type-other for none or an unknown one)."""
    return TYPE_CLASSES.get(event_type or "", OTHER_CLASS)


def safe_href(url: str | None) -> str | None:
    """The URL if it is http(s), else None: a stored URL never becomes a javascript: link."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def fatalities_text(fatalities: dict[str, Any] | None) -> str:
    """'10 (1-10)' for best with bounds, '5' when they agree, '5 (5+)' when open above."""
    if not fatalities or all(fatalities.get(k) is None for k in ("low", "best", "high")):
        return "not reported"
    low, best, high = fatalities["low"], fatalities["best"], fatalities["high"]
    best_text = "?" if best is None else str(best)
    if low == best and high == best:
        return best_text
    low_text = "?" if low is None else str(low)
    if high is None:
        return f"{best_text} ({low_text} or more)"
    return f"{best_text} ({low_text}–{high})"


def when_text(when: dict[str, Any] | None) -> str:
    """A FORMAT.md date as 'start – end (precision)'."""
    if not when or not when.get("start"):
        return "undated"
    start, end = when["start"], when.get("end")
    span = start if not end or end == start else f"{start} – {end}"
    return f"{span} ({when['precision']})"
