"""Where the data lives: the bundled and extra directories, their service files and meta files.

The bundled directory comes first; every extra directory is laid on top, and a
service with the same id in a later directory replaces the earlier one. An extra
directory holds `services/*.toml` (or TOML files directly) and may hold a
`vocabulary.toml` that adds facet values. This module knows those rules and
nothing of indexing or caching.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from .errors import DataError, Problem
from .model import FACETS, LANGS, FacetValue, Region, Regions, Vocabulary
from .tomlread import read_table

# what the index is built from besides the services (the situation words travel with the vocabulary)
INDEX_META_FILES = ("vocabulary.toml", "regions.toml", "situation.toml")
META_FILES = (*INDEX_META_FILES, "sources.toml", "plan.toml")  # never read as a service file


def bundled_dir() -> Path:
    """The directory shipped with the package (wheel), or the source tree's data/."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "data", here.parents[1] / "data"):
        if (candidate / "vocabulary.toml").is_file():
            return candidate
    raise DataError([Problem(str(here / "data"), 0, "REF024", "the bundled data directory is missing")])


def env_data_dirs() -> list[Path]:
    raw = os.environ.get("REFER_DATA_DIR", "")
    return [Path(p) for p in raw.split(os.pathsep) if p.strip()]


def resolve_directories(extra: Sequence[Path] = (), bundled: bool = True) -> list[Path]:
    """The directories to load, in overlay order: bundled, then REFER_DATA_DIR, then --data-dir."""
    dirs = ([bundled_dir()] if bundled else []) + [*env_data_dirs(), *extra]
    return list(dict.fromkeys(Path(d) for d in dirs))


class FileStat(NamedTuple):  # a tuple: fifty thousand of them are made at every start of a large directory
    path: str
    size: int
    mtime: int
    directory: int  # position of its directory in the load order


def scan(directories: Sequence[Path]) -> list[FileStat]:
    """Every service file of the directories, in load order, sorted by path within each, with one stat each."""
    out = []
    for n, directory in enumerate(directories):
        base = directory / "services" if (directory / "services").is_dir() else directory
        found = []
        with os.scandir(base) as entries:
            for e in entries:
                if e.name.endswith(".toml") and e.name not in META_FILES and e.is_file():
                    try:
                        st = e.stat()
                    except OSError:  # removed while we looked
                        continue
                    found.append(FileStat(e.path, st.st_size, st.st_mtime_ns, n))
        out += sorted(found, key=lambda f: f.path)
    return out


def service_files(directory: Path) -> list[Path]:
    """The service files of one directory: services/*.toml, or *.toml beside the meta files."""
    return [Path(f.path) for f in scan([directory])]


class Placed(NamedTuple):
    """One service found in one directory, as the overlay rule sees it."""

    id: str
    directory: int  # position in the load order
    number: int  # any number that tells the service apart (a position, an index number)
    path: str


def overlay(placed: Iterable[Placed], bundled: int | None) -> tuple[set[int], list[Problem]]:
    """The one overlay rule: for each id the service of the latest directory wins.

    Returns the numbers that lose, and a REF008 problem for an id found in two extra
    directories (which one wins would depend on their order; replacing a bundled
    service from an extra directory is what overlays are for)."""
    by_id: dict[str, list[Placed]] = {}
    for p in placed:
        by_id.setdefault(p.id, []).append(p)
    losers: set[int] = set()
    problems = []
    for sid, places in by_id.items():
        if len(places) < 2:
            continue
        places.sort(key=lambda p: (p.directory, p.number))
        extras = [p for p in places if p.directory != bundled]
        if len(extras) > 1:
            problems.append(Problem(extras[-1].path, 0, "REF008", f"duplicate id '{sid}', also in {extras[0].path}"))
        losers.update(p.number for p in places[:-1])
    return losers, problems


# ---------------------------------------------------------------- meta files
def _span(spec: dict[str, Any], key: str, where: str, path: Path, problems: list[Problem]
          ) -> tuple[int, int] | None:
    """An `ages`-like value, [from, to]; None (and a problem) when it is not one."""
    value = spec.get(key)
    if value is None:
        return None
    if not (isinstance(value, list) and len(value) == 2
            and all(isinstance(a, int) and not isinstance(a, bool) for a in value) and 0 <= value[0] <= value[1]):
        problems.append(Problem(str(path), 0, "REF005", f"{where}.{key} must be [from, to]"))
        return None
    return value[0], value[1]


def _facet_values(table: dict[str, Any], path: Path, problems: list[Problem]) -> dict[str, dict[str, FacetValue]]:
    facets: dict[str, dict[str, FacetValue]] = {}
    for facet in FACETS:
        for value_id, spec in (table.get(facet) or {}).items():
            if not isinstance(spec, dict) or not all(isinstance(spec.get(lang, ""), str) for lang in LANGS):
                problems.append(Problem(str(path), 0, "REF005", f"{facet}.{value_id} must be a table with nl, en"))
                continue
            synonyms = spec.get("synonyms", [])
            if not isinstance(synonyms, list) or not all(isinstance(s, str) for s in synonyms):
                problems.append(Problem(str(path), 0, "REF005", f"{facet}.{value_id}.synonyms must be strings"))
                synonyms = []
            ages = _span(spec, "ages", f"{facet}.{value_id}", path, problems)
            unknown = _span(spec, "unknown_age", f"{facet}.{value_id}", path, problems)
            group = spec.get("group", "")
            if group not in ("", "minor", "adult") or group and not ages:
                problems.append(Problem(str(path), 0, "REF005",
                                        f"{facet}.{value_id}.group must be minor or adult, on an age group"))
                group = ""
            facets.setdefault(facet, {})[value_id] = FacetValue(
                value_id, spec.get("nl", value_id), spec.get("en", value_id), tuple(synonyms),
                (ages[0], ages[1]) if ages else None, group, unknown)
    return facets


def load_situation_words(path: Path, problems: list[Problem]) -> dict[str, Any]:
    """The situation reader's word lists; none (a reader that finds nothing) when the file is missing."""
    if not path.is_file():
        return {}
    read = read_table(path, problems)
    return read[0] if read else {}


def load_vocabulary(paths: Iterable[Path], problems: list[Problem], situation: dict[str, Any] | None = None
                    ) -> Vocabulary:
    facets: dict[str, dict[str, FacetValue]] = {f: {} for f in FACETS}
    concepts: list[tuple[str, ...]] = []
    for path in paths:
        read = read_table(path, problems)
        if read is None:
            continue
        table = read[0]
        for facet, values in _facet_values(table, path, problems).items():
            facets[facet].update(values)
        groups = (table.get("concepts") or {}).get("groups", [])
        concepts.extend(tuple(g) for g in groups if isinstance(g, list) and all(isinstance(w, str) for w in g))
    return Vocabulary(facets, tuple(concepts), situation)


def load_regions(path: Path, problems: list[Problem]) -> Regions:
    read = read_table(path, problems)
    if read is None:
        return Regions({})
    table = read[0]
    areas = {}
    for rid, spec in table.items():
        ranges = []
        for r in spec.get("postcodes", []):
            lo, _, hi = r.partition("-")
            ranges.append((int(lo), int(hi or lo)))
        areas[rid] = Region(rid, spec.get("nl", rid), spec.get("en", rid), spec.get("parent", ""),
                            tuple(spec.get("synonyms", [])), tuple(ranges), tuple(spec.get("municipalities", [])))
    return Regions(areas)


def vocabulary_files(directories: Sequence[Path]) -> list[Path]:
    """The bundled vocabulary, then each extra directory's own, in load order."""
    paths = [bundled_dir() / "vocabulary.toml"]
    paths += [d / "vocabulary.toml" for d in directories if (d / "vocabulary.toml").is_file()]
    return list(dict.fromkeys(paths))


def load_meta(directories: Sequence[Path], problems: list[Problem]) -> tuple[Vocabulary, Regions]:
    situation = load_situation_words(bundled_dir() / "situation.toml", problems)
    return (load_vocabulary(vocabulary_files(directories), problems, situation),
            load_regions(bundled_dir() / "regions.toml", problems))


def load_meta_or_fail(directories: Sequence[Path]) -> tuple[Vocabulary, Regions]:
    problems: list[Problem] = []
    vocab, regions = load_meta(directories, problems)
    if any(p.severity == "error" for p in problems):
        raise DataError(sorted(problems))
    return vocab, regions
