"""The HSDS export validates, against our descriptor and, table by table, the official HSDS 3.0 one."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from conftest import ROOT

frictionless = pytest.importorskip("frictionless")
OFFICIAL = ROOT.parent / "shared" / "hsds" / "datapackage.json"


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    from refertool.catalog import load_catalog
    from refertool.render.hsds import write_package

    folder = tmp_path_factory.mktemp("hsds")
    catalog = load_catalog()
    write_package(sorted(catalog, key=lambda s: s.id), catalog, folder, "en")
    return folder


def rows(package, table):
    with open(package / f"{table}.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_valid_against_own_descriptor_with_foreign_keys(package):
    report = frictionless.validate(str(package / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


@pytest.mark.skipif(not OFFICIAL.exists(), reason="the official descriptor is not beside the project")
def test_each_table_valid_against_the_official_descriptor(package, tmp_path):
    official = json.loads(OFFICIAL.read_text(encoding="utf-8"))
    written = {p.name for p in package.glob("*.csv")}
    resources = [r for r in official["resources"] if r["path"] in written]
    assert {r["path"] for r in resources} == written
    names = {r["name"] for r in resources}
    for r in resources:  # keys that point at tables we do not write cannot be checked
        fks = r["schema"].get("foreignKeys", [])
        r["schema"]["foreignKeys"] = [fk for fk in fks if fk["reference"]["resource"] in names]
    official["resources"] = resources
    for csv_file in package.glob("*.csv"):  # the descriptor sits beside the tables it names
        (tmp_path / csv_file.name).write_bytes(csv_file.read_bytes())
    descriptor = tmp_path / "official.json"
    descriptor.write_text(json.dumps(official), encoding="utf-8")
    report = frictionless.validate(str(descriptor))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_ids_are_stable(package, tmp_path):
    from refertool.catalog import load_catalog
    from refertool.render.hsds import write_package

    catalog = load_catalog()
    write_package(sorted(catalog, key=lambda s: s.id), catalog, tmp_path, "en")
    for path in package.iterdir():
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def test_content(package, catalog):
    services = rows(package, "services")
    assert len(services) == len(catalog)
    assert all(s["status"] == "active" for s in services)
    numbers = {p["number"] for p in rows(package, "phones")}
    assert {"112", "101", "116\u202f000", "1712", "106"} <= numbers
    schedules = rows(package, "schedules")
    assert any(s["byday"] == "MO,TU,WE,TH,FR,SA,SU" and s["opens_at"] == "00:00:00" for s in schedules)
    assert all("Europe/Brussels" in s["description"] for s in schedules)
    free = {s.id for s in catalog if s.free}
    assert len(rows(package, "cost_options")) == len(free)
    terms = {t["code"] for t in rows(package, "taxonomy_terms")}
    assert {"minors", "perpetrator", "brussels", "image-abuse"} <= terms
    assert len(rows(package, "attributes")) > len(catalog)


def test_cli_export_hsds(cli, tmp_path):
    r = cli("export", "-f", "hsds", "-o", str(tmp_path / "out"))
    assert r.code == 0 and (Path(tmp_path / "out") / "datapackage.json").exists()


def test_provenance_in_the_metadata_table(package, catalog):
    meta = rows(package, "metadata")
    phones = {p["id"]: p["number"] for p in rows(package, "phones")}
    about_1700 = [m for m in meta if m["resource_type"] == "phone" and phones.get(m["resource_id"]) == "1700"]
    assert len(about_1700) == 1 and "vlaanderen-ombudsdienst" in about_1700[0]["updated_by"]
    assert "https://www.vlaanderen.be/" in about_1700[0]["updated_by"]
    contacts = sum(len(s.contacts) for s in catalog) + sum(len(s.sources) for s in catalog)
    assert len(meta) == contacts
    checked = {s.verified_at.isoformat() for s in catalog}
    assert all(m["last_action_date"] in checked for m in meta) and "2026-11-26" in checked
