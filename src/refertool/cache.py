"""The index cache: a search on a large directory does not read every file.

One SQLite database (standard library) per set of directories, in
``$REFER_CACHE_DIR`` or ``$XDG_CACHE_HOME/refertool`` (never beside the data). It
holds data only, never a query. Each file is keyed by path, size and mtime_ns.
A run compares the files on disk with the cache:

* nothing changed: the index comes from the cache; posting lists are read per
  word, and only the files of the results shown are read;
* a few files changed, were added or removed (at most ``delta_limit``): only
  those files are read again, and laid over the cached index; the delta is then
  written back into the cache (appended, in one transaction), so that the next run
  finds it fresh and pays nothing again. Write-backs only append numbers after the
  ones a reader's state knows, and a reader ignores those (``Store.numbers``), so a
  process that opened the cache earlier never sees a later one's half;
* otherwise, or when the cache is missing, damaged, truncated or foreign: a full
  build, in parallel across the cores for a large directory, written to a
  temporary file and renamed into place, so that readers never see half a cache
  and concurrent first runs all answer correctly.

An unwritable cache directory means searching without a cache, with one warning.
"""

from __future__ import annotations

import os
import sqlite3
import time
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .cachedb import (
    DAMAGE,
    READY_ALL_UP_TO,
    SCHEMA,
    Built,
    Damaged,
    Delta,
    LazyMembers,
    Store,
    emergency_ready,
    pack,
    phrases_of,
    unpack,
    write,
    write_back,
)
from .directories import INDEX_META_FILES, FileStat, Placed, load_meta_or_fail, overlay, scan
from .errors import CacheDamaged, DataError, Problem
from .index import (
    Entry,
    Index,
    IndexData,
    Lexicon,
    Urgent,
    build_lexicon,
    extend_lexicon,
    index_service,
    post,
    shortlist,
    urgent_order,
    where,
)
from .model import Regions, Service, Vocabulary
from .text import stemmer_origin, use_stored_stems
from .version import __version__

if TYPE_CHECKING:
    from .query import PhraseTable

PARALLEL_FROM = 2000  # files; below this a process pool costs more than it saves
# What a caller may pass to follow a long (parallel) build: given the number of files, it
# returns a context that yields a function called with each batch of files done. The CLI
# passes a progress bar; the core itself draws nothing.
Progress = Callable[[int], AbstractContextManager[Callable[[int], None]]]
# A file modified this shortly before the scan may be edited again within one tick of the file system's coarse
# timestamps (Linux: a few ms) keeping its size and mtime: it is stored as never fresh and read again next run.
RACY_NS = 100_000_000


def delta_limit(total: int) -> int:
    """How many files may differ from the cache (changed, added, removed, or replaced by earlier write-backs,
    whose old numbers stay in the index, unused) before a full build is cheaper and compacts it."""
    return max(64, total // 50)


def settled(files: Sequence[FileStat], scanned_at: int) -> list[FileStat]:
    """The stats to store for files scanned at `scanned_at` (ns): a racy one's mtime as -1 (see RACY_NS)."""
    limit = scanned_at - RACY_NS
    return [f if f.mtime < limit else f._replace(mtime=-1) for f in files]


def cache_root() -> Path:
    if os.environ.get("REFER_CACHE_DIR"):
        return Path(os.environ["REFER_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "refertool"


def clear() -> int:
    """Remove every index in the cache directory (and any left-over temporary file); how many went."""
    root = cache_root()
    found = [*root.glob("index-*.sqlite"), *root.glob(".index-*.tmp")] if root.is_dir() else []
    for path in found:
        path.unlink(missing_ok=True)
    return len(found)


# The code that builds the tables the cache keeps beside the index (the parser's phrases, the reader's words):
# an edit of it makes another cache, as the tables it would build differ.
HERE = Path(__file__).parent
TABLE_CODE = (HERE / "query.py", HERE / "reading" / "words.py", HERE / "reading" / "lexicon.py",
              HERE / "reading" / "lexicon.txt")


def fingerprint(directories: Sequence[Path], vocab_files: Sequence[Path]) -> str:
    """Names the cache of one set of directories; changes with the code, the vocabulary files, the code of
    the tables kept (TABLE_CODE) and the stemmer (another one, or another version, gives other stems)."""
    parts = [SCHEMA, __version__, *(str(d.resolve()) for d in directories)]
    for f in [*vocab_files, *TABLE_CODE, Path(stemmer_origin())]:
        try:
            st = f.stat()
            parts.append(f"{f}|{st.st_size}|{st.st_mtime_ns}")
        except OSError:
            pass
    raw = "\0".join(parts).encode()
    return f"{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}"


@dataclass(frozen=True)
class Loaded:
    """What the cache hands the loader: an index and the services behind it, read lazily."""

    index: Index
    services: Mapping[str, Service]
    vocab: Vocabulary
    regions: Regions
    notes: tuple[str, ...]
    phrases: Callable[[], PhraseTable | None] | None = None  # the parser's table as stored; None: build it
    # the services the emergency view can show, in its order (index.shortlist), kept ready; None: not known
    urgent: Callable[[], list[Service]] | None = None


# ---------------------------------------------------------------- building
class Checked(NamedTuple):
    """One file as a worker read it."""

    number: int
    file: FileStat
    problems: list[Problem]
    entry: Entry | None  # its service's columns (words and members travel with the chunk); None: unusable
    where: tuple[str, ...] | None  # the regions of its places when it is in the emergency view (index.where)
    packed: bytes | None  # its service ready to use (`cachedb.pack`), packed here: the workers share the cost


Chunk = tuple[list[Checked], dict[str, list[int]], dict[str, list[int]]]


def _check_chunk(args: tuple[list[tuple[int, FileStat]], Vocabulary, Regions]) -> Chunk:
    """Read, check and index some files; postings come back grouped by word, so that
    merging a chunk costs one list extension per word, not one per posting."""
    from .validate import check_service_file

    chunk, vocab, regions = args
    rows: list[Checked] = []
    postings: dict[str, list[int]] = {}
    members: dict[str, list[int]] = {}
    for number, f in chunk:
        service, problems = check_service_file(Path(f.path), vocab, regions, fast=True)
        entry, at, packed = None, None, None
        if service is not None:
            packed = pack(service)
            entry = index_service(service, regions)
            post(number, entry, postings, members)
            entry = entry._replace(words={}, members=[])  # filed just above: not sent back twice
            at = where(service, regions) if service.emergency is not None else None
        rows.append(Checked(number, f, problems, entry, at, packed))
    return rows, postings, members


def build(files: Sequence[FileStat], vocab: Vocabulary, regions: Regions, bundled: int | None,
          first: int = 0, progress: Progress | None = None) -> Built:
    """Read, check and index files; numbers start at `first` (a delta continues the cache's)."""
    numbered = list(enumerate(files, first))
    if len(files) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1:
        chunks = _parallel(numbered, vocab, regions, progress)
    else:
        chunks = [_check_chunk((numbered, vocab, regions))]
    data = IndexData()
    built = Built(data, set(), {}, [], [], {})
    placed: list[Placed] = []
    for rows, postings, members in chunks:  # chunks come in file order, so posting lists stay sorted
        for w, numbers in postings.items():
            data.postings.setdefault(w, []).extend(numbers)
        for key, numbers in members.items():
            data.members.setdefault(key, []).extend(numbers)
        for row in rows:
            data.append(row.entry)  # at row.number - first: rows come in order
            built.problems.extend(row.problems)
            built.files.append((row.file, row.number if row.entry else -1))
            if row.entry is None:
                built.dead.add(row.number)
                continue
            built.paths[row.number] = row.file.path
            if row.packed is not None:
                built.packed[row.number] = row.packed
            if row.where is not None:
                built.where[row.number] = row.where
            placed.append(Placed(row.entry.id, row.file.directory, row.number, row.file.path))
    losers, problems = overlay(placed, bundled)
    built.dead |= losers
    built.problems.extend(problems)
    return built


def _quiet(total: int) -> AbstractContextManager[Callable[[int], None]]:
    return nullcontext(lambda done: None)


def _parallel(numbered: list[tuple[int, FileStat]], vocab: Vocabulary, regions: Regions,
              progress: Progress | None) -> list[Chunk]:
    from concurrent.futures import ProcessPoolExecutor

    workers = os.cpu_count() or 2
    size = max(200, len(numbered) // (workers * 8))
    chunks = [numbered[i:i + size] for i in range(0, len(numbered), size)]
    results = []
    with (progress or _quiet)(len(numbered)) as advance, ProcessPoolExecutor(workers) as pool:
        for part in pool.map(_check_chunk, [(c, vocab, regions) for c in chunks]):
            results.append(part)
            advance(len(part[0]))
    return results


class CachedServices(Mapping[str, Service]):
    """The catalog's services, each from the cache ready to use (`packed`), else read from its file, only when
    asked for (a search shows ten; a plan's rules take what they may admit).

    The files were checked against the cache at start-up (size and mtime, every file), so what the cache
    keeps of a live number, or its file read again, is what was indexed."""

    def __init__(self, index: Index, vocab: Vocabulary, regions: Regions, path_of: Callable[[int], str | None],
                 ready: Callable[[int], Service | None] = lambda n: None,
                 packed: Callable[[Sequence[int]], Mapping[int, object]] = lambda numbers: {}):
        self.vocab, self.regions, self.path_of, self.index, self.ready = vocab, regions, path_of, index, ready
        self.packed = packed
        self._read: dict[int, Service] = {}
        self.damaged: list[str] = []  # the services whose kept copy could not be used (their files were read)

    @cached_property
    def numbers(self) -> dict[str, int]:
        return {self.index.data.ids[n]: n for n in self.index.live}

    def __getitem__(self, sid: str) -> Service:
        return self.by_number(self.numbers[sid])

    def by_number(self, n: int) -> Service:
        """The service numbered `n` in the index (without the table of every id that `[id]` needs)."""
        if n not in self._read:
            self.many([n])
        return self._read[n]

    def many(self, numbers: Sequence[int]) -> list[Service]:
        """The services numbered `numbers`, their kept copies fetched at once; a copy missing or damaged (then
        said once, on stderr) is read from its file instead."""
        wanted = []
        for n in numbers:
            if n not in self._read:
                kept = self.ready(n)
                if kept is None:
                    wanted.append(n)
                else:
                    self._read[n] = kept
        for n, blob in self.packed(wanted).items():
            try:
                service = unpack(blob)
            except Damaged:
                service = None
            if service is None or service.id != self.index.data.ids[n]:
                self._said_damaged(n)
                continue
            self._read[n] = service
        for n in wanted:
            if n not in self._read:
                self._read[n] = self._from_file(n)
        return [self._read[n] for n in numbers]

    def _from_file(self, n: int) -> Service:
        from .validate import check_service_file

        path = self.path_of(n)
        # the parser the build used (rtoml with the `fast` extra): the service it indexed, about 13x sooner
        service = check_service_file(Path(path), self.vocab, self.regions, fast=True)[0] if path else None
        if service is None:
            raise DataError([Problem(path or self.index.data.ids[n], 0, "REF025",
                                     "changed while refer was reading it; run again")])
        return service

    def _said_damaged(self, n: int) -> None:
        import sys

        if not self.damaged:
            print(f"warning: the cache's copy of a service is damaged ({self.path_of(n)}); read from its file "
                  "(`refer cache clear` rebuilds the cache)", file=sys.stderr)
        self.damaged.append(self.index.data.ids[n])

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self.numbers))

    def __len__(self) -> int:
        return len(self.numbers)


# ---------------------------------------------------------------- the entry point
def load_cached(directories: Sequence[Path], bundled: Path | None, progress: Progress | None = None) -> Loaded:
    missing = [Problem(str(d), 0, "REF023", "no such directory") for d in directories if not d.is_dir()]
    if missing:
        raise DataError(missing)
    # One folder, one cache, however it is named (relative, absolute, through a symlink): the key and the paths
    # stored are those of the real directory, so that switching between names finds every file fresh.
    directories = [Path(os.path.realpath(d)) for d in directories]
    bundled = Path(os.path.realpath(bundled)) if bundled is not None else None
    bundled_no = directories.index(bundled) if bundled in directories else None
    scanned_at = time.time_ns()
    files = scan(directories)
    vocab_files = [d / name for d in directories for name in INDEX_META_FILES]  # sources.toml: not indexed
    key = fingerprint(directories, vocab_files)
    root = cache_root()
    db = root / f"index-{key}.sqlite"
    store = _open(db, key)
    if store is not None:
        loaded = _from_store(store, files, store.vocab, store.regions, bundled_no, scanned_at)
        if loaded is not None:
            return loaded
    vocab, regions = load_meta_or_fail(directories)
    built = build(settled(files, scanned_at), vocab, regions, bundled_no, progress=progress)
    errors = [p for p in built.problems if p.severity == "error"]
    if errors:
        raise DataError(sorted(built.problems))
    lexicon = build_lexicon(built.data.postings, vocab)
    notes = [str(p) for p in sorted(built.problems)]
    index = Index(built.data, lexicon, dead=frozenset(built.dead))
    services = CachedServices(index, vocab, regions, built.paths.get,
                              packed=lambda numbers: {n: built.packed[n] for n in numbers if n in built.packed})
    # Services kept ready to show without reading their files: all of a small directory,
    # and those `refer emergency` can show in any case.
    data = built.data
    urgent = shortlist(Urgent(n, data.emergency[n], built.where.get(n, ())) for n in urgent_order(index))
    keep = list(index.live) if len(index.live) <= READY_ALL_UP_TO else [u.number for u in urgent]
    ready = {n: services.by_number(n) for n in keep}
    try:
        write(db, built, lexicon, key, vocab, regions, ready, urgent)
    except (OSError, sqlite3.Error) as exc:
        notes.append(f"cache directory {root} is not writable ({getattr(exc, 'strerror', None) or exc}); "
                     "searching without a cache")
    return Loaded(index, services, vocab, regions, tuple(notes), urgent=_urgent(services, urgent))


class Urgently(NamedTuple):
    """The emergency view's services and what shows them, straight from a cache every file agrees with."""

    services: list[Service]
    vocab: Vocabulary
    regions: Regions
    notes: tuple[str, ...]
    phrases: Callable[[], PhraseTable | None]


def load_emergency(directories: Sequence[Path]) -> Urgently | None:
    """The emergency view's services without opening the index: when the size and mtime of every service file
    are those stored (the same exact check as `load_cached`: an edited, added or removed file is never missed),
    the services the cache keeps ready for the view are its whole answer. None when anything differs or is
    damaged: then `load_cached`, which lays the changes over the cache or rebuilds it."""
    if not all(d.is_dir() for d in directories):
        return None
    directories = [Path(os.path.realpath(d)) for d in directories]
    files = scan(directories)
    key = fingerprint(directories, [d / name for d in directories for name in INDEX_META_FILES])
    ready = emergency_ready(cache_root() / f"index-{key}.sqlite", key)
    if ready is None or [(f.path, f.size, f.mtime) for f in files] != ready.stats:
        return None
    return Urgently(ready.services, ready.vocab, ready.regions, tuple(ready.notes),
                    lambda: phrases_of(ready.phrases))


def _urgent(services: CachedServices, urgent: list[Urgent]) -> Callable[[], list[Service]]:
    return lambda: [services.by_number(u.number) for u in urgent]


def _open(db: Path, key: str) -> Store | None:
    if not db.exists():
        return None
    try:
        return Store(db, key)
    except DAMAGE:  # damaged, truncated or foreign: rebuild
        return None


def _from_store(store: Store, files: list[FileStat], vocab: Vocabulary, regions: Regions,
                bundled_no: int | None, scanned_at: int) -> Loaded | None:
    """The cached index, with changed files laid over it; None when a full build is due."""
    if [(f.path, f.size, f.mtime) for f in files] == store.stats:  # the common case, compared in C
        changed, removed = [], []
    else:
        on_disk = {f.path for f in files}
        cached = {p: (s, m) for p, s, m in store.stats}
        changed = [f for f in files if cached.get(f.path) != (f.size, f.mtime)]
        removed = [p for p in cached if p not in on_disk]
    replaced = len(store.data.ids) - len(store.stats)  # numbers that earlier write-backs left unused
    if len(changed) + len(removed) + replaced > delta_limit(len(files)):
        return None
    try:
        data, dead, lexicon = store.data, set(store.dead), store.lexicon
        lookup: Callable[[str], Sequence[int]] = store.postings
        fresh: dict[int, str] = {}
        delta: Built | None = None
        notes = list(store.notes)
        gone = {n for n in store.numbers_of([*removed, *(f.path for f in changed)]).values() if n >= 0}
        dead |= gone
        if changed:
            delta = build(settled(changed, scanned_at), vocab, regions, bundled_no, first=len(data.ids))
            errors = [p for p in delta.problems if p.severity == "error"]
            if errors:
                raise DataError(sorted(delta.problems))
            notes = [n for n in notes if not any(n.startswith(f.path + ":") for f in changed)]
            notes += [str(p) for p in delta.problems]
            data, dead, lexicon, lookup = _lay_over(store, delta, dead, vocab)
            fresh = dict(delta.paths)
        if changed or removed:
            contenders, losers, problems = _overlaid(data, store, delta, gone, bundled_no)
            if any(p.severity == "error" for p in problems):
                raise DataError(sorted(problems))
            dead = (dead - contenders) | losers
        index = Index(data, lexicon, lookup, frozenset(dead))
        use_stored_stems(store.stems)
        packed = delta.packed if delta is not None else {}
        services = CachedServices(index, vocab, regions, lambda n: fresh.get(n) or store.path(n),
                                  lambda n: None if n in dead else store.urgent.get(n),
                                  lambda numbers: {**store.packed(numbers),
                                                   **{n: packed[n] for n in numbers if n in packed}})
        urgent = store.shortlist
        if urgent is not None and delta is not None:  # the re-read files' emergency services join the stored ones
            urgent = shortlist(sorted([*(u for u in urgent if u.number not in dead),
                                       *(Urgent(n, data.emergency[n], at) for n, at in delta.where.items()
                                         if n not in dead)],
                                      key=lambda u: (u.rank, data.ids[u.number])))
        elif urgent is not None and removed:
            urgent = [u for u in urgent if u.number not in dead]
        if (changed or removed) and urgent is not None:
            stored = settled(files, scanned_at)
            write_back(store, Delta(stored, removed, delta, data, dead, lexicon, notes, urgent), services.by_number)
        return Loaded(index, services, vocab, regions, tuple(notes), store.phrases,
                      _urgent(services, urgent) if urgent is not None else None)
    except (*DAMAGE, CacheDamaged):  # the cached part of the merge cannot be read: a full build
        return None


def _lay_over(store: Store, delta: Built, dead: set[int], vocab: Vocabulary) -> tuple[
        IndexData, set[int], Lexicon, Callable[[str], Sequence[int]]]:
    """The cached index plus the re-read files, numbered after the cached ones."""
    base, extra = store.data, delta.data
    members = LazyMembers(store, extra.members)
    data = IndexData(base.ids + extra.ids, {}, members, base.emergency + extra.emergency,
                     base.breadth + extra.breadth, base.ages + extra.ages, base.kinds + extra.kinds)
    known = set(store.lexicon.words)
    new_words = [w for w in extra.postings if w not in known]
    lexicon = extend_lexicon(store.lexicon, new_words) if new_words else store.lexicon

    def lookup(word: str) -> Sequence[int]:
        found = store.postings(word)
        found.extend(extra.postings.get(word, ()))
        return found

    return data, dead | delta.dead, lexicon, lookup


def _overlaid(data: IndexData, store: Store, delta: Built | None, gone: set[int], bundled_no: int | None
              ) -> tuple[set[int], set[int], list[Problem]]:
    """The same overlay rule as a full build, decided again for every id a delta touches: an edited or added
    file may now share its id with a cached service, and a removed or edited one may have replaced a service
    of an earlier directory, which then counts again. Returns the contenders, the losers among them and the
    rule's problems; `gone` are the old numbers of the removed and changed files."""
    fresh = delta.paths if delta else {}
    touched = {data.ids[n] for n in (*gone, *fresh)}
    cached = [n for n in range(store.size) if data.ids[n] in touched and n not in gone]
    contenders = store.current(cached) | set(fresh)
    directory_of = dict(enumerate(store.directory_of))
    directory_of.update((n, f.directory) for f, n in (delta.files if delta else ()))
    placed = [Placed(data.ids[n], directory_of.get(n, 0), n, fresh.get(n) or store.path(n) or data.ids[n])
              for n in sorted(contenders)]
    losers, problems = overlay(placed, bundled_no)
    return contenders, losers, problems
