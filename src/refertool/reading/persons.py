"""Persons as the language makes them: person words (lemmas and compound heads), pronouns, the asker, ages."""

from __future__ import annotations

import re

from .. import places
from .passage import Mention, Passage, participle
from .words import find

# Ages as people write them: "14", "(14)", "15j", "12yo", "14-jarige", "aged 16", "13 yo".
AGE_TOKEN = re.compile(r"^(\d{1,2})(?:j|jr|jaar|yo|jarige|jarig)?$")
AGE_AFTER = frozenset({"jarige", "jarig", "jaar", "jr", "year", "years", "yo", "jarigen", "y", "olds"})  # "y/o" -> y, o
# ... and "I (female 45)": a sex said before the age
# ("Ik (v, 38)", "I (f, 41)": the sex in one letter)
AGE_BEFORE = frozenset({"van", "of", "aged", "age", "ben", "is", "am", "im", "was", "now", "nu", "male", "female",
                        "m", "f", "v", "hes", "shes"})
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
            if last is not None and last.end == start and (last.relation in w.modifiers
                                                           or last.words in w.person_prefixes):
                last.end, last.relation, last.words = end, relation, f"{last.words} {' '.join(words[start:end])}"
                last.age_group = last.age_group or w.relation_age.get(relation, "")
                self._spend(start, end)
                continue  # "an adult member", "her ex-husband": one person
            mention = Mention(start, end, relation, " ".join(words[start:end]), w.relation_age.get(relation, ""),
                               w.relation_role.get(relation, ""))
            mention.own = self._owner_before(start) and not mention.role
            self.mentions.append(mention)
            self._spend(start, end)
        taken = {i for m in self.mentions for i in range(m.at, m.end)} | blocked
        for i, word in enumerate(words):
            if i in taken or lo <= i < hi:
                continue
            # ("says she ...", "zei ze": a subject after the telling verb is a person; "told her" is the one told)
            if i and words[i - 1] in w.telling and (word in w.self_objects or word in w.object_only):
                self.used.add(i)
                continue  # "vertelde me": the one told, not a person of what is told (but "says I hit him": the asker)
            if self._named(i):
                self.mentions.append(Mention(i, i + 1, "", word))  # "Noor uit de derde klas", "Lotte (14)"
                self.used.add(i)
                continue
            whose = self._of_mine(i)
            if whose is not None:
                whose.own = True  # "een collega van mij", "a friend of mine": whose person it is, not a person
                self.used.add(i)
                continue
            if word in w.self_words or self._unsaid_self(i):
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
        self._between_commas()
        self._apposition()
        self._possessors()
        self._pronouns()

    def _named(self, i: int) -> bool:
        """A name: a word with a capital inside its sentence that no list knows (no place either), right before an
        age ("Lotte (14)", "Yusuf van 8") or a place of children ("Noor uit de derde klas")."""
        words, w = self.words, self.w
        word = words[i]
        if word not in self.capitalized or word in w.known or not word.isalpha() \
                or (word,) in places.table(self.regions) or i + 1 >= len(words):
            return False
        nxt = words[i + 2] if words[i + 1] in ("van", "of", "aged") and i + 2 < len(words) else words[i + 1]
        if AGE_TOKEN.match(nxt):
            return True
        return words[i + 1] in w.place_of and any(x in w.minor_places for x in words[i + 2:i + 6])

    def _of_mine(self, i: int) -> Mention | None:
        """"een collega van mij", "a colleague of mine": the asker's word `i` after a person and "van", "of" names whose
        person that is; the person, or None."""
        words, w = self.words, self.w
        if i < 2 or not (words[i] in w.self_objects or words[i] in w.mine) or words[i - 1] not in w.possessive_of:
            return None
        return next((m for m in self.mentions if m.end == i - 1 and m.relation not in ("self", "pronoun")), None)

    def _unsaid_self(self, i: int) -> bool:
        """"ben 19", "zit in het derde jaar": a verb of the first person (`[pronouns] self_verbs`) with no subject
        before it (no pronoun, no person, no determiner: "op mijn werk"), opening a sentence part or before a number
        (not after "en": "hij komt ... en zit aan mij" keeps the subject before), and not a question to someone ("heb
        je ...": `[pronouns] second`)."""
        words, w = self.words, self.w
        if words[i] not in w.self_verbs:
            return False
        before = words[i - 1] if i and self.part[i - 1] == self.part[i] else ""
        nxt = words[i + 1] if i + 1 < len(words) else ""
        return not (before in w.self_words or before in w.third or before in w.determiners or before in w.own
                    or (self.norm[i - 1],) in w.relations if before else False) \
            and nxt not in w.second and (not before or nxt[:1].isdigit())

    def _between_commas(self) -> None:
        """"de trainer van de ploeg, ne vent van 40, heeft ...", "her coach, a man of 50, kissed her": a person of
        `[pronouns] apposition` opening the sentence part right after another person's is that person; the two
        parts and the one after them are one sentence part (who did it stands before the act again)."""
        words, w, part = self.words, self.w, self.part
        named = [m for m in self.mentions if m.relation not in ("self", "pronoun")]
        for a, b in zip(named, named[1:]):
            start = next((j for j in range(len(words)) if part[j] == part[b.at]), b.at)
            if b.role or b.relation not in w.apposition or part[b.at] != part[a.at] + 1 \
                    or any(words[j] not in w.articles for j in range(start, b.at)):
                continue
            b.refers = a
            own, head = part[b.at], part[a.at]
            for j in range(len(words)):
                if own <= part[j] <= own + 1:
                    part[j] = head
        self.clause = self._clauses()

    def _owner_before(self, start: int) -> bool:
        """"mijn dochter", and "my 9-year-old daughter", "onze 14-jarige zoon": the possessive may stand before an
        age that stands before the person word."""
        words, j = self.words, start - 1
        while j > 0 and (AGE_TOKEN.match(words[j]) or words[j] in AGE_AFTER or words[j] in ("old", "oud", "oude")
                         or words[j] == "o" and words[j - 1] == "y"):
            j -= 1
        return 0 <= j < start and words[j] in self.w.own

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
                       and (x.relation != "pronoun" or x.refers is not None)
                       and not (m.words in w.singular and x.relation != "pronoun" and self._many(x))]
            fitting = [x for x in earlier if gender in (self._gender(x), self._gender(x.person()))] or [
                x for x in earlier if not self._gender(x.person()) and x.relation != "pronoun"]
            if fitting and gender:
                m.refers = fitting[-1]

    def _many(self, m: Mention) -> bool:
        """The person word is a plural ("ouders", "nurses", "kinderen"): its lemma is shorter than the word (not a
        possessive: "my son's coach")."""
        at = m.end - 1
        return self.lemmas[at] != self.words[at] and len(self.lemmas[at]) < len(self.words[at]) \
            and self.words[at] not in self.possessive

    def _apposition(self) -> None:
        """"ik ben een man van 40", "I'm an adult man": the person named is the asker themself. "Het slachtoffer is
        een jongen van 12", "the offender was her uncle": the role word and the person named are one."""
        words, w = self.words, self.w
        for m in self.mentions:
            if w.relation_role.get(m.relation) and m.end + 1 < len(words) and words[m.end] in w.copula:
                j = m.end + 1
                while j < len(words) and words[j] in w.determiners:
                    j += 1
                named = next((x for x in self.mentions if x.at == j and x.relation not in ("self", "pronoun")), None)
                if named is not None and not named.role:
                    named.role, m.refers = m.role, named
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

    def _hedged(self, i: int) -> int:
        """Where the words before an age start, past a rough "about", "ongeveer", "een jaar of" (`[ages] hedges`)."""
        hedge = next((len(h) for h in sorted(self.w.age_hedges, key=len, reverse=True)
                      if len(h) <= i and tuple(self.words[i - len(h):i]) == h), 0)
        return i - hedge

    def _decade(self, i: int) -> int:
        """"in his forties", "in de veertig", "in her 30s" (`[ages] decades`): about the middle of the decade, or 0."""
        words, w = self.words, self.w
        if i < 2 or words[i - 2] != "in" or not (words[i - 1] in w.determiners or words[i - 1] in w.third):
            return 0
        word = words[i]
        if len(word) == 3 and word.endswith("0s") and word[0].isdigit():
            return int(word[:2]) + 5
        return w.decade_ages.get(word, 0)

    def ages(self) -> None:
        words, w = self.words, self.w
        for i, word in enumerate(words):
            m = AGE_TOKEN.match(word)
            k = self._hedged(i)  # the age's own place, its rough "about" left out: "a boy of about 8"
            # an age in words: "aged eleven", or right after a person ("a boy of eleven", "een zoon van vijftien")
            # ... or before its years ("a three-year-old", "een vijfjarige"; not "drie jaar geleden")
            aged = words[i + 1:i + 3] in (["year", "old"], ["year", "olds"], ["jaar", "oud"]) \
                or words[i + 1:i + 2] == ["jarige"]
            # ... or said of one just named ("my son is seventeen", "she's twelve", "toen ik negen was")
            # (or "she's twelve": the pronoun and its verb in one word)
            said = k >= 2 and words[k - 1] in AGE_BEFORE | {"s"} and any(x.end in (k, k - 1, k - 2)
                                                                        for x in self.mentions)
            spelt = w.numbers.get(word, 0) if k and (
                words[k - 1] in ("aged", "age") or aged or said
                or words[k - 1] in ("of", "van") and any(x.end == k - 1 for x in self.mentions)) else 0
            if spelt and any(x.at == i + 1 for x in self.mentions):
                spelt = 0  # "a mother of two children": a count of people, not an age
            decade = self._decade(i)
            if decade:
                spelt, k = decade, i - 2  # "the neighbour, in his fifties, ...": about the middle
            if not (m or spelt > 1) or (i + 1 < len(words) and words[i + 1] in NOT_AGE_AFTER):
                continue
            rough_time = k < i and words[k] in ("rond", "around") and not (k and (
                words[k - 1] in AGE_BEFORE or any(x.end == k for x in self.mentions)))
            if k > 0 and words[k - 1] in ("om", "at") or rough_time:
                continue  # a time of day ("om 8", "at around 8", "komt rond 8 thuis"; not "a girl of around 8")
            age = int(m.group(1)) if m else spelt
            # "toen hij 7 was", "when she was 6", "at age 5", "between 6 and 9": the age then, not now
            then = any(words[j] in w.then for j in range(i) if self.part[j] == self.part[i])
            years = bool(m and word != m.group(1)) or (i + 1 < len(words) and words[i + 1] in AGE_AFTER)
            before = words[k - 1] if k else ""
            after_at = i + 1
            while after_at < len(words) and (words[after_at] in AGE_AFTER | {"old", "oud", "oude"}
                                             or words[after_at] == "o" and words[after_at - 1] == "y"):
                after_at += 1
            nxt = next((x for x in self.mentions if x.at == after_at and x.relation not in ("self", "pronoun")), None)
            # "my son, 15, has ...": an age standing alone between commas is the age of the one just named
            # (and "a boy at the centre, aged 12,": a part of its own that is only the age)
            start = k - 1 if k and words[k - 1] in ("aged", "age") and self.part[k - 1] == self.part[i] else k
            alone = all(self.part[j] != self.part[i] for j in (start - 1, after_at) if 0 <= j < len(words))
            prev = next((x for x in reversed(self.mentions) if x.end <= k and k - x.end <= 2
                         and (self.part[x.at] == self.part[i] or alone and x.end == start)), None)
            if prev is None and alone and start:
                prev = next((x for x in reversed(self.mentions) if x.end <= start and self.part[x.at] ==
                             self.part[start - 1] and x.relation not in ("self", "pronoun")), None)
            # "her boyfriend, who is 30" (and "a coach, who's 40": the relative and its verb in one word)
            rel = k - 1 if k >= 1 and words[k - 1] in w.relative else \
                k - 2 if k >= 2 and words[k - 1] in AGE_BEFORE and words[k - 2] in w.relative else None
            if prev is None and rel is not None:
                prev = next((x for x in reversed(self.mentions) if x.end == rel), None)
            owner = None
            if years and nxt is not None:
                owner = nxt  # "een 14-jarige leerling", "a 13 year old boy"
            elif prev is not None and (before in AGE_BEFORE or prev.end == k or prev.end == rel):
                owner = prev  # "meisje van 14", "dochter (12)", "ik ben 34", "ze is 19"
                # "de kinderen van de buren (3 en 7)": the age of the children, not of whose children they are
                # ("de trainer van mijn zoon (12)": of the son)
                held = next((x for x in reversed(self.mentions) if x.end <= prev.at
                             and x.relation not in ("self", "pronoun")), None)
                if prev.possessor and held is not None and held.age is None \
                        and w.relation_age.get(held.relation) == "minor":
                    owner = held
            elif nxt is not None and nxt.at == i + 1:
                owner = nxt  # "my 12yo son"
            elif (years or before in ("van", "of", "aged", "age")) and not then:
                owner = Mention(i, i + 1, "", word)  # "een 14-jarige", "an 11 year old at the camp"
                owner.own = self._owner_before(i)  # "our 4-year-old"
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


    def place_ages(self) -> None:
        """"een jongen uit de klas van mijn zus", "a girl from year 5": a person of no age group named in a place of
        children is a minor, unless their word gives a standing of trust ("a leader in our class" stays unknown)."""
        words, w = self.words, self.w
        for m in self.mentions:
            person = m.person()  # "... sloeg mij. ik zit in het 2de jaar": the asker, named first as the object
            # (a teacher in a class is no child of it; an ex, a boyfriend from it is: `[ages] place_peers`)
            trusted = w.relation_standing.get(m.relation) == "perpetrator" and m.relation not in w.place_peers
            if m.relation == "pronoun" or person.age_group or person.age is not None or m.end >= len(words) \
                    or trusted:
                continue
            # "een meisje uit ...", and with its verb between: "mijn dochter zit in ...", "my son is in ..."
            at = next((j for j in (m.end, m.end + 1) if j < len(words) and words[j] in w.place_of
                       and self.part[j] == self.part[m.at]), None)
            if at is None:
                continue
            ahead = range(at + 1, min(len(words), at + 5))
            if any(words[j] in w.minor_places and self.clause[j] == self.clause[m.at] for j in ahead):
                person.age_group = "minor"

    def younger_ages(self) -> None:
        """"een jonger meisje", "a younger boy" (`[ages] younger`) of no age told, in a text with a minor in it: younger
        than a minor, a minor too."""
        words, w = self.words, self.w
        people = [m.person() for m in self.mentions]
        if not any(self.minor(p) for p in people):
            return
        for m in self.mentions:
            person = m.person()
            if m.at and words[m.at - 1] in w.younger and not person.age_group and person.age is None:
                person.age_group = "minor"

    def harm_told(self) -> bool:
        """Whether the text speaks of harm: an act or a harm state of any class (also one read from words together:
        "ik word gevolgd door ..."), or a topic of abuse."""
        return any(self.act_class) or bool(self._together()) or any(x in self.w.acts for x in self.words) or any(
            t in self.w.abuse_topics for _, _, t in find(self.words, self.w.topics))

    def assume_roles(self, asker_role: str, needs: list[str], defaulted: bool) -> list[str]:
        """Harm is told but the acts leave who did it to whom open ("een turnster durft niet meer sinds haar
        trainer ...", "a pupil of 13 is pregnant by a man of 30"): by the relations (`standing` in
        data/situation.toml), the dependent one bears it (the youngest, when ages tell it) and the one in a
        position of trust, or the other party, did it. The roles so given are named in the result, as assumed.
        Feelings for children with no act ("ik heb gevoelens voor jonge kinderen") harm no one: no one is assumed."""
        if "feelings" in needs:
            return []
        w = self.w
        people = list(dict.fromkeys(m.person() for m in self.mentions
                                    if m.person().relation not in ("self", "pronoun")))
        me = next((m.person() for m in self.mentions if m.relation == "self"), None)
        tellers = {m.person() for m in self.mentions if self._tells(m)}
        assumed: list[str] = []
        victim = next((p for p in (*people, me) if p is not None and p.role == "victim"), None)
        doer = next((p for p in (*people, me) if p is not None and p.role == "perpetrator"), None)

        def standing(p: Mention) -> str:
            return w.relation_standing.get(p.relation, "")

        free = [p for p in people if not p.role]
        bearers = [p for p in free if standing(p) == "victim" or self.minor(p) and standing(p) != "perpetrator"]
        # someone named as a person of the story ("haar pleegvader", "a man"), not as a predicate ("wil leider worden")
        # ("my former partner": one word may stand between)
        trusted = [p for p in free if standing(p) == "perpetrator" and p not in tellers and (
            p.age is not None or p.at == 0 or any(self.words[j] in w.determiners or self.words[j] in self.possessive
                                                  or self.words[j] in w.own for j in range(max(0, p.at - 2), p.at)))]
        # A text told to this tool that names a child and an adult in a position of trust over them is about
        # what passes between them, even in words no list holds ("komt 's avonds op haar kamer zitten"); one of the
        # asker's own who speaks about the child ("mijn buurvrouw maakt zich zorgen over ...") is rather the one
        # who worries.
        # "mijn ex wacht elke avond voor mijn deur", "someone opens accounts in my name": another party, then the
        # asker as the one it is done to (no child of the asker's or other dependent named)
        against = next((p for p in trusted if (me is None or not me.role or me is self.survived)
                        and asker_role in ("", "bystander", "victim")
                        and not bearers and self._mine_after(p)), None)
        if against is not None and me is None:  # "mijn ex wacht voor mijn deur": the asker, though not named
            me = Mention(against.at, against.at, "self", "")
            self.mentions.append(me)
        # ("mijn collega trekt de kleuters aan hun arm" is about what the colleague does to them)
        # (and no one else of no standing: in "his uncle keeps hitting his aunt" the uncle is a party too)
        alone = not any(not standing(p) and p not in tellers and not p.possessor
                        and any(self.part[p.at] == self.part[b.at] for b in bearers) for p in free)
        if not (self.harm_told() or alone and any(self.minor(p) for p in bearers) and any(
                not p.own or not self._about(bearers[0]) for p in trusted) or against is not None):
            return []
        # A victim the acts read with no one named to have done it ("she was raped after a night out; her parents
        # ...") keeps it so, unless one in a position of trust is named before them in their sentence ("a coach
        # reportedly messaged two players": the subject of what was done to them).
        read_victim = victim if victim is not None and not defaulted and victim is not self.survived else None
        if victim is None:
            if bearers:
                aged = [p for p in bearers if p.age is not None or p.age_then is not None]
                victim = min(aged, key=lambda p: p.age_then if p.age_then is not None else p.age or 0) if aged \
                    else bearers[0]
            elif me is not None and not me.role and asker_role in ("", "bystander") and (
                    against is not None or self._done_to_me(me) or me.age_then is not None):
                # "mijn ex volgt mij overal", "ik word gevolgd", "toen ik 13 was gebeurde het": the asker bears it
                victim = me
            if victim is not None:
                victim.role = "victim"
                assumed.append("victim")
        # only "is weggelopen", "has gone missing" told: the friends they were with are no party
        classes = {c for c in self.act_class if c} | set(self._together())
        no_party = frozenset.intersection(*(w.act_classes[c]["not_doers"] for c in classes)) \
            if classes and not any(x in w.acts for x in self.words) else frozenset()
        if doer is None and victim is not None:
            free = [p for p in people if not p.role and p is not victim and p not in tellers
                    and p.relation not in no_party and (
                read_victim is None or p.at < read_victim.at and self.part[p.at] == self.part[read_victim.at])]
            # the one in a position of trust, first the one of the victim's ("zijn oom", "her coach") or one whose
            # word tells an adult ("a nurse") rather than anyone ("iemand om mee te praten"); else, for a minor,
            # an adult of no dependent standing
            trusted = sorted((p for p in free if standing(p) == "perpetrator"), key=lambda p: (
                not (p.at and self.words[p.at - 1] in w.third), w.relation_age.get(p.relation) != "adult"))
            doer = against if victim is me and against is not None else next(iter(trusted), None) or next(
                (p for p in free if self.minor(victim) and standing(p) != "victim" and self._grown(p)), None)
            if doer is not None:
                doer.role = "perpetrator"
                assumed.append("perpetrator")
        return assumed

    def _tells(self, m: Mention) -> bool:
        """The person tells or reports it ("een vader vertelde dat ...", "a neighbour told me"): not a party to it."""
        words, w = self.words, self.w
        # not "the coach is reported to have ...": a telling in the passive is said of them
        return any(words[j] in w.telling and not any(words[k] in w.passive for k in range(m.end, j))
                   for j in range(m.end, min(len(words), m.end + 3)))

    def _done_to_me(self, me: Mention) -> bool:
        """The asker is named as the one something is done to: "... volgt mij", "follows me", "ik word ..."."""
        words, w = self.words, self.w
        for m in self.mentions:
            if m.person() is not me:
                continue
            if words[m.at] in w.self_objects and not (m.at and words[m.at - 1] in w.telling):
                return True
            # "ik word al weken gevolgd", "I was passed over", "I am being followed": a passive of the asker
            aux = next((j for j in (m.at + 1, m.at + 2) if j < len(words) and words[j] in w.passive
                        and self.clause[j] == self.clause[m.at]), None)
            if aux is not None and any(participle(words[j]) for j in range(aux + 1, len(words))
                                       if self.clause[j] == self.clause[m.at]):
                return True
        return False

    def _about(self, m: Mention) -> bool:
        """The person is named as what is spoken about ("zorgen over de kinderen", "worried about the kids")."""
        return any(self.words[j] in self.w.about for j in range(max(0, m.at - 3), m.at))

    def _mine_after(self, p: Mention) -> bool:
        """After the person, in their sentence, the asker as an object ("stuurt mij", "follows me") or a thing of
        the asker's own ("voor mijn deur", "in my name"; not a person of theirs: "my son")."""
        words, w = self.words, self.w
        persons = {m.at for m in self.mentions}
        return any(self.part[i] == self.part[p.at] and (
            words[i] in w.self_objects and words[i - 1] not in w.telling
            or words[i] in w.own and i + 1 < len(words) and i + 1 not in persons and words[i + 1] not in w.children)
            for i in range(p.end, len(words)))

    def _grown(self, p: Mention) -> bool:
        age = p.age_then if p.age_then is not None else p.age
        return p.age_group == "adult" if age is None else not self.minor(p)
