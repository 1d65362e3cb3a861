"""Both languages everywhere, completion values, opening hours in Belgian time, interruption."""

from __future__ import annotations

import datetime as dt

from refertool.hours import brussels_now, open_now
from refertool.i18n import STRINGS, detect_lang, t
from refertool.model import Contact, Hours, Localized, Service


def test_every_interface_string_in_both_languages():
    for key, texts in STRINGS.items():
        assert set(texts) == {"nl", "en"} and all(texts.values()), key
        assert texts["nl"].count("{") == texts["en"].count("{"), key
    assert t("exported", "nl", 3, "x") != t("exported", "en", 3, "x")


def test_language_detection(monkeypatch):
    assert detect_lang("nl") == "nl" and detect_lang("en") == "en"
    monkeypatch.setenv("REFER_LANG", "nl")
    assert detect_lang(None) == "nl"
    monkeypatch.delenv("REFER_LANG")
    monkeypatch.setenv("LANG", "nl_BE.UTF-8")
    assert detect_lang(None) == "nl"
    monkeypatch.setenv("LANG", "fr_BE.UTF-8")
    assert detect_lang(None) == "en"


def test_completion_offers_facet_values_and_ids():
    from refertool.commands.options import _complete, _complete_ids

    assert _complete("audiences")("mi") == ["minors"]
    assert "perpetrator" in _complete("roles")("")
    assert "vlaams-brabant" in _complete("regions")("vl")
    assert _complete_ids("child") == ["child-focus"]


def office(days=("mo", "tu", "we", "th", "fr"), opens="09:00", closes="17:00"):
    return Service(id="x", name="x", summary=Localized("a", "b"), audiences=(), roles=(), topics=(),
                   regions=("flanders",), verified_at=dt.date(2026, 1, 1),
                   contacts=(Contact("phone", "106", (Hours(tuple(days), opens, closes),)),))


def test_open_now_in_belgian_time():
    s = office()
    # Wednesday 2026-07-01 08:30 UTC is 10:30 in Brussels (summer time): open
    assert open_now(s, dt.datetime(2026, 7, 1, 8, 30, tzinfo=dt.timezone.utc))
    # 15:30 UTC is 17:30 in Brussels: closed, though 15:30 would be inside the hours
    assert not open_now(s, dt.datetime(2026, 7, 1, 15, 30, tzinfo=dt.timezone.utc))
    # winter: 16:30 UTC is 17:30 CET: closed; 15:30 UTC is 16:30: open
    assert not open_now(s, dt.datetime(2026, 1, 7, 16, 30, tzinfo=dt.timezone.utc))
    assert open_now(s, dt.datetime(2026, 1, 7, 15, 30, tzinfo=dt.timezone.utc))
    # Saturday: closed
    assert not open_now(s, dt.datetime(2026, 7, 4, 9, 0, tzinfo=dt.timezone.utc))


def test_dst_rule_without_a_tz_database(monkeypatch):
    import refertool.hours as hours

    summer = dt.datetime(2026, 7, 1, 12, 0, tzinfo=dt.timezone.utc)
    winter = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.timezone.utc)
    assert hours._eu_offset(summer) == dt.timedelta(hours=2)
    assert hours._eu_offset(winter) == dt.timedelta(hours=1)
    assert brussels_now(summer).hour == 14


def test_interrupted_exits_130(cli, monkeypatch):
    import refertool.ranking as ranking

    def stop(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(ranking, "search", stop)
    r = cli("search", "x")
    assert r.code == 130
