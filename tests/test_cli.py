"""Every command through the CLI entry point: formats, exit codes, languages, errors."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT

ANSI = re.compile(r"\x1b\[")


def test_version_and_help(cli):
    assert cli("--version").out.startswith("refer ")
    r = cli("--help")
    assert r.code == 0
    for command in ("search", "list", "show", "emergency", "validate", "facets", "export"):
        assert command in r.out


def test_readme_documents_every_command():
    from refertool.cli import COMMANDS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert {"search", "list", "show", "emergency", "validate", "facets", "export", "cache"} <= set(COMMANDS)
    for name in COMMANDS:
        assert f"refer {name}" in readme, name


def test_list_json_has_every_service(cli, catalog):
    r = cli("list", "--format", "json")
    assert r.code == 0
    data = json.loads(r.out)
    assert len(data) == len(catalog) >= 35
    keys = {"id", "name", "summary", "description", "kind", "audiences", "roles", "topics", "sectors", "regions",
            "contacts", "website", "email", "free", "anonymous", "always_open", "emergency", "verified_at"}
    assert keys <= set(data[0])


def test_piped_output_is_plain_tsv(cli):
    r = cli("search", "revenge porn")
    assert r.code == 0
    lines = r.out.splitlines()
    assert lines[0].split("\t")[0] == "igvm"
    assert not ANSI.search(r.out) and "│" not in r.out and "─" not in r.out


def test_table_format_draws_a_table(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "160")
    r = cli("search", "revenge porn", "--format", "table")
    assert "Instituut" in r.out and ("│" in r.out or "┃" in r.out)
    monkeypatch.setenv("COLUMNS", "80")  # the compact list: the number first, no borders
    r = cli("search", "revenge porn", "--format", "table")
    assert r.out.startswith("1 Instituut") and "│" not in r.out


def test_csv_parses_with_id_and_name(cli):
    r = cli("search", "revenge porn", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.out)))
    assert rows[0]["id"] == "igvm" and rows[0]["name"]
    assert "score" in rows[0]


def test_tsv_header_and_no_header(cli):
    assert cli("list", "-f", "tsv").out.startswith("id\tname")
    assert cli("list", "-f", "tsv", "--no-header").out.startswith("aditi\t")


def test_jsonl(cli, catalog):
    lines = cli("list", "-f", "jsonl").out.splitlines()
    assert len(lines) == len(catalog)
    assert all(json.loads(line)["id"] for line in lines)


def test_search_json_has_score_and_why(cli):
    data = json.loads(cli("search", "chlid focus", "-f", "json").out)
    assert data[0]["id"] == "child-focus"
    assert isinstance(data[0]["score"], float) and data[0]["why"]


def test_nothing_found(cli):
    r = cli("search", "xyzzyqwerty", "-f", "json")
    assert r.code == 1 and json.loads(r.out) == []
    assert r.err.strip()
    r = cli("search", "xyzzyqwerty", "-f", "csv")
    assert r.code == 1 and r.out.startswith("id,name")


def test_did_you_mean_and_filters_on_stderr(cli):
    r = cli("search", "herstelbemidelinggg", "--free")
    assert r.code == 1
    assert "Did you mean: herstelbemiddeling?" in r.err
    assert "These filters left nothing: --free" in r.err


def test_bad_format_exits_2_without_traceback(cli):
    r = cli("list", "--format", "bogus")
    assert r.code == 2 and "Traceback" not in r.err


def test_bad_filter_value(cli):
    r = cli("list", "--audience", "minor")
    assert r.code == 2
    assert r.err.startswith("refer: unknown audience 'minor'. Did you mean 'minors'? Valid values: minors (")
    topic = cli("list", "--topic", "sexual-violenc")
    assert topic.err == ("refer: unknown topic 'sexual-violenc'. Did you mean 'sexual-violence'? "
                         "'refer facets' lists every value.\n")


def test_region_by_place_and_postcode(cli):
    by_place = cli("list", "--region", "Vilvoorde", "-f", "json").out
    by_code = cli("list", "--region", "1800", "-f", "json").out
    assert by_place == by_code
    ids = {s["id"] for s in json.loads(by_place)}
    assert "iter" in ids and "stop-it-now-bruxelles" not in ids  # its area is Brussels only
    assert "zorgcentrum-seksueel-geweld-gent" in ids  # located in Gent, it serves every victim (area belgium)
    assert cli("list", "--region", "Atlantis").code == 2


def test_explain(cli):
    r = cli("search", "minor perpetrator Brussels", "--explain", "-f", "json")
    assert "audiences=minors" in r.err and "roles=perpetrator" in r.err and "regions=brussels" in r.err
    assert json.loads(r.out)["results"][0]["id"] == "iter"  # explained: one object (docs/search.md)


def test_show_card_and_json(cli):
    r = cli("show", "child-focus", "-f", "table")
    assert "116\u202f000" in r.out and "Child Focus" in r.out
    obj = json.loads(cli("show", "child-focus", "-f", "json").out)
    assert obj["id"] == "child-focus" and obj["contacts"][0]["value"] == "116\u202f000"


def test_show_unknown_id(cli):
    r = cli("show", "child-focsu")
    assert r.code == 2 and r.err == "refer: Unknown service 'child-focsu'. Did you mean 'child-focus'?\n"
    assert cli("show", "nothing-like-it").err == "refer: Unknown service 'nothing-like-it'.\n"


def test_languages_differ(cli):
    en = cli("--lang", "en", "show", "child-focus", "-f", "table").out
    nl = cli("--lang", "nl", "show", "child-focus", "-f", "table").out
    assert en != nl and "Free emergency line" in en and "gratis noodnummer" in nl


def test_lang_from_environment(cli, monkeypatch):
    monkeypatch.setenv("REFER_LANG", "nl")
    assert "Dag en nacht" in cli("show", "child-focus", "-f", "json").out
    monkeypatch.delenv("REFER_LANG")
    monkeypatch.setenv("LANG", "nl_BE.UTF-8")
    assert "Dag en nacht" in cli("show", "child-focus", "-f", "json").out


def test_bad_lang(cli):
    assert cli("--lang", "fr", "list").code == 2


def test_emergency_json_order(cli):
    data = json.loads(cli("emergency", "-f", "json").out)
    first = [s["contacts"][0]["value"] for s in data if s["contacts"] and s["contacts"][0]["channel"] == "phone"]
    assert first[:5] == ["112", "101", "116\u202f000", "1712", "106"]
    assert any(s["id"].startswith("zorgcentrum") for s in data)


def test_emergency_table_top_rows(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    out = cli("emergency", "-f", "table").out
    assert out.index("112") < out.index("101") < out.index("116\u202f000") < out.index("1712")
    assert max(len(line) for line in out.splitlines()) <= 60


def test_emergency_survives_a_broken_extra_directory(cli):
    r = cli("--data-dir", str(FIXTURES / "broken"), "emergency", "-f", "json")
    assert r.code == 0
    assert json.loads(r.out)[0]["contacts"][0]["value"] == "112"
    assert "bundled" in r.err


def test_broken_data_stops_search_with_problems(cli):
    r = cli("--data-dir", str(FIXTURES / "broken"), "search", "x")
    assert r.code == 2
    assert "REF001" in r.err and "Traceback" not in r.err


def test_output_file(cli, tmp_path):
    target = tmp_path / "out.csv"
    r = cli("list", "-f", "csv", "-o", str(target))
    assert r.code == 0 and r.out == ""
    assert target.read_text(encoding="utf-8").startswith("id,name")


def test_unwritable_output(cli, tmp_path):
    r = cli("list", "-f", "csv", "-o", str(tmp_path / "no" / "such" / "dir" / "x.csv"))
    assert r.code == 2 and "cannot write" in r.err


def test_facets(cli):
    rows = list(csv.DictReader(io.StringIO(cli("facets", "-f", "csv").out)))
    minors = next(r for r in rows if r["facet"] == "audiences" and r["value"] == "minors")
    assert minors["nl"] == "Minderjarigen" and int(minors["count"]) > 3


def test_open_now_keeps_always_open(cli):
    data = json.loads(cli("list", "--open-now", "-f", "json").out)
    ids = {s["id"] for s in data}
    assert {"child-focus", "tele-onthaal"} <= ids  # no source says 112 is always open: not claimed
    assert "caw" not in ids  # "office hours" without times is never counted as open


def test_export_csv_holds_every_service(cli, tmp_path, catalog):
    target = tmp_path / "all.csv"
    assert cli("export", "-f", "csv", "-o", str(target)).code == 0
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert {r["id"] for r in rows} == set(catalog.services)


def test_export_honours_filters(cli, tmp_path, catalog):
    target = tmp_path / "x.json"
    assert cli("export", "-f", "json", "-o", str(target), "--free").code == 0
    exported = json.loads(target.read_text())
    assert {s["id"] for s in exported} == {s.id for s in catalog if s.free}
    assert 0 < len(exported) < len(catalog)


def test_python_dash_m(tmp_path):
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "refertool", "--version"], capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.startswith("refer ")


def test_validate_bundled(cli):
    assert cli("validate").code == 0


def test_validate_missing_path(cli):
    r = cli("validate", "/no/such/dir")
    assert r.code == 1 and r.out == "/no/such/dir: REF023 no such file or directory\n"


@pytest.mark.parametrize("args", [["show"], ["search", "--limit", "0", "x"], ["list", "--age", "-3"]])
def test_usage_errors(cli, args):
    r = cli(*args)
    assert r.code == 2 and "Traceback" not in r.err


def test_internal_error_is_one_line(cli, monkeypatch):
    import refertool.ranking as ranking

    def boom(*a, **k):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(ranking, "search", boom)
    r = cli("search", "x")
    assert r.code == 2 and "kaboom" in r.err and "report" in r.err and "Traceback" not in r.err
    monkeypatch.setenv("REFER_DEBUG", "1")
    with pytest.raises(RuntimeError):
        cli("search", "x")


def test_local_directory_overlay(cli):
    data = json.loads(cli("-d", str(FIXTURES / "local"), "search", "zwembadwerking", "-f", "json").out)
    assert data[0]["id"] == "lokaal-meldpunt"
    # a local file with a bundled id replaces the bundled service; without the directory it is back
    local = json.loads(cli("-d", str(FIXTURES / "local"), "show", "tele-onthaal", "-f", "json").out)
    bundled = json.loads(cli("show", "tele-onthaal", "-f", "json").out)
    assert local["name"] == "Tele-onthaal (lokale versie)" and bundled["name"] == "Tele-onthaal"


def test_facet_counts_match_the_services(cli, catalog):
    rows = list(csv.DictReader(io.StringIO(cli("facets", "-f", "csv").out)))
    for r in rows:
        facet, value = r["facet"], r["value"]
        if facet == "channels":
            expected = sum(1 for s in catalog if value in s.channels)
        elif facet == "kinds":
            expected = sum(1 for s in catalog if s.kind == value)
        else:
            expected = sum(1 for s in catalog if value in getattr(s, facet))
        assert int(r["count"]) == expected, (facet, value)


LOCAL = str(FIXTURES / "local")


@pytest.mark.parametrize("before,after,shows", [
    (["--lang", "nl", "show", "child-focus", "-f", "json"], ["show", "child-focus", "-f", "json", "--lang", "nl"],
     "Dag en nacht"),
    (["-d", LOCAL, "list", "-f", "tsv"], ["list", "-f", "tsv", "-d", LOCAL], "lokaal-meldpunt"),
    (["--data-dir", LOCAL, "--no-bundled", "search", "meldpunt"], ["search", "meldpunt", "--no-bundled", "-d", LOCAL],
     "lokaal-meldpunt"),
])
def test_global_options_before_or_after_the_command(cli, before, after, shows):
    a, b = cli(*before), cli(*after)
    assert a.code == b.code == 0 and a.out == b.out and shows in a.out


def test_no_bundled_after_the_command_leaves_the_bundled_out(cli):
    out = cli("list", "-f", "tsv", "--no-header", "--no-bundled", "-d", LOCAL).out
    assert {line.split("\t")[0] for line in out.splitlines()} == {"lokaal-meldpunt", "tele-onthaal"}


def test_settings_do_not_leak_from_one_run_to_the_next(cli):
    assert "Dag en nacht" in cli("show", "child-focus", "-f", "json", "--lang", "nl").out
    assert "Dag en nacht" not in cli("show", "child-focus", "-f", "json").out
    assert "lokaal-meldpunt" not in cli("list", "-f", "tsv").out


@pytest.mark.parametrize("columns", ["60", "80", "120"])
def test_help_summaries_are_whole_sentences(cli, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", columns)
    rows = cli("--help").out.split("\nCommands:\n")[1].splitlines()
    assert len(rows) >= 8
    for row in rows:
        assert row.rstrip().endswith(".") and "..." not in row and "…" not in row, row
        assert len(row) <= int(columns)


def test_show_in_a_pipe_is_the_whole_card(cli, catalog):
    from refertool.render.records import flag_names

    s = catalog.get("child-focus")
    out = cli("show", "child-focus").out
    for piece in (s.name, s.summary.en, s.description.en, s.how_to_reach.en, s.contacts[0].value,
                  ", ".join(flag_names(s, "en")), "checked on 2026-11-26", s.source_section):
        assert piece in out, piece
    assert "\t" not in out and "│" not in out
    assert cli("show", "child-focus", "-f", "text").out == out


def test_plain_lines_have_the_same_six_columns(cli, catalog):
    for args in (["search", "child focus"], ["list"], ["emergency"]):
        lines = cli(*args).out.splitlines()
        assert lines and all(len(line.split("\t")) == 6 for line in lines), args
    row = next(line for line in cli("list").out.splitlines() if line.startswith("child-focus\t")).split("\t")
    s = catalog.get("child-focus")
    assert row == ["child-focus", s.name, f"{s.contacts[0].value} ({s.contacts[0].note.en})", s.how_to_reach.en,
                   s.summary.en,
                   ",".join(f for f in ("free", "anonymous", "confidential", "always_open")
                            if (s.always_reachable if f == "always_open" else getattr(s, f)))]
    assert row[5].startswith("free,") and row[5].endswith("always_open")


def test_csv_has_how_to_reach(cli, catalog):
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(cli("list", "-f", "csv").out))}
    assert rows["zorgcentrum-seksueel-geweld-gent"]["how_to_reach"] == \
        catalog.get("zorgcentrum-seksueel-geweld-gent").how_to_reach.en


def test_emergency_nearest_first(cli):
    def care_centres(*args):
        ids = [s["id"] for s in json.loads(cli("emergency", *args, "-f", "json").out)]
        return [i.rsplit("-", 1)[1] for i in ids if i.startswith("zorgcentrum")]

    assert care_centres() == sorted(care_centres())  # without a place: the data's order
    assert care_centres("--region", "Luik")[0] == "luik"
    assert set(care_centres("--region", "Luik")[1:4]) == {"aarlen", "charleroi", "namen"}  # Wallonia next
    assert care_centres("--region", "9000")[0] == "gent"
    assert care_centres("--region", "Leuven")[0] == "leuven"
    assert cli("emergency", "--region", "Atlantis").code == 2


def test_emergency_names_the_cities_nearest_first(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    out = cli("emergency", "--region", "Luik", "-f", "table").out
    assert "Zorgcentrum na Seksueel Geweld: Liège, Arlon, Charleroi, Namur, " in out


@pytest.mark.cold_cache  # the first search writes the one file
def test_cache_path_and_clear(cli):
    import os

    root = Path(os.environ["REFER_CACHE_DIR"])
    assert cli("cache", "path").out == f"{root}\n"
    assert cli("search", "child focus").code == 0
    assert len(list(root.glob("index-*.sqlite"))) == 1
    r = cli("cache", "clear")
    assert r.code == 0 and r.err.startswith("1 file removed") and not list(root.glob("index-*"))
    assert cli("cache", "clear").err.startswith("0 files removed")
    assert cli("search", "child focus").code == 0  # and it is built again


def test_search_list_and_export_share_one_filter_group():
    from refertool.cli import build_command
    from refertool.commands.options import FilterOptions

    names = set(FilterOptions._fields)
    for command in ("search", "list", "export"):
        params = {p.name for p in build_command(command).params}
        assert names <= params and "filters" not in params, command


def test_ages_in_words(cli):
    assert "Ages" not in cli("show", "child-focus").out
    assert re.search(r"\nAges: +up to 17 years\n", cli("show", "minderjarige-plegers").out)
    assert re.search(r"\nLeeftijd: +10 tot 20 jaar\n", cli("show", "tejo", "--lang", "nl").out)


def test_json_names_each_contacts_source_and_the_records_sources(cli):
    data = json.loads(cli("show", "vlaamse-ombudsdienst", "-f", "json").out)
    phone = next(c for c in data["contacts"] if c["value"] == "1700")
    assert phone["source"]["id"] == "vlaanderen-ombudsdienst" and phone["source"]["as_of"] == "undated"
    assert phone["source"]["url"].startswith("https://www.vlaanderen.be/")
    assert {s["id"] for s in data["sources"]} >= {"guide", "podiumkunsten-2019"}
    assert all(set(s) == {"id", "title", "url", "as_of", "note"} for s in data["sources"])
    centre = json.loads(cli("show", "zorgcentrum-seksueel-geweld-antwerpen", "-f", "json").out)
    assert centre["regions"] == ["antwerpen"] and centre["locations"][0]["city"] == "Edegem"  # area: its province


def test_csv_has_a_sources_column(cli):
    rows = list(csv.DictReader(io.StringIO(cli("list", "-f", "csv").out)))
    by_id = {r["id"]: r for r in rows}
    assert "guide" in by_id["child-focus"]["sources"].split(";")
    assert by_id["clbchat"]["sources"].split(";")[:2] == ["clbchat", "goedgezind-clbchat"]
    brussels = by_id["zorgcentrum-seksueel-geweld-brussel"]  # a caveated number travels with its caveat
    assert "02/535.45.42" in brussels["phone"] and "02/535.45.42: " in brussels["notes"]


def test_card_shows_sources_with_dates(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    out = cli("--lang", "nl", "show", "vlaamse-ombudsdienst", "-f", "table").out
    assert "Bron per contact" in out and "1700: vlaanderen.be, datum onbekend" in out
    assert "podiumkunsten.be, 2019-06-12" in out and "Bronnen" in out
    out = cli("--lang", "en", "show", "child-focus", "-f", "table").out
    assert "Source of each contact" in out and ": the guide, undated" in out


def test_every_row_names_a_route_when_there_is_no_contact(cli):
    rows = [r.split("\t") for r in cli("list").out.splitlines()]  # a pipe: id, name, contact, how_to_reach, ...
    sportieq = next(r for r in rows if r[0] == "sportieq")
    assert sportieq[2] == "" and "1712" in sportieq[3]
    assert all(r[2] or r[3] for r in rows)


def test_refer_sources_lists_dates_kinds_and_who_relies(cli):
    rows = list(csv.DictReader(io.StringIO(cli("sources", "-f", "csv").out)))
    by_id = {r["id"]: r for r in rows}
    assert by_id["guide"]["kind"] == "guide" and by_id["guide"]["as_of"] == "undated"
    assert "lumi" in by_id["hln-lumi-2018"]["services"].split(";")
    from refertool.sources import as_of_date

    dated = [as_of_date(r["as_of"]) for r in rows if r["as_of"] != "undated"]
    assert dated == sorted(dated) and rows[-1]["as_of"] == "undated"  # oldest first, undated last
    data = json.loads(cli("sources", "-f", "json").out)
    assert len(data) == len(rows) and all(isinstance(r["services"], list) for r in data)


@pytest.mark.parametrize("width", [60, 80])
def test_sources_table_fits_the_terminal(cli, monkeypatch, width):
    monkeypatch.setenv("COLUMNS", str(width))
    out = cli("sources", "-f", "table").out
    assert "2018-10-30" in out and "undated" in out  # the date column is never cut
    assert max(len(line) for line in out.splitlines()) <= width


def test_an_extra_directory_may_bring_its_own_sources(cli, tmp_path):
    (tmp_path / "services").mkdir()
    (tmp_path / "sources.toml").write_text('[gemeente-folder]\ntitle = "Folder van de gemeente"\n'
                                           'publisher = "gemeente"\nurl = ""\nas_of = "2026-01"\nkind = "official"\n',
                                           encoding="utf-8")
    (tmp_path / "services" / "lokaal-punt.toml").write_text('''name = "Lokaal punt"
summary = "Een lokaal meldpunt."
audiences = []
roles = []
topics = []
regions = ["flanders"]

[[contacts]]
channel = "phone"
value = "016 00 00 00"
source = "gemeente-folder"

[source]
verified_at = 2026-11-01
sources = ["gemeente-folder", "guide"]
''', encoding="utf-8")
    r = cli("validate", str(tmp_path))
    assert r.code == 0 and "REF01" not in r.out and "REF02" not in r.out  # its own source and a bundled one
    data = json.loads(cli("--data-dir", str(tmp_path), "show", "lokaal-punt", "-f", "json").out)
    assert data["contacts"][0]["source"] == {"id": "gemeente-folder", "title": "Folder van de gemeente",
                                             "url": None, "as_of": "2026-01", "note": None}
    assert [s["id"] for s in data["sources"]] == ["gemeente-folder", "guide"]


def test_a_caveated_number_never_shows_without_its_caveat(cli, monkeypatch):
    """The Brussels centre's number is given for a relatives' support group, not intake: the result row
    shows the best contact with its note; the card shows that number only next to its caveat."""
    monkeypatch.setenv("COLUMNS", "200")
    row = cli("--lang", "en", "search", "verkrachting Brussel", "-f", "table").out
    assert "02/535.45.42" not in row and "more: see refer show" in row
    card = cli("--lang", "en", "show", "zorgcentrum-seksueel-geweld-brussel", "-f", "table").out
    line = next(x for x in card.splitlines() if "02/535.45.42" in x)
    assert "support group" in line


def test_a_broken_sources_file_in_a_user_directory_is_said_by_refer_sources(cli, tmp_path):
    (tmp_path / "services").mkdir()
    (tmp_path / "sources.toml").write_text('[broken\ntitle = "x"\n', encoding="utf-8")
    ran = cli("--data-dir", str(tmp_path), "sources", "-f", "csv")
    assert ran.code == 0 and "guide" in ran.out  # the bundled sources are still listed
    assert f"warning: {tmp_path / 'sources.toml'}:1: REF001" in ran.err


def test_emergency_with_nothing_to_show_exits_1_and_an_empty_region_is_a_mistake(cli, tmp_path):
    (tmp_path / "services").mkdir()
    empty = cli("--no-bundled", "--data-dir", str(tmp_path), "emergency", "-f", "json")
    assert (empty.code, empty.out.strip()) == (1, "[]")
    assert cli("emergency", "--region", "").code == 2


def test_plan_refuses_a_file_it_cannot_write_in_that_format(cli, tmp_path):
    ran = cli("plan", "een leider betast een kind", "--no-input", "-o", str(tmp_path / "plan.pdf"))
    assert ran.code == 2 and ".pdf" in ran.err and not (tmp_path / "plan.pdf").exists()
    assert cli("plan", "een leider betast een kind", "--no-input", "-o", str(tmp_path / "plan.md")).code == 0


def test_global_options_after_a_subcommand_of_a_group(cli):
    ran = cli("cache", "clear", "--lang", "nl")
    assert ran.code == 0 and "verwijderd" in ran.err
    assert cli("cache", "path", "--data-dir", ".").code == 0
