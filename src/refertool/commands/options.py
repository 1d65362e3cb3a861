"""The options and helpers the commands share: formats, the filter option group, loading the
catalog, writing the results."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

import typer

from .base import F, Settings
from .writing import _print_rich, _stdout_if_dash, _writing

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ..model import Service
    from ..query import Filters
    from ..ranking import Hit


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


def _complete(facet: str) -> Callable[[str], list[str]]:
    def complete(incomplete: str) -> list[str]:
        from ..directories import load_meta

        vocab, regions = load_meta([], [])
        values = list(regions.areas) if facet == "regions" else list(vocab.values(facet))
        return [v for v in values if v.startswith(incomplete)]

    return complete


def _complete_ids(incomplete: str) -> list[str]:
    from ..directories import bundled_dir, service_files

    return [p.stem for p in service_files(bundled_dir()) if p.stem.startswith(incomplete)]


# ---------------------------------------------------------------- shared options
OLDEST = 120  # the highest --age (or age typed at the prompt) taken: a larger number is a typing mistake
FormatOpt = Annotated[Format, typer.Option(
    "--format", "-f", case_sensitive=False, help="auto: a table on a terminal, plain lines in a pipe; text: cards.")]
Output = Annotated[Path | None, typer.Option("--output", "-o", callback=_stdout_if_dash,
                                             help="Write to this file instead of stdout (- is stdout).")]
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
        "age": typer.Option("--age", min=0, max=OLDEST, help="Age of the person concerned."),
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


# ---------------------------------------------------------------- helpers
def _catalog(settings: Settings, emergency: bool = False) -> Catalog:
    """The catalog, its warnings said; with `emergency`, only what `refer emergency` shows (see
    `catalog.load_emergency_catalog`)."""
    from ..catalog import load_catalog, load_emergency_catalog
    from ..render.progress import stderr_bar

    load = load_emergency_catalog if emergency else load_catalog
    catalog = load(settings.data_dirs, settings.bundled, progress=stderr_bar)
    for w in catalog.warnings:
        print(f"warning: {w}", file=sys.stderr)
    return catalog


def _filters(catalog: Catalog, chosen: FilterOptions) -> Filters:
    from ..query import Filters
    from ..ranking import resolve_region
    from ..validate import facet_value

    def known(facet: str, values: list[str] | None) -> list[str]:
        return [facet_value(catalog.vocabulary, facet, v) for v in values or []]

    return Filters(
        audiences=known("audiences", chosen.audience), roles=known("roles", chosen.role),
        topics=known("topics", chosen.topic), sectors=known("sectors", chosen.sector),
        channels=known("channels", chosen.channel), regions=[resolve_region(catalog, r) for r in chosen.region or []],
        age=(chosen.age, chosen.age) if chosen.age is not None else None, free=chosen.free,
        anonymous=chosen.anonymous, always_open=chosen.always_open, open_now=chosen.open_now)


def _filtered(settings: Settings, chosen: FilterOptions) -> tuple[Catalog, list[Service]]:
    """The catalog, and its services that pass the filters (all, by id, without filters)."""
    from ..ranking import search as run_search

    catalog = _catalog(settings)
    filters = _filters(catalog, chosen)
    if not filters.active():
        return catalog, sorted(catalog, key=lambda s: s.id)
    return catalog, [h.service for h in run_search(catalog, "", filters, limit=None).hits]


def _wants_table(fmt: Format, output: Path | None) -> bool:
    return fmt is Format.table or (fmt is Format.auto and output is None and sys.stdout.isatty())


def _emit(services: Sequence[Service], fmt: Format, output: Path | None, header: bool, settings: Settings,
          catalog: Catalog, hits: Sequence[Hit] | None = None) -> None:
    """Write services in the chosen format; `auto` is a table on a terminal, plain lines in a pipe.
    JSON names each contact's source from the catalog's sources."""
    from ..render.records import COLUMNS, PLAIN_COLUMNS, SEARCH_COLUMNS, flat_row, hit_object, service_object

    lang = settings.lang
    if _wants_table(fmt, output):
        from ..render.table import results_table

        if services:
            _print_rich(results_table(services, lang), output, settings)
        return
    with _writing(output) as out:
        if fmt is Format.text:
            from ..render.records import text_card
            from ..render.safe import clean

            out.write("\n".join(clean(text_card(s, catalog, lang)) for s in services))
            return
        if fmt in (Format.json, Format.jsonl):
            from ..render.tabular import write_json, write_jsonl

            objects = ([hit_object(h, lang, catalog.sources) for h in hits] if hits is not None
                       else [service_object(s, lang, catalog.sources) for s in services])
            (write_json if fmt is Format.json else write_jsonl)(out, objects)
            return
        rows: list[dict[str, Any]] = [flat_row(s, lang) for s in services]
        for row, hit in zip(rows, hits or ()):
            row["score"] = hit.score
        from ..render.tabular import write_delimited, write_plain_lines

        if fmt is Format.auto:  # a pipe or a file: one service a line, no header
            write_plain_lines(out, rows, PLAIN_COLUMNS)
        else:
            columns = SEARCH_COLUMNS if hits is not None else COLUMNS
            write_delimited(out, rows, columns, "," if fmt is Format.csv else "\t", header)


def _say(message: str) -> None:
    print(message, file=sys.stderr)

