"""Forgiving input: a mistyped command or place gets a suggestion, values are read in any case, a
Dutch or English label works wherever an id does, and the emergency numbers survive any mistake."""

from __future__ import annotations

import json

import pytest

FIVE = ("112", "101", "116 000", "1712", "106")


def ids(ran) -> list[str]:
    return [s["id"] for s in json.loads(ran.out)]


@pytest.mark.parametrize("typed,meant", [("serach", "search"), ("lsit", "list"), ("handot", "handout"),
                                         ("emergncy", "emergency")])
def test_a_mistyped_command_gets_did_you_mean(cli, typed, meant):
    r = cli(typed)
    assert r.code == 2 and f"Did you mean '{meant}'?" in r.err


def test_a_mistyped_place_gets_did_you_mean(cli):
    r = cli("list", "--region", "Gnet")
    assert r.code == 2 and "did you mean 'Gent'?" in r.err
    assert "did you mean 'oost-vlaanderen'?" in cli("list", "--region", "oost-vlaanderne").err


def test_emergency_with_a_mistyped_place_shows_every_number_and_says_what_it_could_not_use(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    r = cli("emergency", "--region", "Gnet", "-f", "table")
    assert all(number in r.out.replace("\u202f", " ") for number in FIVE), r.out
    assert "unknown region 'Gnet'" in r.err and "Gent" in r.err
    assert r.code == 2  # the mistake is still one
    plain = cli("emergency", "--region", "Gnet", "-f", "json")
    assert ids(plain) == ids(cli("emergency", "-f", "json"))


def test_values_in_any_case(cli):
    assert ids(cli("list", "--audience", "Minors", "-f", "json")) == ids(cli("list", "--audience", "minors",
                                                                             "-f", "json"))
    assert cli("--lang", "NL", "show", "child-focus").code == 0
    assert "Gratis" in cli("show", "child-focus", "--lang", "NL").out or "gratis" in cli(
        "show", "child-focus", "--lang", "NL").out


def test_labels_in_dutch_or_english_work_where_ids_do(cli, catalog):
    vocab = catalog.vocabulary
    by_id = ids(cli("list", "--audience", "minors", "--role", "perpetrator", "-f", "json"))
    minors, perpetrator = vocab.values("audiences")["minors"], vocab.values("roles")["perpetrator"]
    assert minors.nl.lower() != "minors"  # the Dutch label is not the id
    for audience, role in [(minors.nl, perpetrator.nl), (minors.en.upper(), perpetrator.en)]:
        assert ids(cli("list", "--audience", audience, "--role", role, "-f", "json")) == by_id


def test_an_unknown_value_still_says_so_with_a_suggestion(cli):
    r = cli("list", "--audience", "Minrs")
    assert r.code == 2 and "Did you mean 'minors'?" in r.err


def test_the_plan_takes_a_role_label(cli):
    ran = cli("plan", "een leider betast een kind", "--role", "Professional", "--no-input", "-f", "json")
    assert ran.code == 0 and json.loads(ran.out)["situation"]["asker_role"] == "professional"
