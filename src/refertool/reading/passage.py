"""The text as the reader sees it: folded words in clauses, each with its lemma and its head as a person word.

Every pass of the reader (persons, time, acts, read) works on one `Passage`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .. import ages
from ..model import Regions, Vocabulary
from ..text import fold, tokens
from .lexicon import head, lexicon
from .words import Words, find, words_of

PARTICIPLE_HEADS = ("ge", "be", "ver", "mis", "aan", "ont", "lastig")
MIN_TYPO = 6  # shorter words are too often other real words ("jonge", "older") to read as slips
# Clause ends: punctuation of a sentence (a parenthesis is not one: "(14)" belongs to its word).
CLAUSE = re.compile(r"[.,;:!?\n]+")
# The Dutch possessives written short ("m'n ex", "z'n dochter", and in a chat with no apostrophe): read as the
# words they stand for.
SHORT_POSSESSIVES = {"m": "mijn", "z": "zijn"}
SHORT_POSSESSIVE = re.compile(r"\b([mz])['\u2019]?n\b")
CONTRACTED = frozenset({"m", "t", "ve", "re", "ll", "d"})  # the tails of "i'm", "won't", "i've"


class Mention:
    """A person as met in the text, before roles are settled."""

    def __init__(self, at: int, end: int, relation: str, words: str, age_group: str = "", role: str = ""):
        self.at, self.end, self.relation, self.words = at, end, relation, words
        self.age: int | None = None
        self.age_then: int | None = None  # the age when it happened ("toen hij 7 was"), when the text tells it
        self.age_group = age_group
        self.role = role
        self.accused = False
        self.own = False
        self.refers: Mention | None = None  # a pronoun's person
        self.possessor = False  # names whose person another is ("my daughter's coach"): not the one who acts

    def person(self) -> Mention:
        return self.refers.person() if self.refers else self



class Passage:
    """The words of one text, in clauses, with what the passes have used of them."""

    def __init__(self, text: str, vocab: Vocabulary, regions: Regions, known: Callable[[str], bool] | None = None):
        self.w = words_of(vocab)
        self.regions = regions
        self.known = known or (lambda word: False)
        self.pieces: set[str] = set()
        # Words with the sentence part each belongs to (punctuation ends a part).
        self.words: list[str] = []
        self.part: list[int] = []
        # "my daughter's coach": the word as written before "'s" (a possessive, in English)
        self.possessive = {fold(x) + "s" for x in re.findall(r"(\w+)['\u2019]s\b", text)}
        # ... and a plural's: "the neighbours' kids"
        self.possessive |= {fold(x) for x in re.findall(r"(\w+s)['\u2019](?!\w)", text)}
        # Words written with a capital inside a sentence ("kreeg ik te horen dat Yusuf ..."): names, maybe
        self.capitalized = {fold(x.group(0)) for x in re.finditer(r"[A-Z][a-z]{2,}", text)
                            if text[:x.start()].rstrip()[-1:] not in ("", ".", "!", "?", ":", "\n")}
        # "Ik (m, 38) heb ...": what stands in brackets ends no sentence part; "m'n", "z'n": mijn, zijn
        folded = re.sub(r"\([^()]*\)", lambda m: CLAUSE.sub(" ", m.group(0)), fold(text))
        folded = SHORT_POSSESSIVE.sub(lambda m: SHORT_POSSESSIVES[m.group(1)], folded)
        # "i'm", "won't" as written with the apostrophe (not "Ik (m, 38)": a sex in brackets)
        shortened = {fold(x) for x in re.findall(r"['\u2019](m|t|ve|re|ll|d)\b", text, re.IGNORECASE)}
        for n, piece in enumerate(CLAUSE.split(folded)):
            for word in tokens(piece):
                if word in CONTRACTED and word in shortened and self.words and self.part[-1] == n:
                    self.pieces.update((self.words[-1], word))  # read as one word, never searched apart
                    self.words[-1] += word  # "i'm" -> im, "won't" -> wont
                    continue
                self.words.append(self.w.spoken.get(word) or self._corrected(word))
                self.part.append(n)
        lex = lexicon()
        self.lemmas = [lex.lemma(x) for x in self.words]
        # Each word as a person word: itself, its lemma ("leraren" -> leraar) or its head ("judotrainer" -> trainer).
        self.norm = [self._person_word(x, lemma) for x, lemma in zip(self.words, self.lemmas)]
        self.clause = self._clauses()
        self.topic_phrase = {i for start, end, _ in find(self.words, self.w.topics) if end - start > 1
                             for i in range(start, end)}
        self.act_class = self._act_classes()
        self._together_found: dict[str, int] | None = None
        self.together_acts: set[int] = set()  # the verbs of the classes read from words together
        self.together_bearers: set[int] = set()  # where the words whose subject bears such a class begin
        self.used: set[int] = set()
        self.mentions: list[Mention] = []
        self.asker_span: tuple[int, int] = (0, 0)
        self.survived: Mention | None = None  # the asker, who tells of their childhood ("als kind misbruikt")
        self.refused: set[str] = set()  # words of a refusal ("geen aangifte"): read, never searched
        self.groomed = False  # a minor keeps contact with an adult stranger
        self.ongoing = False  # it still goes on ("al maanden", "keeps")
        self.repeated = False  # told as repeated ("elke nacht", "al weken", "honderden"), not only in the present tense
        self.now = False  # it happens today, tonight, right now
        self.story: set[str] = set()  # words of what happened, not of what is asked ("ze chatte met ..."): not searched

    def _person_word(self, word: str, lemma: str) -> str:
        heads = self.w.person_heads
        if word in heads or not word.isalpha() or word in self.w.numbers:
            return word  # ("seventeen" is no "teen")
        if lemma in heads and not (word.endswith("ing") and word != lemma):
            return lemma  # ("dating" is a verb's form, not "date")
        if word in self.w.known or word in lexicon().no_compound:  # "begeleiding" is no "leiding", "bathroom" no "oom"
            return word
        found = head(word, heads - self.w.not_heads)
        return found if found is not None and (len(found) >= 4 or len(word) - len(found) >= 4) else word

    def _corrected(self, word: str) -> str:
        """A word the reader needs, typed with one slip (a letter left out, doubled or swapped); never a real word."""
        if len(word) < MIN_TYPO or word in self.w.known or self.known(word) or word.isdigit() \
                or lexicon().is_real(word):
            return word
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        hit = process.extractOne(word, self.w.known_list, scorer=OSA.distance, score_cutoff=1)
        return hit[0] if hit else word

    def _act_classes(self) -> list[str]:
        """The class of the act each word names, or "": by form or lemma ("dwong", "slaat"), a phrase of lemmas
        ("pijn doen"), or a separable verb with its particle in the same clause ("raakte haar aan")."""
        w = self.w
        nouns = [w.act_noun(x) for x in self.words]  # a compound too ("privéberichtjes")
        self.act_noun = [bool(x) for x in nouns]  # "misbruik" is a noun before it is "ik misbruik"
        out = [noun or w.act_lemmas.get(x) or w.act_lemmas.get(lemma) or ""
               for x, lemma, noun in zip(self.words, self.lemmas, nouns)]
        # phrases of lemmas, a determiner inside left out ("iets in mijn drankje", "without my consent")
        # (and an object pronoun: "left him alone")
        kept = [i for i, x in enumerate(self.words) if x not in w.determiners and x not in w.objects]
        for start, end, name in find([self.lemmas[i] for i in kept], w.act_phrases):
            if self._phrase_undone(kept[start], kept[end - 1] + 1, name):
                continue
            for i in range(kept[start], kept[end - 1] + 1):
                out[i] = name
        # light verbs ("iets gedaan bij", "did something to"): an act only when done to a minor named next
        for start, end, name in find([self.lemmas[i] for i in kept], w.act_light):
            at = kept[end - 1] + 1
            if self._minor_follows(at):
                for i in range(kept[start], kept[end - 1] + 1):
                    out[i] = out[i] or name
        for i, lemma in enumerate(self.lemmas):
            for j in range(len(self.words)):
                verb = w.act_separable.get((self.words[j], lemma), "")
                if verb and j != i and self.clause[j] == self.clause[i] and not out[i]:
                    out[i] = verb
        # a harm state ("blauwe plekken", "pregnant") tells what was done, not who did it: as a noun
        self.act_noun = [noun or bool(c) and w.act_classes[c]["state"] for noun, c in zip(self.act_noun, out)]
        return out

    def _phrase_undone(self, start: int, end: int, name: str) -> bool:
        """A phrase of a class that a word after it undoes ("alleen laten met ...", "leave alone with ...": left
        with someone, not on one's own), or care left undone that is of the asker alone ("ik heb me niet gewassen",
        "I did not wash"): no other person in its clause (`of_another`)."""
        spec, words, w = self.w.act_classes[name], self.words, self.w
        if end < len(words) and words[end] in spec["not_before"]:
            return True
        # (the asker in its sentence part, "I was raped and did not wash"; no one else in its clause)
        clause = [j for j in range(len(words)) if self.clause[j] == self.clause[start]]
        return spec["of_another"] and any(words[j] in w.self_words and self.part[j] == self.part[start]
                                          for j in range(len(words))) and not any(
            (self.norm[j],) in w.relations or words[j] in w.third for j in clause)

    def _together(self) -> dict[str, int]:
        """Classes named by words of each of their groups in one sentence part (`together`, as written or as
        lemmas): "redness down there", "comes into the bathroom"; where the first group's word is."""
        if self._together_found is not None:
            return self._together_found
        out: dict[str, int] = {}
        parts = sorted(set(self.part))
        for name, spec in self.w.act_classes.items():
            groups = spec["together"]
            for part in parts if groups else ():
                span = [i for i, p in enumerate(self.part) if p == part]
                hits = []
                for group in groups:
                    found = [span[s] for seq in ([self.words[i] for i in span], [self.lemmas[i] for i in span],
                                                 [self.w.together_base(self.words[i]) for i in span])
                             for s, _, _ in find(seq, group)
                             if not (spec["sexual"] and self._act_negated(span[s]))]
                    if not found:
                        break
                    hits.append(min(found))
                else:
                    out.setdefault(name, hits[0])
                    self.together_acts.update(self._starts(span, spec["acts"]))
                    self.together_bearers.update(self._starts(span, spec["bearers"]))
        self._together_found = out
        return out

    def _starts(self, span: list[int], group: dict[tuple[str, ...], str]) -> list[int]:
        """Where the words of `group` begin in `span`, as written or as lemmas."""
        return [span[s] for seq in ([self.words[i] for i in span], [self.lemmas[i] for i in span])
                for s, _, _ in find(seq, group)] if group else []

    def _act_negated(self, at: int) -> bool:
        """A negation before the act in its clause ("niet aangeraakt", "never touched", "nothing sexual"), unless it
        negates the stopping ("won't stop touching")."""
        w = self.w
        for j in range(max(0, at - w.reach), at):
            if self.clause[j] == self.clause[at] and self.words[j] in w.act_negation and not self.act_class[j]:
                return not any(self.words[k] in w.stopping for k in range(j + 1, at))
        return False

    def _minor_follows(self, at: int) -> bool:
        """The person named right after `at` (determiners left out) is a minor: by a word that tells it ("een
        kleuter", "a little boy") or by an age of a minor after it ("mijn nichtje van 6", "a girl (8)")."""
        w, words = self.w, self.words
        while at < len(words) and words[at] in w.determiners:
            at += 1
        for n in (2, 1):
            relation = w.relations.get(tuple(self.norm[at:at + n])) if at + n <= len(words) else None
            if relation is None:
                continue
            if w.relation_age.get(relation) == "minor":
                return True
            after = [x for x in words[at + n:at + n + 3] if x.isascii() and x.isdigit()]
            return bool(after) and age_group(int(after[0]), w) == "minor"
        return False

    def _abuse(self) -> bool:
        """Whether the text names an act or a topic of abuse or violence."""
        return any(self.is_act(i) for i in range(len(self.words))) or any(t in self.w.abuse_topics for _, _, t in
                                                                find(self.words, self.w.topics))

    def is_act(self, i: int) -> bool:
        """A verb of an act (a noun names the act but tells no one who did it: "na misbruik")."""
        w = self.w
        # after a frame word ("vermoed misbruik"), but not after a person who acts ("iemand chanteert me")
        framed = i > 0 and self.words[i - 1] in w.frames and (self.norm[i - 1],) not in w.relations
        noun = self.act_noun[i] or i > 0 and self.words[i - 1] in w.before_noun or framed \
            or i in self.topic_phrase  # "child abuse images": a name of a topic
        return self.words[i] in w.acts or bool(self.act_class[i]) and not noun \
            or self._together_found is not None and i in self.together_acts

    def _clauses(self) -> list[int]:
        """A clause ends at punctuation, before a boundary word ("maar", "dat") and after a telling verb."""
        w, n, out = self.w, 0, []
        timed = False  # inside a time clause ("toen ik 9 was"), until its age and tail are past
        # ... or past a childhood that says the time ("when we were kids", "toen we klein waren")
        grown = {end for _, end, _ in find(self.words, w.survivor)}
        for i, word in enumerate(self.words):
            told = i and (self.words[i - 1] in w.telling or self.words[i - 1] in w.thinking)
            # "when i was 12, the trainer ...": the time clause ends after its age ("12") and its tail ("jaar oud was")
            back = i - 1
            while timed and back > 0 and self.words[back] in w.time_clause_tail:
                back -= 1
            # ... or, with no age, before the auxiliary after its verb ("toen hij bij ons logeerde heeft hij ...")
            prev = self.words[i - 1] if i else ""
            timed_end = timed and i > 0 and (word not in w.time_clause_tail and self.words[back][:1].isdigit()
                                             or i in grown or word in w.active and prev not in w.time_clause
                                             and prev not in w.self_words and prev not in w.third
                                             and (self.norm[i - 1],) not in w.relations)
            # "im 19 my dad ...", "ben 23 help": an age said with a copula ends the clause (a message with no stops)
            aged_end = i > 1 and self.words[i - 1][:1].isdigit() and self.words[i - 2] in w.copula_self \
                and word not in w.time_clause_tail
            bound = word in w.boundary and not (word in w.prepositional and self._no_clause_at(i + 1))
            if i and (self.part[i] != self.part[i - 1] or bound or told or word in w.time_clause
                      or timed_end or aged_end):
                n += 1
                timed = False
            if word in w.time_clause:
                timed = True
            out.append(n)
        return out

    def _no_clause_at(self, i: int) -> bool:
        """What follows a preposition at word `i` is a time or a thing, not a clause: no subject follows ("sinds de
        zomer", "after school", "since 2019", "because of her origin"; but "since the coach left", "sinds hij ...",
        "since we broke up", and a verb's "-ing": "after chatting for weeks")."""
        words, w = self.words, self.w
        if i >= len(words):
            return True
        if words[i] in w.determiners and i + 1 < len(words):
            return (self.norm[i + 1],) not in w.relations
        subject = words[i] in w.self_words or words[i] in w.we or words[i] in w.second \
            or words[i] in w.third and words[i] not in w.object_only or (self.norm[i],) in w.relations
        return not (subject or words[i].endswith("ing") and len(words[i]) > 5)

    def _spend(self, start: int, end: int) -> None:
        self.used.update(range(start, end))

    def _negated(self, at: int, reach: int | None = None) -> bool:
        reach = self.w.reach if reach is None else reach
        return any(self.words[j] in self.w.negation for j in range(max(0, at - reach), at)
                   if self.part[j] == self.part[at])

    def _gender(self, m: Mention) -> str:
        last = m.words.split()[-1] if m.words else ""
        at = min(m.end, len(self.words)) - 1
        if at < 0 or not m.words:
            return self.w.gender.get(last, "")
        # the word, its lemma, or the person word a compound ends in ("zorgjuf" -> juf, "pleegmoeder" -> moeder)
        return self.w.gender.get(last) or self.w.gender.get(self.lemmas[at]) or self.w.gender.get(self.norm[at]) or (
            self.w.gender.get(head(last, self.w.gender_heads) or "", "") if last.isalpha() else "")

    # -- passes
    @staticmethod
    def _role(m: Mention, role: str) -> None:
        person = m.person()
        if not person.role:
            person.role = role

    def minor(self, m: Mention) -> bool:
        age = m.age_then if m.age_then is not None else m.age
        return m.age_group == "minor" if age is None else age_group(age, self.w) == "minor"


def age_group(age: int, w: Words) -> str:
    """"minor" or "adult", as `refertool.ages` decides it from the vocabulary's age groups."""
    return ages.age_group(age, w.vocab)


def participle(word: str) -> bool:
    """A past participle, Dutch or English ("geslagen", "misbruikt", "verkracht", "abused")."""
    return word.endswith("ed") or (word.startswith(PARTICIPLE_HEADS) and word.endswith(("d", "t", "en")))
