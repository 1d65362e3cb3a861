from __future__ import annotations

import datetime as dt
import re

import pytest

from conftest import FIXTURES
from refertool.catalog import check_directory
from refertool.directories import bundled_dir, load_meta
from refertool.validate import CODES, check_service_file, is_belgian_phone

BROKEN = FIXTURES / "broken"
SOURCE_RULES = FIXTURES / "sources"


@pytest.fixture(scope="module")
def meta():
    return load_meta([], [])


def problems_of(path, meta):
    vocab, regions = meta
    return check_service_file(path, vocab, regions, today=dt.date(2026, 11, 26))[1]


def all_problems_of(path, meta):
    """A service file's problems with the source rules too; a directory's sources.toml on its own."""
    from refertool.sources import check

    today = dt.date(2026, 11, 26)
    if path.is_dir():
        return check([path], [], bundled_dir(), today)
    vocab, regions = meta
    service, found = check_service_file(path, vocab, regions, today=today)
    return found + check([], [service] if service else [], bundled_dir(), today)


def test_bundled_data_is_clean(meta):
    vocab, regions = meta
    services, problems = check_directory(bundled_dir(), vocab, regions)
    assert problems == []
    assert len(services) >= 35


@pytest.mark.parametrize("code", sorted(c for c in CODES if c != "REF008"))
def test_one_failing_fixture_per_rule(code, meta):
    files = [p for d in (BROKEN, SOURCE_RULES) for p in d.iterdir() if p.name.lower().startswith(code.lower())]
    assert files, f"no fixture for {code}"
    found = all_problems_of(files[0], meta)
    assert code in {p.code for p in found}, found


def test_source_rules_are_warnings_where_data_is_only_incomplete(meta):
    severity = {p.code: p.severity for p in all_problems_of(BROKEN / "ref018-no-source.toml", meta)}
    assert severity == {"REF018": "warning"}
    found = all_problems_of(BROKEN / "ref019-unknown-source.toml", meta)
    assert sorted((p.code, p.line) for p in found) == [("REF019", 11), ("REF019", 15)]  # sources, contact
    (old,) = all_problems_of(SOURCE_RULES / "ref021-old", meta)
    assert (old.severity, old.line) == ("warning", 2)
    assert all(p.severity == "error" for p in all_problems_of(SOURCE_RULES / "ref020-bad", meta))


def test_validate_checks_sources_and_exits_0_on_warnings_only(cli):
    r = cli("validate")
    assert r.code == 0
    assert "REF021" in r.out and "REF018" not in r.out and "REF019" not in r.out
    r = cli("validate", str(SOURCE_RULES / "ref020-bad"))
    assert r.code == 1 and "REF020" in r.out and "sources.toml:2:" in r.out


def test_duplicate_id_across_extra_directories(cli):
    r = cli("validate", str(FIXTURES / "dup-a"), str(FIXTURES / "dup-b"))
    assert r.code == 1
    assert "REF008" in r.out


def test_validate_names_every_broken_file_with_lines(cli):
    r = cli("validate", str(BROKEN))
    assert r.code == 1
    lines = r.out.strip().splitlines()
    named = {line.split(":")[0] for line in lines}
    assert named == {str(p) for p in BROKEN.iterdir()}
    assert all(re.match(r"^\S+?(:\d+)?: REF\d{3} ", line) for line in lines)
    # where the problem sits on a line, the line is given
    for code in ("REF001", "REF002", "REF004", "REF005", "REF006", "REF011", "REF015"):
        assert any(re.match(rf"^\S+:\d+: {code} ", line) for line in lines), code
    assert lines == sorted(lines)


def test_old_date_is_a_warning_not_an_error(meta):
    found = problems_of(BROKEN / "ref016-old.toml", meta)
    assert [p.severity for p in found] == ["warning"]


def test_suggestions(meta):
    msgs = " ".join(p.message for p in problems_of(BROKEN / "ref004-unknown-key.toml", meta))
    assert "did you mean 'website'" in msgs
    msgs = " ".join(p.message for p in problems_of(BROKEN / "ref006-unknown-value.toml", meta))
    assert "did you mean 'minors'" in msgs


@pytest.mark.parametrize("number,ok", [
    ("112", True), ("101", True), ("1712", True), ("106", True), ("116 000", True), ("116\u202f000", True),
    ("078/150.300", True), ("0800/12 800", True), ("02 551 13 50", True), ("+32 2 551 13 50", True),
    ("555-1234", False), ("12345", False), ("0800", False), ("call us", False), ("+31 20 123 4567", False),
])
def test_belgian_phone_numbers(number, ok):
    assert is_belgian_phone(number) is ok


def test_locations_and_sources_are_read(tmp_path, meta):
    path = tmp_path / "zorgcentrum-test.toml"
    path.write_text('''name = "Zorgcentrum"
summary = "Een zorgcentrum."
audiences = []
roles = ["victim"]
topics = []
regions = ["belgium"]

[[contacts]]
channel = "website"
value = "www.example.be"
source = "guide"

[[locations]]
name = "Ziekenhuis"
city = "Gent"
region = "oost-vlaanderen"
address = "Straat 1, 9000 Gent"
source = "guide"

[source]
verified_at = 2026-11-26
sources = ["guide"]
''', encoding="utf-8")
    vocab, regions = meta
    service, problems = check_service_file(path, vocab, regions, today=dt.date(2026, 11, 26))
    assert problems == []
    assert service.contacts[0].source == "guide"
    assert service.sources == ("guide",)
    (place,) = service.locations
    assert (place.city, place.region, place.address) == ("Gent", "oost-vlaanderen", "Straat 1, 9000 Gent")
    bad = path.read_text().replace('region = "oost-vlaanderen"', 'region = "atlantis"').replace(
        'address =', 'street =')
    path.write_text(bad, encoding="utf-8")
    codes = {p.code: p.line for p in check_service_file(path, vocab, regions, today=dt.date(2026, 11, 26))[1]}
    assert codes == {"REF006": 13, "REF004": 13}  # the [[locations]] line


@pytest.mark.parametrize("rank", [0, 1000])
def test_an_emergency_rank_outside_the_view_is_an_error_not_a_silent_drop(tmp_path, meta, rank):
    source = bundled_dir() / "services" / "noodnummer-112.toml"
    text = source.read_text(encoding="utf-8")
    path = tmp_path / "noodnummer-112.toml"
    path.write_text(re.sub(r"(?m)^emergency = \d+", f"emergency = {rank}", text), encoding="utf-8")
    (problem,) = problems_of(path, meta)
    assert problem.code == "REF005" and "emergency" in problem.message
    assert text.splitlines()[problem.line - 1].startswith("emergency =")
