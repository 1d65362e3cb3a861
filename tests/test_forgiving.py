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
    assert cli("list", "--lang", "NL").out == cli("list", "--lang", "nl").out != cli("list", "--lang", "en").out
    assert cli("list", "-f", "JSON").out == cli("list", "-f", "json").out  # a format too
    assert cli("plan", "een leider betast een kind", "--no-input", "-f", "MD").code == 0


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


def _every_help_text():
    """Every help paragraph of refer, its commands and their options (examples left out)."""
    import typer

    from refertool.cli import app
    from refertool.commands.dutch import _key

    group = typer.main.get_command(app)
    ctx = typer.Context(group)
    commands = [group, *(group.get_command(ctx, name) for name in group.list_commands(ctx))]
    commands += [sub for c in commands[1:] for sub in getattr(c, "commands", {}).values()]
    texts = [c.help for c in commands if c.help] + [p.help for c in commands for p in c.get_params(ctx)
                                                     if getattr(p, "help", None)]
    return {_key(p) for text in texts for p in text.split("\n\n") if not p.startswith("\b")}


def test_every_help_text_has_a_dutch_translation():
    from refertool.commands.dutch import PARAGRAPHS

    texts = _every_help_text()
    assert len(texts) > 50
    assert sorted(texts - set(PARAGRAPHS)) == []


def test_help_and_clicks_messages_in_dutch(cli):
    english = cli("--help")
    assert "Usage: refer" in english.out and "Options:" in english.out and "Find the right service" in english.out
    for args in (["--lang", "nl", "--help"], ["--help", "--lang", "nl"]):
        dutch = cli(*args)
        assert dutch.out.startswith("Gebruik: refer") and "Opties:" in dutch.out and "Commando's:" in dutch.out
        assert "Vind de juiste dienst" in dutch.out and "Zoek diensten met vrije tekst" in dutch.out
    assert "Toon deze hulp en stop." in cli("search", "--help", "--lang", "nl").out
    wrong = cli("--lang", "nl", "serach")
    assert "Fout: Onbekend commando 'serach'. Bedoelde je 'search'?" in wrong.err and wrong.code == 2
    assert "Ongeldige waarde voor '--age'" in cli("list", "--age", "abc", "--lang", "nl").err


def test_the_poster_takes_an_audience_label(cli, tmp_path, catalog):
    label = catalog.vocabulary.values("audiences")["minors"].nl
    by_label, by_id = tmp_path / "label.html", tmp_path / "id.html"
    assert cli("handout", "--audience", label, "-o", str(by_label)).code == 0
    assert cli("handout", "--audience", "minors", "-o", str(by_id)).code == 0
    assert by_label.read_text(encoding="utf-8") == by_id.read_text(encoding="utf-8")
