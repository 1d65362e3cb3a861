"""A service as plain data: the stable JSON contract, and the flat rows of CSV and TSV."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..i18n import t
from ..model import Contact, Service
from ..sources import Source

COLUMNS = ("id", "name", "kind", "phone", "email", "website", "summary", "regions", "audiences", "roles",
           "topics", "free", "anonymous", "always_open", "verified_at", "sources", "notes")
SEARCH_COLUMNS = (*COLUMNS, "score")


def source_object(source_id: str, sources: Mapping[str, Source]) -> dict[str, Any] | None:
    """{id, title, url, as_of} of a source; an id the sources file does not know keeps only its id."""
    if not source_id:
        return None
    found = sources.get(source_id)
    if found is None:
        return {"id": source_id, "title": None, "url": None, "as_of": None}
    return {"id": found.id, "title": found.title, "url": found.url or None, "as_of": found.as_of}


def service_object(s: Service, lang: str, sources: Mapping[str, Source] | None = None) -> dict[str, Any]:
    """The JSON object of a service (documented in the README; keys are stable)."""
    known = sources or {}
    return {
        "id": s.id,
        "name": s.name,
        "summary": s.summary.get(lang),
        "description": s.description.get(lang),
        "kind": s.kind or None,
        "organisation": s.organisation or None,
        "audiences": list(s.audiences),
        "roles": list(s.roles),
        "topics": list(s.topics),
        "sectors": list(s.sectors),
        "regions": list(s.regions),
        "age_min": s.age_min,
        "age_max": s.age_max,
        "contacts": [
            {"channel": c.channel, "value": c.value,
             "hours": [{"days": list(h.days), "opens": h.opens, "closes": h.closes} for h in c.hours],
             "always_open": c.always_open, "note": c.note.get(lang) or None,
             "source": source_object(c.source, known)}
            for c in s.contacts
        ],
        "locations": [{"name": loc.name, "city": loc.city, "region": loc.region, "address": loc.address or None,
                       "source": source_object(loc.source, known)} for loc in s.locations],
        "how_to_reach": s.how_to_reach.get(lang) or None,
        "website": s.website or None,
        "email": s.email or None,
        "free": s.free,
        "anonymous": s.anonymous,
        "confidential": s.confidential,
        "always_open": s.always_open,
        "emergency": s.emergency,
        "source_document": s.source_document or None,
        "source_section": s.source_section or None,
        "sources": [source_object(sid, known) for sid in s.sources],
        "verified_at": s.verified_at.isoformat(),
    }


def phones(s: Service) -> list[str]:
    return [c.value for c in s.contacts if c.channel == "phone"]


def _flag(value: bool | None) -> str:
    return "" if value is None else "yes" if value else "no"


def flat_row(s: Service, lang: str) -> dict[str, str]:
    emails = [c.value for c in s.contacts if c.channel == "email"] or ([s.email] if s.email else [])
    sites = [c.value for c in s.contacts if c.channel == "website"] or ([s.website] if s.website else [])
    return {
        "id": s.id, "name": s.name, "kind": s.kind, "phone": "; ".join(phones(s)),
        "email": "; ".join(dict.fromkeys(emails)), "website": "; ".join(dict.fromkeys(sites)),
        "summary": s.summary.get(lang), "regions": ";".join(s.regions), "audiences": ";".join(s.audiences),
        "roles": ";".join(s.roles), "topics": ";".join(s.topics), "free": _flag(s.free),
        "anonymous": _flag(s.anonymous), "always_open": _flag(s.always_open),
        "verified_at": s.verified_at.isoformat(),
        "sources": ";".join(s.sources),
        # a caveat travels with its fact: "value: note" for every contact that has one
        "notes": "; ".join(f"{c.value}: {c.note.get(lang)}" for c in s.contacts if c.note.get(lang)),
    }


def contact_line(s: Service) -> str:
    """The one contact people need first: the first listed (the data lists the best first)."""
    return s.contacts[0].value if s.contacts else (s.website or s.email)


def reach_line(s: Service, lang: str) -> str:
    """How to reach a service, never empty where the data says anything: its best contact, else its route."""
    return contact_line(s) or s.how_to_reach.get(lang)


def flag_names(s: Service, lang: str) -> list[str]:
    """The flags the data states as true, in the interface language (nothing is guessed)."""
    names = [t(k, lang) for k in ("free", "anonymous", "confidential") if getattr(s, k)]
    if s.always_reachable:
        names.append(t("always_open", lang))
    return names


def hours_line(c: Contact) -> str:
    return "; ".join(f"{','.join(h.days)} {h.opens}-{h.closes}" for h in c.hours)


def source_label(source_id: str, sources: Mapping[str, Source], lang: str) -> str:
    """ "Bron: vlaanderen.be, 2024" style: who published it and as of when ("the guide" for the guide)."""
    found = sources.get(source_id)
    if found is None:
        return source_id
    who = t("the_guide", lang) if found.kind == "guide" else (found.publisher or found.title)
    when = t("undated", lang) if found.as_of == "undated" else found.as_of
    return f"{who}, {when}"
