"""refer plan: situations written from the guide -> the right service in the right step."""

from __future__ import annotations

import dataclasses
import itertools
import json
import re

import pytest
from typer.testing import CliRunner

from refertool import cli as cli_module
from refertool.commands import plan as plan_command
from refertool.plan import Given, make_plan
from refertool.reading.read import read
from test_render import golden, render

# (situation, extra options, [(step, service) expected], [services that must not be in the plan])
# Each is a case the guide (vraag-advies-bij-externe-diensten.txt) speaks of, in a user's words.
CASES = [
    # images of a minor, in English: Child Focus and its reporting point for images
    ("my 15 year old daughter was sent nude pictures by an adult online", (),
     [("report", "child-focus"), ("report", "stopchildporno")], []),
    # acute: the care centre nearest the place first in Now (Zorgcentra na seksueel geweld); no injury or
    # danger named, so no 112; the police is a route to report
    ("Mijn dochter van 15 is vannacht verkracht op een feestje in Gent", (),
     [("now", "zorgcentrum-seksueel-geweld-gent"), ("report", "lokale-politie"),
      ("help-victim", "nu-praat-ik-erover")], ["zorgcentrum-seksueel-geweld-brussel", "noodnummer-112"]),
    ("mijn dochter van 16 werd gisteren verkracht in Leuven", (),
     [("now", "zorgcentrum-seksueel-geweld-leuven")], ["zorgcentrum-seksueel-geweld-gent"]),
    # a minor who did it: services for minor perpetrators; I.T.E.R. serves Flemish Brabant and Brussels
    ("mijn zoon van 15 heeft bij de scouts in Leuven een meisje betast", ("--role", "bystander"),
     [("help-perpetrator", "iter"), ("help-perpetrator", "minderjarige-plegers"), ("advice", "de-ambrassade"),
      ("advice", "hulplijn-1712")],
     ["universitair-forensisch-centrum", "tzitemzo"]),
    ("mijn zoon van 15 heeft een meisje betast in Gent", (),
     [("help-perpetrator", "minderjarige-plegers")], ["iter"]),
    # paedophilic feelings, no act: Stop it Now! only, nothing to report
    ("ik heb pedofiele gevoelens voor kinderen en wil hulp", ("--role", "perpetrator"),
     [("help-perpetrator", "stop-it-now")], ["lokale-politie", "parket", "hulplijn-1712"]),
    # a teacher and the duty to report about a minor: tZitemzo, the CLB, the VK; the stepfather is not school
    # staff, so no school complaint route
    ("als leerkracht: een leerling van 13 vertelt dat haar stiefvader haar misbruikt, mag ik mijn "
     "beroepsgeheim doorbreken?", (),
     [("advice", "tzitemzo"), ("advice", "clb"), ("advice", "vertrouwenscentrum-kindermishandeling"),
      ("report", "lokale-politie")],
     ["sam", "onderwijskoepels", "onderwijsinspectie", "meerderjarige-plegers"]),
    ("as a teacher: a pupil aged 15 told me her uncle abuses her, do I have to report it?", (),
     [("advice", "tzitemzo")], ["onderwijsinspectie", "onderwijskoepels"]),
    # a teacher who did it: the school's routes
    ("de leerkracht lichamelijke opvoeding heeft een leerling van 14 betast", (),
     [("report", "onderwijskoepels"), ("report", "onderwijsinspectie"),
      ("report", "vlaams-meldpunt-grensoverschrijdend-gedrag")], ["sportieq"]),
    # disability care: VAPH services report to the VAPH; Aditi advises
    ("als begeleider in een voorziening: een bewoner van 34 met een verstandelijke beperking werd betast "
     "door een collega", (),
     [("report", "vaph"), ("advice", "aditi"), ("advice", "sam"), ("help-victim", "caw-slachtofferhulp")],
     ["tzitemzo"]),
    # secrecy about an adult: SAM, not tZitemzo
    ("als maatschappelijk werker: een cliënte van 40 vertelt dat haar partner haar seksueel misbruikt; wat met "
     "mijn beroepsgeheim?", (),
     [("advice", "sam"), ("advice", "caw")],
     # the client's partner: help for him is not the social worker's to arrange
     ["vertrouwenscentrum-kindermishandeling", "universitair-forensisch-centrum"]),
    # sport: Sportieq
    # sport: a trainer did it, so the sport route and the Vlaams Meldpunt in Report; Sportieq supports the
    # integrity contact ("not itself a reporting point"): advice for them
    ("als aanspreekpersoon integriteit bij een voetbalclub: een trainer zou een speler van 12 betast hebben", (),
     [("report", "vlaams-sporttribunaal"), ("advice", "sportieq"),
      ("report", "vlaams-meldpunt-grensoverschrijdend-gedrag"),
      ("advice", "vertrouwenscentrum-kindermishandeling"), ("help-victim", "tejo")],
     ["de-ambrassade", "moderator", "justitiehuis"]),  # no report, complaint or case named: no court help
    # youth work: a leader did it, so the Vlaams Meldpunt in Report; De Ambrassade supports the integrity
    # contact, so it is advice for the one who asks
    ("ik ben hoofdleider bij de chiro, een leider heeft een lid van 14 seksueel lastiggevallen", (),
     [("advice", "de-ambrassade"), ("report", "vlaams-meldpunt-grensoverschrijdend-gedrag")], ["sportieq"]),
    # childcare: every serious situation goes to Kind en Gezin
    ("in onze kinderopvang heeft een begeleidster een peuter geslagen", (),
     [("report", "kind-en-gezin"), ("advice", "vertrouwenscentrum-kindermishandeling")], []),
    # asylum: at the Red Cross, report to the head office
    ("ik werk in een opvangcentrum van het Rode Kruis; een bewoner van 16 werd aangerand door een andere "
     "bewoner", (),
     [("report", "rode-kruis-asielopvang")], []),
    # culture: the Vlaamse Ombudsdienst
    ("als actrice op een filmset werd ik door de regisseur geïntimideerd en betast", ("--role", "professional"),
     [("advice", "vlaamse-ombudsdienst")], []),
    # images of a minor: Child Focus; sexual images: IGVM
    # images of a minor are child sexual abuse material: Child Focus and its reporting point, not the IGVM
    # (between adults); the police before them
    ("naaktfoto's van een 15-jarige leerling worden rondgestuurd op sociale media", (),
     [("report", "child-focus"), ("report", "stopchildporno"), ("report", "lokale-politie")], ["igvm"]),
    ("mijn ex heeft naaktfoto's van mij online gezet, ik ben 28", (),
     [("report", "igvm"), ("help-victim", "caw-slachtofferhulp")],
     ["child-focus", "meerderjarige-plegers", "vertrouwenscentrum-kindermishandeling", "jac", "tejo"]),
    # an adult abused as a child: someone to talk to, self-help; no emergency
    ("ik ben als kind jarenlang misbruikt door mijn oom en wil er nu met iemand over praten", (),
     [("help-victim", "het-punt"), ("help-victim", "tele-onthaal"), ("help-victim", "caw")],
     ["noodnummer-112"]),
    # gender and sexual diversity: Lumi where it fits
    ("een 16-jarige leerling die transgender is wordt gepest en betast door klasgenoten", (),
     [("help-victim", "lumi"), ("help-perpetrator", "iter")], []),
    # mediation once there is a criminal case
    ("een slachtoffer van aanranding wil na het strafproces met de dader in gesprek via bemiddeling", (),
     [("later", "moderator")], []),
    # an adult who did it
    ("een collega van 45 heeft een stagiaire van 19 aangerand", (),
     [("help-perpetrator", "universitair-forensisch-centrum"), ("help-perpetrator", "meerderjarige-plegers")],
     ["minderjarige-plegers"]),
    # a young victim who does not dare to call: the chat
    ("een meisje van 13 werd misbruikt door haar oom en durft niet te bellen", (),
     [("help-victim", "nu-praat-ik-erover")], []),
    # violence right now, not sexual: 112 and 101, no care centre
    ("een jongen wordt op dit moment in elkaar geslagen voor de school", (),
     [("now", "noodnummer-112"), ("now", "lokale-politie")], ["zorgcentrum-seksueel-geweld-gent"]),
    # sexual assault yesterday: the care centre takes a victim directly within a week (the chat of Nu praat ik
    # erover is for adult victims of sexual violence too; JAC stops at 25 but a 22-year-old is in it)
    ("ik werd gisteren aangerand in Brussel, ik ben 22", (),
     [("now", "zorgcentrum-seksueel-geweld-brussel"), ("help-victim", "caw-slachtofferhulp")],
     ["zorgcentrum-seksueel-geweld-luik", "tejo"]),
    # no police: police and prosecutor are left out, in every step
    ("mijn dochter van 17 werd verkracht maar wil geen aangifte doen", (),
     [("help-victim", "nu-praat-ik-erover"), ("advice", "hulplijn-1712")], ["lokale-politie", "parket"]),
    ("mijn dochter van 17 werd vannacht verkracht in Gent maar wil geen aangifte doen", (),
     [("now", "zorgcentrum-seksueel-geweld-gent")], ["lokale-politie", "parket"]),
    # a child beaten at home: the VK for advice, Tejo for the child; no school or sector route, no mediation
    # (the facts: for adult offenders... and the father is one, but no criminal case or mediation is named)
    ("een jongen van 12 wordt thuis geslagen door zijn vader", (),
     [("advice", "vertrouwenscentrum-kindermishandeling"), ("help-victim", "tejo")],
     ["caw-slachtofferhulp", "onderwijsinspectie", "moderator", "zorgcentrum-seksueel-geweld-gent"]),
    # ages: JAC and Tejo not for adults; services for adult offenders not for a minor who did it
    ("mijn zoon van 15 heeft een meisje van 14 aangerand", (),
     [("help-perpetrator", "minderjarige-plegers")], ["universitair-forensisch-centrum", "meerderjarige-plegers"]),
    ("ik ben 40 en werd twintig jaar geleden door een buurman misbruikt", (),
     [("help-victim", "caw-slachtofferhulp")], ["jac", "tejo", "awel", "noodnummer-112"]),
    # a stranger did it: no help step for them (not the asker's to arrange), no sector route
    ("een onbekende heeft mijn dochter van 15 aangerand in het park", (),
     [("advice", "hulplijn-1712"), ("report", "lokale-politie")],
     ["universitair-forensisch-centrum", "meerderjarige-plegers", "sportieq", "onderwijsinspectie"]),
    # a region's service only there: I.T.E.R. (Flemish Brabant and Brussels) not in Gent
    ("een jongen van 14 heeft een meisje betast op de speelplaats in Gent", (),
     [("help-perpetrator", "minderjarige-plegers")], ["iter"]),
]


def _plan(cli, text: str, *args: str) -> dict:
    ran = cli("plan", text, "--no-input", "-f", "json", *args)
    assert ran.code == 0, ran.err
    return json.loads(ran.out)


def _placed(plan: dict) -> dict[str, str]:
    return {e["service"]["id"]: s["id"] for s in plan["sections"] for e in s["entries"]}


@pytest.mark.parametrize("text,args,expected,absent", CASES, ids=[c[0][:40] for c in CASES])
def test_situation_gives_the_service_in_its_step(cli, text, args, expected, absent):
    placed = _placed(_plan(cli, text, *args))
    for step, service in expected:
        assert placed.get(service) == step, f"{service}: expected in {step}, got {placed.get(service)}"
    for service in absent:
        assert service not in placed


def test_at_least_twenty_situations():
    assert len(CASES) >= 30


def test_acute_case_starts_with_now(cli):
    plan = _plan(cli, "Mijn dochter van 15 is vannacht verkracht op een feestje in Gent")
    assert plan["sections"][0]["id"] == "now"
    assert [s["id"] for s in _plan(cli, "een jongen van 12 wordt thuis geslagen door zijn vader")["sections"]][0] \
        != "now"


def test_steps_come_in_the_guides_order_and_empty_ones_are_left_out(cli):
    plan = _plan(cli, "ik heb pedofiele gevoelens voor kinderen", "--role", "perpetrator")
    assert [s["id"] for s in plan["sections"]] == ["help-perpetrator"]
    assert plan["sections"][0]["title"] == "Help for the person with these feelings"
    order = ["now", "advice", "report", "help-victim", "help-perpetrator", "later"]
    ids = [s["id"] for s in _plan(cli, "Mijn dochter van 15 is vannacht verkracht door een trainer")["sections"]]
    assert ids == sorted(ids, key=order.index)


def test_each_service_once(cli):
    plan = _plan(cli, "als leerkracht: een leerling van 13 wordt misbruikt door haar stiefvader")
    ids = [e["service"]["id"] for s in plan["sections"] for e in s["entries"]]
    assert len(ids) == len(set(ids))


def test_assumptions_are_stated(cli):
    plan = _plan(cli, "een cliënt werd betast door een begeleider")
    assert any(a.startswith("Age of the person affected not given: assuming a minor, because")
               for a in plan["assumptions"])
    assert any("Who is asking not said" in a for a in plan["assumptions"])
    given = _plan(cli, "een cliënt werd betast door een begeleider", "--age", "30", "--role", "professional")
    assert not any("assuming a minor" in a or "Who is asking" in a for a in given["assumptions"])


def test_no_place_names_every_care_centre_in_one_entry_nearest_by_language_and_says_so(cli, catalog):
    def centres(*args: str) -> list[str]:
        first = _plan(cli, *args)["sections"][0]["entries"][0]
        return [first["service"]["id"], *(o["id"] for o in first["others"])]

    dutch = centres("mijn dochter van 15 is vannacht verkracht")
    assert sorted(dutch) == sorted(s.id for s in catalog if s.kind == "hospital-service")
    walloon = {"zorgcentrum-seksueel-geweld-" + c for c in ("aarlen", "charleroi", "luik", "namen")}
    assert set(dutch[-4:]) == walloon  # Flanders and Brussels first for a Dutch text
    assert dutch[0] != "zorgcentrum-seksueel-geweld-aarlen"
    english = centres("my daughter of 15 was raped tonight")
    assert set(english[-4:]) == walloon
    assert any("every one is listed" in a for a in _plan(cli, "mijn dochter is vannacht verkracht")["assumptions"])


def test_region_option_picks_the_nearest_care_centre(cli):
    placed = _placed(_plan(cli, "mijn dochter van 15 is vannacht verkracht", "--region", "9000"))
    assert placed.get("zorgcentrum-seksueel-geweld-gent") == "now"
    assert "zorgcentrum-seksueel-geweld-brussel" not in placed


def test_a_contact_for_another_area_is_left_out_of_a_plan_for_a_place(cli, catalog):
    """A case that brings the police, for several places: each service's contacts in the plan are those whose
    own area covers the place (the Brussels police zone's line only in Brussels); with no place, those for
    everyone where the service has them."""
    from refertool import places

    regions = catalog.regions
    text = "my neighbour hit me yesterday and I want to file a complaint"
    def shown(*args):
        plan = _plan(cli, text, *args)
        return {e["service"]["id"]: {c["value"]: tuple(c["regions"]) for c in e["service"]["contacts"]}
                for sec in plan["sections"] for e in sec["entries"]}
    def all_of(sid):
        return {c.value: c.regions for c in catalog.get(sid).contacts}
    unplaced = shown()
    assert any(own for sid in unplaced for own in all_of(sid).values())
    for sid, contacts in unplaced.items():
        everyone = {v for v, own in all_of(sid).items() if not own}
        assert set(contacts) == (everyone or set(all_of(sid))), sid
    for area in ("brussels", "oost-vlaanderen", "limburg", "antwerpen"):
        for sid, contacts in shown("--region", area).items():
            want = {v for v, own in all_of(sid).items() if not own or places.covers(own, area, regions)}
            assert set(contacts) == want, (area, sid)


def test_options_override_the_text(cli):
    minor = _placed(_plan(cli, "een cliënt werd betast door een begeleider", "--role", "professional",
                          "--age", "14"))
    adult = _placed(_plan(cli, "een cliënt werd betast door een begeleider", "--role", "professional",
                          "--age", "40"))
    assert minor.get("tzitemzo") == "advice" and "sam" not in minor
    assert adult.get("sam") == "advice" and "tzitemzo" not in adult
    sector = _placed(_plan(cli, "een cliënt werd betast door een begeleider", "--sector", "sport"))
    assert sector.get("vlaams-sporttribunaal") == "report"  # who did it works in the asker's setting


def test_specialised_help_for_who_did_it_comes_first(cli):
    plan = _plan(cli, "mijn dochter van 13 vertelt dat haar stiefvader haar misbruikt")
    step = next(s for s in plan["sections"] if s["id"] == "help-perpetrator")
    whys = {e["service"]["id"]: e["why"] for e in step["entries"]}
    assert whys["meerderjarige-plegers"].startswith("Specialised help for an adult who did it")
    # a welfare centre open to all is no help written for the one who did it (no source says so)
    assert "caw" not in whys and "jac" not in whys


LINE = """name = "NAME"
kind = "helpline"
summary.nl = "Hulplijn."
summary.en = "Helpline."
audiences = ["minors"]
roles = ["victim", "professional", "bystander"]
topics = ["child-abuse"]
regions = ["flanders"]
contacts = [{ channel = "CHANNEL", value = "VALUE" }]

[source]
document = "Vraag advies bij externe diensten"
section = "test"
verified_at = 2026-11-26
"""


def test_help_for_who_did_it_only_where_it_is_the_askers_to_arrange(cli):
    # a teacher does not refer a pupil's stepfather for treatment; a parent, a colleague's case, a minor: yes
    def steps_of(text):
        return [s["id"] for s in _plan(cli, text)["sections"]]

    assert "help-perpetrator" not in steps_of("als leerkracht: een leerling van 13 vertelt dat haar stiefvader "
                                              "haar misbruikt")
    assert "help-perpetrator" in steps_of("mijn dochter van 13 vertelt dat haar stiefvader haar misbruikt")
    assert "help-perpetrator" in steps_of("als leerkracht: een leerling van 13 werd betast door een "
                                          "klasgenoot van 14")
    assert "help-perpetrator" in steps_of("als begeleider: een bewoner werd betast door een collega van 40")


def test_a_channel_the_person_avoids_goes_last_within_a_step(cli, tmp_path):
    (tmp_path / "services").mkdir()
    for sid, name, channel, value in (("aa-phone", "AA phone line", "phone", "0800 11 111"),
                                      ("bb-chat", "BB chat line", "chat", "https://example.org/chat")):
        record = LINE.replace("NAME", name).replace("CHANNEL", channel).replace("VALUE", value)
        (tmp_path / "services" / f"{sid}.toml").write_text(record, encoding="utf-8")

    def advice(text: str) -> list[str]:
        ran = cli("-d", str(tmp_path), "plan", text, "--no-input", "-f", "json")
        assert ran.code == 0, ran.err
        step = next(s for s in json.loads(ran.out)["sections"] if s["id"] == "advice")
        return [e["service"]["id"] for e in step["entries"]]

    calm = advice("een meisje van 13 werd misbruikt door haar oom")
    scared = advice("een meisje van 13 werd misbruikt door haar oom en durft niet te bellen")
    assert calm.index("aa-phone") < calm.index("bb-chat")
    assert scared.index("aa-phone") > scared.index("bb-chat")  # a line she can only call goes last


def test_victim_asking_gets_no_advice_step(cli):
    plan = _plan(cli, "ik werd gisteren aangerand, ik ben 22")
    assert "advice" not in [s["id"] for s in plan["sections"]]


def test_json_entries_carry_the_service_object_of_show(cli):
    plan = _plan(cli, "een jongen van 12 wordt thuis geslagen door zijn vader")
    assert set(plan) == {"situation", "assumptions", "sections", "support", "ask", "steps_version"}
    entry = plan["sections"][0]["entries"][0]
    assert set(entry) == {"service", "why", "others"} and entry["why"]
    shown = json.loads(cli("show", entry["service"]["id"], "-f", "json").out)
    # the same object, less where its facts come from: a plan is for the person who calls
    assert shown["sources"] and entry["service"]["sources"] == [] and entry["service"]["source_document"] is None
    assert all(c["source"] is None for c in entry["service"]["contacts"])
    same = {k for k in shown if k not in ("sources", "source_notes", "source_document", "source_section",
                                          "contacts", "locations")}
    assert {k: entry["service"][k] for k in same} == {k: shown[k] for k in same}
    assert [{**c, "source": None} for c in shown["contacts"]] == entry["service"]["contacts"]
    assert plan["situation"]["people"][0]["age"] == 12
    assert plan["situation"]["described"].startswith("victim: jongen, 12")


def test_markdown_is_the_default_in_a_pipe(cli):
    ran = cli("plan", "een jongen van 12 wordt thuis geslagen door zijn vader", "--no-input")
    assert ran.code == 0
    assert ran.out.startswith("# Referral plan\n")
    assert "## 1. Advice for you" in ran.out
    assert "- **1712 – hulplijn geweld, misbruik en kindermishandeling**: 1712" in ran.out


def test_nothing_fits_exits_1_and_no_situation_exits_2(cli):
    ran = cli("plan", "hallo daar", "--no-input")
    assert ran.code == 1 and "Nothing to plan" in ran.err and ran.out == ""
    ran = cli("plan", "--no-input")
    assert ran.code == 2 and "Describe the situation" in ran.err


def test_dutch_plan(cli):
    ran = cli("--lang", "nl", "plan", "een jongen van 12 wordt thuis geslagen door zijn vader", "--no-input")
    assert "# Verwijsplan" in ran.out and "Advies voor jou" in ran.out


# ---------------------------------------------------------------- hostile data stays text
HOSTILE = """name = "Evil *bold* [link](javascript:alert(1)) <script>alert(1)</script> | x"
kind = "helpline"
summary.nl = "Hulplijn voor kinderen."
summary.en = "Helpline for children."
audiences = ["minors"]
roles = ["victim", "professional"]
topics = ["child-abuse", "emotional-support"]
regions = ["flanders"]
contacts = [{ channel = "phone", value = "0800 00 000", note.en = "*weekdays* <b>only</b>" },
  { channel = "website", value = "https://example.org/a_b*c" }]

[source]
document = "Vraag advies bij externe diensten"
section = "test"
verified_at = 2026-11-26
"""


@pytest.fixture
def hostile_dir(tmp_path):
    (tmp_path / "services").mkdir()
    (tmp_path / "services" / "evil.toml").write_text(HOSTILE, encoding="utf-8")
    return tmp_path


def test_markdown_and_html_show_markup_as_text(cli, hostile_dir):
    args = ("-d", str(hostile_dir), "plan", "een jongen van 12 wordt thuis geslagen door zijn vader", "--no-input")
    md = cli(*args, "-f", "md")
    assert md.code == 0, md.err
    assert "Evil \\*bold\\* \\[link\\](javascript:alert(1)) \\<script\\>" in md.out
    # every contact in the data's order (the best first), each with its caveat
    assert "**: 0800 00 000 (\\*weekdays\\* \\<b\\>only\\</b\\>) · https://example.org/a\\_b\\*c" in md.out
    html = cli(*args, "-f", "html").out
    assert "<script>" not in html and "&lt;script&gt;" in html and "<b>only" not in html
    assert '<a href="https://example.org/a_b*c">' in html
    assert "<link" not in html and "http" not in html.split("<body>")[0]  # nothing fetched


def test_html_is_one_page_with_every_entry(cli, tmp_path):
    out = tmp_path / "plan.html"
    assert cli("plan", "een jongen van 12 wordt thuis geslagen door zijn vader", "--no-input",
               "-o", str(out)).code == 0  # the format from the extension
    page = out.read_text(encoding="utf-8")
    plan = _plan(cli, "een jongen van 12 wordt thuis geslagen door zijn vader")
    for section in plan["sections"]:
        assert f'<section id="{section["id"]}">' in page
    assert "@page { size: A4" in page and page.rstrip().endswith("</html>")


# ---------------------------------------------------------------- the terminal
@pytest.mark.parametrize("width", [60, 80])
def test_golden_plan_table(catalog, width):
    from refertool.render.plan import plan_view

    text = "als leerkracht: een leerling van 13 vertelt dat haar stiefvader haar misbruikt"
    plan = make_plan(catalog, read(text, catalog.vocabulary, catalog.regions), Given(), "en", text)
    view = render(plan_view(plan, "en"), width=width)
    golden(f"plan-{width}.txt", view)
    assert max(len(line) for line in view.splitlines()) <= width


@pytest.fixture
def terminal(monkeypatch):
    """A person at a terminal: questions may be asked."""
    monkeypatch.setattr(plan_command, "_interactive", lambda: True)


def _ask(*args: str, answers: str):
    result = CliRunner().invoke(cli_module.app, ["plan", *args, "-f", "json"], input=answers)
    out = result.stdout
    return result, json.loads(out[out.index("{"):])


def test_prompt_asks_age_and_role_and_uses_the_answers(terminal):
    result, plan = _ask("een cliënt werd betast door een begeleider", answers="40\n1\n")
    assert "Age of the person affected (or who did it)?" in result.output and "Who asks? 1" in result.output
    placed = _placed(plan)
    assert placed.get("sam") == "advice" and "tzitemzo" not in placed
    assert plan["situation"]["asker_role"] == "professional"


def test_prompt_enter_skips_and_a_wrong_answer_is_asked_again(terminal):
    result, plan = _ask("een cliënt werd betast door een begeleider", answers="veertig\n\n3\n")
    assert result.output.count("Age of the person affected (or who did it)?") == 2
    # the age skipped, the asker answered "the person it happened to": help for every age, said so
    assert any("Your age not given" in a for a in plan["assumptions"])
    assert plan["situation"]["asker_role"] == "victim"


def test_no_input_never_asks(terminal):
    result = CliRunner().invoke(cli_module.app, ["plan", "een cliënt werd betast", "--no-input", "-f", "json"],
                                input="40\n1\n")
    assert "(Enter skips)" not in result.output
    assert any("assuming a minor" in a for a in json.loads(result.stdout)["assumptions"])


def test_nothing_is_asked_when_all_is_known(terminal):
    result, _ = _ask("als leerkracht: een leerling van 13 uit Gent wordt misbruikt door een leider", answers="")
    assert "(Enter skips)" not in result.output
    result = CliRunner().invoke(cli_module.app, ["plan", "hallo daar"], input="\n\n")
    assert "(Enter skips)" not in result.output and "Nothing to plan" in result.output


def test_readme_example_is_the_real_output(cli):
    """docs/plan.md's example plan is what the command prints (REFER_UPDATE_GOLDEN=1 rewrites it)."""
    import os
    import re
    import shlex

    from conftest import ROOT

    readme = ROOT / "docs" / "plan.md"
    text = readme.read_text(encoding="utf-8")
    block = re.search(r"<!-- plan-example -->\n```\n(refer .*)\n```\n\n```markdown\n(.*?)```\n<!-- /plan-example -->",
                      text, re.S)
    assert block, "docs/plan.md lost its example plan"
    ran = cli(*shlex.split(block.group(1))[1:])
    assert ran.code == 0, ran.err
    if os.environ.get("REFER_UPDATE_GOLDEN"):
        readme.write_text(text[:block.start(2)] + ran.out + text[block.end(2):], encoding="utf-8")
        return

    def undated(md: str) -> str:  # the record's date is the day the plan is made
        return re.sub(r"^- Date: \d{4}-\d{2}-\d{2}$", "- Date: DAY", md, flags=re.M)

    assert undated(ran.out) == undated(block.group(2))


LOCATED_CENTRE = """name = "Zorgcentrum test Leuven"
kind = "hospital-service"
summary.nl = "Zorgcentrum na seksueel geweld."
summary.en = "Care centre after sexual violence."
audiences = []
roles = ["victim"]
topics = ["sexual-violence", "medical"]
regions = ["belgium"]
contacts = []

[[locations]]
name = "Test hospital"
city = "Leuven"
region = "vlaams-brabant"

[source]
document = "Vraag advies bij externe diensten"
section = "test"
verified_at = 2026-11-26
"""


def test_a_located_care_centre_is_the_nearest(cli, tmp_path):
    (tmp_path / "services").mkdir()
    (tmp_path / "services" / "zsg-test.toml").write_text(LOCATED_CENTRE, encoding="utf-8")
    ghent = LOCATED_CENTRE.replace("Leuven", "Gent").replace("vlaams-brabant", "oost-vlaanderen")
    (tmp_path / "services" / "zsg-test-gent.toml").write_text(ghent, encoding="utf-8")  # serves Leuven too
    ran = cli("-d", str(tmp_path), "plan", "mijn dochter van 15 is vannacht verkracht in Leuven", "--no-input",
              "-f", "json")
    assert ran.code == 0, ran.err
    now = [e["service"]["id"] for e in json.loads(ran.out)["sections"][0]["entries"]]
    assert "zsg-test" in now and "zsg-test-gent" not in now


def test_a_reporting_point_is_said_to_be_for_images_only_when_images_are_at_stake(cli):
    touched = _plan(cli, "na de training raakte de coach van onze hockeyclub een speelster van 13 aan; ik ben "
                         "aanspreekpersoon integriteit, wat nu?")
    images = _plan(cli, "een leider verspreidt naaktfoto's van een lid van 14")
    adult = _plan(cli, "mijn ex dreigt mijn naaktfoto's te verspreiden, ik ben 30")
    say = {"en": "Report the images of a minor; they help to have them removed",
           "adult": "Images shared or threatened: report it"}

    def whys(plan):
        return {e["service"]["id"]: e["why"] for s in plan["sections"] if s["id"] == "report" for e in s["entries"]}

    assert "vlaams-meldpunt-grensoverschrijdend-gedrag" in whys(touched)
    assert not any(w.startswith((say["en"], say["adult"])) for w in whys(touched).values())
    assert whys(images)["stopchildporno"].startswith(say["en"]) and "igvm" not in _placed(images)
    assert whys(adult)["igvm"].startswith(say["adult"]) and "stopchildporno" not in _placed(adult)
    # a threat with images is a crime first: the police before the route for images
    assert list(whys(adult)).index("lokale-politie") < list(whys(adult)).index("igvm")


def test_a_victim_asking_for_themself_without_an_age_gets_help_for_every_age(cli):
    plan = _plan(cli, "ik ben net verkracht")
    placed = _placed(plan)
    assert placed.get("caw-slachtofferhulp") == "help-victim"  # for adults
    assert placed.get("nu-praat-ik-erover") == "help-victim"  # for minors
    assert any("help for minors and for adults" in a or "minderjarigen en volwassenen" in a
               for a in plan["assumptions"])


def test_day_and_night_only_for_a_care_centre_the_data_says_is_always_open(cli):
    plan = _plan(cli, "mijn dochter is vannacht verkracht")
    whys = {e["service"]["id"]: e["why"] for s in plan["sections"] if s["id"] == "now" for e in s["entries"]}
    centres = {sid: why for sid, why in whys.items() if sid.startswith("zorgcentrum")}
    assert centres
    from refertool.catalog import load_catalog

    catalog = load_catalog()
    for sid, why in centres.items():
        assert ("day or night" in why) == catalog.get(sid).always_reachable, sid


# ---------------------------------------------------------------- the blind table (tests/plan_cases.toml)
# 45 situations written blind by a field-expert helper from the guide and the public facts (its header says
# how), and 11 by the plan's engineers from the guide alone (marked there); service keys are matched by the
# patterns of tests/relevance/services.toml.
def _toml(path):
    import tomllib

    return tomllib.loads(path.read_text(encoding="utf-8"))


def _blind():
    from conftest import ROOT

    here = ROOT / "tests"
    cases = _toml(here / "plan_cases.toml")["case"]
    patterns = {k: re.compile(v, re.I) for k, v in _toml(here / "relevance" / "services.toml")["patterns"].items()}
    return cases, patterns


BLIND_STEPS = {"now": "now", "advice": "advice", "report": "report", "help_affected": "help-victim",
               "help_doer": "help-perpetrator", "later": "later"}
# Cases that fail for a reason outside the plan: the reader (being rewritten in its own issue) misreads the
# text, or a service's record lacks a limit the facts state. Not xfail-strict: the reader's fix must not
# break this suite; `refer plan` on them shows what is missing.
MISREAD = "the reader misses it"
BLIND_KNOWN = {
    0: f"{MISREAD}: 'vanacht' (when)",
    5: "data: the Red Cross route is the only asylum route; and when it happened not read",
    8: f"{MISREAD}: nothing read",
    22: f"{MISREAD}: no harm read", 23: f"{MISREAD}: the parent asking read as the person affected",
    34: f"{MISREAD}: the age in brackets not read, nor who asks",
    42: f"{MISREAD}: the asker read as the one who did it",
}


def blind_failures(cli, case, patterns) -> list[str]:
    """Every check of a blind case that the plan does not meet."""
    def hit(key, service):
        p = patterns[key]
        return bool(p.search(service["name"]) or p.search(service["id"])
                    or any(p.search(c["value"]) for c in service["contacts"]))

    ran = cli("--lang", case["lang"], "plan", case["q"], "--no-input", "-f", "json")
    if case.get("nothing_to_plan"):
        return [] if ran.code == 1 and ran.out == "" else [f"exit {ran.code}: expected nothing to plan"]
    if ran.code != 0:
        return [f"exit {ran.code}: {ran.err.strip()}"]
    plan = json.loads(ran.out)
    placed = [(s["id"], svc) for s in plan["sections"] for e in s["entries"] for svc in (e["service"], *e["others"])]
    fails = [f"{key} not in {step}" for step, keys in case.get("steps", {}).items() for key in keys
             if not any(sid == BLIND_STEPS[step] and hit(key, svc) for sid, svc in placed)]
    fails += [f"{key} must not be in the plan" for key in case.get("must_not", {}).get("keys", [])
              if any(hit(key, svc) for _, svc in placed)]
    for a, b in case.get("order", {}).get("pairs", []):
        first = [n for n, (_, svc) in enumerate(placed) if hit(a, svc)]
        then = [n for n, (_, svc) in enumerate(placed) if hit(b, svc)]
        if first and then and min(first) > min(then):
            fails.append(f"{a} must come before {b}")
    return fails


def test_the_blind_table_has_at_least_forty_cases():
    cases, patterns = _blind()
    assert len(cases) >= 40 and len(cases) == 56  # test_blind_case runs each
    keys = {k for c in cases for ks in (*c.get("steps", {}).values(), c.get("must_not", {}).get("keys", []))
            for k in ks}
    assert keys <= set(patterns)


@pytest.mark.parametrize("n", range(56))
def test_blind_case(cli, n):
    cases, patterns = _blind()
    fails = blind_failures(cli, cases[n], patterns)
    if n in BLIND_KNOWN and fails:
        pytest.xfail(BLIND_KNOWN[n])
    assert n not in BLIND_KNOWN, "this known failure passes now: take it out of BLIND_KNOWN"
    assert fails == [], cases[n]["q"]


# ---------------------------------------------------------------- the steps table is data
def test_the_steps_table_is_read_from_data_and_every_rule_is_used(catalog):
    from refertool import steps

    table = steps.bundled()
    assert table.version >= 1 and len(table.rules) >= 15
    assert {r.step for r in table.rules} == set(steps.STEPS)
    assert all(r.why.en and r.why.nl for r in table.rules)


def test_the_steps_table_decides_the_step(catalog):
    """Moving a rule in the data moves its services: plan.py holds no step of its own."""
    from refertool import steps

    table = steps.bundled()
    text = "als aanspreekpersoon integriteit bij een voetbalclub: een trainer zou een speler van 12 betast hebben"
    situation = read(text, catalog.vocabulary, catalog.regions)
    moved = dataclasses.replace(table, rules=tuple(
        dataclasses.replace(r, step="later") if r.step == "report" and r.sector == "doer" else r
        for r in table.rules))

    def placed(t):
        return {e.service.id: s.id for s in make_plan(catalog, situation, Given(), "en", text, t).sections
                for e in s.entries}

    assert placed(table)["vlaams-sporttribunaal"] == "report" and placed(moved)["vlaams-sporttribunaal"] == "later"


@pytest.mark.parametrize("bad,message", [
    ('[[rule]]\nstep = "now"\nwhy.en = "x"\nkind = ["x"]\n', "unknown key 'kind'"),
    ('[[rule]]\nstep = "soon"\nwhy.en = "x"\n', "step: one of"),
    ('[[rule]]\nstep = "now"\nwhy.en = "x"\nasker = ["teacher"]\n', "unknown asker teacher"),
    ('[[rule]]\nstep = "now"\n', "'why' is missing"),
    ('colour = 1\n', "unknown key 'colour'"),
])
def test_a_wrong_steps_table_is_refused_with_its_line(tmp_path, bad, message):
    from refertool import steps
    from refertool.errors import DataError

    path = tmp_path / "plan.toml"
    path.write_text("version = 1\n\n" + bad, encoding="utf-8")
    with pytest.raises(DataError) as raised:
        steps.read_table(path)
    problem = raised.value.problems[0]
    assert message in problem.message and problem.path == str(path) and problem.line >= 3


# ---------------------------------------------------------------- short, on one screen
def _table(cli, text: str, width: int = 80, *args: str) -> list[str]:
    import os

    os.environ["COLUMNS"] = str(width)
    try:
        ran = cli("plan", text, "--no-input", "-f", "table", *args)
    finally:
        del os.environ["COLUMNS"]
    assert ran.code == 0, ran.err
    return ran.out.splitlines()


def test_at_most_three_entries_a_step_the_rest_named_on_one_line(cli):
    text = "als leerkracht: een leerling van 13 vertelt dat haar stiefvader haar misbruikt"
    lines = _table(cli, text)
    plan = _plan(cli, text)
    advice = next(s for s in plan["sections"] if s["id"] == "advice")
    assert len(advice["entries"]) > 3  # JSON holds everything
    assert sum(line.startswith("• ") for line in lines) <= 3 * len(plan["sections"])
    also = [line for line in lines if line.strip().startswith("also: ")]
    assert also and advice["entries"][3]["service"]["name"] in " ".join(also)
    # general support: one line at the end (for an adult; a child's plan has only what names children)
    support = [line for line in _table(cli, "een cliënte van 40 vertelt dat haar partner haar misbruikt")
               if line.startswith("Someone to talk to")]
    assert len(support) == 1 and "Tele-onthaal" in support[0]
    # a help step shows two in full (the person helped makes the contact), the third named on its also line
    helped = next(s for s in plan["sections"] if s["id"] == "help-victim")
    at = lines.index(next(line for line in lines if line.startswith("3. Help for the person affected")))
    ends = ("Someone", "Assumptions")
    shown = list(itertools.takewhile(lambda line: not line[:1].isdigit() and not line.startswith(ends),
                                     lines[at + 1:]))
    assert len(helped["entries"]) > 2 and sum(line.startswith("• ") for line in shown) == 2


def test_the_first_step_and_the_askers_advice_are_on_the_first_screen(cli):
    lines = _table(cli, "als leerkracht: een leerling van 13 vertelt dat haar stiefvader haar misbruikt")
    first = "\n".join(lines[:24])
    assert "1. Advice for you" in first and "Vertrouwenscentrum Kindermishandeling" in first
    acute = _table(cli, "Mijn dochter van 15 is vannacht verkracht op een feestje in Gent")
    assert "1. Now" in "\n".join(acute[:24]) and "UZ Gent" in "\n".join(acute[:24])
    # 41: the teacher's plan names the CLB among its advice, and step 3's "also:" line wraps once
    assert len(lines) <= 41 and len(acute) <= 40


def test_every_relation_the_reader_reads_has_a_setting_of_who_did_it(catalog):
    # else the plan takes someone unknown to it (an uncle, a son) for staff of the asker's setting
    from refertool import steps
    from refertool.reading.words import words_of

    relations = set(words_of(catalog.vocabulary).relation_age)  # every relation of data/situation.toml
    assert relations <= set(steps.bundled().doer_setting)


def test_with_no_place_a_service_of_part_of_a_region_is_named_not_shown_in_full(cli):
    # I.T.E.R. serves Flemish Brabant and Brussels only: with no place it may not serve the person
    text = "een jongen van 15 heeft een meisje betast"
    placeless, leuven = _table(cli, text), _table(cli, text + " in Leuven")
    assert _placed(_plan(cli, text)).get("iter") == "help-perpetrator"  # the plan still holds it
    assert not any(line.startswith("• I.T.E.R.") for line in placeless)
    assert any(line.strip().startswith("also: ") and "I.T.E.R." in line for line in placeless)
    assert any(line.startswith("• I.T.E.R.") for line in leuven)  # its area named: in full


def test_a_care_centre_first_in_now_with_its_hospital_and_what_the_sources_say(cli):
    plan = _plan(cli, "mijn dochter van 16 werd gisteren verkracht in Brussel")
    now = plan["sections"][0]
    assert now["id"] == "now" and now["entries"][0]["service"]["id"] == "zorgcentrum-seksueel-geweld-brussel"
    assert "less than a week ago" in now["entries"][0]["why"]
    lines = "\n".join(_table(cli, "mijn dochter van 16 werd gisteren verkracht in Brussel"))
    assert "Rue Haute 320" in lines and "02/535.45.42" in lines  # the address and phone its record gives


def test_112_only_where_injury_or_danger_is_named(cli):
    assert "noodnummer-112" not in _placed(_plan(cli, "mijn dochter van 15 is vannacht verkracht in Gent"))
    hurt = _placed(_plan(cli, "mijn dochter van 15 is vannacht verkracht in Gent en is nog in gevaar"))
    assert hurt.get("noodnummer-112") == "now"


def test_order_by_who_asks(cli):
    def advice(text):
        plan = _plan(cli, text)
        return [e["service"]["id"] for s in plan["sections"] if s["id"] == "advice" for e in s["entries"]]

    teacher = advice("als leerkracht: een leerling van 13 wordt thuis geslagen door haar vader")
    parent = advice("mijn dochter van 13 wordt geslagen door haar oom")
    vk, line = "vertrouwenscentrum-kindermishandeling", "hulplijn-1712"
    assert vk in teacher and (line not in teacher or teacher.index(vk) < teacher.index(line))  # directly
    assert line in parent and (vk not in parent or parent.index(line) < parent.index(vk))  # citizens call 1712
    adult = advice("als maatschappelijk werker: een cliënte van 40 wordt door haar partner geslagen")
    assert "caw" in adult[:3] and vk not in adult


def test_search_for_a_bare_topic_names_the_centres_of_its_language_region_first(catalog):
    from refertool.ranking import search

    hits = [h.service for h in search(catalog, "verkrachting", limit=None).hits if h.service.kind == "hospital-service"]
    cities = [s.locations[0].region for s in hits]
    wallonia = [n for n, r in enumerate(cities) if "wallonia" in catalog.regions.ancestors(r)]
    assert hits[0].id != "zorgcentrum-seksueel-geweld-aarlen"
    assert wallonia == list(range(len(cities) - len(wallonia), len(cities)))  # the Walloon ones last


def test_the_town_is_asked_once_when_a_care_centre_comes_first(terminal):
    # the last Enter skips the question who did it
    result, plan = _ask("mijn dochter van 15 is vannacht verkracht", answers="Leuven\n1\n\n")
    assert result.output.count("Which town?") == 1
    assert plan["sections"][0]["entries"][0]["service"]["id"] == "zorgcentrum-seksueel-geweld-leuven"


# ---------------------------------------------------------------- the record for the file
RECORD_TEXT = "als leerkracht: een leerling van 13 vertelt dat haar stiefvader haar misbruikt"


def test_markdown_and_html_end_with_the_record(cli):
    md = cli("plan", RECORD_TEXT, "--no-input", "-f", "md").out
    record = md[md.index("## For the file"):]
    assert re.search(r"^- Date: \d{4}-\d{2}-\d{2}$", record, re.M)
    assert re.search(r"^- Data: refertool \S+, steps table \d+, data checked up to \d{4}-\d{2}-\d{2}$", record, re.M)
    steps_ = [s["title"] for s in _plan(cli, RECORD_TEXT)["sections"]]
    ticks = re.findall(r"^- \[ \] \d+\. (.+?): done on", record, re.M)
    assert ticks == steps_
    html = cli("plan", RECORD_TEXT, "--no-input", "-f", "html").out
    assert '<section id="record">' in html and html.count("&#9744;") == len(steps_)


def test_no_situation_leaves_the_typed_text_out(cli):
    for fmt in ("md", "html"):
        out = cli("plan", RECORD_TEXT, "--no-input", "-f", fmt, "--no-situation").out
        assert "stiefvader" not in out and "leerling, 13" not in out, fmt
        assert "left out (--no-situation)" in out
    assert json.loads(cli("plan", RECORD_TEXT, "--no-input", "-f", "json", "--no-situation").out)["situation"] is None
    assert "stiefvader" in cli("plan", RECORD_TEXT, "--no-input", "-f", "md").out


def test_nothing_to_plan_gives_the_advice_lines_and_no_steps(cli):
    for text in ("the weather is nice today", "asdfgh lol test 123"):
        ran = cli("plan", text, "--no-input")
        assert ran.code == 1 and ran.out == ""
        assert "Nothing to plan" in ran.err
        citizens = next(line for line in ran.err.splitlines() if "citizen" in line)
        professionals = next(line for line in ran.err.splitlines() if "professional" in line)
        assert "1712" in citizens
        assert "Vertrouwenscentrum" in professionals and "CAW" in professionals
        assert "112" not in ran.err and "101" not in ran.err


@pytest.mark.parametrize("width", [60, 67, 80, 93, 120, 160])
def test_the_terminal_plan_never_cuts_a_line_or_breaks_an_address(catalog, width):
    from refertool.render.plan import best_contact, in_full, plan_view, shown_url

    for text in (RECORD_TEXT, "mijn dochter van 15 is vannacht verkracht in Gent",
                 "ik ben begeleider in een voorziening: een bewoner werd betast door een collega"):
        plan = make_plan(catalog, read(text, catalog.vocabulary, catalog.regions), Given(), "en", text)
        lines = render(plan_view(plan, "en"), width=width).splitlines()
        assert max(len(line) for line in lines) <= width
        best = [best_contact(e.service, "en") for s in plan.sections for e in in_full(s)[0] if not e.others]
        urls = [shown_url(b) for b in best if b.startswith(("http", "www."))]
        assert urls
        assert all(any(u in line for line in lines) for u in urls), width


def test_a_web_address_longer_than_the_narrowest_line_is_never_broken(catalog):
    # the Vlaams Meldpunt's address is longer than a 60-column line less its indent: at every width from 60 to
    # 160 it shows whole, as its site and its last part where the full one does not fit
    from refertool.render.plan import URL_SHOWN, plan_view, shown_url

    text = "vanuit de chiro, als aanspreekpersoon integriteit: een leider heeft een lid van 14 betast"
    plan = make_plan(catalog, read(text, catalog.vocabulary, catalog.regions), Given(), "en", text)
    meldpunt = next(e.service for s in plan.sections for e in s.entries
                    if e.service.id == "vlaams-meldpunt-grensoverschrijdend-gedrag")
    shown = shown_url(meldpunt.contacts[0].value)
    assert len(meldpunt.contacts[0].value) > URL_SHOWN >= len(shown) and shown.startswith("www.vlaanderen.be/")
    for width in range(60, 161):
        lines = render(plan_view(plan, "en"), width=width).splitlines()
        assert any(shown in line for line in lines) and max(map(len, lines)) <= width, width


def test_no_place_the_care_centres_are_one_entry_on_a_terminal(cli):
    lines = _table(cli, "mijn dochter van 15 is vannacht verkracht")
    assert sum("Zorgcentrum" in line for line in lines) == 1
    now = "\n".join(lines[:12])
    assert now.index("Gent") < now.index("Liège") and "--region" in now
    assert "not day and night: Arlon" in now.replace("\n  ", " ")  # Arlon opened with daytime hours


@pytest.mark.parametrize("text, code", [("version = 2\nversion = 3\n", "REF001"), ("versoin = 2\n", "REF004")])
def test_refer_validate_checks_the_steps_table(tmp_path, text, code):
    """A broken data/plan.toml is named by `refer validate`, with its line, before a plan trips on it."""
    from conftest import ROOT
    from refertool.catalog import check_paths

    (tmp_path / "plan.toml").write_text(text, encoding="utf-8")
    report = check_paths([tmp_path])
    assert any(p.code == code and p.path.endswith("plan.toml") and p.line for p in report.problems), report.problems
    assert not [p for p in check_paths([ROOT / "data"]).problems if p.path.endswith("plan.toml")]


# ---------------------------------------------------------------- the second review's kinds of flaw
def _steps_of(plan: dict) -> dict[str, list[str]]:
    return {s["id"]: [e["service"]["id"] for e in s["entries"]] for s in plan["sections"]}


def test_a_service_about_sexual_violence_is_no_help_after_a_slap(cli):
    slap = _placed(_plan(cli, "als begeleider zag ik vanmorgen een collega een bewoonster van 50 slaan"))
    assert "nu-praat-ik-erover" not in slap and "seksueelgeweld-chat" not in slap and "child-focus" not in slap
    assert "caw" in slap  # a service about violence serves it
    rape = _placed(_plan(cli, "een bewoonster van 50 werd vorige maand verkracht"))
    assert "seksueelgeweld-chat" in rape and "caw" in rape  # and a service about violence serves sexual violence


def test_the_care_sectors_route_when_a_colleague_hurts_a_resident_with_a_disability(cli):
    text = ("I am a carer in a residential home for adults with an intellectual disability; yesterday a colleague "
            "hit a resident")
    plan = _plan(cli, text)
    assert _placed(plan).get("vaph") == "report"
    # the sources say the report is mandatory, by the next working day: the terminal says so too
    vaph = next(line for line in _table(cli, text) if line.startswith("• VAPH"))
    assert "mandatory" in vaph
    assert not any("minor" in a for a in plan["assumptions"])  # "for adults": an adult
    assert not any("(ages 12 to 25)" in e["why"] for s in plan["sections"] for e in s["entries"])
    # family is no setting: the father of a woman with a disability is not reported to the VAPH
    father = "de vader van een vrouw van 30 met een verstandelijke beperking slaat haar"
    assert "vaph" not in _placed(_plan(cli, father))


def test_a_line_open_day_and_night_for_a_minor_when_it_happened_this_week(cli):
    def advice(text):
        return _steps_of(_plan(cli, text)).get("advice", [])

    assert "child-focus" in advice("een meisje van 13 uit mijn klas werd gisteren door een man aangerand")
    assert "child-focus" not in advice("een meisje van 13 werd twee jaar geleden door haar oom misbruikt")
    assert "child-focus" not in _placed(_plan(cli, "een jongen van 12 werd gisteren door zijn vader geslagen"))
    assert "child-focus" not in _placed(_plan(cli, "een vrouw van 30 werd gisteren aangerand"))


def test_the_police_in_report_by_its_route_and_101_only_for_danger_now(cli):
    text = "mijn dochter van 13 wordt geslagen door haar oom"
    lines = _table(cli, text)
    police = next(n for n, line in enumerate(lines) if line.startswith("• Lokale politie"))
    shown = " ".join(" ".join(lines[police:police + 2]).split())
    # a complaint is filed at the local police (the guide); 101 is named only as what it is for
    assert "go to your local police station" in shown and "101 is for emergencies only" in shown
    assert "101 (Emergency number" not in shown
    md = cli("plan", text, "--no-input", "-f", "md").out
    report = md.split("Report\n", 1)[1].split("\n## ", 1)[0]
    assert "go to your local police station" in report and "101 (Emergency number" not in report
    html = cli("plan", text, "--no-input", "-f", "html").out
    report = html.split('id="report"', 1)[1].split("</section>", 1)[0]
    assert "local police station" in report and "Emergency number" not in report
    now = _table(cli, "een jongen wordt op dit moment in elkaar geslagen voor de school")
    assert any(line.startswith("• Lokale politie  101") for line in now)


def test_every_caveat_of_a_contact_shown_is_on_the_terminal_too(cli, catalog):
    from refertool.render.plan import best_with_note, in_full

    for text in ("als maatschappelijk werker: een cliënte van 40 wordt door haar partner geslagen",
                 "mijn ex dreigt mijn naaktfoto's te verspreiden, ik ben 30", RECORD_TEXT):
        shown = " ".join(line.strip() for line in _table(cli, text, 160))
        plan = make_plan(catalog, read(text, catalog.vocabulary, catalog.regions), Given(), "en", text)
        notes = [best_with_note(e.service, "en")[1] for s in plan.sections for e in in_full(s)[0]
                 if not e.others and not e.by_route]
        assert any(notes), text
        assert all(note in shown for note in notes), text
    assert "(During office hours)" in " ".join(_table(cli, "als maatschappelijk werker: een cliënte van 40 wordt "
                                                           "door haar partner geslagen", 160))


def test_advice_is_written_for_who_asks(cli):
    def whys(text, *args):
        return [e["why"] for s in _plan(cli, text, *args)["sections"] for e in s["entries"]]

    parent = whys("mijn dochter van 13 werd door haar oom misbruikt")
    assert not any(w.startswith("As a professional") for w in parent)
    assert any(w.startswith("As a parent: ask their advice") for w in parent)
    unsaid = whys("een meisje van 13 werd door haar oom misbruikt")
    assert any("a parent or a citizen goes through a helpline first" in w for w in unsaid)
    told = whys("een meisje van 13 werd door haar oom misbruikt", "--role", "professional")
    assert any(w.startswith("As a professional, directly: advice") for w in told)
    doer = whys("ik heb mijn nichtje van 8 betast, ik ben 17; wie kan mij helpen?")
    assert any(w.startswith("Specialised help for people who did this: you can contact them yourself") for w in doer)


def test_the_help_asked_for_comes_right_after_advice(cli):
    order = [s["id"] for s in _plan(cli, "mijn zoon van 15 heeft een meisje aangerand; wie kan hem "
                                         "helpen?")["sections"]]
    assert order.index("help-perpetrator") == order.index("advice") + 1 < order.index("report")
    # someone asking whom to talk to, years later: who listens before where to report
    talk = [s["id"] for s in _plan(cli, "ik ben 38; mijn grootvader misbruikte mij toen ik klein "
                                        "was. met wie kan ik erover praten?")["sections"]]
    assert talk.index("help-victim") < talk.index("report")
    plain = [s["id"] for s in _plan(cli, "mijn zoon van 15 heeft een meisje aangerand")["sections"]]
    assert plain.index("report") < plain.index("help-perpetrator")


def test_each_care_centre_in_a_file_says_its_own_hours(cli):
    # no place known: one entry naming every centre, saying which is not open day and night
    md = cli("plan", "mijn dochter van 15 is vannacht verkracht", "--no-input", "-f", "md").out
    now = md[md.index("## 1. Now"):].split("\n## ", 1)[0]
    assert "not day and night: Arlon" in now
    # a place known: the centre there says day or night as its data says it is always open
    gent = cli("plan", "mijn dochter van 15 is vannacht verkracht in Gent", "--no-input", "-f", "md").out
    assert "day or night" in gent[gent.index("UZ Gent**"):].split("\n- ", 1)[0]


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_no_place_a_file_names_the_care_centres_on_one_line_nearest_first(cli, catalog, fmt):
    out = cli("plan", "mijn dochter van 15 is vannacht verkracht", "--no-input", "-f", fmt).out
    lines = [line for line in out.splitlines() if "UZ Gent" in line]
    assert len(lines) == 1  # one entry, not ten
    line = lines[0]
    for centre in (s for s in catalog if s.kind == "hospital-service"):
        assert centre.locations[0].city in line, centre.id
    assert line.index("Gent") < line.index("Liège") < line.index("Namur")  # Flanders and Brussels first
    assert "zsg.belgium.be" in line or "zsg.belgium.be" in out  # the contact they share, once
    assert out.count("zsg.belgium.be/nl") <= 2  # (an HTML link holds it twice: its address and its text)


def test_the_sectors_own_support_before_secrecy_unless_secrecy_is_asked(cli):
    def advice(text):
        return _steps_of(_plan(cli, text))["advice"][:3]

    assert "clb" in advice("als leerkracht: een leerling van 13 vertelt dat haar stiefvader haar misbruikt")
    asked = advice("als leerkracht: een leerling van 13 vertelt dat haar stiefvader haar misbruikt; mag ik mijn "
                   "beroepsgeheim doorbreken?")
    assert "tzitemzo" in asked
    # asked about secrecy: the secrecy service before the sector's own contact (if that is among the three at all)
    assert "clb" not in asked or asked.index("tzitemzo") < asked.index("clb")


def test_the_askers_setting_from_how_they_name_themself(cli):
    # "groepsleider" without "bij de scouts": a leader works in youth work, its own contact is De Ambrassade
    assert _placed(_plan(cli, "ik ben groepsleider; een lid van 14 vertelt dat haar oom haar betast")).get(
        "de-ambrassade") == "advice"


def test_the_schools_own_complaint_route_before_the_inspectorate(cli):
    # the facts: first the complaint procedure of the umbrella network or GO!, the inspectorate only after
    report = _steps_of(_plan(cli, "als leerlingenbegeleider: een leerling van 16 zegt dat haar leraar haar "
                                  "betast heeft"))["report"]
    assert report.index("onderwijskoepels") < report.index("onderwijsinspectie")


def test_a_plan_reads_and_searches_its_text_once(cli, monkeypatch):
    # issue 19: a plan costs one search; it reuses the search's reading and ranking
    import refertool.plan as plan_module
    import refertool.query as query_module
    import refertool.reading.read as read_module

    calls = {"read": 0, "search": 0}

    def counted(name, f):
        def wrapper(*args, **kwargs):
            calls[name] += 1
            return f(*args, **kwargs)
        return wrapper

    for module in (query_module, read_module, plan_module):
        monkeypatch.setattr(module, "read", counted("read", module.read))
    monkeypatch.setattr(plan_module, "search", counted("search", plan_module.search))
    ran = cli("plan", "mijn dochter van 13 wordt geslagen door haar oom", "--no-input", "-f", "json")
    assert ran.code == 0 and json.loads(ran.out)["sections"]
    assert calls == {"read": 1, "search": 1}


def test_staff_of_no_stated_age_are_adults_for_the_help_for_who_did_it(cli):
    # a care worker: help for adults who offended, not the services for minors
    carer = _placed(_plan(cli, "ik werk in een woonzorgcentrum voor mensen met een beperking; een bewoner van 40 "
                               "zegt dat een nachtbegeleider hem betast"))
    assert "minderjarige-plegers" not in carer and carer.get("meerderjarige-plegers") == "help-perpetrator"


def test_a_question_about_secrecy_gets_the_secrecy_service_before_any_report(cli):
    # whoever the reader takes the asker for, asking whether to break secrecy is a professional's question
    order = [(s["id"], e["service"]["id"]) for s in _plan(
        cli, "I am a dentist. A patient of 58 confessed he touched his grandson years ago. "
             "May I break my secrecy, and to whom?")["sections"] for e in s["entries"]]
    steps_in = [sid for sid, _ in order]
    assert ("advice", "tzitemzo") in order
    assert "report" not in steps_in or steps_in.index("advice") < steps_in.index("report")


def test_a_citizen_arranges_help_for_who_did_it_only_for_someone_close_or_when_asked(cli):
    # a neighbour who heard of it: the boy is not theirs to refer
    neighbour = _placed(_plan(cli, "A girl of 9 told me a teenage boy touched her in the playground. "
                                   "I am her neighbour."))
    assert "help-perpetrator" not in neighbour.values()
    # a parent for their own son: the services for minors who did it
    son = _placed(_plan(cli, "onze zoon van 14 betastte op de speelplaats een klasgenootje van 11"))
    assert son.get("minderjarige-plegers") == "help-perpetrator"


# ---------------------------------------------------------------- a child gone missing; online contact
# (the guide: Child Focus is also for "kinderen die vermist zijn"; in an emergency the police, 101)
MISSING = [(who, gone) for who in ("mijn zoon van 11", "een leerling van 12", "ons meisje van 8")
           for gone in ("is sinds vanmorgen vermist", "is na school verdwenen")]


@pytest.mark.parametrize("who,gone", MISSING)
def test_a_child_gone_missing_gets_the_police_and_child_focus_in_now(cli, who, gone):
    plan = _plan(cli, f"{who} {gone}")
    now = [e["service"]["id"] for s in plan["sections"] if s["id"] == "now" for e in s["entries"]]
    assert now[:2] == ["lokale-politie", "child-focus"]  # the police first, at once
    placed = _placed(plan)
    assert not {"noodnummer-112", "moderator", "stop-it-now"} & set(placed)
    assert not any(sid.startswith("zorgcentrum") for sid in placed)
    # no one is said to have done harm, so the plan does not ask who did it
    assert not any("who did it" in a for a in plan["assumptions"])


def test_an_adult_gone_missing_gets_the_police_but_not_the_line_for_children(cli):
    placed = _placed(_plan(cli, "mijn broer van 35 is sinds gisteren vermist"))
    assert placed.get("lokale-politie") == "now" and placed.get("child-focus") is None


@pytest.mark.parametrize("text", [
    "een onbekende stuurt mijn zoon van 11 berichtjes op tiktok en wil afspreken",
    "a man keeps sending my daughter of 12 messages on instagram and wants to meet her",
])
def test_online_contact_with_a_minor_is_reported_to_child_focus(cli, text):
    placed = _placed(_plan(cli, text))
    assert placed.get("child-focus") == "report" and placed.get("lokale-politie") == "report"
    # the routes for images wait until images are named
    assert "igvm" not in placed and "stopchildporno" not in placed


def test_a_childs_plan_ends_with_no_support_written_for_all(cli, catalog):
    child = _plan(cli, "een jongen van 12 wordt thuis geslagen door zijn vader")
    adult = _plan(cli, "een vrouw van 40 wordt thuis geslagen door haar partner")
    assert all("minors" in s["audiences"] for s in child["support"])
    assert any(not s["audiences"] for s in adult["support"])  # Tele-onthaal, open to all


def test_support_in_a_file_keeps_the_caveat_of_its_contact(cli, catalog):
    from refertool.render.plan import best_with_note

    text = "een vrouw van 40 wordt thuis geslagen door haar partner"
    md = cli("plan", text, "--no-input", "-f", "md").out
    support = md.split("## Someone to talk to", 1)[1].split("\n## ", 1)[0]
    ids = [s["id"] for s in _plan(cli, text)["support"]]
    notes = [best_with_note(catalog.get(sid), "en") for sid in ids]
    assert any(note for _, note in notes)
    assert all(f"{value} ({note})" in support for value, note in notes if note)


def test_a_rule_may_say_how_a_service_is_reached_in_its_step(tmp_path):
    from refertool import steps

    bundled = steps.bundled()
    police = next(r for r in bundled.rules if r.route is not None)
    assert police.step == "report" and "101" in police.route.en and "101" in police.route.nl
    bad = tmp_path / "plan.toml"
    bad.write_text('version = 1\n[[rule]]\nstep = "report"\nwhy.en = "x"\nroute = "go"\n', encoding="utf-8")
    from refertool.errors import DataError

    with pytest.raises(DataError) as refused:
        steps.read_table(bad)
    assert "route" in refused.value.problems[0].message and refused.value.problems[0].line == 5


# ---------------------------------------------------------------- who is taken for a minor ([minor_settings])
@pytest.mark.parametrize("doer,minor", [("mijn leider bij de scouts", True),
                                        ("een begeleidster van de kinderopvang", True),
                                        ("een collega op het werk", False)])
def test_images_from_a_youth_leader_age_not_said_are_abuse_material(cli, doer, minor):
    placed = _placed(_plan(cli, f"{doer} stuurt me steeds naaktfoto's"))
    assert ("child-focus" in placed) == minor and ("igvm" in placed) == (not minor), placed
