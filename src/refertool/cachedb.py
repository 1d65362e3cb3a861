"""The index cache's database: what one SQLite file holds, writing it whole, reading it, and writing a delta
back into it.

A whole cache is written to a temporary file and renamed into place (readers never see half a one). A delta
is written back in one transaction that only appends: the re-read files get numbers after those of the state
it read, and a reader (``Store``) ignores numbers beyond the state it loaded, so a process that opened the
cache before never mixes another's delta into its own. Damage found here raises one of ``DAMAGE``;
`refertool.cache` decides what to do about it.
"""

from __future__ import annotations

import marshal
import os
import pickle
import sqlite3
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .directories import FileStat
from .errors import CacheDamaged, DataError, Problem
from .index import IndexData, Lexicon, Urgent
from .model import Regions, Service, Vocabulary
from .text import stems

if TYPE_CHECKING:
    from .query import PhraseTable

SCHEMA = "refertool-index-24"  # bump whenever what the index holds changes
READY_ALL_UP_TO = 2000  # services; a larger directory keeps only those the emergency view can show ready
WRITE_WAIT = 0.2  # seconds a write-back waits for another writer; then it is skipped (the next run writes it)


class State(NamedTuple):
    """The index's small parts, stored as one marshal blob (marshal is the fastest to load)."""

    ids: list[str]
    emergency: list[int]
    breadth: list[int]
    ages: list[tuple[int, int]]
    dead: list[int]
    directory_of: list[int]
    words: list[str]
    by_stem: dict[str, list[str]]
    parts: dict[str, list[str]]
    labels: dict[str, list[str]]
    notes: list[str]
    kinds: list[int]


@dataclass
class Built:
    data: IndexData
    dead: set[int]
    paths: dict[int, str]  # number -> the file its service comes from
    problems: list[Problem]
    files: list[tuple[FileStat, int]]  # and the number its service got (-1: none)
    where: dict[int, tuple[str, ...]]  # number -> the regions of its places, for the emergency view's services
    packed: dict[int, bytes] = field(default_factory=dict)  # number -> its service ready to use (`pack`)


def pack(service: Service) -> bytes:
    """A checked service as the cache keeps it ready to use: pickled and compressed (zlib's fastest level
    halves it; a plan that reads 20,000 services unpacks each in about 25 us instead of parsing and checking
    its file in about 120 us)."""
    return zlib.compress(pickle.dumps(service, protocol=pickle.HIGHEST_PROTOCOL), 1)


def unpack(blob: Any) -> Service:
    """A service as `pack` kept it; Damaged when the bytes do not give one."""
    try:
        raw = zlib.decompress(blob) if isinstance(blob, bytes) else blob
    except zlib.error:
        raise Damaged("not compressed") from None
    return _decoded(pickle.loads, raw, Service)



# ---------------------------------------------------------------- storing
def write(db: Path, built: Built, lexicon: Lexicon, key: str, vocab: Vocabulary, regions: Regions,
          ready: dict[int, Service], urgent: list[Urgent]) -> None:
    """Write a whole cache to a temporary file, then rename it into place (atomic)."""
    import tempfile

    from .query import phrase_table
    from .reading.words import words_of

    phrases = phrase_table(vocab, regions)
    # The stems of every word a query meets in the index or the vocabulary, so that a warm run need not load
    # a stemmer: the index's words by turning the lexicon's stem -> words round, the vocabulary's stemmed now.
    stemmed: dict[str, list[str]] = {w: [] for w in lexicon.words}
    for stem, words in lexicon.by_stem.items():
        for w in words:
            stemmed[w].append(stem)
    for w in phrases.singles:
        stemmed.setdefault(w, list(stems(w)))
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
                -- a list in parts: the full build's (part 0), then each write-back's (part = its first number),
                -- so that a write-back adds small rows instead of rewriting a long list
                CREATE TABLE postings (word TEXT, part INTEGER, data BLOB, PRIMARY KEY (word, part)) WITHOUT ROWID;
                CREATE TABLE members (key TEXT, part INTEGER, data BLOB, PRIMARY KEY (key, part)) WITHOUT ROWID;
                CREATE TABLE stems (word TEXT PRIMARY KEY, stems TEXT) WITHOUT ROWID;
                -- each service ready to use (`pack`), but those kept in "urgent" (already ready)
                CREATE TABLE services (number INTEGER PRIMARY KEY, data BLOB);
            """)
            data = built.data
            directory_of = [0] * len(data.ids)
            for f, n in built.files:
                if n >= 0:
                    directory_of[n] = f.directory
            state = State(data.ids, data.emergency, data.breadth, data.ages, sorted(built.dead), directory_of,
                          lexicon.words, lexicon.by_stem, lexicon.parts, lexicon.labels,
                          [str(p) for p in built.problems], data.kinds)
            stats = [(f.path, f.size, f.mtime) for f, _ in built.files]  # in scan order
            con.executemany("INSERT INTO meta VALUES (?, ?)", [
                ("schema", SCHEMA), ("key", key), ("state", marshal.dumps(tuple(state))),
                ("stats", marshal.dumps(stats)),
                ("meta", pickle.dumps((vocab, regions))),
                # apart, so that `refer emergency` does not load the query parser at all
                ("phrases", pickle.dumps(phrases)),
                # the reader's word lists, compiled (its vocabulary is the one of "meta": see Store.kept)
                ("words", _pickled_without(words_of(vocab), vocab)),
                # services ready to show without reading a file (see READY_ALL_UP_TO)
                ("urgent", pickle.dumps(ready)),
                # the emergency view's services, in its order: its lines without a look at the others
                ("emergency", marshal.dumps([tuple(u) for u in urgent])),
                # the state's notes alone, so that `refer emergency` need not load the state (see `emergency_ready`)
                ("notes", marshal.dumps([str(p) for p in built.problems]))])
            con.executemany("INSERT INTO files VALUES (?, ?, ?, ?)",
                            [(f.path, f.size, f.mtime, n) for f, n in built.files])
            con.executemany("INSERT INTO postings VALUES (?, 0, ?)",
                            # in key order: each insert appends to the B-tree instead of splitting it
                            [(w, array("i", ns).tobytes()) for w, ns in sorted(data.postings.items())])
            con.executemany("INSERT INTO members VALUES (?, 0, ?)",
                            [(k, array("i", ns).tobytes()) for k, ns in sorted(data.members.items())])
            con.executemany("INSERT INTO stems VALUES (?, ?)",
                            [(w, " ".join(sorted(found))) for w, found in sorted(stemmed.items())])
            # the largest table, written last through a small page cache: the pages go to the file as they fill,
            # rather than all of them staying in memory until the end (about 130 MB at 50,000 services)
            con.execute("PRAGMA cache_size = -8192")
            con.executemany("INSERT INTO services VALUES (?, ?)", _packed_rows(built, ready))
        con.close()
        os.replace(tmp, db)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _packed_rows(built: Built, ready: dict[int, Service]) -> Iterator[tuple[int, bytes]]:
    """The rows of the services table: every live service a build read, but those kept ready in "urgent"."""
    return ((n, blob) for n, blob in sorted(built.packed.items()) if n not in ready and n not in built.dead)


class _Without(pickle.Pickler):
    """Pickles a table that refers to the vocabulary without a copy of it (it is stored once, in "meta")."""

    def __init__(self, file: Any, vocab: Vocabulary):
        super().__init__(file)
        self.vocab = vocab

    def persistent_id(self, obj: Any) -> str | None:
        return "vocabulary" if obj is self.vocab else None


class _With(pickle.Unpickler):
    def __init__(self, file: Any, vocab: Vocabulary):
        super().__init__(file)
        self.vocab = vocab

    def persistent_load(self, pid: Any) -> Vocabulary:
        if pid != "vocabulary":
            raise pickle.UnpicklingError("not ours")
        return self.vocab


def _pickled_without(table: Any, vocab: Vocabulary) -> bytes:
    import io

    out = io.BytesIO()
    _Without(out, vocab).dump(table)
    return out.getvalue()


class Damaged(Exception):
    """Bytes in the cache that do not decode into what this version wrote (raised and caught in this module)."""


# What damage to the database file raises: SQLite's own errors, a file that cannot be read, a
# blob that does not decode (Damaged). A programming error (TypeError, KeyError, ...) outside a
# decoder is not damage and propagates.
DAMAGE = (sqlite3.Error, OSError, Damaged)
# What pickle and marshal may raise on damaged bytes (the documented ones, and those a fuzzing of
# real blobs showed); caught around one decoding call only, never around our own code.
DECODING = (pickle.UnpicklingError, EOFError, ValueError, TypeError, OverflowError, AttributeError,
            ImportError, IndexError, KeyError, MemoryError)
STORED = ("schema", "key", "meta", "phrases", "state", "stats")  # the meta rows every cache has


def _decoded(loads: Callable[[bytes], Any], blob: Any, kind: type | tuple[type, ...]) -> Any:
    """One stored blob, decoded and of the type written; else Damaged."""
    if not isinstance(blob, bytes):
        raise Damaged("not a blob")
    try:
        value = loads(blob)
    except DECODING as exc:
        raise Damaged(type(exc).__name__) from None
    if not isinstance(value, kind):
        raise Damaged(f"not a {kind}")
    return value


class Ready(NamedTuple):
    """What the emergency view needs of a cache, read without its index (see `emergency_ready`)."""

    vocab: Vocabulary
    regions: Regions
    stats: list[tuple[str, int, int]]  # as `Store.stats`
    services: list[Service]  # the emergency view's, in its order (`index.shortlist`)
    notes: list[str]
    phrases: Any  # the phrase table's blob, decoded when a --region asks for it (`phrases_of`)


def emergency_ready(db: Path, key: str) -> Ready | None:
    """The emergency view's services as the cache keeps them, with the few rows that check them; the index's
    state, postings and stats of words are never read. None when a part is missing (a cache written before
    this row existed) or damaged: the caller then opens the whole `Store`, which rebuilds what is damaged."""
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            meta = dict(con.execute("SELECT key, value FROM meta WHERE key IN "
                                    "('schema', 'key', 'meta', 'stats', 'urgent', 'emergency', 'notes', 'phrases')"))
        finally:
            con.close()
        if meta.get("schema") != SCHEMA or meta.get("key") != key or len(meta) != 8:
            return None
        vocab, regions = _decoded(pickle.loads, meta["meta"], tuple)
        ready = _decoded(pickle.loads, meta["urgent"], dict)
        rows = _decoded(marshal.loads, meta["emergency"], list)
        services = [ready.get(int(n)) for n, _, _ in rows]
        notes = _decoded(marshal.loads, meta["notes"], list)
        stats = _decoded(marshal.loads, meta["stats"], list)
    except (*DAMAGE, *DECODING):
        return None
    if not (isinstance(vocab, Vocabulary) and isinstance(regions, Regions)) \
            or not all(isinstance(s, Service) for s in services) or not all(isinstance(n, str) for n in notes):
        return None  # a service not kept ready (or of the wrong shape): the whole store finds it
    return Ready(vocab, regions, stats, services, notes, meta["phrases"])


def phrases_of(blob: Any) -> PhraseTable | None:
    """A stored phrase table; None when damaged (it is then built)."""
    from .query import PhraseTable

    try:
        table: PhraseTable = _decoded(pickle.loads, blob, PhraseTable)
    except Damaged:
        return None
    return table


class Store:
    """A cache database opened for reading; any damage raises one of DAMAGE."""

    def __init__(self, db: Path, key: str):
        self.db = db
        self.con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, check_same_thread=False)
        meta = dict(self.con.execute("SELECT key, value FROM meta"))
        if meta.get("schema") != SCHEMA or meta.get("key") != key:
            raise Damaged("not our cache")  # another version's, or a foreign database
        if not set(STORED) <= meta.keys():
            raise Damaged("a part is missing")
        vocab_regions = _decoded(pickle.loads, meta["meta"], tuple)
        if len(vocab_regions) != 2 or not isinstance(vocab_regions[0], Vocabulary) \
                or not isinstance(vocab_regions[1], Regions):
            raise Damaged("not a vocabulary and regions")
        self.vocab, self.regions = vocab_regions
        self.vocab.kept_by = self.kept
        self.words_blob = meta.get("words")
        self.phrases_blob = meta["phrases"]
        self.urgent_blob = meta.get("urgent")
        self.emergency_blob = meta.get("emergency")
        parts = _decoded(marshal.loads, meta["state"], tuple)
        if len(parts) != len(State._fields):
            raise Damaged("not the index's state")
        state = State(*parts)
        self.directory_of, self.notes = state.directory_of, state.notes
        self.data = IndexData(state.ids, {}, LazyMembers(self), state.emergency, state.breadth, state.ages,
                              state.kinds)
        self.dead = set(state.dead)
        self.lexicon = Lexicon(state.words, state.by_stem, state.parts, state.labels)
        self.stats = _decoded(marshal.loads, meta["stats"], list)
        self.stats_blob = meta["stats"]  # a write-back checks that no one wrote since this was read
        self.size = len(state.ids)  # numbers from this size on were appended by a later write-back

    @cached_property
    def urgent(self) -> dict[int, Service]:
        """The services kept ready; none when that part is damaged (they are then read from their files)."""
        try:
            return _decoded(pickle.loads, self.urgent_blob, dict) if self.urgent_blob else {}
        except Damaged:
            return {}

    @cached_property
    def shortlist(self) -> list[Urgent] | None:
        """The emergency view's services as stored (index.shortlist); None when that part is damaged."""
        try:
            rows = _decoded(marshal.loads, self.emergency_blob, list)
            return [Urgent(int(n), int(rank), tuple(map(str, at))) for n, rank, at in rows]
        except (Damaged, *DECODING):
            return None

    def kept(self, name: str) -> Any:
        """A table kept beside the index, read when first asked: the reader's compiled word lists
        ("situation-words"); None for another name, or when that part is damaged (the reader builds its own)."""
        import io

        from .reading.words import Words

        if name != "situation-words" or not isinstance(self.words_blob, bytes):
            return None
        try:
            table = _With(io.BytesIO(self.words_blob), self.vocab).load()
        except DECODING:
            return None
        return table if isinstance(table, Words) else None

    def phrases(self) -> PhraseTable | None:
        """The stored phrase table; None when that part is damaged (the parser then builds its own)."""
        from .query import PhraseTable

        try:
            table: PhraseTable = _decoded(pickle.loads, self.phrases_blob, PhraseTable)
        except Damaged:
            return None
        return table

    def numbers(self, table: str, key_column: str, key: str, shift: int = 0) -> array:
        """A posting or member list (the number is the value shifted right by `shift`) of the numbers this
        state knows; damage here cannot be worked around, so the cache must go."""
        found = array("i")
        try:
            parts = self.con.execute(f"SELECT data FROM {table} WHERE {key_column} = ? AND part < ? ORDER BY part",
                                     (key, self.size)).fetchall()
        except DAMAGE:
            raise CacheDamaged(str(self.db)) from None
        for (data,) in parts:
            if not isinstance(data, bytes) or len(data) % found.itemsize:
                raise CacheDamaged(str(self.db))
            found.frombytes(data)
        # sorted, as numbers are only ever appended: what a later write-back added is cut off the end
        if found and found[-1] >> shift >= self.size:
            del found[bisect_left(found, self.size << shift):]
        return found

    def numbers_of(self, paths: Sequence[str]) -> dict[str, int]:
        """path -> the number its service has (-1: none), for the paths the cache holds among `paths`."""
        found: dict[str, int] = {}
        for i in range(0, len(paths), 500):
            chunk = list(paths[i:i + 500])
            marks = ",".join("?" * len(chunk))
            found.update(self.con.execute(f"SELECT path, number FROM files WHERE path IN ({marks})", chunk))
        return found

    def current(self, numbers: Sequence[int]) -> set[int]:
        """Those of `numbers` that a file still has (not left unused by a write-back)."""
        found: set[int] = set()
        for i in range(0, len(numbers), 500):
            chunk = list(numbers[i:i + 500])
            found.update(n for (n,) in self.con.execute(
                f"SELECT number FROM files WHERE number IN ({','.join('?' * len(chunk))})", chunk))
        return found

    def postings(self, word: str) -> array:
        return self.numbers("postings", "word", word, shift=2)  # number * 4 + field

    def stems(self, word: str) -> tuple[str, ...] | None:
        """A word's stems as stored at the build; None when the word is not stored or the table is damaged
        (the stemmer then answers)."""
        try:
            row = self.con.execute("SELECT stems FROM stems WHERE word = ?", (word,)).fetchone()
        except DAMAGE:
            return None
        return tuple(row[0].split()) if row and isinstance(row[0], str) else None

    def path(self, number: int) -> str | None:
        row = self.con.execute("SELECT path FROM files WHERE number = ?", (number,)).fetchone()
        return row[0] if row else None

    def packed(self, numbers: Sequence[int]) -> dict[int, Any]:
        """number -> the stored bytes of its service ready to use (`unpack`), for those of `numbers` this state
        knows and the cache holds; {} when the table cannot be read (the files are read instead)."""
        found: dict[int, Any] = {}
        known = sorted(n for n in numbers if n < self.size)
        try:
            for i in range(0, len(known), 900):  # SQLite's limit on the parameters of one statement
                chunk = known[i:i + 900]
                found.update(self.con.execute(
                    f"SELECT number, data FROM services WHERE number IN ({','.join('?' * len(chunk))})", chunk))
        except DAMAGE:
            return {}
        return found


class LazyMembers(dict):
    """ "facet=value" -> service numbers, read from the cache the first time a query asks."""

    def __init__(self, store: Store, extra: dict[str, list[int]] | None = None):
        super().__init__()
        self.store, self.extra = store, extra or {}

    def __missing__(self, key: str) -> list[int]:
        self[key] = [*self.store.numbers("members", "key", key), *self.extra.get(key, ())]
        return self[key]

    def get(self, key: str, default: Any = None) -> Any:
        found = self[key]
        return found if found or default is None else default


class Delta(NamedTuple):
    """A cached index with changed files laid over it, as a write-back stores it."""

    files: list[FileStat]  # every file now, in scan order
    removed: list[str]
    built: Built | None  # the files read again; None when files were only removed
    data: IndexData
    dead: set[int]
    lexicon: Lexicon
    notes: list[str]
    urgent: list[Urgent]


def write_back(store: Store, delta: Delta, read: Callable[[int], Service]) -> bool:
    """Write a delta into the cache in one transaction: the re-read files' numbers appended to the posting and
    member lists, their rows, the new state. Skipped, with the same answers, when another process wrote since
    this one read the cache, holds it longer than WRITE_WAIT, or it cannot be written."""
    data, built = delta.data, delta.built
    new = built.data if built else IndexData()
    directory_of = [*store.directory_of, *(f.directory for f, _ in (built.files if built else ()))]
    state = State(data.ids, data.emergency, data.breadth, data.ages, sorted(delta.dead), directory_of,
                  delta.lexicon.words, delta.lexicon.by_stem, delta.lexicon.parts, delta.lexicon.labels,
                  delta.notes, data.kinds)
    live = len(data.ids) - len(delta.dead)
    keep = range(len(data.ids)) if live <= READY_ALL_UP_TO else [u.number for u in delta.urgent]
    try:
        ready = {n: store.urgent.get(n) or read(n) for n in keep if n not in delta.dead} \
            if store.urgent else None  # a damaged part stays as it is (the files are read instead)
    except DataError:  # a file changed again meanwhile: the next run sees it
        return False
    known = set(store.lexicon.words)
    try:
        con = sqlite3.connect(store.db, timeout=WRITE_WAIT, isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        con.execute("BEGIN IMMEDIATE")
        if con.execute("SELECT value FROM meta WHERE key = 'stats'").fetchone() != (store.stats_blob,):
            con.execute("ROLLBACK")  # another process wrote first: its numbers are not ours to append to
            return False
        for table, lists in (("postings", new.postings), ("members", new.members)):
            con.executemany(f"INSERT OR REPLACE INTO {table} VALUES (?, ?, ?)",
                            [(key, store.size, array("i", numbers).tobytes()) for key, numbers in lists.items()])
        con.executemany("INSERT OR REPLACE INTO stems VALUES (?, ?)",
                        [(w, " ".join(sorted(stems(w)))) for w in delta.lexicon.words if w not in known])
        if built:
            con.executemany("INSERT OR REPLACE INTO services VALUES (?, ?)",
                            _packed_rows(built, ready or {}))
        con.executemany("DELETE FROM files WHERE path = ?", [(p,) for p in delta.removed])
        con.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)",
                        [(f.path, f.size, f.mtime, n) for f, n in (built.files if built else ())])
        rows = [("state", marshal.dumps(tuple(state))),
                ("stats", marshal.dumps([(f.path, f.size, f.mtime) for f in delta.files])),
                ("emergency", marshal.dumps([tuple(u) for u in delta.urgent])),
                ("notes", marshal.dumps(list(delta.notes)))]
        if ready is not None:
            rows.append(("urgent", pickle.dumps(ready)))
        con.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", rows)
        con.execute("COMMIT")
        return True
    except (sqlite3.Error, OSError):
        if con.in_transaction:
            con.execute("ROLLBACK")
        return False
    finally:
        con.close()
