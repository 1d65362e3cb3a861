"""Persons as the language makes them: person words (lemmas and compound heads), pronouns, the asker, ages."""

from __future__ import annotations

import re

from .passage import Mention, Passage
from .words import find

# Ages as people write them: "14", "(14)", "15j", "12yo", "14-jarige", "aged 16", "13 yo".
AGE_TOKEN = re.compile(r"^(\d{1,2})(?:j|jr|jaar|yo|jarige|jarig)?$")
AGE_AFTER = frozenset({"jarige", "jarig", "jaar", "jr", "year", "years", "yo", "jarigen"})
AGE_BEFORE = frozenset({"van", "of", "aged", "age", "ben", "is", "am", "im", "was", "now", "nu"})
NOT_AGE_AFTER = frozenset({"uur", "u", "h", "hours", "hour", "minuten", "minutes", "euro", "eur", "keer", "times",
                           "weken", "weeks", "dagen", "days", "maanden", "months", "jaren"})


class Persons(Passage):
    def survivor(self) -> bool:
        """"als kind misbruikt", "abused as a child": the one it was done to speaks of long ago."""
        found = find(self.words, self.w.survivor)
        for start, end, _ in found:
            self._spend(start, end)
        return bool(found)

    def people(self) -> None:
        words, w = self.words, self.w
        lo, hi = self.asker_span
        # A person word inside a longer topic phrase ("child pornography") is no person.
        blocked = set(self.used) | {i for start, end, _ in find(words, w.topics) if end - start > 1
                                    for i in range(start, end)}
        for start, end, relation in find(self.norm, w.relations):
            if lo <= start < hi or blocked & set(range(start, end)):
                continue  # the asker's own role ("als leerkracht") is not a person of the story
            last = self.mentions[-1] if self.mentions else None
            if last is not None and last.end == start and last.relation in w.modifiers:
                last.end, last.relation, last.words = end, relation, f"{last.words} {' '.join(words[start:end])}"
                self._spend(start, end)
                continue  # "an adult member": one person
            mention = Mention(start, end, relation, " ".join(words[start:end]), w.relation_age.get(relation, ""),
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
                me = Mention(i, i + 1, "self", word)
                me.refers = next((m for m in self.mentions if m.relation == "self"), None)  # one asker
                self.mentions.append(me)
                self.used.add(i)
            elif word in w.third:
                if any(tuple(self.norm[i + 1:i + 1 + n]) in w.relations for n in (1, 2)):
                    self.used.add(i)  # "haar vader": a possessive, not a person
                    continue
                self.mentions.append(Mention(i, i + 1, "pronoun", word))
                self.used.add(i)
        self.mentions.sort(key=lambda m: m.at)
        self._apposition()
        self._possessors()
        self._pronouns()

    def _possessors(self) -> None:
        """"my daughter's coach", "de trainer van mijn zoon": the coach is the person of the clause; the
        daughter, the son only name whose coach it is (and may be the one it was done to)."""
        words, w = self.words, self.w
        named = [m for m in self.mentions if m.relation not in ("self", "pronoun")]
        for a, b in zip(named, named[1:]):
            between = words[a.end:b.at]
            if words[a.end - 1] in self.possessive and len(between) <= 1:
                a.possessor = True
            elif between and between[0] in w.possessive_of and all(x in w.determiners for x in between[1:]):
                b.possessor = True  # "van mijn zoon", not "van 16 een meisje"

    def _pronouns(self) -> None:
        """A third-person pronoun points back to the last person named before it who fits it (she, her: a woman
        or a girl or anyone; he, him: a man or a boy or anyone), never to the one who acts on it in its clause."""
        w = self.w
        for m in self.mentions:
            if m.relation != "pronoun" or m.refers is not None:
                continue
            gender = self._gender(m)
            subject = next((x for x in self.mentions if x.at < m.at and self.clause[x.at] == self.clause[m.at]
                            and not x.possessor and x.relation != "pronoun"), None) if m.words in w.objects else None
            earlier = [x for x in self.mentions if x.at < m.at and x is not subject and x.relation != "self"
                       and (x.relation != "pronoun" or x.refers is not None)]
            fitting = [x for x in earlier if gender in (self._gender(x), self._gender(x.person()))] or [
                x for x in earlier if not self._gender(x.person()) and x.relation != "pronoun"]
            if fitting and gender:
                m.refers = fitting[-1]

    def _gender(self, m: Mention) -> str:
        last = m.words.split()[-1] if m.words else ""
        at = min(m.end, len(self.words)) - 1
        return self.w.gender.get(last) or (self.w.gender.get(self.lemmas[at], "") if at >= 0 and m.words else "")

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
        words, w = self.words, self.w
        for i, word in enumerate(words):
            m = AGE_TOKEN.match(word)
            # an age in words: "aged eleven", or right after a person ("a boy of eleven", "een zoon van vijftien")
            spelt = w.numbers.get(word, 0) if i and (words[i - 1] in ("aged", "age") or words[i - 1] in (
                "of", "van") and any(x.end == i - 1 for x in self.mentions)) else 0
            if spelt and any(x.at == i + 1 for x in self.mentions):
                spelt = 0  # "a mother of two children": a count of people, not an age
            if not (m or spelt > 1) or (i + 1 < len(words) and words[i + 1] in NOT_AGE_AFTER):
                continue
            if i > 0 and words[i - 1] in ("om", "at", "rond", "around"):
                continue  # a time of day
            age = int(m.group(1)) if m else spelt
            # "toen hij 7 was", "when she was 6", "at age 5", "between 6 and 9": the age then, not now
            then = any(words[j] in w.then for j in range(i) if self.part[j] == self.part[i])
            years = bool(m and word != m.group(1)) or (i + 1 < len(words) and words[i + 1] in AGE_AFTER)
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
            elif (years or before in ("van", "of", "aged", "age")) and not then:
                owner = Mention(i, i + 1, "", word)  # "een 14-jarige", "an 11 year old at the camp"
                self.mentions.append(owner)
                self.mentions.sort(key=lambda x: x.at)
            if then and (owner is None or owner.relation not in ("self", "pronoun")):
                owner = next((x for x in self.mentions if x.relation == "self"), owner)  # "I ... at age 6"
            if owner is None:
                continue
            if owner.relation == "pronoun" and owner.refers is None:  # "she was abused ...; she is 24 now"
                owner = next(x for x in self.mentions if x.relation == "pronoun" and x.words == owner.words)
            if then:
                person = owner.person()
                person.age_then = age if person.age_then is None else min(person.age_then, age)
            else:
                person = owner.person()
                if person.age is not None and person.age != age:  # two ages of one person: then, and now
                    person.age_then, person.age = min(person.age, age), max(person.age, age)
                else:
                    person.age = age
            self.used.update(range(i, after_at))

