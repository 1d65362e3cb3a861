"""Which lines a poster for one audience shows: chosen from the data, never from a list of ids.

A poster for an audience carries the emergency numbers (a strip on every poster), the lines open to
everyone that one phones, chats with or walks into (helplines, chats, the care centres), and the places
that name that very audience and offer someone to talk to (the CAW for adults, the JAC and Tejo for young
people, Aditi for people with disabilities). The audience and age rules are search's own (`flag_filter`
with `audiences` and the audience's ages), so a poster never shows what `refer search --audience` leaves out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .catalog import Catalog
    from .model import Service

# The strip at the top of every poster: the numbers for an emergency.
EMERGENCY_KINDS = ("emergency-number",)
# Lines for everyone of the audience (open to all, or naming it): what one phones, chats with or walks into.
OPEN_KINDS = ("helpline", "chat", "hospital-service")
# Organisations and networks make the poster only for the audience they name themselves, and only when they
# offer someone to talk to (not a mediation service, a directory or an authority).
NAMING_KINDS = ("organisation", "network", "self-help")
TALK_TOPICS = frozenset({"emotional-support", "sexuality"})
# An authority or reporting point that names the audience is its own route to report (the VAPH for people
# with disabilities, Child Focus's reporting point for minors): on its poster whoever it lists as users.
ROUTE_KINDS = ("authority", "reporting-point")
KINDS = (*EMERGENCY_KINDS, *OPEN_KINDS, *NAMING_KINDS)
# ...as the person it happens to: the poster speaks to them. Lines that also welcome a bystander stay on
# it (a worried friend calls the same line), but a bystander alone is not enough: the data's bystander
# is also the relative of someone worried about their own feelings towards children (Stop it Now!),
# and such a line does not belong on a poster for the people it may happen to.
ROLES = ("victim",)
REACHABLE = ("phone", "chat", "website")


def on_poster(s: Service, audience: str) -> bool:
    """Whether a service that passed the audience, age and role filters belongs on the audience's poster."""
    if s.kind in EMERGENCY_KINDS or s.kind in OPEN_KINDS:
        return True
    if s.kind in ROUTE_KINDS:
        return audience in s.audiences
    return s.kind in NAMING_KINDS and audience in s.audiences and bool(TALK_TOPICS & set(s.topics))


def helplines(catalog: Catalog, audience: str, region: str | None = None) -> list[Service]:
    """The poster's services for `audience` (and its ages) that serve all of `region`, with a phone, chat or
    web address: the emergency numbers first, then in the emergency order (116 000 before 1712), then by
    name."""
    from .places import covers_all_of
    from .query import Filters
    from .ranking import flag_filter

    index = catalog.index
    ages = catalog.vocabulary.age_spans().get(audience)
    chosen = Filters(kinds=list(KINDS), audiences=[audience], roles=list(ROLES), age=ages)
    routes = Filters(kinds=list(ROUTE_KINDS), audiences=[audience], age=ages)
    found = []
    for n in sorted(flag_filter(index, catalog, chosen, None) | flag_filter(index, catalog, routes, None)):
        service = catalog.services[index.data.ids[n]]
        # A poster for a region lists only what serves the whole region, not a part of it.
        if region and not covers_all_of(service.regions, region, catalog.regions):
            continue
        if on_poster(service, audience) and (service.website or any(c.channel in REACHABLE
                                                                    for c in service.contacts)):
            found.append(service)
    # An organisation whose own line is on the poster is shown through that line, not twice (the CLB through
    # CLBch@t): the line is the way to reach it.
    lines_of = {s.organisation for s in found if s.kind in OPEN_KINDS and s.organisation}
    found = [s for s in found if not (s.kind in NAMING_KINDS and s.name in lines_of)]
    return sorted(found, key=lambda s: (s.kind not in EMERGENCY_KINDS, s.emergency is None, s.emergency or 0,
                                        s.name.casefold(), s.id))
