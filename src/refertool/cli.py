"""The `refer` command: options in, exit code out. All the work is in the core modules.

Exit codes, like grep and ripgrep: 0 found, 1 nothing found, 2 error, 130 interrupted.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any

import typer

from .errors import DataError, ReferError, UsageError
from .i18n import detect_lang, t
from .version import __version__

if TYPE_CHECKING:
    from .catalog import Catalog
    from .model import Service
    from .plan import Given, Plan
    from .query import Filters
    from .ranking import Hit
    from .situation import Situation

FOUND, NOTHING, ERROR, INTERRUPTED = 0, 1, 2, 130

app = typer.Typer(
    name="refer",
    help="Find the right service in Flanders and Brussels for sexual and other transgressive behaviour.\n\n"
    "Examples:\n\n  refer emergency\n\n  refer search \"minor perpetrator Brussels\"\n\n"
    "  refer show child-focus --lang en",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Format(str, Enum):
    auto = "auto"
    table = "table"
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


class Settings:
    data_dirs: list[Path] = []
    bundled: bool = True
    lang: str = "en"


settings = Settings()


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
Audience = Annotated[list[str] | None, typer.Option("--audience", help="Audience id (repeatable).",
                                                       autocompletion=_complete("audiences"))]
Role = Annotated[list[str] | None, typer.Option("--role", help="Role id (repeatable).",
                                                   autocompletion=_complete("roles"))]
Topic = Annotated[list[str] | None, typer.Option("--topic", help="Topic id (repeatable).",
                                                    autocompletion=_complete("topics"))]
Sector = Annotated[list[str] | None, typer.Option("--sector", help="Sector id (repeatable).",
                                                     autocompletion=_complete("sectors"))]
Region = Annotated[list[str] | None, typer.Option(
    "--region", help="Region id, municipality or postcode (repeatable).", autocompletion=_complete("regions"))]
Channel = Annotated[list[str] | None, typer.Option("--channel", help="Contact channel (repeatable).",
                                                      autocompletion=_complete("channels"))]
Age = Annotated[int | None, typer.Option("--age", min=0, max=120, help="Age of the person concerned.")]
Free = Annotated[bool, typer.Option("--free", help="Only free services.")]
Anonymous = Annotated[bool, typer.Option("--anonymous", help="Only anonymous services.")]
AlwaysOpen = Annotated[bool, typer.Option("--always-open", help="Only services reachable day and night.")]
OpenNow = Annotated[bool, typer.Option("--open-now", help="Only services certainly reachable now (Belgian time).")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="auto: a table on a terminal, TSV in a pipe.")]
Output = Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")]
NoHeader = Annotated[bool, typer.Option("--no-header", help="Leave out the CSV/TSV header line.")]
Limit = Annotated[int, typer.Option("--limit", "-n", min=1, help="How many results at most.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"refer {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    data_dir: Annotated[list[Path] | None, typer.Option(
        "--data-dir", "-d", help="Extra directory of services, laid over the bundled one (repeatable; "
        "also REFER_DATA_DIR).")] = None,
    no_bundled: Annotated[bool, typer.Option("--no-bundled", help="Leave the bundled services out.")] = False,
    lang: Annotated[str | None, typer.Option("--lang", help="nl or en (also REFER_LANG; default: locale).",
                                                autocompletion=lambda: ["nl", "en"])] = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    if lang is not None and lang not in ("nl", "en"):
        raise UsageError(f"--lang must be nl or en, not '{lang}'")
    settings.data_dirs = list(data_dir or [])
    settings.bundled = not no_bundled
    settings.lang = detect_lang(lang)


# ---------------------------------------------------------------- helpers
def _catalog() -> Catalog:
    from .catalog import load_catalog
    from .render.progress import stderr_bar

    catalog = load_catalog(settings.data_dirs, settings.bundled, progress=stderr_bar)
    for w in catalog.warnings:
        print(f"warning: {w}", file=sys.stderr)
    return catalog


def _filters(catalog: Catalog, audience: list[str] | None, role: list[str] | None, topic: list[str] | None,
             sector: list[str] | None, region: list[str] | None, channel: list[str] | None, age: int | None,
             free: bool, anonymous: bool, always_open: bool, open_now: bool) -> Filters:
    from .query import Filters
    from .ranking import resolve_region
    from .validate import did_you_mean

    def known(facet: str, values: list[str] | None) -> list[str]:
        allowed = catalog.vocabulary.values(facet)
        for v in values or []:
            if v not in allowed:
                raise UsageError(f"unknown {facet[:-1] if facet != 'sectors' else 'sector'} '{v}'"
                                 f"{did_you_mean(v, allowed)}; see 'refer facets'")
        return list(values or [])

    return Filters(
        audiences=known("audiences", audience), roles=known("roles", role), topics=known("topics", topic),
        sectors=known("sectors", sector), channels=known("channels", channel),
        regions=[resolve_region(catalog, r) for r in region or []],
        age=(age, age) if age is not None else None,
        free=free, anonymous=anonymous, always_open=always_open, open_now=open_now)


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


def _emit(services: Sequence[Service], fmt: Format, output: Path | None, header: bool,
          hits: Sequence[Hit] | None = None, plain: Sequence[str] = (), catalog: Catalog | None = None) -> None:
    """Write services in the chosen format; `auto` is a table on a terminal, TSV lines in a pipe.
    JSON names each contact's source from the catalog's sources."""
    from .render.records import COLUMNS, SEARCH_COLUMNS, flat_row, reach_line, service_object

    lang = settings.lang
    if _wants_table(fmt, output):
        from .render.table import results_table

        if services:
            _print_rich(results_table(services, lang), output)
        return
    with _writing(output) as out:
        if fmt in (Format.json, Format.jsonl):
            from .render.tabular import write_json, write_jsonl

            known = catalog.sources if catalog is not None else {}
            objects = [service_object(s, lang, known) for s in services]
            for obj, hit in zip(objects, hits or ()):
                obj["score"], obj["why"] = hit.score, hit.why
            (write_json if fmt is Format.json else write_jsonl)(out, objects)
            return
        rows: list[dict[str, Any]] = [flat_row(s, lang) for s in services]
        for row, s in zip(rows, services):
            row["contact"] = reach_line(s, lang)
        for row, hit in zip(rows, hits or ()):
            row["score"] = hit.score
        from .render.tabular import write_delimited, write_plain_lines

        if fmt is Format.auto:  # a pipe or a file: one service a line, no header
            write_plain_lines(out, rows, plain or ("id", "name", "contact", "summary"))
        else:
            columns = SEARCH_COLUMNS if hits is not None else COLUMNS
            write_delimited(out, rows, columns, "," if fmt is Format.csv else "\t", header)


def _say(message: str) -> None:
    print(message, file=sys.stderr)


# ---------------------------------------------------------------- commands
@app.command()
def search(
    query: Annotated[list[str] | None, typer.Argument(help="What you are looking for, in Dutch or English.")]
    = None,
    audience: Audience = None, role: Role = None, topic: Topic = None, sector: Sector = None,
    region: Region = None, channel: Channel = None, age: Age = None, free: Free = False,
    anonymous: Anonymous = False, always_open: AlwaysOpen = False, open_now: OpenNow = False,
    limit: Limit = 10,
    fmt: FormatOpt = Format.auto, output: Output = None, no_header: NoHeader = False,
    explain: Annotated[bool, typer.Option("--explain", help="Show how the query was understood.")] = False,
) -> int:
    """Search services by free text and filters.

    Example: refer search "minderjarige pleger Brussel" --explain
    """
    from .ranking import search as run_search

    catalog = _catalog()
    filters = _filters(catalog, audience, role, topic, sector, region, channel, age, free, anonymous,
                       always_open, open_now)
    text = " ".join(query or [])
    result = run_search(catalog, text, filters, limit)
    lang = settings.lang
    if explain:
        _say(_explanation(result))
    if result.relaxed:
        _say(t("relaxed", lang, ", ".join(f"{f.facet}={f.value} ('{f.words}')" for f in result.relaxed)))
    elif result.partial and fmt in (Format.auto, Format.table) and sys.stdout.isatty():
        _say(t("partial", lang))
    services = [h.service for h in result.hits]
    _emit(services, fmt, output, not no_header, result.hits, catalog=catalog)
    if not services:
        _say(t("no_results", lang))
        if result.suggestions:
            _say(t("did_you_mean", lang, ", ".join(result.suggestions.values())))
        if filters.active():
            _say(t("filters_removed", lang, _describe_filters(filters)))
        return NOTHING
    return FOUND


def _describe_filters(f: Filters) -> str:
    parts = [f"--{k[:-1] if k.endswith('s') and k != 'always_open' else k}={','.join(v)}"
             for k, v in vars(f).items() if isinstance(v, list) and v]
    parts += [f"--{k.replace('_', '-')}" for k, v in vars(f).items() if v is True]
    if f.age:
        parts.append(f"--age={f.age[0]}")
    return " ".join(parts)


def _explanation(result: Any) -> str:
    q = result.query
    lang = settings.lang
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


@app.command("list")
def list_services(
    audience: Audience = None, role: Role = None, topic: Topic = None, sector: Sector = None,
    region: Region = None, channel: Channel = None, age: Age = None, free: Free = False,
    anonymous: Anonymous = False, always_open: AlwaysOpen = False, open_now: OpenNow = False,
    fmt: FormatOpt = Format.auto, output: Output = None, no_header: NoHeader = False,
) -> int:
    """List every service, or those that pass the filters.

    Example: refer list --role perpetrator --audience minors
    """
    catalog, services = _filtered(audience, role, topic, sector, region, channel, age, free, anonymous,
                                  always_open, open_now)
    _emit(services, fmt, output, not no_header, catalog=catalog)
    return FOUND if services else NOTHING


def _filtered(*args: Any) -> tuple[Catalog, list[Service]]:
    """The catalog, and its services that pass the filters (all, by id, without filters)."""
    from .ranking import search as run_search

    catalog = _catalog()
    filters = _filters(catalog, *args)
    if not filters.active():
        return catalog, sorted(catalog, key=lambda s: s.id)
    return catalog, [h.service for h in run_search(catalog, "", filters, limit=None).hits]


@app.command()
def show(
    service_id: Annotated[str, typer.Argument(metavar="ID", help="The service id (its file name).",
                                              autocompletion=_complete_ids)],
    fmt: FormatOpt = Format.auto, output: Output = None, no_header: NoHeader = False,
) -> int:
    """Show one service in full.

    Example: refer show child-focus --lang nl
    """
    from .validate import did_you_mean

    catalog = _catalog()
    service = catalog.get(service_id)
    if service is None:
        raise UsageError(t("unknown_id", settings.lang, service_id) + did_you_mean(service_id, catalog.services))
    if _wants_table(fmt, output):
        from .render.table import service_card

        _print_rich(service_card(service, catalog, settings.lang), output)
        return FOUND
    if fmt is Format.json:  # one object, not a list of one
        from .render.records import service_object
        from .render.tabular import write_json

        with _writing(output) as out:
            write_json(out, service_object(service, settings.lang, catalog.sources))
        return FOUND
    _emit([service], fmt, output, not no_header, catalog=catalog)
    return FOUND


@app.command()
def emergency(
    fmt: FormatOpt = Format.auto, output: Output = None, no_header: NoHeader = False,
) -> int:
    """The urgent numbers first: 112, 101, 116 000, 1712, 106, the care centres after sexual violence.

    Example: refer emergency
    """
    from .catalog import load_catalog
    from .hours import open_now

    try:
        catalog = _catalog()
    except ReferError as exc:  # a broken extra directory must never hide the emergency numbers
        _say(f"{t('fallback', settings.lang)} ({exc})")
        catalog = load_catalog([], bundled=True)
    from .index import NOT_URGENT

    data = catalog.index.data
    urgent = sorted((data.emergency[n], data.ids[n]) for n in catalog.index.live if data.emergency[n] != NOT_URGENT)
    services = [catalog.services[sid] for _, sid in urgent]
    if _wants_table(fmt, output):
        from .render.table import emergency_table

        _print_rich(emergency_table(services, settings.lang, {s.id: open_now(s) for s in services}), output)
        return FOUND
    _emit(services, fmt, output, not no_header, plain=("contact", "name", "summary"), catalog=catalog)
    return FOUND


@app.command()
def validate(
    paths: Annotated[list[Path] | None, typer.Argument(help="Directories or files (default: every loaded "
                                                          "directory).")] = None,
) -> int:
    """Check data files and print every problem as path:line: CODE message.

    Exit 0 when clean, 1 when there are problems, 2 when it could not run.
    Example: refer validate ./my-services
    """
    from .catalog import check_directory
    from .directories import bundled_dir, load_meta, resolve_directories, service_files
    from .errors import Problem
    from .sources import check as check_sources
    from .validate import check_service_file, duplicate_ids

    targets = list(paths or resolve_directories(settings.data_dirs, settings.bundled))
    problems: list[Problem] = []
    vocab, regions = load_meta([p for p in targets if p.is_dir()], problems)
    files = 0
    seen = []
    checked: list[Service] = []
    for target in targets:
        if target.is_file():
            files += 1
            service, found = check_service_file(target, vocab, regions)
            problems += found
            seen += [service] if service else []
            checked += [service] if service else []
        elif target.is_dir():
            files += len(service_files(target))
            services, found = check_directory(target, vocab, regions)
            problems += found
            seen += services if target != bundled_dir() else []
            checked += services
        else:
            raise ReferError(f"no such file or directory: {target}")
    problems += duplicate_ids(seen)
    problems += check_sources([p for p in targets if p.is_dir()], checked, bundled_dir())
    for p in sorted(set(problems)):
        print(p)
    errors = sum(1 for p in problems if p.severity == "error")
    warnings = len(problems) - errors
    if errors or warnings:
        _say(t("validate_bad", settings.lang, errors, warnings, files))
    else:
        _say(t("validate_ok", settings.lang, files))
    return NOTHING if errors else FOUND


@app.command()
def facets(fmt: FormatOpt = Format.auto, output: Output = None, no_header: NoHeader = False) -> int:
    """Every filter value with its Dutch and English label and how many services carry it.

    Example: refer facets -f csv
    """
    catalog = _catalog()
    index = catalog.index  # counts from the index's member lists: no service file is read
    rows: list[tuple[str, str, str, str, int]] = []
    for facet in ("audiences", "roles", "topics", "sectors", "channels", "kinds"):
        for value in catalog.vocabulary.values(facet).values():
            rows.append((facet, value.id, value.nl, value.en, len(index.members(f"{facet}={value.id}"))))
    for area in catalog.regions.areas.values():
        rows.append(("regions", area.id, area.nl, area.en, len(index.members(f"regions={area.id}"))))
    if _wants_table(fmt, output):
        from .render.table import facets_table

        _print_rich(facets_table(rows, settings.lang), output)
        return FOUND
    with _writing(output) as out:
        objects = [dict(zip(("facet", "value", "nl", "en", "count"), r)) for r in rows]
        if fmt in (Format.json, Format.jsonl):
            from .render.tabular import write_json, write_jsonl

            (write_json if fmt is Format.json else write_jsonl)(out, objects)
        else:
            from .render.tabular import write_delimited

            write_delimited(out, objects, ("facet", "value", "nl", "en", "count"),
                            "," if fmt is Format.csv else "\t", header=not no_header and fmt is not Format.auto)
    return FOUND


@app.command()
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="csv, json, jsonl or hsds (a folder).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="File, or folder for hsds.")],
    audience: Audience = None, role: Role = None, topic: Topic = None, sector: Sector = None,
    region: Region = None, channel: Channel = None, age: Age = None, free: Free = False,
    anonymous: Anonymous = False, always_open: AlwaysOpen = False, open_now: OpenNow = False,
) -> int:
    """Export the directory (or the filtered part) as CSV, JSON, JSON Lines or an Open Referral HSDS package.

    Example: refer export --format hsds -o hsds-out/
    """
    catalog, services = _filtered(audience, role, topic, sector, region, channel, age, free, anonymous,
                                  always_open, open_now)
    if fmt is ExportFormat.hsds:
        from .render.hsds import write_package

        write_package(services, catalog, output, settings.lang)
    else:
        _emit(services, Format(fmt.value), output, True, catalog=catalog)
    _say(t("exported", settings.lang, len(services), output))
    return FOUND if services else NOTHING


@app.command("sources")
def list_sources(fmt: FormatOpt = Format.auto, output: Output = None, no_header: NoHeader = False) -> int:
    """Every source of the data with its date, its kind and the services that rely on it (oldest first).

    Example: refer sources -f csv
    """
    from .sources import source_rows

    catalog = _catalog()
    rows = source_rows(catalog.sources, catalog)
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
                            header=not no_header and fmt is not Format.auto)
    return FOUND if rows else NOTHING


@app.command()
def handout(
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
    """A printable A4 poster (or four A6 cards) with the helplines for one audience, as HTML or PDF.

    Example: refer handout --audience minors --lang nl -o poster.pdf
    """
    from .helplines import helplines
    from .render.handout import poster, write_html, write_pdf

    if lang is not None and lang not in ("nl", "en"):
        raise UsageError(f"--lang must be nl or en, not '{lang}'")
    kind = fmt.value if fmt else output.suffix.lower().lstrip(".")
    if kind not in ("html", "pdf"):
        raise UsageError(t("handout_format", settings.lang))
    catalog = _catalog()
    chosen = _filters(catalog, [audience], None, None, None, [region] if region else None, None, None,
                      False, False, False, False)
    place = chosen.regions[0] if chosen.regions else None
    services = helplines(catalog, audience, place)
    if not services:
        _say(t("handout_none", settings.lang))
        return NOTHING
    content = poster(services, catalog.vocabulary, catalog.regions, catalog.sources, audience, place,
                     detect_lang(lang or settings.lang), size.value)
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


@app.command()
def plan(
    situation: Annotated[list[str] | None, typer.Argument(help="The situation in your words, Dutch or English.")]
    = None,
    audience: Audience = None,
    role: Annotated[str | None, typer.Option(
        "--role", help="Who asks: professional, bystander, victim or perpetrator (for themself).",
        autocompletion=_complete("roles"))] = None,
    topic: Topic = None, sector: Sector = None, region: Region = None,
    age: Annotated[int | None, typer.Option("--age", min=0, max=120, help="Age of the person affected.")] = None,
    no_input: Annotated[bool, typer.Option("--no-input", help="Never ask for a missing age or role.")] = False,
    fmt: Annotated[PlanFormat, typer.Option("--format", "-f", help="auto: a table on a terminal, Markdown "
                                                                    "in a pipe.")] = PlanFormat.auto,
    output: Output = None,
) -> int:
    """A referral plan for a situation: now, advice for you, report, help for each person, later.

    --age is the age of the person affected, --role who asks (professional, bystander, victim, perpetrator).
    Example: refer plan "trainer betastte een speelster van 14, gisteren" --region Gent
    """
    from .plan import Given, make_plan
    from .situation import read

    catalog = _catalog()
    lang = settings.lang
    f = _filters(catalog, audience, [role] if role else None, topic, sector, region, None, age, False, False,
                 False, False)
    text = " ".join(situation or [])
    if not text.strip() and not f.active():
        raise UsageError(t("plan_empty", lang))
    read_as = read(text, catalog.vocabulary, catalog.regions)
    given = Given(age, role or "", tuple(f.sectors), tuple(f.regions), tuple(f.audiences), tuple(f.topics))
    if not no_input and _interactive():
        given = _ask(read_as, given, lang)
    result = make_plan(catalog, read_as, given, lang, text)
    if not result.sections:
        _say(t("plan_nothing", lang))
        return NOTHING
    _emit_plan(result, fmt, output, catalog)
    return FOUND


def _emit_plan(plan: Plan, fmt: PlanFormat, output: Path | None, catalog: Catalog) -> None:
    """A table per step on a terminal; Markdown in a pipe; a file's format from its extension (.html,
    .json, else Markdown); JSON or one HTML page on request."""
    lang = settings.lang
    if fmt is PlanFormat.auto and output is not None:
        fmt = {".html": PlanFormat.html, ".htm": PlanFormat.html, ".json": PlanFormat.json}.get(
            output.suffix.lower(), PlanFormat.md)
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


def _ask(read_as: Situation, given: Given, lang: str) -> Given:
    """Ask for the age and the asker's role when they matter and are missing; Enter skips."""
    from dataclasses import replace

    from .plan import complete, missing

    for item in missing(complete(read_as, given)):
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


# ---------------------------------------------------------------- the error boundary
GLOBAL_VALUE_OPTIONS = ("--data-dir", "-d", "--lang")


def _app_for(argv: list[str]) -> typer.Typer:
    """Only the command asked for: Typer builds every command's parameters at start-up, and
    `refer emergency` must not pay for the other six. Help and completion get the whole app."""
    if any(a in ("-h", "--help") or a.startswith("--install-completion") or a.startswith("--show-completion")
           for a in argv) or any(k.endswith("_COMPLETE") for k in os.environ):
        return app
    words = iter(argv)
    name = None
    for word in words:
        if word in GLOBAL_VALUE_OPTIONS:
            next(words, None)
        elif not word.startswith("-"):
            name = word
            break
    for command in app.registered_commands:
        if (command.name or getattr(command.callback, "__name__", "")) == name:
            mini = typer.Typer(name="refer", no_args_is_help=True, pretty_exceptions_enable=False,
                               rich_markup_mode=None, context_settings={"help_option_names": ["-h", "--help"]})
            mini.registered_callback = app.registered_callback
            mini.registered_commands = [command]
            return mini
    return app


def run(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code; the tool's own errors become one clear message."""
    args = list(argv) if argv is not None else sys.argv[1:]
    try:
        result = _app_for(args)(args=args, prog_name="refer", standalone_mode=False)
        return result if isinstance(result, int) else FOUND
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
