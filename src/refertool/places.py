"""Places, decided once: which place a name or a postcode means, whether a service's area covers a
place, and how near a service is to one.

Everything is read from the regions (data/regions.toml: Belgium > regions > provinces, with their
names in both languages, other names, municipalities and postcode ranges). The functions take
place ids and `Regions`, never a described situation: the query parser, the situation reader,
ranking, the plan, the posters and the emergency view all ask here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

from .model import Regions, Service
from .text import closest, fold, tokens

# How near a service is to a place in a query, smallest first: located in the town named, in the
# province (or the place named), in its region; any other service is FAR (not near at all).
NEAR_TOWN, NEAR_PROVINCE, NEAR_REGION, FAR = range(4)
# Unknown places sort after every known one in `distance`: 98 for a place with nothing in common
# with the one asked about, 99 for a service whose place the data does not give.
UNRELATED, UNKNOWN = 98, 99
POSTCODE_WORDS = frozenset({"postcode", "postal", "zip", "code"})  # "postcode 1712": a postcode all the same


# ---------------------------------------------------------------- names and postcodes
def names(regions: Regions) -> Iterator[tuple[str, str]]:
    """Every name of a place, with the region id it names: areas' names, then their municipalities."""
    for area in regions.areas.values():
        for name in (area.nl, area.en, *area.synonyms):
            yield name, area.id
        for place in area.municipalities:
            yield place, area.id


@lru_cache(maxsize=4)
def table(regions: Regions) -> dict[tuple[str, ...], tuple[str, str]]:
    """A place name as tokens -> (region id, municipality or ""): an area's own names keep the first
    area that has them; a municipality names its province, and itself as a town."""
    out: dict[tuple[str, ...], tuple[str, str]] = {}
    for area in regions.areas.values():
        for name in (area.nl, area.en, *area.synonyms):
            key = tuple(tokens(name))
            if key:
                out.setdefault(key, (area.id, ""))
        for place in area.municipalities:
            key = tuple(tokens(place))
            if key:
                out[key] = (area.id, " ".join(key))
    return out


@lru_cache(maxsize=4)
def folded(regions: Regions) -> dict[str, str]:
    """Every place name (folded, as one word or several) -> its region id; the smallest area wins."""
    known: dict[str, str] = {}
    for area in regions.areas.values():
        for name in (area.nl, area.en, *area.synonyms, *area.municipalities):
            key = fold(name)
            if len(regions.ancestors(area.id)) >= len(regions.ancestors(known.get(key, ""))):
                known[key] = area.id
    return known


def postcode(words: list[str], i: int, regions: Regions, known: Callable[[str], bool] = lambda w: False) -> str | None:
    """The region a postcode at `words[i]` names: four digits inside a known range, unless the number is
    a word of the data itself (1712 is a helpline) and not called a postcode ("postcode 1712")."""
    word = words[i]
    if len(word) != 4 or not (word.isascii() and word.isdigit()):
        return None
    said = i > 0 and words[i - 1] in POSTCODE_WORDS
    if not said and known(word):
        return None
    return regions.by_postcode(int(word))


def region_of(value: str, regions: Regions) -> str | None:
    """A region id or a postcode -> a region id; None when it is neither (a name: see `table`)."""
    v = value.strip()
    if v in regions.areas:
        return v
    return postcode([v], 0, regions)


def suggestion(value: str, regions: Regions) -> str | None:
    """The region id or place name nearest to a mistyped one ("did you mean"), if one is near enough:
    "oost-vlaanderne" -> oost-vlaanderen, "Gnet" -> Gent (a name as the data writes it)."""
    spelled = {fold(name): name for name, _ in names(regions)}
    spelled.update((area, area) for area in regions.areas)  # an id as itself, before a name folded alike
    near = closest(fold(value.strip()), spelled)
    return spelled[near] if near else None


# ---------------------------------------------------------------- coverage
def covering(place: str, regions: Regions) -> list[str]:
    """The areas whose services a filter on `place` keeps: the place, the areas above it (a service
    for Flanders serves Gent) and those below it (a service for Gent is one in Flanders)."""
    return [a for a in regions.areas if a in regions.ancestors(place) or place in regions.ancestors(a)]


def covers(served: Iterable[str], place: str, regions: Regions) -> bool:
    """A service whose area is `served` is one for `place` (the same rule as `covering`); one whose
    sources give no area (`served` empty) is one for every place."""
    served = set(served)
    return not served or bool(served & set(covering(place, regions)))


def for_places(s: Service, told: Iterable[str], regions: Regions) -> Service:
    """The service with only the contacts that serve one of the places told (a Brussels police zone's line
    is no way in for Gent). With no place told, a contact for one area only is left out where the service
    has a way in for everyone (most who ask are elsewhere, and `--region` brings it back); a service whose
    every contact serves one area keeps them all, each with the note that says where it serves."""
    told = tuple(told)
    if not any(c.regions for c in s.contacts):
        return s
    if told:
        kept = tuple(c for c in s.contacts if any(covers(c.regions, place, regions) for place in told))
    else:
        kept = tuple(c for c in s.contacts if not c.regions) or s.contacts
    return s._replace(contacts=kept)


def covers_all_of(served: Iterable[str], place: str, regions: Regions) -> bool:
    """A service whose area is `served` serves the whole of `place` (Flanders serves all of Limburg;
    Gent does not serve all of Flanders); no area given is not limited to a part of any place."""
    served = set(served)
    return not served or bool(set(regions.ancestors(place)) & served)


# ---------------------------------------------------------------- nearness
def distance(region: str, near: str, regions: Regions) -> int:
    """0 in the same area as `near`, 1 one level up (the same province's region), ...; unknown places last."""
    if not region:
        return UNKNOWN
    mine = regions.ancestors(region)
    for steps, area in enumerate(regions.ancestors(near)):
        if area in mine:
            return steps
    return UNRELATED


def nearness(members: Callable[[str], frozenset[int]], regions: Regions, places: Iterable[str],
             towns: Iterable[str] = ()) -> dict[int, int]:
    """For places named: services located in one of the towns, then in the province, then in the region
    (smaller is nearer); a service located nowhere near is not in the result (FAR). `members` is the index's
    lookup of a member list ("city=gent", "located=oost-vlaanderen")."""
    near: dict[int, int] = {}

    def put(members: frozenset[int], level: int) -> None:
        for i in members:
            if level < near.get(i, FAR):
                near[i] = level

    for town in towns:
        put(members(f"city={town}"), NEAR_TOWN)
    for place in places:
        chain = regions.ancestors(place)  # the place, its region, Belgium
        put(members(f"located={place}"), NEAR_PROVINCE)
        region = chain[1] if len(chain) > 2 else place
        for area in regions.areas.values():
            if area.parent == region:
                put(members(f"located={area.id}"), NEAR_REGION)
        put(members(f"located={region}"), NEAR_REGION)
    return near


class Place(NamedTuple):
    city: str
    region: str  # a region id, or "" when the data does not say


def places_of(s: Service, regions: Regions) -> list[Place]:
    """Where a service is: its locations, else the place its name ends with ("UZ Gent")."""
    if s.locations:
        return [Place(loc.city, loc.region) for loc in s.locations]
    known = folded(regions)
    for word in reversed(s.name.split()):
        if fold(word) in known:
            return [Place(word, known[fold(word)])]
    return []


def language_nearness(members: Callable[[str], frozenset[int]], regions: Regions,
                      levels: Iterable[Iterable[str]]) -> dict[int, int]:
    """No place named: services located in the areas of the first level (the query's language region)
    nearest, then the next level's; a service located elsewhere or nowhere is not in the result (FAR)."""
    near: dict[int, int] = {}
    for level, areas in enumerate(levels):
        for area in areas:
            for a in regions.areas:
                if area in regions.ancestors(a):
                    for i in members(f"located={a}"):
                        near.setdefault(i, min(level, FAR))
    return near
