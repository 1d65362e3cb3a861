"""Ages, decided once: is a person a minor or an adult, which ages a service serves, which age
groups a person belongs to.

Everything comes from the vocabulary's age groups (data/vocabulary.toml): an audience with
`ages = [from, to]` is an age group; the one with `group = "minor"` decides who is a minor, the one
with `group = "adult"` who is an adult; `unknown_age` is what is taken for one of a group whose age
is not said. No age and no audience id is written in the code.
"""

from __future__ import annotations

from collections.abc import Iterable

from .index import NO_AGE, Index, age_span
from .model import FacetValue, Service, Vocabulary, audience_span

MINOR, ADULT = "minor", "adult"  # the two groups a person's age puts them in


def _group(group: str, vocab: Vocabulary) -> FacetValue | None:
    """The age-group audience that decides `group`."""
    return next((v for v in vocab.values("audiences").values() if v.group == group and v.ages), None)


def is_minor(age: int, vocab: Vocabulary) -> bool:
    """A person of this age is a minor: the age lies in the minor group's ages."""
    minors = _group(MINOR, vocab)
    return minors is not None and minors.ages is not None and minors.ages[0] <= age <= minors.ages[1]


def age_group(age: int | None, vocab: Vocabulary) -> str:
    """"minor" or "adult" for a given age; "" when no age is given."""
    if age is None:
        return ""
    return MINOR if is_minor(age, vocab) else ADULT


def group_of(audiences: Iterable[str], vocab: Vocabulary) -> str:
    """The group named among audiences (--audience minors: a minor; the minor one when both are); ""
    when none is."""
    named = {v.group for a in audiences if (v := vocab.values("audiences").get(a)) is not None and v.group}
    return MINOR if MINOR in named else ADULT if ADULT in named else ""


def assumed(group: str, vocab: Vocabulary) -> tuple[int, int] | None:
    """The ages taken for one of `group` whose age is not said; None for no group."""
    found = _group(group, vocab) if group else None
    if found is None:
        return None
    return found.unknown_age or found.ages


def overlaps(span: tuple[int, int], lo: int, hi: int) -> bool:
    """A service for the ages `span` serves someone of an age from `lo` to `hi`."""
    return span[0] <= hi and lo <= span[1]


def fits(span: tuple[int, int], age: int | None, group: str, vocab: Vocabulary) -> bool:
    """A service for `span` serves this person: their age lies in it, or, with no age said, it meets
    the ages taken for their group."""
    if age is not None:
        return span[0] <= age <= span[1]
    taken = assumed(group, vocab)
    return taken is None or overlaps(span, *taken)


def audiences_of(age: int | None, group: str, vocab: Vocabulary) -> frozenset[str]:
    """The age-group audiences a person belongs to: those holding their age; with no age, those meeting
    the ages taken for their group; with neither, every age group."""
    spans = vocab.age_spans()
    taken = (age, age) if age is not None else assumed(group, vocab)
    return frozenset(a for a, span in spans.items() if taken is None or overlaps(span, *taken))


# ---------------------------------------------------------------- the ages a service serves
def own_ages(s: Service) -> tuple[int, int] | None:
    """The ages a service's record gives itself (age_min, age_max, as the index stores them); None when
    it gives none."""
    own = age_span(s)
    return None if own == NO_AGE else own


def served(own: tuple[int, int] | None, audiences: Iterable[str], vocab: Vocabulary) -> tuple[int, int] | None:
    """The one rule: a service's own ages, else those of its audiences; None when open to all."""
    return own if own is not None else audience_span(audiences, vocab.age_spans())


def service_ages(s: Service, vocab: Vocabulary) -> tuple[int, int] | None:
    """The ages a service serves, read from its record."""
    return served(own_ages(s), s.audiences, vocab)


def indexed_ages(index: Index, i: int, vocab: Vocabulary) -> tuple[int, int] | None:
    """The ages service number `i` serves, read from the index (its own ages and audience lists)."""
    own = index.data.ages[i]
    return served(None if own == NO_AGE else own,
                  (a for a in vocab.values("audiences") if i in index.members(f"audiences={a}")), vocab)
