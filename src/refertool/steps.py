"""The steps table of `refer plan` (data/plan.toml), read into typed rules.

Which service goes in which step is data: a rule names the conditions on the situation and on the
service, and the line that says why. This module only reads and checks the table; `plan` applies it.
An unknown key, a wrong type or an unknown step is refused with the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import DataError, Problem
from .model import Localized, Service
from .text import tokens
from .tomlread import TomlProblem, parse_toml

STEPS = ("now", "advice", "report", "help-victim", "help-perpetrator", "later", "ask")
ASKERS = ("professional", "bystander", "victim", "perpetrator")
# whom a rule's line can be written for (`why_for`): the askers, a parent among the bystanders, and an asker
# not said (taken for a professional, so a line for professionals says what applies to whom)
WHY_FOR = (*ASKERS, "parent", "unsaid")


@dataclass(frozen=True)
class Rule:
    step: str
    why: Localized
    line: int = 0
    why_for: tuple[tuple[str, Localized], ...] = ()  # the line for one who asks (WHY_FOR), else `why`
    # the situation
    urgency: tuple[str, ...] = ()
    situation_topics: tuple[str, ...] = ()
    not_situation_topics: tuple[str, ...] = ()
    named_topics: tuple[str, ...] = ()  # the text itself names any of (not what the reader infers)
    not_named_topics: tuple[str, ...] = ()  # the text names none of
    asker: tuple[str, ...] = ()
    not_asker: tuple[str, ...] = ()
    act: bool | None = None
    feelings: bool | None = None
    doer: bool | None = None
    needs: tuple[str, ...] = ()
    doer_settings: tuple[str, ...] = ()
    doer_groups: tuple[str, ...] = ()
    victim_groups: tuple[str, ...] = ()
    not_doer_relations: tuple[str, ...] = ()
    doer_arranged: bool | None = None  # help for the person who did it is the asker's to arrange
    # the sexual harm was bodily (true) or at a distance (false): [topics] bodily and at_a_distance
    bodily: bool | None = None
    # the age group of someone in the story in no role (a child who sees violence at home) is one of
    witness_groups: tuple[str, ...] = ()
    # the service
    kinds: tuple[str, ...] = ()
    not_kinds: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    not_roles: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    not_topics: tuple[str, ...] = ()
    for_: str = ""  # "for" in the file: the person the service must fit
    names_audience: bool = False
    sector: str = ""
    care_centre: bool = False
    always_open: bool | None = None  # the service is reachable day and night (true) or not (false)
    implies: tuple[str, ...] = ()
    # how a service reached by its route in this step is reached (the police in Report: a complaint at the
    # local police, its 101 being for danger now); else the service's own route
    route: Localized | None = None

    def asks(self, s: Service, asker: str) -> bool:
        """An "ask" rule admits the service for this asker: a general service, of the rule's kinds, roles and topics."""
        return (not s.sectors and (not self.kinds or s.kind in self.kinds)
                and {asker if x == "asker" else x for x in self.roles} <= set(s.roles)
                and (not self.topics or bool(set(self.topics) & set(s.topics))))


@dataclass(frozen=True)
class Table:
    version: int
    rules: tuple[Rule, ...]
    topics: dict[str, frozenset[str]]
    doer_setting: dict[str, str]
    asker_order: dict[str, tuple[str, ...]]
    care_centres: dict[str, tuple[tuple[str, ...], ...]]  # language -> levels of regions, nearest first
    language_words: dict[str, frozenset[str]]
    harm_fits: dict[str, frozenset[str]] = field(default_factory=dict)  # a case's harm -> the harms serving it
    audience_setting: dict[str, str] = field(default_factory=dict)  # the case's setting, by whom it is about
    asked_first: dict[str, str] = field(default_factory=dict)  # a need read -> the step it brings forward
    step_kinds: dict[str, tuple[str, ...]] = field(default_factory=dict)  # a step's own order of kinds
    # how the doer is named (and, for some names, their setting) -> their age group when no age is said
    doer_group: dict[str, str | dict[str, str]] = field(default_factory=dict)
    close: frozenset[str] = frozenset()  # how a text names someone close to the asker (a son, a partner)
    close_when_own: frozenset[str] = frozenset()  # of those, close only as the asker's own ("my husband")
    # the age groups whose general support is only what names them (a child: the lines for children)
    support_named_for: frozenset[str] = frozenset()
    minor_settings: frozenset[str] = frozenset()  # the person affected there, age not said, is taken for a minor
    images_minor_settings: frozenset[str] = frozenset()  # so too with sexual images, in these settings
    any_age_relations: frozenset[str] = frozenset()  # the person affected so named, age not said: either age
    # the person affected asking for themself, of these age groups or urgencies: their help step comes forward
    self_first: dict[str, frozenset[str]] = field(default_factory=dict)
    path: str = ""

    def ask_rules(self, asker: str) -> list[Rule]:
        """The "ask" rules for this asker: whom they can ask when no step fits."""
        return [r for r in self.rules if r.step == "ask" and (not r.asker or asker in r.asker)]


TOP = {"version", "topics", "harm_fits", "audience_setting", "asked_first", "step_kinds", "doer_setting", "doer_group",
       "close", "close_when_own", "support_named_for", "minor_settings", "images_minor_settings",
       "any_age_relations", "self_first", "asker_order", "care_centres",
       "language_words", "rule"}
TOPIC_SETS = {"harm", "sexual", "specific", "images", "support", "danger", "bodily", "at_a_distance", "age_open"}
SELF_FIRST = {"victim_groups", "urgency"}
CHOICES = {"for": ("", "victim", "perpetrator", "witness"), "sector": ("", "none", "doer", "asker"), "step": STEPS}


def _lines(text: str) -> list[int]:
    """The line of each [[rule]] header, in order."""
    return [n for n, line in enumerate(text.splitlines(), 1) if re.match(r"\s*\[\[rule\]\]", line)]


def _key_line(text: str, key: str, start: int = 0) -> int:
    """The first line at or after `start` where `key` is set (or its table opens)."""
    pattern = re.compile(rf"^\s*(\[+)?{re.escape(key)}(\]+|\s*[=.])")
    for n, line in enumerate(text.splitlines()[max(start - 1, 0):], max(start, 1)):
        if pattern.match(line):
            return n
    return start or 1


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{where}: a list of strings is expected")
    return tuple(value)


def _levels(value: Any, key: str) -> list[Any]:
    if not isinstance(value, list):
        raise ValueError(f"care_centres.{key}: a list of lists of regions is expected")
    return value


def _why(value: Any, where: str) -> Localized:
    if not isinstance(value, dict) or set(value) - {"nl", "en"} or not value.get("en"):
        raise ValueError(f"{where}: nl and en texts are expected")
    return Localized(str(value.get("nl", value["en"])), str(value["en"]))


def _rule(raw: dict[str, Any], line: int, text: str) -> Rule:
    names = {f.name.rstrip("_"): f for f in fields(Rule) if f.name != "line"}
    values: dict[str, Any] = {"line": line}
    for key, value in raw.items():
        f = names.get(key)
        at = _key_line(text, key, line)
        if f is None:
            raise TomlProblem("REF004", f"rule: unknown key '{key}' (known: {', '.join(sorted(names))})", at)
        try:
            if key in ("why", "route"):
                values[key] = _why(value, key)
            elif key == "why_for":
                if not isinstance(value, dict) or set(value) - set(WHY_FOR):
                    raise ValueError(f"why_for: a line for any of {', '.join(WHY_FOR)} is expected")
                values["why_for"] = tuple((k, _why(v, f"why_for.{k}")) for k, v in value.items())
            elif f.type.startswith("tuple"):
                values[f.name] = _strings(value, key)
            elif f.type.startswith("bool"):
                if not isinstance(value, bool):
                    raise ValueError(f"{key}: true or false is expected")
                values[f.name] = value
            else:
                if not isinstance(value, str) or (key in CHOICES and value not in CHOICES[key]):
                    choices = ", ".join(repr(c) for c in CHOICES.get(key, ()))
                    raise ValueError(f"{key}: one of {choices} is expected" if key in CHOICES
                                     else f"{key}: a string is expected")
                values[f.name] = value
        except ValueError as exc:
            raise TomlProblem("REF005", f"rule: {exc}", at) from None
    for required in ("step", "why"):
        if required not in values:
            raise TomlProblem("REF003", f"rule: '{required}' is missing", line)
    for key in ("asker", "not_asker"):
        unknown = set(values.get(key, ())) - set(ASKERS)
        if unknown:
            raise TomlProblem("REF005", f"rule: {key}: unknown asker {', '.join(sorted(unknown))}",
                              _key_line(text, key, line))
    return Rule(**values)


def _self_first(raw: Any, text: str) -> dict[str, frozenset[str]]:
    unknown = set(raw) - SELF_FIRST
    if unknown:
        key = sorted(unknown)[0]
        raise TomlProblem("REF004", f"self_first: unknown key '{key}' (known: {', '.join(sorted(SELF_FIRST))})",
                          _key_line(text, key))
    return {k: frozenset(_strings(v, f"self_first.{k}")) for k, v in raw.items()}


def read_table(path: Path) -> Table:
    """data/plan.toml as a Table; a DataError naming the file and line when it is not one."""
    try:
        raw, text = parse_toml(path)
        for key in raw:
            if key not in TOP:
                raise TomlProblem("REF004", f"unknown key '{key}' (known: {', '.join(sorted(TOP))})",
                                  _key_line(text, key))
        topics = raw.get("topics", {})
        unknown = set(topics) - TOPIC_SETS
        if unknown:
            key = sorted(unknown)[0]
            raise TomlProblem("REF004", f"topics: unknown set '{key}' (known: {', '.join(sorted(TOPIC_SETS))})",
                              _key_line(text, key))
        starts = _lines(text)
        rules = tuple(_rule(r, starts[n] if n < len(starts) else 0, text) for n, r in enumerate(raw.get("rule", [])))
        order = {k: _strings(v, f"asker_order.{k}") for k, v in raw.get("asker_order", {}).items()}
        if set(order) - set(ASKERS):
            raise TomlProblem("REF004", f"asker_order: unknown asker '{sorted(set(order) - set(ASKERS))[0]}'",
                              _key_line(text, "asker_order"))
        settings = raw.get("doer_setting", {})
        if not all(isinstance(v, str) for v in settings.values()):
            raise TomlProblem("REF005", "doer_setting: a setting (a string) is expected",
                              _key_line(text, "doer_setting"))
        return Table(
            version=int(raw.get("version", 0)), rules=rules,
            topics={k: frozenset(_strings(v, f"topics.{k}")) for k, v in topics.items()},
            doer_setting=dict(settings), asker_order=order,
            care_centres={k: tuple(_strings(level, f"care_centres.{k}") for level in _levels(v, k))
                          for k, v in raw.get("care_centres", {}).items()},
            language_words={k: frozenset(_strings(v, f"language_words.{k}"))
                            for k, v in raw.get("language_words", {}).items()},
            audience_setting={k: str(v) for k, v in raw.get("audience_setting", {}).items()},
            asked_first={k: str(v) for k, v in raw.get("asked_first", {}).items()},
            close=frozenset(_strings(raw.get("close", []), "close")),
            close_when_own=frozenset(_strings(raw.get("close_when_own", []), "close_when_own")),
            support_named_for=frozenset(_strings(raw.get("support_named_for", []), "support_named_for")),
            minor_settings=frozenset(_strings(raw.get("minor_settings", []), "minor_settings")),
            any_age_relations=frozenset(_strings(raw.get("any_age_relations", []), "any_age_relations")),
            images_minor_settings=frozenset(_strings(raw.get("images_minor_settings", []), "images_minor_settings")),
            self_first=_self_first(raw.get("self_first", {}), text),
            doer_group={k: {s: str(g) for s, g in v.items()} if isinstance(v, dict) else str(v)
                        for k, v in raw.get("doer_group", {}).items()},
            step_kinds={k: _strings(v, f"step_kinds.{k}") for k, v in raw.get("step_kinds", {}).items()},
            harm_fits={k: frozenset(_strings(v, f"harm_fits.{k}")) for k, v in raw.get("harm_fits", {}).items()},
            path=str(path))
    except TomlProblem as exc:
        raise DataError([exc.at(path)]) from None
    except ValueError as exc:
        raise DataError([Problem(str(path), 0, "REF005", str(exc))]) from None


@lru_cache(maxsize=2)
def bundled() -> Table:
    from .directories import bundled_dir

    return read_table(bundled_dir() / "plan.toml")


def doer_setting(relation: str, asker_sector: str, table: Table | None = None) -> str | None:
    """The setting of the person who did it, by how the text names them ([doer_setting]): a teacher's is
    education; a colleague's, or anyone whose tie is the case's own, is the asker's sector; family, a partner
    or a stranger have none (""); None when it cannot be told (a colleague, and no setting named). The plan's
    report routes and search's fit both ask here."""
    setting = (table or bundled()).doer_setting.get(relation)
    if setting is None:
        return None
    if setting == "asker" or (setting and asker_sector):
        return asker_sector or None  # staff where the asker works, or in the setting the text names
    return setting


def doer_group(relation: str, setting: str, table: Table | None = None) -> str:
    """The age group of the person who did it when no age is said, by how the text names them and, where
    the name alone does not tell (a "begeleider" in youth work may be 17), their setting ([doer_group])."""
    group = (table or bundled()).doer_group.get(relation, "")
    return group.get(setting, "") if isinstance(group, dict) else group


def arranged(asker: str, needs: tuple[str, ...], relation: str | None, group: str, table: Table | None = None,
             own: bool = True) -> bool:
    """Help for the person who did it is the asker's to arrange: a citizen's for themself, for someone close
    ([close]: their son; [close_when_own]: a man is their partner only as "my husband", `own`) or when they ask
    for it; a professional's for a minor or for someone of a setting (staff, a colleague, a resident), not for
    the family of the person they help (the VK and the police)."""
    table = table or bundled()
    if asker != "professional":
        close = relation in table.close and (own or relation not in table.close_when_own)
        return asker == "perpetrator" or "help-perpetrator" in needs or close
    return group == "minor" or (relation is not None and table.doer_setting.get(relation) not in (None, ""))


def images_of_a_minor(topics: set[str], groups: set[str], settings: set[str], table: Table) -> bool:
    """Sexual images of someone of no given age ([topics] age_open) in a story of minors: anyone in it a minor
    (`groups`: the age groups read), or a setting of minors (`settings`: [images_minor_settings], a school).
    They are then a child's, abuse material, whatever role the reader gave the one whose age it read."""
    return bool(topics & table.topics.get("age_open", frozenset())) and (
        "minor" in groups or bool(settings & table.images_minor_settings))


def bodily(topics: set[str], table: Table) -> bool:
    """The sexual harm was one of the body (rape, assault, touching: what a care centre examines and treats): a
    bodily harm is read ([topics] bodily), or a sexual one with nothing telling it happened at a distance
    ([topics] at_a_distance: messages, a request for pictures, online)."""
    got = table.topics.get
    return bool(topics & got("bodily", frozenset())) or (
        bool(topics & got("sexual", frozenset())) and not topics & got("at_a_distance", frozenset()))


def order(sections: tuple[str, ...], needs: tuple[str, ...], table: Table | None = None,
          first: tuple[str, ...] = ()) -> list[str]:
    """The plan's steps in the guide's order, the help the text asks for ([asked_first]) and the steps `first`
    brings forward right after Now and Advice (what is to be done at once, and the asker's own advice)."""
    table = table or bundled()
    asked = [*(table.asked_first[n] for n in needs if table.asked_first.get(n) in sections),
             *(sid for sid in first if sid in sections)]
    rest = [sid for sid in sections if sid not in asked]
    at = max((rest.index(sid) + 1 for sid in ("now", "advice") if sid in rest), default=0)
    return [*rest[:at], *dict.fromkeys(asked), *rest[at:]]


def self_first(table: Table, asker: str, victim_group: str, urgency: str) -> tuple[str, ...]:
    """The person affected asking for themself as a child, or of what happened long ago ([self_first]): their
    help step right after Now and Advice, who listens before where to report."""
    rule = table.self_first
    if asker != "victim" or not (victim_group in rule.get("victim_groups", ()) or urgency in rule.get("urgency", ())):
        return ()
    return ("help-victim",)


def query_language(text: str, lang: str, table: Table | None = None) -> str:
    """The language the text is written in: the one whose common words it uses most; else `lang`."""
    table = table or bundled()
    words = tokens(text)
    counts = {code: sum(w in markers for w in words) for code, markers in table.language_words.items()}
    best = max(counts.values(), default=0)
    found = [code for code, n in counts.items() if n == best]
    return found[0] if best and len(found) == 1 else lang


def home_regions(text: str, lang: str = "nl", table: Table | None = None) -> tuple[tuple[str, ...], ...]:
    """The regions nearest a query that names no place: those of its language, in levels, nearest first."""
    table = table or bundled()
    return table.care_centres.get(query_language(text, lang, table), ())
