"""What a plan's rule asks of a service first, as a `Want` (`Catalog.among`): its kinds, roles, topics and sector.

A rule admits a service only when these hold (`plan._Builder.admits`, `plan._asked`), so the plan reads only
the services that carry them: on a large directory, what a rule may admit instead of every file. The rule's
other conditions (ages, audiences, the area, the harm) are checked on the services found, as before.
"""

from __future__ import annotations

from typing import Any

from .catalog import Want
from .steps import Rule, Table

# the care centres after sexual violence (`plan._care_centre`)
CARE_CENTRE = Want(frozenset({"hospital-service"}), frozenset({"sexual-violence"}), None, frozenset({"victim"}))


def roles(r: Rule, asker: str) -> set[str]:
    """The roles a service must carry for the rule; "asker" is the role of whoever asks."""
    return {asker if role == "asker" else role for role in r.roles}


def wanted(r: Rule, topics: set[str], table: Table) -> set[str]:
    """The topics of which the rule wants one: "situation" is the situation's topics, "support" the table's."""
    support = set(table.topics.get("support", ()))
    return set().union(*(topics if x == "situation" else support if x == "support" else {x} for x in r.topics))


def of_rule(r: Rule, asker: str, topics: set[str], table: Table, setting: str, sector: str) -> Want:
    """What the rule's kinds, roles, topics and sector ("none": a service of no sector; "doer": the setting of
    who did it; "asker": the asker's own) ask of a service."""
    sectors = {"none": {""}, "doer": {setting} - {""}, "asker": {sector} - {""}}.get(r.sector)
    return Want(set(r.kinds) or None, wanted(r, topics, table) if r.topics else None, sectors, roles(r, asker))


def of_ask(r: Rule, asker: str) -> Want:
    """What an "ask" rule asks of a service: a general one (of no sector), of its kinds, roles and topics."""
    return Want(set(r.kinds) or None, set(r.topics) or None, {""}, roles(r, asker))


# Entries a step keeps in full; the rest it names by id and name (`plan.Section.more`): on a directory of
# thousands a step could list thousands, each read and written out, where the first are the ones acted on.
KEPT = 15


def kept_in_full(rows: list[Any], one_line: bool) -> tuple[list[Any], list[Any]]:
    """A step's rows (sort key, service, rule), best first, split into those kept in full, KEPT entries, and the
    rest; `one_line` (no place known): the care centres join the first of them in one entry, counted once."""
    kept: list[Any] = []
    more: list[Any] = []
    centres = 0
    for row in rows:
        joins = one_line and CARE_CENTRE.meets(row[1])
        if (joins and centres) or len(kept) - max(centres - 1, 0) < KEPT:
            kept.append(row)
            centres += joins
        else:
            more.append(row)
    return kept, more
