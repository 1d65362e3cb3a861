"""A situation as read: the people in it and what the reader made of the text, as plain data."""

from __future__ import annotations

from dataclasses import dataclass, field

ROLE_WORDS = ("victim", "perpetrator")  # relations that are only a role ("slachtoffer", "dader")
CLOSE_ASKERS = frozenset({"parent", "bystander"})  # asker roles (data/situation.toml) of people close to it


@dataclass(frozen=True)
class Person:
    role: str  # "victim" | "perpetrator" | "bystander" | "" (unknown)
    age: int | None  # an age read from the text ("14", "(14)", "15j", "12yo", "aged 16")
    age_group: str  # "minor" | "adult" | ""
    relation: str  # child, pupil, athlete, participant, colleague, partner, parent, trainer, leader, self, ...
    words: str  # the words of the text it was read from
    accused: bool = False  # said to have done it ("beschuldigd van", "accused of"), not known to
    own: bool = False  # the asker's own ("mijn dochter", "my brother", "mijn cliënt")
    # The age when it happened ("toen hij 7 was", "at age 6"); `age_group` is the group then, `age` the age now.
    age_then: int | None = None


@dataclass(frozen=True)
class Situation:
    people: tuple[Person, ...] = ()
    asker_role: str = ""
    asker_sector: str = ""
    urgency: str = ""  # "acute" | "recent" | "past" | ""
    needs: tuple[str, ...] = ()
    channels_wanted: tuple[str, ...] = ()
    channels_avoided: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    places: tuple[str, ...] = ()  # region ids
    topics: tuple[str, ...] = ()
    # Added for the search: the municipalities named (folded), for nearness; whether the asker
    # speaks in their own role (their sector is the setting); the words the reader used up.
    municipalities: tuple[str, ...] = ()
    asker_in_role: bool = False
    at_home: bool = False  # it happened at home ("thuis", "at home")
    implied: tuple[str, ...] = ()  # topics the story implies without naming them ("dwingt me tot seks")
    # Who asks, coarsely: "professional" | "parent" | "victim" | "perpetrator" | "bystander" | "" (not told).
    asker: str = ""
    ongoing: bool = False  # it still goes on: repeated acts, contact or images that continue
    assumed: tuple[str, ...] = ()  # the fields guessed rather than read ("asker", "victim.age_group", ...)
    read_words: frozenset[str] = field(default_factory=frozenset)

    def victim(self) -> Person | None:
        return next((p for p in self.people if p.role == "victim"), None)

    def perpetrator(self) -> Person | None:
        return next((p for p in self.people if p.role == "perpetrator"), None)

    def subject(self) -> Person | None:
        """The person the question is about: the one who did it when help for them is sought."""
        if "help-perpetrator" in self.needs or "feelings" in self.needs:
            return self.perpetrator() or self.victim()
        me = next((p for p in self.people if p.relation == "self" and p.role), None)
        if me is not None:  # "my ex posted pictures of me": the asker speaks for themself
            return me
        own = next((p for p in self.people if p.own and p.role), None)
        if own is not None:  # "mijn zoon heeft een meisje betast": the asker asks about their own
            return own
        return (self.victim() or self.perpetrator() or next((p for p in self.people if p.age is not None), None)
                or next((p for p in self.people if p.age_group == "minor"), None) or next(iter(self.people), None))

    def __bool__(self) -> bool:
        """Whether anything beyond plain keywords was read."""
        # a role word alone ("pleger", "slachtoffer") is a keyword, not a told situation
        return bool(any(p.role and p.relation not in ROLE_WORDS for p in self.people) or self.asker_role
                    or self.urgency or self.needs or self.channels_wanted or self.channels_avoided or self.avoid
                    or self.implied)

    def asker_kind(self) -> str:
        """The asker as a `roles` id: victim or perpetrator (for themselves), bystander (a parent, a
        relative) or professional (a teacher, a trainer, a volunteer...); "" when not said. The plan's
        steps and the fit's roles both ask here."""
        role = self.asker_role
        if role in ("victim", "perpetrator", "bystander", "professional", ""):
            return role
        return "bystander" if role in CLOSE_ASKERS else "professional"
