"""refer plan: situations written from the guide -> the right service in the right step."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from refertool import cli as cli_module
from refertool.plan import Given, make_plan
from refertool.situation import read
from test_render import golden, render

# (situation, extra options, [(step, service) expected], [services that must not be in the plan])
# Each is a case the guide (vraag-advies-bij-externe-diensten.txt) speaks of, in a user's words.
CASES = [
    # images of a minor, in English: Child Focus and its reporting point for images
    ("my 15 year old daughter was sent nude pictures by an adult online", (),
     [("report", "child-focus"), ("report", "stopchildporno")], []),
    # acute: 112 / 101 and the care centre nearest the place, "Now" first (Zorgcentra na seksueel geweld)
    ("Mijn dochter van 15 is vannacht verkracht op een feestje in Gent", (),
     [("now", "noodnummer-112"), ("now", "lokale-politie"), ("now", "zorgcentrum-seksueel-geweld-gent"),
      ("help-victim", "nu-praat-ik-erover")], ["zorgcentrum-seksueel-geweld-brussel"]),
    ("mijn dochter van 16 werd gisteren verkracht in Leuven", (),
     [("now", "zorgcentrum-seksueel-geweld-leuven")], ["zorgcentrum-seksueel-geweld-gent"]),
    # a minor who did it: services for minor perpetrators; I.T.E.R. serves Flemish Brabant and Brussels
    ("mijn zoon van 15 heeft bij de scouts in Leuven een meisje betast", ("--role", "bystander"),
     [("help-perpetrator", "iter"), ("help-perpetrator", "minderjarige-plegers"), ("advice", "de-ambrassade"),
      ("advice", "vertrouwenscentrum-kindermishandeling")],
     ["universitair-forensisch-centrum", "tzitemzo"]),
    ("mijn zoon van 15 heeft een meisje betast in Gent", (),
     [("help-perpetrator", "minderjarige-plegers")], ["iter"]),
    # paedophilic feelings, no act: Stop it Now! only, nothing to report
    ("ik heb pedofiele gevoelens voor kinderen en wil hulp", ("--role", "perpetrator"),
     [("help-perpetrator", "stop-it-now")], ["lokale-politie", "parket", "hulplijn-1712"]),
    # a teacher and the duty to report about a minor: tZitemzo, the CLB, the umbrella and the inspectorate
    ("als leerkracht: een leerling van 13 vertelt dat haar stiefvader haar misbruikt, mag ik mijn "
     "beroepsgeheim doorbreken?", (),
     [("advice", "tzitemzo"), ("advice", "clb"), ("advice", "vertrouwenscentrum-kindermishandeling"),
      ("report", "onderwijskoepels"), ("report", "onderwijsinspectie"), ("report", "lokale-politie"),
      ("help-perpetrator", "meerderjarige-plegers")], ["sam", "iter"]),
    ("as a teacher: a pupil aged 15 told me her uncle abuses her, do I have to report it?", (),
     [("advice", "tzitemzo"), ("report", "onderwijsinspectie")], []),
    # disability care: VAPH services report to the VAPH; Aditi advises
    ("als begeleider in een voorziening: een bewoner van 34 met een verstandelijke beperking werd betast "
     "door een collega", (),
     [("report", "vaph"), ("advice", "aditi"), ("advice", "sam"), ("help-victim", "caw-slachtofferhulp")],
     ["tzitemzo", "nu-praat-ik-erover"]),
    # secrecy about an adult: SAM, not tZitemzo
    ("als maatschappelijk werker: een cliënte van 40 vertelt dat haar partner haar seksueel misbruikt; wat met "
     "mijn beroepsgeheim?", (),
     [("advice", "sam"), ("advice", "caw"), ("help-perpetrator", "universitair-forensisch-centrum")],
     ["vertrouwenscentrum-kindermishandeling", "iter"]),
    # sport: Sportieq
    ("als aanspreekpersoon integriteit bij een voetbalclub: een trainer zou een speler van 12 betast hebben", (),
     [("advice", "sportieq"), ("advice", "hulplijn-1712"), ("help-victim", "tejo"), ("later", "moderator"),
      ("later", "justitiehuis")], ["de-ambrassade"]),
    # youth work: De Ambrassade
    ("ik ben hoofdleider bij de chiro, een leider heeft een lid van 14 seksueel lastiggevallen", (),
     [("advice", "de-ambrassade")], ["sportieq"]),
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
    ("naaktfoto's van een 15-jarige leerling worden rondgestuurd op sociale media", (),
     [("report", "child-focus"), ("report", "igvm")], []),
    ("mijn ex heeft naaktfoto's van mij online gezet, ik ben 28", (),
     [("report", "igvm"), ("help-victim", "caw-slachtofferhulp")], ["child-focus", "meerderjarige-plegers"]),
    # an adult abused as a child: someone to talk to, self-help; no emergency
    ("ik ben als kind jarenlang misbruikt door mijn oom en wil er nu met iemand over praten", (),
     [("help-victim", "het-punt"), ("help-victim", "tele-onthaal"), ("help-victim", "caw")],
     ["noodnummer-112", "nu-praat-ik-erover"]),
    # gender and sexual diversity: Lumi where it fits
    ("een 16-jarige leerling die transgender is wordt gepest en betast door klasgenoten", (),
     [("help-victim", "lumi"), ("help-perpetrator", "iter")], []),
    # mediation once there is a criminal case
    ("een slachtoffer van aanranding wil na het strafproces met de dader in gesprek via bemiddeling", (),
     [("later", "moderator")], []),
    # an adult who did it
    ("een collega van 45 heeft een stagiaire van 19 aangerand", (),
     [("help-perpetrator", "universitair-forensisch-centrum"), ("help-perpetrator", "meerderjarige-plegers")],
     ["iter", "minderjarige-plegers"]),
    # a young victim who does not dare to call: the chat
    ("een meisje van 13 werd misbruikt door haar oom en durft niet te bellen", (),
     [("help-victim", "nu-praat-ik-erover")], []),
    # violence right now, not sexual: 112 and 101, no care centre
    ("een jongen wordt op dit moment in elkaar geslagen voor de school", (),
     [("now", "noodnummer-112"), ("now", "lokale-politie")], ["zorgcentrum-seksueel-geweld-gent"]),
    # sexual assault yesterday: the care centre takes a victim directly within a week
    ("ik werd gisteren aangerand in Brussel, ik ben 22", (),
     [("now", "zorgcentrum-seksueel-geweld-brussel"), ("help-victim", "caw-slachtofferhulp")],
     ["nu-praat-ik-erover", "zorgcentrum-seksueel-geweld-luik"]),
    # no police: police and prosecutor are left out
    ("mijn dochter van 17 werd verkracht maar wil geen aangifte doen", (),
     [("help-victim", "nu-praat-ik-erover"), ("advice", "hulplijn-1712")], ["lokale-politie", "parket"]),
    # a child beaten at home: the VK for advice, Tejo for the child
    ("een jongen van 12 wordt thuis geslagen door zijn vader", (),
     [("advice", "vertrouwenscentrum-kindermishandeling"), ("help-victim", "tejo")], ["caw-slachtofferhulp"]),
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
    assert len(CASES) >= 20


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


def test_no_place_lists_every_care_centre_and_says_so(cli, catalog):
    plan = _plan(cli, "mijn dochter van 15 is vannacht verkracht")
    now = [e["service"]["id"] for e in plan["sections"][0]["entries"]]
    centres = [s.id for s in catalog if s.kind == "hospital-service"]
    assert set(centres) <= set(now)
    assert any("every one is listed" in a for a in plan["assumptions"])


def test_region_option_picks_the_nearest_care_centre(cli):
    placed = _placed(_plan(cli, "mijn dochter van 15 is vannacht verkracht", "--region", "9000"))
    assert placed.get("zorgcentrum-seksueel-geweld-gent") == "now"
    assert "zorgcentrum-seksueel-geweld-brussel" not in placed


def test_options_override_the_text(cli):
    minor = _placed(_plan(cli, "een cliënt werd betast door een begeleider", "--role", "professional",
                          "--age", "14"))
    adult = _placed(_plan(cli, "een cliënt werd betast door een begeleider", "--role", "professional",
                          "--age", "40"))
    assert minor.get("tzitemzo") == "advice" and "sam" not in minor
    assert adult.get("sam") == "advice" and "tzitemzo" not in adult
    sector = _placed(_plan(cli, "een cliënt werd betast door een begeleider", "--sector", "sport"))
    assert sector.get("sportieq") == "advice"


def test_specialised_help_for_who_did_it_comes_first(cli):
    plan = _plan(cli, "als leerkracht: een leerling van 13 vertelt dat haar stiefvader haar misbruikt")
    step = next(s for s in plan["sections"] if s["id"] == "help-perpetrator")
    whys = {e["service"]["id"]: e["why"] for e in step["entries"]}
    assert whys["meerderjarige-plegers"].startswith("Specialised help for an adult who did it")
    assert whys["caw"].startswith("Also helps")  # CAW helps victims too
    assert list(whys).index("caw") > list(whys).index("universitair-forensisch-centrum")


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
    assert set(plan) == {"situation", "assumptions", "sections"}
    entry = plan["sections"][0]["entries"][0]
    assert set(entry) == {"service", "why"} and entry["why"]
    shown = json.loads(cli("show", entry["service"]["id"], "-f", "json").out)
    assert entry["service"] == shown
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
    assert ran.code == 1 and "No step" in ran.err and ran.out == ""
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
    from refertool.render.table import plan_view

    text = "als leerkracht: een leerling van 13 vertelt dat haar stiefvader haar misbruikt"
    plan = make_plan(catalog, read(text, catalog.vocabulary, catalog.regions), Given(), "en", text)
    view = render(plan_view(plan, "en"), width=width)
    golden(f"plan-{width}.txt", view)
    assert max(len(line) for line in view.splitlines()) <= width


@pytest.fixture
def terminal(monkeypatch):
    """A person at a terminal: questions may be asked."""
    monkeypatch.setattr(cli_module, "_interactive", lambda: True)


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
    result, _ = _ask("als leerkracht: een leerling van 13 wordt misbruikt", answers="")
    assert "(Enter skips)" not in result.output
    result = CliRunner().invoke(cli_module.app, ["plan", "hallo daar"], input="\n\n")
    assert "(Enter skips)" not in result.output and "No step" in result.output


def test_readme_example_is_the_real_output(cli):
    """The README's example plan is what the command prints (REFER_UPDATE_GOLDEN=1 rewrites it)."""
    import os
    import re
    import shlex

    from conftest import ROOT

    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    block = re.search(r"<!-- plan-example -->\n```\n(refer .*)\n```\n\n```markdown\n(.*?)```\n<!-- /plan-example -->",
                      text, re.S)
    assert block, "the README lost its example plan"
    ran = cli(*shlex.split(block.group(1))[1:])
    assert ran.code == 0, ran.err
    if os.environ.get("REFER_UPDATE_GOLDEN"):
        readme.write_text(text[:block.start(2)] + ran.out + text[block.end(2):], encoding="utf-8")
        return
    assert ran.out == block.group(2)


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
    say = {"en": "Report the images; they help to have them removed"}

    def whys(plan):
        return {e["service"]["id"]: e["why"] for s in plan["sections"] if s["id"] == "report" for e in s["entries"]}

    assert "vlaams-meldpunt-grensoverschrijdend-gedrag" in whys(touched)
    assert not any(w.startswith(say["en"]) for w in whys(touched).values())
    assert whys(images)["stopchildporno"].startswith(say["en"])


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
