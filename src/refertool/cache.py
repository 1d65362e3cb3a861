"""The index cache: a search on a large directory does not read every file.

One SQLite database (standard library) per set of directories, in
``$REFER_CACHE_DIR`` or ``$XDG_CACHE_HOME/refertool`` (never beside the data). It
holds data only, never a query. Each file is keyed by path, size and mtime_ns.
A run compares the files on disk with the cache:

* nothing changed: the index comes from the cache; posting lists are read per
  word, and only the files of the results shown are read;
* a few files changed, were added or removed (at most ``DELTA_LIMIT``): only
  those files are read again, and laid over the cached index;
* otherwise, or when the cache is missing, damaged, truncated or foreign: a full
  build, in parallel across the cores for a large directory, written to a
  temporary file and renamed into place, so that readers never see half a cache
  and concurrent first runs all answer correctly.

An unwritable cache directory means searching without a cache, with one warning.
"""

from __future__ import annotations

import marshal
import os
import pickle
import sqlite3
import zlib
from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

from . import __version__
from .catalog import META_FILES, Catalog, load_meta_or_fail
from .errors import DataError, Problem
from .index import Index, IndexData, Lexicon, build_lexicon, extend_lexicon, index_service
from .model import Regions, Service, Vocabulary

SCHEMA = "refertool-index-14"  # bump whenever what the index holds changes
PARALLEL_FROM = 2000  # files; below this a process pool costs more than it saves
PROGRESS_FROM = 2000
READY_ALL_UP_TO = 2000  # services; a larger directory keeps only the first emergency ones ready
READY_URGENT = 100


def delta_limit(total: int) -> int:
    return max(64, total // 50)


def cache_root() -> Path:
    if os.environ.get("REFER_CACHE_DIR"):
        return Path(os.environ["REFER_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "refertool"


class FileStat(NamedTuple):  # a tuple: fifty thousand of them are made at every start
    path: str
    size: int
    mtime: int
    directory: int  # position of its directory in the load order


def scan(directories: Sequence[Path]) -> list[FileStat]:
    """Every service file with its size and mtime: the same files as `service_files`, one stat each."""
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


def fingerprint(directories: Sequence[Path], vocab_files: Sequence[Path]) -> str:
    """Names the cache of one set of directories; changes with the code and the vocabulary files."""
    parts = [SCHEMA, __version__, *(str(d.resolve()) for d in directories)]
    for f in vocab_files:
        try:
            st = f.stat()
            parts.append(f"{f}|{st.st_size}|{st.st_mtime_ns}")
        except OSError:
            pass
    raw = "\0".join(parts).encode()
    return f"{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}"


# ---------------------------------------------------------------- building
@dataclass
class Built:
    data: IndexData
    dead: set[int]
    paths: dict[int, str]  # number -> the file its service comes from
    problems: list[Problem]
    files: list[tuple[FileStat, int]]  # and the number its service got (-1: none)


Row = tuple  # (number, FileStat, usable, problems, id, emergency, breadth, age)


def _check_chunk(args: tuple[list[tuple[int, FileStat]], Vocabulary, Regions]) \
        -> tuple[list[Row], dict[str, list[int]], dict[str, list[int]]]:
    """Read, check and index some files; postings come back grouped by word, so that
    merging a chunk costs one list extension per word, not one per posting."""
    from .validate import check_service_file

    chunk, vocab, regions = args
    rows: list[Row] = []
    postings: dict[str, list[int]] = {}
    members: dict[str, list[int]] = {}
    for number, f in chunk:
        service, problems = check_service_file(Path(f.path), vocab, regions, fast=True)
        if service is None:
            rows.append((number, f, False, problems, "", 99, 0, (-1, -1)))
            continue
        entry = index_service(service, regions)
        for w, fld in entry.words.items():
            postings.setdefault(w, []).append(number * 4 + fld)
        for key in entry.members:
            members.setdefault(key, []).append(number)
        rows.append((number, f, True, problems, entry.id, entry.emergency, entry.breadth, entry.age))
    return rows, postings, members


def build(files: Sequence[FileStat], vocab: Vocabulary, regions: Regions, bundled: int | None,
          first: int = 0) -> Built:
    """Read, check and index files; numbers start at `first` (a delta continues the cache's)."""
    numbered = list(enumerate(files, first))
    if len(files) >= PARALLEL_FROM and (os.cpu_count() or 1) > 1:
        chunks = _parallel(numbered, vocab, regions)
    else:
        chunks = [_check_chunk((numbered, vocab, regions))]
    size = len(files)
    data = IndexData(ids=[""] * size, emergency=[99] * size, breadth=[0] * size, ages=[(-1, -1)] * size)
    built = Built(data, set(), {}, [], [])
    by_id: dict[str, list[tuple[int, int]]] = {}
    for rows, postings, members in chunks:  # chunks come in file order, so posting lists stay sorted
        for w, numbers in postings.items():
            data.postings.setdefault(w, []).extend(numbers)
        for key, numbers in members.items():
            data.members.setdefault(key, []).extend(numbers)
        for number, f, usable, problems, sid, emergency, breadth, age in rows:
            built.problems.extend(problems)
            built.files.append((f, number if usable else -1))
            if not usable:
                built.dead.add(number)
                continue
            local = number - first
            built.paths[number] = f.path
            data.ids[local], data.emergency[local], data.breadth[local], data.ages[local] = sid, emergency, breadth, age
            by_id.setdefault(sid, []).append((f.directory, number))
    built.problems.extend(_overlay(by_id, built, files, first, bundled))
    return built


def _parallel(numbered: list[tuple[int, FileStat]], vocab: Vocabulary, regions: Regions) -> list[
        tuple[list[Row], dict[str, list[int]], dict[str, list[int]]]]:
    from concurrent.futures import ProcessPoolExecutor

    workers = os.cpu_count() or 2
    size = max(200, len(numbered) // (workers * 8))
    chunks = [numbered[i:i + size] for i in range(0, len(numbered), size)]
    results = []
    with _progress(len(numbered)) as advance, ProcessPoolExecutor(workers) as pool:
        for part in pool.map(_check_chunk, [(c, vocab, regions) for c in chunks]):
            results.append(part)
            advance(len(part[0]))
    return results


class _progress:
    """A Rich progress bar on stderr, only on a terminal and only for a long build."""

    def __init__(self, total: int):
        self.total = total
        self.bar: Any = None

    def __enter__(self) -> Callable[[int], None]:
        import sys

        if self.total >= PROGRESS_FROM and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress

            # stderr: stdout carries the results, and a pipe must not get a progress bar
            self.bar = Progress(transient=True, console=Console(stderr=True))
            self.bar.start()
            task = self.bar.add_task("indexing", total=self.total)
            return lambda n: self.bar.advance(task, n)
        return lambda n: None

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def _overlay(by_id: dict[str, list[tuple[int, int]]], built: Built, files: Sequence[FileStat], first: int,
             bundled: int | None) -> list[Problem]:
    """A later directory replaces a service of an earlier one; the same id in two extra directories is an error."""
    problems = []
    path_of = {first + k: f.path for k, f in enumerate(files)}
    for sid, places in by_id.items():
        if len(places) < 2:
            continue
        places.sort()
        extras = [(d, n) for d, n in places if d != bundled]
        if len(extras) > 1:
            problems.append(Problem(path_of[extras[-1][1]], 0, "REF008",
                                    f"duplicate id '{sid}', also in {path_of[extras[0][1]]}"))
        for _, n in places[:-1]:
            built.dead.add(n)
    return problems


# ---------------------------------------------------------------- storing
def write(db: Path, built: Built, lexicon: Lexicon, key: str, vocab: Vocabulary, regions: Regions,
          urgent: dict[int, Service]) -> None:
    """Write a whole cache to a temporary file, then rename it into place (atomic)."""
    import tempfile

    from .query import _phrase_table

    db.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".index-", suffix=".tmp", dir=db.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        with con:
            con.executescript("""
                PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -131072;
                CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB);
                CREATE TABLE files (path TEXT PRIMARY KEY, size INTEGER, mtime INTEGER, number INTEGER);
                CREATE INDEX files_number ON files (number);
                CREATE TABLE postings (word TEXT PRIMARY KEY, data BLOB) WITHOUT ROWID;
                CREATE TABLE members (key TEXT PRIMARY KEY, data BLOB) WITHOUT ROWID;
            """)
            data = built.data
            directory_of = [0] * len(data.ids)
            for f, n in built.files:
                if n >= 0:
                    directory_of[n] = f.directory
            state = (data.ids, data.emergency, data.breadth, data.ages, sorted(built.dead), directory_of,
                     lexicon.words, lexicon.by_stem, lexicon.parts, lexicon.labels,
                     [str(p) for p in built.problems])
            stats = [(f.path, f.size, f.mtime) for f, _ in built.files]  # in scan order
            con.executemany("INSERT INTO meta VALUES (?, ?)", [
                ("schema", SCHEMA), ("key", key), ("state", marshal.dumps(state)), ("stats", marshal.dumps(stats)),
                ("meta", pickle.dumps((vocab, regions))),
                # apart, so that `refer emergency` does not load the query parser at all
                ("phrases", pickle.dumps(_phrase_table(vocab, regions))),
                # services ready to show without reading a file (see READY_ALL_UP_TO)
                ("urgent", pickle.dumps(urgent))])
            con.executemany("INSERT INTO files VALUES (?, ?, ?, ?)",
                            [(f.path, f.size, f.mtime, n) for f, n in built.files])
            con.executemany("INSERT INTO postings VALUES (?, ?)",
                            # in key order: each insert appends to the B-tree instead of splitting it
                            [(w, array("i", ns).tobytes()) for w, ns in sorted(data.postings.items())])
            con.executemany("INSERT INTO members VALUES (?, ?)",
                            [(k, array("i", ns).tobytes()) for k, ns in sorted(data.members.items())])
        con.close()
        os.replace(tmp, db)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


class Store:
    """A cache database opened for reading; any damage raises sqlite3.DatabaseError or ValueError."""

    def __init__(self, db: Path, key: str):
        self.con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, check_same_thread=False)
        meta = dict(self.con.execute("SELECT key, value FROM meta"))
        if meta.get("schema") != SCHEMA or meta.get("key") != key:
            raise ValueError("not our cache")
        self.vocab, self.regions = pickle.loads(meta["meta"])
        self.vocab.phrase_table_blob = (meta["phrases"], id(self.regions))
        self.urgent_blob = meta.get("urgent")
        (ids, emergency, breadth, ages, dead, self.directory_of, words, by_stem, parts, labels,
         self.notes) = marshal.loads(meta["state"])
        self.data = IndexData(ids, {}, LazyMembers(self.con), emergency, breadth, ages)
        self.dead = set(dead)
        self.lexicon = Lexicon(words, by_stem, parts, labels)
        self.stats = marshal.loads(meta["stats"])

    @cached_property
    def urgent(self) -> dict[int, Service]:
        return pickle.loads(self.urgent_blob) if self.urgent_blob else {}

    @cached_property
    def files(self) -> dict[str, tuple[int, int, int]]:
        """path -> (size, mtime, number); read only when something changed."""
        return {p: (s, m, n) for p, s, m, n in self.con.execute("SELECT path, size, mtime, number FROM files")}

    def postings(self, word: str) -> array:
        row = self.con.execute("SELECT data FROM postings WHERE word = ?", (word,)).fetchone()
        found = array("i")
        if row:
            found.frombytes(row[0])
        return found

    def path(self, number: int) -> str | None:
        row = self.con.execute("SELECT path FROM files WHERE number = ?", (number,)).fetchone()
        return row[0] if row else None


class LazyMembers(dict):
    """ "facet=value" -> service numbers, read from the cache the first time a query asks."""

    def __init__(self, con: sqlite3.Connection, extra: dict[str, list[int]] | None = None):
        super().__init__()
        self.con, self.extra = con, extra or {}

    def __missing__(self, key: str) -> list[int]:
        row = self.con.execute("SELECT data FROM members WHERE key = ?", (key,)).fetchone()
        found = array("i")
        if row:
            found.frombytes(row[0])
        self[key] = [*found, *self.extra.get(key, ())]
        return self[key]

    def get(self, key: str, default: Any = None) -> Any:
        found = self[key]
        return found if found or default is None else default


class CachedServices(Mapping[str, Service]):
    """The catalog's services, read from their files only when asked for (a search shows ten).

    The files were checked against the cache at start-up, so reading one gives what was indexed."""

    def __init__(self, index: Index, vocab: Vocabulary, regions: Regions, path_of: Callable[[int], str | None],
                 ready: Callable[[int], Service | None] = lambda n: None):
        self.vocab, self.regions, self.path_of, self.index, self.ready = vocab, regions, path_of, index, ready
        self._read: dict[int, Service] = {}

    @cached_property
    def numbers(self) -> dict[str, int]:
        return {self.index.data.ids[n]: n for n in self.index.live}

    def __getitem__(self, sid: str) -> Service:
        n = self.numbers[sid]
        if n not in self._read and self.ready(n) is not None:
            self._read[n] = self.ready(n)  # type: ignore[assignment]
        if n not in self._read:
            from .validate import check_service_file

            path = self.path_of(n)
            service = check_service_file(Path(path), self.vocab, self.regions)[0] if path else None
            if service is None:
                raise DataError([Problem(path or sid, 0, "REF001", "changed while refer was reading it; run again")])
            self._read[n] = service
        return self._read[n]

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self.numbers))

    def __len__(self) -> int:
        return len(self.numbers)


# ---------------------------------------------------------------- the entry point
def load_cached(directories: Sequence[Path], bundled: Path | None) -> Catalog:
    missing = [Problem(str(d), 0, "REF001", "no such directory") for d in directories if not d.is_dir()]
    if missing:
        raise DataError(missing)
    bundled_no = directories.index(bundled) if bundled in directories else None
    files = scan(directories)
    vocab_files = [d / name for d in directories for name in META_FILES]
    key = fingerprint(directories, vocab_files)
    root = cache_root()
    db = root / f"index-{key}.sqlite"
    store = _open(db, key)
    if store is not None:
        catalog = _from_store(store, files, directories, store.vocab, store.regions, bundled_no)
        if catalog is not None:
            return catalog
    vocab, regions = load_meta_or_fail(directories)
    built = build(files, vocab, regions, bundled_no)
    errors = [p for p in built.problems if p.severity == "error"]
    if errors:
        raise DataError(sorted(built.problems))
    lexicon = build_lexicon(built.data.postings, vocab)
    notes = [str(p) for p in sorted(built.problems)]
    index = Index(built.data, lexicon, dead=frozenset(built.dead))
    services = CachedServices(index, vocab, regions, built.paths.get)
    # Services kept ready to show without reading their files: all of a small directory,
    # and those of `refer emergency` in any case.
    data = built.data
    if len(index.live) <= READY_ALL_UP_TO:
        keep = list(index.live)
    else:
        keep = sorted((n for n in index.live if data.emergency[n] < 99),
                      key=lambda n: (data.emergency[n], data.ids[n]))[:READY_URGENT]
    urgent = {n: services[data.ids[n]] for n in keep}
    try:
        write(db, built, lexicon, key, vocab, regions, urgent)
    except (OSError, sqlite3.Error) as exc:
        notes.append(f"cache directory {root} is not writable ({getattr(exc, 'strerror', None) or exc}); "
                     "searching without a cache")
    return Catalog(services, vocab, regions, tuple(directories), tuple(notes), index)


def _open(db: Path, key: str) -> Store | None:
    if not db.exists():
        return None
    try:
        return Store(db, key)
    except (sqlite3.Error, ValueError, EOFError, TypeError, KeyError, pickle.UnpicklingError, AttributeError):
        # damaged, truncated or foreign: rebuild
        return None


def _from_store(store: Store, files: list[FileStat], directories: Sequence[Path], vocab: Vocabulary,
                regions: Regions, bundled_no: int | None) -> Catalog | None:
    """The cached catalog, with changed files laid over it; None when a full build is due."""
    if [(f.path, f.size, f.mtime) for f in files] == store.stats:  # the common case, compared in C
        changed, removed = [], []
    else:
        on_disk = {f.path for f in files}
        changed = [f for f in files if store.files.get(f.path, (None, None))[:2] != (f.size, f.mtime)]
        removed = [p for p in store.files if p not in on_disk]
    if len(changed) + len(removed) > delta_limit(len(files)):
        return None
    try:
        data, dead, lexicon = store.data, set(store.dead), store.lexicon
        lookup: Callable[[str], Sequence[int]] = store.postings
        fresh: dict[int, str] = {}
        notes = list(store.notes)
        for path in [*removed, *(f.path for f in changed)]:
            number = store.files.get(path, (0, 0, -1))[2]
            if number >= 0:
                dead.add(number)
        if changed:
            delta = build(changed, vocab, regions, bundled_no, first=len(data.ids))
            errors = [p for p in delta.problems if p.severity == "error"]
            if errors:
                raise DataError(sorted(delta.problems))
            notes = [n for n in notes if not any(n.startswith(f.path + ":") for f in changed)]
            notes += [str(p) for p in delta.problems]
            data, dead, lexicon, lookup = _lay_over(store, delta, dead, vocab)
            fresh = dict(delta.paths)
            dead |= _overlaid(data, dead, store, delta, bundled_no)
        index = Index(data, lexicon, lookup, frozenset(dead))
        services = CachedServices(index, vocab, regions, lambda n: fresh.get(n) or store.path(n),
                                  lambda n: None if n in dead else store.urgent.get(n))
        return Catalog(services, vocab, regions, tuple(directories), tuple(notes), index)
    except (sqlite3.Error, ValueError, KeyError):
        return None


def _lay_over(store: Store, delta: Built, dead: set[int], vocab: Vocabulary) -> tuple[
        IndexData, set[int], Lexicon, Callable[[str], Sequence[int]]]:
    """The cached index plus the re-read files, numbered after the cached ones."""
    base, extra = store.data, delta.data
    members = LazyMembers(store.con, extra.members)
    data = IndexData(base.ids + extra.ids, {}, members, base.emergency + extra.emergency,
                     base.breadth + extra.breadth, base.ages + extra.ages)
    known = set(store.lexicon.words)
    new_words = [w for w in extra.postings if w not in known]
    lexicon = extend_lexicon(store.lexicon, new_words) if new_words else store.lexicon

    def lookup(word: str) -> Sequence[int]:
        found = store.postings(word)
        found.extend(extra.postings.get(word, ()))
        return found

    return data, dead | delta.dead, lexicon, lookup


def _overlaid(data: IndexData, dead: set[int], store: Store, delta: Built, bundled_no: int | None) -> set[int]:
    """An edited file may now share its id with a cached service: the later directory wins."""
    directory_of = dict(enumerate(store.directory_of))
    directory_of.update((n, f.directory) for f, n in delta.files)
    fresh_ids = {data.ids[n] for n in delta.paths}
    winner: dict[str, int] = {}
    losers = set()
    for n, sid in enumerate(data.ids):
        if n in dead or sid not in fresh_ids:
            continue
        if sid in winner:
            keep, drop = sorted((winner[sid], n), key=lambda k: (directory_of.get(k, 0), k))[::-1]
            winner[sid] = keep
            losers.add(drop)
        else:
            winner[sid] = n
    return losers
