"""data/situation.toml as the reader uses it: token tables built once per vocabulary, and the file's schema.

`check` is the typed loader's other half: every key of the file must be one the reader reads, and every id it
names (a topic, a sector, a kind, an audience, a need) must exist, or `refer validate` says where it is not.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from ..errors import Problem
from ..model import Vocabulary
from ..text import tokens
from .lexicon import MIN_STEM, head, lexicon, undiminished

T = TypeVar("T")
MAX_PHRASE = 4  # the longest phrase of the word lists, in words
MIN_NOUN_HEAD = 6  # the shortest act noun a compound resolves to ("berichtjes", "misbruik"; not "klap", "sms")


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
        self.modifiers = frozenset(k for k, v in (raw.get("relations") or {}).items() if v.get("modifier"))
        # the role a person of the relation is taken to have when harm is told but not who did it to whom
        self.relation_standing = {k: v.get("standing", "") for k, v in (raw.get("relations") or {}).items()}
        pronouns = raw.get("pronouns") or {}
        self.self_words = single(pronouns.get("self"))
        self.self_is = phrases(pronouns.get("self_is"))
        self.self_verbs = single(pronouns.get("self_verbs"))
        self.singular = single(pronouns.get("singular"))
        self.copula_self = {p[-1] for p in self.self_is}  # "ik ben", "im": the verb that says the asker's age
        self.articles = single(pronouns.get("articles"))
        self.apposition = frozenset(pronouns.get("apposition", ()))
        self.objects = single(pronouns.get("objects"))
        self.possessive_of = single(pronouns.get("of"))
        self.determiners = single(pronouns.get("determiners"))
        self.gender = {word: g for g in ("female", "male") for word in single((raw.get("gender") or {}).get(g))}
        self.gender_heads = frozenset(x for x in self.gender if len(x) >= 3)  # "kleuterjuf" -> juf
        self.third = single(pronouns.get("third"))
        self.self_objects = single(pronouns.get("self_objects"))
        self.us = single(pronouns.get("us"))
        self.second = single(pronouns.get("second"))
        self.copula = single(pronouns.get("copula"))
        self.about = single(pronouns.get("about"))
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
        self.before_noun = single(voice.get("before_noun"))
        self.thinking = single(voice.get("thinking"))
        self.boundary = single(voice.get("boundary"))
        self.relative = single(voice.get("relative"))
        self.prepositional = single(voice.get("prepositional"))
        self.obliged = listed(voice.get("obliged"))
        self.asking = phrases(voice.get("asking"))
        self.devices = single(voice.get("devices"))
        self.that = single(voice.get("that"))
        self.material_topics = frozenset(voice.get("material_topics", ()))
        # words as spoken and chatted, read as the words they stand for ("da" -> dat, "ni" -> niet, "bc" -> because)
        self.spoken = dict(pair.split() for pair in (raw.get("spelling") or {}).get("spoken", ()))
        self.joined = single(voice.get("joined"))
        self.causative = single(voice.get("causative"))
        self.object_only = single(pronouns.get("object_only"))
        self.mine = single(pronouns.get("mine"))
        self.we = single(pronouns.get("we"))
        self.perfect_passive = single(voice.get("perfect_passive"))
        self.time_clause = single(voice.get("time_clause"))
        self.time_clause_tail = single(voice.get("time_clause_tail"))
        self.survivor = listed((raw.get("survivor") or {}).get("phrases"))
        asker = raw.get("asker") or {}
        self.asker_markers = phrases(asker.get("markers"))
        self.asker_after = single(asker.get("after"))
        self.asker_at = single(asker.get("at"))
        self.private = single(asker.get("private"))
        self.insider = single(asker.get("insider"))
        self.own = single(asker.get("own"))
        self.shared = single(asker.get("shared"))
        self.work = single(asker.get("work"))
        self.fellow = single(asker.get("fellow"))
        self.opening = single(asker.get("opening"))
        self.private_askers = {role: kind for kind, roles in (asker.get("kinds") or {}).items() for role in roles}
        self.children = single(asker.get("children"))
        self.served = frozenset(asker.get("served", ()))
        self.staff = frozenset(asker.get("staff", ()))
        self.body = single(asker.get("body"))
        self.settings = single(asker.get("settings"))
        self.stop = listed(asker.get("stop"))
        time = raw.get("time") or {}
        self.night_hours = tuple(time.get("night_hours", (0, 0)))
        self.acute_days, self.recent_days = int(time.get("acute_days", 0)), int(time.get("recent_days", 0))
        self.ago = single(time.get("ago"))
        self.numbers = {k: int(v) for k, v in (time.get("numbers") or {}).items()}
        self.units = {k: int(v) for k, v in (time.get("units") or {}).items()}
        self.few = int(time.get("few", 1))
        self.last = single(time.get("last"))
        self.last_of = {k: int(v) for k, v in (time.get("last_of") or {}).items()}
        self.weekdays = tuple(time.get("weekdays", ()))
        self.weekday_days = int(time.get("weekday_days", 0))
        self.day_prefixes = {k: int(v) for k, v in (time.get("day_prefixes") or {}).items()}
        self.day_parts = tuple(time.get("day_parts", ()))
        self.this = single(time.get("this"))
        self.childhood = listed(time.get("childhood"))
        self.then = single(time.get("then"))
        self.ongoing = listed(time.get("ongoing"))
        self.months = {m: n % 12 + 1 for n, m in enumerate(time.get("months", ()))}
        self.month_before = single(time.get("month_before"))
        self.month_of = single(time.get("month_of"))
        self.decades = single(time.get("decades"))
        self.periods = {k: int(v) for k, v in (time.get("periods") or {}).items()}
        self.every = single(time.get("every"))
        self.every_of = single(time.get("every_of"))
        self.spans = single(time.get("spans"))
        self.span_of = single(time.get("span_of"))
        self.spans_perfect = single(time.get("spans_perfect"))
        self.since = single(time.get("since"))
        self.progressive = single(time.get("progressive"))
        self.present_passive = listed(time.get("present_passive"))
        self.about_it = single(time.get("about_it"))
        self.just = single(time.get("just"))
        self.now_topics = tuple(time.get("now_topics", ()))
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
        self.act_negation = single(negation.get("of_acts"))
        self.stopping = single(negation.get("stopping"))
        self.harm_order = tuple((raw.get("topic_order") or {}).get("harm", ()))
        minor_doer = raw.get("minor_doer") or {}
        self.minor_doer_topics = tuple(minor_doer.get("sexual_topics", ()))
        self.minor_doer_not = frozenset(minor_doer.get("not_topics", ()))
        self.minor_doer_relations = frozenset(minor_doer.get("relations", ()))
        family = raw.get("family") or {}
        self.family_doers = frozenset(family.get("doers", ()))
        self.family_children = frozenset(family.get("children", ()))
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
        self.minor_setting_roles = frozenset((raw.get("minor_settings") or {}).get("asker_roles", []))
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
        groups = (self.relations, self.asker_roles, self.urgency, self.needs, self.channels, self.avoid, self.topics,
                  self.sectors)
        self.known = frozenset(w for group in groups for p in group for w in p) | (
            self.self_words | self.third | self.acts | self.passive | self.agent | self.accused | self.convicted
            | self.telling | self.insider | self.own | self.wish | self.moods | self.coercion | self.contact
            | self.boundary | self.private | self.negation | self.frames | self.common
            | {w for group in vocab.concepts for phrase in group for w in tokens(phrase)})


        # Act classes: a form or lemma -> class; separable verbs (particle, verb lemma) and phrases of lemmas.
        lex = lexicon()
        self.act_classes: dict[str, dict[str, Any]] = {}
        self.act_lemmas: dict[str, str] = {}
        self.act_nouns: dict[str, str] = {}
        self.act_separable: dict[tuple[str, str], str] = {}
        self.act_phrases: dict[tuple[str, ...], str] = {}
        self.act_light: dict[tuple[str, ...], str] = {}  # "iets doen bij": an act only when a minor follows
        def together(group: list[str], name: str) -> dict[tuple[str, ...], str]:
            """A group of words of a class, with every form the lexicon knows of each ("touch": "touches")."""
            out = {tuple(tokens(x)): name for x in group}
            for x in group:
                if len(tokens(x)) == 1:
                    # the regular forms the dictionary may not lead back: "touches", "kijkt" (the stem and a t)
                    stem = x[:-2] if x.endswith("en") else x
                    regular = {f for f in (*(x + end for end in ("s", "es", "d", "ed", "ing")), stem, stem + "t")
                               if f != x and lex.is_real(f)}
                    out.update({(form,): name for form in lex.forms({lex.lemma(x), x}) | regular})
            return out

        for name, spec in (raw.get("act_classes") or {}).items():
            self.act_classes[name] = {
                "topics": tuple(spec.get("topics", ())), "sexual": bool(spec.get("sexual")),
                "minor_topics": tuple(spec.get("minor_topics", spec.get("topics", ()))),
                "ongoing_topics": tuple(spec.get("ongoing_topics", ())), "state": bool(spec.get("state")),
                "when_ongoing": bool(spec.get("when_ongoing")), "family_topics": tuple(spec.get("family_topics", ())),
                "with": {k: tuple(v) for k, v in (spec.get("with") or {}).items()},
                "not_before": frozenset(spec.get("not_before", ())), "of_another": bool(spec.get("of_another")),
                "not_doers": frozenset(spec.get("not_doers", ())), "grooming": bool(spec.get("grooming")),
                "mutual": bool(spec.get("mutual")),
                # groups of words (as written or as lemmas) that name the class when each is in one sentence part
                "together": [together(group, name) for group in (spec.get("together") or {}).values()],
                # of a class read from words together: its words that are the act's verb, which tell who did it by
                # voice and clause ("he kept going", "showed them porn"), and the words whose subject bears it
                # ("when I said no", "that she did not want")
                "acts": together(spec.get("acts", []), name), "bearers": together(spec.get("bearers", []), name)}
            for word in spec.get("lemmas", ()):
                # and its regular English forms the lexicon holds: the dictionary may give one another
                # lemma ("touches" -> "touche")
                regular = {word + end for end in ("s", "es", "d", "ed", "ing")}
                # ("beating" is no word to the dictionary, but a form of "beat")
                for form in lex.forms({lex.lemma(word), word}) | {f for f in regular if lex.is_real(f)
                                                                  or f.endswith("ing")}:
                    self.act_lemmas.setdefault(form, name)
            for word in spec.get("nouns", ()):  # the noun's own forms ("naaktfoto's"), not its verb's
                for form in lex.forms({word}):
                    self.act_nouns.setdefault(form, name)
            for pair in spec.get("separable", ()):
                particle, verb = pair.split()
                # the verb as written and its lemma: the dictionary may read an infinitive as a noun's plural
                # ("persen" -> "pers"), while the text's forms lead to the infinitive ("perst" -> "persen")
                for form in (lex.lemma(verb), verb):
                    self.act_separable.setdefault((particle, form), name)
            for phrase in spec.get("light", ()):
                self.act_light.setdefault(tuple(lex.lemma(x) for x in tokens(phrase)), name)
            for phrase in spec.get("phrases", ()):
                written = tuple(tokens(phrase))  # "foto vragen": "vragen" is a noun's plural to the dictionary
                for words in (tuple(lex.lemma(x) for x in written), written):
                    if words:
                        self.act_phrases.setdefault(words, name)
        # the heads a compound act noun resolves to ("privéberichtjes" -> berichtjes, "kindermishandeling")
        self.act_noun_heads = frozenset(x for x in self.act_nouns if len(x) >= MIN_NOUN_HEAD)
        # every single word of the classes' groups (a diminutive of one is read as it: "poepeke" -> poep)
        self.together_words = frozenset(x for spec in self.act_classes.values() for group in spec["together"]
                                        for phrase in group for x in phrase)
        targets = self.relations_and_acts() | set(self.act_lemmas) | set(self.act_nouns) | {
            x for phrase in (*self.act_phrases, *self.act_separable) for x in phrase} | {
            x for spec in self.act_classes.values() for group in spec["together"] for phrase in group for x in phrase}
        self.known_list = sorted(w for w in targets if len(w) >= 5)
        # Single person words: the heads a compound resolves to ("judotrainer" -> trainer, "pleegvader" -> vader).
        self.person_heads = frozenset(p[0] for group in (self.relations, self.asker_roles) for p in group
                                      if len(p) == 1)
        self.not_heads = single((raw.get("compounds") or {}).get("not_heads"))
        self.person_prefixes = single((raw.get("compounds") or {}).get("prefixes"))
        ages = raw.get("ages") or {}
        self.vocab = vocab  # who is a minor is the vocabulary's age groups' to say (`refertool.ages`)
        self.adult_with = frozenset(ages.get("adult_with", ()))
        self.peers = frozenset(ages.get("peers", ()))
        self.minor_places = single(ages.get("minor_places"))
        self.place_of = single(ages.get("place_of"))
        self.age_hedges = phrases(ages.get("hedges"))
        self.adult_places = single(ages.get("adult_places"))
        self.younger = single(ages.get("younger"))
        self.place_peers = frozenset(ages.get("place_peers", ()))
        self.adult_study = single(ages.get("adult_study"))
        # "forties" -> 45 (`[ages] decades`); `self.decades` is the time's ("de jaren 90")
        self.decade_ages = {k: int(v) for k, v in (pair.split() for pair in ages.get("decades", ()))}

    def act_noun(self, word: str) -> str:
        """The class of the act a noun names, or "": the noun itself, or the act noun a compound ends in
        ("privéberichtjes" -> berichtjes); a real word of its own or one of the reader's is no such compound."""
        found = self.act_nouns.get(word)
        if found is not None or len(word) < MIN_NOUN_HEAD + MIN_STEM or word in self.known or not word.isalpha() \
                or lexicon().is_real(word):
            return found or ""
        h = head(word, self.act_noun_heads, MIN_NOUN_HEAD)
        return self.act_nouns[h] if h else ""

    def together_base(self, word: str) -> str:
        """The word as a word of the classes' groups: itself, or what its diminutive is made of."""
        return undiminished(word, self.together_words)

    def relations_and_acts(self) -> set[str]:
        """The words a typo may be read as (people, acts, asker roles): short lists, telling words."""
        return ({w for group in (self.relations, self.asker_roles) for p in group for w in p} | self.acts | self.accused
                | self.convicted | self.coercion)


@lru_cache(maxsize=8)
def words_of(vocab: Vocabulary) -> Words:
    kept = vocab.kept("situation-words")  # the index cache keeps them: building them costs a start-up
    return kept if isinstance(kept, Words) else Words(vocab.situation, vocab)



def find(seq: list[str], table: Mapping[tuple[str, ...], T]) -> list[tuple[int, int, T]]:
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




# ---------------------------------------------------------------- the file's schema
# A key's value: a list of words or phrases; a list of ids of a facet; a whole number; a pair of whole numbers;
# one of some values; a table (its keys fixed, or any key, or the ids of a facet, each with the same value).
WORDS = ("words",)
NUMBER = ("int",)
PAIR = ("pair",)


def ids(facet: str) -> tuple[str, str]:
    return ("ids", facet)


def one_of(*values: str) -> tuple[str, tuple[str, ...]]:
    return ("one", values)


def any_key(value: Any, facet: str = "") -> tuple[str, str, Any]:
    return ("keys", facet, value)


SCHEMA: dict[str, Any] = {
    "ages": {"adult_with": ("ids", "relations"), "minor_places": WORDS, "place_of": WORDS, "hedges": WORDS,
             "peers": ("ids", "relations"), "adult_places": WORDS, "decades": WORDS,
             "younger": WORDS, "place_peers": ("ids", "relations"),
             "adult_study": WORDS},
    "relations": any_key({"age_group": one_of("minor", "adult"), "role": one_of("victim", "perpetrator"),
                          "standing": one_of("victim", "perpetrator"), "words": WORDS, "modifier": ("bool",)}),
    "gender": {"female": WORDS, "male": WORDS},
    "compounds": {"not_heads": WORDS, "prefixes": WORDS},
    "pronouns": {**dict.fromkeys(("self", "third", "self_is", "articles", "objects", "of", "determiners",
                                  "self_objects", "copula", "about", "self_verbs", "singular", "us",
                                  "object_only", "second", "mine", "we"), WORDS),
                 "apposition": ("ids", "relations")},
    "acts": {"words": WORDS},
    "act_classes": any_key({"lemmas": WORDS, "nouns": WORDS, "separable": WORDS, "phrases": WORDS, "light": WORDS,
                            "topics": ids("topics"), "minor_topics": ids("topics"), "sexual": ("bool",),
                            "ongoing_topics": ids("topics"), "state": ("bool",), "when_ongoing": ("bool",),
                            "with": any_key(ids("topics")), "together": any_key(WORDS),
                            "family_topics": ids("topics"), "not_before": WORDS, "of_another": ("bool",),
                            "not_doers": ("ids", "relations"), "grooming": ("bool",), "mutual": ("bool",),
                            "acts": WORDS, "bearers": WORDS}),
    "voice": dict.fromkeys(("passive", "agent", "active", "accused", "accused_of", "convicted", "sharing", "to",
                            "contact", "telling", "boundary", "relative", "before_noun", "thinking",
                            "time_clause", "time_clause_tail", "perfect_passive", "joined", "causative",
                            "prepositional", "obliged", "asking", "devices", "that"), WORDS)
    | {"material_topics": ids("topics")},
    "survivor": {"phrases": WORDS},
    "asker": {**dict.fromkeys(("markers", "after", "at", "private", "insider", "own", "shared", "work", "fellow",
                                            "opening"),
                              WORDS),
              "roles": any_key(WORDS), "kinds": any_key(WORDS), "children": WORDS,
              "served": ("ids", "relations"), "staff": ("ids", "relations"), "body": WORDS,
              "settings": WORDS, "stop": WORDS},
    "time": {"night_hours": PAIR, "acute_days": NUMBER, "recent_days": NUMBER, "ago": WORDS,
             "numbers": any_key(NUMBER), "units": any_key(NUMBER), "few": NUMBER, "last": WORDS,
             "last_of": any_key(NUMBER),
             "weekdays": WORDS, "weekday_days": NUMBER, "day_prefixes": any_key(NUMBER), "day_parts": WORDS,
             "this": WORDS,
             "childhood": WORDS, "then": WORDS, "ongoing": WORDS, "now_topics": ids("topics"), "months": WORDS,
             "month_before": WORDS, "month_of": WORDS, "decades": WORDS,
             "periods": any_key(NUMBER), "every": WORDS, "every_of": WORDS, "spans": WORDS, "since": WORDS,
             "span_of": WORDS, "spans_perfect": WORDS,
             "progressive": WORDS, "present_passive": WORDS, "about_it": WORDS,
             "just": WORDS},
    "urgency": dict.fromkeys(("acute", "recent", "past"), WORDS),
    "needs": any_key(WORDS),
    "help_for": dict.fromkeys(("other", "verbs_after_person", "verbs_before_person", "before_person", "self"), WORDS),
    "negation": {"words": WORDS, "reach": NUMBER, "of_acts": WORDS, "stopping": WORDS},
    "topic_order": {"harm": ids("topics")},
    "minor_doer": {"sexual_topics": ids("topics"), "not_topics": ids("topics"), "relations": ("ids", "relations")},
    "family": {"doers": ("ids", "relations"), "children": ("ids", "relations")},
    "channels": any_key(WORDS),
    "wish": {"words": WORDS, "direct": WORDS},
    "moods": {"words": WORDS},
    "grooming": {"topics": ids("topics")},
    "coercion": {"verbs": WORDS, "into": any_key(WORDS, "topics")},
    "avoid": any_key({"words": WORDS, "kinds": ids("kinds")}),
    "minor_settings": {"sectors": ids("sectors"), "asker_roles": WORDS},
    "abuse": {"topics": ids("topics")},
    "home": {"words": WORDS, "minor_victim_topics": ids("topics")},
    "accused": {"topics": ids("topics")},
    "need_topics": any_key(ids("topics"), "needs"),
    "acute": {"topics": ids("topics")},
    "recent": {"topics": ids("topics")},
    "frames": {"words": WORDS},
    "spelling": {"spoken": WORDS},
    "common": {"words": WORDS},
}


def check_file(path: Path, vocab: Vocabulary) -> list[Problem]:
    """Every key of data/situation.toml that the reader does not read, every id it names that does not exist,
    every value of the wrong type, as `path:line: CODE message` (a misspelt key would be silently ignored)."""
    from ..tomlread import TomlProblem, parse_toml

    try:
        raw, text = parse_toml(path)
    except TomlProblem as exc:
        return [exc.at(path)]
    return check(raw, text, str(path), vocab)


def check(raw: dict[str, Any], text: str, path: str, vocab: Vocabulary) -> list[Problem]:
    problems: list[Problem] = []
    needs = set((raw.get("needs") or {}).keys())

    def known(facet: str) -> set[str]:
        if facet == "relations":
            return set((raw.get("relations") or {}).keys())
        return needs if facet == "needs" else set(vocab.values(facet))

    def add(code: str, message: str, keys: tuple[str, ...], value: str = "") -> None:
        problems.append(Problem(path, line_of(text, keys, value), code, message))

    def walk(value: Any, schema: Any, keys: tuple[str, ...]) -> None:
        name = ".".join(keys)
        if isinstance(schema, dict):
            if not isinstance(value, dict):
                return add("REF005", f"'{name}' must be a table", keys)
            for key, sub in value.items():
                if key not in schema:
                    add("REF004", f"unknown key '{'.'.join((*keys, key))}'", (*keys, key))
                else:
                    walk(sub, schema[key], (*keys, key))
            return
        kind = schema[0]
        if kind == "keys":
            if not isinstance(value, dict):
                return add("REF005", f"'{name}' must be a table", keys)
            for key, sub in value.items():
                if schema[1] and key not in known(schema[1]):
                    add("REF006", f"unknown {schema[1]} value '{key}' in '{name}'", (*keys, key))
                walk(sub, schema[2], (*keys, key))
        elif kind in ("words", "ids"):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                return add("REF005", f"'{name}' must be a list of strings", keys)
            for v in value if kind == "ids" else ():
                if v not in known(schema[1]):
                    add("REF006", f"unknown {schema[1]} value '{v}' in '{name}'", keys, v)
        elif kind == "id" and value not in known(schema[1]):
            add("REF006", f"unknown {schema[1]} value '{value}' in '{name}'", keys, str(value))
        elif kind == "one" and value not in schema[1]:
            add("REF006", f"'{name}' must be one of {', '.join(schema[1])}, not '{value}'", keys, str(value))
        elif kind == "bool" and not isinstance(value, bool):
            add("REF005", f"'{name}' must be true or false", keys)
        elif kind == "int" and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
            add("REF005", f"'{name}' must be a whole number of 0 or more", keys)
        elif kind == "pair" and not (isinstance(value, list) and len(value) == 2
                                     and all(isinstance(v, int) and not isinstance(v, bool) for v in value)):
            add("REF005", f"'{name}' must be two whole numbers", keys)

    walk(raw, SCHEMA, ())
    return problems


def line_of(text: str, keys: tuple[str, ...], value: str = "") -> int:
    """The line of a key (as a table header, a dotted key or a key in its table), or of a value after it."""
    lines = text.splitlines()
    found, start = 0, 0
    for n in range(len(keys), 0, -1):  # the deepest table header that names a prefix of the keys
        header = re.compile(r"^\s*\[\s*" + r"\s*\.\s*".join(map(re.escape, keys[:n])) + r"\s*\]")
        at = next((i for i, line in enumerate(lines) if header.match(line)), None)
        if at is not None:
            found, start = at + 1, at + 1
            rest = keys[n:]
            break
    else:
        rest = keys
    if rest:
        key = re.compile(r"^\s*" + r"\s*\.\s*".join(map(re.escape, rest)) + r"\s*=")
        at = next((i for i in range(start, len(lines)) if key.match(lines[i]) or (
            i > start and lines[i].lstrip().startswith("["))), None)
        if at is not None and key.match(lines[at]):
            found, start = at + 1, at + 1
    if value:
        quoted = f'"{value}"'
        at = next((i for i in range(max(start - 1, 0), len(lines)) if quoted in lines[i]), None)
        if at is not None:
            found = at + 1
    return found
