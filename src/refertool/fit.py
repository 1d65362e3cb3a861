"""How well each service fits a described situation, in points, with the reasons.

The situation reader says who the question is about (the person affected, or the one who
did it), their age, the setting, what is wanted and how urgent it is; the service records
say whom they serve (roles, audiences, ages), where (sectors), on what (topics), and how
(channels, kind, emergency rank, always open). A fit is read from the index's member lists,
so it costs a few set look-ups per query, not a pass over the records; and it is worked out once
per kind of service (`fit_alike`), not for each of a thousand copies of one in a large directory.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from . import ages
from .index import NO_AGE, NOT_URGENT, Index
from .model import CHANNELS, Vocabulary
from .reading.model import Person, Situation
from .reading.words import Words, words_of
from .scores import (
    AGE_FITS,
    AGE_MISFITS,
    AVOIDED,
    CHANNEL_FITS,
    CHANNEL_MISFITS,
    CHILD_HARM_FITS,
    CHILD_HARM_TOPIC,
    CITIZEN_LINE,
    CITIZEN_LINES,
    DEDICATED_FITS,
    EVIDENCE_FITS,
    HARM_MISFITS,
    NEED_FITS,
    PROFESSIONAL_FITS,
    REPORTING_POINTS,
    ROLE_FITS,
    ROLE_MISFITS,
    SECTOR_FITS,
    SECTOR_MISFITS,
    SELF_ONLY,
    SETTING_ROUTES,
    SETTING_UNNAMED,
    SEXUAL_HARMS,
    URGENT_FITS,
)

PERSONAL_NEEDS = frozenset({"help-victim", "help-perpetrator", "talk", "feelings", "duty-to-report", "mediation"})
HELP_FOR_A_PERSON = frozenset({"help-victim", "help-perpetrator", "talk", "feelings"})


class Fit(NamedTuple):
    points: int
    why: tuple[str, ...]


class FacetSets(dict[str, frozenset[int]]):
    """One facet's member lists by value, each looked up once per query, not once per service scored
    (`sets["sexual-abuse"]` is `index.members("topics=sexual-abuse")`)."""

    def __init__(self, index: Index, facet: str):
        super().__init__()
        self.index, self.facet = index, facet

    def __missing__(self, value: str) -> frozenset[int]:
        found = self[value] = self.index.members(f"{self.facet}={value}")
        return found


Span = tuple[int, int] | None
_SERVED: list[tuple[Index, Vocabulary, Sequence[Span]]] = []  # the last index's ages, kept while it is used


def served_ages(index: Index, vocab: Vocabulary) -> Sequence[Span]:
    """The ages every service of the index serves, by its number: `ages.indexed_ages` of each, found in one
    pass over the audience lists (not a look-up of every audience per service) and worked out once per set of
    audiences. Kept for the last index asked: a situation's age filter and its fit share it."""
    if _SERVED and _SERVED[0][0] is index and _SERVED[0][1] is vocab:
        return _SERVED[0][2]
    listed = list(vocab.values("audiences"))  # in the vocabulary's order, as `indexed_ages` lists them
    on = [0] * len(index)  # the audiences of each service, one bit each (ints, not lists: no garbage to collect)
    for bit, a in enumerate(listed):
        for i in index.members(f"audiences={a}"):
            on[i] |= 1 << bit
    worked_out: dict[tuple[Span, int], Span] = {}
    table: list[Span] = []
    for own, bits in zip(index.data.ages, on):
        key = (None if own == NO_AGE else own, bits)
        if key not in worked_out:
            worked_out[key] = ages.served(key[0], (a for n, a in enumerate(listed) if bits >> n & 1), vocab)
        table.append(worked_out[key])
    _SERVED[:] = [(index, vocab, table)]
    return table


def wanted_role(situation: Situation) -> str:
    """The role of the person the services are for."""
    if "help-perpetrator" in situation.needs or "feelings" in situation.needs:
        return "perpetrator"
    # the one it happened to (or the one who did it) asks for themself and only the other person was read ("a boy
    # in my class touches me"): the services are for the asker, not for the boy
    if "asker" not in situation.assumed and situation.asker_kind() in ("victim", "perpetrator"):
        return situation.asker_kind()
    subject = subject_of(situation)
    return subject.role if subject is not None and subject.role in ("victim", "perpetrator") else ""


PERSONAL_ROLES = ("victim", "perpetrator", "bystander")
OWN_ROLES = ("victim", "perpetrator")  # the roles whose own call a service takes
ROLE_IDS = (*PERSONAL_ROLES, "professional")


def harms(words: Words) -> tuple[frozenset[str], frozenset[str]]:
    """The harm topics (`[abuse]`) that name sexual acts, and those of the reader's non-sexual act classes
    (violence, neglect, bullying); a harm in neither ("transgressive behaviour") may be either."""
    plain = frozenset(t for spec in words.act_classes.values() if not spec["sexual"] for t in spec["topics"])
    return words.abuse_topics & SEXUAL_HARMS - plain, words.abuse_topics & plain - SEXUAL_HARMS


def subject_of(situation: Situation) -> Person | None:
    """The person the services are for. Unless help for the one who did it is sought, a professional asking
    about "our trainer" or "my pupil" speaks of the people of their work, not of their own family, and a
    parent whose partner or ex harmed their child asks for the child: the question is about the one it
    happened to."""
    subject = situation.subject()
    if {"help-perpetrator", "feelings"} & set(situation.needs):
        return subject
    me = next((p for p in situation.people if p.relation == "self" and p.role), None)
    victim = situation.victim()
    if situation.asker_kind() == "professional":
        return me or victim or subject
    if me is None and victim is not None and victim.age_group == "minor" and subject is not None and (
            subject.role == "perpetrator" and subject.age_group == "adult"):
        return victim
    return subject


def situation_fit(situation: Situation, index: Index, vocab: Vocabulary, sectors: set[str],
                  candidates: set[int]) -> dict[int, Fit]:
    """Points per candidate service; `sectors` are the settings named (the story's, and the asker's
    own when they ask in their role)."""
    if not situation:
        return {}
    words = words_of(vocab)
    role = wanted_role(situation)
    # A third party asks: services for them fit too, by the kind of asker (the facts: a professional
    # calls a Vertrouwenscentrum, a parent or a neighbour the citizens' line); not told: either.
    kind = "" if "asker" in situation.assumed else situation.asker_kind()
    asker_roles: tuple[str, ...] = (() if kind in ("victim", "perpetrator") else (kind,) if kind
                                    else ("bystander", "professional"))
    # Someone else asks for them (a parent, a teacher, a neighbour): a service the person must contact
    # themself (a chat for young victims) comes after one that also takes their questions.
    third_party = bool(situation.asker_role) and situation.asker_role not in ("victim", "perpetrator")
    # A professional asking what to do contacts some services directly that citizens reach through a
    # helpline (the facts: professionals call a Vertrouwenscentrum, citizens 1712): those fit them as well;
    # not when they seek help for the person (guidance, someone to talk to): then the person's services.
    professional = situation.asker_kind() == "professional" and not HELP_FOR_A_PERSON & set(situation.needs)
    # A parent or a professional asks about a child: a line for the young themselves (their ages are no
    # adult's, it takes no professional's call) is for the child to call, after one the asker can call.
    adult_asker = "asker" not in situation.assumed and situation.asker in ("parent", "professional")
    subject = subject_of(situation)
    # The age is that of the person the services are for: help for the one who did it is sought and only the one
    # it happened to was read (a man who looks at images of children): the children's age is not his; a professional
    # asks and the person read has no part told (the child's mother): hers is not the child's.
    aged = None if subject is not None and (role == "perpetrator" and subject.role == "victim" or not subject.role
                                            and situation.asker_kind() == "professional") else subject
    age = aged.age if aged is not None else None
    # The services serve the person as they are now: abused at 9, 34 now, an adult's services.
    group = (ages.age_group(age, vocab) if age is not None else aged.age_group) if aged is not None else ""
    if not group and situation.urgency == "past" and subject is not None and subject.role == "victim":
        group = "adult"  # "abused as a child", years ago: an adult now
    if not group and sectors & words.minor_settings and role != "perpetrator":
        group = "minor"  # "beroepsgeheim school": pupils are minors (the one who did it there may be staff)
    # The setting's own services (a sports federation, the school's CLB) answer a report or a
    # question about what to do, or a professional asking in their role; not help for a person.
    # (a parent who asks where to report, a complaint against the school, asks for the setting's route as well)
    setting_asked = situation.asker_in_role or "report" in situation.needs or situation.asker_role != "parent" and (
        "advice" in situation.needs or not PERSONAL_NEEDS & set(situation.needs))
    need_topics = {t: need for need in situation.needs for t in words.need_topics.get(need, ())}
    if subject is not None and subject.accused and role == "perpetrator":
        if group != "minor":  # an accused adult needs advice and legal help before treatment
            need_topics = {t: n for t, n in need_topics.items() if n != "help-perpetrator"}
        need_topics.update({t: "accused" for t in words.accused_topics})
    # The accused's legal help is advice on the case (the guide: the Justitiehuis), not mediation with the one
    # who accuses (Moderator mediates between victim and perpetrator when they ask for it): a service for
    # mediation meets that need only when mediation is asked for.
    mediation = () if "mediation" in situation.needs else tuple(words.need_topics.get("mediation", ()))

    def mediator(i: int) -> bool:
        return any(i in by_topic[t] for t in mediation)
    # The harm told: a story of violence or neglect alone does not bring the services for sexual harm
    # (the care centres after sexual violence, the perpetrator services for sexual behaviour).
    sexual, plain = harms(words)
    named = set(situation.topics) | set(situation.implied)
    told = named & (sexual | plain)
    plain_story = bool(told) and not told & sexual
    # ...and a service for one kind of sexual harm alone is not for another: abuse images are not rape. Kinds
    # are kin when one act of the reader implies both (rape of a minor: sexual abuse and sexual violence).
    kindred = {k for spec in words.act_classes.values() for k in (*spec["topics"], *spec["minor_topics"])
               if told & {*spec["topics"], *spec["minor_topics"]}}
    # Help for the one who did it is sought (by them, or for them): treatment or someone to talk to, not
    # mediation, advice or a report.
    treatment = role == "perpetrator" and ("help-perpetrator" in situation.needs or
                                           kind == "perpetrator" and not set(situation.needs) - {"talk"})
    # Sexual violence within a week (acute): care and evidence (the recent topics: medical) first, from a
    # service for that harm: the care centre before the police (the facts).
    told_sexual = told & sexual
    care_first = next(iter(words.recent_topics), "") if told_sexual and situation.urgency == "acute" else ""
    # a harm done to a minor, the story not naming child abuse: the services for child abuse fit it too, for
    # a sexual harm or one by an adult (peers' teasing is bullying, not child abuse)
    doer = situation.perpetrator()
    child_harm = group == "minor" and role == "victim" and CHILD_HARM_TOPIC not in named and bool(
        told & sexual or told and doer is not None and doer.age_group == "adult")
    avoided_kinds = {k for a in situation.avoid for k in words.avoid_kinds.get(a, ())}
    # a report is asked for, or the story names one (a complaint the school did not act on)
    reporting = "report" in situation.needs or bool(named & set(words.need_topics.get("report", ())))
    help_sought = bool(HELP_FOR_A_PERSON & set(situation.needs))
    # the member lists and ages asked below, looked up once for all the services scored
    by_topic, by_role, by_sector, by_kind, by_channel = (FacetSets(index, f) for f in (
        "topics", "roles", "sectors", "kinds", "channels"))
    served = served_ages(index, vocab) if group else ()
    always_open = index.members("flag=always_open")
    any_role = index.members("roles=")
    general = index.members("sectors=")
    open_to_all = index.members("audiences=")

    def fit_of(i: int) -> Fit | None:
        points, why = 0, list[str]()
        serves = [r for r in ROLE_IDS if i in by_role[r]] if i not in any_role else []
        own_harms = {t for t in words.abuse_topics if i in by_topic[t]}
        wrong_harm = bool(own_harms & sexual) and not own_harms & (plain | told) and (
            plain_story or bool(told) and own_harms <= sexual and not own_harms & kindred)
        # a service for professionals alone (the VK), for this case: of its setting when it has one (a sports
        # body's for sport), else one for a harm, or for what is asked (the secrecy question's service for that)
        span = served[i] if group else None
        age_fits = span is None or ages.fits(span, age, group, vocab)  # no age said: the ages taken for the group
        # (and of the person's age when one was said: the adults' secrecy service is not for a pupil's case)
        # (a setting's own body, De Ambrassade or Kind en Gezin, also takes its volunteers' and members' questions:
        # still the professional's, as long as it takes no victim's or perpetrator's call)
        for_professionals = "professional" in serves and not set(serves) & set(
            PERSONAL_ROLES if i in general else OWN_ROLES) and (
            age_fits or age is None) and (
            any(i in by_sector[s] for s in sectors) if i not in general
            else bool(own_harms) or any(i in by_topic[t] for t in need_topics))
        # a setting's own route for a report (its reporting point, its tribunal) is where the setting reports: it
        # fits by the setting, not also by the person, unless a report is asked for
        # (a reporting point for every setting, the Vlaams Meldpunt, is a route too: where a report goes, not advice;
        # one for a sexual harm, the point for images of children, is that harm's own service)
        route = not reporting and any(i in by_kind[k] for k in (
            SETTING_ROUTES if i not in general else () if own_harms & sexual else REPORTING_POINTS))
        if role and serves and "duty-to-report" not in situation.needs:
            if role in serves and route:
                why.append("the setting's route for a report")
            elif role in serves:
                points, why = points + ROLE_FITS, [*why, f"for the {role}"]
                if third_party and not set(serves) & set(asker_roles):
                    points, why = points + SELF_ONLY, [*why, f"for the {role} themself"]
                    if not help_sought:  # ...and what to do is asked: a line the asker cannot call is no answer
                        points, why = points + SELF_ONLY, [*why, "not for you to call"]
                if treatment and "victim" not in serves and not wrong_harm:
                    points, why = points + DEDICATED_FITS, [*why, "for those who did it alone"]
            elif professional and for_professionals:
                points, why = points + PROFESSIONAL_FITS, [*why, "for you as a professional"]
            # (help for the person is sought: a service for others is not for them, whoever asks)
            elif not set(serves) & set(asker_roles) or help_sought:
                points, why = points + ROLE_MISFITS, [*why, f"not for the {role}"]
        elif professional and for_professionals:  # what a professional may tell: the services for them
            points, why = points + PROFESSIONAL_FITS, [*why, "for you as a professional"]
        # a professional asking what to do calls the service for professionals; a helpline or a chat is there for
        # citizens and the young (the facts: professionals contact a Vertrouwenscentrum directly, citizens call 1712)
        if professional and any(i in by_kind[k] for k in CITIZEN_LINES):
            points, why = points + CITIZEN_LINE, [*why, "a line for citizens"]
        if adult_asker and serves and "professional" not in serves and group == "minor" and span is not None and (
                not ages.fits(span, None, "adult", vocab)):
            points, why = points + SELF_ONLY, [*why, "for the young themselves"]
        # help for the one who did it: the guide's services for minor and for adult perpetrators are apart
        if treatment and span is not None and age_fits and group in ("minor", "adult") and not ages.fits(
                span, None, "adult" if group == "minor" else "minor", vocab):
            points, why = points + AGE_FITS, [*why, "for that age alone"]
        if span is not None:
            points += AGE_FITS if age_fits else AGE_MISFITS
            why.append(f"{'for' if age_fits else 'not for'} {'an' if group == 'adult' else 'a'} {group}")
        if sectors and i not in general:
            if not any(i in by_sector[s] for s in sectors):
                points, why = points + SECTOR_MISFITS, [*why, "another sector"]
            elif setting_asked:
                points, why = points + SECTOR_FITS, [*why, "sector " + "/".join(sorted(sectors))]
            else:
                points, why = points + SECTOR_MISFITS, [*why, "the setting, not what is asked"]
        # (a service that names its own audience, Aditi for people with disabilities or the CLB for pupils, is found
        # by whom it serves, which a story tells without naming the setting)
        elif i not in general and i in open_to_all:
            points, why = points + SETTING_UNNAMED, [*why, "for one setting, none named"]
        if wrong_harm:
            points, why = points + HARM_MISFITS, [*why, "for sexual harm, not this"]
        for topic, need in need_topics.items():
            if i in by_topic[topic] and not (need == "accused" and mediator(i)):
                points, why = points + NEED_FITS, [*why, f"{need}: {topic}"]
        # ...at a service that takes the call of whoever asks: a parent or a neighbour calls the citizens' line
        # (1712), a professional the VK, the child itself its own chat (the facts: professionals contact the VK
        # directly, citizens call 1712)
        if child_harm and i in by_topic[CHILD_HARM_TOPIC] and (
                not third_party or not serves or set(serves) & set(asker_roles)):
            points, why = points + CHILD_HARM_FITS, [*why, "harm done to a child"]
        # Urgency brings forward what answers this harm now: a service for sexual harms alone, none of them
        # told, gains nothing from being open at night (the care centre after sexual violence, for a beating,
        # for images shared or a child gone missing); the emergency numbers answer any harm.
        # (unless the story names the care it gives: a drink spiked calls for medical care)
        other_harm = bool(own_harms) and own_harms <= sexual and not own_harms & told and not any(
            t in named and i in by_topic[t] for t in words.recent_topics)
        # Days or weeks ago: medical care and evidence still matter after sexual violence, at a service for that
        # harm (the facts: within a week go straight to a care centre, later by appointment); the emergency
        # number's medical care is for what is urgent, not for what happened days ago, nor for no harm read.
        # (an act that goes on, told in the present, is recent but not of days ago: "wordt tot seks gedwongen")
        if situation.urgency == "recent" and not situation.ongoing and not other_harm:
            hits = [t for t in words.recent_topics if i in by_topic[t]
                    and (own_harms & told_sexual or t in named)]
            if hits:
                points, why = points + URGENT_FITS * len(hits), [*why, "recent: " + ", ".join(hits)]
        if care_first and i in by_topic[care_first] and told_sexual & own_harms:
            points, why = points + EVIDENCE_FITS, [*why, f"{care_first} care after sexual violence"]
        if situation.urgency == "acute" and not other_harm:
            urgent = index.data.emergency[i] < NOT_URGENT or i in always_open
            # crisis and medical care count for a service for the harm told, or when the story names them
            # (images threatened tonight call for no ambulance; with no harm read, a child not come home calls for
            # the police and the line for missing children, which are open day and night, before an ambulance)
            hits = [t for t in words.acute_topics if i in by_topic[t]
                    and (own_harms & told or t in named)]
            if urgent or hits:
                points += URGENT_FITS * (int(urgent) + len(hits))
                why.append("acute: " + ", ".join([*(["24/7 or emergency"] if urgent else []), *hits]))
        if avoided_kinds and any(i in by_kind[k] for k in avoided_kinds):
            points, why = points + AVOIDED, [*why, "not wanted: " + "/".join(situation.avoid)]
        if situation.channels_wanted:
            by = [c for c in situation.channels_wanted if i in by_channel[c]]
            if by:
                points, why = points + CHANNEL_FITS * len(by), [*why, "by " + "/".join(by)]
            else:
                points, why = points + CHANNEL_MISFITS, [*why, "not by " + "/".join(situation.channels_wanted)]
        if situation.channels_avoided:  # "durft niet te bellen": another way to reach someone, first
            own = [c for c in words.direct_channels if i in by_channel[c]]
            other = [c for c in own if c not in situation.channels_avoided]
            if other and not situation.channels_wanted:
                points, why = points + CHANNEL_FITS, [*why, "by " + "/".join(other)]
            elif own and not other:
                points, why = points + CHANNEL_MISFITS, [*why, "only by " + "/".join(own)]
        return Fit(points, tuple(why)) if points or why else None

    # services alike in all the fit reads of them (the same service elsewhere) fit alike: each kind is fitted once
    alike = fit_alike(index, vocab, candidates, bool(group))
    fitted: dict[Alike, Fit | None] = {}
    out: dict[int, Fit] = {}
    for i in candidates:
        key = alike[i]
        if key not in fitted:
            fitted[key] = fit_of(i)
        if (fit := fitted[key]) is not None:
            out[i] = fit
    return out


# Every member list the fit reads a service by (`situation_fit`): its facets, by every value a record may give
# (the vocabulary's, REF006; a channel's, model.CHANNELS, REF010), and the lists of those that list none or are
# always open. With the emergency rank and the ages served, what tells services apart for the fit. A rule that
# reads more of a service must add it here (tests/test_fit_alike.py fails when one is missing).
FIT_FACETS = ("topics", "roles", "sectors", "kinds", "channels")
FIT_LISTS = ("roles=", "sectors=", "audiences=", "flag=always_open")
Alike = tuple[int, int, Span]  # the lists it is on (a bit each), its emergency rank, its ages


def fit_alike(index: Index, vocab: Vocabulary, candidates: set[int], aged: bool) -> dict[int, Alike]:
    """Candidate -> what the fit reads of it: the member lists it is on (of FIT_FACETS, FIT_LISTS), its emergency
    rank and, when an age is weighed (`aged`), the ages it serves. Two services with the same key get the same fit:
    found in one pass over the lists, it spares scoring each of a thousand copies of a service on its own."""
    values = {facet: dict.fromkeys(vocab.values(facet)) for facet in FIT_FACETS}
    values["channels"].update(dict.fromkeys(CHANNELS))  # a contact's channel is checked against these (REF010)
    lists = [*(f"{facet}={v}" for facet in FIT_FACETS for v in values[facet]), *FIT_LISTS]
    on = [0] * len(index)  # one bit a list (ints, not lists: no garbage to collect)
    for bit, key in enumerate(lists):
        for i in index.members(key):
            on[i] |= 1 << bit
    served = served_ages(index, vocab) if aged else None
    emergency = index.data.emergency
    return {i: (on[i], emergency[i], served[i] if served is not None else None) for i in candidates}

