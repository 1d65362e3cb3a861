"""refer search, list, show and facets: finding services and showing them."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..errors import UsageError
from ..i18n import t
from .base import FOUND, NOTHING, _settings, command
from .options import (
    FilterOptions,
    Format,
    FormatOpt,
    Limit,
    NoHeader,
    Output,
    _catalog,
    _complete_ids,
    _emit,
    _filtered,
    _filters,
    _print_rich,
    _say,
    _wants_table,
    _writing,
)

if TYPE_CHECKING:
    from ..query import Filters


@command()
def search(
    ctx: typer.Context,
    query: Annotated[list[str] | None, typer.Argument(help="What you are looking for, in Dutch or English.")]
    = None,
    filters: FilterOptions = FilterOptions(),
    limit: Limit = 10,
    fmt: FormatOpt = Format.auto, output: Output = None, no_header: NoHeader = False,
    explain: Annotated[bool, typer.Option("--explain", help="Show how the query was understood.")] = False,
) -> int:
    """Search services by free text and filters.

    \b
    Examples:
      refer search "minderjarige pleger Brussel" --explain
      refer search "chlid focus"
      refer search --role perpetrator --audience minors -f json
      refer search "mijn zoon van 14 werd betast door zijn trainer" -f json --explain
    """
    from ..ranking import search as run_search

    settings = _settings(ctx)
    catalog = _catalog(settings)
    chosen = _filters(catalog, filters)
    result = run_search(catalog, " ".join(query or []), chosen, limit)
    lang = settings.lang
    if explain:
        _say(_explanation(result, lang))
    if result.relaxed:
        _say(t("relaxed", lang, ", ".join(f"{f.facet}={f.value} ('{f.words}')" for f in result.relaxed)))
    elif result.partial and fmt in (Format.auto, Format.table) and sys.stdout.isatty():
        _say(t("partial", lang))
    services = [h.service for h in result.hits]
    if explain and fmt is Format.json:  # one object: the query, the situation as read, the results explained
        from ..render.records import search_object
        from ..render.tabular import write_json

        with _writing(output) as out:
            write_json(out, search_object(result, lang, catalog.sources))
    else:
        _emit(services, fmt, output, not no_header, settings, catalog, result.hits)
    if not services:
        _say(t("no_results", lang))
        if result.suggestions:
            _say(t("did_you_mean", lang, ", ".join(result.suggestions.values())))
        if chosen.active():
            _say(t("filters_removed", lang, _describe_filters(chosen)))
        return NOTHING
    return FOUND


def _describe_filters(f: Filters) -> str:
    parts = [f"--{k[:-1] if k.endswith('s') and k != 'always_open' else k}={','.join(v)}"
             for k, v in vars(f).items() if isinstance(v, list) and v]
    parts += [f"--{k.replace('_', '-')}" for k, v in vars(f).items() if v is True]
    if f.age:
        parts.append(f"--age={f.age[0]}")
    return " ".join(parts)


def _explanation(result: Any, lang: str) -> str:
    q = result.query
    lines = [f"{t('understood', lang)}:"]
    for f in q.pulled:
        lines.append(f"  {f.facet}={f.value}  <- '{f.words}'" + (f" ({f.typos} typo)" if f.typos else ""))
    terms = [c.label for c in q.concepts if not c.facets]
    lines.append(f"  {t('terms', lang)}: {', '.join(terms) if terms else '-'}")
    if q.ignored:
        lines.append(f"  {t('ignored', lang)}: {', '.join(q.ignored)}")
    if q.filters.active():
        lines.append(f"  filters: {_describe_filters(q.filters)}")
    for f in result.relaxed:
        lines.append(f"  relaxed: {f.facet}={f.value}")
    for note in q.notes:
        lines.append(f"  {note}")
    if q.situation:
        from ..reading.read import describe

        lines.append(f"  {t('situation', lang)}: {describe(q.situation, lang)}")
    for n, hit in enumerate(result.hits, 1):
        lines.append(f"{n}. {hit.service.id} (score {hit.score}): " + "; ".join(hit.why))
        if hit.fit:
            lines.append(f"     {t('fit', lang)}: " + "; ".join(hit.fit))
        lines.append(f"     {t('sort_key', lang)}: {hit.key.explain()}")
    return "\n".join(lines)


@command("list")
def list_services(
    ctx: typer.Context,
    filters: FilterOptions = FilterOptions(),
    fmt: FormatOpt = Format.auto, output: Output = None, no_header: NoHeader = False,
) -> int:
    """List all services, or the filtered ones.

    \b
    Examples:
      refer list --role perpetrator --audience minors
      refer list --region Vilvoorde --free
    """
    settings = _settings(ctx)
    catalog, services = _filtered(settings, filters)
    _emit(services, fmt, output, not no_header, settings, catalog)
    return FOUND if services else NOTHING


@command()
def show(
    ctx: typer.Context,
    service_id: Annotated[str, typer.Argument(metavar="ID", help="The service id (its file name).",
                                              autocompletion=_complete_ids)],
    fmt: FormatOpt = Format.auto, output: Output = None, no_header: NoHeader = False,
) -> int:
    """Show one service in full.

    A card on a terminal; the same card as plain text in a pipe.

    \b
    Examples:
      refer show child-focus
      refer show child-focus --lang nl -f json
    """
    from ..text import closest

    settings = _settings(ctx)
    catalog = _catalog(settings)
    service = catalog.get(service_id)
    if service is None:
        near = closest(service_id, catalog.services)
        raise UsageError(t("unknown_id_close", settings.lang, service_id, near) if near
                         else t("unknown_id", settings.lang, service_id))
    if _wants_table(fmt, output):
        from ..render.table import service_card

        _print_rich(service_card(service, catalog, settings.lang), output, settings)
    elif fmt is Format.json:  # one object, not a list of one
        from ..render.records import service_object
        from ..render.tabular import write_json

        with _writing(output) as out:
            write_json(out, service_object(service, settings.lang, catalog.sources))
    else:  # in a pipe the whole card, as text; a table format only when asked for
        _emit([service], Format.text if fmt is Format.auto else fmt, output, not no_header, settings,
              catalog)
    return FOUND



@command()
def facets(ctx: typer.Context, fmt: FormatOpt = Format.auto, output: Output = None,
           no_header: NoHeader = False) -> int:
    """Every filter value, with its count.

    Each value with its Dutch and English label and how many services carry it.

    \b
    Examples:
      refer facets
      refer facets -f csv
    """
    from ..catalog import facet_counts

    settings = _settings(ctx)
    rows = facet_counts(_catalog(settings))
    if _wants_table(fmt, output):
        from ..render.table import facets_table

        _print_rich(facets_table(rows, settings.lang), output, settings)
        return FOUND
    with _writing(output) as out:
        objects = [{"facet": r.facet, "value": r.value, "nl": r.nl, "en": r.en, "count": r.services} for r in rows]
        if fmt in (Format.json, Format.jsonl):
            from ..render.tabular import write_json, write_jsonl

            (write_json if fmt is Format.json else write_jsonl)(out, objects)
        else:
            from ..render.tabular import write_delimited

            header = not no_header and fmt not in (Format.auto, Format.text)
            write_delimited(out, objects, ("facet", "value", "nl", "en", "count"), "," if fmt is Format.csv else "\t",
                            header)
    return FOUND


