"""Hostile input never crashes, hangs or leaks: property-based and named cases."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from refertool.query import parse
from refertool.ranking import search

HOSTILE = [
    "", " ", "\u200f\u202e", "😀🔥 kind", "ｗｒａａｋｐｏｒｎｏ", "e\u0301e\u0301", "'; DROP TABLE services; --",
    "%s %d {0} {name!r}", ".*[(?", "\\", "\x00\x1b[31m", "a" * 100_000, "kind " * 20_000, "1712 1712 1712",
    "0000", "9999", "-f json", "--help", "../../etc/passwd", "\n\n\n", "Ⅻ-jarige", "١٢ jaar",
]


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_queries_through_the_cli(cli, query):
    # how long each takes is measured by `benchmarks/run.py hostile`, not asserted here
    r = cli("search", "--format", "json", "--", query)
    assert r.code in (0, 1), r.err
    assert isinstance(json.loads(r.out), list)
    assert "Traceback" not in r.err


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_any_text_parses_and_ranks(catalog, text):
    q = parse(text, catalog.vocabulary, catalog.regions)
    assert all(c.label for c in q.concepts)
    result = search(catalog, text, limit=5)
    assert len(result.hits) <= 5
    assert [h.key for h in result.hits] == sorted(h.key for h in result.hits)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["kind", "pleger", "Gent", "112", "wraakporno", "child", "focus", "12 jaar",
                                 "school", "sport", "é", "'", "-", "2000"]), max_size=6))
def test_word_salad_through_cli(cli, words):
    r = cli("search", "-f", "json", "--", " ".join(words))
    assert r.code in (0, 1)
    assert isinstance(json.loads(r.out), list)


@pytest.mark.cold_cache  # the cache is written during the test, so what it writes is searched too
def test_no_query_text_is_written_anywhere(cli, tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    marker = "zqxjunieke7731"
    for args in (["search", marker], ["search", f"kind {marker}", "-f", "json"], ["list"]):
        cli(*args)
    cache = Path(os.environ["REFER_CACHE_DIR"])
    for root in (home, cache, tmp_path):
        for path in root.rglob("*"):
            if path.is_file():
                assert marker.encode() not in path.read_bytes(), path


def test_a_data_file_removed_between_two_runs(cli, tmp_path):
    d = tmp_path / "d" / "services"
    d.mkdir(parents=True)
    src = Path(__file__).parent / "fixtures" / "local" / "services" / "lokaal-meldpunt.toml"
    (d / "lokaal-meldpunt.toml").write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    assert cli("-d", str(tmp_path / "d"), "search", "zwembadwerking").code == 0
    (d / "lokaal-meldpunt.toml").unlink()
    assert cli("-d", str(tmp_path / "d"), "search", "zwembadwerking").code == 1


def test_no_network_code_in_the_package():
    src = Path(__file__).resolve().parents[1] / "src"
    banned = ("socket", "urllib", "http.client", "requests", "httpx", "aiohttp")
    for path in src.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for name in banned:
            assert f"import {name}" not in text and f"from {name}" not in text, (path, name)


# digits of other scripts: str.isdigit() holds for them, int() fails on some ("𐹠", "²")
OTHER_DIGITS = ["𐹠", "²", "٣", "߂", "१"]
NUMBER_PLACES = ["{n} dagen geleden", "postcode {n}{n}{n}{n}", "een kind van {n}", "in {n}{n}{n}{n}",
                 "she is {n}", "{n} years ago my uncle", "om {n} uur 's nachts"]


@pytest.mark.parametrize("digit", OTHER_DIGITS)
def test_digits_of_other_scripts_where_a_number_is_read(cli, digit):
    """Every place where the reader or the place names read a number, with digits that are not ASCII: a plan
    or a search, never an internal error."""
    for frame in NUMBER_PLACES:
        text = f"mijn dochter werd aangerand, {frame.format(n=digit)}"
        for command in (("plan", text, "--no-input", "-f", "json"), ("search", text, "-f", "json")):
            r = cli(*command)
            assert r.code in (0, 1) and "Internal error" not in r.err, (command, r.err)
