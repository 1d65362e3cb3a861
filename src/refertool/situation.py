"""Read a described situation: who did what to whom, who asks, how urgent, what is wanted, where.

"de zwemleraar raakte een meisje van 11 aan; wat doe ik als aanspreekpersoon?" ->
victim: child, 11 · person who did it: trainer · asker: integrity contact · wants: advice.

The reader works on words, clause by clause, with the word lists of data/situation.toml
(kept with the vocabulary): person words, act words, the passive and agent words, "accused
of", telling verbs, asker markers, time words, needs, negations and channels. It guesses
the way a quick human reader does, and says what it read (`describe`), so that a wrong
guess is visible in `--explain`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, TypeVar

from .model import Regions, Vocabulary
from .text import STOPWORDS, fold, tokens

T = TypeVar("T")
ROLE_WORDS = ("victim", "perpetrator")  # relations that are only a role ("slachtoffer", "dader")
MINOR_MAX = 17
MAX_PHRASE = 4  # the longest phrase of the word lists, in words
PARTICIPLE_HEADS = ("ge", "be", "ver", "mis", "aan", "ont", "lastig")
NEED_NEGATION = 2  # words between a negation and the need it refuses ("wil geen aangifte doen")
MIN_TYPO = 6  # shorter words are too often other real words ("jonge", "older") to read as slips
# Ages as people write them: "14", "(14)", "15j", "12yo", "14-jarige", "aged 16", "13 yo".
AGE_TOKEN = re.compile(r"^(\d{1,2})(?:j|jr|jaar|yo|jarige|jarig)?$")
AGE_AFTER = frozenset({"jarige", "jarig", "jaar", "jr", "year", "years", "yo", "jarigen"})
AGE_BEFORE = frozenset({"van", "of", "aged", "age", "ben", "is", "am", "im", "was", "now", "nu"})
NOT_AGE_AFTER = frozenset({"uur", "u", "h", "hours", "hour", "minuten", "minutes", "euro", "eur", "keer", "times",
                           "weken", "weeks", "dagen", "days", "maanden", "months", "jaren"})
# Clause ends: punctuation of a sentence (a parenthesis is not one: "(14)" belongs to its word).
CLAUSE = re.compile(r"[.,;:!?\n]+")
CLOCK = re.compile(r"^(\d{1,2})(u|h|am|pm|uur)?$")
CLOCK_UNITS = frozenset({"u", "h", "uur", "am", "pm"})
NIGHT = frozenset({"nachts", "nacht", "night"})
CONTRACTED = frozenset({"m", "t", "ve", "re", "ll", "d"})  # the tails of "i'm", "won't", "i've"


@dataclass(frozen=True)
class Person:
    role: str  # "victim" | "perpetrator" | "bystander" | "" (unknown)
    age: int | None  # an age read from the text ("14", "(14)", "15j", "12yo", "aged 16")
    age_group: str  # "minor" | "adult" | ""
    relation: str  # child, pupil, athlete, participant, colleague, partner, parent, trainer, leader, self, ...
    words: str  # the words of the text it was read from
    accused: bool = False  # said to have done it ("beschuldigd van", "accused of"), not known to
    own: bool = False  # the asker's own ("mijn dochter", "my brother", "mijn cliënt")


@dataclass(frozen=True)
class Situation:
    people: tuple[Person, ...] = ()
    asker_role: str = ""
    asker_sector: str = ""
    urgency: str = ""  # "acute" | "recent" | "past" | ""
    needs: tuple[str, ...] = ()
    channels_wanted: tuple[str, ...] = ()
    channels_avoided: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    places: tuple[str, ...] = ()  # region ids
    topics: tuple[str, ...] = ()
    # Added for the search: the municipalities named (folded), for nearness; whether the asker
    # speaks in their own role (their sector is the setting); the words the reader used up.
    municipalities: tuple[str, ...] = ()
    asker_in_role: bool = False
    at_home: bool = False  # it happened at home ("thuis", "at home")
    implied: tuple[str, ...] = ()  # topics the story implies without naming them ("dwingt me tot seks")
    read_words: frozenset[str] = field(default_factory=frozenset)

    def victim(self) -> Person | None:
        return next((p for p in self.people if p.role == "victim"), None)

    def perpetrator(self) -> Person | None:
        return next((p for p in self.people if p.role == "perpetrator"), None)

    def subject(self) -> Person | None:
        """The person the question is about: the one who did it when help for them is sought."""
        if "help-perpetrator" in self.needs or "feelings" in self.needs:
            return self.perpetrator() or self.victim()
        me = next((p for p in self.people if p.relation == "self" and p.role), None)
        if me is not None:  # "my ex posted pictures of me": the asker speaks for themself
            return me
        own = next((p for p in self.people if p.own and p.role), None)
        if own is not None:  # "mijn zoon heeft een meisje betast": the asker asks about their own
            return own
        return (self.victim() or self.perpetrator() or next((p for p in self.people if p.age is not None), None)
                or next((p for p in self.people if p.age_group == "minor"), None) or next(iter(self.people), None))

    def __bool__(self) -> bool:
        """Whether anything beyond plain keywords was read."""
        # a role word alone ("pleger", "slachtoffer") is a keyword, not a told situation
        return bool(any(p.role and p.relation not in ROLE_WORDS for p in self.people) or self.asker_role
                    or self.urgency or self.needs or self.channels_wanted or self.channels_avoided or self.avoid
                    or self.implied)


# ---------------------------------------------------------------- word lists
class Words:
    """data/situation.toml as token tuples, built once per vocabulary."""

    def __init__(self, raw: dict[str, Any], vocab: Vocabulary):
        def phrases(values: Any) -> frozenset[tuple[str, ...]]:
            return frozenset(tuple(tokens(v)) for v in (values or []) if isinstance(v, str) and tokens(v))

        def listed(values: Any) -> dict[tuple[str, ...], str]:
            return {p: " ".join(p) for p in phrases(values)}

        def single(values: Any) -> set[str]:
            return {p[0] for p in phrases(values) if len(p) == 1}

        def table(raw_table: Any) -> dict[tuple[str, ...], str]:
            out: dict[tuple[str, ...], str] = {}
            for key, values in (raw_table or {}).items():
                if isinstance(values, list):
                    for p in phrases(values):
                        out.setdefault(p, key)
            return out

        self.relations = table({k: v.get("words", []) for k, v in (raw.get("relations") or {}).items()})
        self.relation_age = {k: v.get("age_group", "") for k, v in (raw.get("relations") or {}).items()}
        self.relation_role = {k: v.get("role", "") for k, v in (raw.get("relations") or {}).items()}
        pronouns = raw.get("pronouns") or {}
        self.self_words = single(pronouns.get("self"))
        self.self_is = phrases(pronouns.get("self_is"))
        self.articles = single(pronouns.get("articles"))
        self.third = single(pronouns.get("third"))
        self.acts = single((raw.get("acts") or {}).get("words"))
        voice = raw.get("voice") or {}
        self.passive = single(voice.get("passive"))
        self.agent = single(voice.get("agent"))
        self.active = single(voice.get("active"))
        self.accused = single(voice.get("accused"))
        self.accused_of = single(voice.get("accused_of"))
        self.convicted = single(voice.get("convicted"))
        self.sharing = single(voice.get("sharing"))
        self.contact = single(voice.get("contact"))
        self.to = single(voice.get("to"))
        self.telling = single(voice.get("telling"))
        self.boundary = single(voice.get("boundary"))
        self.relative = single(voice.get("relative"))
        self.survivor = listed((raw.get("survivor") or {}).get("phrases"))
        asker = raw.get("asker") or {}
        self.asker_markers = phrases(asker.get("markers"))
        self.asker_after = single(asker.get("after"))
        self.private = single(asker.get("private"))
        self.insider = single(asker.get("insider"))
        self.own = single(asker.get("own"))
        self.work = single(asker.get("work"))
        self.night_hours = tuple((raw.get("time") or {}).get("night_hours", (0, 0)))
        self.asker_roles = table(asker.get("roles"))
        self.urgency = table(raw.get("urgency"))
        self.needs = table(raw.get("needs"))
        self.help_for_other = listed((raw.get("help_for") or {}).get("other"))
        self.help_for_self = listed((raw.get("help_for") or {}).get("self"))
        self.help_before_person = listed((raw.get("help_for") or {}).get("before_person"))
        self.help_verbs_after = single((raw.get("help_for") or {}).get("verbs_after_person"))
        self.help_verbs_before = single((raw.get("help_for") or {}).get("verbs_before_person"))
        negation = raw.get("negation") or {}
        self.negation = single(negation.get("words"))
        self.reach = int(negation.get("reach", 4))
        self.channels = table(raw.get("channels"))
        self.wish = single((raw.get("wish") or {}).get("words"))
        self.direct_channels = tuple((raw.get("wish") or {}).get("direct", []))
        self.moods = single((raw.get("moods") or {}).get("words"))
        coercion = raw.get("coercion") or {}
        self.coercion = single(coercion.get("verbs"))
        self.coerced_into = {k: single(v) for k, v in (coercion.get("into") or {}).items()}
        self.avoid = table({k: v.get("words", []) for k, v in (raw.get("avoid") or {}).items()})
        self.avoid_kinds = {k: tuple(v.get("kinds", [])) for k, v in (raw.get("avoid") or {}).items()}
        self.need_topics = {k: tuple(v) for k, v in (raw.get("need_topics") or {}).items()}
        self.accused_topics = tuple((raw.get("accused") or {}).get("topics", []))
        self.acute_topics = tuple((raw.get("acute") or {}).get("topics", []))
        self.home = single((raw.get("home") or {}).get("words"))
        self.grooming_topics = tuple((raw.get("grooming") or {}).get("topics", []))
        self.home_topics = tuple((raw.get("home") or {}).get("minor_victim_topics", []))
        self.abuse_topics = frozenset((raw.get("abuse") or {}).get("topics", []))
        self.recent_topics = tuple((raw.get("recent") or {}).get("topics", []))
        self.minor_settings = frozenset((raw.get("minor_settings") or {}).get("sectors", []))
        self.frames = single((raw.get("frames") or {}).get("words"))
        self.common = single((raw.get("common") or {}).get("words"))
        self.topics: dict[tuple[str, ...], str] = {}
        self.sectors: dict[tuple[str, ...], str] = {}
        facet_words: set[str] = set()
        for facet in ("topics", "sectors", "audiences", "roles"):
            for value in vocab.values(facet).values():
                for p in phrases([value.nl, value.en, *value.synonyms]):
                    if facet == "topics":
                        self.topics.setdefault(p, value.id)
                    elif facet == "sectors":
                        self.sectors.setdefault(p, value.id)
                    if len(p) == 1:
                        facet_words.add(p[0])
        # Words that name a facet stay in the search even when the reader uses them ("trainer": sport).
        self.facet_words = frozenset(facet_words)
        # Every word the reader knows: such a word is never read as a typo of another.
        self.known_list = sorted(w for w in self.relations_and_acts() if len(w) >= 5)
        groups = (self.relations, self.asker_roles, self.urgency, self.needs, self.channels, self.avoid, self.topics,
                  self.sectors)
        self.known = frozenset(w for group in groups for p in group for w in p) | (
            self.self_words | self.third | self.acts | self.passive | self.agent | self.accused | self.convicted
            | self.telling | self.insider | self.own | self.wish | self.moods | self.coercion | self.contact
            | self.boundary | self.private | self.negation | self.frames | self.common
            | {w for group in vocab.concepts for phrase in group for w in tokens(phrase)})


    def relations_and_acts(self) -> set[str]:
        """The words a typo may be read as (people, acts, asker roles): short lists, telling words."""
        return ({w for group in (self.relations, self.asker_roles) for p in group for w in p} | self.acts | self.accused
                | self.convicted | self.coercion)


@lru_cache(maxsize=8)
def words_of(vocab: Vocabulary) -> Words:
    return Words(vocab.situation, vocab)


@lru_cache(maxsize=4)
def _places(regions: Regions) -> dict[tuple[str, ...], tuple[str, str]]:
    """A place name as tokens -> (region id, municipality or "")."""
    out: dict[tuple[str, ...], tuple[str, str]] = {}
    for area in regions.areas.values():
        for name in (area.nl, area.en, *area.synonyms):
            key = tuple(tokens(name))
            if key:
                out.setdefault(key, (area.id, ""))
        for place in area.municipalities:
            key = tuple(tokens(place))
            if key:
                out[key] = (area.id, " ".join(key))
    return out


def _find(seq: list[str], table: Mapping[tuple[str, ...], T]) -> list[tuple[int, int, T]]:
    """Non-overlapping phrases of `table` in `seq`, longest first: (start, end, value)."""
    found: list[tuple[int, int, T]] = []
    taken = [False] * len(seq)
    for n in range(MAX_PHRASE, 0, -1):
        for i in range(len(seq) - n + 1):
            key = tuple(seq[i:i + n])
            if key in table and not any(taken[i:i + n]):
                found.append((i, i + n, table[key]))
                taken[i:i + n] = [True] * n
    return sorted(found, key=lambda f: f[0])


# ---------------------------------------------------------------- reading
class _Mention:
    """A person as met in the text, before roles are settled."""

    def __init__(self, at: int, end: int, relation: str, words: str, age_group: str = "", role: str = ""):
        self.at, self.end, self.relation, self.words = at, end, relation, words
        self.age: int | None = None
        self.age_group = age_group
        self.role = role
        self.accused = False
        self.own = False
        self.refers: _Mention | None = None  # a pronoun's person

    def person(self) -> _Mention:
        return self.refers.person() if self.refers else self


class Reader:
    """One method per aspect of the text; `read` runs them in order."""

    def __init__(self, text: str, vocab: Vocabulary, regions: Regions, known: Callable[[str], bool] | None = None):
        self.w = words_of(vocab)
        self.regions = regions
        self.known = known or (lambda word: False)
        self.pieces: set[str] = set()
        # Words with the sentence part each belongs to (punctuation ends a part).
        self.words: list[str] = []
        self.part: list[int] = []
        for n, piece in enumerate(CLAUSE.split(fold(text))):
            for word in tokens(piece):
                if word in CONTRACTED and self.words and self.part[-1] == n:
                    self.pieces.update((self.words[-1], word))  # read as one word, never searched apart
                    self.words[-1] += word  # "i'm" -> im, "won't" -> wont
                    continue
                self.words.append(self._corrected(word))
                self.part.append(n)
        self.clause = self._clauses()
        self.used: set[int] = set()
        self.mentions: list[_Mention] = []
        self.asker_span: tuple[int, int] = (0, 0)
        self.refused: set[str] = set()  # words of a refusal ("geen aangifte"): read, never searched
        self.groomed = False  # a minor keeps contact with an adult stranger
        self.story: set[str] = set()  # words of what happened, not of what is asked ("ze chatte met ..."): not searched

    def _corrected(self, word: str) -> str:
        """A word the reader needs, typed with one slip (a letter left out, doubled or swapped); never a real word."""
        if len(word) < MIN_TYPO or word in self.w.known or self.known(word) or word.isdigit():
            return word
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        hit = process.extractOne(word, self.w.known_list, scorer=OSA.distance, score_cutoff=1)
        return hit[0] if hit else word

    def _clauses(self) -> list[int]:
        """A clause ends at punctuation, before a boundary word ("maar", "dat") and after a telling verb."""
        n, out = 0, []
        for i, word in enumerate(self.words):
            told = i and self.words[i - 1] in self.w.telling
            if i and (self.part[i] != self.part[i - 1] or word in self.w.boundary or told):
                n += 1
            out.append(n)
        return out

    def _spend(self, start: int, end: int) -> None:
        self.used.update(range(start, end))

    def _negated(self, at: int, reach: int | None = None) -> bool:
        reach = self.w.reach if reach is None else reach
        return any(self.words[j] in self.w.negation for j in range(max(0, at - reach), at)
                   if self.part[j] == self.part[at])

    # -- passes
    def asker(self) -> tuple[str, str, bool]:
        """"als leerkracht", "as a scout leader", "ik ben monitor op kamp", "social worker here"."""
        words, w = self.words, self.w
        private = any(x in w.private for x in words)
        for start, end, role in _find(words, w.asker_roles):
            marker = max((len(m) for m in w.asker_markers if tuple(words[max(0, start - len(m)):start]) == m),
                         default=0)
            marked = marker > 0
            after = end < len(words) and words[end] in w.asker_after
            first = start == 0 and end < len(words) and words[end] in ("at", "bij")
            if not (marked or after or first):
                continue
            # The asker's phrase runs on to the end of its clause ("als monitor bij het speelplein").
            stop = end
            while stop < len(words) and self.clause[stop] == self.clause[start] and stop - end < 5 \
                    and words[stop] not in w.self_words and words[stop] not in w.frames:
                stop += 1
            self.asker_span = (start - marker, stop)
            sector = next((s for _, _, s in _find(words[start:stop], w.sectors)), "")
            return role, sector, not private
        for i, word in enumerate(words):  # "de coach van onze turnkring": the asker is of that setting
            if word in w.insider:
                sector = next((s for _, _, s in _find(words[i + 1:i + 4], w.sectors)), "")
                if sector:
                    return "", sector, not private
        for i in range(len(words) - 1):  # "mijn dochter", "my son": a parent asks
            if words[i] in w.own and w.relations.get((words[i + 1],)) == "child":
                return "parent", "", False
        for i in range(len(words) - 1):  # the asker says where they work: their sector is the setting
            if words[i] in w.self_words and words[i + 1] in w.work:
                stop = min(len(words), i + 8)
                sector = next((s for _, _, s in _find(words[i:stop], w.sectors)), "")
                if sector:
                    self.asker_span = (i, stop)
                    return "", sector, not private
        return "", "", False

    def survivor(self) -> bool:
        """"als kind misbruikt", "abused as a child": the one it was done to speaks of long ago."""
        found = _find(self.words, self.w.survivor)
        for start, end, _ in found:
            self._spend(start, end)
        return bool(found)

    def people(self) -> None:
        words, w = self.words, self.w
        lo, hi = self.asker_span
        # A person word inside a longer topic phrase ("child pornography") is no person.
        blocked = set(self.used) | {i for start, end, _ in _find(words, w.topics) if end - start > 1
                                    for i in range(start, end)}
        for start, end, relation in _find(words, w.relations):
            if lo <= start < hi or blocked & set(range(start, end)):
                continue  # the asker's own role ("als leerkracht") is not a person of the story
            last = self.mentions[-1] if self.mentions else None
            if last is not None and last.end == start and last.relation == "adult":
                last.end, last.relation, last.words = end, relation, f"{last.words} {' '.join(words[start:end])}"
                self._spend(start, end)
                continue  # "an adult member": one person
            mention = _Mention(start, end, relation, " ".join(words[start:end]), w.relation_age.get(relation, ""),
                               w.relation_role.get(relation, ""))
            mention.own = start > 0 and words[start - 1] in w.own and not mention.role
            self.mentions.append(mention)
            self._spend(start, end)
        taken = {i for m in self.mentions for i in range(m.at, m.end)} | blocked
        for i, word in enumerate(words):
            if i in taken or lo <= i < hi:
                continue
            if i and words[i - 1] in w.telling and (word in w.self_words or word in w.third):
                self.used.add(i)
                continue  # "vertelde me": the one told, not a person of what is told
            if word in w.self_words:
                me = _Mention(i, i + 1, "self", word)
                me.refers = next((m for m in self.mentions if m.relation == "self"), None)  # one asker
                self.mentions.append(me)
                self.used.add(i)
            elif word in w.third:
                if any(tuple(words[i + 1:i + 1 + n]) in w.relations for n in (1, 2)):
                    self.used.add(i)  # "haar vader": a possessive, not a person
                    continue
                self.mentions.append(_Mention(i, i + 1, "pronoun", word))
                self.used.add(i)
        self.mentions.sort(key=lambda m: m.at)
        self._apposition()

    def _apposition(self) -> None:
        """"ik ben een man van 40", "I'm an adult man": the person named is the asker themself."""
        words, w = self.words, self.w
        for m in self.mentions:
            if m.relation in ("self", "pronoun"):
                continue
            j = m.at
            while j > 0 and words[j - 1] in w.articles:
                j -= 1
            said = next((p for p in w.self_is if tuple(words[max(0, j - len(p)):j]) == p), None)
            me = next((x for x in self.mentions if said and x.relation == "self" and j - len(said) <= x.at < j), None)
            if me is not None:
                m.refers = me
                me.age_group = me.age_group or m.age_group

    def ages(self) -> None:
        words = self.words
        for i, word in enumerate(words):
            m = AGE_TOKEN.match(word)
            if not m or (i + 1 < len(words) and words[i + 1] in NOT_AGE_AFTER):
                continue
            if i > 0 and words[i - 1] in ("om", "at", "rond", "around"):
                continue  # a time of day
            age = int(m.group(1))
            years = word != m.group(1) or (i + 1 < len(words) and words[i + 1] in AGE_AFTER)
            before = words[i - 1] if i else ""
            after_at = i + 1
            while after_at < len(words) and words[after_at] in AGE_AFTER | {"old", "oud", "oude"}:
                after_at += 1
            nxt = next((x for x in self.mentions if x.at == after_at and x.relation not in ("self", "pronoun")), None)
            # "my son, 15, has ...": an age standing alone between commas is the age of the one just named
            alone = all(self.part[j] != self.part[i] for j in (i - 1, i + 1) if 0 <= j < len(words))
            prev = next((x for x in reversed(self.mentions) if x.end <= i and i - x.end <= 2
                         and (self.part[x.at] == self.part[i] or alone and x.end == i)), None)
            owner = None
            if years and nxt is not None:
                owner = nxt  # "een 14-jarige leerling", "a 13 year old boy"
            elif prev is not None and (before in AGE_BEFORE or prev.end == i):
                owner = prev  # "meisje van 14", "dochter (12)", "ik ben 34", "ze is 19"
            elif nxt is not None and nxt.at == i + 1:
                owner = nxt  # "my 12yo son"
            elif years or before in ("van", "of", "aged", "age"):
                owner = _Mention(i, i + 1, "", word)  # "een 14-jarige", "a 12 year old of our camp"
                self.mentions.append(owner)
                self.mentions.sort(key=lambda x: x.at)
            if owner is None:
                continue
            if owner.relation == "pronoun":  # "she was abused ...; she is 24 now": the same she
                owner = next(x for x in self.mentions if x.relation == "pronoun" and x.words == owner.words)
            owner.person().age = age
            self.used.update(range(i, after_at))

    def roles(self) -> None:
        """Per clause: who did it comes first, unless the clause is passive or names an agent ("door", "by")."""
        words, w = self.words, self.w
        by_clause: dict[int, list[_Mention]] = {}
        for m in self.mentions:
            by_clause.setdefault(self.clause[m.at], []).append(m)
        for c in sorted(set(self.clause)):
            span = [i for i, x in enumerate(self.clause) if x == c]
            found = by_clause.get(c, [])
            earlier = [m.person() for m in self.mentions if self.clause[m.at] < c and m.relation != "pronoun"]
            relative = words[span[0]] in w.relative and bool(earlier)
            if relative:  # "een leider die ...": the leader is the subject
                antecedent = earlier[-1]
                found = [_Mention(span[0], span[0] + 1, "pronoun", words[span[0]]), *found]
                found[0].refers = antecedent
            for m in found:
                if m.relation == "pronoun" and m.refers is None:
                    mine = {x.person() for x in found if x is not m and x.refers is None and x.relation != "pronoun"}
                    if found and found[0].refers is not None:
                        mine.add(found[0].person())
                    m.refers = next((p for p in reversed(earlier) if p not in mine and p.relation != "self"), None)
            acts = [i for i in span if words[i] in w.acts]
            self.used.update(acts)  # verbs of the story; those naming a topic stay searched (facet words)
            accused = [i for i in span if words[i] in w.accused or words[i] in w.convicted]
            if not (acts or accused):
                contact = [i for i in span if words[i] in w.contact]
                if contact and earlier and not any(m.at < contact[0] for m in found):
                    before = _Mention(span[0], span[0], "pronoun", "")  # "... did not come home after chatting"
                    before.refers = earlier[-1]
                    found = [before, *found]
                if contact and found and self._groomed(found, span, contact):
                    self.story.update(words[i] for i in contact)  # "chatte met een onbekende": no wish to chat
                    self.groomed = True
                continue
            first_act = min(acts + accused)
            agent = next((i for i in span if words[i] in w.agent), None)
            by = [m for m in found if agent is not None and m.at > agent and (m.at <= agent + 3)]
            others = [m for m in found if m not in by]
            if not others and earlier:
                others = [_Mention(span[0], span[0], "pronoun", "")]  # "... en word door X beschuldigd": the one before
                others[0].refers = earlier[-1]
            if accused and min(accused) == first_act:
                passive_before = any(words[i] in w.passive for i in span if i < first_act)
                # "a classmate accused our son of ...": the one after the verb is accused, the one before accuses
                accusee = None if passive_before else next(
                    (m for m in found if first_act < m.at <= first_act + 3 and not any(
                        words[j] in w.agent or words[j] in w.accused_of for j in range(first_act + 1, m.at))), None)
                accuser = next((m for m in found if m.at < first_act), None)
                if accusee is not None and accuser is not None:
                    self._role(accusee, "perpetrator")
                    accusee.person().accused = True
                    self._role(accuser, "victim")
                    continue
                # the person right before "accused of" ("a leader accused of ..."), else
                # the one of the clause before ("ik ben een man van 40 en word beschuldigd van ...")
                subject = next((m for m in reversed(others) if m.at < first_act), None)
                if subject is None and earlier:
                    subject = _Mention(span[0], span[0], "pronoun", "")
                    subject.refers = earlier[-1]
                subject = subject or (others[0] if others else None)
                if subject is not None:
                    self._role(subject, "perpetrator")
                    subject.person().accused = any(words[i] in w.accused for i in accused)
                for m in [*by, *(x for x in others if x is not subject)]:
                    self._role(m, "victim")
                continue
            progressive = any(words[i].endswith("ing") for i in acts)
            active = any(words[i] in w.active for i in span if i < first_act)
            # "was betast", "betast werd" (a Dutch participle, then its auxiliary); not "who assaulted me is ..."
            passive_word = any(words[i] in w.passive and (i < first_act or i - 1 in acts and _participle(words[i - 1]))
                               for i in span)
            passive = not progressive and not active and (bool(by) or passive_word)
            # "meisje verkracht", "kind op de bus geslagen": one person, then a participle
            alone = not active and not relative and len({m.person() for m in found}) == 1 and found[0].at < first_act \
                and any(_participle(words[i]) for i in acts)
            if passive or alone:
                if others:  # the one named last before the act ("I suspect a child in my class is abused")
                    self._role(next((m for m in reversed(others) if m.at < first_act), others[0]), "victim")
                for m in by:
                    self._role(m, "perpetrator")
            elif found and found[0].at > first_act:
                self._role(found[0], "victim")  # "mishandelde kinderen": done to the one after the act
            elif found and self._groomed(found, span, acts):
                continue
            elif found:
                doer = found[0]
                self._role(doer, "perpetrator")
                for m in found[1:]:
                    if m.person() is not doer.person():
                        self._role(m, "victim")
                        break

    def _groomed(self, found: list[_Mention], span: list[int], acts: list[int]) -> bool:
        """A minor sending images to an adult, or chatting with an adult stranger for weeks, is the one
        it is done to; True when so read."""
        words, w = self.words, self.w
        if not any(words[i] in w.sharing or words[i] in w.contact for i in acts):
            return False
        to = next((i for i in span if words[i] in w.to and i > acts[0]), None)
        sender = found[0].person()
        receiver = next((m.person() for m in found if to is not None and m.at > to), None)
        if receiver is None or not _minor(sender) or receiver.age_group != "adult" and receiver.relation != "stranger" \
                and not (receiver.age is not None and receiver.age > MINOR_MAX):
            return False
        self._role(found[0], "victim")
        self._role(receiver, "perpetrator")
        return True

    @staticmethod
    def _role(m: _Mention, role: str) -> None:
        person = m.person()
        if not person.role:
            person.role = role

    def urgency(self) -> str:
        found = set()
        for start, end, level in _find(self.words, self.w.urgency):
            found.add(level)
            self._spend(start, end)
        if not found and any(self._night_clock(i) for i in range(len(self.words))):
            found.add("acute")  # a night hour and no other time word: it is happening now, at night
        for level in ("past", "acute", "recent"):  # "jaren geleden ... nu 40": the event is past
            if level in found:
                return level
        return ""

    def _night_clock(self, i: int) -> bool:
        """A clock time at night: "2u 's nachts", "1 am", "03h", "23u"."""
        m = CLOCK.match(self.words[i])
        if not m:
            return False
        hour, unit = int(m.group(1)), m.group(2)
        after = self.words[i + 1:i + 3]
        if not unit and after[:1] and after[0] in CLOCK_UNITS:
            unit = after[0]
        if not unit:
            return False
        if unit in ("am", "pm"):
            hour = hour % 12 + (12 if unit == "pm" else 0)
        start, stop = self.w.night_hours
        return (hour >= start or hour < stop) or any(x in NIGHT for x in after)

    def wishes(self) -> tuple[list[str], list[str], list[str]]:
        wanted: list[str] = []
        avoided: list[str] = []
        avoid: list[str] = []
        for start, end, channel in _find(self.words, self.w.channels):
            # a wish needs its frame ("durft niet te bellen", "liever chatten", "can't call"); a channel
            # in the story ("ze chatte met ...", "he keeps calling me") is no wish, and not searched
            if not self._framed(start):
                self.story.update(self.words[start:end])
                continue
            negated = self._negated(start) and self._framed(start)
            (avoided if negated else wanted).append(channel)
            if negated:
                self.refused.update(self.words[start:end])
        for start, end, what in _find(self.words, self.w.avoid):
            if self._negated(start):
                avoid.append(what)
                self.refused.update(self.words[start:end])  # "wil geen aangifte doen": not to search for
        return (list(dict.fromkeys(c for c in wanted if c not in avoided)), list(dict.fromkeys(avoided)),
                list(dict.fromkeys(avoid)))

    def _framed(self, at: int) -> bool:
        return any(self.words[j] in self.w.wish or self.words[j] in self.w.negation
                   for j in range(max(0, at - self.w.reach), at) if self.clause[j] == self.clause[at])

    def implied(self) -> list[str]:
        """Topics the story implies: coercion to a sexual act is sexual violence ("dwingt me tot seks",
        "forces me into sex"); a child harmed at home, child abuse; a child chatting with a stranger, grooming."""
        words, w = self.words, self.w
        found: list[str] = []
        at_home = any(x in w.home for i, x in enumerate(words) if i not in self.used)  # not "did not come home"
        if at_home and any(_minor(m.person()) and m.person().role == "victim" for m in self.mentions):
            found.extend(w.home_topics)  # a child harmed at home: child abuse ("vermoed misbruik thuis")
        if self.groomed:
            found.extend(w.grooming_topics)
        for topic, objects in w.coerced_into.items():
            if any(words[i] in w.coercion and any(self.clause[j] == self.clause[i] and words[j] in objects
                                                  for j in range(i + 1, len(words))) for i in range(len(words))):
                found.append(topic)
        return found

    def needs(self, avoid: list[str]) -> list[str]:
        w = self.w
        # "geen klacht", "niet melden": a need is refused only by a word right before it. The asker's
        # phrase is left out, so that "wat moet ik als leerkracht doen" still asks what to do.
        lo, hi = self.asker_span
        at = [i for i in range(len(self.words)) if not lo <= i < hi]
        needs = []
        for start, end, need in _find([self.words[i] for i in at], w.needs):
            if any(self.words[j] in w.moods for j in at[end:end + 2]):
                self.story.update(self.words[at[start]:at[end - 1] + 1])  # "can't stop crying": a feeling
            elif not self._negated(at[start], NEED_NEGATION):
                needs.append(need)
        helped: _Mention | None = None
        for _, end, _ in _find(self.words, w.help_before_person):
            helped = next((m.person() for m in self.mentions if end <= m.at <= end + 2), None)
            if helped is not None:
                break
        for start, end, _ in _find(self.words, w.help_for_other) if helped is None else ():
            named = next((m for m in self.mentions if start <= m.at < end and m.relation not in ("pronoun", "self")),
                         None)
            helped = named.person() if named else self._story_first()
            break
        for i, word in enumerate(self.words) if helped is None else ():
            # "wie kan die jongen opvangen" (the person before), "help him" (after)
            before, after = word in w.help_verbs_after, word in w.help_verbs_before
            near = [m for m in self.mentions if self.clause[m.at] == self.clause[i] and m.relation != "self"
                    and (before and m.at < i or after and i < m.at <= i + 2)]
            if near:
                helped = (near[-1] if before else near[0]).person()
                break
        if helped is None and _find(self.words, w.help_for_self):
            helped = next((m.person() for m in self.mentions if m.relation == "self"), None)
        if helped is not None and helped.role in ("perpetrator", "victim"):
            needs.append("help-" + ("perpetrator" if helped.role == "perpetrator" else "victim"))
        topics_named = {t for _, _, t in _find(self.words, w.topics)}
        if "feelings" in needs and not topics_named & set(w.need_topics.get("feelings", ())) and not any(
                m.age_group == "minor" or (m.age or 99) <= MINOR_MAX for m in self.mentions):
            needs.remove("feelings")  # feelings about children, not feelings in general
        if "report" in needs and (avoid or "duty-to-report" in needs):
            needs.remove("report")  # asking whether one must report asks about the duty
        return list(dict.fromkeys(needs))

    def _abuse(self) -> bool:
        """Whether the text names an act or a topic of abuse or violence."""
        return any(w in self.w.acts for w in self.words) or any(t in self.w.abuse_topics for _, _, t in
                                                                _find(self.words, self.w.topics))

    def _story_first(self) -> _Mention | None:
        return next((m.person() for m in self.mentions if m.relation not in ("self", "pronoun")), None)

    def places(self) -> tuple[list[str], list[str]]:
        areas: list[str] = []
        towns: list[str] = []
        for word in self.words:
            if len(word) == 4 and word.isdigit() and not self.known(word):
                area = self.regions.by_postcode(int(word))
                if area:
                    areas.append(area)
        for start, end, (area, town) in _find(self.words, _places(self.regions)):
            if end - start == 1 and (self.words[start] in self.w.known or self.words[start] in STOPWORDS):
                continue  # "as" is a town in Limburg, and a word
            areas.append(area)
            if town:
                towns.append(town)
        return list(dict.fromkeys(areas)), list(dict.fromkeys(towns))

    def default_victim(self) -> None:
        """Abuse named and no one said to have done it: a child named is the one it happened to
        ("hulp voor een jongen van 9 na misbruik"), and so is the only "she" ("verkracht ..., ze is 19")."""
        persons = list(dict.fromkeys(m.person() for m in self.mentions if m.relation != "self"))
        if self._abuse() and not any(p.role for p in persons):
            for p in persons:
                if _minor(p) or len(persons) == 1 and p.relation == "pronoun":
                    p.role = "victim"
                    break

    def read(self) -> Situation:
        asker_role, asker_sector, in_role = self.asker()
        survivor = self.survivor()
        self.people()
        self.ages()
        self.roles()
        me = next((m.person() for m in self.mentions if m.relation == "self"), None)
        if survivor and me is not None and not me.role:
            me.role = "victim"
        self.default_victim()
        urgency = self.urgency()
        wanted, avoided, avoid = self.wishes()
        needs = self.needs(avoid)
        if me is not None and me.role in ("victim", "perpetrator"):
            asker_role, in_role = me.role, False  # the asker speaks for themself
        elif me is not None and not asker_role:
            asker_role = "bystander"  # "ik vermoed dat mijn collega ...": someone who saw or heard it
        if "help-perpetrator" in needs:
            in_role = False  # help for the one who did it: the asker's own organisation is not the answer
        areas, towns = self.places()
        topics = [t for _, _, t in _find(self.words, self.w.topics)]
        seen: list[_Mention] = []
        for m in self.mentions:
            p = m.person()
            if p not in seen and (p.relation not in ("self", "pronoun") or p.role or p.age is not None):
                seen.append(p)  # the asker too, once they have a role or an age ("ik ben 13")
        spent = {self.words[i] for i in self.used} - self.w.facet_words
        spent |= {x for x in self.words if x in self.w.frames} | self.refused | self.story | self.pieces  # even facets
        return Situation(tuple(self._person(m) for m in seen), asker_role, asker_sector if in_role else "", urgency,
                         tuple(needs), tuple(wanted), tuple(avoided), tuple(avoid), tuple(areas),
                         tuple(dict.fromkeys(topics)), tuple(towns), in_role and bool(asker_sector),
                         any(x in self.w.home for x in self.words), tuple(self.implied()),
                         frozenset(spent | set(self.words[slice(*self.asker_span)])))

    @staticmethod
    def _person(m: _Mention) -> Person:
        group = m.age_group
        if m.age is not None:
            group = "minor" if m.age <= MINOR_MAX else "adult"
        return Person(m.role, m.age, group, m.relation, m.words, m.accused, m.own)


def _minor(m: _Mention) -> bool:
    return m.age_group == "minor" or (m.age is not None and m.age <= MINOR_MAX)


def _participle(word: str) -> bool:
    """A past participle, Dutch or English ("geslagen", "misbruikt", "verkracht", "abused")."""
    return word.endswith("ed") or (word.startswith(PARTICIPLE_HEADS) and word.endswith(("d", "t", "en")))


def read(text: str, vocab: Vocabulary, regions: Regions, known: Callable[[str], bool] | None = None) -> Situation:
    """What a described situation says, as plain data. `known` tells a real word of the data (never a typo)."""
    return Reader(text, vocab, regions, known).read()


# ---------------------------------------------------------------- describing
LABELS = {
    "nl": {"victim": "slachtoffer", "perpetrator": "wie het deed", "bystander": "omstaander", "asker": "vraagsteller",
           "urgency": "dringendheid", "wants": "wil", "avoid": "niet", "place": "plaats", "minor": "minderjarig",
           "adult": "volwassen", "acute": "acuut", "recent": "recent", "past": "lang geleden", "self": "zelf",
           "via": "via", "not via": "niet via"},
    "en": {"victim": "victim", "perpetrator": "person who did it", "bystander": "bystander", "asker": "asker",
           "urgency": "urgency", "wants": "wants", "avoid": "not", "place": "place", "minor": "minor",
           "adult": "adult", "acute": "acute", "recent": "recent", "past": "long ago", "self": "themself",
           "via": "via", "not via": "not via"},
}


def describe(situation: Situation, lang: str) -> str:
    """One line: "victim: athlete, 14 · person who did it: trainer (adult) · asker: integrity-contact, sport"."""
    label = LABELS.get(lang, LABELS["en"])
    parts = []
    for p in situation.people:
        if not p.role:
            continue
        who = label["self"] if p.relation == "self" else p.words
        age = str(p.age) if p.age is not None else f"({label[p.age_group]})" if p.age_group else ""
        # a person known only by an age (--age 12): "victim: 12", not "victim: , 12"
        parts.append(f"{label[p.role]}: " + (f"{who}, {age}" if who and p.age is not None else
                                              f"{who} {age}" if who and age else who or age))
    if situation.asker_role or situation.asker_sector:
        parts.append(f"{label['asker']}: " + ", ".join(x for x in (situation.asker_role, situation.asker_sector) if x))
    if situation.urgency:
        parts.append(f"{label['urgency']}: {label[situation.urgency]}")
    if situation.needs:
        parts.append(f"{label['wants']}: {', '.join(situation.needs)}")
    if situation.channels_wanted:
        parts.append(f"{label['via']}: {', '.join(situation.channels_wanted)}")
    if situation.channels_avoided or situation.avoid:
        parts.append(f"{label['not via']}: {', '.join((*situation.channels_avoided, *situation.avoid))}")
    if situation.places:
        parts.append(f"{label['place']}: {', '.join((*situation.municipalities, *situation.places))}")
    return " · ".join(parts)
