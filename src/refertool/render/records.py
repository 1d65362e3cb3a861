"""A service as plain data: the stable JSON contract, the flat rows of CSV and TSV, the card's rows."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from ..i18n import t
from ..model import Contact, Service
from ..sources import Source

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ..ranking import Hit, Result
    from ..reading.model import Situation

COLUMNS = ("id", "name", "kind", "phone", "email", "website", "how_to_reach", "summary", "regions", "audiences",
           "roles", "topics", "free", "anonymous", "always_open", "verified_at", "sources", "notes")
SEARCH_COLUMNS = (*COLUMNS, "score")
# What a pipe gets from search, list and emergency: one service a line, no header (documented in docs/output.md).
PLAIN_COLUMNS = ("id", "name", "contact", "how_to_reach", "summary", "flags")
FLAGS = ("free", "anonymous", "confidential", "always_open")


def source_object(source_id: str, sources: Mapping[str, Source], note: str = "") -> dict[str, Any] | None:
    """{id, title, url, as_of, note} of a source (note: the maintainers' provenance of the fact it backs);
    an id the sources file does not know keeps only its id."""
    if not source_id:
        return None
    found = sources.get(source_id)
    if found is None:
        return {"id": source_id, "title": None, "url": None, "as_of": None, "note": note or None}
    return {"id": found.id, "title": found.title, "url": found.url or None, "as_of": found.as_of,
            "note": note or None}


def service_object(s: Service, lang: str, sources: Mapping[str, Source] | None = None,
                   provenance: bool = True) -> dict[str, Any]:
    """The JSON object of a service (documented in docs/output.md; keys are stable). Without `provenance` (a
    plan, read by the person who calls) the keys that say where facts come from are null or empty."""
    known = sources or {}
    out: dict[str, Any] = {
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
             "always_open": c.always_open, "note": c.note.get(lang) or None, "regions": list(c.regions),
             "source": source_object(c.source, known, c.provenance.get(lang))}
            for c in s.contacts
        ],
        "locations": [{"name": loc.name, "city": loc.city, "region": loc.region, "address": loc.address or None,
                       "note": loc.note.get(lang) or None,
                       "source": source_object(loc.source, known, loc.provenance.get(lang))} for loc in s.locations],
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
        "source_notes": s.source_notes.get(lang) or None,
        "verified_at": s.verified_at.isoformat(),
    }
    if not provenance:
        out.update(source_document=None, source_section=None, sources=[], source_notes=None)
        for key in ("contacts", "locations"):
            for item in out[key]:
                item["source"] = None
    return out


def hit_object(hit: Hit, lang: str, sources: Mapping[str, Source] | None = None,
               explain: bool = False) -> dict[str, Any]:
    """A search result: the service's object with `score` and `why`; explained, also `fit` (why it fits the
    situation, or not) and `sort_key` (the tiers of its place in the list, by name)."""
    out = {**service_object(hit.service, lang, sources), "score": hit.score, "why": hit.why}
    if explain:
        out["fit"] = list(hit.fit)
        out["sort_key"] = {k: v for k, v in hit.key._asdict().items() if k != "id"}
    return out


def situation_object(situation: Situation, described: str) -> dict[str, Any]:
    """The situation as read (documented in docs/reading.md): every field of the reading, sets as sorted
    lists, and `described`, the reading in one line. `refer plan -f json` and `refer search -f json
    --explain` give it in the same shape."""
    import dataclasses

    return {**{k: sorted(v) if isinstance(v, frozenset) else v for k, v in dataclasses.asdict(situation).items()},
            "described": described}


def search_object(result: Result, lang: str, sources: Mapping[str, Source] | None = None) -> dict[str, Any]:
    """`refer search -f json --explain`: the query, the situation as read (null when the text told none) and
    the results, each explained. Plain `-f json` stays a list of results (scripts rely on it)."""
    from ..reading.read import describe

    situation = result.query.situation
    return {"query": result.query.text,
            "situation": situation_object(situation, describe(situation, lang)) if situation else None,
            "relaxed": [{"facet": f.facet, "value": f.value, "words": f.words} for f in result.relaxed],
            "results": [hit_object(h, lang, sources, explain=True) for h in result.hits]}


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
        "how_to_reach": s.how_to_reach.get(lang), "contact": contact_with_note(s, lang),
        "flags": ",".join(flag_ids(s)),
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


def contact_with_note(s: Service, lang: str) -> str:
    """The best contact with the caveat the data gives it, "value (note)": no number travels without it."""
    if not s.contacts:
        return contact_line(s)
    note = s.contacts[0].note.get(lang)
    return f"{s.contacts[0].value} ({note})" if note else s.contacts[0].value


def reach_line(s: Service, lang: str) -> str:
    """How to reach a service, never empty where the data says anything: its best contact, else its route."""
    return contact_line(s) or s.how_to_reach.get(lang)


def flag_ids(s: Service) -> list[str]:
    """The flags the data states as true (always open: the service or one of its contacts); nothing is guessed."""
    return [f for f in FLAGS if (s.always_reachable if f == "always_open" else getattr(s, f))]


def flag_names(s: Service, lang: str) -> list[str]:
    """The same flags in the interface language."""
    return [t(f, lang) for f in flag_ids(s)]


def hours_line(c: Contact) -> str:
    return "; ".join(f"{','.join(h.days)} {h.opens}-{h.closes}" for h in c.hours)


def source_label(source_id: str, sources: Mapping[str, Source], lang: str) -> str:
    """ "vlaanderen.be, 2024" style: who published it and as of when ("the guide" for the guide)."""
    found = sources.get(source_id)
    if found is None:
        return source_id
    who = t("the_guide", lang) if found.kind == "guide" else (found.publisher or found.title)
    when = t("undated", lang) if found.as_of == "undated" else found.as_of
    return f"{who}, {when}"


def ages_text(s: Service, lang: str) -> str:
    """"12 to 17 years", "up to 17 years", "from 12 years"; empty when the data gives no ages."""
    if s.age_min is not None and s.age_max is not None:
        return t("ages_range", lang, s.age_min, s.age_max)
    if s.age_max is not None:
        return t("ages_to", lang, s.age_max)
    if s.age_min is not None:
        return t("ages_from", lang, s.age_min)
    return ""


class CardRow(NamedTuple):
    label: str
    text: str
    contact: Contact | None = None  # a contact's row: its value is shown apart (bold, a link)
    aside: str = ""  # said in passing: the contact's source, the record's sources


def card_rows(s: Service, catalog: Catalog, lang: str) -> list[CardRow]:
    """The labelled rows of a service's card as plain text: the same in the terminal card and in a pipe."""
    vocab, areas, sources = catalog.vocabulary, catalog.regions.areas, catalog.sources

    def labels(facet: str, values: tuple[str, ...]) -> str:
        if facet == "regions":  # none: the sources do not say where it works (a place never hides it)
            return ", ".join(areas[v].label(lang) for v in values if v in areas) or t("area_not_stated", lang)
        return ", ".join(vocab.label(facet, v, lang) for v in values) if values else t("not_limited", lang)

    rows = [CardRow(t("kind", lang), vocab.label("kinds", s.kind, lang))] if s.kind else []
    for c in s.contacts:
        extra = "  ".join(x for x in (hours_line(c), c.note.get(lang)) if x)
        rows.append(CardRow(vocab.label("channels", c.channel, lang), extra, c))
    if not s.contacts:
        rows.append(CardRow(t("contact", lang), t("none_given", lang)))
    if s.how_to_reach:
        rows.append(CardRow(t("how_to_reach", lang), s.how_to_reach.get(lang)))
    for facet in ("audiences", "roles", "topics"):
        rows.append(CardRow(t(facet, lang), labels(facet, getattr(s, facet))))
    if s.sectors:
        rows.append(CardRow(t("sectors", lang), labels("sectors", s.sectors)))
    rows.append(CardRow(t("regions", lang), labels("regions", s.regions)))
    rows += [CardRow(t("locations", lang), ", ".join(x for x in (loc.name, loc.address, loc.city, loc.note.get(lang))
                                                     if x)) for loc in s.locations]
    if ages_text(s, lang):
        rows.append(CardRow(t("ages", lang), ages_text(s, lang)))
    if flag_ids(s):
        rows.append(CardRow(t("flags", lang), ", ".join(flag_names(s, lang))))
    return rows + source_rows(s, sources, lang)


def source_rows(s: Service, sources: Mapping[str, Source], lang: str) -> list[CardRow]:
    """The card's sources part, for whoever checks the data: where each contact comes from and how sure it
    is, the record's sources and its notes on them. It comes last, after a row labelled "Source"."""
    where = " – ".join(x for x in (s.source_document, s.source_section) if x)
    rows = [CardRow(t("source", lang), "", aside=f"{where} ({t('verified', lang)} {s.verified_at.isoformat()})")]
    backing = [(c.value, c.source, c.provenance.get(lang)) for c in s.contacts]
    backing += [(loc.address or loc.name, loc.source, loc.provenance.get(lang)) for loc in s.locations]
    cited = [f"{value}: {source_label(sid, sources, lang)}" + (f" – {why}" if why else "")
             for value, sid, why in backing if sid or why]
    if cited:
        rows.append(CardRow(t("contact_sources", lang), "", aside="\n".join(cited)))
    if s.sources:
        rows.append(CardRow(t("sources", lang), "", aside="\n".join(
            f"{source_label(sid, sources, lang)}: {sources[sid].title if sid in sources else sid}"
            for sid in s.sources)))
    if s.source_notes:
        rows.append(CardRow(t("source_notes", lang), "", aside=s.source_notes.get(lang)))
    return rows


def text_card(s: Service, catalog: Catalog, lang: str) -> str:
    """The whole card as plain text, for a pipe or an e-mail: nothing cut, no colour, no box."""
    lines = [f"{s.name} ({s.id})", s.summary.get(lang)]
    if s.description:
        lines += ["", s.description.get(lang)]
    lines.append("")
    rows = card_rows(s, catalog, lang)
    width = max(len(r.label) for r in rows) + 1
    for r in rows:
        text = "  ".join(x for x in (r.contact.value if r.contact else "", r.text, r.aside) if x)
        label = f"{r.label}:"
        lines += [f"{label:<{width}}  {part}" if n == 0 else f"{'':<{width}}  {part}"
                  for n, part in enumerate(text.split("\n"))]
    return "\n".join(lines) + "\n"
