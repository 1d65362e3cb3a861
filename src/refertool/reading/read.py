"""Read a described situation: who did what to whom, who asks, how urgent, what is wanted, where.

"de zwemleraar raakte een meisje van 11 aan; wat doe ik als aanspreekpersoon?" ->
victim: child, 11 · person who did it: trainer · asker: integrity contact · wants: advice.

The reader works on words, clause by clause, with the word lists of data/situation.toml (reading/words.py)
and a lexicon (reading/lexicon.py): persons (reading/persons.py), time (reading/time.py), acts and voice
(reading/acts.py). It guesses the way a quick human reader does, and says what it read (`describe`), so that
a wrong guess is visible in `--explain`.
"""

from __future__ import annotations

from collections.abc import Callable

from .. import places
from ..i18n import t
from ..model import Regions, Vocabulary
from ..text import STOPWORDS
from .acts import Acts
from .lexicon import head
from .model import Person, Situation
from .passage import Mention, age_group
from .persons import Persons
from .time import Time
from .words import find

NEED_NEGATION = 2  # words between a negation and the need it refuses ("wil geen aangifte doen")
HEADING = 6  # words of a short part that heads the text with the asker's role ("Inspecteur federale politie Gent.")


class Reader(Persons, Time, Acts):
    """One method per aspect of the text; `read` runs them in order."""

    def asker(self) -> tuple[str, str, bool]:
        """"als leerkracht", "as a scout leader", "ik ben monitor op kamp", "social worker here"."""
        words, w = self.words, self.w
        private = any(x in w.private for x in words)
        # a role by its person word or its lemma ("leaders" -> leader, "leerkrachten" -> leerkracht)
        norm = [lemma if (x,) not in w.asker_roles and (lemma,) in w.asker_roles else x
                for x, lemma in zip(self.norm, self.lemmas)]
        for start, end, role in find(norm, w.asker_roles):
            # "as her teacher", "als zijn trainer": a determiner may stand between the marker and the role
            gap = 1 if start and words[start - 1] in w.determiners else 0
            # "im a childcare worker", "as a trained nurse", "I'm a special needs teacher": after an article, one
            # or two words of the role's own
            marker = max((len(m) + g for g in {0, gap, 1, 2} for m in w.asker_markers
                          if tuple(words[max(0, start - g - len(m)):start - g]) == m
                          and (g == 0 or g == gap or m[-1] in w.articles)), default=0)
            # "I teach ...", "ik geef les": a role phrase that says who speaks needs no marker
            marked = marker > 0 or words[start] in w.self_words
            after = end < len(words) and words[end] in w.asker_after
            # "politie hier", "Huisarts uit Kortrijk:", "GP at a practice": the role opens the text
            # (in a message with no stops: "GP 15 yo boy seen today", "youth worker a girl told me ...")
            first = start == 0 and (end == len(words) or self.part[end] != self.part[start] or words[end] in w.asker_at
                                    or words[end] in w.articles or words[end][:1].isdigit())
            if not (marked or after or first or self._heading(start, end)):
                continue
            # The asker's phrase runs on to the end of its clause ("als monitor bij het speelplein").
            stop = end + 1 if after else end  # ("politie hier": the phrase ends with its "hier")
            while not after and stop < len(words) and self.clause[stop] == self.clause[start] and stop - end < 5 \
                    and words[stop] not in w.self_words and words[stop] not in w.frames:
                stop += 1
            self.asker_span = (start - marker, stop)
            sector = next((s for _, _, s in find(words[start:stop], w.sectors)), "")
            return role, sector, not private
        if words and words[0] in w.opening and self.harm_told():
            return "parent", "", False  # "dochter van 9 gepest op school": a message that opens with a child of theirs
        for i in range(1, len(words)):  # "mijn dochter", "my 15-year-old son": a parent asks
            if (words[i] in w.children or self.lemmas[i] in w.children) and self._owner_before(i):
                return "parent", "", False
            # "my 14-year-old", "onze 9-jarige": an age of the asker's own with no person word after it
            if words[i - 1] in w.own and words[i].isdigit() and words[i + 1:i + 2] in (["jarige"], ["year"], ["yo"],
                                                                                       ["yr"], ["jaar"]) \
                    and not any((self.norm[j],) in w.relations for j in range(i + 1, min(len(words), i + 4))):
                return "parent", "", False
        for i, word in enumerate(words):  # "de coach van onze turnkring": the asker is of that setting
            if word in w.insider:
                sector = next((s for _, _, s in find(words[i + 1:i + 4], w.sectors)), "")
                if sector:
                    return "", sector, not private
        for i in range(len(words) - 1):  # the asker says where they work: their sector is the setting
            if words[i] in w.self_words and words[i + 1] in w.work:
                stop = min(len(words), i + 8)
                sector = next((s for _, _, s in find(words[i:stop], w.sectors)), "")
                self.asker_span = (i, i + 2) if not sector else (i, stop)
                return "professional", sector, not private
        return "", "", False

    def _heading(self, start: int, end: int) -> bool:
        """The role heads the text as a short part of its own ("Inspecteur federale politie Gent.", "School nurse.",
        "dringend: vertrouwenspersoon van de turnkring.", "Jeugdconsulent:"): one of the first two parts, with at most
        one word before the role (not an article or a possessive: "de zwemtrainer ...") and no act in it."""
        words, w, part = self.words, self.w, self.part
        span = [i for i in range(len(words)) if part[i] == part[start]]
        before = words[span[0]:start]
        return part[start] - part[0] <= 1 and len(span) <= HEADING and len(before) <= 1 and span[-1] + 1 < len(words) \
            and not any(x in w.determiners or x in w.self_words or x in w.own or x in w.negation for x in before) \
            and not any(self.is_act(i) or words[i] in w.self_words for i in span)

    def wishes(self) -> tuple[list[str], list[str], list[str]]:
        wanted: list[str] = []
        avoided: list[str] = []
        avoid: list[str] = []
        for start, end, channel in find(self.words, self.w.channels):
            # a wish needs its frame ("durft niet te bellen", "liever chatten", "can't call"); a channel
            # in the story ("ze chatte met ...", "he keeps calling me") is no wish, and not searched
            if not self._framed(start):
                self.story.update(self.words[start:end])
                continue
            negated = self._negated(start) and self._framed(start)
            (avoided if negated else wanted).append(channel)
            if negated:
                self.refused.update(self.words[start:end])
        for start, end, what in find(self.words, self.w.avoid):
            if self._negated(start):
                avoid.append(what)
                self.refused.update(self.words[start:end])  # "wil geen aangifte doen": not to search for
        return (list(dict.fromkeys(c for c in wanted if c not in avoided)), list(dict.fromkeys(avoided)),
                list(dict.fromkeys(avoid)))

    def _framed(self, at: int) -> bool:
        return any(self.words[j] in self.w.wish or self.words[j] in self.w.negation
                   for j in range(max(0, at - self.w.reach), at) if self.clause[j] == self.clause[at])

    def needs(self, avoid: list[str]) -> list[str]:
        w = self.w
        # "geen klacht", "niet melden": a need is refused only by a word right before it. The asker's
        # phrase is left out, so that a question framed by the asker's role ("als juf: wat nu?") still asks
        # what to do.
        lo, hi = self.asker_span
        at = [i for i in range(len(self.words)) if not lo <= i < hi]
        needs = []
        for start, end, need in find([self.words[i] for i in at], w.needs):
            if any(self.words[j] in w.moods for j in at[end:end + 2]):
                self.story.update(self.words[at[start]:at[end - 1] + 1])  # "can't stop crying": a feeling
            elif not self._negated(at[start], NEED_NEGATION):
                needs.append(need)
        helped: Mention | None = None
        for _, end, _ in find(self.words, w.help_before_person):
            helped = next((m.person() for m in self.mentions if end <= m.at <= end + 2), None)
            if helped is not None:
                break
        for start, end, _ in find(self.words, w.help_for_other) if helped is None else ():
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
        if helped is None and find(self.words, w.help_for_self):
            helped = next((m.person() for m in self.mentions if m.relation == "self"), None)
        if helped is not None and helped.role in ("perpetrator", "victim"):
            needs.append("help-" + ("perpetrator" if helped.role == "perpetrator" else "victim"))
        topics_named = {t for _, _, t in find(self.words, w.topics)}
        if "feelings" in needs and not topics_named & set(w.need_topics.get("feelings", ())) and not any(
                self.minor(m) for m in self.mentions):
            needs.remove("feelings")  # feelings about children, not feelings in general
        if "report" in needs and (avoid or "duty-to-report" in needs):
            needs.remove("report")  # asking whether one must report asks about the duty
        return list(dict.fromkeys(needs))

    def _story_first(self) -> Mention | None:
        return next((m.person() for m in self.mentions if m.relation not in ("self", "pronoun")), None)

    def places(self) -> tuple[list[str], list[str]]:
        areas: list[str] = []
        towns: list[str] = []
        for i in range(len(self.words)):
            area = places.postcode(self.words, i, self.regions, self.known)
            if area:
                areas.append(area)
        for start, end, (area, town) in find(self.words, places.table(self.regions)):
            if end - start == 1 and (self.words[start] in self.w.known or self.words[start] in STOPWORDS):
                continue  # "as" is a town in Limburg, and a word
            areas.append(area)
            if town:
                towns.append(town)
        return list(dict.fromkeys(areas)), list(dict.fromkeys(towns))

    def read(self) -> Situation:
        asker_role, asker_sector, in_role = self.asker()
        setting = (asker_role, asker_sector)  # as the asker introduced themself, before the story may recast them
        in_job = bool(asker_role) and asker_role not in ("victim", "perpetrator", "bystander") \
            and not self.w.private_askers.get(asker_role)  # "ik geef les", "as a nurse": the asker speaks in their job
        survivor = self.survivor()
        self.people()
        self.ages()
        self.place_ages()
        self.younger_ages()
        self.roles()
        me = next((m.person() for m in self.mentions if m.relation == "self"), None)
        told_of = any(m.person().role == "victim" for m in self.mentions if m.person() is not me)
        if survivor and me is not None and not me.role and not told_of:
            me.role = "victim"  # (not when the asker is told of another's childhood: the other bears it)
            self.survived = me  # not read from the acts: who did it is still for the relations to tell
        if survivor and me is not None and me.role == "victim" and me.age is None and me.age_then is None \
                and not me.age_group and find(self.words, self.w.childhood):
            me.age_group = "adult"  # who tells of their own childhood tells it grown up ("years ago" alone: any age)
        if me is not None and not me.role and self._own_harmed():
            me.role = "victim"  # "iemand verspreidt mijn naaktfoto's", "he keeps touching my back"
        for stopping in self._want_to_stop():
            stopping.role = stopping.role or "perpetrator"  # "I want to stop", "he wants to stop"
        defaulted = self.default_victim()
        urgency = self.urgency()
        wanted, avoided, avoid = self.wishes()
        needs = self.needs(avoid)
        feeling = self.feelings() if "feelings" in needs else None
        if feeling is not None and me is feeling and not me.role:
            me.role = "perpetrator"  # "ik heb gevoelens voor kinderen": the asker has them
        guessed = self.assume_roles(asker_role, needs, defaulted)  # harm told, roles not: by the relations
        me = next((m.person() for m in self.mentions if m.relation == "self"), None)  # perhaps the asker unnamed
        if asker_role == "parent" and self._about_own_other():
            asker_role = "bystander"  # "my husband confessed ...; can I leave him with our son?": not about the child
        if me is None and not asker_role and self._own_harmed():
            asker_role = "victim"  # "a woman taped our video call": done to what is the asker's own
        if me is not None and me.role in ("victim", "perpetrator"):
            asker_role, in_role = me.role, False  # the asker speaks for themself
        elif me is not None and not asker_role:
            asker_role = "bystander"  # "ik vermoed dat mijn collega ...": someone who saw or heard it
        if "help-perpetrator" in needs:
            in_role = False  # help for the one who did it: the asker's own organisation is not the answer
        areas, towns = self.places()
        topics = self.ordered(self.named_topics())
        seen: list[Mention] = []
        for m in self.mentions:
            p = m.person()
            if p not in seen and (p.relation not in ("self", "pronoun") or p.role or p.age is not None):
                seen.append(p)  # the asker too, once they have a role or an age ("ik ben 13")
        spent = {self.words[i] for i in self.used} - self.w.facet_words
        spent |= {x for x in self.words if x in self.w.frames} | self.refused | self.story | self.pieces  # even facets
        implied = self.implied() + [t for need in needs if need == "feelings" for t in self.w.need_topics.get(need, ())]
        implied = self.ordered([t for t in implied if t not in topics])  # named already
        asker = self._coarse(asker_role, asker_sector if in_role else "", me)
        guessed += self._abuse_material([*topics, *implied], seen)
        self._adult_by_the_other(seen, in_job or asker == "professional")
        self._minor_by_setting(seen, *setting)
        people = tuple(self._person(m) for m in seen)
        assumed = [*(["asker"] if asker in ("", "bystander") and asker_role in ("", "bystander") else []),
                   *(["victim"] if defaulted else []), *guessed, *(["urgency"] if not urgency else [])]
        assumed += [f"{person.role}.age_group" for person in people if person.role and person.age is None]
        if any(p.role == "victim" for p in people) and not any(p.role == "perpetrator" for p in people):
            assumed.append("perpetrator")  # who did it cannot be told
        return Situation(people, asker_role, asker_sector if in_role else "", urgency,
                         tuple(needs), tuple(wanted), tuple(avoided), tuple(avoid), tuple(areas),
                         tuple(dict.fromkeys(topics)), tuple(towns), in_role and bool(asker_sector),
                         any(x in self.w.home for x in self.words), tuple(dict.fromkeys(implied)),
                         read_words=frozenset(spent | set(self.words[slice(*self.asker_span)])), asker=asker,
                         ongoing=self.ongoing, assumed=tuple(dict.fromkeys(assumed)))

    def _serves(self) -> bool:
        """The asker works with the people of the story: "mijn leerling", "my client", "een van onze animatoren",
        or one of those who tells them ("een leerlinge vertelde me")."""
        words, w = self.words, self.w
        for m in self.mentions:
            if len(m.words.split()) > 1 and m.words.split()[0] in w.fellow and m.relation in w.staff:
                return True  # "een collega leerkracht", "a colleague nurse": the asker shares the job
            if m.relation in w.served and (m.own or m.at > 0 and words[m.at - 1] in w.insider or any(
                    words[j] in w.telling for j in range(m.end, min(len(words), m.end + 3)))):
                return True
            if m.relation in w.staff and any(words[j] in w.insider for j in range(max(0, m.at - 3), m.end + 3)
                                             if j < len(words)):
                return True  # "een van onze animatoren", "a colleague at our school"
            if self._many(m) and any(words[j] in w.telling and self._to_me(j + 1)
                                     for j in range(m.end, min(len(words), m.end + 3))):
                return True  # "ouders vertellen me", "several nurses told me": one whom people come to tell
        for i in range(len(words) - 1):  # "in onze jeugdwerking", "at our centre": a setting of theirs
            if words[i] in w.insider and any(self.lemmas[j] in w.settings or head(words[j], w.settings)
                                             for j in range(i + 1, min(len(words), i + 4))):
                return True
        return False

    def _to_me(self, at: int) -> bool:
        """The asker as the one told, at `at`: "(told) me", "(say) to me", "(zeiden) aan mij"."""
        words, w = self.words, self.w
        if at < len(words) and words[at] in w.to:
            at += 1
        return at < len(words) and words[at] in w.self_objects

    def _own_harmed(self) -> bool:
        """The act is done to something of the asker's own (their images, their body): "mijn naaktfoto's"."""
        words, w = self.words, self.w
        mine = any(words[i] in w.own and (self.act_class[i + 1] or words[i + 1] in w.body or self.lemmas[i + 1]
                                          in w.body) for i in range(len(words) - 1))
        # "opnames van mij", "pictures of me": an act's noun, then of the asker (or of "us", the asker and another:
        # "a video of us", not "pictures of our son")
        persons = {m.at for m in self.mentions}
        of_me = any(words[i + 1] in w.possessive_of and (
            self.act_noun[i] and words[i + 2] in w.self_words
            or words[i + 2] in w.us and i + 3 not in persons and words[i] not in w.determiners and i not in persons)
                    for i in range(len(words) - 2))
        # "recorded our video call", "deelde mijn foto's": an act done to a thing of the asker's (no person of theirs)
        # (not "groping our 6 year old son": a person of theirs, past an age)
        done_to_mine = any(self.is_act(i) and words[i + 1] in w.own and not persons & set(range(i + 2, i + 7))
                           for i in range(len(words) - 1))
        return (mine or of_me) and any(self.is_act(i) or self.act_noun[i] for i in range(len(words))) or done_to_mine

    def _adult_by_the_other(self, seen: list[Mention], in_role: bool = False) -> None:
        """Done by a partner or a colleague (`[ages] adult_with`): the one it was done to is an adult too."""
        doer = next((p for p in seen if p.role == "perpetrator"), None)
        victim = next((p for p in seen if p.role == "victim"), None)
        # "her husband", "my colleague": of the one it was done to; "a man" alone is no one's partner, but
        # "a colleague" of an asker it was done to is theirs
        # ("een cliënt ... die een collega van mij slaat": the asker's colleague, no one's of the client; "a man", "the
        # bouncer" is no one's partner or colleague, but "a colleague" of an asker it was done to is theirs)
        mine = doer is not None and doer.own
        to_me = victim is not None and victim.relation == "self" and doer is not None and (
            mine or doer.words.split()[0] in self.w.fellow)
        if doer is not None and doer.relation in self.w.adult_with and (self._possessed(doer) and not mine or to_me):
            for p in seen:  # (not "our daughter": a child of theirs is of no age told)
                if p.role == "victim" and not p.age_group and p.age is None and p.age_then is None \
                        and not self._child_word(p):
                    p.age_group = "adult"
        # whose children are named ("de kinderen van de buren", "the neighbour's kids", "ik sloeg mijn zoon") are adults
        for p in seen:
            if p.relation == "self" and not self._group(p) and (any(
                    m.own and self._child_word(m) for m in self.mentions) or self._own_work() or in_role):
                # a parent, or one who speaks of their work ("op mijn werk", "at my work") or in their job
                p.age_group = "adult"
            elif p.own and not self._group(p) and not self._child_word(p) and any(
                    m.own and self._child_word(m) and m.at and self.words[m.at - 1] in self.w.shared
                    for m in self.mentions):
                p.age_group = "adult"  # "my ex has taken our daughter": one who has a child with the asker
            elif p.possessor and not self._group(p) and any(
                    x is not p and abs(x.at - p.at) <= 3 and (self._child_word(x) or self.minor(x)) for x in seen):
                p.age_group = "adult"
        # "in my first year at university", "toen ik nog op kot was": the asker in a place of adults' study was an
        # adult then
        studied = {self.clause[j] for j, x in enumerate(self.words) if x in self.w.adult_study}
        for p in seen:
            if p.relation == "self" and not self._group(p) and any(
                    self.clause[m.at] in studied for m in self.mentions if m.person() is p):
                p.age_group = "adult"
        # "a man from my former work", "iemand van mijn werk": one of the asker's work is an adult
        for p in seen:
            if p.relation != "self" and not self._group(p) and self._of_my_work(p):
                p.age_group = "adult"
        # One served in a setting for adults (`[ages] adult_places`: "een voorziening voor volwassenen", "a care home")
        if any(x in self.w.adult_places or self.lemmas[i] in self.w.adult_places for i, x in enumerate(self.words)):
            for p in seen:
                if p.relation in self.w.served and not self._group(p):
                    p.age_group = "adult"
        # Peers of one word ("een medebewoner", "a teammate", "classmates") share the age group of the other, when
        # only one is told: a fellow resident of a home for adults is an adult, of a class a pupil.
        if doer is not None and victim is not None and doer.relation == victim.relation:
            for one, other in ((doer, victim), (victim, doer)):
                if not self._group(one) and self._group(other):
                    one.age_group = self._group(other)
        # Nothing else is guessed: the asker of no age told, "a boy", "a girl", "my ex" keep their age group open
        # (the text gives no way to tell it; the plan gives help for either age).
        # Done to an adult by a brother, a cousin of no age told (`[ages] peers`): an adult too
        if doer is not None and victim is not None and not self._group(doer) and self._group(victim) == "adult" \
                and doer.relation in self.w.peers:
            doer.age_group = "adult"

    def _minor_by_setting(self, seen: list[Mention], role: str, sector: str) -> None:
        """The asker works in a setting of children (`[minor_settings]`: "juf in het lager", a youth leader, a school
        named): the one it was done to, of a dependent standing (a daughter, a pupil, a girl) and no age told, is a
        minor (assumed)."""
        w = self.w
        named = {s for _, _, s in find(self.words, w.sectors)}
        if not (role in w.minor_setting_roles or {sector, *named} & w.minor_settings):
            return
        for p in seen:
            if p.role == "victim" and not self._group(p) and w.relation_standing.get(p.relation) == "victim":
                p.age_group = "minor"

    def _abuse_material(self, topics: list[str], seen: list[Mention]) -> list[str]:
        """Images of abused children found (`[voice] material_topics`) on someone's device ("op de tablet van haar
        vader", "on my husband's computer"), when no one is read to have done it: the one whose device it is
        (assumed)."""
        if not set(topics) & self.w.material_topics or any(p.role == "perpetrator" for p in seen):
            return []
        owner = self._device_owner()
        if owner is None or owner.role:
            return []
        owner.role = "perpetrator"
        if owner not in seen:
            seen.append(owner)
        return ["perpetrator"]

    def _device_owner(self) -> Mention | None:
        """Whose device it is (`[voice] devices`): "de laptop van X", "X's phone", "zijn gsm" (the last one named)."""
        words, w = self.words, self.w
        for i, word in enumerate(words):
            if word not in w.devices and self.lemmas[i] not in w.devices:
                continue
            after = next((m for m in self.mentions if i + 1 < m.at <= i + 3 and words[i + 1] in w.possessive_of
                          and m.relation != "self"), None)
            before = next((m for m in self.mentions if m.end == i and words[m.end - 1] in self.possessive), None)
            found = after or before
            if found is not None:
                return found.person()
        return None

    def _about_own_other(self) -> bool:
        """The asker's own child is named but is no party to it, while another of the asker's own (a partner, a
        brother) is: the asker asks as a partner or relative, not as a parent."""
        own = [m.person() for m in self.mentions if m.own]
        return not any(p.role for p in own if self._child_word(p)) and any(
            p.role for p in own if not self._child_word(p))

    def _want_to_stop(self) -> list[Mention]:
        """Who says they want to stop (`[asker] stop`: "ik wil stoppen", "I want to stop", "he wants to quit")
        in a text that tells of harm: what is to stop is what they do. The asker or a pronoun (not an object: "naar
        beelden van kinderen ... wil stoppen") before it in its clause, or inside it ("help me stop"), when no role is
        read for them yet."""
        if not self.harm_told():
            return []
        out = []
        for start, end, _ in find(self.words, self.w.stop):
            def speaker(m: Mention) -> bool:
                return m.relation == "self" or m.relation == "pronoun" and m.words not in self.w.objects

            clause = self.clause[start]
            near = [m for m in self.mentions if self.clause[m.at] == clause and speaker(m)
                    and (m.at < start or start < m.at < end)]
            if not any(self.clause[m.at] == clause and m.at < start for m in self.mentions):
                # "ben 45 en ... wil stoppen": a clause joined on with no one named has the one of the clause before
                near = near or [m for m in self.mentions if self.clause[m.at] == clause - 1 and speaker(m)]
            if near and not near[-1].person().role:
                out.append(near[-1].person())
        return out

    def _of_my_work(self, m: Mention) -> bool:
        """The person is named as one of the asker's work: "van mijn werk", "from my old job"."""
        words, w = self.words, self.w
        at = m.end
        if at + 2 >= len(words) or words[at] not in w.place_of or words[at + 1] not in w.own:
            return False
        return words[at + 2] in w.work or at + 3 < len(words) and words[at + 3] in w.work

    def _own_work(self) -> bool:
        words = self.words
        return any(words[i] in self.w.own and words[i + 1] in self.w.work for i in range(len(words) - 1))

    def _child_word(self, m: Mention) -> bool:
        at = m.end - 1
        # (or one named by an age alone: "our 4-year-old")
        return self.words[at] in self.w.children or self.lemmas[at] in self.w.children or (
            not m.relation and self.minor(m))

    def _group(self, m: Mention) -> str:
        age = m.age if m.age is not None else m.age_then
        return age_group(age, self.w) if age is not None else m.age_group

    def _possessed(self, m: Mention) -> bool:
        """The person word follows a possessive ("mijn man", "her colleague")."""
        before = self.words[m.at - 1] if m.at > 0 else ""
        return bool(m.own) or before in self.w.own or before in self.w.third or before in self.possessive

    def _coarse(self, role: str, sector: str, me: Mention | None) -> str:
        """The asker, coarsely: as themself (victim, perpetrator), a private person close to it (parent, bystander:
        by the asker roles of data/situation.toml), else anyone in a role or a setting of their own (professional)."""
        if role in ("victim", "perpetrator"):
            return role
        private = self.w.private_askers.get(role)
        if private:
            return private
        if role and role != "bystander" or sector or self._serves():
            return "professional"
        # "I", or "mijn zus", "my neighbour": someone close to it who is not the one it is about
        return "bystander" if me is not None or any(m.own for m in self.mentions) else ""

    def _person(self, m: Mention) -> Person:
        # The age group now when the text tells the age now ("ik ben nu 34; toen ik 9 was ..."): the help is for
        # who they are today; else the group at the time it happened.
        group = m.age_group
        age = m.age if m.age is not None else m.age_then
        if age is not None:
            group = age_group(age, self.w)
        return Person(m.role, m.age, group, m.relation, m.words, m.accused, m.own, m.age_then)


def read(text: str, vocab: Vocabulary, regions: Regions, known: Callable[[str], bool] | None = None) -> Situation:
    """What a described situation says, as plain data. `known` tells a real word of the data (never a typo)."""
    return Reader(text, vocab, regions, known).read()



def describe(situation: Situation, lang: str) -> str:
    """One line: "victim: athlete, 14 · person who did it: trainer (adult) · asker: integrity-contact, sport"."""
    lang = lang if lang in ("nl", "en") else "en"

    def label(key: str) -> str:
        return t("read_" + key.replace(" ", "_"), lang)

    parts = []
    for p in situation.people:
        if not p.role:
            continue
        who = label("self") if p.relation == "self" else p.words
        age = str(p.age) if p.age is not None else f"({label(p.age_group)})" if p.age_group else ""
        # a person known only by an age (--age 12): "victim: 12", not "victim: , 12"
        parts.append(f"{label(p.role)}: " + (f"{who}, {age}" if who and p.age is not None else
                                              f"{who} {age}" if who and age else who or age))
    if situation.asker_role or situation.asker_sector:
        parts.append(f"{label('asker')}: " + ", ".join(x for x in (situation.asker_role, situation.asker_sector) if x))
    if situation.urgency:
        parts.append(f"{label('urgency')}: {label(situation.urgency)}")
    if situation.needs:
        parts.append(f"{label('wants')}: {', '.join(situation.needs)}")
    if situation.channels_wanted:
        parts.append(f"{label('via')}: {', '.join(situation.channels_wanted)}")
    if situation.channels_avoided or situation.avoid:
        parts.append(f"{label('not via')}: {', '.join((*situation.channels_avoided, *situation.avoid))}")
    if situation.places:
        parts.append(f"{label('place')}: {', '.join((*situation.municipalities, *situation.places))}")
    return " · ".join(parts)
