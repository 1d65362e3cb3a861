"""Find, load and overlay the service directories.

The bundled directory comes first; every extra directory is laid on top, and a
service with the same id in a later directory replaces the earlier one. An extra
directory holds `services/*.toml` (or TOML files directly) and may hold a
`vocabulary.toml` that adds facet values.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import DataError, Problem
from .model import FACETS, LANGS, FacetValue, Region, Regions, Service, Vocabulary
from .tomlread import TomlProblem, parse_toml

if TYPE_CHECKING:
    from .index import Index

META_FILES = ("vocabulary.toml", "regions.toml", "situation.toml")


def bundled_dir() -> Path:
    """The directory shipped with the package (wheel), or the source tree's data/."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "data", here.parents[1] / "data"):
        if (candidate / "vocabulary.toml").is_file():
            return candidate
    raise DataError([Problem(str(here / "data"), 0, "REF001", "the bundled data directory is missing")])


def env_data_dirs() -> list[Path]:
    raw = os.environ.get("REFER_DATA_DIR", "")
    return [Path(p) for p in raw.split(os.pathsep) if p.strip()]


@dataclass(frozen=True, eq=False)  # hashed by identity: caches key on it
class Catalog:
    services: Mapping[str, Service]
    vocabulary: Vocabulary
    regions: Regions
    directories: tuple[Path, ...] = ()
    warnings: tuple[str, ...] = field(default=())
    prebuilt: Index | None = field(default=None, repr=False)

    @cached_property
    def index(self) -> Index:
        """The search index: from the cache when there is one, else built from the services."""
        if self.prebuilt is not None:
            return self.prebuilt
        from .index import build_index

        return build_index(self.services.values(), self.vocabulary, self.regions)

    def __iter__(self):
        return iter(self.services.values())

    def __len__(self) -> int:
        return len(self.services)

    def get(self, service_id: str) -> Service | None:
        return self.services.get(service_id)


def service_files(directory: Path) -> list[Path]:
    """The service files of a directory: services/*.toml, or *.toml beside the meta files."""
    base = directory / "services" if (directory / "services").is_dir() else directory
    return sorted(p for p in base.glob("*.toml") if p.name not in META_FILES)


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
            facets.setdefault(facet, {})[value_id] = FacetValue(
                value_id, spec.get("nl", value_id), spec.get("en", value_id), tuple(synonyms))
    return facets


def load_situation_words(path: Path, problems: list[Problem]) -> dict[str, Any]:
    """The situation reader's word lists; none (a reader that finds nothing) when the file is missing."""
    if not path.is_file():
        return {}
    try:
        return parse_toml(path)[0]
    except TomlProblem as exc:
        problems.append(Problem(str(path), exc.line, exc.code, exc.message))
        return {}


def load_vocabulary(paths: Iterable[Path], problems: list[Problem], situation: dict[str, Any] | None = None
                    ) -> Vocabulary:
    facets: dict[str, dict[str, FacetValue]] = {f: {} for f in FACETS}
    concepts: list[tuple[str, ...]] = []
    for path in paths:
        try:
            table, _ = parse_toml(path)
        except TomlProblem as exc:
            problems.append(Problem(str(path), exc.line, exc.code, exc.message))
            continue
        for facet, values in _facet_values(table, path, problems).items():
            facets[facet].update(values)
        groups = (table.get("concepts") or {}).get("groups", [])
        concepts.extend(tuple(g) for g in groups if isinstance(g, list) and all(isinstance(w, str) for w in g))
    return Vocabulary(facets, tuple(concepts), situation)


def load_regions(path: Path, problems: list[Problem]) -> Regions:
    try:
        table, _ = parse_toml(path)
    except TomlProblem as exc:
        problems.append(Problem(str(path), exc.line, exc.code, exc.message))
        return Regions({})
    areas = {}
    for rid, spec in table.items():
        ranges = []
        for r in spec.get("postcodes", []):
            lo, _, hi = r.partition("-")
            ranges.append((int(lo), int(hi or lo)))
        areas[rid] = Region(rid, spec.get("nl", rid), spec.get("en", rid), spec.get("parent", ""),
                            tuple(spec.get("synonyms", [])), tuple(ranges), tuple(spec.get("municipalities", [])))
    return Regions(areas)


def load_meta(directories: Sequence[Path], problems: list[Problem]) -> tuple[Vocabulary, Regions]:
    bundled = bundled_dir()
    vocab_paths = [bundled / "vocabulary.toml"]
    vocab_paths += [d / "vocabulary.toml" for d in directories if (d / "vocabulary.toml").is_file()]
    situation = load_situation_words(bundled / "situation.toml", problems)
    return (load_vocabulary(dict.fromkeys(vocab_paths), problems, situation),
            load_regions(bundled / "regions.toml", problems))


def check_directory(directory: Path, vocab: Vocabulary, regions: Regions,
                    today: dt.date | None = None) -> tuple[list[Service], list[Problem]]:
    """Every service of one directory, and every problem found in it."""
    from .validate import check_service_file

    services: list[Service] = []
    problems: list[Problem] = []
    if not directory.is_dir():
        return [], [Problem(str(directory), 0, "REF001", "no such directory")]
    for path in service_files(directory):
        service, found = check_service_file(path, vocab, regions, today)
        problems.extend(found)
        if service is not None:
            services.append(service)
    return services, problems


def resolve_directories(extra: Sequence[Path] = (), bundled: bool = True) -> list[Path]:
    dirs = ([bundled_dir()] if bundled else []) + [*env_data_dirs(), *extra]
    return list(dict.fromkeys(Path(d) for d in dirs))


def load_catalog(extra: Sequence[Path | str] = (), bundled: bool = True, cache: bool = True) -> Catalog:
    """Load the bundled directory and every extra one; raise DataError with all problems.

    With `cache` (and unless REFER_CACHE=off), the index is kept in the user's cache
    directory, so that a search on a large directory does not read every file.
    """
    directories = resolve_directories([Path(d) for d in extra], bundled)
    if cache and os.environ.get("REFER_CACHE", "").lower() not in ("off", "0", "no"):
        from .cache import load_cached

        return load_cached(directories, bundled_dir() if bundled else None)
    return load_fresh(directories, *load_meta_or_fail(directories))


def load_meta_or_fail(directories: Sequence[Path]) -> tuple[Vocabulary, Regions]:
    problems: list[Problem] = []
    vocab, regions = load_meta(directories, problems)
    if any(p.severity == "error" for p in problems):
        raise DataError(sorted(problems))
    return vocab, regions


def load_fresh(directories: Sequence[Path], vocab: Vocabulary, regions: Regions,
               notes: Sequence[str] = ()) -> Catalog:
    """Read and check every file now, and build the index in memory."""
    from .validate import duplicate_ids

    problems: list[Problem] = []
    services: dict[str, Service] = {}
    extra_services: list[Service] = []
    for directory in directories:
        found, dir_problems = check_directory(directory, vocab, regions)
        problems.extend(dir_problems)
        services.update((s.id, s) for s in found)
        if directory != bundled_dir():
            extra_services.extend(found)
    problems.extend(duplicate_ids(extra_services))
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise DataError(sorted(problems))
    return Catalog(services, vocab, regions, tuple(directories), (*map(str, sorted(problems)), *notes))
