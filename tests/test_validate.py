from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

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


# Codes no single committed file can show, each with its own test below: two directories (REF008), a file
# that cannot be read (REF022; git keeps no unreadable file, and root reads anything), a missing path
# (REF023), missing bundled data (REF024), a file changed while it was read (REF025).
NOT_IN_A_FILE = {"REF008": "test_duplicate_id_across_extra_directories", "REF022": "test_unreadable_file",
                 "REF023": "test_missing_directory", "REF024": "test_missing_bundled_data",
                 "REF025": "test_file_changed_while_reading"}


def test_every_code_used_is_registered_and_tested():
    """As tldr-lint does: a code written anywhere in the package must be in CODES, and each has its test."""
    src = Path(__file__).resolve().parents[1] / "src" / "refertool"
    used = {code for path in src.rglob("*.py") for code in re.findall(r"REF\d{3}", path.read_text(encoding="utf-8"))}
    assert used == set(CODES), used ^ set(CODES)
    readme = (Path(__file__).resolve().parents[1] / "docs" / "data.md").read_text(encoding="utf-8")
    for code in CODES:  # the codes table of docs/data.md
        assert f"| {code} |" in readme, code
        if code in NOT_IN_A_FILE:
            assert NOT_IN_A_FILE[code] in globals(), code


@pytest.mark.parametrize("code", sorted(set(CODES) - set(NOT_IN_A_FILE)))
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


def test_unreadable_file(meta, tmp_path):
    folder = tmp_path / "looks-like-a-file.toml"  # reading a directory fails, even for root
    folder.mkdir()
    assert [p.code for p in problems_of(folder, meta)] == ["REF022"]


def test_missing_directory(cli):
    r = cli("--data-dir", "/no/such/dir", "search", "x")
    assert r.code == 2 and "/no/such/dir: REF023 no such directory" in r.err


def test_missing_bundled_data(monkeypatch, tmp_path):
    import refertool.directories as directories
    from refertool.errors import DataError

    monkeypatch.setattr(directories, "__file__", str(tmp_path / "a" / "b" / "directories.py"))
    with pytest.raises(DataError) as raised:
        directories.bundled_dir()
    assert [p.code for p in raised.value.problems] == ["REF024"]


def test_file_changed_while_reading(catalog, tmp_path):
    from refertool.cache import CachedServices
    from refertool.errors import DataError

    broken = tmp_path / "child-focus.toml"
    broken.write_text("name = ", encoding="utf-8")
    services = CachedServices(catalog.index, catalog.vocabulary, catalog.regions, lambda n: str(broken))
    with pytest.raises(DataError) as raised:
        services["child-focus"]
    assert [p.code for p in raised.value.problems] == ["REF025"]


def test_syntax_error_at_the_end_has_the_last_line(meta, tmp_path):
    path = tmp_path / "cut-short.toml"
    path.write_text('name = "x"\nsummary.nl = "a"\nsummary.en = ', encoding="utf-8")
    assert [(p.code, p.line) for p in problems_of(path, meta)] == [("REF001", 3)]


def test_dates_are_warnings_and_only_with_a_day(meta):
    vocab, regions = meta
    for name in ("ref015-future.toml", "ref016-old.toml"):
        found = problems_of(BROKEN / name, meta)
        assert [(p.code[:3], p.severity) for p in found] == [("REF", "warning")], found
        service, without_day = check_service_file(BROKEN / name, vocab, regions)  # as a lookup loads it
        assert service is not None and without_day == []


def test_validate_counts_in_words(cli, tmp_path):
    one = tmp_path / "one"
    one.mkdir()
    (one / "hulplijn.toml").write_text((bundled_dir() / "services" / "hulplijn-1712.toml").read_text())
    r = cli("validate", str(one))
    assert r.code == 0 and r.err.strip() == "1 file checked, no problems."
    r = cli("validate", str(BROKEN / "ref016-old.toml"), str(BROKEN / "ref011-phone.toml"))
    assert r.code == 1 and r.err.strip() == "1 error and 1 warning in 2 files."


@pytest.mark.parametrize("rank", [0, 1000])
def test_an_emergency_rank_outside_the_view_is_an_error_not_a_silent_drop(tmp_path, meta, rank):
    source = bundled_dir() / "services" / "noodnummer-112.toml"
    text = source.read_text(encoding="utf-8")
    path = tmp_path / "noodnummer-112.toml"
    path.write_text(re.sub(r"(?m)^emergency = \d+", f"emergency = {rank}", text), encoding="utf-8")
    (problem,) = problems_of(path, meta)
    assert problem.code == "REF005" and "emergency" in problem.message
    assert text.splitlines()[problem.line - 1].startswith("emergency =")


def test_bundled_data_keeps_the_two_kinds_of_note_apart():
    """Issue 18's rules hold for the bundled data: no maintainer's note where callers read (REF028), every
    chat with its hours (REF026), an audience wherever a source names one (REF027), ages within the
    audiences (REF029)."""
    from refertool.catalog import check_paths

    report = check_paths([bundled_dir()], dt.date(2026, 12, 3))
    assert [str(p) for p in report.problems if p.code in ("REF026", "REF027", "REF028", "REF029")] == []


@pytest.mark.parametrize("note", ["Op werkdagen (nieuwsblad.be, 2019).", "Checked on 2026-11-26.",
                                  "Domain inferred from e-mail addresses.", "Volgens de gids tijdens de kantooruren.",
                                  "Stated on an older version of the site."])
def test_a_maintainers_note_shown_to_callers_is_found(tmp_path, meta, note):
    text = (BROKEN / "ref028-maintainer-note.toml").read_text(encoding="utf-8")
    path = tmp_path / "line.toml"
    path.write_text(text.replace('note.nl = "Op werkdagen (nieuwsblad.be, 2019)."', f'note.nl = "{note}"')
                    .replace('note.en = "Working days; stated on an older version of the site."',
                             'note.en = "Working days."'), encoding="utf-8")
    assert [p.code for p in problems_of(path, meta)] == ["REF028"]
    path.write_text(path.read_text(encoding="utf-8").replace(note, "Op werkdagen; stand 2019."), encoding="utf-8")
    assert problems_of(path, meta) == []


def test_a_contact_area_is_checked_like_a_service_area(meta, tmp_path):
    vocab, regions = meta
    path = tmp_path / "narrow.toml"
    text = '''name = "Narrow"
kind = "helpline"
summary.nl = "Een dienst."
summary.en = "A service."
audiences = []
roles = ["victim"]
topics = ["reporting"]
regions = ["belgium"]

[[contacts]]
channel = "phone"
value = "02 123 45 67"
source = "guide"
regions = ["brussels"]

[source]
verified_at = 2026-11-26
sources = ["guide"]
'''
    path.write_text(text, encoding="utf-8")
    service, problems = check_service_file(path, vocab, regions, today=dt.date(2026, 11, 26))
    assert problems == [] and service.contacts[0].regions == ("brussels",)
    for bad, code in (('["atlantis"]', "REF006"), ('"brussels"', "REF005")):
        path.write_text(text.replace('["brussels"]', bad), encoding="utf-8")
        found = check_service_file(path, vocab, regions, today=dt.date(2026, 11, 26))[1]
        assert [(p.code, p.line) for p in found] == [(code, 14)], bad  # the regions line
