"""refer validate, export, sources and cache: the data itself, and the index cache."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import UsageError
from ..i18n import count, t
from .base import COMMANDS, CONTEXT, FOUND, NOTHING, _settings, command
from .options import (
    ExportFormat,
    FilterOptions,
    Format,
    FormatOpt,
    NoHeader,
    Output,
    _catalog,
    _emit,
    _filtered,
    _print_rich,
    _say,
    _wants_table,
    _writing,
)
from .writing import STDOUT


@command()
def validate(
    ctx: typer.Context,
    paths: Annotated[list[Path] | None, typer.Argument(help="Directories or files (default: every loaded "
                                                          "directory).")] = None,
) -> int:
    """Check data files and print every problem.

    Each problem is printed as path:line: CODE message.

    Exit 0 when clean (warnings allowed), 1 when there are errors, 2 when it could not run.
    The date rules compare with today, or with $REFER_TODAY.

    \b
    Examples:
      refer validate
      refer validate DIR
    """
    from ..catalog import check_paths
    from ..directories import resolve_directories
    from ..validate import today

    settings = _settings(ctx)
    report = check_paths(list(paths or resolve_directories(settings.data_dirs, settings.bundled)), today())
    for p in report.problems:
        print(p)
    lang, files = settings.lang, count("files", settings.lang, report.files)
    if report.problems:
        _say(t("validate_bad", lang, count("errors", lang, report.errors), count("warnings", lang, report.warnings),
               files))
    else:
        _say(t("validate_ok", lang, files))
    return NOTHING if report.errors else FOUND



@command()
def export(
    ctx: typer.Context,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", case_sensitive=False,
                                              help="csv, json, jsonl or hsds (a folder).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="File (- is stdout), or folder for hsds.")],
    filters: FilterOptions = FilterOptions(),
) -> int:
    """Export as CSV, JSON, JSON Lines or HSDS.

    The whole directory, or the part that passes the filters; HSDS is Open Referral's data standard.

    \b
    Examples:
      refer export --format hsds -o /tmp/hsds-out/
      refer export -f csv -o - --free
    """
    settings = _settings(ctx)
    catalog, services = _filtered(settings, filters)
    if fmt is ExportFormat.hsds:
        from ..render.hsds import write_package

        if str(output) == STDOUT:
            raise UsageError(t("hsds_stdout", settings.lang))
        write_package(services, catalog, output, settings.lang)
    else:
        _emit(services, Format(fmt.value), output, True, settings, catalog)
    _say(t("exported", settings.lang, len(services), "stdout" if str(output) == STDOUT else output))
    return FOUND if services else NOTHING


@command("sources")
def list_sources(ctx: typer.Context, fmt: FormatOpt = Format.auto, output: Output = None,
                 no_header: NoHeader = False) -> int:
    """Every source of the data, oldest first.

    Each with its date, its kind and the services that rely on it.

    \b
    Examples:
      refer sources
      refer sources -f csv
    """
    from ..sources import source_rows

    settings = _settings(ctx)
    catalog = _catalog(settings)
    rows = source_rows(catalog.sources, catalog)
    for problem in catalog.source_problems:
        _say(f"warning: {problem}")
    if _wants_table(fmt, output):
        from ..render.table import sources_table

        _print_rich(sources_table(rows, settings.lang), output, settings)
        return FOUND if rows else NOTHING
    columns = ("id", "as_of", "kind", "publisher", "title", "url", "services")
    with _writing(output) as out:
        if fmt in (Format.json, Format.jsonl):
            from ..render.tabular import write_json, write_jsonl

            (write_json if fmt is Format.json else write_jsonl)(out, rows)
        else:
            from ..render.tabular import write_delimited

            flat = [{**r, "services": ";".join(r["services"]) if isinstance(r["services"], list) else ""}
                    for r in rows]
            write_delimited(out, flat, columns, "," if fmt is Format.csv else "\t",
                            header=not no_header and fmt not in (Format.auto, Format.text))
    return FOUND if rows else NOTHING



cache_app = typer.Typer(help="See or reset the index cache.", no_args_is_help=True, add_completion=False,
                        pretty_exceptions_enable=False, rich_markup_mode=None, context_settings=CONTEXT)
COMMANDS["cache"] = cache_app


@cache_app.command("path")
def cache_path() -> int:
    """Print the directory that holds the index cache.

    \b
    Example:
      refer cache path
    """
    from ..cache import cache_root

    print(cache_root())
    return FOUND


@cache_app.command("clear")
def cache_clear(ctx: typer.Context) -> int:
    """Remove every index the cache holds; the next run builds it again.

    \b
    Example:
      refer cache clear
    """
    from ..cache import cache_root, clear

    removed = clear()
    _say(t("cache_cleared", _settings(ctx).lang, count("files", _settings(ctx).lang, removed), cache_root()))
    return FOUND


