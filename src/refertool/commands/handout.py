"""refer handout: a poster of helplines for one audience."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import ReferError, UsageError
from ..i18n import t
from .base import FOUND, NOTHING, _checked_lang, _settings, command
from .options import FilterOptions, _catalog, _complete, _filters, _say


class PosterFormat(str, Enum):
    html = "html"
    pdf = "pdf"


class PosterSize(str, Enum):
    a4 = "a4"
    a6 = "a6"



@command()
def handout(
    ctx: typer.Context,
    audience: Annotated[str, typer.Option("--audience", help="Who the poster is for (an audience: id or label).",
                                          autocompletion=_complete("audiences"))],
    output: Annotated[Path, typer.Option("--output", "-o", help="poster.html or poster.pdf.")],
    region: Annotated[str | None, typer.Option(
        "--region", help="Only helplines serving all of this region (id, municipality or postcode).",
        autocompletion=_complete("regions"))] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="The poster's language, nl or en (default: as refer).",
                                                autocompletion=lambda: ["nl", "en"])] = None,
    size: Annotated[PosterSize, typer.Option("--size", case_sensitive=False,
                                             help="a4: one poster; a6: four cut-out cards on A4.")]
    = PosterSize.a4,
    fmt: Annotated[PosterFormat | None, typer.Option("--format", "-f", case_sensitive=False,
                                                     help="html or pdf (default: from -o).")]
    = None,
) -> int:
    """A poster of helplines for one audience.

    A printable A4 poster (or four A6 cards), as HTML or PDF.

    \b
    Examples:
      refer handout --audience minors -o /tmp/poster.html
      refer handout --audience minors --lang nl -o /tmp/poster.pdf
    """
    from ..helplines import helplines
    from ..render.handout import poster, write_html
    from ..render.handout_pdf import write_pdf

    settings = _settings(ctx)
    poster_lang = _checked_lang(lang) if lang is not None else settings.lang  # messages stay in refer's
    kind = fmt.value if fmt else output.suffix.lower().lstrip(".")
    if kind not in ("html", "pdf"):
        raise UsageError(t("handout_format", settings.lang))
    catalog = _catalog(settings)
    chosen = _filters(catalog, FilterOptions(audience=[audience], region=[region] if region else None))
    place = chosen.regions[0] if chosen.regions else None
    audience = chosen.audiences[0]  # as resolved: --audience Minderjarigen is minors
    services = helplines(catalog, audience, place)
    if not services:
        _say(t("handout_none", settings.lang))
        return NOTHING
    content = poster(services, catalog.vocabulary, catalog.regions, catalog.sources, audience, place,
                     poster_lang, size.value)
    data = write_html(content, size.value).encode("utf-8") if kind == "html" else write_pdf(content, size.value)
    try:
        output.write_bytes(data)
    except OSError as exc:
        raise ReferError(f"cannot write {output}: {exc.strerror}") from None
    if content.left_off:  # never a number dropped silently
        shown = len(content.lines)
        _say(t("handout_left_off", settings.lang, shown, shown + len(content.left_off), ", ".join(content.left_off)))
    _say(t("handout_written", settings.lang, len(content.lines), output))
    return FOUND


