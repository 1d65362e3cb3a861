"""No date may stop a lookup: the date rules are warnings of `refer validate`, as of an injectable day."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.cold_cache  # the cache is built as of the day a test sets

DATA_DAY = dt.date(2026, 12, 3)  # the last day bundled records were checked (the new ones of issue 18)
SRC = Path(__file__).resolve().parents[1] / "src" / "refertool"


@pytest.mark.parametrize("day", [DATA_DAY - dt.timedelta(days=365), DATA_DAY + dt.timedelta(days=6 * 365)])
@pytest.mark.parametrize("args", [["emergency"], ["search", "minor perpetrator Brussels"]])
def test_a_lookup_never_fails_or_warns_because_of_the_date(cli, monkeypatch, day, args):
    monkeypatch.setenv("REFER_TODAY", day.isoformat())  # the cache directory is new for each test: cold
    r = cli(*args)
    assert r.code == 0 and r.out and r.err == ""


@pytest.mark.parametrize("day,code", [(DATA_DAY - dt.timedelta(days=365), "REF015"),
                                      (DATA_DAY + dt.timedelta(days=6 * 365), "REF016")])
def test_validate_warns_as_of_that_day(cli, monkeypatch, day, code):
    monkeypatch.setenv("REFER_TODAY", day.isoformat())
    r = cli("validate")
    assert r.code == 0  # warnings only
    assert any(f" {code} " in line for line in r.out.splitlines())
    assert "0 errors and " in r.err


def test_no_date_warning_on_the_data_day(cli, monkeypatch):
    monkeypatch.setenv("REFER_TODAY", DATA_DAY.isoformat())
    r = cli("validate")
    assert r.code == 0 and " REF015 " not in r.out and " REF016 " not in r.out


def test_a_bad_day_is_a_clear_error(cli, monkeypatch):
    monkeypatch.setenv("REFER_TODAY", "next tuesday")
    r = cli("validate")
    assert r.code == 2 and "REFER_TODAY must be a date" in r.err


def test_the_date_is_read_in_one_place():
    """Every date rule goes through validate.today(), so that REFER_TODAY reaches all of them."""
    readers = [(path.name, line) for path in SRC.rglob("*.py")
               for line in path.read_text(encoding="utf-8").splitlines() if re.search(r"date\.today\(\)", line)]
    assert readers == [("validate.py", "        return dt.date.today()")]
