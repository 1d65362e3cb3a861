"""Where the facts come from: `sources.toml` (one entry per source) and the checks that tie data to it.

Every contact names a source id; every record lists the ids its facts come from. A
source has a title, a publisher, a URL, the page's own date (`as_of`: YYYY, YYYY-MM,
YYYY-MM-DD or "undated") and a kind (guide, official, news, sector, other). The bundled
directory's file comes first; an extra directory's `sources.toml` may add entries.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import NamedTuple

from .errors import Problem
from .model import Service
from .tomlread import read_table

SOURCES_FILE = "sources.toml"
KINDS = ("guide", "official", "news", "sector", "other")
KEYS = ("title", "publisher", "url", "as_of", "kind")
# and the audience ids the page names ("pupils" -> minors): a record citing it must name an audience (REF027)
LIST_KEYS = ("audiences",)
UNDATED = "undated"
AS_OF_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
OLD_AFTER_YEARS = 5


class Source(NamedTuple):
    id: str
    title: str
    publisher: str = ""
    url: str = ""
    as_of: str = UNDATED  # the page's own date as written, or "undated"
    kind: str = ""
    audiences: tuple[str, ...] = ()


def as_of_date(as_of: str) -> dt.date | None:
    """The first day a partial date can mean ("2023-11" -> 1 Nov 2023); None when undated or malformed."""
    m = AS_OF_RE.match(as_of)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        return None


def _line(lines: list[str], sid: str) -> int:
    header = f"[{sid}]"
    return next((n for n, line in enumerate(lines, 1) if line.strip() == header), 0)


def load_sources(paths: Iterable[Path], problems: list[Problem]) -> dict[str, Source]:
    """Every source of the given files (later files add or replace entries); problems are collected."""
    found: dict[str, Source] = {}
    for path in paths:
        read = read_table(path, problems, fast=True)  # read by every command that shows a source
        if read is None:
            continue
        table, text = read
        headers: dict[str, int] = {}  # each line's text -> its first line number: one pass, not one per source
        for n, text_line in enumerate(text.splitlines(), 1):
            headers.setdefault(text_line.strip(), n)
        for sid, spec in table.items():
            line = headers.get(f"[{sid}]", 0)
            if not isinstance(spec, dict) or not all(isinstance(spec.get(k, ""), str) for k in KEYS) or not all(
                    isinstance(spec.get(k, []), list) and all(isinstance(v, str) for v in spec.get(k, []))
                    for k in LIST_KEYS):
                problems.append(Problem(str(path), line, "REF020", f"source '{sid}' must be a table of strings"))
                continue
            unknown = sorted(set(spec) - set(KEYS) - set(LIST_KEYS))
            if unknown:
                problems.append(Problem(str(path), line, "REF020", f"source '{sid}' has unknown key(s) "
                                                                   f"{', '.join(unknown)}"))
            if not spec.get("title"):
                problems.append(Problem(str(path), line, "REF020", f"source '{sid}' needs a title"))
            if spec.get("kind", "") not in KINDS:
                problems.append(Problem(str(path), line, "REF020", f"source '{sid}': kind must be one of "
                                                                   f"{', '.join(KINDS)}"))
            as_of = spec.get("as_of", UNDATED)
            if as_of != UNDATED and as_of_date(as_of) is None:
                problems.append(Problem(str(path), line, "REF020", f"source '{sid}': as_of must be YYYY, "
                                                                   f"YYYY-MM, YYYY-MM-DD or \"undated\""))
            found[sid] = Source(sid, spec.get("title", ""), spec.get("publisher", ""), spec.get("url", ""),
                                as_of, spec.get("kind", ""), tuple(spec.get("audiences", [])))
    return found


def source_files(directories: Iterable[Path]) -> list[Path]:
    return [d / SOURCES_FILE for d in directories if (d / SOURCES_FILE).is_file()]


def old_sources(sources: Mapping[str, Source], path: str, today: dt.date) -> list[Problem]:
    """A warning for every source dated more than five years ago: its facts want checking again."""
    lines = _file_lines(path)
    limit = dt.date(today.year - OLD_AFTER_YEARS, today.month, min(today.day, 28 if today.month == 2 else 31))
    return [Problem(path, _line(lines, s.id), "REF021", f"source '{s.id}' is dated {s.as_of}, more than "
                                                          f"{OLD_AFTER_YEARS} years ago: check its facts again",
                    "warning")
            for s in sources.values() if (when := as_of_date(s.as_of)) is not None and when < limit]


def unknown_references(services: Iterable[Service], sources: Mapping[str, Source]) -> list[Problem]:
    """Every contact must name a known source; every id a record or a location lists must be known."""
    out = []
    for s in services:
        lines = _file_lines(s.path)
        for c in s.contacts:
            line = _value_line(lines, c.value)
            if not c.source:
                out.append(Problem(s.path, line, "REF018", f"contact '{c.value}' names no source", "warning"))
            elif c.source not in sources:
                out.append(Problem(s.path, line, "REF019", f"contact '{c.value}' names unknown source "
                                                           f"'{c.source}'"))
        named = [*s.sources, *(loc.source for loc in s.locations if loc.source)]
        for sid in dict.fromkeys(named):
            if sid not in sources:
                out.append(Problem(s.path, _value_line(lines, sid), "REF019", f"unknown source '{sid}'"))
    return out


def unnamed_audiences(services: Iterable[Service], sources: Mapping[str, Source]) -> list[Problem]:
    """REF027: a record open to everyone (no audience) whose sources say whom the service is for."""
    out = []
    for s in services:
        if s.audiences:
            continue
        named = {sid: sources[sid].audiences for sid in dict.fromkeys([*s.sources, *(c.source for c in s.contacts)])
                 if sid in sources and sources[sid].audiences}
        if named:
            sid, audiences = next(iter(named.items()))
            out.append(Problem(s.path, _audiences_line(s.path), "REF027",
                               f"source '{sid}' names the audience(s) {', '.join(audiences)}, the record none: "
                               "list them in audiences"))
    return out


def _audiences_line(path: str) -> int:
    return next((n for n, line in enumerate(_file_lines(path), 1) if line.startswith("audiences")), 0)


def relying_on(services: Iterable[Service]) -> dict[str, list[str]]:
    """Source id -> the ids of the services whose facts hang on it (listed, or named by a contact)."""
    out: dict[str, list[str]] = {}
    for s in sorted(services, key=lambda s: s.id):
        for sid in dict.fromkeys([*s.sources, *(c.source for c in s.contacts if c.source),
                                  *(loc.source for loc in s.locations if loc.source)]):
            out.setdefault(sid, []).append(s.id)
    return out


def _file_lines(path: str) -> list[str]:
    try:
        return Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []


def _value_line(lines: list[str], value: str) -> int:
    needle = f'"{value}"'
    return next((n for n, line in enumerate(lines, 1) if needle in line), 0)


def provenance_notes(services: Iterable[Service]) -> dict[str, list[str]]:
    """Source id -> the maintainers' notes on the facts it backs ("service: value: how sure and why"), in English."""
    out: dict[str, list[str]] = {}
    for s in sorted(services, key=lambda s: s.id):
        backed = [(c.source, c.value, c.provenance) for c in s.contacts]
        backed += [(loc.source, loc.address or loc.name, loc.provenance) for loc in s.locations]
        for sid, value, why in backed:
            if sid and why:
                out.setdefault(sid, []).append(f"{s.id}: {value}: {why.get('en')}")
    return out


def source_rows(sources: Mapping[str, Source], services: Iterable[Service]) -> list[dict[str, object]]:
    """Every source with its date, kind, the services relying on it and the notes on what it backs: the oldest
    dated first, undated last."""
    listed = list(services)
    relying, notes = relying_on(listed), provenance_notes(listed)
    ordered = sorted(sources.values(), key=lambda s: (as_of_date(s.as_of) or dt.date.max, s.id))
    return [{"id": s.id, "as_of": s.as_of, "kind": s.kind, "publisher": s.publisher, "title": s.title,
             "url": s.url, "services": relying.get(s.id, []), "notes": notes.get(s.id, [])} for s in ordered]


def check(directories: Iterable[Path], services: Iterable[Service], bundled: Path,
          today: dt.date | None = None) -> list[Problem]:
    """`refer validate`'s source rules: the sources files of the checked directories (REF020, and REF021
    for a source older than five years), and every contact and record naming a known source (REF018,
    REF019). The bundled sources are always known, so that an extra directory may cite them. The date
    rule (REF021) applies only with a `today`, as the other date rules do (refer validate gives one)."""
    targets = source_files(directories)
    problems: list[Problem] = []
    known: dict[str, Source] = {}
    for path in dict.fromkeys([*source_files([bundled]), *targets]):
        found: list[Problem] = []
        entries = load_sources([path], found)
        known.update(entries)
        if path in targets:
            problems += found + (old_sources(entries, str(path), today) if today else [])
    return problems + unknown_references(services, known) + unnamed_audiences(services, known)
