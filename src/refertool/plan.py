"""A situation -> a referral plan: the services of the directory in the steps a case needs.

Which service goes in which step is declared in data/plan.toml (read by `steps`): each rule names
conditions on the situation (urgency, topics, who asks, the setting of the person who did it) and on
the service (kind, roles, topics, audience and ages, sector). This module applies the rules; the
limits every service carries (its ages, audiences, area, the topic it is about, a refused route)
hold for every rule alike, with `ages` and `places` deciding ages and areas.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import NamedTuple

from . import ages, candidates, places, steps
from .catalog import Catalog, Want
from .i18n import t
from .model import Service, Vocabulary
from .ranking import Result, search
from .reading.model import ROLE_WORDS, Person, Situation
from .reading.read import describe, read
from .reading.words import words_of
from .who import group_of_person as _group
from .who import who as _who

SECTIONS = ("now", "advice", "report", "help-victim", "help-perpetrator", "later")
ABOUT_SELF = ("victim", "perpetrator")  # asker roles that ask for themselves


@dataclass(frozen=True)
class Given:
    """What the user stated with options or answered when asked; it completes and overrides the text."""

    age: int | None = None  # of the person affected (of the person who did it when no one affected is named)
    role: str = ""  # who asks: a `roles` id (professional, bystander, victim, perpetrator)
    sectors: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    towns: tuple[str, ...] = ()  # municipalities (folded) answered when asked for the town


@dataclass(frozen=True)
class Entry:
    service: Service
    why: str  # the reason, with the facts that matter in brackets
    others: tuple[Service, ...] = ()  # services of the same kind named with it (the care centres, no place known)
    reason: str = ""  # the reason alone
    facts: tuple[str, ...] = ()  # free, anonymous, always open, its ages, its only area
    # no place known, and the service serves only part of a region (a province, a town): it may not serve
    # the person, so a short view names it rather than showing it in full
    unsure_area: bool = False
    # an emergency number outside Now (the police in Report): reached by its route ("to report a crime go to
    # your local police station"), its number being for danger now
    by_route: bool = False
    route: str = ""  # how it is reached by its route in this step (the rule's `route`, else the service's own)


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    entries: tuple[Entry, ...]
    more: tuple[tuple[str, str], ...] = ()  # id and name of the entries beyond `candidates.KEPT`, best first


@dataclass(frozen=True)
class Plan:
    situation: Situation
    described: str  # the situation as read, one line
    assumptions: tuple[str, ...]
    sections: tuple[Section, ...]
    support: tuple[Service, ...] = ()  # general support (someone to talk to, a therapist): one line at the end
    advice: tuple[tuple[str, tuple[Service, ...]], ...] = ()  # nothing to plan: whom to ask, per asker
    version: int = 0  # of the steps table


# ---------------------------------------------------------------- the situation, completed
def complete(situation: Situation, given: Given, vocab: Vocabulary) -> Situation:
    """The situation with what the user stated laid over what the text said."""
    people = list(situation.people)
    group = ages.age_group(given.age, vocab) or ages.group_of(given.audiences, vocab)
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
        municipalities=tuple(dict.fromkeys((*given.towns, *situation.municipalities))),
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


def missing(situation: Situation, table: steps.Table | None = None) -> list[str]:
    """What a question to the user would settle: "place" when a care centre is the first step and no
    place is known, "age" of the main person, "role" of the asker, "doer" when who did it cannot be told."""
    table = table or steps.bundled()
    if not (_act(situation, table) or _feelings(situation)):
        return []  # nothing to plan: nothing worth a question
    out = []
    if not situation.places and _needs_care_centre(situation, table):
        out.append("place")
    person = situation.victim() if _main_role(situation) == "victim" else situation.perpetrator()
    if not (person and (person.age is not None or person.age_group)):
        out.append("age")
    if not situation.asker_role:
        out.append("role")
    if situation.victim() is not None and situation.perpetrator() is None and "perpetrator" in situation.assumed:
        out.append("doer")  # who did it cannot be told
    return out


def _needs_care_centre(s: Situation, table: steps.Table) -> bool:
    """The steps table puts the nearest care centre in Now for this situation (the topics it names or implies,
    as the plan reads them)."""
    topics = {*s.topics, *s.implied}
    return any(r.care_centre and r.step == "now" and _situation_holds(r, s, s.asker_kind(), table, topics=topics)
               for r in table.rules)


def _witness(s: Situation) -> Person | None:
    """Someone in the story in no role, not the asker: a child who sees what happens at home."""
    return next((p for p in s.people if not p.role and p.relation not in ("self", *ROLE_WORDS)), None)


def _act(s: Situation, table: steps.Table) -> bool:
    """Something happened to someone (not only feelings or a worry about oneself)."""
    topics = table.topics.get("harm", frozenset()) | table.topics.get("images", frozenset())
    return bool(s.victim() or s.perpetrator() or topics & {*s.topics, *s.implied}
                or {"report", "help-victim", "duty-to-report"} & set(s.needs))


def _doer(s: Situation, asker: str) -> bool:
    return bool(s.perpetrator() or asker == "perpetrator" or "help-perpetrator" in s.needs)


def _situation_holds(r: steps.Rule, s: Situation, asker: str, table: steps.Table, act: bool | None = None,
                     feelings_only: bool = False, setting: str = "", doer_group: str = "",
                     victim_group: str = "", topics: set[str] | None = None, arranged: bool = True,
                     witness_group: str = "") -> bool:
    """The rule's conditions on the situation hold (`topics`: the situation's, with what it implies;
    `named_topics` looks only at what the text names or the user gave, `s.topics`; `arranged`: help for the
    person who did it is the asker's to arrange)."""
    topics = set(s.topics) if topics is None else topics
    act = _act(s, table) and not feelings_only if act is None else act
    return ((not r.urgency or s.urgency in r.urgency)
            and (not r.situation_topics or bool(topics & set(r.situation_topics)))
            and not topics & set(r.not_situation_topics)
            and (not r.named_topics or bool(set(s.topics) & set(r.named_topics)))
            and not set(s.topics) & set(r.not_named_topics)
            and (not r.asker or asker in r.asker) and asker not in r.not_asker
            and (r.act is None or r.act == act) and (r.feelings is None or r.feelings == feelings_only)
            and (r.doer is None or r.doer == (_doer(s, asker) and not feelings_only))
            and (not r.needs or bool(set(r.needs) & set(s.needs)))
            and (not r.doer_settings or setting in r.doer_settings)
            and (not r.doer_groups or doer_group in r.doer_groups)
            and (not r.victim_groups or victim_group in r.victim_groups)
            and (r.bodily is None or r.bodily == steps.bodily(topics, table))
            and (not r.witness_groups or witness_group in r.witness_groups)
            and getattr(s.perpetrator(), "relation", None) not in r.not_doer_relations
            and (r.doer_arranged is None or r.doer_arranged == arranged))


# ---------------------------------------------------------------- the plan
class _Builder:
    def __init__(self, catalog: Catalog, situation: Situation, given: Given, text: str, lang: str,
                 table: steps.Table, searched: Result | None = None):
        self.catalog, self.situation, self.lang, self.table = catalog, situation, lang, table
        self.assumptions: list[str] = []
        self.placed: set[str] = set()
        self.more: dict[str, tuple[tuple[str, str], ...]] = {}  # step -> `Section.more`
        s = situation
        vocab = catalog.vocabulary
        # a need that is a topic names it too ("via bemiddeling": mediation)
        # and a topic the story implies ("dwingt hem tot seks": sexual abuse) is the situation's too
        self.topics = set(s.topics) | set(s.implied) | (set(s.needs) & set(vocab.values("topics")))
        self.feelings_only = _feelings(s) and s.victim() is None
        self.act = _act(s, table) and not self.feelings_only
        self.asker = s.asker_kind()
        named = _named_in_text(catalog, text, s, searched)
        self.query_lang = steps.query_language(text, lang, table)
        self.order = named.order
        extra = [a for a in (*given.audiences, *named.audiences) if a not in vocab.age_spans()]
        victim, perpetrator = s.victim(), s.perpetrator()
        # "a residential home for disabled adults": an age group the text names for no one it casts in a role is
        # that of the person affected, when their own age is not said
        victim_group = _group(victim, vocab) or (ages.group_of(named.unroled_ages, vocab) if victim else "")
        if self.act and not victim_group and s.urgency == "past":
            victim_group = "adult"  # "als kind misbruikt", years ago: an adult now
            self.assumptions.append(t("assume_adult_now", lang))
        elif self.act and not victim_group and (self.asker == "victim" or getattr(victim, "relation", "") in
                                                table.any_age_relations):  # a friend, a partner: either age
            # someone asking for themself ("ik ben net verkracht"): no age said, so help for every age
            self.assumptions.append(t("assume_victim_any_age" if self.asker == "victim" else "assume_any_age", lang))
        elif self.act and not victim_group and self.topics & table.topics.get("age_open", frozenset()):
            # sexual images of someone of no given age ([topics] age_open): the age stays open, so the route for
            # images is an adult's (the IGVM), not that of abuse material, and help for either age is listed
            self.assumptions.append(t("assume_images_any_age", lang))
        elif self.act and not victim_group and (victim or not perpetrator):
            victim_group = "minor"
            self.assumptions.append(t("assume_minor", lang))
        self.victim_group = victim_group
        self.victim = _who(victim, victim_group, extra, vocab)
        # someone gone missing or taken (a crisis with no harm told): no one is said to have done harm
        gone = bool(self.topics & table.topics.get("danger", frozenset())) and not self.topics & table.topics.get(
            "harm", frozenset())
        if self.act and victim is not None and "perpetrator" in s.assumed and not gone:  # not read from an act
            self.assumptions.append(t("assume_doer", lang, perpetrator.words) if perpetrator and perpetrator.words
                                    else t("assume_doer_unknown", lang))
        # whom the lines are written for: a parent among the bystanders; an asker not said
        self.writes_for = (s.asker_role, self.asker) if self.asker else ("unsaid", "professional")
        if not self.asker:
            self.asker = "professional"
            self.assumptions.append(t("assume_professional", lang))
        # the asker's own sector, else the setting the text names ("bij de scouts", "onze voorziening")
        # how the asker names themself ("ik ben groepsleider": youth work), by the table of settings
        own = table.doer_setting.get(s.asker_role, "")
        self.sector = s.asker_sector or next(iter(named.sectors), "") or (own if own not in ("asker", "") else "")
        # no setting named: the one of whom the case is about ("a resident with a disability": disability care)
        self.case_setting = self.sector or next(
            (table.audience_setting[a] for a in self.victim.audiences if a in table.audience_setting), "")
        self.setting = self.doer_setting()
        if (self.act and victim is not None and not self.victim_group and not table.doer_setting.get(victim.relation)
                and (self.setting in table.minor_settings or steps.images_of_a_minor(
                    self.topics, {p.age_group for p in s.people}, {self.sector, self.setting}, table))):
            # done by a youth leader, in childcare, to one not of the staff, age not said: a child ([minor_settings]);
            # sexual images in a story of minors (a pupil of 14, a school) too, whatever role the reader gave whom
            self.victim_group = "minor"
            self.victim = _who(victim, "minor", extra, vocab)
            self.assumptions = [a for a in self.assumptions
                                if a not in (t(k, lang) for k in ("assume_victim_any_age", "assume_any_age",
                                                                   "assume_images_any_age"))]
            self.assumptions.append(t("assume_minor", lang))
        if self.victim_group == "minor" and "image-abuse" in self.topics:
            # sexual images of a minor are child sexual abuse material in law (Child Focus takes them)
            self.topics.add("child-sexual-abuse-material")
        # no age said: how the text names them may tell (staff, a parent: an adult; [doer_group])
        self.perpetrator_group = _group(perpetrator, vocab) or (
            steps.doer_group(perpetrator.relation, self.setting, table) if perpetrator is not None else "")
        self.perpetrator = _who(perpetrator, self.perpetrator_group, [], vocab)
        witness = _witness(s)
        self.witness = _who(witness, _group(witness, vocab), [], vocab)
        if (perpetrator or self.asker == "perpetrator" or self.feelings_only) and not self.perpetrator_group:
            self.assumptions.append(t("assume_perpetrator_any_age", lang))
        avoid = words_of(vocab).avoid_kinds
        # "wil geen aangifte doen": the kinds of service that wish rules out (data/situation.toml)
        self.avoided = {k for a in s.avoid for k in avoid.get(a, ())}
        if self.avoided and self.act:
            self.assumptions.append(t("assume_no_police", lang))

    def doer_setting(self) -> str:
        """The setting of the person who did it (data/plan.toml [doer_setting]): a teacher's is education,
        a colleague's the asker's own; family, a partner or a stranger have none."""
        doer = self.situation.perpetrator()
        return (steps.doer_setting(doer.relation, self.case_setting, self.table) or "") if doer is not None else ""

    # -- what fits a service whatever the rule: its limits
    def limits(self, s: Service, rule: steps.Rule | None = None) -> bool:
        """A service about a specific topic only where the situation (or the rule itself: the integrity
        reporting point) names it; a sector's service only in that sector's cases; its area."""
        specific = self.table.topics.get("specific", frozenset()) & set(s.topics)
        # a sector's own service is there for the sector's case, whatever else it is about
        if specific and not s.sectors and not specific & (self.topics | set(rule.implies if rule else ())):
            return False  # about a topic the situation does not name (Lumi, Stop it Now, IGVM...)
        if s.sectors and not {self.sector, self.setting} & set(s.sectors):
            return False  # a sector's service belongs to that sector's cases only
        if not self.fits_harm(s):
            return False  # about another harm (a chat after sexual violence, for a slap)
        return self.serves(s) or _care_centre(s)

    def fits_harm(self, s: Service) -> bool:
        """The service is about a harm that serves what happened ([harm_fits]); one about no harm, or a case
        naming none, always fits."""
        fits = self.table.harm_fits
        own = set(s.topics) & set(fits)
        named = self.topics & set(fits)
        return not own or not named or any(own & fits[h] for h in named)

    def serves(self, s: Service) -> bool:
        """The service's area covers the place of the situation (any place when none is known)."""
        return not self.situation.places or any(
            places.covers(s.regions, place, self.catalog.regions) for place in self.situation.places)

    def holds(self, r: steps.Rule) -> bool:
        return _situation_holds(r, self.situation, self.asker, self.table, self.act, self.feelings_only,
                                self.setting, self.perpetrator_group, self.victim_group, self.topics,
                                self.arranged(), self.witness.group)

    def arranged(self) -> bool:
        doer = self.situation.perpetrator()
        return steps.arranged(self.asker, self.situation.needs, doer.relation if doer else None,
                              self.perpetrator_group, self.table, doer.own if doer else True)

    def admits(self, r: steps.Rule, s: Service, centres: list[Service]) -> bool:
        """The rule's conditions on the service hold."""
        roles = candidates.roles(r, self.asker)
        if r.care_centre:
            return s in centres
        wanted = candidates.wanted(r, self.topics, self.table)
        who = {"victim": self.victim, "perpetrator": self.perpetrator, "witness": self.witness}.get(r.for_)
        sector = {"none": not s.sectors, "doer": bool(self.setting) and self.setting in s.sectors,
                  "asker": bool(self.sector) and self.sector in s.sectors}.get(r.sector, True)
        return ((not r.kinds or s.kind in r.kinds) and s.kind not in r.not_kinds
                and roles <= set(s.roles) and not set(r.not_roles) & set(s.roles)
                and (not r.topics or bool(wanted & set(s.topics))) and not set(r.not_topics) & set(s.topics)
                and (who is None or who.fits(s)) and (not r.names_audience or who is None or who.names(s))
                and (r.always_open is None or s.always_reachable == r.always_open) and sector)

    def build(self) -> dict[str, list[Entry]]:
        """Each service in the first step whose rule admits it, in the order of the table's rules."""
        found: dict[str, list[tuple[tuple, Service, steps.Rule]]] = {}
        centres = self.care_centres() if any(r.care_centre and self.holds(r) for r in self.table.rules) else []
        if centres and self.situation.urgency == "recent" and _needs_care_centre(self.situation, self.table):
            self.assumptions.append(t("assume_within_week", self.lang))
        for n, r in enumerate(self.table.rules):
            if r.step not in SECTIONS or not self.holds(r):
                continue
            for s in centres if r.care_centre else self.catalog.among(candidates.of_rule(
                    r, self.asker, self.topics, self.table, self.setting, self.sector)):
                if s.id in self.placed or not self.limits(s, r) or not self.admits(r, s, centres):
                    continue
                if s.kind in self.avoided and r.step != "now":
                    continue  # a refused route stays refused
                self.placed.add(s.id)
                found.setdefault(r.step, []).append((self._key(n, s, r.step), s, r))
        out: dict[str, list[Entry]] = {}
        for step, rows in found.items():
            rows.sort(key=lambda row: row[0])
            kept, more = candidates.kept_in_full(rows, one_line=not self.situation.places)
            self.more[step] = tuple((s.id, s.name) for _, s, _ in more)
            entries = [self._entry(s, *self._why(r, s), r, step) for _, s, r in kept]
            if not self.situation.places:
                entries = self._one_line(entries)
            out[step] = entries
        return out

    def _entry(self, s: Service, reason: str, facts: tuple[str, ...], r: steps.Rule, step: str) -> Entry:
        # an emergency number outside Now (the police in Report) is reached by its route, not its number
        by_route = step != "now" and s.kind == EMERGENCY and bool(s.how_to_reach.get(self.lang))
        return Entry(s, f"{reason} ({'; '.join(facts)})" if facts else reason, (), reason, facts,
                     not self.situation.places and self._local(s), by_route,
                     (r.route or s.how_to_reach).get(self.lang) if by_route else "")

    def _one_line(self, entries: list[Entry]) -> list[Entry]:
        """No place known: the care centres as one entry, the nearest by the language's region first."""
        centres = [e for e in entries if _care_centre(e.service)]
        if len(centres) < 2:
            return entries
        first = centres[0]
        rest = [e for e in entries if not _care_centre(e.service)]
        return [replace(first, others=tuple(e.service for e in centres[1:])), *rest]

    def _key(self, rule: int, s: Service, step: str) -> tuple:
        # the order of kinds of whoever will use the step: the asker's, or the person helped's own
        user = {"help-victim": "victim", "help-perpetrator": "perpetrator"}.get(step, self.asker)
        kinds = self.table.step_kinds.get(step) or self.table.asker_order.get(user, ())
        # a route about what happened before a second line about none (the inspectorate after the school's
        # own complaint procedure: "only if that gives no result")
        about_none = not set(s.topics) & set(self.table.harm_fits)
        channels = set(s.channels)
        wanted = bool(channels & set(self.situation.channels_wanted))
        only_avoided = bool(channels) and channels <= set(self.situation.channels_avoided)
        centre = self._centre_rank(s)
        return (rule, self._maybe_elsewhere(s), about_none, kinds.index(s.kind) if s.kind in kinds else len(kinds),
                centre, only_avoided, not wanted,
                s.emergency or 999, not self.victim.names(s), -len(set(s.topics) & self.topics),
                self.order.get(s.id, len(self.order)), s.name.lower())

    def _maybe_elsewhere(self, s: Service) -> bool:
        """No place known: whether the service serves only part of the query's language region (I.T.E.R. in
        Brussels and Flemish Brabant, for a Dutch text), so that one that surely serves the person comes first.
        A care centre is ordered by `_centre_rank` instead."""
        if self.situation.places or not s.regions or _care_centre(s):
            return False
        home = self.table.care_centres.get(self.query_lang, ((),))[0]
        return not all(places.covers_all_of(s.regions, area, self.catalog.regions) for area in home)

    def _centre_rank(self, s: Service) -> int:
        """A care centre's place in the language's order of regions (no place known)."""
        if not _care_centre(s) or self.situation.places:
            return 0
        levels = self.table.care_centres.get(self.query_lang, ())
        chain = [a for loc in s.locations[:1] for a in self.catalog.regions.ancestors(loc.region)]
        return next((n for n, level in enumerate(levels) if set(level) & set(chain)), len(levels))

    def _why(self, r: steps.Rule, s: Service) -> tuple[str, tuple[str, ...]]:
        lang, vocab = self.lang, self.catalog.vocabulary
        who = {"perpetrator": self.perpetrator, "witness": self.witness}.get(r.for_, self.victim)
        audience = sorted(who.audiences & set(s.audiences))
        wanted = [x for x in s.topics if x in self.topics]
        written = dict(r.why_for)
        why = next((written[k] for k in self.writes_for if k in written), r.why)
        reason = why.get(lang).format(
            person=t(f"plan_{(who.group if r.for_ in ('perpetrator', 'witness') else self.victim_group) or 'anyone'}",
                     lang),
            setting=vocab.label("sectors", self.setting if r.sector == "doer" else self.sector, lang),
            audience=vocab.label("audiences", audience[0], lang).lower() if audience else t("plan_anyone", lang),
            topic=vocab.label("topics", wanted[0], lang) if wanted else "")
        if r.care_centre and not s.always_reachable:
            reason = t("why_care_centre_daytime", lang) if r.step == "now" else reason
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
        if self._local(s):
            facts.append(t("plan_only_in", lang, ", ".join(
                regions.areas[a].label(lang) for a in s.regions if a in regions.areas)))
        return reason.rstrip("."), tuple(facts)

    def ask(self) -> list[Entry]:
        """No step fits: the table's "ask" services for this asker (1712 for citizens, the VK or the CAW for
        professionals), those that serve the person it is about, with the rule's line."""
        rules = self.table.ask_rules(self.asker)
        found = [(n, s, r) for n, r in enumerate(rules) for s in self.catalog.among(candidates.of_ask(r, self.asker))
                 if r.asks(s, self.asker) and self.limits(s) and self.victim.fits(s)]
        out = []
        for _, s, r in sorted(found, key=lambda x: (x[0], x[1].name.lower())):
            if s.id not in self.placed:
                self.placed.add(s.id)
                reason, facts = self._why(r, s)
                out.append(Entry(s, f"{reason} ({'; '.join(facts)})" if facts else reason, (), reason, facts))
        return out

    def _local(self, s: Service) -> bool:
        """The service serves only part of a region (I.T.E.R.: Flemish Brabant and Brussels); a care centre
        is named by its town instead."""
        regions = self.catalog.regions
        return regions.breadth(s.regions) < regions.breadth(("flanders",)) and not _care_centre(s)

    def care_centres(self) -> list[Service]:
        """The care centres after sexual violence nearest the situation's place: located nearest
        (town, province, region), else those whose area is the place; all of them when no place is known."""
        centres = self.catalog.among(candidates.CARE_CENTRE)
        if self.situation.places:
            index = self.catalog.index
            near = places.nearness(index.members, self.catalog.regions, self.situation.places,
                                   self.situation.municipalities)
            level = {index.data.ids[i]: n for i, n in near.items()}
            located = [x for x in centres if x.id in level]
            if located:
                best = min(level[x.id] for x in located)
                return [x for x in located if level[x.id] == best]
        if len(centres) > 1:
            self.assumptions.append(t("assume_no_place", self.lang))
        return centres

    def support(self) -> list[Service]:
        """General support (someone to talk to, finding a therapist) not already in a step, for whom it
        is about: one line at the end."""
        wanted = set(self.table.topics.get("support", ()))
        harm = set(self.table.topics.get("harm", ()))
        who, role = (self.perpetrator, "perpetrator") if not self.act or self.asker == "perpetrator" \
            else (self.victim, "victim")
        named_only = who.group in self.table.support_named_for  # a child: the lines that name children
        # general: open to the person affected too (not a service only for people who did it); about a harm
        # only where the case names one (a chat after sexual violence is no support when a child is missing)
        def off_harm(s: Service) -> bool:
            # about a harm beyond the support wanted: out when the case names no harm, or names one of its harms
            beyond = bool(harm & set(s.topics) - wanted)
            return beyond and (not self.topics & harm or bool(self.topics & set(s.topics) & harm))

        found = [s for s in self.catalog.among(Want(HELPING, wanted, None, {role, "victim"}))  # kinds, roles, topics
                 if s.id not in self.placed and self.limits(s) and who.fits(s)
                 and (who.names(s) or not named_only) and not off_harm(s)]
        return sorted(found, key=lambda s: (s.emergency or 999, s.name.lower()))


EMERGENCY = "emergency-number"  # the kind whose first number is for danger now
HELPING = frozenset({"organisation", "network", "helpline", "chat", "directory", "self-help"})


class _Named(NamedTuple):
    order: dict[str, int]  # service id -> place in the search's ranking of the text
    sectors: tuple[str, ...]
    audiences: tuple[str, ...]
    unroled_ages: tuple[str, ...] = ()  # age groups named by words that are no one's in a role ("for adults")


def _named_in_text(catalog: Catalog, text: str, situation: Situation, searched: Result | None = None) -> _Named:
    """What the search makes of the same words (`searched`, when the text was searched already, `read_text`):
    its ranking orders the services within a step, and the sectors and audiences it reads ("voorziening",
    "verstandelijke beperking") set the scene."""
    if not text.strip():
        return _Named({}, (), ())
    result = searched or search(catalog, text, limit=1)  # its order is of every service ranked
    pulled = result.query.pulled

    def values(facet: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.value for f in pulled if f.facet == facet))

    cast = {p.words.lower() for p in situation.people if p.role}
    spans = catalog.vocabulary.age_spans()
    unroled = tuple(f.value for f in pulled if f.facet == "audiences" and f.value in spans
                    and f.words.lower() not in cast)
    return _Named(result.order, values("sectors"), values("audiences"),
                  unroled)


def _care_centre(s: Service) -> bool:
    return candidates.CARE_CENTRE.meets(s)


def whom_to_ask(catalog: Catalog, lang: str,
                table: steps.Table | None = None) -> tuple[tuple[str, tuple[Service, ...]], ...]:
    """Nothing to plan: whom each asker can ask all the same (the table's "ask" rules: 1712 for
    citizens, the VK or the CAW for professionals)."""
    table = table or steps.bundled()
    out = []
    for asker in ("bystander", "professional"):
        rules = table.ask_rules(asker)
        found = [s for s in catalog.among(*(candidates.of_ask(r, asker) for r in rules))
                 if any(r.asks(s, asker) for r in rules)]
        if found:
            out.append((t(f"plan_ask_{asker}", lang), tuple(sorted(found, key=lambda s: s.name.lower()))))
    return tuple(out)


def _something_read(s: Situation) -> bool:
    """The text names a harm, a person or a question (a bare role word, "dader", is none): then it gets
    a plan, with the "ask" services for this asker when no step fits; else nothing to plan."""
    return bool(s.topics or s.implied or s.needs or s.asker_role
                or any(p.relation not in ROLE_WORDS for p in s.people))  # a time alone ("today") is none


class Read(NamedTuple):
    situation: Situation
    searched: Result | None  # the search of the same text: its reading and its ranking, for the plan to reuse


def read_text(catalog: Catalog, text: str) -> Read:
    """The text read and searched once: the search reads the situation as the reader does, so a plan reuses
    its reading and its ranking (`make_plan(..., searched=)`) and costs one search, not a reading and a
    search more."""
    if not text.strip():
        return Read(read(text, catalog.vocabulary, catalog.regions), None)
    found = search(catalog, text, limit=1)  # the plan needs its order (`Result.order`), not every service read
    return Read(found.query.situation, found)


def make_plan(catalog: Catalog, situation: Situation, given: Given, lang: str, text: str = "",
              table: steps.Table | None = None, searched: Result | None = None) -> Plan:
    """The plan for a situation (as read, completed with what was given), in the steps it needs; `searched`:
    the search of `text` when it was made already (`read_text`), else the plan searches it."""
    table = table or steps.bundled()
    situation = complete(situation, given, catalog.vocabulary)
    b = _Builder(catalog, situation, given, text, lang, table, searched)
    filled = b.build()
    # a contact that serves one area only (a city's police line) is no way in for a plan elsewhere
    filled = {sid: [replace(e, service=places.for_places(e.service, situation.places, catalog.regions)) for e in es]
              for sid, es in filled.items()}
    sections = []
    first = steps.self_first(table, b.asker, b.victim_group, situation.urgency)
    for sid in steps.order(SECTIONS, situation.needs, table, first):
        if filled.get(sid):
            title = t("plan_feelings" if sid == "help-perpetrator" and b.feelings_only else f"plan_{sid}", lang)
            sections.append(Section(sid, title, tuple(filled[sid]), b.more.get(sid, ())))
    asked = b.ask() if not sections and _something_read(situation) else []
    if asked:  # read, but no step fits: whom this asker can ask all the same, and what could not be read
        sections.append(Section("advice", t("plan_advice", lang), tuple(asked)))
        b.assumptions.append(t("assume_unread", lang))
    if not sections:
        return Plan(situation, describe(situation, lang), (), (), (), whom_to_ask(catalog, lang, table),
                    table.version)
    if situation.urgency == "" and b.act and not any(s.id == "now" for s in sections):
        b.assumptions.append(t("assume_not_acute", lang))
    topics = ", ".join(catalog.vocabulary.label("topics", x, lang).lower() for x in situation.topics)
    topics = topics and f"{t('topics', lang).lower()}: {topics}"
    described = " · ".join(x for x in (describe(situation, lang), topics) if x)
    return Plan(situation, described, tuple(dict.fromkeys(b.assumptions)), tuple(sections), tuple(b.support()),
                (), table.version)
