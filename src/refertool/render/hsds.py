"""Export as an Open Referral HSDS 3.0 tabular data package: CSV files and a datapackage.json.

Column names, types, required fields and keys follow the HSDS 3.0 descriptor.
Ids are UUIDs derived from our ids (uuid5, fixed namespace): a second export is
byte-for-byte the same.
"""

from __future__ import annotations

import csv
import json
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..catalog import Catalog
from ..errors import ReferError
from ..model import Service, facets
from .safe import http_link, spreadsheet_safe

NAMESPACE = uuid.UUID("6f1c7a5e-2b0d-5b8e-9a51-7e3f0c4d2a10")
ALL_WEEK = "MO,TU,WE,TH,FR,SA,SU"
TAXONOMY_FACETS = facets(classifies=True)

# The HSDS 3.0 columns of each table we write, in the standard's order, as
# "name[:type][/format][!]" (type string unless said; ! = required), with the
# primary key and the foreign keys that point at tables we write.
COLUMNS = {
    "organizations": "id/uuid! name! alternate_name description! email/email website/uri tax_status tax_id "
                     "year_incorporated:number legal_status logo uri/uri parent_organization_id/uuid",
    "services": "id/uuid! organization_id/uuid! program_id/uuid name! alternate_name description url/uri "
                "email/email status! interpretation_services application_process fees_description wait_time fees "
                "accreditations eligibility_description minimum_age:number maximum_age:number assured_date:date "
                "assurer_email/email licenses alert last_modified:datetime",
    "phones": "id/uuid! location_id/uuid service_id/uuid organization_id/uuid contact_id/uuid "
              "service_at_location_id/uuid number! extension:number type description",
    "service_areas": "id/uuid! service_id/uuid name description extent extent_type uri",
    "schedules": "id/uuid! service_id/uuid location_id/uuid service_at_location_id/uuid valid_from:date "
                 "valid_to:date dtstart:date timezone:number until:date count:number wkst freq interval:number byday "
                 "byweekno bymonthday byyearday description opens_at:time closes_at:time schedule_link/uri "
                 "attending_type notes",
    "languages": "id/uuid! service_id/uuid location_id/uuid phone_id/uuid name code note",
    "cost_options": "id/uuid! service_id/uuid! valid_from:date valid_to:date option currency amount:number "
                    "amount_description",
    "taxonomies": "id/uuid! name! description! uri/uri version",
    "taxonomy_terms": "id/uuid! code name! description! parent_id/uuid taxonomy language taxonomy_id/uuid "
                      "term_uri/uri",
    "attributes": "id/uuid! link_id/uuid! taxonomy_term_id/uuid! link_type link_entity! value",
    "metadata": "id/uuid! resource_id/uuid! resource_type! last_action_date:date! last_action_type! field_name! "
                "previous_value! replacement_value! updated_by!",
}
FOREIGN_KEYS = {
    "services": [("organization_id", "organizations")],
    "phones": [("service_id", "services"), ("organization_id", "organizations")],
    "service_areas": [("service_id", "services")],
    "schedules": [("service_id", "services")],
    "languages": [("service_id", "services"), ("phone_id", "phones")],
    "cost_options": [("service_id", "services")],
    "taxonomy_terms": [("taxonomy_id", "taxonomies"), ("parent_id", "taxonomy_terms")],
    "attributes": [("taxonomy_term_id", "taxonomy_terms")],
}


def fields(table: str) -> list[dict[str, Any]]:
    out = []
    for spec in COLUMNS[table].split():
        required = spec.endswith("!")
        spec = spec.rstrip("!")
        spec, _, fmt = spec.partition("/")
        name, _, kind = spec.partition(":")
        out.append({"name": name, "type": kind or "string", **({"format": fmt} if fmt else {}),
                    "constraints": {"required": required, **({"unique": True} if name == "id" else {})}})
    return out


def uid(kind: str, key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))


def descriptor() -> dict[str, Any]:
    resources = []
    for table in COLUMNS:
        schema: dict[str, Any] = {"fields": fields(table), "primaryKey": "id"}
        fks = FOREIGN_KEYS.get(table)
        if fks:
            schema["foreignKeys"] = [{"fields": f, "reference": {"resource": ref, "fields": "id"}} for f, ref in fks]
        resources.append({"name": table, "path": f"{table}.csv", "profile": "tabular-data-resource",
                          "format": "csv", "mediatype": "text/csv", "encoding": "utf-8", "schema": schema})
    return {"name": "refertool-hsds", "title": "refertool directory as HSDS 3.0", "profile": "tabular-data-package",
            "version": "3.0", "resources": resources}


def build_tables(services: Sequence[Service], catalog: Catalog, lang: str) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in COLUMNS}
    orgs: dict[str, dict[str, Any]] = {}
    vocab, regions = catalog.vocabulary, catalog.regions
    for s in services:
        sid = uid("service", s.id)
        org_name = s.organisation or s.name
        oid = uid("organization", org_name)
        orgs.setdefault(oid, {"id": oid, "name": org_name, "description": s.summary.get(lang),
                              "email": s.email, "website": http_link(s.website) or ""})
        stamp = s.verified_at.isoformat()
        eligibility = "; ".join(vocab.label("audiences", a, lang) for a in s.audiences)
        rows["services"].append({
            "id": sid, "organization_id": oid, "name": s.name,
            "description": " ".join(x for x in (s.summary.get(lang), s.description.get(lang)) if x),
            "url": http_link(s.website) or "", "email": s.email, "status": "active",
            "fees_description": ("free" if lang == "en" else "gratis") if s.free else "",
            "eligibility_description": eligibility, "minimum_age": s.age_min, "maximum_age": s.age_max,
            "assured_date": stamp, "last_modified": f"{stamp}T00:00:00Z"})
        for n, c in enumerate(s.contacts):
            # provenance the standard's way: a metadata row per fact, naming its source in updated_by
            phone = c.channel == "phone"
            rows["metadata"].append(_provenance(
                uid("phone", f"{s.id}:{n}") if phone else sid, "phone" if phone else "service",
                "number" if phone else c.channel, c.value, c.source, s, catalog))
            if c.channel == "phone":
                rows["phones"].append({"id": uid("phone", f"{s.id}:{n}"), "service_id": sid, "number": c.value,
                                       "type": "voice", "description": c.note.get(lang)})
            if c.always_open:
                rows["schedules"].append({
                    "id": uid("schedule", f"{s.id}:{n}:always"), "service_id": sid, "freq": "WEEKLY",
                    "byday": ALL_WEEK, "opens_at": "00:00:00", "closes_at": "23:59:00",
                    "description": f"{c.value}: 24/7; times local to Europe/Brussels"})
            for k, h in enumerate(c.hours):
                rows["schedules"].append({
                    "id": uid("schedule", f"{s.id}:{n}:{k}"), "service_id": sid, "freq": "WEEKLY",
                    "byday": ",".join(d.upper() for d in h.days), "opens_at": f"{h.opens}:00",
                    "closes_at": "23:59:00" if h.closes == "24:00" else f"{h.closes}:00",
                    "description": f"{c.value}; times local to Europe/Brussels"})
        if s.always_open and not any(c.always_open for c in s.contacts):
            rows["schedules"].append({"id": uid("schedule", f"{s.id}:always"), "service_id": sid, "freq": "WEEKLY",
                                      "byday": ALL_WEEK, "opens_at": "00:00:00", "closes_at": "23:59:00",
                                      "description": "24/7; times local to Europe/Brussels"})
        for r in s.regions:
            area = regions.areas[r]
            rows["service_areas"].append({"id": uid("area", f"{s.id}:{r}"), "service_id": sid,
                                          "name": area.label(lang), "description": f"{area.nl} / {area.en}"})
        rows["languages"].append({"id": uid("language", s.id), "service_id": sid, "name": "Dutch", "code": "nl",
                                  "note": "language of the source guide; other languages are not stated"})
        if s.free:
            rows["cost_options"].append({"id": uid("cost", s.id), "service_id": sid, "option": "Free",
                                         "currency": "EUR", "amount": 0, "amount_description": "free of charge"})
        for facet in TAXONOMY_FACETS:
            for value in getattr(s, facet):
                rows["attributes"].append({"id": uid("attribute", f"{s.id}:{facet}:{value}"), "link_id": sid,
                                           "taxonomy_term_id": uid("term", f"{facet}:{value}"),
                                           "link_type": facet, "link_entity": "service", "value": value})
        for source_id in s.sources:
            rows["metadata"].append(_provenance(sid, "service", "sources", source_id, source_id, s, catalog))
    rows["organizations"] = list(orgs.values())
    for facet in TAXONOMY_FACETS:
        tid = uid("taxonomy", facet)
        rows["taxonomies"].append({"id": tid, "name": f"refertool {facet}",
                                   "description": f"refertool vocabulary: {facet}"})
        values = regions.areas.values() if facet == "regions" else vocab.values(facet).values()
        for v in values:
            rows["taxonomy_terms"].append({"id": uid("term", f"{facet}:{v.id}"), "code": v.id, "name": v.label(lang),
                                           "description": f"{v.nl} / {v.en}", "taxonomy": f"refertool {facet}",
                                           "language": lang, "taxonomy_id": tid})
    return rows


def _provenance(resource_id: str, resource_type: str, field: str, value: str, source_id: str, s: Service,
                catalog: Catalog) -> dict[str, Any]:
    """One metadata row: this value of this resource, checked on verified_at against this source."""
    found = catalog.sources.get(source_id)
    cited = (" ".join(x for x in (f"{found.title} ({found.publisher or found.kind}, as of {found.as_of})", found.url)
                      if x) if found else source_id or "no source named")
    return {"id": uid("metadata", f"{s.id}:{resource_id}:{field}:{value}"), "resource_id": resource_id,
            "resource_type": resource_type, "last_action_date": s.verified_at.isoformat(),
            "last_action_type": "verified against source", "field_name": field, "previous_value": "none",
            "replacement_value": value, "updated_by": f"source {source_id}: {cited}" if found else cited}


def write_package(services: Sequence[Service], catalog: Catalog, folder: Path, lang: str) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for table, table_rows in build_tables(services, catalog, lang).items():
            columns = [f["name"] for f in fields(table)]
            with open(folder / f"{table}.csv", "w", encoding="utf-8", newline="") as out:
                writer = csv.writer(out, lineterminator="\n")
                writer.writerow(columns)
                for row in table_rows:
                    writer.writerow([spreadsheet_safe("" if row.get(c) is None else str(row.get(c)))
                                     for c in columns])
        (folder / "datapackage.json").write_text(json.dumps(descriptor(), indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise ReferError(f"cannot write the HSDS package to {folder}: {exc.strerror or exc}") from None
