"""The emergency view as plain data: one line per emergency rank, nearest place first.

Services that share an `emergency` rank are one kind of help in several places (the
care centres after sexual violence): they make one line that says where they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from .index import LINES_SHOWN, SHOWN_PER_LINE
from .model import Regions, Service
from .places import UNKNOWN, Place, distance, places_of


class EmergencyLine(NamedTuple):
    rank: int
    services: tuple[Service, ...]  # nearest first when a place is known
    places: tuple[Place, ...]  # where they are, nearest first, each city once
    # the cities of the services the data does not call open day and night (when some of the line are)
    not_always: tuple[str, ...] = ()

    @property
    def always_open(self) -> bool:
        """Only when the data says so for every service of the line."""
        return all(s.always_reachable for s in self.services)

    @property
    def free(self) -> bool:
        return all(s.free for s in self.services)

    @property
    def anonymous(self) -> bool:
        return all(s.anonymous for s in self.services)




def shared_name(names: Sequence[str]) -> str:
    """The words all names start with, up to their place: "Zorgcentrum na Seksueel Geweld – UZ Gent" and
    "... – UMC Luik" share "Zorgcentrum na Seksueel Geweld"; "" when they share nothing."""
    split = [name.split() for name in names]
    shared = []
    for words in zip(*split):
        if len(set(words)) > 1:
            break
        shared.append(words[0])
    dashes = [n for n, word in enumerate(shared) if not any(ch.isalnum() for ch in word)]
    if dashes:  # "Name – Hospital 1", "Name – Hospital 2": what comes after the dash names each one
        shared = shared[:dashes[-1]]
    return " ".join(shared)


def spread(members: list[tuple[Service, list[Place]]]) -> list[tuple[Service, list[Place]]]:
    """Each set of regions once (the first of them in emergency order), then each again, and so on; so that
    the first services of a line cut to `SHOWN_PER_LINE` are in as many places as there are. `index.shortlist`
    relies on this order: the k-th service of a set of regions is never before the (k-1)-th."""
    turn: dict[tuple[str, ...], int] = {}
    rounds = []
    for _, places in members:
        key = tuple(sorted({p.region for p in places}))
        turn[key] = turn.get(key, 0) + 1
        rounds.append(turn[key])
    return [members[i] for i in sorted(range(len(members)), key=rounds.__getitem__)]


def emergency_lines(services: Sequence[Service], regions: Regions, near: str | None = None) -> list[EmergencyLine]:
    """`services` in emergency order, grouped by rank; with `near` (a region id) the nearest first. One screen
    (`index.LINES_SHOWN` lines of at most `index.SHOWN_PER_LINE` services), however many there are."""
    by_rank: dict[int, list[Service]] = {}
    for s in services:
        if s.emergency is not None:
            by_rank.setdefault(s.emergency, []).append(s)
    lines = []
    for rank in sorted(by_rank)[:LINES_SHOWN]:
        # where they are matters for a line of several places, or to order them by a known place
        members = [(s, places_of(s, regions) if near or len(by_rank[rank]) > 1 else []) for s in by_rank[rank]]
        if len(members) > SHOWN_PER_LINE:  # cut to one screen: each place once first, not one place twelve times
            members = spread(members)
        if near:
            def nearest(item: tuple[Service, list[Place]]) -> int:
                return min((distance(p.region, near, regions) for p in item[1]), default=UNKNOWN)

            members.sort(key=nearest)  # stable: the emergency order among equals
        members = members[:SHOWN_PER_LINE]
        found: dict[str, Place] = {}
        for _, places in members:
            ordered = sorted(places, key=lambda p: distance(p.region, near, regions)) if near else places
            for p in ordered:
                found.setdefault(p.city, p)
        not_always = tuple(dict.fromkeys(p.city for s, places in members if not s.always_reachable for p in places))
        lines.append(EmergencyLine(rank, tuple(s for s, _ in members), tuple(found.values()), not_always))
    return lines
