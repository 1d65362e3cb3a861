"""Width-proof output: at every width from 60 to 160 columns, search, list and plan print no line wider
than the terminal, no table that lost its right border (a cut column), every id whole, and every web
address whole: on one line, or, when it is longer than its column, broken only after a slash.

Through the real path: `refer ... -f table` with COLUMNS set, as a terminal of that width would run it.
"""

from __future__ import annotations

import re

import pytest

from refertool.render.table import url_lines

WIDTHS = range(60, 161)
STARTS_A_TABLE_LINE = set("┏┃┡│├└")
ENDS_A_TABLE_LINE = set("┓┃┩│┤┘")
CELL = re.compile("[│┃]")
BREAKS = "/?&"
RUNS = {
    "search": ("search", "minor perpetrator Brussels"),
    "list": ("list",),
    "plan": ("plan", "als trainer: een speelster van 16 werd gisteren aangerand", "--region", "Gent", "--no-input"),
}


def whole(url: str, lines: list[str]) -> bool:
    """The address is a word of one cell, or starts at the end of a cell and goes on at the start of the
    same column's cell on the lines below, in pieces that end after a slash (? or &)."""
    rows = [[cell.split() for cell in CELL.split(line)] for line in lines]
    for i, row in enumerate(rows):
        for j, words in enumerate(row):
            if url in words:
                return True
            got = words[-1] if words and url.startswith(words[-1]) and words[-1][-1] in BREAKS else ""
            for below in rows[i + 1:] if got else ():
                nxt = below[j][0] if j < len(below) and below[j] else ""
                if not nxt or not url.startswith(got + nxt):
                    break
                got += nxt
                if got == url or got[-1] not in BREAKS:
                    break
            if got == url:
                return True
    return False


def shown(out: str, services) -> list:
    return [s for s in services if s.id in out.split()]


@pytest.mark.parametrize("command", RUNS)
def test_every_width_keeps_lines_borders_ids_and_addresses_whole(command, cli, monkeypatch, catalog):
    seen_broken = 0
    for width in WIDTHS:
        monkeypatch.setenv("COLUMNS", str(width))
        r = cli(*RUNS[command], "-f", "table", "--no-pager")
        assert r.code == 0, r.err
        lines = r.out.splitlines()
        for line in lines:
            assert len(line) <= width, (command, width, line)
            if line and line[0] in STARTS_A_TABLE_LINE:
                assert line.rstrip()[-1] in ENDS_A_TABLE_LINE, (command, width, "a cut column", line)
        if command == "plan":  # a plan names its services and shows the contact to use first, as a terminal shows it
            from refertool.render.plan import best_contact, shown_url

            entries = [s for s in catalog if any(line.startswith(f"• {s.name}") for line in lines)]
            assert entries, (command, width)
            urls = [shown_url(b) for b in (best_contact(s, "en") for s in entries) if b.startswith(("http", "www."))]
            assert urls and all(whole(u, lines) for u in urls), (command, width, urls)
            continue
        services = shown(r.out, catalog)
        assert services, (command, width)
        for s in services:
            best = s.contacts[0] if s.contacts else None
            if best is not None and best.channel in ("website", "chat"):
                assert whole(best.value, lines), (command, width, best.value)
                seen_broken += best.value not in r.out
    if command != "plan":  # the sweep meets addresses longer than a line, and they pass only whole
        assert seen_broken


def test_an_address_breaks_only_after_a_slash():
    url = "https://www.example.be/een-lange-naam-van-een-pagina/en-nog-een-stuk?menu=1"
    assert url_lines(url, 100) == [url]
    pieces = url_lines(url, 40)
    assert "".join(pieces) == url and all(len(p) <= 40 for p in pieces)
    assert all(p[-1] in BREAKS for p in pieces[:-1]), pieces
    assert url_lines("0800 200 50", 5) == ["0800 200 50"]  # not an address: never broken here


def test_the_address_check_refuses_a_break_inside_a_word():
    url = "https://grenswijs.be/doorverwijzen-na-grensoverschrijdend-gedrag"
    assert whole(url, ["│ 1 │ https://grenswijs.be/ │", "│   │ doorverwijzen-na-grensoverschrijdend-gedrag │"])
    assert not whole(url, ["│ 1 │ https://grenswijs.be/doorverwijzen-na- │", "│   │ grensoverschrijdend-gedrag │"])
    assert not whole(url, ["│ 1 │ https://grenswijs.be/doorverw │", "│   │ ijzen-na-grensoverschrijdend-gedrag │"])


def test_search_at_80_columns_is_a_screenful(cli, monkeypatch):
    """The quickstart's search at 80x24: ten results, each starting with its number, in two lines (a
    third only for an address too long to sit beside the name or the id)."""
    monkeypatch.setenv("COLUMNS", "80")
    r = cli("search", "minor perpetrator Brussels", "-f", "table", "--no-pager")
    lines = r.out.splitlines()
    starts = [i for i, line in enumerate(lines) if re.match(r"\s*\d+ ", line)]
    assert [lines[i].split()[0] for i in starts] == [str(n) for n in range(1, 11)]
    assert len(lines) <= 24 + 6, r.out
    assert all(b - a in (2, 3) for a, b in zip(starts, starts[1:])), r.out


def test_the_compact_list_says_how_to_reach_a_service_without_a_contact(cli, monkeypatch, catalog):
    monkeypatch.setenv("COLUMNS", "80")
    out = " ".join(cli("list", "-f", "table", "--no-pager").out.split())
    without = [s for s in catalog if not s.contacts]
    if not without:
        pytest.skip("every service has a contact")
    for s in without:
        assert f"{s.id} · {' '.join(s.how_to_reach.get('en').split()[:4])}" in out
