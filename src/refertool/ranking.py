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
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from . import ages, places, steps
from .catalog import Catalog
from .errors import UsageError
from .fit import Fit, served_ages, situation_fit
from .index import DESCRIPTION, FIELDS, NAME, NO_AGE, NOT_URGENT, TOPICS, Index
from .model import Service, facets
from .query import FILTER_FACETS, Concept, Facet, Filters, Query, parse
from .reading.model import Situation
from .reading.words import words_of
from .scores import (
    DESCRIPTION_WEIGHT,
    KEYWORD_DESCRIPTION_WEIGHT,
    LEVEL_WEIGHT,
    MAX_WORD,
    OTHER_KINDS_FIRST,
    PLACE_WEIGHT,
    PREFIX_FROM,
    PREFIX_WINDOW,
    SUGGEST_AT_LEAST,
    SUGGEST_FROM,
    SUGGEST_SHARE,
    rarity,
)
from .text import STOPWORDS, split_compound, stems, tokens, typo_budget

LEVELS = ("exact", "stem", "synonym", "compound", "prefix", "typo")
EXACT, STEM, SYNONYM, COMPOUND, PREFIX, TYPO = range(6)
WEIGHED_IN_SITUATION = ("audiences", "roles")
# the why (--explain) of a service placed after other kinds: another of its kind, better placed, came first
SAME_KIND_ELSEWHERE = "the same kind of service elsewhere: after other kinds of help"


class Match(NamedTuple):
    """How a service met one concept; smaller is better, compared field by field."""

    typos: int
    level: int
    field: int
    via: str = ""  # the record's word or facet that matched


class SortKey(NamedTuple):
    """The order of the results: compared field by field, smaller first (the tiers, in order)."""

    points: float  # minus the query concepts met; for a situation, minus (their rarity + fit points)
    # another of its kind (the same service elsewhere) came first: ranked as the last of the first other kinds
    waits: bool
    rarity: float  # minus how telling the met concepts are
    words: int  # minus how many of the query's words the record holds
    typos: int
    level: int  # summed match levels (exact 0 ... typo 5)
    field: int  # summed fields (name 0 ... description 3)
    name_exact: int  # minus the concepts met exactly in the name
    nearness: int  # a place was named: 0 same municipality, 1 province, 2 region, 3 farther or unknown;
    # none: the regions of the query's language in order (data/plan.toml), a service located nowhere 0
    breadth: int  # a place was named: how many provinces the service covers
    sector_specific: bool  # no sector named: a general service first
    emergency: int
    id: str

    def explain(self) -> str:
        return " ".join(f"{name}={value}" for name, value in zip(self._fields, self)
                        if name != "id" and value not in (0, 0.0, False, NOT_URGENT))


class Hit(NamedTuple):
    service: Service
    matched: int  # query concepts met
    key: SortKey
    why: list[str]
    fit: tuple[str, ...] = ()  # why the service fits the situation (or not)
    told: bool = False  # ranked for a told situation: the first tier is rarity plus fit already

    @property
    def score(self) -> float:
        """A display number that never rises down the list: the first tier (with rarity as the fraction
        when the first tier counts concepts); the order itself is `key`, shown by --explain."""
        if self.told:
            return round(float(-self.key.points), 3)
        rarity = -self.key.rarity
        return round(-self.key.points + rarity / (1 + rarity), 3)


# A scored candidate: its sort key, its number in the index, its match per concept, the fits.
_Scored = tuple["SortKey", int, list["Match | None"], dict[int, Fit]]

@dataclass
class Result:
    query: Query
    hits: list[Hit]
    relaxed: list[Facet] = field(default_factory=list)
    suggestions: dict[str, str] = field(default_factory=dict)
    partial: bool = False  # no service matched every concept
    # service id -> its place among every service ranked, beyond `limit` too (no file is read for it)
    order: dict[str, int] = field(default_factory=dict)


class Matcher:
    """Finds the services a query word or phrase reaches through an Index."""

    def __init__(self, index: Index, real: Callable[[str], bool] = lambda word: False):
        self.index = index
        # A real word (of the data, the vocabulary or the reader's lists) is never read as a typo of
        # another: "vrijwilliger" is not "vrijwillig", "naakt" is not "naast".
        self.real = lambda word: word in index.word_set or real(word)
        self.words = index.words
        self.lex = index.lexicon
        self._terms: dict[str, dict[int, Match]] = {}

    def known(self, word: str) -> bool:
        return word in self.index.word_set

    def expand(self, word: str, fuzzy: bool = True) -> dict[str, tuple[int, int]]:
        """Index words that a query word stands for -> (typos, level)."""
        found: dict[str, tuple[int, int]] = {}
        known = self.index.word_set

        def put(w: str, typos: int, level: int) -> None:
            if w in known and (typos, level) < found.get(w, (99, 99)):
                found[w] = (typos, level)

        put(word, 0, EXACT)
        for st in (*stems(word), word):
            for w in self.lex.by_stem.get(st, ()):
                put(w, 0, STEM)
        for st in (word, *stems(word)):
            for w in self.lex.parts.get(st, ()):
                put(w, 0, COMPOUND)
        if not fuzzy:
            return found
        if len(word) >= PREFIX_FROM and not word.isdigit() and not self.real(word):
            at = bisect.bisect_left(self.words, word)
            for w in self.words[at:at + PREFIX_WINDOW]:
                if not w.startswith(word):
                    break
                put(w, 0, PREFIX)
        budget = typo_budget(word) if not self.real(word) else 0
        if budget:
            from rapidfuzz import process
            from rapidfuzz.distance import OSA

            for w, d, _ in process.extract(word, self.index.typo_targets, scorer=OSA.distance, score_cutoff=budget,
                                           limit=None):
                if typo_budget(w):  # a short index word never counts as a typo target
                    put(w, int(d), TYPO)
        return found

    def postings_for(self, expansions: dict[str, tuple[int, int]], floor: int = EXACT) -> dict[int, Match]:
        best: dict[int, Match] = {}
        for w, (typos, level) in expansions.items():
            shared = [Match(typos, max(level, floor), fld, w) for fld in range(4)]  # one object per field
            for i, fld in self.index.postings(w).items():
                m = shared[fld]
                old = best.get(i)
                if old is None or m < old:
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
        if word in self._terms:
            return self._terms[word]
        if len(word) > MAX_WORD:  # no real word is this long: no stems, typos or parts to look for
            return self.postings_for({word: (0, EXACT)} if word in self.index.word_set else {})
        found = self.postings_for(self.expand(word))
        if not found:
            parts = split_compound(word, lambda w: bool(self.expand(w, fuzzy=False)))
            meaningful = tuple(p for p in parts or () if p not in STOPWORDS)  # "door|vertellen": vertellen
            if meaningful:
                # A Dutch compound ends in its main word: "gezinsgeweld" is violence first. All
                # parts together match best; the main word alone still matches, as a part.
                found = self.postings_for(self.expand(meaningful[-1], fuzzy=False), COMPOUND)
                found.update(self.phrase(meaningful, COMPOUND))
        self._terms[word] = found
        return found

    def suggest(self, word: str) -> str | None:
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        if len(word) < SUGGEST_FROM:
            return None
        hit = process.extractOne(word, self.index.typo_targets, scorer=OSA.distance,
                                 score_cutoff=max(SUGGEST_AT_LEAST, len(word) // SUGGEST_SHARE))
        return hit[0] if hit else None


# ---------------------------------------------------------------- filtering
def allowed(index: Index, catalog: Catalog, facet: str, values: list[str]) -> set[int] | None:
    """Services passing a lenient facet filter (listing none means open to all); None: no filter."""
    if not values:
        return None
    if facet == "regions":
        keep: set[int] | None = None
        for place in values:
            found = set(index.members("regions=")).union(  # no area given: a place never hides it
                *(index.members(f"regions={a}") for a in places.covering(place, catalog.regions)))
            keep = found if keep is None else keep & found
        return keep or set()
    if facet == "age":
        keep = set()
        served = served_ages(index, catalog.vocabulary)
        for value in values:
            lo, hi = map(int, value.split("-"))
            keep.update(i for i in index.live if (span := served[i]) is None or ages.overlaps(span, lo, hi))
        return keep
    found = set(index.members(f"{facet}="))
    for v in values:
        found |= index.members(f"{facet}={v}")
    return found


def flag_filter(index: Index, catalog: Catalog, f: Filters, now: dt.datetime | None) -> set[int]:
    """The services that pass the explicit flags; these are never relaxed."""
    keep = set(index.live)
    for facet in facets(strict=True):
        values = getattr(f, facet)
        if values:
            keep &= set().union(*(index.members(f"{facet}={v}") for v in values))
    for flag in ("free", "anonymous", "always_open"):
        if getattr(f, flag):
            keep &= index.members(f"flag={flag}")
    if f.open_now:
        from .hours import open_now

        with_hours = {i for i in index.members("flag=hours")
                      if open_now(catalog.services[index.data.ids[i]], now)}
        keep &= index.members("flag=always_open") | with_hours
    for facet in facets(strict=False):  # lenient: a service listing none is open to all; a region by area
        passing = allowed(index, catalog, facet, getattr(f, facet))
        if passing is not None:
            keep &= passing
    if f.age is not None:
        keep &= allowed(index, catalog, "age", [f"{f.age[0]}-{f.age[1]}"]) or set()
    return keep


# ---------------------------------------------------------------- matching
def explicit_matches(index: Index, facet: Facet) -> dict[int, Match]:
    """Services that name a facet value themselves (not merely "open to all") match that concept."""
    if facet.facet == "age":
        lo, hi = map(int, facet.value.split("-"))
        return {i: Match(facet.typos, EXACT, TOPICS, f"age {facet.value}") for i in index.live
                if index.data.ages[i] != NO_AGE and ages.overlaps(index.data.ages[i], lo, hi)}
    level = EXACT if facet.facet == "regions" else SYNONYM
    same = Match(facet.typos, level, TOPICS, f"{facet.facet}={facet.value}")  # one object for thousands
    found = index.members(f"{facet.facet}={facet.value}")
    if facet.facet == "regions":  # a place is also named by a service located there (area belgium or not)
        found = found | index.members(f"located={facet.value}")
    return dict.fromkeys(found, same)


def concept_matches(matcher: Matcher, concept: Concept) -> dict[int, Match]:
    best: dict[int, Match] = {}

    def keep(found: dict[int, Match]) -> None:
        if not best:  # the first found: nothing to compare with
            best.update(found)
            return
        for i, m in found.items():
            old = best.get(i)
            if old is None or m < old:
                best[i] = m

    if len(concept.terms) == 1:
        keep(matcher.term(concept.terms[0]))
    elif concept.terms and concept.facets:  # a facet phrase counts only as a whole
        keep(matcher.phrase(concept.terms, EXACT))
    else:
        for term in concept.terms:
            keep(matcher.term(term))
    for syn in concept.synonyms:
        keep(matcher.phrase(syn, SYNONYM))
    named = len({(f.facet, f.value) for f in concept.facets})
    per_service: dict[int, list[Match]] = {}
    for facet in concept.facets:
        for i, m in explicit_matches(matcher.index, facet).items():
            per_service.setdefault(i, []).append(m)
    for i, found in per_service.items():
        m = min(found)
        if len(found) < named:
            # "leerkracht" names a role and a sector: a service with both fits better
            m = Match(m.typos, max(m.level, COMPOUND), m.field, m.via)
        keep({i: m})
    return best


def filter_concepts(f: Filters) -> list[Concept]:
    """Explicit filters rank too: a service that names the value comes before one that is merely open to it."""
    out = []
    for facet in facets(classifies=True):
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
    index = catalog.index
    matcher = Matcher(index, words_of(catalog.vocabulary).known.__contains__)
    concepts = query.concepts + filter_concepts(query.filters)
    per_concept = [concept_matches(matcher, c) for c in concepts]
    n_text = len(query.concepts)
    base = flag_filter(index, catalog, query.filters, now)
    if n_text and not query.situation:  # with words to look for, only services that meet one of them are candidates
        base &= set().union(*(pc.keys() for pc in per_concept[:n_text]))
    # In a told situation the people's roles and ages are weighed by the fit, not filtered on: "an
    # adult man" who did it must not hide the services for the minor it was done to.
    weighed = WEIGHED_IN_SITUATION if query.situation else ()
    pulled = [f for f in query.pulled if f.facet in FILTER_FACETS and f.facet not in weighed]
    relaxed: list[Facet] = []
    while True:
        scored = _score(matcher, catalog, base, concepts, per_concept, pulled, query.situation, query.text)
        if scored or not pulled:
            break
        weakest = max(pulled, key=lambda f: (f.typos, -FILTER_FACETS.index(f.facet)))
        relaxed.append(weakest)
        pulled = [f for f in pulled if f is not weakest]
    scored.sort(key=lambda h: h[0])
    held: set[int] = set()
    if query.situation:
        scored, held = other_kinds_first(scored, index.data.kinds.__getitem__)  # index.kind_key
    hits = [Hit(catalog.numbered(i), sum(m is not None for m in matches), key, _why(concepts, matches),
                fits.get(i, Fit(0, ())).why + ((SAME_KIND_ELSEWHERE,) if i in held else ()), bool(query.situation))
            for key, i, matches, fits in (scored[:limit] if limit else scored)]
    result = Result(query, hits, relaxed, order={index.data.ids[item[1]]: n for n, item in enumerate(scored)})
    result.partial = bool(hits) and n_text > 1 and hits[0].matched < len(concepts)
    if not hits:
        for c in query.concepts:
            for t in c.terms:
                if not matcher.term(t):
                    hint = matcher.suggest(t)
                    if hint and hint != t:
                        result.suggestions[t] = hint
    return result


def _score(matcher: Matcher, catalog: Catalog, base: set[int], concepts: list[Concept],
           per_concept: list[dict[int, Match]], pulled: list[Facet], situation: Situation, text: str = ""
           ) -> list[_Scored]:
    index = matcher.index
    by_facet: dict[str, list[str]] = {}
    for f in pulled:
        by_facet.setdefault(f.facet, []).append(f.value)
    candidates = set(base)
    for facet, values in by_facet.items():
        candidates &= allowed(index, catalog, facet, values) or set()
    narrow_first = any(f.facet == "regions" for c in concepts for f in c.facets)
    # a service for one sector fits a question that names no sector less well than a general one
    sector_named = any(f.facet == "sectors" for c in concepts for f in c.facets)
    general = index.members("sectors=")
    # How telling each concept is: one that few services match (a sector, a named
    # service) says more than a word most records share ("abuse", "help").
    weights = [PLACE_WEIGHT if c.facets and all(f.facet in ("regions", "age") for f in c.facets)
               else 0.0 if situation and _says_when(c, catalog) else rarity(len(pc))
               for c, pc in zip(concepts, per_concept)]
    # Every word of the query on its own: "doctor evidence" is one concept (both name the
    # medical topic), but a record with both words fits it better than one with one.
    words = {t for c in concepts if c.terms for t in tokens(c.label) if t not in STOPWORDS}
    word_hits = [matcher.term(t) for t in sorted(words)]
    data = index.data
    sectors = {f.value for c in concepts for f in c.facets if f.facet == "sectors"}
    fits = situation_fit(situation, index, catalog.vocabulary, sectors | ({situation.asker_sector} - {""}), candidates)
    # no place named: the regions of the query's language are the nearest (Flanders first for Dutch)
    near = places.nearness(index.members, catalog.regions, situation.places, situation.municipalities) \
        if situation.places else places.language_nearness(index.members, catalog.regions, steps.home_regions(text))
    told = bool(situation)  # (asked once: a Situation is told when any of its parts is)
    weight = _situation_weight if told else _keyword_weight
    scored = []
    met = set().union(*per_concept) if told else set()
    for i in candidates:
        fit = fits.get(i)
        if told and i not in met and (fit is None or fit.points <= 0):
            continue  # neither a word of the query nor the situation speaks for this service
        matches = [pc.get(i) for pc in per_concept]
        got = [m for m in matches if m is not None]
        telling = round(sum(w * weight(m) for w, m in zip(weights, matches) if m is not None), 6)
        # A described situation weighs its evidence: how telling the concepts met are, plus the fit;
        # keywords count the concepts met first (all of them before some of them).
        points = -round(telling + fit.points, 6) if fit else -telling if told else -len(got)
        key = SortKey(points, False, -telling, -sum(1 for hit in word_hits if i in hit),
                      sum(m.typos for m in got), sum(m.level for m in got), sum(m.field for m in got),
                      -sum(1 for m in got if m.level == EXACT and m.field == NAME),
                      # (with no place named, a service located nowhere is not farther than one nearby)
                      near.get(i, places.FAR if situation.places else 0) if near else 0,
                      # for a place, a service of that area beats a nationwide one
                      data.breadth[i] if narrow_first else 0,
                      i not in general and not sector_named,
                      data.emergency[i], data.ids[i])
        scored.append((key, i, matches, fits))
    return scored


def _says_when(concept: Concept, catalog: Catalog) -> bool:
    """A word of a told situation that says when it happened ("'s avonds", "zaterdag", "maart"), read by the reader's
    time grammar: it tells what no service is for, and meets a service's opening hours by chance."""
    if not concept.terms or concept.facets:
        return False
    words = words_of(catalog.vocabulary)
    when = {*words.day_parts, *words.weekdays, *words.months}
    return all(t.endswith(tuple(when)) or not when.isdisjoint(stems(t)) for t in concept.terms)


def other_kinds_first(scored: list[_Scored], kind: Callable[[int], object],
                      first: int = OTHER_KINDS_FIRST) -> tuple[list[_Scored], set[int]]:
    """The ranked list with the first `first` places held by different kinds of service: a second of a kind
    (the same service elsewhere) waits until then: it ranks as the last of them (its points, no better), and
    after it. A told situation needs the nearest care centre and then the other kinds of help, not every care
    centre first. Also returns the services that waited."""
    head: list[_Scored] = []
    held: list[_Scored] = []
    seen: set[object] = set()
    for item in scored:
        if len(head) == first:
            break
        k = kind(item[1])
        (held if k in seen else head).append(item)
        seen.add(k)
    if not held:
        return scored, set()
    last = head[-1][0].points
    waiting = [(h[0]._replace(points=max(h[0].points, last), waits=True), *h[1:]) for h in held]
    return sorted(head + waiting + scored[len(head) + len(held):], key=lambda h: h[0]), {h[1] for h in held}


def _keyword_weight(m: Match) -> float:
    """Keywords: a word met only in the description is weaker evidence than one in the name or keywords."""
    return KEYWORD_DESCRIPTION_WEIGHT if m.field == DESCRIPTION else 1


def _situation_weight(m: Match) -> float:
    """In a told situation, a word met by its stem, a part or a typo, or only in a description, is weak
    evidence: a long sentence holds many words ("nare ervaring" meets "naar" and "ervaren")."""
    return LEVEL_WEIGHT[m.level] * (DESCRIPTION_WEIGHT if m.field == DESCRIPTION else 1)


def resolve_region(catalog: Catalog, value: str) -> str:
    """A region id, a place name or a postcode -> a region id; UsageError when unknown."""
    found = places.region_of(value, catalog.regions)
    if found:
        return found
    values, _ = catalog.phrases.lookup(tuple(tokens(value.strip())))  # a name, with typos
    areas = sorted(val for facet, val in values if facet == "regions")
    if areas:
        return areas[0]
    near = places.suggestion(value, catalog.regions)
    raise UsageError(f"unknown region '{value}'" + (f" (did you mean '{near}'?)" if near else ""))


def search(catalog: Catalog, text: str = "", filters: Filters | None = None, limit: int | None = 10,
           now: dt.datetime | None = None) -> Result:
    """Understand `text`, apply `filters`, and rank the catalog's services."""
    query = parse(text, catalog.vocabulary, catalog.regions, catalog.index.word_set.__contains__, filters,
                  catalog.phrases)
    return rank(catalog, query, now, limit)
