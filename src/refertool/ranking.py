"""Rank services for a query by tiers, the way Meilisearch and Typesense do.

Tiers, in order: how many query concepts a service matches; how telling the
matched concepts are (rare before common) and how many of the query's words
the record holds (two tie-breaks of our own); fewest typos; best
match level (exact > stem > synonym/concept > compound part > prefix > typo);
best field (name > keywords > topics/summary > description); exactness; id.
Filters come before ranking. When the facets pulled from the text leave
nothing, they are relaxed one at a time, weakest first.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from .catalog import Catalog
from .errors import UsageError
from .model import Service
from .query import FILTER_FACETS, Concept, Facet, Filters, Query, parse
from .text import STOPWORDS, fold, split_compound, stems, tokens, typo_budget

FIELDS = ("name", "keywords", "topics", "description")
NAME, KEYWORDS, TOPICS, DESCRIPTION = range(4)
LEVELS = ("exact", "stem", "synonym", "compound", "prefix", "typo")
EXACT, STEM, SYNONYM, COMPOUND, PREFIX, TYPO = range(6)
AGE_AUDIENCES = {"minors": (0, 17), "young-adults": (16, 25), "adults": (18, 200), "elderly": (65, 200)}


@dataclass(frozen=True, order=True)
class Match:
    """How a service met one concept; smaller is better, compared field by field."""

    typos: int
    level: int
    field: int
    via: str = ""  # the record's word or facet that matched


@dataclass
class Hit:
    service: Service
    matched: int
    key: tuple
    why: list[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        """A display number that falls with every tier; the order itself comes from `key`."""
        typos, level, fld = self.key[3], self.key[4], self.key[5]
        return round(self.matched - 0.1 * typos - 0.01 * level - 0.001 * fld, 3)


@dataclass
class Result:
    query: Query
    hits: list[Hit]
    relaxed: list[Facet] = field(default_factory=list)
    suggestions: dict[str, str] = field(default_factory=dict)
    partial: bool = False  # no service matched every concept


class Index:
    """Words of every service by field, with stems and compound parts, for one catalog."""

    def __init__(self, services: Iterable[Service], catalog: Catalog):
        self.services = list(services)
        self.postings: dict[str, dict[int, int]] = {}
        for i, s in enumerate(self.services):
            for fld, text in service_texts(s, catalog):
                for t in tokens(text):
                    self._post(t, i, fld)
                for joined in joined_forms(text) if fld == NAME else ():
                    self._post(joined, i, fld)
        self.words = sorted(self.postings)
        self.by_stem: dict[str, set[str]] = {}
        for w in self.words:
            for st in stems(w):
                self.by_stem.setdefault(st, set()).add(w)
        self.parts: dict[str, set[str]] = {}
        known = self.known
        for w in self.words:
            if len(w) >= 7 and not w.isdigit():
                for part in split_compound(w, known) or ():
                    self.parts.setdefault(part, set()).add(w)
                # Dutch compounds end in their main word: "kindermishandeling" is a kind of
                # "mishandeling" even when "kinder" is not a word of the data.
                for cut in range(3, len(w) - 4):
                    if w[cut:] in self.postings:
                        self.parts.setdefault(w[cut:], set()).add(w)
                        break

    def _post(self, token: str, i: int, fld: int) -> None:
        per = self.postings.setdefault(token, {})
        if fld < per.get(i, 99):
            per[i] = fld

    def known(self, word: str) -> bool:
        return word in self.postings or word in self.by_stem if hasattr(self, "by_stem") else word in self.postings

    # -- one word ------------------------------------------------------------
    def expand(self, word: str, fuzzy: bool = True) -> dict[str, tuple[int, int]]:
        """Index words that a query word stands for -> (typos, level)."""
        found: dict[str, tuple[int, int]] = {}

        def put(w: str, typos: int, level: int) -> None:
            if w in self.postings and (typos, level) < found.get(w, (99, 99)):
                found[w] = (typos, level)

        put(word, 0, EXACT)
        for st in (*stems(word), word):
            for w in self.by_stem.get(st, ()):
                put(w, 0, STEM)
        for st in (word, *stems(word)):
            for w in self.parts.get(st, ()):
                put(w, 0, COMPOUND)
        if not fuzzy:
            return found
        if len(word) >= 4 and not word.isdigit():
            at = bisect.bisect_left(self.words, word)
            for w in self.words[at:at + 50]:
                if not w.startswith(word):
                    break
                put(w, 0, PREFIX)
        budget = typo_budget(word)
        if budget:
            from rapidfuzz import process
            from rapidfuzz.distance import OSA

            for w, d, _ in process.extract(word, self.words, scorer=OSA.distance, score_cutoff=budget,
                                           limit=None):
                if typo_budget(w):  # a short index word never counts as a typo target
                    put(w, int(d), TYPO)
        return found

    def postings_for(self, expansions: dict[str, tuple[int, int]], floor: int = EXACT) -> dict[int, Match]:
        best: dict[int, Match] = {}
        for w, (typos, level) in expansions.items():
            for i, fld in self.postings[w].items():
                m = Match(typos, max(level, floor), fld, w)
                if i not in best or m < best[i]:
                    best[i] = m
        return best

    def phrase(self, words: tuple[str, ...], floor: int) -> dict[int, Match]:
        """Services holding every word of a phrase (exact or stem); the worst field counts."""
        result: dict[int, Match] | None = None
        for w in words:
            found = self.postings_for(self.expand(w, fuzzy=False), floor)
            if result is None:
                result = found
            else:
                result = {i: max(m, found[i]) for i, m in result.items() if i in found}
        return {i: Match(m.typos, m.level, m.field, " ".join(words)) for i, m in (result or {}).items()}

    def term(self, word: str) -> dict[int, Match]:
        found = self.postings_for(self.expand(word))
        if found:
            return found
        parts = split_compound(word, lambda w: bool(self.expand(w, fuzzy=False)))
        meaningful = tuple(p for p in parts or () if p not in STOPWORDS)  # "door|vertellen": vertellen
        return self.phrase(meaningful, COMPOUND) if meaningful else {}

    def suggest(self, word: str) -> str | None:
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        hit = process.extractOne(word, self.words, scorer=OSA.distance, score_cutoff=max(2, len(word) // 3))
        return hit[0] if hit else None


def service_texts(s: Service, catalog: Catalog) -> list[tuple[int, str]]:
    """The searchable texts of a service, each with its field."""
    vocab = catalog.vocabulary
    labels = []
    # What a service is about (topics, sectors, kind) is text; whom it serves (audiences,
    # roles) is matched as a facet, or every service open to professionals would match "teacher".
    for facet, values in (("topics", s.topics), ("sectors", s.sectors), ("kinds", (s.kind,) if s.kind else ())):
        for v in values:
            fv = vocab.values(facet).get(v)
            if fv:
                labels += [fv.nl, fv.en, *fv.synonyms]
    contacts = [c.value for c in s.contacts] + [s.website, s.email]
    return [
        (NAME, " ".join([s.name, s.organisation, s.id.replace("-", " ")])),
        (KEYWORDS, " | ".join([*s.keywords, *contacts])),
        (TOPICS, " | ".join([s.summary.nl, s.summary.en, *labels])),
        (DESCRIPTION, " | ".join([s.description.nl, s.description.en, s.how_to_reach.nl, s.how_to_reach.en,
                                  s.source_section, *(c.note.nl + " " + c.note.en for c in s.contacts)])),
    ]


def joined_forms(text: str) -> list[str]:
    """"Tele-onthaal" -> teleonthaal, "Stop it Now!" -> stopitnow, "116 000" -> 116000."""
    out = []
    for chunk in text.split("|"):
        words = tokens(chunk)
        for n in (2, 3):
            out += ["".join(words[i:i + n]) for i in range(len(words) - n + 1)]
    return out


@lru_cache(maxsize=4)
def index_for(catalog: Catalog) -> Index:
    return Index(catalog, catalog)


# ---------------------------------------------------------------- filtering
def _ages(s: Service) -> tuple[int, int] | None:
    if s.age_min is not None or s.age_max is not None:
        return (s.age_min or 0, s.age_max if s.age_max is not None else 200)
    if s.audiences:
        spans = [AGE_AUDIENCES[a] for a in s.audiences if a in AGE_AUDIENCES]
        if spans:
            return (min(lo for lo, _ in spans), max(hi for _, hi in spans))
    return None


def age_fits(s: Service, lo: int, hi: int) -> bool:
    span = _ages(s)
    return span is None or (span[0] <= hi and lo <= span[1])


def facet_passes(s: Service, facet: str, values: list[str], catalog: Catalog) -> bool:
    """Lenient facet test: a service that lists no value for a facet is not limited by it."""
    if not values:
        return True
    if facet == "regions":
        return all(catalog.regions.covers(s.regions, v) for v in values)
    if facet == "age":
        return all(age_fits(s, *map(int, v.split("-"))) for v in values)
    listed = getattr(s, facet)
    return not listed or bool(set(values) & set(listed))


def flag_passes(s: Service, f: Filters, catalog: Catalog, now: dt.datetime | None) -> bool:
    if f.topics and not set(f.topics) & set(s.topics):
        return False
    if f.channels and not set(f.channels) & set(s.channels):
        return False
    if f.kinds and s.kind not in f.kinds:
        return False
    if f.free and not s.free or f.anonymous and not s.anonymous:
        return False
    if f.always_open and not (s.always_open or any(c.always_open for c in s.contacts)):
        return False
    if f.open_now:
        from .hours import open_now

        if not open_now(s, now):
            return False
    for facet in ("audiences", "roles", "sectors", "regions"):
        if not facet_passes(s, facet, getattr(f, facet), catalog):
            return False
    return f.age is None or age_fits(s, *f.age)


# ---------------------------------------------------------------- matching
def explicit_match(s: Service, facet: Facet, catalog: Catalog) -> Match | None:
    """A service that names a facet value itself (not just "not limited") matches that concept."""
    if facet.facet == "regions":
        if catalog.regions.specificity(s.regions, facet.value) == 0:
            return Match(facet.typos, EXACT, TOPICS, f"region={facet.value}")
        return None
    if facet.facet == "age":
        lo, hi = map(int, facet.value.split("-"))
        if (s.age_min is not None or s.age_max is not None) and age_fits(s, lo, hi):
            return Match(facet.typos, EXACT, TOPICS, f"age {facet.value}")
        return None
    if facet.value in getattr(s, facet.facet):
        return Match(facet.typos, SYNONYM, TOPICS, f"{facet.facet}={facet.value}")
    return None


def concept_matches(index: Index, concept: Concept, catalog: Catalog) -> dict[int, Match]:
    best: dict[int, Match] = {}

    def keep(found: dict[int, Match]) -> None:
        for i, m in found.items():
            if i not in best or m < best[i]:
                best[i] = m

    if len(concept.terms) == 1:
        keep(index.term(concept.terms[0]))
    elif concept.terms and concept.facets:  # a facet phrase counts only as a whole
        keep(index.phrase(concept.terms, EXACT))
    else:
        for term in concept.terms:
            keep(index.term(term))
    for syn in concept.synonyms:
        keep(index.phrase(syn, SYNONYM))
    for i, s in enumerate(index.services):
        found = [m for m in (explicit_match(s, f, catalog) for f in concept.facets) if m]
        if found:
            m = min(found)
            if len(found) < len({(f.facet, f.value) for f in concept.facets}):
                # "leerkracht" names a role and a sector: a service with both fits better
                m = Match(m.typos, max(m.level, COMPOUND), m.field, m.via)
            keep({i: m})
    return best


def filter_concepts(f: Filters) -> list[Concept]:
    """Explicit filters rank too: a service that names the value comes before one that is merely open to it."""
    out = []
    for facet in ("audiences", "roles", "sectors", "regions", "topics"):
        for v in getattr(f, facet):
            out.append(Concept(f"--{facet}={v}", (), (), (Facet(facet, v, v),)))
    if f.age:
        out.append(Concept(f"--age={f.age[0]}", (), (), (Facet("age", f"{f.age[0]}-{f.age[1]}", ""),)))
    return out


def _why(concepts: list[Concept], matches: list[Match | None]) -> list[str]:
    out = []
    for c, m in zip(concepts, matches):
        if m is None:
            continue
        how = LEVELS[m.level] + (f", {m.typos} typo{'s' if m.typos > 1 else ''}" if m.typos else "")
        out.append(f"{c.label} -> {m.via} ({how}, {FIELDS[m.field]})")
    return out


def rank(catalog: Catalog, query: Query, now: dt.datetime | None = None, limit: int | None = None) -> Result:
    index = index_for(catalog)
    concepts = query.concepts + filter_concepts(query.filters)
    per_concept = [concept_matches(index, c, catalog) for c in concepts]
    base = [i for i, s in enumerate(index.services) if flag_passes(s, query.filters, catalog, now)]
    pulled = [f for f in query.pulled if f.facet in FILTER_FACETS]
    relaxed: list[Facet] = []
    while True:
        hits = _score(index, base, concepts, per_concept, pulled, catalog, len(query.concepts))
        if hits or not pulled:
            break
        weakest = max(pulled, key=lambda f: (f.typos, -FILTER_FACETS.index(f.facet)))
        relaxed.append(weakest)
        pulled = [f for f in pulled if f is not weakest]
    hits.sort(key=lambda h: h.key)
    result = Result(query, hits[:limit] if limit else hits, relaxed)
    n_text = len(query.concepts)
    result.partial = bool(hits) and n_text > 1 and hits[0].matched < len(concepts)
    if not hits:
        for c in query.concepts:
            for t in c.terms:
                if not index.term(t):
                    hint = index.suggest(t)
                    if hint and hint != t:
                        result.suggestions[t] = hint
    return result


def _score(index: Index, base: list[int], concepts: list[Concept], per_concept: list[dict[int, Match]],
           pulled: list[Facet], catalog: Catalog, n_text: int) -> list[Hit]:
    has_text = n_text > 0
    by_facet: dict[str, list[str]] = {}
    for f in pulled:
        by_facet.setdefault(f.facet, []).append(f.value)
    narrow_first = any(f.facet == "regions" for c in concepts for f in c.facets)
    # a service for one sector fits a question that names no sector less well than a general one
    sector_named = any(f.facet == "sectors" for c in concepts for f in c.facets)
    # How telling each concept is: one that few services match (a sector, a named
    # service) says more than a word most records share ("abuse", "help").
    total = max(len(index.services), 1)
    weights = [math.log((total + 1) / (len(pc) + 1)) for pc in per_concept]
    # Every word of the query on its own: "doctor evidence" is one concept (both name the
    # medical topic), but a record with both words fits it better than one with one.
    words = {t for c in concepts if c.terms for t in tokens(c.label) if t not in STOPWORDS}
    word_hits = [set(index.term(t)) for t in sorted(words)]
    hits = []
    for i in base:
        s = index.services[i]
        if not all(facet_passes(s, facet, values, catalog) for facet, values in by_facet.items()):
            continue
        matches = [pc.get(i) for pc in per_concept]
        got = [m for m in matches if m is not None]
        if has_text and not any(m is not None for m in matches[:n_text]):
            continue  # with words to look for, a filter alone is no match
        # a word met only in the description is weaker evidence than one in the name or keywords
        rarity = round(sum(w / (2 if m.field == DESCRIPTION else 1)
                           for w, m in zip(weights, matches) if m is not None), 6)
        key = (-len(got), -rarity, -sum(1 for hit in word_hits if i in hit),
               sum(m.typos for m in got), sum(m.level for m in got), sum(m.field for m in got),
               -sum(1 for m in got if m.level == EXACT and m.field == NAME),
               # for a place, a service of that area beats a nationwide one
               catalog.regions.breadth(s.regions) if narrow_first else 0,
               bool(s.sectors) and not sector_named,
               s.emergency or 99, s.id)
        hits.append(Hit(s, len(got), key, _why(concepts, matches)))
    return hits


def resolve_region(catalog: Catalog, value: str) -> str:
    """A region id, a place name or a postcode -> a region id; UsageError when unknown."""
    from .query import _phrase_table

    v = value.strip()
    if v in catalog.regions.areas:
        return v
    if v.isdigit() and len(v) == 4 and catalog.regions.by_postcode(int(v)):
        return catalog.regions.by_postcode(int(v)) or v
    values, _ = _phrase_table(catalog.vocabulary, catalog.regions).lookup(tuple(tokens(v)))
    areas = sorted(val for facet, val in values if facet == "regions")
    if areas:
        return areas[0]
    from .validate import did_you_mean

    raise UsageError(f"unknown region '{value}'{did_you_mean(fold(v), catalog.regions.areas)}")


def search(catalog: Catalog, text: str = "", filters: Filters | None = None, limit: int | None = 10,
           now: dt.datetime | None = None) -> Result:
    """Understand `text`, apply `filters`, and rank the catalog's services."""
    index = index_for(catalog)
    query = parse(text, catalog.vocabulary, catalog.regions, index.postings.__contains__, filters)
    return rank(catalog, query, now, limit)
