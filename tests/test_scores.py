"""Scores on one scale: services a query does not meet change no weight of the ranking."""

from __future__ import annotations

import string

import pytest

from refertool import scores
from refertool.catalog import load_catalog
from refertool.ranking import search
from test_relevance import QUERIES, SITUATIONS

UNRELATED = 10_000


def _word(i: int) -> str:
    """A made-up word far from every Dutch, French or English one (no typo reaches it)."""
    letters = ""
    for _ in range(4):
        i, r = divmod(i, 26)
        letters += string.ascii_lowercase[r]
    return "xqzv" + letters


@pytest.fixture(scope="module")
def unrelated(tmp_path_factory):
    """A directory of services that meet no query: made-up words, no audience, role, topic or sector."""
    root = tmp_path_factory.mktemp("unrelated")
    services = root / "services"
    services.mkdir()
    for i in range(UNRELATED):
        w = _word(i)
        (services / f"{w}.toml").write_text(
            f'name = "{w.capitalize()}"\nsummary.nl = "{w} {_word(i + 7)}"\nsummary.en = "{w} {_word(i + 11)}"\n'
            'audiences = []\nroles = []\ntopics = []\nregions = ["belgium"]\n\n'
            f'[[contacts]]\nchannel = "website"\nvalue = "https://{w}.example"\n\n'
            '[source]\nverified_at = 2026-11-01\n', encoding="utf-8")
    return root


def test_the_ranking_does_not_move_when_unrelated_services_are_added(unrelated):
    """The fit (integer points) and the words' rarity share one scale: rarity counts the services a
    concept meets, not their share of the directory, so 10,000 services more reorder nothing."""
    alone, grown = load_catalog(), load_catalog([unrelated])
    assert len(grown.index.live) == len(alone.index.live) + UNRELATED
    for item in [*QUERIES, *SITUATIONS]:
        before = [(h.service.id, h.score) for h in search(alone, item["q"], limit=10).hits]
        after = [(h.service.id, h.score) for h in search(grown, item["q"], limit=10).hits]
        assert after == before, item["q"]


def test_rarity_depends_on_the_services_met_only():
    assert scores.rarity(1) > scores.rarity(5) > scores.rarity(scores.RARITY_SCALE) == 0.0
    assert scores.rarity(10 * scores.RARITY_SCALE) == 0.0  # never below nothing


# ---------------------------------------------------------------- the fit's rules, on situations as read
# Situations built field by field (not read from a sentence: these test the fit, not the reader), against
# the bundled directory. Each rule is switched on and off by the situation, and checked by its points.
from refertool.fit import harms, situation_fit, wanted_role  # noqa: E402
from refertool.reading.model import Person, Situation  # noqa: E402
from refertool.reading.words import words_of  # noqa: E402

CHILD = Person("victim", 9, "minor", "pupil", "leerling")
ADULT = Person("victim", 30, "adult", "colleague", "collega")
PARENT_DID_IT = Person("perpetrator", None, "adult", "parent", "vader")
CENTRE, POLICE, VK, LINE, ITER, CAW, AWEL = ("zorgcentrum-seksueel-geweld-gent", "lokale-politie",
                                            "vertrouwenscentrum-kindermishandeling", "hulplijn-1712", "iter",
                                            "caw", "awel")


def fits(catalog, situation):
    index = catalog.index
    got = situation_fit(situation, index, catalog.vocabulary, set(), set(index.live))
    return {index.data.ids[i]: fit for i, fit in got.items()}


def points(catalog, situation, sid):
    return fits(catalog, situation).get(sid, (0, ()))[0]


def test_the_harms_split_into_sexual_and_not(catalog):
    sexual, plain = harms(words_of(catalog.vocabulary))
    assert sexual and plain and not sexual & plain
    assert sexual <= scores.SEXUAL_HARMS
    assert "violence" in plain and "sexual-violence" in sexual
    assert scores.SEXUAL_HARMS <= set(catalog.vocabulary.facets["topics"])  # ids of the vocabulary


@pytest.mark.parametrize("urgency", ["acute", "recent"])
def test_a_beating_does_not_bring_the_care_centres_after_sexual_violence(catalog, urgency):
    beaten = Situation(people=(CHILD, PARENT_DID_IT), urgency=urgency, topics=("violence",))
    raped = Situation(people=(ADULT,), urgency=urgency, topics=("sexual-violence",))
    why = fits(catalog, beaten)[CENTRE].why
    assert "for sexual harm, not this" in why and not any(w.startswith(("acute", "recent")) for w in why)
    assert points(catalog, beaten, CENTRE) < points(catalog, raped, CENTRE)
    assert points(catalog, beaten, CENTRE) < points(catalog, beaten, VK)


def test_with_no_harm_read_the_services_for_sexual_harm_get_no_urgency_points(catalog):
    gone = Situation(people=(CHILD,), urgency="acute")  # a child gone missing: no harm named
    assert not any(w.startswith("acute") for w in fits(catalog, gone)[CENTRE].why)
    assert any(w.startswith("acute") for w in fits(catalog, gone)[POLICE].why)  # it names violence too


def test_acute_sexual_violence_brings_the_care_centre_before_the_police(catalog):
    raped = Situation(people=(ADULT,), urgency="acute", topics=("sexual-violence",))
    assert "medical care after sexual violence" in fits(catalog, raped)[CENTRE].why
    assert points(catalog, raped, CENTRE) > points(catalog, raped, POLICE)
    past = Situation(people=(ADULT,), urgency="past", topics=("sexual-violence",))
    assert not any("care after" in w for w in fits(catalog, past)[CENTRE].why)


ABUSED_CHILD = (CHILD, Person("perpetrator", None, "adult", "trainer", "trainer", own=True))
OWN_CHILD = (Person("victim", 9, "minor", "offspring", "dochter", own=True),
             Person("perpetrator", None, "adult", "trainer", "trainer"))


def test_a_professional_meets_the_services_for_professionals_a_parent_the_citizens_line(catalog):
    teacher = Situation(people=ABUSED_CHILD, asker_role="teacher", asker="professional", topics=("sexual-abuse",))
    parent = Situation(people=OWN_CHILD, asker_role="parent", asker="parent", topics=("sexual-abuse",))
    assert points(catalog, teacher, VK) > points(catalog, teacher, LINE)
    assert points(catalog, parent, LINE) > points(catalog, parent, VK)
    assert "for you as a professional" in fits(catalog, teacher)[VK].why
    assert "not for the victim" in fits(catalog, parent)[VK].why  # citizens call 1712 (the facts)


def test_a_professionals_own_people_are_not_their_family(catalog):
    """"Our trainer" said by the club's contact person: the question is about the child, not the trainer."""
    contact = Situation(people=ABUSED_CHILD, asker_role="integrity-contact", asker="professional")
    parent = Situation(people=(Person("perpetrator", 15, "minor", "offspring", "zoon", own=True),
                               Person("victim", 12, "minor", "child", "meisje")), asker_role="parent", asker="parent")
    assert wanted_role(contact) == "victim"
    assert wanted_role(parent) == "perpetrator"  # "our son did it": help for him


def test_a_line_for_the_young_themselves_comes_after_one_the_adult_asking_can_call(catalog):
    parent = Situation(people=OWN_CHILD, asker_role="parent", asker="parent", topics=("sexual-abuse",))
    child = Situation(people=(Person("victim", 13, "minor", "self", "ik"),), asker_role="victim", asker="victim",
                      topics=("sexual-abuse",))
    assert "for the young themselves" in fits(catalog, parent)[AWEL].why
    assert "for the young themselves" not in fits(catalog, child)[AWEL].why


def test_treatment_for_the_one_who_did_it_first_at_a_service_for_them_alone(catalog):
    did_it = Person("perpetrator", 15, "minor", "self", "ik")
    treatment = Situation(people=(did_it,), asker_role="perpetrator", asker="perpetrator", topics=("sexual-abuse",),
                          needs=("help-perpetrator",))
    mediation = Situation(people=(did_it,), asker_role="perpetrator", asker="perpetrator", topics=("sexual-abuse",),
                          needs=("mediation",))
    assert "for those who did it alone" in fits(catalog, treatment)[ITER].why
    assert "for those who did it alone" not in fits(catalog, treatment)[CAW].why  # it serves victims too
    assert "for those who did it alone" not in fits(catalog, mediation)[ITER].why


def test_a_parent_whose_partner_harmed_their_child_asks_for_the_child(catalog):
    ex = Person("perpetrator", None, "adult", "partner", "ex", own=True)
    parent = Situation(people=(ex, Person("victim", 6, "minor", "offspring", "dochter")), asker_role="parent",
                       asker="parent")
    assert wanted_role(parent) == "victim"


def test_a_service_for_professionals_alone_fits_on_what_it_is_for(catalog):
    """The secrecy service for adults fits a professional's secrecy question, not every professional's question."""
    adult = (Person("victim", 40, "adult", "resident", "cliënte"),)
    secrecy = Situation(people=adult, asker_role="doctor", asker="professional", needs=("duty-to-report",))
    other = Situation(people=adult, asker_role="doctor", asker="professional", topics=("violence",))
    assert "for you as a professional" in fits(catalog, secrecy)["sam"].why
    assert "for you as a professional" not in fits(catalog, other).get("sam", (0, ()))[1]


def test_urgency_for_images_brings_the_emergency_numbers_but_no_ambulance(catalog):
    threatened = Situation(people=(Person("victim", 15, "minor", "self", "ik"),), asker_role="victim", asker="victim",
                           urgency="acute", topics=("image-abuse",))
    police, ambulance = fits(catalog, threatened)[POLICE].why, fits(catalog, threatened)["noodnummer-112"].why
    assert any(w.startswith("acute: 24/7 or emergency") for w in police)  # it answers any harm
    assert not any("medical" in w for w in ambulance)  # no medical care was named
    assert not any(w.startswith("acute") for w in fits(catalog, threatened)[CENTRE].why)
    drugged = Situation(people=(ADULT,), urgency="acute", implied=("medical",))
    assert any("medical" in w for w in fits(catalog, drugged)["noodnummer-112"].why)
    assert any(w.startswith("acute") for w in fits(catalog, drugged)[CENTRE].why)  # the care it gives was named


def test_a_service_for_one_kind_of_sexual_harm_is_not_for_another(catalog):
    touched = Situation(people=OWN_CHILD, asker_role="parent", asker="parent", topics=("sexual-abuse",))
    raped = Situation(people=(ADULT,), urgency="past", topics=("sexual-violence",))
    assert "for sexual harm, not this" in fits(catalog, touched)["stopchildporno"].why  # a point for images
    assert "for sexual harm, not this" not in fits(catalog, touched)["child-focus"].why
    # kin harms: the self-help group for survivors of sexual abuse is for those of sexual violence too
    assert "for sexual harm, not this" not in fits(catalog, raped)["het-punt"].why


def test_a_professional_seeking_help_for_the_person_meets_the_persons_services(catalog):
    asks = Situation(people=ABUSED_CHILD, asker_role="police", asker="professional", topics=("sexual-abuse",))
    seeks = Situation(people=ABUSED_CHILD, asker_role="police", asker="professional", topics=("sexual-abuse",),
                      needs=("help-victim",))
    assert "for you as a professional" in fits(catalog, asks)[VK].why
    assert "for you as a professional" not in fits(catalog, seeks)[VK].why


def test_a_harm_done_to_a_child_meets_the_services_for_child_abuse(catalog):
    """Touching told of a child, child abuse not named: the citizens' line for child abuse gains; told of
    an adult, or with no harm told, it does not."""
    touched = Situation(people=ABUSED_CHILD, urgency="recent", topics=("sexual-abuse",), asker_role="bystander")
    assert "harm done to a child" in fits(catalog, touched)[LINE].why
    adult = Situation(people=(ADULT,), urgency="recent", topics=("sexual-abuse",), asker_role="bystander")
    assert "harm done to a child" not in fits(catalog, adult)[LINE].why
    nothing = Situation(people=ABUSED_CHILD, urgency="recent", asker_role="bystander")
    assert "harm done to a child" not in fits(catalog, nothing).get(LINE, (0, ()))[1]
    assert "harm done to a child" not in fits(catalog, touched)[CENTRE].why  # not a service for child abuse
    teased = Situation(people=(CHILD, Person("perpetrator", 13, "minor", "peer", "klasgenoot")),
                       topics=("harassment",), asker_role="bystander")
    assert "harm done to a child" not in fits(catalog, teased).get(LINE, (0, ()))[1]  # bullying, by a peer


@pytest.mark.parametrize("topics, centre_gains", [(("sexual-violence",), True), (("violence",), False), ((), False)])
def test_days_later_only_the_service_for_the_sexual_harm_told_gains_for_medical_care(catalog, topics, centre_gains):
    """Recent (days or weeks ago): medical care and evidence still matter after sexual violence, at the care centre;
    the emergency number gains nothing from a harm of days ago, and nothing at all when no harm was read."""
    later = Situation(people=(ADULT,), urgency="recent", topics=topics)
    assert any(w.startswith("recent") for w in fits(catalog, later).get(CENTRE, (0, ()))[1]) == centre_gains
    assert not any(w.startswith("recent") for w in fits(catalog, later).get("noodnummer-112", (0, ()))[1])
    asked = Situation(people=(ADULT,), urgency="recent", implied=("medical",))  # the care itself was named
    assert any(w.startswith("recent") for w in fits(catalog, asked)["noodnummer-112"].why)


@pytest.mark.parametrize("who", [CHILD, Person("perpetrator", 9, "minor", "pupil", "leerling")])
def test_help_for_the_one_who_did_it_is_not_weighed_by_the_age_of_the_one_it_happened_to(catalog, who):
    """Help for the one who did it, only the child it was done to read: the child's age is not theirs; the
    same child read as the one who did it is of that age."""
    sought = Situation(people=(who,), needs=("help-perpetrator",), topics=("sexual-abuse",))
    why = fits(catalog, sought)[ITER].why
    assert ("for a minor" in why) == (who.role == "perpetrator")
    assert ("not for a minor" in fits(catalog, sought)["universitair-forensisch-centrum"].why) == (
        who.role == "perpetrator")


def test_urgent_with_no_harm_read_counts_being_open_day_and_night_not_the_care_given(catalog):
    gone = Situation(people=(CHILD,), urgency="acute", asker_role="parent", asker="parent")
    assert fits(catalog, gone)["noodnummer-112"].why[-1] == "acute: 24/7 or emergency"
    assert fits(catalog, gone)[POLICE].why[-1] == "acute: 24/7 or emergency"
    hurt = Situation(people=(CHILD,), urgency="acute", asker_role="parent", asker="parent", implied=("medical",))
    assert "medical" in fits(catalog, hurt)["noodnummer-112"].why[-1]


@pytest.mark.parametrize("asker, asker_role, gains", [
    ("parent", "parent", {LINE}), ("professional", "teacher", {VK}), ("victim", "victim", {"nu-praat-ik-erover"})])
def test_a_harm_done_to_a_child_meets_the_child_abuse_service_that_takes_the_askers_call(
        catalog, asker, asker_role, gains):
    """A parent calls the citizens' line, a professional the VK, the child its own chat (the facts)."""
    me = asker == "victim"
    child = Person("victim", 9, "minor", "self" if me else "pupil", "ik" if me else "kind")
    told = Situation(people=(child, PARENT_DID_IT), topics=("sexual-abuse",), asker=asker, asker_role=asker_role)
    got = {sid for sid in (LINE, VK, "nu-praat-ik-erover")
           if "harm done to a child" in fits(catalog, told).get(sid, (0, ()))[1]}
    assert gains <= got
    if asker == "parent":
        assert got == {LINE}


def in_setting(catalog, situation, sector):
    index = catalog.index
    got = situation_fit(situation, index, catalog.vocabulary, {sector}, set(index.live))
    return {index.data.ids[i]: fit for i, fit in got.items()}


@pytest.mark.parametrize("needs", [(), ("advice",), ("report",)])
def test_a_settings_route_for_a_report_fits_by_the_person_only_when_a_report_is_asked_for(catalog, needs):
    """The sports tribunal (a sport's route for a report) fits a case in sport by its setting; by the person
    only when a report is asked for. The VK (advice, help) fits by the person always."""
    coach = Person("perpetrator", None, "adult", "trainer", "trainer")
    touched = Situation(people=(CHILD, coach), topics=("sexual-abuse",), asker="bystander", asker_role="bystander",
                        needs=needs)
    got = in_setting(catalog, touched, "sport")
    assert ("for the victim" in got["vlaams-sporttribunaal"].why) == ("report" in needs)
    assert any(w.startswith("sector") for w in got["vlaams-sporttribunaal"].why)
    assert "for the victim" in got["awel"].why  # not a route for a report: the person's service
    named = Situation(people=(CHILD, coach), topics=("sexual-abuse", "reporting"), asker="bystander",
                      asker_role="bystander", needs=needs)  # the story names a complaint
    assert "for the victim" in in_setting(catalog, named, "sport")["vlaams-sporttribunaal"].why
    worker = Situation(people=(ADULT, coach), topics=("sexual-abuse",), asker="professional", asker_role="carer",
                       needs=needs)
    assert "for you as a professional" in in_setting(catalog, worker, "disability-care")["vaph"].why


@pytest.mark.parametrize("asker", ["victim", "perpetrator"])
def test_whoever_asks_for_themself_is_the_one_the_services_are_for(catalog, asker):
    """Only the other person read ("a boy in my class touches me"): the services are for the asker; an asker
    only assumed does not decide it."""
    other = Person("perpetrator" if asker == "victim" else "victim", 14, "minor", "peer", "jongen")
    told = Situation(people=(other,), asker=asker, asker_role=asker, topics=("sexual-abuse",))
    assert wanted_role(told) == asker
    assumed = Situation(people=(other,), asker=asker, asker_role=asker, topics=("sexual-abuse",), assumed=("asker",))
    assert wanted_role(assumed) == other.role


@pytest.mark.parametrize("needs, misfit", [(("help-victim",), True), (("advice",), False)])
def test_help_sought_for_the_person_is_not_at_a_service_for_others_whoever_asks(catalog, needs, misfit):
    """A police officer seeks guidance for a child it happened to: the service for young people who did it
    (which takes professionals' calls) is not for her; asking what to do, it is not out of place."""
    asks = Situation(people=ABUSED_CHILD, asker_role="police", asker="professional", topics=("sexual-abuse",),
                     needs=needs)
    assert ("not for the victim" in fits(catalog, asks)[ITER].why) == misfit


@pytest.mark.parametrize("needs", [(), ("mediation",)])
def test_the_accused_needs_legal_advice_not_mediation_unless_they_ask_for_it(catalog, needs):
    accused = Person("perpetrator", 40, "adult", "self", "ik", accused=True)
    told = Situation(people=(accused, ADULT), asker="perpetrator", asker_role="perpetrator",
                     topics=("sexual-abuse",), needs=needs)
    assert "accused: legal" in fits(catalog, told)["justitiehuis"].why
    assert ("accused: legal" in fits(catalog, told)["moderator"].why) == bool(needs)


@pytest.mark.parametrize("word, says_when", [
    ("avonds", True), ("zaterdagavond", True), ("vrijdag", True), ("maart", True), ("evening", True),
    ("sunday", True), ("kamer", False), ("trainer", False), ("zorgen", False), ("school", False)])
def test_a_word_that_says_when_is_no_evidence_of_what_is_needed(catalog, word, says_when):
    """The reader's time words (parts of the day, weekdays, months, and compounds ending in one) tell when it
    happened; in a told situation they weigh nothing (they meet a line's opening hours by chance)."""
    from refertool.query import Concept
    from refertool.ranking import _says_when

    assert _says_when(Concept(word, (word,), (), ()), catalog) == says_when


def test_in_a_told_situation_a_time_word_adds_nothing_to_a_service(catalog):
    index = catalog.index
    line = index.data.ids.index("tele-onthaal")
    words = words_of(catalog.vocabulary)
    part = next(p for p in words.day_parts if any(line in index.postings(w) for w in (p, p + "s")))
    told = "een man slaat zijn vrouw, ik ben haar buurvrouw"
    hits = {h.service.id: h for h in search(catalog, told, limit=None).hits}
    later = {h.service.id: h for h in search(catalog, f"{told} 's {part}s", limit=None).hits}
    assert later["tele-onthaal"].key.rarity == hits["tele-onthaal"].key.rarity


@pytest.mark.parametrize("role", ["", "victim"])
def test_a_professional_asking_is_not_weighed_by_the_age_of_someone_with_no_part_told(catalog, role):
    """A youth leader tells of a child's mother (neither the one it happened to nor the one who did it): her age is
    not that of the person the services are for; told as the one it happened to, it is."""
    mother = Person(role, None, "adult", "parent", "mama")
    told = Situation(people=(mother,), asker="professional", asker_role="leader", topics=("sexual-abuse",))
    assert ("for an adult" in fits(catalog, told).get(CAW, (0, ()))[1]) == bool(role)


# ---------------------------------------------------------------- who advises first, the setting's bodies next
MEMBER = Person("victim", 14, "minor", "participant", "lid")
HARMS_OF_A_CHILD = [("sexual-abuse",), ("sexual-abuse", "online"), ("violence",)]


@pytest.mark.parametrize("topics", HARMS_OF_A_CHILD)
@pytest.mark.parametrize("asker, asker_role, gains", [
    ("professional", "leader", True), ("bystander", "bystander", False), ("parent", "parent", False)])
def test_a_settings_own_body_taking_its_volunteers_calls_too_is_the_professionals(catalog, topics, asker, asker_role,
                                                                                   gains):
    """De Ambrassade (youth work) and Kind en Gezin (childcare) also take the questions of volunteers and members
    (bystanders): for a professional of that setting they are still the services for professionals."""
    leader = Person("perpetrator", 20, "adult", "leader", "leider")
    told = Situation(people=(MEMBER, leader), topics=topics, asker=asker, asker_role=asker_role, needs=("advice",))
    for sid, sector in (("de-ambrassade", "youth-work"), ("kind-en-gezin", "childcare")):
        assert ("for you as a professional" in in_setting(catalog, told, sector)[sid].why) == gains, sid
    # a line that takes the victim's own call is no service for professionals alone
    assert "for you as a professional" not in in_setting(catalog, told, "youth-work").get(
        "child-focus", (0, ()))[1]


@pytest.mark.parametrize("topics", [("harassment",), ("violence",), ("sexual-abuse",)])
@pytest.mark.parametrize("who", [ADULT, CHILD])
def test_with_no_setting_named_a_service_for_one_setting_comes_after(catalog, topics, who):
    """No setting read: the culture sector's ombudsman is for that setting, an open service comes first; a
    service with an audience of its own (Aditi, the CLB) is found by whom it serves and keeps its points."""
    doer = Person("perpetrator", None, "adult", "dating", "ex")
    told = Situation(people=(who, doer), topics=topics, asker=who.role, asker_role=who.role)
    none_named = "for one setting, none named"
    assert none_named in fits(catalog, told)["vlaamse-ombudsdienst"].why
    assert none_named not in in_setting(catalog, told, "culture")["vlaamse-ombudsdienst"].why
    got = fits(catalog, told)
    for open_one in ("aditi", "clb", "caw", "igvm"):
        assert none_named not in got.get(open_one, (0, ()))[1], open_one


@pytest.mark.parametrize("who", [ADULT, CHILD])
@pytest.mark.parametrize("needs", [(), ("advice",), ("report",)])
def test_the_reporting_point_for_every_setting_fits_by_the_person_only_when_a_report_is_asked_for(catalog, who,
                                                                                                  needs):
    """The Vlaams Meldpunt is where a setting's case is reported, for every setting: a route, like a setting's own
    reporting point. The point for images of children is for that harm: the person's service."""
    doer = Person("perpetrator", None, "adult", "colleague", "collega")
    told = Situation(people=(who, doer), topics=("harassment", "child-sexual-abuse-material"), asker=who.role,
                     asker_role=who.role, needs=needs)
    got = fits(catalog, told)
    meldpunt = got["vlaams-meldpunt-grensoverschrijdend-gedrag"].why
    assert ("for the victim" in meldpunt) == ("report" in needs)
    assert ("the setting's route for a report" in meldpunt) == ("report" not in needs)
    assert "for the victim" in got["stopchildporno"].why


@pytest.mark.parametrize("topics", HARMS_OF_A_CHILD)
@pytest.mark.parametrize("asker, asker_role, needs, lower", [
    ("professional", "teacher", ("advice",), True), ("professional", "teacher", ("report",), True),
    ("professional", "teacher", ("help-victim",), False), ("parent", "parent", ("advice",), False)])
def test_a_professional_asking_what_to_do_meets_the_citizens_lines_after_their_own(catalog, topics, asker, asker_role,
                                                                                     needs, lower):
    """Professionals contact the VK directly, citizens and the young call a line (the facts): a helpline or a chat
    comes after the service for professionals, unless the professional seeks help for the person."""
    told = Situation(people=ABUSED_CHILD, topics=topics, asker=asker, asker_role=asker_role, needs=needs)
    got = fits(catalog, told)
    for line in ("child-focus", "awel", LINE):
        assert ("a line for citizens" in got.get(line, (0, ()))[1]) == lower, line
    assert "a line for citizens" not in got.get(VK, (0, ()))[1]


@pytest.mark.parametrize("topics", HARMS_OF_A_CHILD)
@pytest.mark.parametrize("asker, asker_role", [("parent", "parent"), ("bystander", "bystander")])
@pytest.mark.parametrize("needs, cannot_call", [((), True), (("advice",), True), (("help-victim",), False),
                                                (("talk",), False)])
def test_a_line_only_the_child_can_call_is_no_answer_to_what_the_asker_should_do(catalog, topics, asker, asker_role,
                                                                                   needs, cannot_call):
    """A neighbour or a grandparent asks what to do: the chat for victims alone is not theirs to call. When they
    seek help for the child (someone for her to talk to), it still is the child's own way in."""
    told = Situation(people=OWN_CHILD, topics=topics, asker=asker, asker_role=asker_role, needs=needs)
    chat = fits(catalog, told)["nu-praat-ik-erover"].why
    assert "for the victim themself" in chat
    assert ("not for you to call" in chat) == cannot_call
    assert "not for you to call" not in fits(catalog, told)[LINE].why  # 1712 takes the asker's call


@pytest.mark.parametrize("sector, route", [("education", "onderwijskoepels"), ("childcare", "kind-en-gezin")])
@pytest.mark.parametrize("needs, fits_setting", [(("report",), True), (("report", "help-victim"), True),
                                                 (("help-victim",), False), (("talk",), False)])
def test_a_parent_asking_where_to_report_meets_the_settings_route(catalog, sector, route, needs, fits_setting):
    """A complaint against the school or the crèche goes to that setting's route (the umbrella bodies, Kind en
    Gezin); a parent seeking help for the child does not need the setting's bodies."""
    carer = Person("perpetrator", None, "adult", "teacher", "leerkracht")
    told = Situation(people=(OWN_CHILD[0], carer), topics=("violence",), asker="parent", asker_role="parent",
                     needs=needs)
    why = in_setting(catalog, told, sector)[route].why
    assert (f"sector {sector}" in why) == fits_setting
    assert ("the setting, not what is asked" in why) == (not fits_setting)


@pytest.mark.parametrize("who, minor_guess", [(Person("perpetrator", None, "", "self", "ik"), False),
                                              (Person("victim", None, "", "pupil", "leerling"), True)])
def test_a_school_says_a_pupil_is_a_minor_not_the_one_who_did_it(catalog, who, minor_guess):
    """No age said, in a school: the pupil it happened to is a minor; the one who did it may be the teacher."""
    told = Situation(people=(who,), topics=("sexual-abuse",), asker=who.role, asker_role=who.role,
                     needs=("help-perpetrator",) if who.role == "perpetrator" else ())
    got = in_setting(catalog, told, "education")
    service = ITER if who.role == "perpetrator" else AWEL
    assert ("for a minor" in got[service].why) == minor_guess


@pytest.mark.parametrize("age, group", [(16, "minor"), (34, "adult"), (None, "adult"), (None, "minor")])
def test_help_for_the_one_who_did_it_first_at_a_service_for_their_age_alone(catalog, age, group):
    """The guide lists the services for minor and for adult perpetrators apart: for one who did it, a service for
    their age alone (the adults' centres for a man of 34) before one for both (I.T.E.R.)."""
    did_it = Person("perpetrator", age, group, "self", "ik")
    told = Situation(people=(did_it,), topics=("sexual-abuse",), asker="perpetrator", asker_role="perpetrator",
                     needs=("help-perpetrator",))
    got = fits(catalog, told)
    own, other = (("minderjarige-plegers", "meerderjarige-plegers") if group == "minor"
                  else ("meerderjarige-plegers", "minderjarige-plegers"))
    assert "for that age alone" in got[own].why
    assert "for that age alone" not in got[other].why
    assert "for that age alone" not in got[ITER].why  # for minors and adults
    victim = Situation(people=(Person("victim", age, group, "self", "ik"),), topics=("sexual-abuse",), asker="victim",
                       asker_role="victim")
    assert not any("for that age alone" in f.why for f in fits(catalog, victim).values())  # treatment only
