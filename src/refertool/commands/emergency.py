"""refer emergency: the urgent numbers on one screen."""

from __future__ import annotations

from typing import Annotated

import typer

from ..errors import ReferError, UsageError
from ..i18n import t
from .base import ERROR, FOUND, NOTHING, _settings, command
from .options import Format, FormatOpt, NoHeader, Output, _catalog, _complete, _emit, _print_rich, _say, _wants_table


@command()
def emergency(
    ctx: typer.Context,
    region: Annotated[str | None, typer.Option(
        "--region", help="Where you are (region id, municipality or postcode): the nearest place first.",
        autocompletion=_complete("regions"))] = None,
    fmt: FormatOpt = Format.auto, output: Output = None, no_header: NoHeader = False,
) -> int:
    """The urgent numbers, on one screen.

    112, 101, 116 000, 1712 and 106, one line per number, then the care centres after sexual
    violence; it fits an 80x24 terminal.

    \b
    Examples:
      refer emergency
      refer emergency --region Gent
    """
    from ..catalog import emergency_services, load_catalog
    from ..emergency import emergency_lines

    settings = _settings(ctx)
    try:
        catalog = _catalog(settings, emergency=True)
    except ReferError as exc:  # a broken extra directory must never hide the emergency numbers
        _say(f"{t('fallback', settings.lang)} ({exc})")
        catalog = load_catalog([], bundled=True)
    near, mistaken = None, False
    if region is not None:  # an empty --region is a mistake, not "no region"
        from ..ranking import resolve_region

        try:
            near = resolve_region(catalog, region)
        except UsageError as exc:  # a mistyped place must never hide the numbers: say so, show them all,
            _say(t("region_unused", settings.lang, exc))  # and still exit 2 for the mistake
            mistaken = True
    lines = emergency_lines(emergency_services(catalog), catalog.regions, near)
    if _wants_table(fmt, output):
        from ..hours import open_now
        from ..render.table import emergency_view

        services = [s for line in lines for s in line.services]
        if lines:
            _print_rich(emergency_view(lines, catalog.vocabulary, settings.lang,
                                       {s.id for s in services if open_now(s)}), output)
    else:
        _emit([s for line in lines for s in line.services], fmt, output, not no_header, settings, catalog)
    return ERROR if mistaken else FOUND if lines else NOTHING
