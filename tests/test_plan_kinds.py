"""refer plan, by kind of case: sentences generated from templates (persons x acts x time x language), each
kind checked for the step and order its services need. Written for the plan's own rules (data/plan.toml);
the reading of each sentence is the reader's, so the templates use plain words it reads."""

from __future__ import annotations

import itertools

import pytest

from refertool.plan import Given, make_plan, read_text

CENTRES = "zorgcentrum-seksueel-geweld"


@pytest.fixture(scope="module")
def steps_of(catalog):
    def plan(text: str, lang: str = "en", **given) -> dict[str, list[str]]:
        found = read_text(catalog, text)
        made = make_plan(catalog, found.situation, Given(**given), lang, text, searched=found.searched)
        return {s.id: [e.service.id for e in s.entries] for s in made.sections}
    return plan


def _product(*parts: list[str]) -> list[str]:
    return [" ".join(p) for p in itertools.product(*parts)]


# ---------------------------------------------------------------- contact at a distance: no care centre in Now
# An adult who messages a child and asks for pictures or to meet, with no bodily contact told: the care centres
# (medical and forensic care after rape, assault, touching) have nothing to examine; Child Focus first in Report.
AT_A_DISTANCE = [
    *_product(["een man", "een onbekende", "de trainer"], ["stuurt"], ["mijn zoon van 11", "een meisje van 12"],
              ["sinds gisteren berichtjes en vraagt om foto's", "deze week berichtjes via instagram en wil afspreken"]),
    *_product(["a stranger", "her coach"], ["has been messaging", "sent"], ["my daughter (13)", "a boy of 12"],
              ["since yesterday asking for photos", "messages on instagram this week and wants to meet"]),
    # staff of a school: the same, and the school's routes stay in Report
    *_product(["een collega", "een leerkracht"], ["vraagt"], ["een leerling van 14", "een leerlinge van 15"],
              ["sinds gisteren via snapchat om foto's"]),
    *_product(["a colleague", "a teacher"], ["has been texting"], ["a pupil of 14"], ["this week asking for photos"]),
]


# the one who did it is of a setting (staff of a school, a trainer), or of none (a stranger online); a colleague's
# setting is the one the text names, if any, so neither
SETTING_WORDS = ("trainer", "coach", "leerkracht", "teacher")
STRANGER_WORDS = ("een man", "een onbekende", "a stranger")


@pytest.mark.parametrize("text", AT_A_DISTANCE)
def test_contact_at_a_distance_gets_no_care_centre_and_child_focus_first_in_report(steps_of, text):
    steps = steps_of(text)
    assert not any(sid.startswith(CENTRES) for ids in steps.values() for sid in ids), steps
    if text.startswith(STRANGER_WORDS):  # a stranger online: Child Focus first
        assert steps["report"][0] == "child-focus", steps


# one of a setting (a teacher, a trainer, a colleague) who messages a child: the setting's own route first in
# Report, the police in it, and Child Focus after them (not ahead of the setting's route)
@pytest.mark.parametrize("text", [t for t in AT_A_DISTANCE if any(w in t for w in SETTING_WORDS)])
def test_contact_at_a_distance_by_one_of_a_setting_keeps_the_settings_route_first(steps_of, text):
    report = steps_of(text)["report"]
    assert report[0] != "child-focus" and "lokale-politie" in report, report
    assert "child-focus" not in report or report.index("child-focus") > report.index("lokale-politie"), report


# a control (as before): bodily harm after contact online is what the care centres are for
@pytest.mark.parametrize("text", [
    "a man she met online raped my daughter (15) last night",
    "mijn dochter van 14 werd gisteren verkracht door een jongen die ze via snapchat kende",
    "een man die ze op instagram leerde kennen heeft mijn dochter van 13 gisteren betast",
])
def test_bodily_harm_after_contact_online_keeps_the_care_centre_and_the_police_first(steps_of, text):
    steps = steps_of(text)
    assert steps["now"][0].startswith(CENTRES), steps
    assert steps["report"][0] == "lokale-politie", steps


# ---------------------------------------------------------------- violence that goes on: the police in Now
GOING_ON = [
    *_product(["mijn buurman", "mijn vader"], ["slaat"], ["zijn vrouw", "mijn moeder"], ["al de hele week"]),
    *_product(["my neighbour", "my father"], ["has been hitting"], ["his wife", "my mother"], ["all week"]),
]


@pytest.mark.parametrize("text", GOING_ON)
def test_violence_going_on_this_week_calls_the_police_now(steps_of, text):
    steps = steps_of(text)
    assert steps.get("now", [])[:1] == ["lokale-politie"], steps
    assert "noodnummer-112" not in steps["now"]  # no injury or danger named


# ---------------------------------------------------------------- images: of an adult or of no given age
IMAGES_NL = ["iemand heeft naaktfoto's van {} online gezet", "haar ex verspreidt naaktbeelden van {} in een groepschat"]
IMAGES_EN = ["someone posted nude photos of {} online", "a boy is sharing nude pictures of {} in a group chat"]


def _images(nl: list[str], en: list[str]) -> list[str]:
    return [t.format(w) for t, w in (*itertools.product(IMAGES_NL, nl), *itertools.product(IMAGES_EN, en))]


# no age given (these failed before: taken for a minor, so abuse material); an adult's (as before, a control)
@pytest.mark.parametrize("text", _images(["mijn zus", "een vriendin", "mijn vriendin van 24"],
                                         ["my sister", "a friend", "my colleague (35)"]))
def test_images_of_an_adult_or_of_no_given_age_go_to_the_igvm_alone(steps_of, text):
    report = steps_of(text)["report"]
    assert "igvm" in report and not {"child-focus", "stopchildporno"} & set(report), report


# a control: of a minor they stay abuse material
@pytest.mark.parametrize("text", _images(["mijn zus van 14"], ["my sister (14)"]))
def test_images_of_a_minor_are_abuse_material_not_for_the_igvm(steps_of, text):
    report = steps_of(text)["report"]
    assert "child-focus" in report and "igvm" not in report, report


# ---------------------------------------------------------------- children who see partner violence
WITNESSED = _product(["als maatschappelijk werker:", "as a GP:"], [
    "een cliënte wordt thuis door haar partner geslagen terwijl haar kinderen erbij zijn",
    "a mother tells me her husband hits her in front of the children"])


@pytest.mark.parametrize("text", WITNESSED)
def test_children_who_see_partner_violence_bring_the_vk_into_advice(steps_of, text):
    assert "vertrouwenscentrum-kindermishandeling" in steps_of(text)["advice"]


def test_a_citizen_asks_1712_about_the_children_who_see_it(steps_of):  # a control: not the VK
    steps = steps_of("mijn zus wordt door haar man geslagen, haar kinderen van 4 en 6 zien alles", role="bystander")
    assert "hulplijn-1712" in steps["advice"] and "vertrouwenscentrum-kindermishandeling" not in steps["advice"]


# ---------------------------------------------------------------- the person affected asks for themself
def _help_before_report(steps: dict[str, list[str]]) -> bool:
    order = list(steps)
    return order.index("help-victim") < order.index("report") and order[0] in ("now", "help-victim")


@pytest.mark.parametrize("text", [
    *_product(["ik ben 12 en", "ik ben 15 en"],
              ["mijn stiefvader raakt me aan", "een jongen uit mijn klas heeft me betast"]),
    *_product(["I'm 13 and", "I'm 14 and"], ["my stepdad touches me", "a boy in my class groped me"]),
])
def test_a_child_asking_for_themself_hears_who_listens_before_where_to_report(steps_of, text):
    assert _help_before_report(steps_of(text)), text


@pytest.mark.parametrize("text", [
    *_product(["ik ben nu 30 en", "ik ben nu 45 en"], ["mijn oom heeft me misbruikt toen ik 8 was",
                                                     "ik werd als kind misbruikt door een buurman"]),
    *_product(["I am 30 now;", "I am 45 now;"], ["my uncle abused me when I was 8",
                                                "my father sexually abused me for years as a kid"]),
])
def test_an_adult_telling_of_long_ago_hears_who_listens_before_where_to_report(steps_of, text):
    steps = steps_of(text)
    assert _help_before_report(steps) and "help-perpetrator" not in steps, steps


def test_someone_asking_for_someone_else_keeps_the_guides_order(steps_of):  # a control
    order = list(steps_of("als leerkracht: een leerling van 13 vertelt dat haar stiefvader haar misbruikt"))
    assert order.index("report") < order.index("help-victim")


# ---------------------------------------------------------------- help for the person who did it: not a parent's
# to arrange for a man who approached their child (a man the text names with no "my": not the asker's partner),
# while the asker's own partner or son stays theirs to arrange
GROOMED_BY_A_MAN = [
    *_product(["mijn zoon van 13", "mijn dochter van 12"], ["wordt online benaderd door"],
              ["een volwassen man", "een man die hij niet kent"], ["die naaktfoto's vraagt", "die wil afspreken"]),
    *_product(["my daughter of 12", "my son (13)"], ["is being messaged online by"],
              ["a man she does not know", "an older man"], ["who asks for nude photos"]),
]


@pytest.mark.parametrize("text", GROOMED_BY_A_MAN)
def test_a_parent_is_not_given_help_to_arrange_for_a_man_who_approached_their_child(steps_of, text):
    assert "help-perpetrator" not in steps_of(text), text


@pytest.mark.parametrize("text", _product(["mijn man heeft", "mijn vriend heeft"], ["onze dochter van 10"],
                                          ["betast", "misbruikt"]))
def test_the_askers_own_partner_stays_theirs_to_arrange(steps_of, text):
    assert steps_of(text).get("help-perpetrator"), text


# ---------------------------------------------------------------- sexual images in a story of minors
# Images of someone of no given age go the minors' route (Child Focus and its reporting point, abuse material)
# when anyone else in the story is a minor, or the story is set at a school: never the IGVM alone.
IMAGES_AMONG_MINORS = [
    *_product(["een jongen van 14", "een meisje van 15"], ["heeft naaktfoto's van"], ["zijn vriendin", "haar vriend"],
              ["doorgestuurd", "verspreid"]),
    *_product(["a boy of 15", "a girl aged 14"], ["shared nude pictures of"], ["his girlfriend", "her boyfriend"]),
    *_product(["op onze school werden naaktfoto's van"], ["een vriendin", "haar vriend"], ["doorgestuurd"]),
]


@pytest.mark.parametrize("text", IMAGES_AMONG_MINORS)
def test_images_in_a_story_of_minors_go_the_minors_route(steps_of, text):
    report = steps_of(text)["report"]
    assert "child-focus" in report and "igvm" not in report, report


# a control: no minor anywhere in the story, the images of an adult or of no age: the IGVM
@pytest.mark.parametrize("text", _product(["mijn ex heeft naaktfoto's van", "een collega heeft naaktfoto's van"],
                                          ["mij", "mijn vriendin"], ["verspreid"]))
def test_images_with_no_minor_in_the_story_go_the_igvm(steps_of, text):
    assert "igvm" in steps_of(text)["report"], text


# ---------------------------------------------------------------- a friend's or a partner's case, age not said
# The person affected named as a girlfriend or a boyfriend, with no age and no child word: either age,
# so the advice holds the services for both (the VK for a minor, the CAW or 1712 for an adult)
ANY_AGE = [
    *_product(["mijn vriendin", "mijn vriend", "mijn lief"], ["werd", "is gisteren"], ["verkracht", "aangerand"]),
    *_product(["my girlfriend", "my boyfriend"], ["was raped", "was sexually assaulted"], ["last week", ""]),
]
ADULTS_ADVICE = {"caw", "1712"}


@pytest.mark.parametrize("text", [t.strip() for t in ANY_AGE])
def test_a_partners_case_of_no_age_gets_advice_for_both_age_groups(steps_of, text):
    advice = steps_of(text)["advice"]
    assert "vertrouwenscentrum-kindermishandeling" in advice and ADULTS_ADVICE & set(advice), advice
