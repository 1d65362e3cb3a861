"""Plain, frozen data: what a service, a contact and the vocabulary are."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import Any, NamedTuple

LANGS = ("nl", "en")
CHANNELS = ("phone", "chat", "email", "website", "visit", "appointment")
DAYS = ("mo", "tu", "we", "th", "fr", "sa", "su")


# Value records are NamedTuples: immutable, comparable, picklable, and far cheaper to
# define at import than dataclasses (start-up matters for `refer emergency`).
class FacetSpec(NamedTuple):
    """What the code knows about one facet: the one table query, index, ranking, exports and the CLI read."""

    id: str  # the Service field and the vocabulary table ("audiences")
    singular: str  # for options and messages ("--audience", "unknown audience")
    open_when_empty: bool = False  # a service listing none is open to all (and a filter lets it pass)
    from_text: bool = False  # words in a query can name its values
    describes: bool = False  # its labels count as the words of a service that carries it
    strict: bool = False  # as a filter: only services that list the value pass
    classifies: bool = True  # says who or what a service is for: an HSDS taxonomy, and an explicit filter ranks


FACET_SPECS = (
    FacetSpec("audiences", "audience", open_when_empty=True, from_text=True),
    FacetSpec("roles", "role", open_when_empty=True, from_text=True),
    FacetSpec("topics", "topic", from_text=True, describes=True, strict=True),
    FacetSpec("sectors", "sector", open_when_empty=True, from_text=True, describes=True),
    # values in regions.toml; a place in a query is read by the phrase table. A service listing none is one
    # whose sources give no area: a place never hides it, and it ranks as one for all of Belgium.
    FacetSpec("regions", "region", open_when_empty=True),
    FacetSpec("channels", "channel", strict=True, classifies=False),  # derived from the contacts
    FacetSpec("kinds", "kind", describes=True, strict=True, classifies=False),  # one value: Service.kind
)
FACET = {f.id: f for f in FACET_SPECS}
# Facets whose values the vocabulary defines (regions have their own file).
FACETS = tuple(f.id for f in FACET_SPECS if f.id != "regions")


def facets(**wanted: bool) -> tuple[str, ...]:
    """The facet ids whose spec has every flag given, in table order: facets(from_text=True)."""
    return tuple(f.id for f in FACET_SPECS if all(getattr(f, k) == v for k, v in wanted.items()))


def facet_values(s: Service, facet: str) -> tuple[str, ...]:
    """The values one service carries for a facet (channels come from its contacts, kinds from `kind`)."""
    if facet == "kinds":
        return (s.kind,) if s.kind else ()
    return getattr(s, facet)


class Localized(NamedTuple):
    """A text in Dutch and English; either may be empty."""

    nl: str = ""
    en: str = ""

    def get(self, lang: str) -> str:
        first, second = (self.nl, self.en) if lang == "nl" else (self.en, self.nl)
        return first or second

    def __bool__(self) -> bool:
        return bool(self.nl or self.en)


class Hours(NamedTuple):
    """One weekly opening slot, local time in Europe/Brussels."""

    days: tuple[str, ...]
    opens: str  # "HH:MM"
    closes: str  # "HH:MM"; "24:00" allowed


class Contact(NamedTuple):
    """A way in. Two kinds of note: `note` is for the person who uses the contact (hours, for whom,
    language, "not an intake line", "press 1", at most a short "as of 2019" or "unconfirmed"); `provenance`
    is for whoever keeps the data (which page, what was inferred, what conflicts) and is shown only
    with the sources (`refer sources`, the card's sources part, JSON's `source`), never to callers."""

    channel: str
    value: str
    hours: tuple[Hours, ...] = ()
    always_open: bool = False
    note: Localized = Localized()
    source: str = ""  # the id of the source (data/sources.toml) this contact comes from
    provenance: Localized = Localized()
    # Where this way in serves, when it is narrower than the service's area (a city police zone's line
    # within the police, one regional office's number): a plan for another place leaves it out.
    regions: tuple[str, ...] = ()


class Location(NamedTuple):
    """Where a service is. Where it serves is its area (`Service.regions`): a care centre
    is located in one city but takes in every victim."""

    name: str
    city: str  # a municipality as named in regions.toml
    region: str  # a region id: the province (or Brussels) the city lies in
    address: str = ""
    source: str = ""
    note: Localized = Localized()  # for the visitor, as a contact's note ("entrance by the emergency department")
    provenance: Localized = Localized()  # for maintainers, as a contact's


class Service(NamedTuple):
    id: str
    name: str
    summary: Localized
    audiences: tuple[str, ...]
    roles: tuple[str, ...]
    topics: tuple[str, ...]
    regions: tuple[str, ...]
    contacts: tuple[Contact, ...]
    verified_at: dt.date
    description: Localized = Localized()
    kind: str = ""
    organisation: str = ""
    sectors: tuple[str, ...] = ()
    age_min: int | None = None
    age_max: int | None = None
    keywords_nl: tuple[str, ...] = ()
    keywords_en: tuple[str, ...] = ()
    website: str = ""
    email: str = ""
    free: bool | None = None
    anonymous: bool | None = None
    confidential: bool | None = None
    always_open: bool | None = None
    emergency: int | None = None
    how_to_reach: Localized = Localized()
    source_section: str = ""
    source_document: str = ""
    sources: tuple[str, ...] = ()  # ids of every source the record's facts come from
    # for maintainers: how sure the record's texts and flags are and why (`[source] notes`); shown with the
    # sources only, as a contact's provenance is
    source_notes: Localized = Localized()
    locations: tuple[Location, ...] = ()
    path: str = ""

    @property
    def always_reachable(self) -> bool:
        """Day and night: the service says so, or one of its contacts does."""
        return bool(self.always_open) or any(c.always_open for c in self.contacts)

    @property
    def channels(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.channel for c in self.contacts))

    @property
    def keywords(self) -> tuple[str, ...]:
        return self.keywords_nl + self.keywords_en


class FacetValue(NamedTuple):
    id: str
    nl: str
    en: str
    synonyms: tuple[str, ...] = ()
    ages: tuple[int, int] | None = None  # an audience of an age group: the ages it covers (vocabulary.toml)
    group: str = ""  # "minor" or "adult": the audience whose ages decide that group (see refertool.ages)
    unknown_age: tuple[int, int] | None = None  # the ages taken for one of that group whose age is not said

    def label(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en


class Region(NamedTuple):
    id: str
    nl: str
    en: str
    parent: str = ""
    synonyms: tuple[str, ...] = ()
    postcodes: tuple[tuple[int, int], ...] = ()
    municipalities: tuple[str, ...] = ()

    def label(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en


class Regions:
    """Belgium > regions > provinces, with places and postcodes (hashed by identity: caches key on it)."""

    def __init__(self, areas: dict[str, Region] | None = None):
        self.areas: dict[str, Region] = areas or {}

    def ancestors(self, region_id: str) -> list[str]:
        """The region itself and every area above it, nearest first."""
        chain: list[str] = []
        while region_id and region_id in self.areas and region_id not in chain:
            chain.append(region_id)
            region_id = self.areas[region_id].parent
        return chain

    def breadth(self, served: tuple[str, ...]) -> int:
        """How many of the smallest areas (provinces) a coverage spans; no area given spans them all."""
        return _breadth(self, tuple(served))

    def by_postcode(self, code: int) -> str | None:
        for area in self.areas.values():
            if any(lo <= code <= hi for lo, hi in area.postcodes):
                return area.id
        return None


@lru_cache(maxsize=4096)
def _breadth(regions: Regions, served: tuple[str, ...]) -> int:
    parents = {a.parent for a in regions.areas.values()}
    leaves = [a for a in regions.areas if a not in parents]
    if not served:
        return len(leaves)
    return sum(1 for leaf in leaves if set(regions.ancestors(leaf)) & set(served))


class Vocabulary:
    """Facet values with labels and synonyms, the bilingual concept groups, and the word lists the
    situation reader uses (data/situation.toml, as read); hashed by identity."""

    def __init__(self, facets: dict[str, dict[str, FacetValue]], concepts: tuple[tuple[str, ...], ...] = (),
                 situation: dict[str, Any] | None = None):
        self.facets, self.concepts = facets, concepts
        self.situation: dict[str, Any] = situation or {}
        # Tables built from this vocabulary that the index cache kept (cache.Store.kept): name -> table or None.
        self.kept_by: Callable[[str], Any] | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "kept_by": None}  # the cache's lookup stays with the process that opened it

    def kept(self, name: str) -> Any:
        """A table built from this vocabulary and kept by the index cache, so that a run need not build it again;
        None when none is kept (the caller builds its own)."""
        return self.kept_by(name) if self.kept_by is not None else None

    def values(self, facet: str) -> dict[str, FacetValue]:
        return self.facets.get(facet, {})

    def label(self, facet: str, value: str, lang: str) -> str:
        found = self.values(facet).get(value)
        return found.label(lang) if found else value

    def value_id(self, facet: str, given: str) -> str | None:
        """The id of the facet value `given` names: its id, or its Dutch or English label, in any case
        and with or without accents (a Dutch label typed in capitals names the same value as its id); None when
        it names none."""
        wanted = _bare(given.strip())
        for v in self.values(facet).values():
            if wanted in (_bare(v.id), _bare(v.nl), _bare(v.en)):
                return v.id
        return None

    def value_choices(self, facet: str) -> list[str]:
        """Every value of a facet as a user may type it: "minors (Minderjarigen, Minors)"."""
        return [f"{v.id} ({v.nl}, {v.en})" for v in self.values(facet).values()]

    def age_spans(self) -> dict[str, tuple[int, int]]:
        """The audiences that are age groups, with the ages each covers."""
        return {v.id: v.ages for v in self.values("audiences").values() if v.ages}


def audience_span(audiences: Iterable[str], spans: Mapping[str, tuple[int, int]]) -> tuple[int, int] | None:
    """The ages a service's audiences cover; None (any age) when it lists none, or one that is not an
    age group (people with disabilities are of every age)."""
    found = [spans.get(a) for a in audiences]
    if not found or any(span is None for span in found):
        return None
    spans_found = [span for span in found if span is not None]
    return min(lo for lo, _ in spans_found), max(hi for _, hi in spans_found)


def _bare(text: str) -> str:
    """Case and accents folded, for comparing what a user typed with a label ("cliënt" = "client")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))
