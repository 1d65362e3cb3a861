"""The search index as plain data: words by field, stems, compound parts, facet members.

A build turns services into an `IndexData` (what the cache stores); an `Index`
answers the questions ranking asks, whether its postings live in memory or in
the cache. Postings pack a service number and a field into one int
(`number * 4 + field`), so a posting list is a flat list of ints.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from .model import FACET_SPECS, Regions, Service, Vocabulary, facet_values, facets
from .places import places_of
from .text import STOPWORDS, split_compound, stems, tokens

FIELDS = ("name", "keywords", "topics", "description")
NAME, KEYWORDS, TOPICS, DESCRIPTION = range(4)
LABEL_FACETS = facets(describes=True)  # what a service is about: their words are its text
NO_AGE = (-1, -1)
# The emergency rank of a service that is not in the emergency view: it sorts after every real rank.
NOT_URGENT = 2**31 - 1


def service_texts(s: Service) -> list[tuple[int, str]]:
    """The searchable texts of one service, each with its field (facet labels are added by facet)."""
    contacts = [c.value for c in s.contacts] + [s.website, s.email]
    return [
        (NAME, " ".join([s.name, s.organisation, s.id.replace("-", " ")])),
        (KEYWORDS, " | ".join([*s.keywords, *contacts])),
        (TOPICS, " | ".join([s.summary.nl, s.summary.en])),
        (DESCRIPTION, " | ".join([s.description.nl, s.description.en, s.how_to_reach.nl, s.how_to_reach.en,
                                  s.source_section, *(c.note.nl + " " + c.note.en for c in s.contacts)])),
    ]


def joined_forms(text: str) -> list[str]:
    """"Tele-onthaal" -> teleonthaal, "Stop it Now!" -> stopitnow, "116 000" -> 116000.

    Letters join letters and digits join digits: "Focus 12" stays apart, or every
    numbered name would add words that no one types."""
    words = tokens(text)
    kinds = ["a" if w.isalpha() else "d" if w.isdigit() else "x" for w in words]
    out = []
    for n in (2, 3):
        for i in range(len(words) - n + 1):
            run = kinds[i:i + n]
            if run[0] != "x" and run.count(run[0]) == n:
                out.append("".join(words[i:i + n]))
    return out


def member_keys(s: Service) -> list[str]:
    """Every "facet=value" a service belongs to; "facet=" when it lists none (open to all)."""
    keys = [f"{spec.id}={v}" for spec in FACET_SPECS for v in facet_values(s, spec.id)]
    keys += [f"{spec.id}=" for spec in FACET_SPECS if spec.open_when_empty and not facet_values(s, spec.id)]
    keys += [f"flag={name}" for name in ("free", "anonymous") if getattr(s, name)]
    if s.always_reachable:
        keys.append("flag=always_open")
    if any(c.hours for c in s.contacts):
        keys.append("flag=hours")
    # where a service is (its locations), apart from where it serves (its area, `regions`)
    keys += [f"located={r}" for r in dict.fromkeys(loc.region for loc in s.locations if loc.region)]
    keys += [f"city={' '.join(tokens(loc.city))}" for loc in s.locations if loc.city]  # the nearest first
    return keys


def kind_key(s: Service) -> int:
    """What a service is, leaving out where (its kind, topics, audiences, roles, ages, sectors), as one number:
    two services equal in it differ only by place (area, location). Kept in the index, so that ranking
    (`ranking.other_kinds_first`) tells them apart without reading their files."""
    import hashlib

    what = (s.kind, sorted(s.topics), sorted(s.audiences), sorted(s.roles), s.age_min, s.age_max, sorted(s.sectors))
    return int.from_bytes(hashlib.blake2b(repr(what).encode(), digest_size=8).digest(), "big", signed=True)


def age_span(s: Service) -> tuple[int, int]:
    if s.age_min is None and s.age_max is None:
        return NO_AGE
    return (s.age_min or 0, s.age_max if s.age_max is not None else 200)


class Entry(NamedTuple):
    """What indexing one service yields; built in worker processes for large directories."""

    id: str
    words: dict[str, int]  # token -> best field
    members: list[str]
    emergency: int
    breadth: int
    age: tuple[int, int]
    kind: int  # kind_key


def index_service(s: Service, regions: Regions) -> Entry:
    words: dict[str, int] = {}
    texts = service_texts(s)
    # Weakest field first, so that a word's best field is the one written last.
    for fld, text in reversed(texts):
        words.update(dict.fromkeys(tokens(text), fld))
    for j in joined_forms(texts[0][1]):
        words.setdefault(j, NAME)
    urgency = NOT_URGENT if s.emergency is None else s.emergency
    return Entry(s.id, words, member_keys(s), urgency, regions.breadth(s.regions), age_span(s), kind_key(s))


def post(number: int, entry: Entry, postings: dict[str, list[int]], members: dict[str, list[int]]) -> None:
    """The one place that files a service's words and memberships under its number."""
    for w, fld in entry.words.items():
        postings.setdefault(w, []).append(number * 4 + fld)
    for key in entry.members:
        members.setdefault(key, []).append(number)


@dataclass
class IndexData:
    """A whole index as plain lists and dicts (what the cache stores)."""

    ids: list[str] = field(default_factory=list)
    postings: dict[str, list[int]] = field(default_factory=dict)
    members: dict[str, list[int]] = field(default_factory=dict)
    emergency: list[int] = field(default_factory=list)
    breadth: list[int] = field(default_factory=list)
    ages: list[tuple[int, int]] = field(default_factory=list)
    kinds: list[int] = field(default_factory=list)  # kind_key of each service (0: none)

    def append(self, entry: Entry | None) -> int:
        """The per-service columns of the next number; None for a file that gives no service."""
        n = len(self.ids)
        self.ids.append(entry.id if entry else "")
        self.emergency.append(entry.emergency if entry else NOT_URGENT)
        self.breadth.append(entry.breadth if entry else 0)
        self.ages.append(entry.age if entry else NO_AGE)
        self.kinds.append(entry.kind if entry else 0)
        return n

    def add(self, entry: Entry) -> int:
        n = self.append(entry)
        post(n, entry, self.postings, self.members)
        return n


def build_data(services: Iterable[Service], regions: Regions) -> IndexData:
    data = IndexData()
    for s in services:
        data.add(index_service(s, regions))
    return data


def urgent_order(index: Index) -> list[int]:
    """The numbers of the services in the emergency view, in its order (rank, then id)."""
    data = index.data
    return sorted((n for n in index.live if data.emergency[n] != NOT_URGENT),
                  key=lambda n: (data.emergency[n], data.ids[n]))


# The emergency view fits one screen whatever the directory's size: its first LINES_SHOWN ranks, and in
# each line the SHOWN_PER_LINE nearest services (the first in its order without a place to be near).
LINES_SHOWN = 12
SHOWN_PER_LINE = 12


def where(s: Service, regions: Regions) -> tuple[str, ...]:
    """The regions a service's places are in: two services with the same are equally near any place."""
    return tuple(sorted({p.region for p in places_of(s, regions)}))


class Urgent(NamedTuple):
    number: int
    rank: int
    where: tuple[str, ...]  # see `where`


def shortlist(ordered: Iterable[Urgent]) -> list[Urgent]:
    """Of the emergency view's services in its order, every one it can show, near any place: those of its first
    LINES_SHOWN ranks, and in each rank the first SHOWN_PER_LINE of those in the same regions. A line shows its
    SHOWN_PER_LINE nearest, and among equals each set of regions in turn in its order (`emergency.spread`), so a
    later one of the same regions never shows. Bounded by the ranks and regions there are, not by the
    directory's size."""
    kept: list[Urgent] = []
    ranks: set[int] = set()
    seen: dict[tuple[int, tuple[str, ...]], int] = {}
    for u in ordered:
        if u.rank not in ranks:
            if len(ranks) == LINES_SHOWN:
                break
            ranks.add(u.rank)
        count = seen.get((u.rank, u.where), 0)
        if count < SHOWN_PER_LINE:
            seen[(u.rank, u.where)] = count + 1
            kept.append(u)
    return kept


class Lexicon(NamedTuple):
    """The index's words with what lets a query word reach them: stems, compound parts, facet labels."""

    words: list[str]
    by_stem: dict[str, list[str]]
    parts: dict[str, list[str]]
    labels: dict[str, list[str]]  # a word of a topic/sector/kind label -> the "facet=value" keys it names


def build_lexicon(words: Iterable[str], vocab: Vocabulary) -> Lexicon:
    labels: dict[str, list[str]] = {}
    for facet in LABEL_FACETS:
        for value in vocab.values(facet).values():
            for phrase in (value.nl, value.en, *value.synonyms):
                for t in tokens(phrase):
                    if t not in STOPWORDS and f"{facet}={value.id}" not in labels.get(t, []):
                        labels.setdefault(t, []).append(f"{facet}={value.id}")
    return extend_lexicon(Lexicon([], {}, {}, labels), sorted(set(words) | set(labels)))


def extend_lexicon(base: Lexicon, new_words: Iterable[str]) -> Lexicon:
    """A lexicon with more words: only the new words are stemmed and split."""
    new = sorted(set(new_words) - set(base.words))
    words = sorted([*base.words, *new])
    known = set(words)
    by_stem = {k: list(v) for k, v in base.by_stem.items()}
    parts = {k: list(v) for k, v in base.parts.items()}
    for w in new:
        for st in stems(w):
            by_stem.setdefault(st, []).append(w)
        if len(w) >= 7 and not w.isdigit():
            found = set(split_compound(w, known.__contains__) or ())
            # Dutch compounds end in their main word: "kindermishandeling" is a kind of
            # "mishandeling" even when "kinder" is not a word of the data.
            for cut in range(3, len(w) - 4):
                if w[cut:] in known:
                    found.add(w[cut:])
                    break
            for part in found:
                parts.setdefault(part, []).append(w)
    return Lexicon(words, by_stem, parts, base.labels)


class Index:
    """Answers ranking's questions; postings come from memory or from a lookup function (the cache)."""

    def __init__(self, data: IndexData, lexicon: Lexicon, postings: Callable[[str], Sequence[int]] | None = None,
                 dead: frozenset[int] = frozenset()):
        self.data, self.lexicon = data, lexicon
        self.words = lexicon.words
        self.word_set = frozenset(lexicon.words)
        self._lookup = postings or (lambda w: data.postings.get(w, ()))
        self.dead = dead
        self._member_sets: dict[str, frozenset[int]] = {}
        self._posting_cache: dict[str, dict[int, int]] = {}

    def __len__(self) -> int:
        return len(self.data.ids)

    @cached_property
    def typo_targets(self) -> list[str]:
        """Numbers are looked up exactly; as typo targets they would only add noise and time."""
        return [w for w in self.words if not w.isdigit()]

    @cached_property
    def live(self) -> range | frozenset[int]:
        """The numbers of the services in use (not replaced or removed); computed once, asked often."""
        n = len(self.data.ids)
        return range(n) if not self.dead else frozenset(range(n)) - self.dead

    def postings(self, word: str) -> dict[int, int]:
        """Service number -> best field for one index word (facet label words count as topics)."""
        found = self._posting_cache.get(word)
        if found is not None:
            return found
        found = {}
        for packed in self._lookup(word):
            n = packed >> 2
            if n not in self.dead:
                found[n] = packed & 3
        for key in self.lexicon.labels.get(word, ()):
            for n in self.members(key):
                if found.get(n, 9) > TOPICS:
                    found[n] = TOPICS
        self._posting_cache[word] = found
        return found

    def members(self, key: str) -> frozenset[int]:
        found = self._member_sets.get(key)
        if found is None:
            found = frozenset(self.data.members.get(key, ())) - self.dead
            self._member_sets[key] = found
        return found


def build_index(services: Iterable[Service], vocab: Vocabulary, regions: Regions) -> Index:
    data = build_data(services, regions)
    return Index(data, build_lexicon(data.postings, vocab))
