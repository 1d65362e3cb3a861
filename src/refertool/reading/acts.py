"""Who did what to whom: acts by clause and voice, the accused, grooming, and the topics the story implies."""

from __future__ import annotations

from .passage import Mention, Passage, age_group, participle
from .words import find


class Acts(Passage):
    def roles(self) -> None:
        """Per clause: who did it comes first, unless the clause is passive or names an agent ("door", "by")."""
        words, w = self.words, self.w
        self._together()  # the verbs of classes read from words together are acts too ("kept going", "toonde porno")
        by_clause: dict[int, list[Mention]] = {}
        for m in self.mentions:
            if not m.possessor:  # "my daughter's coach kissed her": the coach is the one of the clause
                by_clause.setdefault(self.clause[m.at], []).append(m)
        for c in sorted(set(self.clause)):
            span = [i for i, x in enumerate(self.clause) if x == c]
            found = by_clause.get(c, [])
            earlier = [m.person() for m in self.mentions if self.clause[m.at] < c and m.relation != "pronoun"]
            relative = words[span[0]] in w.relative and bool(earlier)
            if relative:  # "een leider die ...": the leader is the subject
                antecedent = earlier[-1]
                found = [Mention(span[0], span[0] + 1, "pronoun", words[span[0]]), *found]
                found[0].refers = antecedent
            # "zij is 17 en had hem gedwongen ...", "he is 40 and has hit her": a clause joined on with no
            # subject of its own (a boundary word, then an auxiliary) has the subject of the clause before
            elided = not relative and len(span) > 1 and words[span[0]] in w.boundary and words[span[1]] in w.active \
                or self._joined_on(span, found)
            subject = self._subject_before(c) if elided else None
            if elided and subject is None:  # "her boyfriend, who is 30, hit her": the one the relative clause is of
                subject = self._of_relative(c - 1)
            if subject is not None:
                found = [Mention(span[0], span[0] + 1, "pronoun", ""), *found]
                found[0].refers = subject
            for m in found:
                if m.relation == "pronoun" and m.refers is None:
                    mine = {x.person() for x in found if x is not m and x.refers is None and x.relation != "pronoun"}
                    if found and found[0].refers is not None:
                        mine.add(found[0].person())
                    # (of the pronoun's gender, or of none told: "hij" is not "de juf")
                    m.refers = next((p for p in reversed(earlier) if p not in mine and p.relation != "self"
                                     and self._gender(p) in ("", self._gender(m))), None)
            acts = [i for i in span if self.is_act(i)]
            self.used.update(acts)  # verbs of the story; those naming a topic stay searched (facet words)
            if self._asks(span):
                continue  # "moet ik dit zonder toestemming doorgeven?": the asker's question, not the story
            accused = [i for i in span if words[i] in w.accused or words[i] in w.convicted]
            if not (acts or accused):
                contact = [i for i in span if words[i] in w.contact]
                if contact and earlier and not any(m.at < contact[0] for m in found):
                    before = Mention(span[0], span[0], "pronoun", "")  # "... did not come home after chatting"
                    before.refers = earlier[-1]
                    found = [before, *found]
                if contact and found and self._groomed(found, span, contact):
                    self.story.update(words[i] for i in contact)  # "chatte met een onbekende": no wish to chat
                    self.groomed = True
                continue
            first_act = min(acts + accused)
            if self._tells_that(span, first_act, found):
                continue  # "a parent wrote in the group chat that I ...": what is told is in the clause after
            agent = next((i for i in span if words[i] in w.agent), None)
            by = [m for m in found if agent is not None and m.at > agent and (m.at <= agent + 3)]
            others = [m for m in found if m not in by]
            if not others and earlier:
                others = [Mention(span[0], span[0], "pronoun", "")]  # "... en word door X beschuldigd": the one before
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
                    # the accuser is the one it was done to, unless the accusation names another after the accused
                    # ("een vader beschuldigt de coach ervan dat die zijn zoon ..."): then the accuser tells it
                    named = any(m.at > accusee.at and self.part[m.at] == self.part[accusee.at]
                                and m.person() not in (accuser.person(), accusee.person())
                                and m.relation not in ("pronoun", "self") for m in self.mentions)
                    if not named:
                        self._role(accuser, "victim")
                    continue
                # the person right before "accused of" ("a leader accused of ..."), else
                # the one of the clause before ("ik ben een man van 40 en word beschuldigd van ...")
                subject = next((m for m in reversed(others) if m.at < first_act), None)
                if subject is None and earlier:
                    subject = Mention(span[0], span[0], "pronoun", "")
                    subject.refers = earlier[-1]
                subject = subject or (others[0] if others else None)
                if subject is not None:
                    self._role(subject, "perpetrator")
                    subject.person().accused = any(words[i] in w.accused for i in accused)
                for m in [*by, *(x for x in others if x is not subject)]:
                    self._role(m, "victim")
                continue
            progressive = any(words[i].endswith("ing") for i in acts)
            # "he has touched her" is active, "she has been touched" is not
            aux = [i for i in span if i < first_act and words[i] in w.active]
            active = bool(aux) and not any(words[j] in w.perfect_passive for j in range(aux[-1] + 1, first_act))
            # "was betast", "betast werd" (a Dutch participle, then its auxiliary); not "who assaulted me is ..."
            passive_word = any(words[i] in w.passive and (i < first_act or i - 1 in acts and participle(words[i - 1]))
                               for i in span)
            passive = not progressive and not active and (bool(by) or passive_word)
            # "meisje verkracht", "kind op de bus geslagen": one person, then a participle
            # but not when an object follows ("a woman recorded our call": a past tense, not a participle)
            # (or a particle, then the asker's: "a guy filmed up my skirt")
            objected = first_act + 1 < len(words) and words[first_act + 1] in w.determiners or any(
                words[j] in w.own for j in span if first_act + 1 < j <= first_act + 2) \
                or first_act in self.together_acts  # (a verb read with words together has its object among them)
            alone = not active and not relative and len({m.person() for m in found}) == 1 and found[0].at < first_act \
                and any(participle(words[i]) for i in acts) and not objected
            if passive or alone:
                if others:  # the one named last before the act ("I suspect a child in my class is abused")
                    self._role(next((m for m in reversed(others) if m.at < first_act), others[0]), "victim")
                for m in by:
                    self._role(m, "perpetrator")
            elif found and found[0].at > first_act and not self._inverted(found, span, first_act,
                                                                          self._after_time(span)):
                self._role(found[0], "victim")  # "mishandelde kinderen": done to the one after the act
            elif found and self._groomed(found, span, acts):
                continue
            elif found and self._made_to(span, found, earlier):
                continue
            elif found and self._obliged(span, found, first_act):
                continue
            elif found:
                doer = self._object_first(found, earlier) or found[0]
                self._role(doer, "perpetrator")
                for m in found[1:] if doer is found[0] else found:
                    if m.person() is not doer.person():
                        self._role(m, "victim")
                        break
        self._bearers()

    def _bearers(self) -> None:
        """The one who said no, who did not want it ("toen ik nee zei", "die ze niet wilde"): the person named last
        before those words in their clause bears the act (`bearers` of a class read from words together)."""
        for at in sorted(self.together_bearers):
            m = next((m for m in reversed(self.mentions) if m.at < at and self.clause[m.at] == self.clause[at]), None)
            if m is not None and m.person().role != "perpetrator":
                self._role(m, "victim")

    def _tells_that(self, span: list[int], act: int, found: list[Mention]) -> bool:
        """The act verb of the clause says what follows ("posted on facebook that ...", "schreef in de groepschat dat
        ..."): the next clause opens with "that", "dat" and no one is named after the verb in this one."""
        words, w = self.words, self.w
        after = span[-1] + 1
        return after < len(words) and words[after] in w.that and len({m.person() for m in found}) <= 1 \
            and not any(m.at > act for m in found)

    def _asks(self, span: list[int]) -> bool:
        """The clause is the asker's question of what to do (`[voice] asking` first: "mag ik ...", "should I ...")."""
        return any(tuple(self.words[span[0]:span[0] + len(p)]) == p for p in self.w.asking)

    def _subject_before(self, c: int) -> Mention | None:
        """The subject of the clause before `c`: its first person who can be one (not whose person another is, nor
        "haar", "him": "dat de buurman elke week langskomt en hem slaat"); a clause with none, only a time or a
        place ("sinds de zomer", "in his forties"), is passed over to the one before it (two at most)."""
        for before in range(c - 1, max(-1, c - 4), -1):
            found = [m for m in self.mentions if self.clause[m.at] == before and not m.possessor]
            subject = next((m.person() for m in found if m.words not in self.w.object_only), None)
            if subject is not None or found:
                return subject
        return None

    def _of_relative(self, c: int) -> Mention | None:
        """The person a relative clause `c` is said of ("een leider die ...", "her boyfriend, who is 30"), if any."""
        start = self.clause.index(c) if c in self.clause else None
        if start is None or self.words[start] not in self.w.relative:
            return None
        return next((m.person() for m in reversed(self.mentions) if m.at < start and m.relation != "pronoun"), None)

    def _joined_on(self, span: list[int], found: list[Mention]) -> bool:
        """"... en betast haar", "and touches her", "en aan haar zit": joined on, an act with no subject before it and
        the one it is done to named ("and shared it" names no one: who did it is for the voice to tell); or a list of
        acts after a comma ("reads her mail, slaps her"), the act first and an object right after it (not "..., slaat
        hij haar": a subject)."""
        words, w = self.words, self.w
        acts = [i for i in span if self.is_act(i)]
        listed = bool(acts) and acts[0] == span[0] > 0 and self.part[span[0]] != self.part[span[0] - 1] \
            and bool(found) and words[found[0].at] in w.object_only
        # ("and kept going", "en ging gewoon door": going on after a no needs no one named, it is the subject's)
        named = bool(found) or bool(acts) and acts[0] in self.together_acts
        # (not a Dutch clause with its verb second: "en elke dag roept een man iets naar mij", the man its subject)
        return bool(acts) and named and (words[span[0]] in w.joined or listed) \
            and not self._inverted(found, span, acts[0]) and all(
            words[m.at] in w.object_only for m in found if m.at < acts[0])

    @staticmethod
    def _inverted(found: list[Mention], span: list[int], verb: int, fronted: bool = False) -> bool:
        """A Dutch main clause with something put first ("na de training raakte de coach een speelster
        aan", or a time clause: "toen ik 9 was, sloeg hij mij"): the verb comes second, then who did it, then
        the one it was done to."""
        return (verb > span[0] or fronted) and len({m.person() for m in found if m.at > verb}) > 1

    def _after_time(self, span: list[int]) -> bool:
        """The clause follows a time clause put first ("toen ik 9 was")."""
        if not span or span[0] == 0:
            return False
        before = self.clause[span[0] - 1]
        start = next(i for i, c in enumerate(self.clause) if c == before)
        return self.words[start] in self.w.time_clause

    def _groomed(self, found: list[Mention], span: list[int], acts: list[int]) -> bool:
        """A minor sending images to an adult, or chatting with an adult stranger for weeks, is the one
        it is done to; True when so read."""
        words, w = self.words, self.w
        if not any(words[i] in w.sharing or words[i] in w.contact for i in acts):
            return False
        to = next((i for i in span if words[i] in w.to and i > acts[0]), None)
        sender = found[0].person()
        receiver = next((m.person() for m in found if to is not None and m.at > to), None)
        grown = receiver is not None and (receiver.age_group == "adult" or receiver.relation == "stranger" or (
            receiver.age is not None and age_group(receiver.age, self.w) == "adult"))
        if receiver is None or not self.minor(sender) or not grown:
            return False
        self._role(found[0], "victim")
        self._role(receiver, "perpetrator")
        return True

    def _made_to(self, span: list[int], found: list[Mention], earlier: list[Mention]) -> bool:
        """"(he) made me touch him", "forced her to ...", "liet me ... aanraken": the one right after a verb of making
        (`[voice] causative`) is the one it is done to; who makes them is the one named before it in the clause, else
        the one of the sentence before ("my uncle, who was 30, used to make me ...")."""
        words, w = self.words, self.w
        at = next((i for i in span if words[i] in w.causative), None)
        made = next((m for m in found if at is not None and m.at == at + 1), None)
        if made is None or at is None:
            return False
        maker = next((m.person() for m in found if m.at < at), None) or next(
            (p for p in reversed(earlier) if p is not made.person() and not p.possessor), None)
        if maker is None or maker is made.person():
            return False  # "I forced myself on her": the one forced upon is named after
        self._role(made, "victim")
        if not maker.role:
            maker.role = "perpetrator"
        return True

    def _object_first(self, found: list[Mention], earlier: list[Mention]) -> Mention | None:
        """The clause names the asker first, as an object ("ene heeft me vastgepakt", "eentje pakte mij vast": "me",
        "mij" are never a subject): who did it is another named in it, else the last one named before (not the
        asker); None when the first is no such object."""
        if found[0].words not in self.w.self_objects:
            return None
        me = found[0].person()
        return next((m for m in found[1:] if m.person() is not me and m.words not in self.w.object_only), None) or next(
            (p for p in reversed(earlier) if p is not me and p.relation != "self" and not p.possessor), None)

    def _obliged(self, span: list[int], found: list[Mention], act: int) -> bool:
        """"ze moest seks hebben met haar huisbaas", "she had to touch him": the subject, made to do the act (`[voice]
        obliged` between them and the act), is the one it is done to; another named in the clause is the one who made
        them. True when so read."""
        subject = found[0]
        between = self.words[subject.end:act]
        # ("de trainer moet stoppen met haar te kussen": what must be done is to stop)
        if not find(between, self.w.obliged) or any(x in self.w.stopping for x in between):
            return False
        self._role(subject, "victim")
        other = next((m for m in found[1:] if m.person() is not subject.person()), None)
        if other is not None:
            self._role(other, "perpetrator")
        return True

    @staticmethod
    def _role(m: Mention, role: str) -> None:
        person = m.person()
        if not person.role:
            person.role = role

    def implied(self) -> list[str]:
        """Topics the story implies: coercion to a sexual act is sexual violence ("dwingt me tot seks",
        "forces me into sex"); a child harmed at home, child abuse; a child chatting with a stranger, grooming."""
        words, w = self.words, self.w
        found: list[str] = []
        at_home = any(x in w.home for i, x in enumerate(words) if i not in self.used)  # not "did not come home"
        if at_home and any(self.minor(m.person()) and m.person().role == "victim" for m in self.mentions):
            found.extend(w.home_topics)  # a child harmed at home: child abuse ("vermoed misbruik thuis")
        if self.groomed or self._adult_contacts_minor():
            found.extend(w.grooming_topics)
        found.extend(self.act_topics())
        if self.now and found:
            found.extend(w.now_topics)  # harm happening today, tonight, now: a crisis
        for topic, objects in w.coerced_into.items():
            if any(words[i] in w.coercion and any(self.clause[j] == self.clause[i] and words[j] in objects
                                                  for j in range(i + 1, len(words))) for i in range(len(words))):
                found.append(topic)
        return found

    def _adult_contacts_minor(self) -> bool:
        """An adult, read as the one who does it, keeps contact with a minor read as the one it is done to ("de
        trainer stuurt haar berichtjes", "her coach keeps texting her"): grooming."""
        w = self.w
        for i in range(len(self.words)):
            if not (self.words[i] in w.contact or self.act_class[i] and w.act_classes[self.act_class[i]]["grooming"]):
                continue
            # the adult is the one who keeps contact: the first named in its clause, not whose person another is,
            # with no subject pronoun after them ("de leraar van mijn dochter stuurt haar ...", "de trainer stuurt
            # een meisje berichtjes"; not "a man she chatted with")
            before = [m for m in self.mentions if m.at < i and self.clause[m.at] == self.clause[i]
                      and not m.possessor and m.words not in w.objects
                      and not any(x in w.possessive_of for x in self.words[max(0, m.at - 2):m.at])]
            others = [m.person() for m in self.mentions if m not in before[:1]]
            doer = before[0].person() if before else None
            subject = any(self.words[j] in w.third and self.words[j] not in w.objects
                          for j in range(before[0].at + 1, i)) if before else False
            # (one in a position of trust: `standing` of their relation; "an adult member" is no such one)
            if doer is not None and not subject and doer.role == "perpetrator" and self._adult(doer) \
                    and w.relation_standing.get(doer.relation) == "perpetrator" and any(
                    p.role == "victim" and self._child(p) for p in others):
                return True
        return False

    def _child(self, p: Mention) -> bool:
        """A minor, or a son or daughter of no age told ("my daughter's coach texts her")."""
        return self.minor(p) or p.relation in self.w.family_children and p.age is None and p.age_group != "adult"

    def act_topics(self) -> list[str]:
        """The topics of the acts named, by class, those for a minor when the one it was done to is one; the sexual
        ones first. A text whose acts are none of them sexual implies no sexual topic; an act negated in its clause
        ("hij heeft haar niet aangeraakt") implies none."""
        w, classes = self.w, self.w.act_classes
        # a sexual act negated in its clause is none ("hij heeft haar niet aangeraakt")
        at = {c: i for i, c in reversed(list(enumerate(self.act_class)))
              if c and not (classes[c]["sexual"] and self._act_negated(i))}
        at.update({c: i for c, i in self._together().items() if c not in at})
        named = [c for c in dict.fromkeys(at) if self.repeated or not classes[c]["when_ongoing"]]
        victims = [m.person() for m in self.mentions if m.person().role == "victim"]
        doers = [m.person() for m in self.mentions if m.person().role == "perpetrator"]
        doer = doers[0] if doers else None
        minor = any(self.minor(p) for p in victims)
        # "his son", "haar dochter" harmed by a parent: a child, when no age says otherwise
        child = any(p.relation in w.family_children and p.age is None and p.age_group != "adult" for p in victims)
        # the sexual first, and of those the ones read from words together (more telling: "touches her breasts")
        named.sort(key=lambda c: (not classes[c]["sexual"], not classes[c]["together"]))
        found: list[str] = []
        minor_doer = False
        for c in named:
            spec = classes[c]
            # who did it: the one read so, or with no one read as such, the first named before the act in its part
            by = doer if doer is not None or spec["state"] else self._first_before(at[c])
            # sex told as plain sex, of a minor with an adult: abuse, whoever the words put first
            with_a_minor = spec["mutual"] and self._minor_with_adult(at[c])
            if by is not None and not with_a_minor and (self.minor(by) or by.relation in w.minor_doer_relations and (
                    by.age is None and by.age_group != "adult")):
                minor_doer = minor_doer or spec["sexual"]
            # a harm state ("bruises", "pregnant") is of the one who bears it, the person named before it; an act
            # with no one read as its victim, of the one named after it ("takes photos of the children")
            bearer = self._bearer(at[c]) if spec["state"] else None if victims else (
                self._object(at[c]) or self._bearer(at[c]))
            family = by is not None and by.relation in w.family_doers  # by a parent figure
            young = with_a_minor or (self.minor(bearer) if bearer is not None else minor or family and child)
            found.extend(t for other, topics in spec["with"].items() if other in named for t in topics)
            if family:
                found.extend(spec["family_topics"])
            found.extend(spec["minor_topics" if young else "topics"])
            # touching that goes on, of an adult or of the asker (also when only their body is named: "keeps touching
            # my bum"), with no minor in the story: harassment
            if self.ongoing and all(self._adult(p) or p.relation == "self" for p in victims) \
                    and not any(self.minor(m.person()) for m in self.mentions):
                found.extend(spec["ongoing_topics"])
        # "our son (13) filmed girls": transgressive behaviour first, and no child abuse
        return [*(w.minor_doer_topics if minor_doer else ()),
                *(t for t in found if not (minor_doer and victims and t in w.minor_doer_not))]

    def _minor_with_adult(self, at: int) -> bool:
        """A minor and an adult (the asker who says they are one too) are both named in the sentence part of word
        `at`."""
        people = {m.person() for m in self.mentions if self.part[m.at] == self.part[at]}
        return any(self.minor(p) for p in people) and any(self._adult(p) for p in people)

    def _first_before(self, at: int) -> Mention | None:
        """The person named first in the sentence part of word `at`, before it: who acts, in a plain clause."""
        m = next((m for m in self.mentions if m.at < at and self.part[m.at] == self.part[at]), None)
        return m.person() if m is not None else None

    def _bearer(self, at: int) -> Mention | None:
        """The one a state is of: the person named last before it in its sentence part, else the first after."""
        same = [m for m in self.mentions if self.part[m.at] == self.part[at]]
        before = [m for m in same if m.at < at]
        m = before[-1] if before else same[0] if same else None
        return m.person() if m is not None else None

    def _adult(self, m: Mention) -> bool:
        age = m.age_then if m.age_then is not None else m.age
        return m.age_group == "adult" if age is None else age_group(age, self.w) == "adult"

    def _object(self, at: int) -> Mention | None:
        """The person named first after word `at` in its sentence part."""
        m = next((m for m in self.mentions if m.at > at and self.part[m.at] == self.part[at]), None)
        return m.person() if m is not None else None

    def named_topics(self) -> list[str]:
        """The topics the text names, a harm named under a negation left out ("geen misbruik", "not abuse")."""
        w = self.w
        return [t for start, _, t in find(self.words, w.topics)
                if not (t in w.abuse_topics and self._act_negated(start))]

    def ordered(self, topics: list[str]) -> list[str]:
        """The harm first (`[topic_order] harm`, in the order given), then what is asked about it: the main topic
        is the first."""
        harm = self.w.harm_order
        unique = list(dict.fromkeys(topics))
        return sorted(unique, key=lambda t: (t not in harm, unique.index(t)))

    def feelings(self) -> Mention | None:
        """The one who has the feelings ("ik heb gevoelens voor kinderen", "she fears her urges"): the person named last
        before the feeling word in its clause; they are the one the question is about, as who might do it."""
        for start, _, need in find(self.words, self.w.needs):
            if need != "feelings":
                continue
            before = [m for m in self.mentions if m.at < start and self.clause[m.at] == self.clause[start]]
            opening = self.clause.index(self.clause[start])
            if not before and self.words[opening] in self.w.joined:
                # "ik ben 45 en heb zulke gevoelens": joined on with no subject, the one of the clause before
                subject = self._subject_before(self.clause[start])
                before = [subject] if subject is not None else []
            if before:
                person = before[-1].person()
                if not person.role and person.relation != "self":
                    person.role = "perpetrator"
                return person
        return None

    def default_victim(self) -> bool:
        """Abuse named and no one said to have done it: a child named is the one it happened to
        ("hulp voor een jongen van 9 na misbruik"), and so is the only "she" ("verkracht ..., ze is 19")."""
        persons = list(dict.fromkeys(m.person() for m in self.mentions if m.relation != "self"))
        if self._abuse() and not any(p.role for p in persons):
            for p in persons:
                if self.minor(p) or len(persons) == 1 and p.relation == "pronoun":
                    p.role = "victim"
                    return True
        return False

