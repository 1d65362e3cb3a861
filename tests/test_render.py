"""What people and spreadsheets see: safe text, neutralised cells, stable layout."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
from pathlib import Path

import pytest

from refertool.catalog import Catalog
from refertool.model import Contact, Localized, Service
from refertool.render.safe import clean, http_link, spreadsheet_safe

GOLDEN = Path(__file__).parent / "golden"
HOSTILE_NAME = "[bold red]x[/] [link=file:///etc/passwd]y[/link] \x1b[31mred\x1b]8;;http://evil\x07z"


@pytest.mark.parametrize("cell,expected", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tcmd", "'\tcmd"),
    ("\r=1", "'=1"),
    ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"),
    ("+32 2 551 13 50", "+32 2 551 13 50"),
    ("-12", "-12"),
    ("Child Focus", "Child Focus"),
    ("116 000", "116 000"),
])
def test_spreadsheet_safe(cell, expected):
    assert spreadsheet_safe(cell) == expected


def test_clean_strips_escapes():
    assert clean("a\x1b[31mb\x1b]8;;http://x\x07c\x07d") == "abcd"
    assert "\u202e" not in clean("abc\u202edef")


def test_only_web_addresses_become_links():
    assert http_link("www.caw.be") == "https://www.caw.be"
    assert http_link("https://ambrassade.be") == "https://ambrassade.be"
    assert http_link("file:///etc/passwd") is None
    assert http_link("javascript:alert(1)") is None


@pytest.fixture
def hostile(catalog):
    s = Service(id="hostile", name=HOSTILE_NAME, summary=Localized("=1+1", "=1+1"), audiences=(), roles=("victim",),
                topics=(), regions=("flanders",), contacts=(Contact("website", "file:///etc/passwd"),),
                verified_at=dt.date(2026, 1, 1))
    return Catalog({"hostile": s}, catalog.vocabulary, catalog.regions), s


def render(renderable, width=80, color=False):
    from rich.console import Console

    buf = io.StringIO()
    Console(file=buf, width=width, force_terminal=color, color_system="standard" if color else None,
            highlight=False).print(renderable)
    return buf.getvalue()


def test_markup_in_data_is_shown_literally(hostile):
    from refertool.render.table import results_table, service_card

    cat, s = hostile
    for out in (render(results_table([s], "en"), color=True), render(service_card(s, cat, "en"), color=True)):
        assert "[bold red]x[/]" in out and "[link=file:///etc/passwd]" in out
        assert "\x1b]8;;http://evil" not in out  # an OSC 8 link smuggled in the data
        assert "\x1b]8;id=" not in out or "file:" not in out.split("\x1b]8;id=", 1)[1][:80]
        assert "\x1b]8;;file" not in out  # no hyperlink to a file


def test_csv_output_neutralises_formulas(hostile):
    from refertool.render.records import COLUMNS, flat_row
    from refertool.render.tabular import write_delimited

    _, s = hostile
    buf = io.StringIO()
    write_delimited(buf, [flat_row(s, "en")], COLUMNS, ",")
    row = next(csv.DictReader(io.StringIO(buf.getvalue())))
    assert row["summary"] == "'=1+1"
    assert "\x1b" not in buf.getvalue()


def test_hostile_service_through_the_cli(cli, tmp_path, monkeypatch):
    d = tmp_path / "d" / "services"
    d.mkdir(parents=True)
    (d / "evil.toml").write_text(
        'name = "=cmd|\' /C calc\'!A0 [bold red]x[/]"\nsummary.nl = "a"\nsummary.en = "b"\naudiences = []\n'
        'roles = []\ntopics = []\nregions = ["flanders"]\ncontacts = []\n[source]\nverified_at = 2026-01-01\n')
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    table = cli("-d", str(tmp_path / "d"), "--no-bundled", "list", "-f", "table").out
    assert "[bold red]x[/]" in table
    rows = list(csv.DictReader(io.StringIO(cli("-d", str(tmp_path / "d"), "--no-bundled", "list", "-f", "csv").out)))
    assert rows[0]["name"].startswith("'=")


COLOUR = re.compile(r"\x1b\[[0-9;]*?(?:(?<=[\[;])(?:3|4|9|10)[0-9])[;m]")  # an SGR colour, not bold


def test_no_color_and_dumb_terminal(cli, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert COLOUR.search(cli("emergency", "-f", "table").out)  # the check below can see colour
    monkeypatch.setenv("NO_COLOR", "1")
    out = cli("emergency", "-f", "table").out
    assert "\x1b[1m" in out and not COLOUR.search(out)  # styles stay, colours go
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.delenv("FORCE_COLOR")
    monkeypatch.setenv("TERM", "dumb")
    assert "\x1b[" not in cli("emergency", "-f", "table").out


def test_force_color_colours(cli, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.delenv("TERM", raising=False)
    assert "\x1b[" in cli("emergency", "-f", "table").out


def golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("REFER_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} changed; REFER_UPDATE_GOLDEN=1 rewrites it"


@pytest.mark.parametrize("width", [60, 100])
def test_golden_search_table(catalog, width):
    from refertool.ranking import search
    from refertool.render.table import results_table

    hits = search(catalog, "minor perpetrator Brussels", limit=3).hits
    golden(f"search-table-{width}.txt", render(results_table([h.service for h in hits], "en"), width=width))


def test_golden_card(catalog):
    from refertool.render.table import service_card

    golden("card-child-focus-nl.txt", render(service_card(catalog.get("child-focus"), catalog, "nl"), width=80))


FIVE = ("112", "101", "116 000", "1712", "106")


@pytest.mark.parametrize("width,most,first", [(80, 22, 10), (60, 30, 10)])
def test_golden_emergency(catalog, width, most, first):
    from refertool.catalog import emergency_services
    from refertool.emergency import emergency_lines
    from refertool.render.table import emergency_view

    lines = emergency_lines(emergency_services(catalog), catalog.regions)
    text = render(emergency_view(lines, catalog.vocabulary, "en", set()), width=width)
    golden(f"emergency-{width}.txt", text)
    rows = text.replace("\u202f", " ").splitlines()
    assert len(rows) <= most and max(len(row) for row in rows) <= width
    starts = [row.split("  ")[0].strip() for row in rows[:first]]
    assert [n for n in FIVE if n in starts] == list(FIVE), starts


def test_ids_never_wrap(cli, monkeypatch, catalog):
    for width in ("60", "80", "100", "120"):
        monkeypatch.setenv("COLUMNS", width)
        out = cli("list", "-f", "table").out
        assert max(len(line) for line in out.splitlines()) <= int(width)
        for s in catalog:
            assert s.id in out, (width, s.id)


def test_json_contract_keys(catalog):
    from refertool.render.records import service_object

    obj = service_object(catalog.get("child-focus"), "en")
    assert json.loads(json.dumps(obj)) == obj
    assert obj["verified_at"] == "2026-11-26" and obj["free"] is True


# ---------------------------------------------------------------- notes for callers, notes for maintainers
# What a maintainer's note says (issue 18): where a fact came from, how sure it is, what to check.
MAINTAINER = re.compile(r"undated|datum onbekend|older version|vroegere versie|inferred|afgeleid|not found|"
                        r"niet gevonden|check that it is the one meant|kijk na of|closest match|according to the "
                        r"guide|volgens de gids|\bF\d{3}\b", re.IGNORECASE)


def source_names(catalog) -> list[str]:
    """The publishers of the pages facts were taken from (news, blogs, municipal and sector pages) that are
    not also an address people use: "nieuwsblad.be" names a source, "1712.be" is a way in."""
    used = " ".join(v for s in catalog for v in (s.website, s.email, *(c.value for c in s.contacts),
                                                 s.how_to_reach.nl, s.how_to_reach.en, s.description.nl,
                                                 s.description.en) if v).lower()
    return sorted({src.publisher for src in catalog.sources.values()
                   if src.kind in ("news", "other", "sector") and src.publisher
                   and src.publisher.lower() not in used})


def no_maintainer_note(text: str, names: list[str], where: str) -> None:
    found = MAINTAINER.search(text)
    assert found is None, (where, found and text[max(found.start() - 60, 0):found.end() + 60])
    named = [n for n in names if n.lower() in text.lower()]
    assert named == [], (where, named)


def caller_card(s, catalog, lang) -> str:
    """The card as plain text up to its sources part (which is for maintainers)."""
    from refertool.i18n import t
    from refertool.render.records import text_card

    card = text_card(s, catalog, lang)
    return card.split(f"\n{t('source', lang)}:")[0]


def test_source_names_are_found_at_all(catalog):
    # the check below would pass on nothing: the list of source names is real, and the sources part has them
    names = source_names(catalog)
    assert {"nieuwsblad.be", "hln.be", "rtl.be"} <= set(names)
    from refertool.render.records import text_card

    blob = " ".join(text_card(s, catalog, "en") for s in catalog)
    assert "nieuwsblad.be" in blob and "undated" in blob and MAINTAINER.search(blob)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_maintainer_note_in_what_callers_read(catalog, lang):
    """Every user-facing output for every service (search table, card, plan in md/json/html/table, the
    emergency view, the posters for every audience as content and HTML) carries no maintainer's note:
    no source's name, no "undated", no "inferred", no "check that it is the one meant"."""
    import dataclasses

    from refertool.catalog import emergency_services
    from refertool.emergency import emergency_lines
    from refertool.helplines import helplines
    from refertool.plan import Entry, Given, Section, make_plan
    from refertool.reading.read import read
    from refertool.render.handout import poster, write_html
    from refertool.render.plan import plan_object, plan_view, write_markdown
    from refertool.render.plan import write_html as plan_html
    from refertool.render.table import emergency_view, results_table

    names = source_names(catalog)
    services = sorted(catalog, key=lambda s: s.id)
    no_maintainer_note(render(results_table(services, lang), width=120), names, "search table")
    for s in services:
        no_maintainer_note(caller_card(s, catalog, lang), names, f"card {s.id}")
    text = "een meisje van 15 werd aangerand"
    base = make_plan(catalog, read(text, catalog.vocabulary, catalog.regions), Given(), lang, text)
    every = dataclasses.replace(base, sections=(Section("help-victim", "help", tuple(Entry(s, "why")
                                                                                      for s in services)),))
    out = io.StringIO()
    write_markdown(out, every, lang)
    no_maintainer_note(out.getvalue(), names, "plan md")
    out = io.StringIO()
    plan_html(out, every, lang)
    no_maintainer_note(out.getvalue(), names, "plan html")
    no_maintainer_note(json.dumps(plan_object(every, lang, catalog.sources), ensure_ascii=False), names, "plan json")
    no_maintainer_note(render(plan_view(every, lang), width=120), names, "plan table")
    lines = emergency_lines(emergency_services(catalog), catalog.regions)
    no_maintainer_note(render(emergency_view(lines, catalog.vocabulary, lang, set()), width=120), names,
                       "emergency view")
    for audience in catalog.vocabulary.values("audiences"):
        chosen = helplines(catalog, audience)
        for size in ("a4", "a6"):
            p = poster(chosen, catalog.vocabulary, catalog.regions, catalog.sources, audience, None, lang, size)
            no_maintainer_note(write_html(p, size), names, f"poster {audience} {size}")
