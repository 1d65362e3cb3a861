"""A service as plain data: the stable JSON contract, and the flat rows of CSV and TSV."""

from __future__ import annotations

from typing import Any

from ..model import CHANNELS, Contact, Service

COLUMNS = ("id", "name", "kind", "phone", "email", "website", "summary", "regions", "audiences", "roles",
           "topics", "free", "anonymous", "always_open", "verified_at")
SEARCH_COLUMNS = (*COLUMNS, "score")


def service_object(s: Service, lang: str) -> dict[str, Any]:
    """The JSON object of a service (documented in the README; keys are stable)."""
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
             "always_open": c.always_open, "note": c.note.get(lang) or None}
            for c in s.contacts
        ],
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
    }


def contact_line(s: Service) -> str:
    """The one contact people need first: a phone, else a web or mail address."""
    for channel in ("phone", "website", "email", "chat"):
        for c in s.contacts:
            if c.channel == channel:
                return c.value
    return s.website or s.email or ""


def reach(s: Service) -> list[Contact]:
    """The contacts in the order people need them: a number first, then chat, mail and web."""
    return sorted(s.contacts, key=lambda c: CHANNELS.index(c.channel) if c.channel in CHANNELS else len(CHANNELS))
