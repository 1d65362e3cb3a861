"""A situation -> a referral plan: the services of the directory in the steps a case needs.

The steps follow the guide's own order (advice -> reporting -> help -> helplines -> the
sector's support): Now, Advice for you, Report, Help for the person affected, Help for the
person who did it, Later. Which service goes where is read from its data (kind, roles,
topics, audiences, ages, sectors, emergency rank, locations), never from a list of ids,
so a service added to the directory finds its place in the plan by itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import NamedTuple

from .catalog import Catalog
from .fit import nearness, service_ages
from .i18n import t
from .model import Service, Vocabulary
from .ranking import search
from .situation import Person, Situation, describe, words_of

SECTIONS = ("now", "advice", "report", "help-victim", "help-perpetrator", "later")

# What happened: a service for any of these fits a case about any of them.
HARM = frozenset({"sexual-violence", "sexual-abuse", "child-abuse", "violence", "transgressive-behaviour"})
# Sexual violence in the narrow sense, what a care centre after sexual violence is for.
SEXUAL = frozenset({"sexual-violence", "sexual-abuse"})
# Topics a service is *about*: it belongs in a plan only when the situation names the topic
# (Lumi for gender and sexual diversity, IGVM for sexual images, Stop it Now for paedophilic
# feelings, tZitemzo/SAM for secrecy, Moderator for mediation...).
SPECIFIC = frozenset({"gender-diversity", "image-abuse", "child-sexual-abuse-material", "discrimination",
                      "harassment", "paedophilic-feelings", "confidentiality", "mediation", "integrity"})
# Help for a person: general support fits every case, whatever the topic.
SUPPORT = frozenset({"emotional-support", "mental-health"})
# Kinds of service one calls for advice or help (not a number for emergencies, not an authority
# or a reporting point, not a hospital).
HELPING_KINDS = frozenset({"organisation", "network", "helpline", "chat", "directory", "self-help"})
ABOUT_SELF = ("victim", "perpetrator")  # asker roles that ask for themselves
BYSTANDERS = frozenset({"parent", "bystander"})  # asker roles (data/situation.toml) of people close to it
IMAGES = frozenset({"image-abuse", "child-sexual-abuse-material"})

# A rule of a step: which services it admits, and the one line saying why one is there.
Rule = tuple[Callable[[Service], bool], Callable[[Service], str]]


@dataclass(frozen=True)
class Given:
    """What the user stated with options or answered when asked; it completes and overrides the text."""

    age: int | None = None  # of the person affected (of the person who did it when no one affected is named)
    role: str = ""  # who asks: a `roles` id (professional, bystander, victim, perpetrator)
    sectors: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entry:
    service: Service
    why: str


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Plan:
    situation: Situation
    described: str  # the situation as read, one line
    assumptions: tuple[str, ...]
    sections: tuple[Section, ...]


# ---------------------------------------------------------------- the situation, completed
def age_group(age: int) -> str:
    return "minor" if age < 18 else "adult"


def complete(situation: Situation, given: Given) -> Situation:
    """The situation with what the user stated laid over what the text said."""
    people = list(situation.people)
    group = age_group(given.age) if given.age is not None else (
        "minor" if "minors" in given.audiences else "adult" if "adults" in given.audiences else "")
    if group:
        role = _main_role(situation, given.role)
        at = next((i for i, p in enumerate(people) if p.role == role), None)
        if at is None:
            people.append(Person(role, given.age, group, "", ""))
        else:
            people[at] = replace(people[at], age=given.age if given.age is not None else people[at].age,
                                 age_group=group)
    return replace(
        situation, people=tuple(people),
        asker_role=given.role or situation.asker_role,
        asker_sector=given.sectors[0] if given.sectors else situation.asker_sector,
        places=tuple(dict.fromkeys((*given.regions, *situation.places))),
        topics=tuple(dict.fromkeys((*situation.topics, *given.topics))),
    )


def _main_role(situation: Situation, asker_role: str = "") -> str:
    """Whom an age given on its own is about: the person affected, unless the situation is only
    about someone who did it or has sexual feelings for children."""
    if situation.victim() is None and (situation.perpetrator() is not None or _feelings(situation)
                                       or (asker_role or situation.asker_role) == "perpetrator"):
        return "perpetrator"
    return "victim"


def _feelings(s: Situation) -> bool:
    return "feelings" in s.needs or "paedophilic-feelings" in s.topics


def missing(situation: Situation) -> list[str]:
    """What a question to the user would settle: "age" of the main person, "role" of the asker."""
    if not (_act(situation) or _feelings(situation)):
        return []  # nothing to plan: nothing worth a question
    out = []
    person = situation.victim() if _main_role(situation) == "victim" else situation.perpetrator()
    if not (person and (person.age is not None or person.age_group)):
        out.append("age")
    if not situation.asker_role:
        out.append("role")
    return out


def _act(s: Situation) -> bool:
    """Something happened to someone (not only feelings or a worry about oneself)."""
    return bool(s.victim() or s.perpetrator() or (HARM | IMAGES) & set(s.topics)
                or {"report", "help-victim", "duty-to-report"} & set(s.needs))


# ---------------------------------------------------------------- who is who
@dataclass(frozen=True)
class Who:
    """A person as the plan sees them: the audiences they belong to and their age, if known."""

    audiences: frozenset[str]
    age: int | None
    vocab: Vocabulary

    def fits(self, s: Service, audience: bool = True) -> bool:
        if self.age is not None:
            span = service_ages(s, self.vocab)
            if span and not span[0] <= self.age <= span[1]:
                return False
        return not audience or not s.audiences or bool(self.audiences & set(s.audiences))

    def names(self, s: Service) -> bool:
        """The service names this person's audience itself (not merely open to all)."""
        return bool(self.audiences & set(s.audiences))


def _who(person: Person | None, group: str, extra: Iterable[str], vocab: Vocabulary) -> Who:
    age = person.age if person else None
    spans = vocab.age_spans()
    if age is not None:
        audiences = {a for a, (lo, hi) in spans.items() if lo <= age <= hi}
    elif group == "minor":
        audiences = {"minors"}
    elif group == "adult":
        audiences = {"adults", "young-adults"}
    else:
        audiences = set(spans)
    return Who(frozenset(audiences | set(extra)), age, vocab)


def asker_kind(situation: Situation) -> str:
    """The asker as a `roles` id: victim or perpetrator (for themselves), bystander (a parent, a
    relative) or professional (a teacher, a trainer, a volunteer...); "" when not said."""
    role = situation.asker_role
    if role in ("victim", "perpetrator", "bystander", "professional", ""):
        return role
    return "bystander" if role in BYSTANDERS else "professional"


# ---------------------------------------------------------------- the plan
class _Builder:
    def __init__(self, catalog: Catalog, situation: Situation, given: Given, text: str, lang: str):
        self.catalog, self.situation, self.lang = catalog, situation, lang
        self.assumptions: list[str] = []
        self.placed: set[str] = set()
        s = situation
        self.topics = set(s.topics)
        self.feelings_only = _feelings(s) and s.victim() is None
        self.act = _act(s) and not self.feelings_only
        self.asker = asker_kind(s)
        named = _named_in_text(catalog, text)
        self.order = named.order
        extra = [a for a in (*given.audiences, *named.audiences) if a not in catalog.vocabulary.age_spans()]
        victim, perpetrator = s.victim(), s.perpetrator()
        self.victim_group = _group(victim)
        if self.act and not self.victim_group and s.urgency == "past":
            self.victim_group = "adult"  # "als kind misbruikt", years ago: an adult now
            self.assumptions.append(t("assume_adult_now", lang))
        elif self.act and not self.victim_group and self.asker == "victim":
            # someone asking for themself ("ik ben net verkracht"): no age said, so help for every age
            self.assumptions.append(t("assume_victim_any_age", lang))
        elif self.act and not self.victim_group:
            self.victim_group = "minor"
            self.assumptions.append(t("assume_minor", lang))
        self.victim = _who(victim, self.victim_group, extra, catalog.vocabulary)
        self.perpetrator_group = _group(perpetrator)
        self.perpetrator = _who(perpetrator, self.perpetrator_group, [], catalog.vocabulary)
        if (perpetrator or self.asker == "perpetrator" or self.feelings_only) and not self.perpetrator_group:
            self.assumptions.append(t("assume_perpetrator_any_age", lang))
        if not self.asker:
            self.asker = "professional"
            self.assumptions.append(t("assume_professional", lang))
        if self.victim_group == "minor" and "image-abuse" in self.topics:
            # sexual images of a minor are child sexual abuse material in law (Child Focus takes them)
            self.topics.add("child-sexual-abuse-material")
        # the asker's own sector, else the setting the text names ("bij de scouts", "onze voorziening")
        self.sector = s.asker_sector or next(iter(named.sectors), "")

    # -- what fits
    def named(self, s: Service) -> bool:
        """A service about a specific topic fits only when the situation names one of its specific topics."""
        special = SPECIFIC & set(s.topics)
        return not special or bool(special & self.topics)

    def in_sector(self, s: Service) -> bool:
        """A sector's service belongs to that sector's cases only; a general one to every case."""
        return not s.sectors or self.sector in s.sectors

    def serves(self, s: Service) -> bool:
        """The service's area covers the place of the situation (any place when none is known)."""
        regions = self.catalog.regions
        return not self.situation.places or any(
            area in regions.ancestors(place) or place in regions.ancestors(area)
            for place in self.situation.places for area in s.regions)

    def pick(self, rules: list[Rule]) -> list[Entry]:
        """Every service that a rule admits and no earlier step holds, with that rule's reason."""
        entries: list[tuple[tuple, Entry]] = []
        for n, (rule, why) in enumerate(rules):
            for s in self.catalog:
                if s.id in self.placed or not (rule(s) and (self.serves(s) or _care_centre(s))):
                    continue
                self.placed.add(s.id)
                entries.append((self._key(n, s), Entry(s, self._why(why(s), s))))
        return [e for _, e in sorted(entries, key=lambda pair: pair[0])]

    def _key(self, rule: int, s: Service) -> tuple:
        channels = set(s.channels)
        wanted = bool(channels & set(self.situation.channels_wanted))
        only_avoided = bool(channels) and channels <= set(self.situation.channels_avoided)
        return (rule, only_avoided, not wanted, s.emergency or 999, not self.victim.names(s),
                self.order.get(s.id, len(self.order)), s.name.lower())

    def _why(self, reason: str, s: Service) -> str:
        lang = self.lang
        facts = [t(flag, lang) for flag in ("free", "anonymous") if getattr(s, flag)]
        if s.always_reachable:
            facts.append(t("always_open", lang))
        if s.age_min is not None and s.age_max is not None:
            facts.append(t("plan_ages", lang, s.age_min, s.age_max))
        elif s.age_max is not None:
            facts.append(t("plan_ages_to", lang, s.age_max))
        elif s.age_min is not None:
            facts.append(t("plan_ages_from", lang, s.age_min))
        regions = self.catalog.regions
        if regions.breadth(s.regions) < regions.breadth(("flanders",)) and not _care_centre(s):
            facts.append(t("plan_only_in", lang, ", ".join(
                regions.areas[a].label(lang) for a in s.regions if a in regions.areas)))
        reason = reason.rstrip(".")
        return f"{reason} ({'; '.join(facts)})" if facts else reason

    def say(self, key: str, *args: object) -> Callable[[Service], str]:
        return lambda s: t(key, self.lang, *args)

    def person(self, group: str) -> str:
        return t(f"plan_{group or 'anyone'}", self.lang)

    # -- the steps
    def now(self) -> list[Entry]:
        s = self.situation
        rules: list[Rule] = []
        if s.urgency == "acute" or "crisis" in self.topics:
            rules.append((lambda x: x.kind == "emergency-number", lambda x: x.summary.get(self.lang)))
        if self.act and s.urgency in ("acute", "recent") and SEXUAL & self.topics and self.asker != "perpetrator":
            near = self.care_centres()
            # "day and night" only where the data says so (Arlon gave daytime hours at its opening)
            rules.append((lambda x: x in near, lambda x: t("why_care_centre" if x.always_reachable
                                                           else "why_care_centre_daytime", self.lang)))
            if s.urgency == "recent":
                self.assumptions.append(t("assume_within_week", self.lang))
        return self.pick(rules)

    def care_centres(self) -> list[Service]:
        """The care centres after sexual violence nearest the situation's place: located nearest
        (town, province, region), else those whose area is the place; all of them when no place is known."""
        centres = [x for x in self.catalog if _care_centre(x)]
        if self.situation.places:
            index = self.catalog.index
            level = {index.data.ids[i]: n for i, n in nearness(index, self.catalog.regions, self.situation).items()}
            located = [x for x in centres if x.id in level]
            if located:
                best = min(level[x.id] for x in located)
                return [x for x in located if level[x.id] == best]
            serving = [x for x in centres if self.serves(x)]
            if serving:
                return serving
        if len(centres) > 1:
            self.assumptions.append(t("assume_no_place", self.lang))
        return centres

    def advice(self) -> list[Entry]:
        if self.asker in ABOUT_SELF:
            return []
        asker = self.asker
        rules: list[Rule] = []
        if self.act:
            # services that advise people helping someone (role professional), for this asker too
            rules.append((lambda s: {"professional", asker, "victim"} <= set(s.roles) and s.kind in HELPING_KINDS
                          and not s.sectors and not SPECIFIC & set(s.topics) and bool(HARM & set(s.topics))
                          and self.victim.fits(s),
                          self.say("why_consult", self.person(self.victim_group))))
        if self.act and ("duty-to-report" in self.situation.needs or asker == "professional"):
            secrecy = [s for s in self.catalog if "confidentiality" in s.topics and self.victim.fits(s)
                       and asker in s.roles]
            # the one written for this person's age (SAM for adults) before the one open to all
            specific = [s for s in secrecy if self.victim.names(s)] or secrecy
            rules.append((lambda s: s in specific, self.say("why_secrecy", self.person(self.victim_group))))
        if self.sector:
            sector = self.catalog.vocabulary.label("sectors", self.sector, self.lang)
            rules.append((lambda s: self.sector in s.sectors and not _reporting_point(s)
                          and self.victim.fits(s, audience=False), self.say("why_sector", sector)))
        return self.pick(rules)

    def general(self) -> list[Entry]:
        """When no step fits: services that help this asker whatever happened, for the age of the one it is about."""
        return self.pick([(lambda s: self.asker in s.roles and s.kind in HELPING_KINDS and not s.sectors
                           and not SPECIFIC & set(s.topics) and self.victim.fits(s), self.say("why_general"))])

    def report(self) -> list[Entry]:
        if not self.act or self.asker == "perpetrator":
            return []
        rules: list[Rule] = []
        if self.sector:
            sector = self.catalog.vocabulary.label("sectors", self.sector, self.lang)
            rules.append((lambda s: self.sector in s.sectors and _reporting_point(s),
                          self.say("why_sector_report", sector)))
        def reports_on(topics: frozenset[str]) -> Callable[[Service], bool]:
            return lambda s: ("reporting" in s.topics and bool(topics & set(s.topics) & self.topics)
                              and self.in_sector(s) and self.victim.fits(s))

        rules.append((reports_on(IMAGES), self.say("why_report_images")))
        rules.append((reports_on(SPECIFIC - IMAGES), self.say("why_report_point")))
        # "wil geen aangifte doen": the kinds of service that wish rules out (data/situation.toml)
        avoided = {k for a in self.situation.avoid for k in words_of(self.catalog.vocabulary).avoid_kinds.get(a, ())}
        if avoided:
            self.assumptions.append(t("assume_no_police", self.lang))
        rules.append((lambda s: s.kind in ("emergency-number", "authority") and s.kind not in avoided
                      and "reporting" in s.topics and "professional" in s.roles and not s.sectors,
                      self.say("why_police")))
        return self.pick(rules)

    def help_victim(self) -> list[Entry]:
        if not self.act or self.asker == "perpetrator":
            return []
        wanted = self.topics | SUPPORT
        vocab = self.catalog.vocabulary
        # a care centre after rape or sexual assault; later than a week by appointment, not long after
        centres = self.care_centres() if "sexual-violence" in self.topics and self.situation.urgency != "past" else []

        def fits(s: Service) -> bool:
            return ("victim" in s.roles and s.kind in HELPING_KINDS and self.victim.fits(s) and self.in_sector(s)
                    and self.named(s) and bool(wanted & set(s.topics)))

        def for_whom(s: Service) -> str:
            audience = sorted(self.victim.audiences & set(s.audiences))[0]
            return t("why_help_for", self.lang, vocab.label("audiences", audience, self.lang).lower())

        def about(s: Service) -> str:
            topic = next(x for x in s.topics if x in wanted)
            return vocab.label("topics", topic, self.lang)

        return self.pick([(lambda s: fits(s) and self.victim.names(s), for_whom),
                          (lambda s: s in centres, self.say("why_care_centre_later")),
                          (fits, about)])

    def help_perpetrator(self) -> list[Entry]:
        s = self.situation
        if self.asker == "victim" or not (s.perpetrator() or self.asker == "perpetrator" or self.feelings_only
                                          or "help-perpetrator" in s.needs):
            return []
        wanted = {"paedophilic-feelings"} if self.feelings_only else \
            {"transgressive-behaviour"} | (SPECIFIC & self.topics)
        who = self.perpetrator

        def fits(x: Service) -> bool:
            return ("perpetrator" in x.roles and x.kind in HELPING_KINDS and who.fits(x) and self.in_sector(x)
                    and self.named(x) and bool(wanted & set(x.topics)))

        first = "why_feelings" if self.feelings_only else "why_perpetrator"
        # services for people who did it (or have the feelings) before those that help victims too
        return self.pick([(lambda x: fits(x) and "victim" not in x.roles,
                           self.say(first, self.person(self.perpetrator_group))),
                          (fits, self.say("why_perpetrator_also"))])

    def later(self) -> list[Entry]:
        if not self.act:
            return []
        # services for both sides of a criminal case
        def for_both_sides(topic: str) -> Rule:
            return (lambda s: topic in s.topics and {"victim", "perpetrator"} <= set(s.roles) and self.in_sector(s),
                    self.say(f"why_{topic}"))

        return self.pick([for_both_sides("mediation"), for_both_sides("legal")])


def _group(person: Person | None) -> str:
    if person is None:
        return ""
    return age_group(person.age) if person.age is not None else person.age_group


class _Named(NamedTuple):
    order: dict[str, int]  # service id -> place in the search's ranking of the text
    sectors: tuple[str, ...]
    audiences: tuple[str, ...]


def _named_in_text(catalog: Catalog, text: str) -> _Named:
    """What the search makes of the same words: its ranking orders the services within a step, and
    the sectors and audiences it reads ("voorziening", "verstandelijke beperking") set the scene."""
    if not text.strip():
        return _Named({}, (), ())
    result = search(catalog, text, limit=None)
    pulled = result.query.pulled

    def values(facet: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.value for f in pulled if f.facet == facet))

    return _Named({h.service.id: n for n, h in enumerate(result.hits)}, values("sectors"), values("audiences"))


def _care_centre(s: Service) -> bool:
    return s.kind == "hospital-service" and "sexual-violence" in s.topics and "victim" in s.roles


def _reporting_point(s: Service) -> bool:
    return s.kind == "reporting-point" or "reporting" in s.topics


def make_plan(catalog: Catalog, situation: Situation, given: Given, lang: str, text: str = "") -> Plan:
    """The plan for a situation (as read, completed with what was given), in the steps it needs."""
    situation = complete(situation, given)
    b = _Builder(catalog, situation, given, text, lang)
    # Each service goes to the first step that takes it; Later's narrow rule (both sides of a
    # criminal case) chooses before the help steps, whose wider rules would take mediation too.
    steps = {"now": b.now, "later": b.later, "advice": b.advice, "report": b.report, "help-victim": b.help_victim,
             "help-perpetrator": b.help_perpetrator}
    filled = {sid: step() for sid, step in steps.items()}
    sections = []
    for sid in SECTIONS:
        if filled[sid]:
            title = t("plan_feelings" if sid == "help-perpetrator" and b.feelings_only else f"plan_{sid}", lang)
            sections.append(Section(sid, title, tuple(filled[sid])))
    if not sections and (situation or situation.people or situation.topics):
        # something was read but no step fits: general help for the asker, and what could not be read
        sections.append(Section("advice", t("plan_advice", lang), tuple(b.general())))
        b.assumptions.append(t("assume_unread", lang))
    if situation.urgency == "" and b.act and not any(s.id == "now" for s in sections):
        b.assumptions.append(t("assume_not_acute", lang))
    topics = ", ".join(catalog.vocabulary.label("topics", x, lang).lower() for x in situation.topics)
    topics = topics and f"{t('topics', lang).lower()}: {topics}"
    described = " · ".join(x for x in (describe(situation, lang), topics) if x)
    return Plan(situation, described, tuple(dict.fromkeys(b.assumptions)), tuple(sections))
