"""Which helplines a poster for one audience shows: chosen from the data, never from a list of ids."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .catalog import Catalog
    from .model import Service

# A poster is for the people themselves: lines they can phone, chat with or visit online.
KINDS = ("helpline", "chat")
# ...as the person it happens to: the poster speaks to them. Lines that also welcome a bystander stay on
# it (a worried friend calls the same line), but a bystander alone is not enough: the data's bystander
# is also the relative of someone worried about their own feelings towards children (Stop it Now!),
# and such a line does not belong on a poster for the people it may happen to.
ROLES = ("victim",)
REACHABLE = ("phone", "chat", "website")


def helplines(catalog: Catalog, audience: str, region: str | None = None) -> list[Service]:
    """The helplines and chats open to `audience` (and its ages) that serve all of `region`, with a phone,
    chat or web address; the emergency order first (116 000 before 1712), then by name."""
    from .places import covers_all_of
    from .query import Filters
    from .ranking import flag_filter

    index = catalog.index
    chosen = Filters(kinds=list(KINDS), audiences=[audience], roles=list(ROLES),
                     age=catalog.vocabulary.age_spans().get(audience))
    found = []
    for n in flag_filter(index, catalog, chosen, None):
        service = catalog.services[index.data.ids[n]]
        # A poster for a region lists only what serves the whole region, not a part of it.
        if region and not covers_all_of(service.regions, region, catalog.regions):
            continue
        if service.website or any(c.channel in REACHABLE for c in service.contacts):
            found.append(service)
    return sorted(found, key=lambda s: (s.emergency is None, s.emergency or 0, s.name.casefold(), s.id))
