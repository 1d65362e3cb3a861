"""Who is who in a plan: a person as the plan sees them (the audiences and age they belong to), and which
services fit them by their ages and audiences (`ages` decides ages: the one rule for every step)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from . import ages
from .model import Service, Vocabulary
from .reading.model import Person


@dataclass(frozen=True)
class Who:
    """A person as the plan sees them: the audiences they belong to and their age, if known."""

    audiences: frozenset[str]
    age: int | None
    group: str
    vocab: Vocabulary

    def fits(self, s: Service) -> bool:
        """The service serves this person: its ages (`ages`, the one rule) and its audiences."""
        span = ages.service_ages(s, self.vocab)
        if span and not ages.fits(span, self.age, self.group, self.vocab):
            return False
        return not s.audiences or bool(self.audiences & set(s.audiences))

    def names(self, s: Service) -> bool:
        """The service names this person's audience itself (not merely open to all)."""
        return bool(self.audiences & set(s.audiences))


def who(person: Person | None, group: str, extra: Iterable[str], vocab: Vocabulary) -> Who:
    """With no age said, the age groups the person surely belongs to: an adult of no given age is not named
    among young adults (a service for them still fits, by its ages, but is not help written for them)."""
    age = person.age if person else None
    found = ages.audiences_of(age, group, vocab)
    taken = ages.assumed(group, vocab) if age is None else None
    if taken is not None:
        spans = vocab.age_spans()
        found = frozenset(a for a in found if spans[a][0] <= taken[0] and taken[1] <= spans[a][1])
    return Who(found | set(extra), age, group, vocab)


def group_of_person(person: Person | None, vocab: Vocabulary) -> str:
    """The age group of a person: by their age, else as the text names it; "" for no one."""
    if person is None:
        return ""
    return ages.age_group(person.age, vocab) or person.age_group
