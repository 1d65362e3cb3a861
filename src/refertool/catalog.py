"""Load the service directories into a Catalog: from the index cache, or fresh from the files.

Which directories and files there are, and which service wins an overlay, is the
business of `directories`; the cache (`cache`) and the fresh path here both hand
their services to the same `index` builder.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .directories import Placed, bundled_dir, load_meta, load_meta_or_fail, overlay, resolve_directories, service_files
from .errors import DataError, Problem
from .model import FACETS, Regions, Service, Vocabulary

if TYPE_CHECKING:
    from .cache import Progress
    from .index import Index
    from .query import PhraseTable
    from .sources import Source
    from .validate import Report


@dataclass(frozen=True, eq=False)  # hashed by identity: caches key on it
class Catalog:
    services: Mapping[str, Service]
    vocabulary: Vocabulary
    regions: Regions
    directories: tuple[Path, ...] = ()
    warnings: tuple[str, ...] = field(default=())
    prebuilt: Index | None = field(default=None, repr=False)
    stored_phrases: Callable[[], PhraseTable | None] | None = field(default=None, repr=False)
    # the services the emergency view can show, in its order, as the cache keeps them ready (a few, whatever
    # the directory's size); None: found in the index
    urgent: Callable[[], list[Service]] | None = field(default=None, repr=False)

    @cached_property
    def index(self) -> Index:
        """The search index: from the cache when there is one, else built from the services."""
        if self.prebuilt is not None:
            return self.prebuilt
        from .index import build_index

        return build_index(self.services.values(), self.vocabulary, self.regions)

    @cached_property
    def phrases(self) -> PhraseTable:
        """The query parser's table of facet phrases and places: the cache's, else built now."""
        stored = self.stored_phrases() if self.stored_phrases is not None else None
        if stored is not None:
            return stored
        from .query import phrase_table

        return phrase_table(self.vocabulary, self.regions)

    @cached_property
    def sources(self) -> dict[str, Source]:
        """The sources the facts come from: the bundled sources.toml, then each extra directory's
        (read when first asked for: `refer emergency` never needs them)."""
        return self._sources_read[0]

    @property
    def source_problems(self) -> list[Problem]:
        """What was wrong in a sources.toml (a lookup goes on without the broken entries)."""
        return self._sources_read[1]

    @cached_property
    def _sources_read(self) -> tuple[dict[str, Source], list[Problem]]:
        from .sources import load_sources, source_files

        problems: list[Problem] = []
        found = load_sources(dict.fromkeys(source_files([bundled_dir(), *self.directories])), problems)
        return found, problems

    def __iter__(self):
        return iter(self.services.values())

    def __len__(self) -> int:
        return len(self.services)

    def get(self, service_id: str) -> Service | None:
        return self.services.get(service_id)

    def numbered(self, n: int) -> Service:
        """The service numbered `n` in the index: from the cache without its table of every id (50,000 at 50k)."""
        by_number = getattr(self.services, "by_number", None)
        return by_number(n) if by_number is not None else self.services[self.index.data.ids[n]]

    def among(self, *wants: Want) -> list[Service]:
        """The services that meet any of `wants`, in the catalog's order. With the cache's index, found by its
        member lists and only those services read: a plan's rule on a large directory reads what it may admit,
        not every file."""
        by_number = getattr(self.services, "by_number", None)
        if self.prebuilt is None or by_number is None:
            return [s for s in self.services.values() if any(w.meets(s) for w in wants)]
        index = self.prebuilt
        found: set[int] = set()
        for w in wants:
            found |= w.numbers(index)
        ids = index.data.ids
        numbers = sorted(found, key=ids.__getitem__)  # CachedServices' order: by id
        many = getattr(self.services, "many", None)  # fetched at once from the cache
        return many(numbers) if many is not None else [by_number(n) for n in numbers]


class Want(NamedTuple):
    """What a service must carry to be among those a rule may take (`Catalog.among`): None asks nothing; a
    set asks for any of its values (an empty one for none: nothing meets it); "" among `sectors` is a service
    that lists none; `roles` are all required."""

    kinds: AbstractSet[str] | None = None
    topics: AbstractSet[str] | None = None
    sectors: AbstractSet[str] | None = None
    roles: AbstractSet[str] = frozenset()

    def meets(self, s: Service) -> bool:
        return ((self.kinds is None or s.kind in self.kinds)
                and (self.topics is None or not self.topics.isdisjoint(s.topics))
                and (self.sectors is None or not self.sectors.isdisjoint(s.sectors or ("",)))
                and self.roles <= set(s.roles))

    def numbers(self, index: Index) -> set[int]:
        """The live services meeting it, from the index's "facet=value" member lists (the same values)."""
        found: set[int] | None = None
        asked = [("kinds", self.kinds), ("topics", self.topics), ("sectors", self.sectors),
                 *(("roles", {role}) for role in self.roles)]
        for facet, values in asked:
            if values is not None:
                these = set().union(*(index.members(f"{facet}={v}") for v in values))
                found = these if found is None else found & these
        return set(index.live) if found is None else found


def check_directory(directory: Path, vocab: Vocabulary, regions: Regions,
                    today: dt.date | None = None) -> tuple[list[Service], list[Problem]]:
    """Every service of one directory, and every problem found in it."""
    from .validate import check_service_file

    services: list[Service] = []
    problems: list[Problem] = []
    if not directory.is_dir():
        return [], [Problem(str(directory), 0, "REF023", "no such directory")]
    for path in service_files(directory):
        service, found = check_service_file(path, vocab, regions, today)
        problems.extend(found)
        if service is not None:
            services.append(service)
    return services, problems


def cache_on() -> bool:
    """The index cache is used unless REFER_CACHE=off (or 0, no): one rule for every way of loading."""
    return os.environ.get("REFER_CACHE", "").lower() not in ("off", "0", "no")


def load_catalog(extra: Sequence[Path | str] = (), bundled: bool = True, cache: bool = True,
                 progress: Progress | None = None) -> Catalog:
    """Load the bundled directory and every extra one; raise DataError with all problems.

    With `cache` (and unless REFER_CACHE=off), the index is kept in the user's cache
    directory, so that a search on a large directory does not read every file. `progress`
    follows a long first build (see `cache.Progress`).
    """
    directories = resolve_directories([Path(d) for d in extra], bundled)
    if cache and cache_on():
        from .cache import load_cached

        loaded = load_cached(directories, bundled_dir() if bundled else None, progress)
        return Catalog(loaded.services, loaded.vocab, loaded.regions, tuple(directories), loaded.notes,
                       loaded.index, loaded.phrases, loaded.urgent)
    return load_fresh(directories, *load_meta_or_fail(directories))


def load_emergency_catalog(extra: Sequence[Path | str] = (), bundled: bool = True,
                           progress: Progress | None = None) -> Catalog:
    """What `refer emergency` shows from: when the cache agrees with every file, only the services it keeps
    ready for the view (the index is not opened: its cost grows with the directory); else `load_catalog`."""
    directories = resolve_directories([Path(d) for d in extra], bundled)
    if cache_on():
        from .cache import load_emergency

        ready = load_emergency(directories)
        if ready is not None:
            services = ready.services
            return Catalog({s.id: s for s in services}, ready.vocab, ready.regions, tuple(directories), ready.notes,
                           stored_phrases=ready.phrases, urgent=lambda: services)
    return load_catalog(extra, bundled, progress=progress)


def load_fresh(directories: Sequence[Path], vocab: Vocabulary, regions: Regions) -> Catalog:
    """Read and check every file now, and build the index in memory."""
    problems: list[Problem] = []
    found: list[Service] = []
    placed: list[Placed] = []
    bundled = bundled_dir()
    for n, directory in enumerate(directories):
        services, dir_problems = check_directory(directory, vocab, regions)
        problems.extend(dir_problems)
        placed += [Placed(s.id, n, len(found) + k, s.path) for k, s in enumerate(services)]
        found += services
    losers, overlay_problems = overlay(placed, next((n for n, d in enumerate(directories) if d == bundled), None))
    problems += overlay_problems
    if any(p.severity == "error" for p in problems):
        raise DataError(sorted(problems))
    winners = {s.id: s for k, s in enumerate(found) if k not in losers}
    return Catalog(winners, vocab, regions, tuple(directories), tuple(map(str, sorted(problems))))


def check_paths(targets: Sequence[Path], today: dt.date | None = None) -> Report:
    """Check directories and files as `refer validate` does: every problem, the date rules as of `today`.

    The same id twice among extra directories is a problem; replacing a bundled service is an overlay."""
    from .sources import check as check_sources
    from .validate import Report, check_service_file, duplicate_ids

    problems: list[Problem] = []
    vocab, regions = load_meta([p for p in targets if p.is_dir()], problems)
    files = 0
    seen: list[Service] = []  # the extra directories' services, for duplicate ids
    checked: list[Service] = []  # every one, for the sources they name
    for target in targets:
        if target.is_file():
            files += 1
            service, found = check_service_file(target, vocab, regions, today)
            problems += found
            seen += [service] if service else []
            checked += [service] if service else []
        elif target.is_dir():
            files += len(service_files(target))
            services, found = check_directory(target, vocab, regions, today)
            problems += found
            seen += services if target != bundled_dir() else []
            checked += services
        else:
            problems.append(Problem(str(target), 0, "REF023", "no such file or directory"))
    problems += duplicate_ids(seen)
    from .reading.words import check_file as check_situation_words
    from .steps import read_table as read_steps

    for target in targets:  # the reader's word lists (data/situation.toml), by their schema
        if target.is_dir() and (target / "situation.toml").is_file():
            problems += check_situation_words(target / "situation.toml", vocab)
        if target.is_dir() and (target / "plan.toml").is_file():  # the plan's steps table, by its loader
            try:
                read_steps(target / "plan.toml")
            except DataError as exc:
                problems += exc.problems
    problems += check_sources([p for p in targets if p.is_dir()], checked, bundled_dir(), today)
    return Report(tuple(sorted(set(problems))), files)


def emergency_services(catalog: Catalog) -> list[Service]:
    """The services of the emergency view, in their order: those the cache keeps ready for it (every one it
    can show, see `index.shortlist`), else from the index; no other service is read."""
    if catalog.urgent is not None:
        return catalog.urgent()
    from .index import urgent_order

    return [catalog.numbered(n) for n in urgent_order(catalog.index)]


class FacetCount(NamedTuple):
    facet: str
    value: str
    nl: str
    en: str
    services: int  # how many services carry the value


def facet_counts(catalog: Catalog) -> list[FacetCount]:
    """Every filter value with its labels and how many services carry it (from the index: no file is read)."""
    index = catalog.index
    rows = [FacetCount(facet, v.id, v.nl, v.en, len(index.members(f"{facet}={v.id}")))
            for facet in FACETS for v in catalog.vocabulary.values(facet).values()]
    rows += [FacetCount("regions", a.id, a.nl, a.en, len(index.members(f"regions={a.id}")))
             for a in catalog.regions.areas.values()]
    return rows
