"""Turn free text into a Query: facets pulled out by the vocabulary, the rest as terms.

"minderjarige pleger Brussel" -> audience=minors, role=perpetrator, region=brussels;
"15-jarige" -> age 15; "2000" -> the province of that postcode. Facets are matched
as 1-3 word phrases against labels and synonyms in both languages, with the same
typo budget as search terms.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from .model import Regions, Vocabulary, facets
from .places import names as place_names
from .places import postcode
from .reading.model import Situation
from .reading.read import read
from .reading.words import words_of
from .text import STOPWORDS, fold, stems, tokens, typo_budget

# Facets pulled from free text that filter (and may be relaxed, weakest first).
FILTER_FACETS = ("roles", "age", "audiences", "sectors", "regions")
TEXT_FACETS = facets(from_text=True)
MAX_QUERY_CHARS = 1000

AGE_PATTERNS = [
    re.compile(r"\b(\d{1,2})\s*(?:-|tot|to|en|and)\s*(\d{1,2})\s*(?:jaar|years?|jr)\b"),
    re.compile(r"\b(\d{1,2})\s*-?\s*(?:jarige?n?|jaar|jr|years?[\s-]*old|year[\s-]*olds?|yo|y/o)\b"),
    re.compile(r"\b(?:van|of|aged?|age)\s+(\d{1,2})\b(?!\s*(?:\d|%|euro|eur|uur|min))"),
]


class Facet(NamedTuple):
    facet: str  # audiences, roles, topics, sectors, regions, age
    value: str
    words: str  # the words of the query it came from
    typos: int = 0


class Concept(NamedTuple):
    """One thing the query asks for; a service matches it through any alternative."""

    label: str
    terms: tuple[str, ...]  # the query's own words, folded
    synonyms: tuple[tuple[str, ...], ...] = ()  # other phrasings, as token sequences
    facets: tuple[Facet, ...] = ()  # facet values this phrase named; a service listing one matches


@dataclass
class Filters:
    audiences: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    age: tuple[int, int] | None = None
    free: bool = False
    anonymous: bool = False
    always_open: bool = False
    open_now: bool = False

    def active(self) -> bool:
        return any(v for v in vars(self).values())


@dataclass
class Query:
    text: str
    concepts: list[Concept]
    pulled: list[Facet]  # facets pulled from the text; filters that may be relaxed
    filters: Filters  # explicit flags: never relaxed
    ignored: list[str] = field(default_factory=list)  # stop words left out
    notes: list[str] = field(default_factory=list)
    situation: Situation = field(default_factory=Situation)  # what a described situation says


class PhraseTable:
    """Every facet synonym and place name as a token tuple -> the facet values it names."""

    def __init__(self, vocab: Vocabulary, regions: Regions):
        self.exact: dict[tuple[str, ...], set[tuple[str, str]]] = {}
        for facet in TEXT_FACETS:
            for value in vocab.values(facet).values():
                for phrase in (value.nl, value.en, *value.synonyms):
                    self._add(phrase, facet, value.id)
        for phrase, area_id in place_names(regions):
            self._add(phrase, "regions", area_id)
        self.by_length: dict[int, list[tuple[str, ...]]] = {}
        for key in self.exact:
            self.by_length.setdefault(len(key), []).append(key)
        # One-word phrases, sorted, to find those sharing a query word's stem without
        # stemming the whole vocabulary at every start (stems are prefixes, near enough).
        self.singles = sorted(k[0] for k in self.exact if len(k) == 1)

    def _same_stem(self, word: str) -> set[tuple[str, str]]:
        mine = {word, *stems(word)}
        head = word[:4]
        found: set[tuple[str, str]] = set()
        for w in self.singles[bisect.bisect_left(self.singles, head):]:
            if not w.startswith(head):
                break
            if mine & {w, *stems(w)}:
                found |= self.exact[(w,)]
        return found

    def _add(self, phrase: str, facet: str, value: str) -> None:
        key = tuple(tokens(phrase))
        if key and not (len(key) == 1 and key[0] in STOPWORDS):
            self.exact.setdefault(key, set()).add((facet, value))

    def lookup(self, words: tuple[str, ...], typos: bool = True, stemmed: bool = True
               ) -> tuple[set[tuple[str, str]], int]:
        """The facet values a phrase names, and the typos needed; (set(), 0) when none."""
        if words in self.exact:
            return self.exact[words], 0
        if len(words) == 1 and stemmed and len(words[0]) >= 4:
            found = self._same_stem(words[0])
            if found:
                return found, 0
        if not typos or any(typo_budget(w) == 0 for w in words):
            return set(), 0
        from rapidfuzz.distance import OSA

        best: tuple[int, set[tuple[str, str]]] = (99, set())
        for key in self.by_length.get(len(words), ()):
            total = 0
            for w, k in zip(words, key):
                d = OSA.distance(w, k, score_cutoff=typo_budget(w))
                if d > typo_budget(w) or typo_budget(k) == 0 and d:
                    break
                total += d
            else:
                if total < best[0]:
                    best = (total, set(self.exact[key]))
                elif total == best[0]:
                    best[1].update(self.exact[key])
        return (best[1], best[0]) if best[1] else (set(), 0)


@lru_cache(maxsize=8)
def phrase_table(vocab: Vocabulary, regions: Regions) -> PhraseTable:
    """Built once per vocabulary; a catalog from the cache brings the one stored there instead."""
    return PhraseTable(vocab, regions)


@lru_cache(maxsize=8)
def concept_groups(vocab: Vocabulary) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Each word of a [concepts] group -> every member of its group as token tuples."""
    table: dict[str, tuple[tuple[str, ...], ...]] = {}
    for group in vocab.concepts:
        members = tuple(tuple(tokens(w)) for w in group if tokens(w))
        for m in members:
            if len(m) == 1:
                table[m[0]] = members
    return table


@lru_cache(maxsize=8)
def phrase_groups(vocab: Vocabulary) -> dict[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """Each multi-word member of a [concepts] group -> every member of its group."""
    table: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}
    for group in vocab.concepts:
        members = tuple(tuple(tokens(w)) for w in group if tokens(w))
        for m in members:
            if len(m) > 1:
                table[m] = members
    return table


def _pull_ages(text: str) -> tuple[str, list[Facet]]:
    found: list[Facet] = []
    for pattern in AGE_PATTERNS:
        def take(m: re.Match[str]) -> str:
            nums = [int(g) for g in m.groups() if g is not None]
            found.append(Facet("age", f"{min(nums)}-{max(nums)}", m.group(0).strip()))
            return " "

        text = pattern.sub(take, text)
    return text, found


class QueryParser:
    """Reads a query in passes over its words, each pass taking the words it understands.

    Order matters: the situation first (its people, asker and frame words are not searched),
    then postcodes, words written apart ("wraak porno"), facet phrases, multi-word concept
    members, and what is left as free terms."""

    def __init__(self, text: str, vocab: Vocabulary, regions: Regions, known_word: Callable[[str], bool],
                 filters: Filters | None = None, phrases: PhraseTable | None = None):
        self.vocab, self.regions, self.known_word = vocab, regions, known_word
        self.phrases = phrases or phrase_table(vocab, regions)
        self.filters = filters or Filters()
        self.notes: list[str] = []
        if len(text) > MAX_QUERY_CHARS:
            self.notes.append(f"query cut to its first {MAX_QUERY_CHARS} characters")
            text = text[:MAX_QUERY_CHARS]
        self.text = text
        folded, self.pulled = _pull_ages(fold(text))
        self.words = tokens(folded)
        self.used = [False] * len(self.words)
        self.concepts: list[Concept] = []
        self.groups = concept_groups(vocab)
        self.situation = read(text, vocab, regions, known_word)
        self.real_words = words_of(vocab).known  # real words, never read as typos of a facet

    def parse(self) -> Query:
        self.situation_words()
        self.postcodes()
        self.joined_words()
        self.facet_phrases()
        self.facet_concepts()
        self.group_phrases()
        ignored = self.free_terms()
        return Query(self.text, self.concepts, self.pulled, self.filters, ignored, self.notes, self.situation)

    def _free(self, i: int, n: int = 1) -> bool:
        return not any(self.used[i:i + n])

    def situation_words(self) -> None:
        """A described situation: its people and frames are read, not searched; its subject's age filters."""
        if not self.situation:
            return
        spent = set(self.situation.read_words)
        # Abuse at home: the school or club of the one it happened to ("een leerling van 13 ... thuis")
        # is not the setting; their sector words are read, not searched.
        sector_words = words_of(self.vocab).sectors
        for p in self.situation.people if self.situation.at_home else ():
            if p.role == "victim" and tuple(tokens(p.words)[-1:]) in sector_words:
                spent.add(tokens(p.words)[-1])
        for i, w in enumerate(self.words):
            if w in spent:
                self.used[i] = True
        for topic in self.situation.implied:  # "dwingt me tot seks": sexual violence, though not named
            self.pulled.append(Facet("topics", topic, topic))
        # The ages of a story belong to different people: only the age of the person the question is
        # about filters ("mijn neef (20) ... zijn zusje (12)": 20 when help for him is sought).
        self.pulled = [f for f in self.pulled if f.facet != "age"]
        # A person named with no known part in it (a brother named beside abuse images) is no one to filter
        # by: weighed, not filtered, so the services for the children in those images stay. An age alone
        # ("12 jaar") or the asker's own still filters.
        subject = self.situation.subject()
        if subject is not None and subject.age is not None and (subject.role or subject.relation in ("self", "")):
            self.pulled.append(Facet("age", f"{subject.age}-{subject.age}", subject.words))

    def postcodes(self) -> None:
        """Four digits inside a known range name a province, unless the number is in the data
        itself (1712 is a helpline) and not called a postcode."""
        for i, w in enumerate(self.words):
            area = postcode(self.words, i, self.regions, self.known_word)
            if area:
                self.pulled.append(Facet("regions", area, w))
                self.used[i] = True

    def joined_words(self) -> None:
        """Joined words first, so that "wraak porno" or "stop it now" meet their one-word form."""
        words = self.words
        for n in (3, 2):
            for i in range(len(words) - n + 1):
                if not self._free(i, n):
                    continue
                joined = "".join(words[i:i + n])
                if self.known_word(joined) and words[i] not in STOPWORDS and words[i + n - 1] not in STOPWORDS:
                    self.concepts.append(Concept(" ".join(words[i:i + n]), (joined,)))
                    self.used[i:i + n] = [True] * n

    def facet_phrases(self) -> None:
        """Facet phrases, longest first."""
        words, groups = self.words, self.groups
        table = self.phrases
        for n in (3, 2, 1):
            for i in range(len(words) - n + 1):
                if not self._free(i, n):
                    continue
                phrase = tuple(words[i:i + n])
                if phrase[0] in STOPWORDS or phrase[-1] in STOPWORDS:
                    continue
                # A real word is never read as a typo of a facet ("meisje" is not the town Meise) ...
                real = any(self.known_word(w) or w in groups or w in self.real_words for w in phrase)
                # ... nor is a word with its own meaning read by its stem ("ouder" is not "ouderen").
                values, typos = table.lookup(phrase, typos=not real, stemmed=not any(w in groups for w in phrase))
                if not values:
                    continue
                self.used[i:i + n] = [True] * n
                label = " ".join(phrase)
                for facet, value in sorted(values):
                    self.pulled.append(Facet(facet, value, label, typos))

    def facet_concepts(self) -> None:
        """One concept per phrase that named facets ("teacher": a role and a sector, counted once);
        phrases naming the same values ("pleger perpetrator", "Brussel Bruxelles") are one concept too."""
        by_words: dict[str, list[Facet]] = {}
        for f in self.pulled:
            by_words.setdefault(f.words, []).append(f)
        merged: dict[frozenset[tuple[str, str]], Concept] = {}
        for label, fs in by_words.items():
            if all(f.facet == "age" for f in fs):
                continue  # an age filters; it is not something to match in the text
            placeish = all(f.facet in ("age", "regions") for f in fs)
            terms = () if placeish else tuple(tokens(label))
            synonyms = self.groups.get(terms[0], ()) if len(terms) == 1 else ()
            key = frozenset((f.facet, f.value) for f in fs)
            if key in merged:
                c = merged[key]
                merged[key] = Concept(f"{c.label} {label}", c.terms, (*c.synonyms, terms, *synonyms), c.facets)
            else:
                merged[key] = Concept(label, terms, tuple(m for m in synonyms if m != terms), tuple(fs))
        self.concepts.extend(merged.values())

    def group_phrases(self) -> None:
        """Multi-word members of a concept group ("dag en nacht", "day and night")."""
        words = self.words
        for n in (3, 2):
            for i in range(len(words) - n + 1):
                phrase = tuple(words[i:i + n])
                group = phrase_groups(self.vocab).get(phrase)
                if group and self._free(i, n):
                    self.used[i:i + n] = [True] * n
                    self.concepts.append(Concept(" ".join(phrase), (), tuple(group)))

    def free_terms(self) -> list[str]:
        """The words left: each a concept ("ziekenhuis hospital" one, through its group); returns the ignored."""
        words, used = self.words, self.used
        ignored = [w for i, w in enumerate(words) if not used[i] and w in STOPWORDS]
        free_words = [w for i, w in enumerate(words) if not used[i] and w not in STOPWORDS]
        seen_groups: dict[tuple[tuple[str, ...], ...], int] = {}
        for w in dict.fromkeys(free_words):
            group = self.groups.get(w)
            if group is not None and group in seen_groups:
                c = self.concepts[seen_groups[group]]
                self.concepts[seen_groups[group]] = Concept(f"{c.label} {w}", (*c.terms, w), c.synonyms)
                continue
            synonyms = tuple(m for m in group if m != (w,)) if group else ()
            if group is not None:
                seen_groups[group] = len(self.concepts)
            self.concepts.append(Concept(w, (w,), synonyms))
        return ignored


def parse(text: str, vocab: Vocabulary, regions: Regions, known_word: Callable[[str], bool] = lambda w: False,
          filters: Filters | None = None, phrases: PhraseTable | None = None) -> Query:
    """Understand a query. `known_word` tells whether a joined word ("wraakporno") is in the index;
    `phrases` is the phrase table of the vocabulary and regions (built when not given)."""
    return QueryParser(text, vocab, regions, known_word, filters, phrases).parse()
