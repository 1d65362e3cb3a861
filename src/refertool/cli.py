"""The `refer` command: options in, exit code out. All the work is in the core modules.

Exit codes, like grep and ripgrep: 0 found, 1 nothing found, 2 error, 130 interrupted.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any, NamedTuple, TypeVar

import typer
from typer.core import TyperGroup

from .errors import CacheDamaged, DataError, ReferError, UsageError
from .i18n import count, detect_lang, t
from .version import __version__

if TYPE_CHECKING:
    from .catalog import Catalog
    from .model import Service, Vocabulary
    from .plan import Given, Plan
    from .query import Filters
    from .ranking import Hit
    from .situation import Situation

FOUND, NOTHING, ERROR, INTERRUPTED = 0, 1, 2, 130
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
F = TypeVar("F", bound=Callable[..., Any])


class Settings:
    """The global options, carried to every command by the Typer context (`ctx.obj`)."""

    def __init__(self) -> None:
        self.data_dirs: list[Path] = []
        self.bundled = True
        self.lang = detect_lang()  # --lang, else REFER_LANG, else the locale

    def apply(self, data_dir: Sequence[str | Path] | None = None, no_bundled: bool = False,
              lang: str | None = None) -> None:
        """Take global options given before the command or after it (the later add to the earlier)."""
        self.data_dirs += [Path(d) for d in data_dir or ()]
        self.bundled = self.bundled and not no_bundled
        if lang is not None:
            self.lang = _checked_lang(lang)


def _checked_lang(lang: str) -> str:
    if lang not in ("nl", "en"):
        raise UsageError(f"--lang must be nl or en, not '{lang}'")
    return lang


def _settings(ctx: typer.Context) -> Settings:
    return ctx.ensure_object(Settings)


# ---------------------------------------------------------------- commands, built when asked for
# name -> the command's function (or a Typer app of subcommands, such as `refer cache`)
COMMANDS: dict[str, Callable[..., Any] | typer.Typer] = {}
GLOBAL_OPTIONS = ("data_dir", "no_bundled", "lang")


def command(name: str | None = None) -> Callable[[F], F]:
    """Register a command of `refer`. It is built, its parameters read by Typer, only when it is
    run or listed: `refer emergency` does not pay for the other commands' options."""
    def register(fn: F) -> F:
        COMMANDS[name or fn.__name__] = fn
        return fn

    return register


def build_command(name: str) -> Any:
    """The Click command Typer makes of a registered command; filter options put in where it asks for them."""
    registered = COMMANDS[name]
    if not isinstance(registered, typer.Typer):
        one = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None,
                          context_settings=CONTEXT)
        import inspect  # with ast and dis behind it: only when a command is built

        uses_filters = "filters" in inspect.signature(registered).parameters
        one.command(name)(with_filters(registered) if uses_filters else registered)
        registered = one
    return typer.main.get_command(registered)


class LazyGroup(TyperGroup):
    """Commands loaded lazily, as Click documents for large CLIs ("Lazily Loading Subcommands"); each
    also takes the global options, so that `refer show ID --lang nl` works as `refer --lang nl show ID`."""

    def list_commands(self, ctx: Any) -> list[str]:
        return [*COMMANDS, *(name for name in super().list_commands(ctx) if name not in COMMANDS)]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        # a command added with @app.command() instead of @command() works too, only built at start-up
        built = build_command(cmd_name) if cmd_name in COMMANDS else super().get_command(ctx, cmd_name)
        # a group's subcommands (refer cache path) take them too
        for one in [built, *getattr(built, "commands", {}).values()] if built is not None else []:
            own = {p.name for p in one.params}  # a command's own option of that name (handout's --lang) first
            one.params += [_anywhere(p) for p in self.params if p.name in GLOBAL_OPTIONS and p.name not in own]
        return built


def _anywhere(option: Any) -> Any:
    """A copy of a global option for a command: it updates the settings instead of being an argument."""
    def store(ctx: Any, param: Any, value: Any) -> None:
        if value not in (None, (), [], False):
            _settings(ctx).apply(**{param.name: value})

    from copy import copy

    again = copy(option)
    again.expose_value, again.callback = False, store
    return again


app = typer.Typer(
    name="refer",
    cls=LazyGroup,
    help="Find the right service in Flanders and Brussels for sexual and other transgressive behaviour.\n\n"
    "The global options (--data-dir, --no-bundled, --lang) work before or after the command.\n\n"
    "\b\nExamples:\n  refer emergency\n  refer search \"minor perpetrator Brussels\"\n"
    "  refer show child-focus --lang en",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings=CONTEXT,
)


class Format(str, Enum):
    auto = "auto"
    table = "table"
    text = "text"
    tsv = "tsv"
    csv = "csv"
    json = "json"
    jsonl = "jsonl"


class ExportFormat(str, Enum):
    csv = "csv"
    json = "json"
    jsonl = "jsonl"
    hsds = "hsds"


class PosterFormat(str, Enum):
    html = "html"
    pdf = "pdf"


class PosterSize(str, Enum):
    a4 = "a4"
    a6 = "a6"


def _complete(facet: str) -> Callable[[str], list[str]]:
    def complete(incomplete: str) -> list[str]:
        from .directories import load_meta

        vocab, regions = load_meta([], [])
        values = list(regions.areas) if facet == "regions" else list(vocab.values(facet))
        return [v for v in values if v.startswith(incomplete)]

    return complete


def _complete_ids(incomplete: str) -> list[str]:
    from .directories import bundled_dir, service_files

    return [p.stem for p in service_files(bundled_dir()) if p.stem.startswith(incomplete)]


# ---------------------------------------------------------------- shared options
FormatOpt = Annotated[Format, typer.Option(
    "--format", "-f", help="auto: a table on a terminal, plain lines in a pipe; text: cards.")]
Output = Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")]
NoHeader = Annotated[bool, typer.Option("--no-header", help="Leave out the CSV/TSV header line.")]
Limit = Annotated[int, typer.Option("--limit", "-n", min=1, help="How many results at most.")]


class FilterOptions(NamedTuple):  # a NamedTuple: far cheaper than a dataclass to define at start-up
    """The filter options of search, list and export: one option group, declared once (as sqlite-utils
    shares its output options); a command that declares `filters: FilterOptions` gets them all."""

    audience: list[str] | None = None
    role: list[str] | None = None
    topic: list[str] | None = None
    sector: list[str] | None = None
    region: list[str] | None = None
    channel: list[str] | None = None
    age: int | None = None
    free: bool = False
    anonymous: bool = False
    always_open: bool = False
    open_now: bool = False


def _filter_option_specs() -> dict[str, Any]:
    """How each filter option is written on the command line; made only when a filtering command is built."""
    def many(name: str, what: str, facet: str) -> Any:
        return typer.Option(f"--{name}", help=f"{what} (repeatable).", autocompletion=_complete(facet))

    return {
        "audience": many("audience", "Audience id", "audiences"), "role": many("role", "Role id", "roles"),
        "topic": many("topic", "Topic id", "topics"), "sector": many("sector", "Sector id", "sectors"),
        "region": many("region", "Region id, municipality or postcode", "regions"),
        "channel": many("channel", "Contact channel", "channels"),
        "age": typer.Option("--age", min=0, max=120, help="Age of the person concerned."),
        "free": typer.Option("--free", help="Only free services."),
        "anonymous": typer.Option("--anonymous", help="Only anonymous services."),
        "always_open": typer.Option("--always-open", help="Only services reachable day and night."),
        "open_now": typer.Option("--open-now", help="Only services certainly reachable now (Belgian time)."),
    }


def _filter_option(name: str) -> Any:
    """One filter option alone, for a command that takes some of them (refer plan)."""
    return _filter_option_specs()[name]


def with_filters(fn: F) -> F:
    """Put FilterOptions' options where the command declares `filters: FilterOptions`, for Typer to read."""
    import inspect
    from typing import get_type_hints

    hints = get_type_hints(fn, include_extras=True)
    types, specs = get_type_hints(FilterOptions), _filter_option_specs()
    options = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=FilterOptions._field_defaults[name],
                                 annotation=Annotated[types[name], specs[name]]) for name in FilterOptions._fields]
    params: list[inspect.Parameter] = []
    for p in inspect.signature(fn).parameters.values():
        params += options if p.name == "filters" else [
            p.replace(kind=inspect.Parameter.KEYWORD_ONLY, annotation=hints.get(p.name, p.annotation))]

    @functools.wraps(fn)
    def wrapper(**kwargs: Any) -> Any:
        chosen = FilterOptions(**{name: kwargs.pop(name) for name in FilterOptions._fields})
        return fn(**kwargs, filters=chosen)

    wrapper.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    wrapper.__annotations__ = {p.name: p.annotation for p in params}
    return wrapper  # type: ignore[return-value]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"refer {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    data_dir: Annotated[list[Path] | None, typer.Option(
        "--data-dir", "-d", help="Extra directory of services, laid over the bundled one (repeatable; "
        "also REFER_DATA_DIR).")] = None,
    no_bundled: Annotated[bool, typer.Option("--no-bundled", help="Leave the bundled services out.")] = False,
    lang: Annotated[str | None, typer.Option("--lang", help="nl or en (also REFER_LANG; default: locale).",
                                                autocompletion=lambda: ["nl", "en"])] = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Global options work before or after the command."""
    _settings(ctx).apply(data_dir, no_bundled, lang)


# ---------------------------------------------------------------- helpers
def _catalog(settings: Settings) -> Catalog:
    from .catalog import load_catalog
    from .render.progress import stderr_bar

    catalog = load_catalog(settings.data_dirs, settings.bundled, progress=stderr_bar)
    for w in catalog.warnings:
        print(f"warning: {w}", file=sys.stderr)
    return catalog


def _filters(catalog: Catalog, chosen: FilterOptions) -> Filters:
    from .model import FACET
    from .query import Filters
    from .ranking import resolve_region
    from .validate import closest

    def known(facet: str, values: list[str] | None) -> list[str]:
        allowed = catalog.vocabulary.values(facet)
        for v in values or []:
            if v not in allowed:
                near = closest(v, allowed)
                raise UsageError(f"unknown {FACET[facet].singular} '{v}'."
                                 + (f" Did you mean '{near}'?" if near else "") + " 'refer facets' lists every value.")
        return list(values or [])

    return Filters(
        audiences=known("audiences", chosen.audience), roles=known("roles", chosen.role),
        topics=known("topics", chosen.topic), sectors=known("sectors", chosen.sector),
        channels=known("channels", chosen.channel), regions=[resolve_region(catalog, r) for r in chosen.region or []],
        age=(chosen.age, chosen.age) if chosen.age is not None else None, free=chosen.free,
        anonymous=chosen.anonymous, always_open=chosen.always_open, open_now=chosen.open_now)


def _filtered(settings: Settings, chosen: FilterOptions) -> tuple[Catalog, list[Service]]:
    """The catalog, and its services that pass the filters (all, by id, without filters)."""
    from .ranking import search as run_search

    catalog = _catalog(settings)
    filters = _filters(catalog, chosen)
    if not filters.active():
        return catalog, sorted(catalog, key=lambda s: s.id)
    return catalog, [h.service for h in run_search(catalog, "", filters, limit=None).hits]


@contextmanager
def _writing(output: Path | None) -> Iterator[IO[str]]:
    """stdout, or the -o file (closed afterwards); a file that cannot be written is a clear error."""
    if output is None:
        yield sys.stdout
        return
    try:
        stream = open(output, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise ReferError(f"cannot write {output}: {exc.strerror}") from None
    with stream:
        yield stream


def _wants_table(fmt: Format, output: Path | None) -> bool:
    return fmt is Format.table or (fmt is Format.auto and output is None and sys.stdout.isatty())


def _print_rich(renderable: Any, output: Path | None) -> None:
    from .render.table import console

    with _writing(output) as out:
        console(out if output else None).print(renderable)


def _emit(services: Sequence[Service], fmt: Format, output: Path | None, header: bool, settings: Settings,
          catalog: Catalog, hits: Sequence[Hit] | None = None) -> None:
    """Write services in the chosen format; `auto` is a table on a terminal, plain lines in a pipe.
    JSON names each contact's source from the catalog's sources."""
    from .render.records import COLUMNS, PLAIN_COLUMNS, SEARCH_COLUMNS, flat_row, service_object

    lang = settings.lang
    if _wants_table(fmt, output):
        from .render.table import results_table

        if services:
            _print_rich(results_table(services, lang), output)
        return
    with _writing(output) as out:
        if fmt is Format.text:
            from .render.records import text_card
            from .render.safe import clean

            out.write("\n".join(clean(text_card(s, catalog, lang)) for s in services))
            return
        if fmt in (Format.json, Format.jsonl):
            from .render.tabular import write_json, write_jsonl

            objects = [service_object(s, lang, catalog.sources) for s in services]
            for obj, hit in zip(objects, hits or ()):
                obj["score"], obj["why"] = hit.score, hit.why
            (write_json if fmt is Format.json else write_jsonl)(out, objects)
            return
        rows: list[dict[str, Any]] = [flat_row(s, lang) for s in services]
        for row, hit in zip(rows, hits or ()):
            row["score"] = hit.score
        from .render.tabular import write_delimited, write_plain_lines

        if fmt is Format.auto:  # a pipe or a file: one service a line, no header
            write_plain_lines(out, rows, PLAIN_COLUMNS)
        else:
            columns = SEARCH_COLUMNS if hits is not None else COLUMNS
            write_delimited(out, rows, columns, "," if fmt is Format.csv else "\t", header)


def _say(message: str) -> None:
    print(message, file=sys.stderr)


# ---------------------------------------------------------------- commands
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
    """
    from .ranking import search as run_search

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
        from .situation import describe

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
    from .validate import closest

    settings = _settings(ctx)
    catalog = _catalog(settings)
    service = catalog.get(service_id)
    if service is None:
        near = closest(service_id, catalog.services)
        raise UsageError(t("unknown_id_close", settings.lang, service_id, near) if near
                         else t("unknown_id", settings.lang, service_id))
    if _wants_table(fmt, output):
        from .render.table import service_card

        _print_rich(service_card(service, catalog, settings.lang), output)
    elif fmt is Format.json:  # one object, not a list of one
        from .render.records import service_object
        from .render.tabular import write_json

        with _writing(output) as out:
            write_json(out, service_object(service, settings.lang, catalog.sources))
    else:  # in a pipe the whole card, as text; a table format only when asked for
        _emit([service], Format.text if fmt is Format.auto else fmt, output, not no_header, settings,
              catalog)
    return FOUND


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
    from .catalog import emergency_services, load_catalog
    from .emergency import emergency_lines

    settings = _settings(ctx)
    try:
        catalog = _catalog(settings)
    except ReferError as exc:  # a broken extra directory must never hide the emergency numbers
        _say(f"{t('fallback', settings.lang)} ({exc})")
        catalog = load_catalog([], bundled=True)
    near = None
    if region is not None:  # an empty --region is a mistake, not "no region"
        from .ranking import resolve_region

        near = resolve_region(catalog, region)
    lines = emergency_lines(emergency_services(catalog), catalog.regions, near)
    if _wants_table(fmt, output):
        from .hours import open_now
        from .render.table import emergency_view

        services = [s for line in lines for s in line.services]
        if lines:
            _print_rich(emergency_view(lines, catalog.vocabulary, settings.lang,
                                       {s.id for s in services if open_now(s)}), output)
        return FOUND if lines else NOTHING
    _emit([s for line in lines for s in line.services], fmt, output, not no_header, settings, catalog)
    return FOUND if lines else NOTHING


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
    from .catalog import check_paths
    from .directories import resolve_directories
    from .validate import today

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
def facets(ctx: typer.Context, fmt: FormatOpt = Format.auto, output: Output = None,
           no_header: NoHeader = False) -> int:
    """Every filter value, with its count.

    Each value with its Dutch and English label and how many services carry it.

    \b
    Examples:
      refer facets
      refer facets -f csv
    """
    from .catalog import facet_counts

    settings = _settings(ctx)
    rows = facet_counts(_catalog(settings))
    if _wants_table(fmt, output):
        from .render.table import facets_table

        _print_rich(facets_table(rows, settings.lang), output)
        return FOUND
    with _writing(output) as out:
        objects = [{"facet": r.facet, "value": r.value, "nl": r.nl, "en": r.en, "count": r.services} for r in rows]
        if fmt in (Format.json, Format.jsonl):
            from .render.tabular import write_json, write_jsonl

            (write_json if fmt is Format.json else write_jsonl)(out, objects)
        else:
            from .render.tabular import write_delimited

            header = not no_header and fmt not in (Format.auto, Format.text)
            write_delimited(out, objects, ("facet", "value", "nl", "en", "count"), "," if fmt is Format.csv else "\t",
                            header)
    return FOUND


@command()
def export(
    ctx: typer.Context,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="csv, json, jsonl or hsds (a folder).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="File, or folder for hsds.")],
    filters: FilterOptions = FilterOptions(),
) -> int:
    """Export as CSV, JSON, JSON Lines or HSDS.

    The whole directory, or the part that passes the filters; HSDS is Open Referral's data standard.

    \b
    Examples:
      refer export --format hsds -o hsds-out/
      refer export -f csv -o free.csv --free
    """
    settings = _settings(ctx)
    catalog, services = _filtered(settings, filters)
    if fmt is ExportFormat.hsds:
        from .render.hsds import write_package

        write_package(services, catalog, output, settings.lang)
    else:
        _emit(services, Format(fmt.value), output, True, settings, catalog)
    _say(t("exported", settings.lang, len(services), output))
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
    from .sources import source_rows

    settings = _settings(ctx)
    catalog = _catalog(settings)
    rows = source_rows(catalog.sources, catalog)
    for problem in catalog.source_problems:
        _say(f"warning: {problem}")
    if _wants_table(fmt, output):
        from .render.table import sources_table

        _print_rich(sources_table(rows, settings.lang), output)
        return FOUND if rows else NOTHING
    columns = ("id", "as_of", "kind", "publisher", "title", "url", "services")
    with _writing(output) as out:
        if fmt in (Format.json, Format.jsonl):
            from .render.tabular import write_json, write_jsonl

            (write_json if fmt is Format.json else write_jsonl)(out, rows)
        else:
            from .render.tabular import write_delimited

            flat = [{**r, "services": ";".join(r["services"]) if isinstance(r["services"], list) else ""}
                    for r in rows]
            write_delimited(out, flat, columns, "," if fmt is Format.csv else "\t",
                            header=not no_header and fmt not in (Format.auto, Format.text))
    return FOUND if rows else NOTHING


@command()
def handout(
    ctx: typer.Context,
    audience: Annotated[str, typer.Option("--audience", help="Who the poster is for (an audience id).",
                                          autocompletion=_complete("audiences"))],
    output: Annotated[Path, typer.Option("--output", "-o", help="poster.html or poster.pdf.")],
    region: Annotated[str | None, typer.Option(
        "--region", help="Only helplines serving all of this region (id, municipality or postcode).",
        autocompletion=_complete("regions"))] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="The poster's language, nl or en (default: as refer).",
                                                autocompletion=lambda: ["nl", "en"])] = None,
    size: Annotated[PosterSize, typer.Option("--size", help="a4: one poster; a6: four cut-out cards on A4.")]
    = PosterSize.a4,
    fmt: Annotated[PosterFormat | None, typer.Option("--format", "-f", help="html or pdf (default: from -o).")]
    = None,
) -> int:
    """A poster of helplines for one audience.

    A printable A4 poster (or four A6 cards), as HTML or PDF.

    \b
    Examples:
      refer handout --audience minors -o poster.html
      refer handout --audience minors --lang nl -o poster.pdf
    """
    from .helplines import helplines
    from .render.handout import poster, write_html, write_pdf

    settings = _settings(ctx)
    poster_lang = _checked_lang(lang) if lang is not None else settings.lang  # messages stay in refer's
    kind = fmt.value if fmt else output.suffix.lower().lstrip(".")
    if kind not in ("html", "pdf"):
        raise UsageError(t("handout_format", settings.lang))
    catalog = _catalog(settings)
    chosen = _filters(catalog, FilterOptions(audience=[audience], region=[region] if region else None))
    place = chosen.regions[0] if chosen.regions else None
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
        _say(t("handout_left_off", settings.lang, len(content.lines), len(services), ", ".join(content.left_off)))
    _say(t("handout_written", settings.lang, len(content.lines), output))
    return FOUND


class PlanFormat(str, Enum):
    auto = "auto"
    table = "table"
    md = "md"
    json = "json"
    html = "html"


@command()
def plan(
    ctx: typer.Context,
    situation: Annotated[list[str] | None, typer.Argument(help="The situation in your words, Dutch or English.")]
    = None,
    audience: Annotated[list[str] | None, _filter_option("audience")] = None,
    role: Annotated[str | None, typer.Option(
        "--role", help="Who asks: professional, bystander, victim or perpetrator (for themself).",
        autocompletion=_complete("roles"))] = None,
    topic: Annotated[list[str] | None, _filter_option("topic")] = None,
    sector: Annotated[list[str] | None, _filter_option("sector")] = None,
    region: Annotated[list[str] | None, _filter_option("region")] = None,
    age: Annotated[int | None, typer.Option("--age", min=0, max=120, help="Age of the person affected.")] = None,
    no_input: Annotated[bool, typer.Option("--no-input", help="Never ask for a missing age or role.")] = False,
    fmt: Annotated[PlanFormat, typer.Option("--format", "-f", help="auto: a table on a terminal, Markdown "
                                                                    "in a pipe.")] = PlanFormat.auto,
    output: Output = None,
) -> int:
    """A referral plan for a situation, in steps.

    Now, advice for you, report, help for each person, later. --age is the age of the person
    affected, --role who asks (professional, bystander, victim, perpetrator).

    \b
    Example:
      refer plan "trainer betastte een speelster van 14, gisteren" --region Gent
    """
    from .plan import Given, make_plan
    from .situation import read

    settings = _settings(ctx)
    catalog = _catalog(settings)
    lang = settings.lang
    f = _filters(catalog, FilterOptions(audience=audience, role=[role] if role else None, topic=topic,
                                        sector=sector, region=region, age=age))
    text = " ".join(situation or [])
    if not text.strip() and not f.active():
        raise UsageError(t("plan_empty", lang))
    read_as = read(text, catalog.vocabulary, catalog.regions)
    given = Given(age, role or "", tuple(f.sectors), tuple(f.regions), tuple(f.audiences), tuple(f.topics))
    if not no_input and _interactive():
        given = _ask(read_as, given, catalog.vocabulary, lang)
    result = make_plan(catalog, read_as, given, lang, text)
    if not result.sections:
        _say(t("plan_nothing", lang))
        return NOTHING
    _emit_plan(result, fmt, output, catalog, lang)
    return FOUND


def _emit_plan(plan: Plan, fmt: PlanFormat, output: Path | None, catalog: Catalog, lang: str) -> None:
    """A table per step on a terminal; Markdown in a pipe; a file's format from its extension (.html,
    .json, else Markdown); JSON or one HTML page on request."""
    if fmt is PlanFormat.auto and output is not None:
        by_suffix = {".html": PlanFormat.html, ".htm": PlanFormat.html, ".json": PlanFormat.json,
                     ".md": PlanFormat.md, ".markdown": PlanFormat.md, ".txt": PlanFormat.md}
        if output.suffix.lower() not in by_suffix:
            raise UsageError(t("plan_format", lang, output.suffix or output.name))
        fmt = by_suffix[output.suffix.lower()]
    if fmt is PlanFormat.table or (fmt is PlanFormat.auto and output is None and sys.stdout.isatty()):
        from .render.table import plan_view

        _print_rich(plan_view(plan, lang), output)
        return
    from .render.plan import plan_object, write_html, write_markdown

    with _writing(output) as out:
        if fmt is PlanFormat.json:
            from .render.tabular import write_json

            write_json(out, plan_object(plan, lang, catalog.sources))
        elif fmt is PlanFormat.html:
            write_html(out, plan, lang)
        else:
            write_markdown(out, plan, lang)


def _interactive() -> bool:
    """Questions only to a person at a terminal; never in a pipe or a script."""
    return sys.stdin.isatty()


ROLE_CHOICES = {"1": "professional", "2": "bystander", "3": "victim", "4": "perpetrator"}


def _ask(read_as: Situation, given: Given, vocab: Vocabulary, lang: str) -> Given:
    """Ask for the age and the asker's role when they matter and are missing; Enter skips."""
    from dataclasses import replace

    from .plan import complete, missing

    for item in missing(complete(read_as, given, vocab)):
        while True:
            answer = typer.prompt(t(f"ask_{item}", lang), default="", show_default=False, err=True).strip()
            if not answer:
                break
            if item == "age" and answer.isdigit() and int(answer) <= 120:
                given = replace(given, age=int(answer))
                break
            if item == "role" and (answer in ROLE_CHOICES or answer in ROLE_CHOICES.values()):
                given = replace(given, role=ROLE_CHOICES.get(answer, answer))
                break
    return given


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
    from .cache import cache_root

    print(cache_root())
    return FOUND


@cache_app.command("clear")
def cache_clear(ctx: typer.Context) -> int:
    """Remove every index the cache holds; the next run builds it again.

    \b
    Example:
      refer cache clear
    """
    from .cache import cache_root, clear

    removed = clear()
    _say(t("cache_cleared", _settings(ctx).lang, count("files", _settings(ctx).lang, removed), cache_root()))
    return FOUND


# ---------------------------------------------------------------- the error boundary
def run(argv: Sequence[str] | None = None, retried: bool = False) -> int:
    """Run the CLI and return its exit code; the tool's own errors become one clear message."""
    args = list(argv) if argv is not None else sys.argv[1:]
    settings = Settings()
    try:
        result = app(args=args, prog_name="refer", standalone_mode=False, obj=settings)
        return result if isinstance(result, int) else FOUND
    except CacheDamaged as exc:
        # a part of the cache read late was damaged: without it the next run rebuilds, so run again once
        Path(exc.path).unlink(missing_ok=True)
        if not retried:
            return run(args, retried=True)
        _say(f"refer: {exc}")
        return exc.exit_code
    except DataError as exc:
        _say(t("data_problems", settings.lang))
        for p in exc.problems:
            _say(f"  {p}")
        return ERROR
    except ReferError as exc:
        _say(f"refer: {exc}")
        return exc.exit_code
    except typer.Exit as exc:
        return int(exc.exit_code)
    except typer.Abort:
        _say(t("interrupted", settings.lang))
        return INTERRUPTED
    except typer.TyperException as exc:  # Typer's own usage errors (bad option, bad value)
        exc.show()  # type: ignore[attr-defined]
        return int(getattr(exc, "exit_code", ERROR))
    except KeyboardInterrupt:
        _say(t("interrupted", settings.lang))
        return INTERRUPTED
    except BrokenPipeError:
        # the reader went away (refer ... | head): not an error of ours
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return FOUND
    except Exception as exc:  # a bug: one line, the traceback only on request
        if os.environ.get("REFER_DEBUG"):
            raise
        _say(t("internal", settings.lang, f"{type(exc).__name__}: {exc}"))
        return ERROR


def main() -> None:
    sys.exit(run())
