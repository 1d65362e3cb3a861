"""What happened and when, on generated sentences: act classes and harm states × persons × time × language.

Each group tests one mechanism of `reading/acts.py` or `reading/time.py` (and its rules in data/situation.toml)
on many combinations written for this file.
"""

from __future__ import annotations

import itertools

import pytest

from refertool.reading.model import Situation
from refertool.reading.read import read

SEXUAL = {"sexual-violence", "sexual-abuse", "image-abuse", "child-sexual-abuse-material", "paedophilic-feelings"}


@pytest.fixture(scope="module")
def situ(catalog):
    def run(text: str) -> Situation:
        return read(text, catalog.vocabulary, catalog.regions, catalog.index.word_set.__contains__)
    return run


def topics(s: Situation) -> list[str]:
    return [*s.topics, *s.implied]


# ---------------------------------------------------------------- harm shown by its marks (harm states)
CHILDREN = {"nl": ["ons zoontje van 3", "een kleuter", "mijn dochtertje van 4", "een peuter uit de groep"],
            "en": ["our son of 3", "a toddler", "my little girl (4)", "a preschooler of 4"]}
MARKS = {"nl": ["heeft blauwe plekken op de armen", "had brandwonden op de rug", "heeft striemen op de benen"],
         "en": ["has bruises on both arms", "had burns on the back", "has welts on the legs"]}
INTIMATE = {"nl": ["kwam thuis met roodheid daar beneden", "heeft pijn aan het plassertje", "had bloed in het kruis"],
            "en": ["came home with redness down there", "has pain in the genitals", "had bleeding around the crotch"]}


def _marked(table):
    return [f"{who} {mark}" for lang in ("nl", "en") for who, mark in itertools.product(CHILDREN[lang], table[lang])]


@pytest.mark.parametrize("text", _marked(MARKS))
def test_marks_on_a_child_are_child_abuse_not_sexual(situ, text):
    found = topics(situ(text))
    assert "child-abuse" in found and not SEXUAL & set(found), text


@pytest.mark.parametrize("text", _marked(INTIMATE))
def test_marks_of_the_intimate_body_are_suspected_sexual_abuse(situ, text):
    assert "sexual-abuse" in topics(situ(text)), text


@pytest.mark.parametrize("text,minor", [
    (f"{who} is {age} and {state}", age < 18) for who, age, state in itertools.product(
        ("she", "my cousin", "the girl"), (14, 15, 31, 40), ("pregnant", "pregnant by an older man"))] + [
    (f"{who} is {age} jaar en {state}", age < 18) for who, age, state in itertools.product(
        ("ze", "mijn nicht", "het meisje"), (13, 16, 29, 35), ("zwanger", "zwanger van een oudere man"))])
def test_a_pregnancy_is_abuse_only_of_a_minor(situ, text, minor):
    assert ("sexual-abuse" in topics(situ(text))) == minor, text


# ---------------------------------------------------------------- words read together in one sentence part
WATCHERS = {"nl": ["haar stiefvader", "de pleegvader", "haar oom"],
            "en": ["her stepfather", "the foster dad", "her uncle"]}
INTRUSIONS = {"nl": ["{who} komt de badkamer binnen als ze doucht", "{who} kijkt naar haar in de douche",
                     "{who} komt bij haar in bed liggen"],
              "en": ["{who} comes into the bathroom when she showers", "{who} watches her in the shower",
                     "{who} comes to lie in her bed"]}


@pytest.mark.parametrize("text", [f"{x.format(who=who)}, {age}" for lang in ("nl", "en") for who, x, age in
                                  itertools.product(WATCHERS[lang], INTRUSIONS[lang], ("", "ze is 10"))])
def test_watching_or_coming_close_where_one_is_naked_is_sexual(situ, text):
    found = topics(situ(text))
    # by a parent figure or of a child, abuse; else at least a boundary crossed
    assert "sexual-abuse" in found or "transgressive-behaviour" in found, text


PHOTOGRAPHERS = {"nl": ["de buurman", "haar oom", "een leider"], "en": ["the neighbour", "her uncle", "a leader"]}
PICTURES = {"nl": ["{who} maakt foto's van de kinderen in bad", "{who} filmt meisjes van 11 in de kleedkamer",
                   "{who} nam filmpjes van twee kinderen onder de douche"],
            "en": ["{who} takes photos of the children in the bath", "{who} filmed girls of 11 in the changing room",
                   "{who} made videos of two kids in the shower"]}


@pytest.mark.parametrize("text", [x.format(who=who) for lang in ("nl", "en")
                                  for who, x in itertools.product(PHOTOGRAPHERS[lang], PICTURES[lang])])
def test_images_of_children_where_they_are_naked_are_abuse_material(situ, text):
    assert "child-sexual-abuse-material" in topics(situ(text)), text


GROUNDS = {"nl": ["omdat ik zwanger ben", "vanwege mijn afkomst", "omdat ik een hoofddoek draag", "omdat ik homo ben"],
           "en": ["because I am pregnant", "because of my origin", "because I wear a headscarf", "because I am gay"]}
TREATED = {"nl": ["mijn baas geeft me de promotie niet", "ik werd ontslagen", "collega's lachen me uit"],
           "en": ["my boss refused me the promotion", "I was fired", "colleagues make fun of me"]}


@pytest.mark.parametrize("text", [f"{x} {g}" for lang in ("nl", "en")
                                  for x, g in itertools.product(TREATED[lang], GROUNDS[lang])])
def test_treated_worse_for_who_one_is_is_discrimination_not_sexual(situ, text):
    found = topics(situ(text))
    assert "discrimination" in found and not SEXUAL & set(found), text


# ---------------------------------------------------------------- non-sexual harm brings no sexual topic
DOERS = {"nl": ["mijn ex", "een collega", "de buurman", "mijn vader"], "en": ["my ex", "a colleague", "the neighbour",
                                                                             "my father"]}
NON_SEXUAL = {
    "nl": [("{who} sloeg me gisteren", "violence"), ("{who} stuurt me elke dag tientallen berichten", "harassment"),
           ("{who} staat al weken elke avond aan mijn deur", "harassment"), ("{who} pest me al maanden", "harassment"),
           ("{who} schreeuwt elke nacht tegen de kinderen", "violence")],
    "en": [("{who} slapped me yesterday", "violence"), ("{who} sends me dozens of messages every day", "harassment"),
           ("{who} keeps showing up at my work", "harassment"), ("{who} has been bullying me for months", "harassment"),
           ("{who} screams at the kids every night", "violence")]}


@pytest.mark.parametrize("text,topic", [(x.format(who=who), t) for lang in ("nl", "en")
                                        for who, (x, t) in itertools.product(DOERS[lang], NON_SEXUAL[lang])])
def test_non_sexual_harm_is_read_and_brings_no_sexual_topic(situ, text, topic):
    found = topics(situ(text))
    assert topic in found and not SEXUAL & set(found), text


@pytest.mark.parametrize("text", [f"{who} {x}" for who, x in itertools.product(
    ("hij", "de trainer", "mijn oom"),
    ("heeft haar niet betast, maar wel geslagen", "heeft haar nooit aangeraakt"))] + [
    f"{who} {x}" for who, x in itertools.product(
        ("he", "the coach", "my uncle"), ("never touched her, but he hit her", "did not touch her"))])
def test_a_negated_sexual_act_implies_no_sexual_topic(situ, text):
    assert not SEXUAL & set(topics(situ(text))), text


@pytest.mark.parametrize("text", [f"{who} {x}" for who, x in itertools.product(
    ("he", "the coach", "my colleague"), ("won't stop touching me", "doesn't stop touching my leg"))])
def test_not_stopping_is_no_negation_and_goes_on(situ, text):
    s = situ(text)
    assert SEXUAL & set(topics(s)) or "transgressive-behaviour" in topics(s), text
    assert s.ongoing, text


@pytest.mark.parametrize("text", [f"{who} {x}" for who, x in itertools.product(
    ("our son (13)", "a boy of 15", "a pupil of 14"), ("filmed girls in the toilets", "touched a girl of 12"))] + [
    f"{who} {x}" for who, x in itertools.product(
        ("onze zoon van 13", "een jongen van 15", "mijn neef (14)"),
        ("filmde meisjes in de toiletten", "heeft een meisje van 12 aangeraakt"))])
def test_a_sexual_act_by_a_minor_is_transgressive_behaviour_first(situ, text):
    s = situ(text)
    # the topics the acts imply: transgressive behaviour first (a word naming a topic is kept as named)
    assert s.implied and s.implied[0] == "transgressive-behaviour", text
    assert "child-abuse" not in topics(s), text


@pytest.mark.parametrize("text", [f"{who} {x}" for who, x in itertools.product(
    ("a father", "the dad", "een vader", "de papa"), ("slapped his son", "hit his daughter", "sloeg zijn zoon"))])
def test_harm_by_a_parent_to_their_son_or_daughter_is_child_abuse(situ, text):
    assert "child-abuse" in topics(situ(text)), text


# ---------------------------------------------------------------- the main harm first
ASKED = {"nl": ["ik wil klacht indienen", "mag ik mijn beroepsgeheim doorbreken", "wie kan ik bellen om te praten"],
         "en": ["I want to file a complaint", "can I break professional secrecy", "I need someone to talk to"]}
HARMS = {"nl": [("want hij heeft haar verkracht", "sexual-violence"), ("over het seksueel misbruik", "sexual-abuse"),
                ("over de kindermishandeling", "child-abuse")],
         "en": [("because he raped her", "sexual-violence"), ("about the sexual abuse", "sexual-abuse"),
                ("about the domestic violence", "violence")]}


@pytest.mark.parametrize("text,harm", [(f"{a} {h}", t) for lang in ("nl", "en")
                                       for a, (h, t) in itertools.product(ASKED[lang], HARMS[lang])])
def test_the_harm_comes_before_what_is_asked_about_it(situ, text, harm):
    s = situ(text)
    named = [*s.topics, *s.implied]
    assert harm in named, text
    first = s.topics[0] if harm in s.topics else s.implied[0]
    assert first == harm, text


# ---------------------------------------------------------------- time: a grammar of repetition
ACTS = {"nl": ["hij slaat haar", "hij stuurt haar berichten", "de trainer betast haar"],
        "en": ["he hits her", "he sends her messages", "the coach touches her"]}
REPEATED = {"nl": ["elke nacht", "iedere woensdag", "al drie weken", "al een paar maanden", "sinds de zomer",
                   "sinds januari", "sinds 2021", "elke avond", "de afgelopen weken"],
            "en": ["every night", "each friday", "since the summer", "since January", "since 2021",
                   "every evening", "the past few weeks", "for months now"]}


@pytest.mark.parametrize("text", [f"{a} {r}" for lang in ("nl", "en")
                                  for a, r in itertools.product(ACTS[lang], REPEATED[lang])])
def test_a_repeated_act_goes_on_and_is_recent(situ, text):
    s = situ(text)
    assert s.ongoing and s.urgency == "recent", (text, s.urgency)


@pytest.mark.parametrize("text", [f"{a} {r}, {now}"
                                  for lang, now in (("nl", "vannacht weer"), ("en", "again last night"))
                                  for a, r in itertools.product(ACTS[lang], REPEATED[lang][:4])])
def test_a_repeated_act_with_one_of_the_last_days_is_acute(situ, text):
    assert situ(text).urgency == "acute", text


@pytest.mark.parametrize("text", [f"ik heb {r} gevoelens voor kinderen" for r in ("al drie weken", "sinds de zomer")]
                         + [f"I have had these thoughts {r}" for r in ("for months", "since the summer")])
def test_repetition_without_an_act_makes_it_no_more_recent(situ, text):
    assert situ(text).urgency == "", text


AGO = {"nl": [("twee weken terug", "recent"), ("drie dagen geleden", "acute"), ("eergisteren", "acute"),
              ("afgelopen weekend", "acute"), ("tijdens de kerstvakantie", "recent"), ("vijf jaar geleden", "past")],
       "en": [("a fortnight ago", "recent"), ("three days ago", "acute"), ("last weekend", "acute"),
              ("over the holidays", "recent"), ("five years ago", "past"), ("last semester", "recent")]}
ONCE = {"nl": ["sloeg hij haar", "werd ze betast door een leider", "heeft hij haar geduwd"],
        "en": ["he hit her", "she was touched by a leader", "he pushed her"]}


@pytest.mark.parametrize("text,urgency", [(f"{when} {act}" if lang == "nl" else f"{act} {when}", u)
                                          for lang in ("nl", "en")
                                          for (when, u), act in itertools.product(AGO[lang], ONCE[lang])])
def test_the_day_of_one_act(situ, text, urgency):
    assert situ(text).urgency == urgency, text


TELLINGS = {"nl": ["ze vertelde me gisteren dat {act}", "hij bekende gisteren dat {act}",
                   "vandaag zei ze dat {act}"],
            "en": ["she told me yesterday that {act}", "today he confessed that {act}", "she said today that {act}"]}
LONG_AGO = {"nl": ["hij haar tien jaar geleden sloeg", "het in 2015 gebeurde"],
            "en": ["he hit her ten years ago", "it happened in 2015"]}


@pytest.mark.parametrize("text", [t.format(act=a) for lang in ("nl", "en")
                                  for t, a in itertools.product(TELLINGS[lang], LONG_AGO[lang])])
def test_the_time_of_the_telling_is_not_the_time_of_the_act(situ, text):
    assert situ(text).urgency == "past", text


@pytest.mark.parametrize("text", [f"{act}. {conv}" for act, conv in itertools.product(
    ("Ik werd zes jaar geleden verkracht", "Hij sloeg me vier jaar geleden"),
    ("Hij is vorige maand veroordeeld", "Hij werd vorige week opgepakt"))] + [
    f"{act}. {conv}" for act, conv in itertools.product(
        ("I was raped six years ago", "He hit me four years ago"),
        ("He was convicted last month", "He was arrested last week"))])
def test_the_time_of_a_conviction_is_not_the_time_of_the_act(situ, text):
    assert situ(text).urgency == "past", text


@pytest.mark.parametrize("text", [f"{who} {x}" for who, x in itertools.product(
    ("mijn ex", "een collega"), ("stuurde me gisteren een bericht", "stuurt me een bericht"))] + [
    f"{who} {x}" for who, x in itertools.product(("my ex", "a colleague"), ("sent me a message", "texts me"))])
def test_one_message_is_no_harassment(situ, text):
    assert "harassment" not in topics(situ(text)), text


PRICES = {"nl": [("zegt dat ik mag blijven op voorwaarde dat ik met hem naar bed ga", "sexual-violence"),
                 ("maakt al weken schunnige grapjes over mijn lichaam", "harassment")],
          "en": [("says I can keep the job if I sleep with him", "sexual-violence"),
                 ("keeps making sexual comments about my body", "harassment")]}
BOSSES = {"nl": ["mijn huisbaas", "de chef"], "en": ["a landlord", "the manager"]}


@pytest.mark.parametrize("text,harm", [(f"{who} {x}", t) for lang in ("nl", "en")
                                       for who, (x, t) in itertools.product(BOSSES[lang], PRICES[lang])])
def test_sex_as_a_price_and_sexual_remarks(situ, text, harm):
    assert harm in topics(situ(text)), text


UNDRESSERS = {"nl": ["een man", "haar oom", "een jongen van 15"], "en": ["a man", "her uncle", "a boy of 15"]}
UNDRESS = {"nl": ["liet een meisje van 8 haar broek uittrekken", "trok de onderbroek van een kind naar beneden"],
           "en": ["made a girl of 8 take off her clothes", "pulled down the underwear of a child"]}


@pytest.mark.parametrize("text,minor_doer", [(f"{who} {x}", who[-2:] == "15") for lang in ("nl", "en")
                                             for who, x in itertools.product(UNDRESSERS[lang], UNDRESS[lang])])
def test_making_a_child_undress_is_abuse_and_by_a_minor_transgressive_first(situ, text, minor_doer):
    s = situ(text)
    assert "sexual-abuse" in topics(s), text
    assert (s.implied[:1] == ("transgressive-behaviour",)) == minor_doer, text


@pytest.mark.parametrize("text", [f"{who} {x}" for who, x in itertools.product(
    ("hij", "de leider"), ("werd vorige maand veroordeeld omdat hij me acht jaar geleden sloeg",
                           "is vorige week opgepakt omdat hij me in 2016 verkrachtte"))] + [
    f"{who} {x}" for who, x in itertools.product(
        ("he", "the leader"), ("was convicted last month because he hit me eight years ago",
                               "was arrested last week because he raped me in 2016"))])
def test_a_conviction_in_the_same_sentence_dates_nothing(situ, text):
    assert situ(text).urgency == "past", text


@pytest.mark.parametrize("text", [f"{act}. {now}" for act, now in itertools.product(
    ("Hij betastte me toen ik 12 was", "De trainer sloeg hem vijf jaar geleden"),
    ("Hij werkt vandaag nog met kinderen", "Ik zag hem gisteren op straat"))] + [
    f"{act}. {now}" for act, now in itertools.product(
        ("He touched me when I was 12", "The coach hit him five years ago"),
        ("He still works with kids today", "I saw him yesterday in town"))])
def test_a_time_told_apart_from_the_act_is_not_its_time(situ, text):
    assert situ(text).urgency == "past", text


@pytest.mark.parametrize("text", [f"{who} {x}" for who, x in itertools.product(
    ("een vrouw", "mijn collega"), ("die net aangerand is", "is zonet geslagen"))] + [
    f"{who} {x}" for who, x in itertools.product(("a woman", "my colleague"),
                                                  ("was just assaulted", "who was just hit"))])
def test_just_before_an_act_is_now(situ, text):
    assert situ(text).urgency == "acute", text


# ---------------------------------------------------------------- round 4: a child gone missing
# Gone, run off, not back home: the one missing bears it (never the one who did it); a crisis.
GONE_WHO = {"nl": ["mijn zoon van {n}", "onze dochter ({n})", "een leerling van {n}"],
            "en": ["my son of {n}", "our daughter ({n})", "a pupil aged {n}"]}
GONE = {"nl": ["is sinds gisteren vermist", "is van huis weggelopen", "is gisteravond niet thuisgekomen",
               "is spoorloos verdwenen"],
        "en": ["has gone missing since yesterday", "ran away from home on friday", "did not come home last night",
               "has disappeared since the weekend"]}


@pytest.mark.parametrize("text", [f"{w.format(n=n)} {g}" for lang in ("nl", "en")
                                  for w, g, n in itertools.product(GONE_WHO[lang], GONE[lang], (11, 16))])
def test_one_gone_missing_bears_it_as_a_crisis(situ, text):
    s = situ(text)
    victim = s.victim()
    assert victim is not None and victim.age_group == "minor", text
    assert s.perpetrator() is None or s.perpetrator() is not victim, text
    assert "crisis" in topics(s), text


# ---------------------------------------------------------------- round 4: care words that tell no neglect
# Left alone WITH someone is no one left alone; "I haven't washed" after an assault tells of the asker alone.
ALONE_WITH = {"nl": ["mag ik {o} nog alleen laten met onze {c}?", "kan ik {o} nog alleen laten bij mijn {c}?"],
              "en": ["can I still leave {o} alone with our {c}?", "should I leave {o} alone with my {c}?"]}
ALONE_WHO = {"nl": ["hem", "haar"], "en": ["him", "her"]}
ALONE_KIDS = {"nl": ["zoon", "kinderen"], "en": ["son", "kids"]}
ALONE_BEFORE = {"nl": "Mijn broer heeft mijn nichtje betast. ", "en": "My brother groped my niece. "}


@pytest.mark.parametrize("text", [ALONE_BEFORE[lang] + a.format(o=o, c=c) for lang in ("nl", "en") for a, o, c
                                  in itertools.product(ALONE_WITH[lang], ALONE_WHO[lang], ALONE_KIDS[lang])])
def test_left_alone_with_someone_is_no_neglect(situ, text):
    s = situ(text)
    assert "child-abuse" not in topics(s), text
    assert not any(p.relation == "self" and p.role == "perpetrator" for p in s.people), text


UNWASHED = {"nl": ["Ik werd gisteren verkracht en heb me nog niet gewassen.",
                   "Ik ben vannacht aangerand, ik heb niet gedoucht en me niet gewassen."],
            "en": ["I was raped yesterday and did not wash yet.",
                   "I was assaulted last night; I have not washed."]}


@pytest.mark.parametrize("text", [u for lang in ("nl", "en") for u in UNWASHED[lang]])
def test_care_left_undone_by_the_asker_is_no_neglect(situ, text):
    s = situ(text)
    assert "child-abuse" not in topics(s) and "sexual-violence" in topics(s), text


@pytest.mark.parametrize("text", ["de buren laten hun kinderen elke avond alleen thuis",
                                  "the children are left alone at home every night",
                                  "ze wassen het kind nooit en het krijgt geen eten"])
def test_neglect_of_another_is_still_read(situ, text):
    assert "child-abuse" in topics(situ(text)), text


# ---------------------------------------------------------------- round 4: images asked for, images made
# An adult asking a child for pictures or videos of themself: online grooming; intimate videos made of
# someone: image abuse (of a child: abuse material).
ASKERS_OF = {"nl": ["een man", "een onbekende op snapchat", "haar trainer"],
             "en": ["a man", "a stranger on snapchat", "her coach"]}
ASKS = {"nl": ["vraagt {c} om foto's van zichzelf", "vroeg {c} filmpjes te sturen", "wil selfies van {c}"],
        "en": ["asks {c} for pictures of herself", "asked {c} to send videos", "wants selfies from {c}"]}
ASKED = {"nl": ["mijn dochter van 12", "een meisje (13)"], "en": ["my daughter of 12", "a girl (13)"]}


@pytest.mark.parametrize("text", [f"{a} {k.format(c=c)}" for lang in ("nl", "en")
                                  for a, k, c in itertools.product(ASKERS_OF[lang], ASKS[lang], ASKED[lang])])
def test_images_asked_of_a_child_are_grooming(situ, text):
    s = situ(text)
    victim = s.victim()
    assert victim is not None and victim.age_group == "minor", text
    assert {"online", "transgressive-behaviour"} <= set(topics(s)), text


@pytest.mark.parametrize("text", ["hij maakte intieme video's van {c}", "he made intimate videos of {c}",
                                  "hij heeft sexy foto's van {c} genomen", "he took intimate pictures of {c}"])
@pytest.mark.parametrize("who,kind", [("mijn vriendin (25)", "image-abuse"), ("my girlfriend (25)", "image-abuse"),
                                      ("een meisje van 14", "child-sexual-abuse-material"),
                                      ("a girl of 14", "child-sexual-abuse-material")])
def test_intimate_images_made_of_someone(situ, text, who, kind):
    assert kind in topics(situ(text.format(c=who))), text


# ---------------------------------------------------------------- round 4: following someone
# Followed home, everywhere, day after day, or by someone: stalking; the verb alone ("een opleiding volgen") is none.
FOLLOWED = {"nl": ["ik word al weken gevolgd door {d}", "{d} volgt mij elke avond naar huis",
                   "{d} blijft mijn dochter overal volgen"],
            "en": ["I am being followed by {d}", "{d} follows me home every night", "{d} keeps following my daughter"]}
FOLLOWERS = {"nl": ["mijn ex", "een man", "een collega"], "en": ["my ex", "a man", "a colleague"]}


@pytest.mark.parametrize("text", [f.format(d=d) for lang in ("nl", "en")
                                  for f, d in itertools.product(FOLLOWED[lang], FOLLOWERS[lang])])
def test_being_followed_is_stalking(situ, text):
    s = situ(text)
    doer = s.perpetrator()
    assert "harassment" in topics(s), text
    assert doer is not None and doer.words.split()[-1] in ("ex", "man", "collega", "colleague"), text


@pytest.mark.parametrize("text", ["hij volgt een opleiding tot verpleegkundige", "I follow the advice of my GP"])
def test_following_a_course_is_no_harm(situ, text):
    assert "harassment" not in topics(situ(text)), text


# ---------------------------------------------------------------- round 4: images, a demand and a sum
# "has videos of me and wants 300 euro": sextortion, of the asker; a price asked for photos of a party is none.
HOLDS = {"nl": ["iemand heeft {i} van mij en {d} {n} euro",
                "een man die ik online ken heeft {i} van mij en {d} nu {n} euro"],
         "en": ["someone has {i} of me and {d} {n} euros", "a man I met online has {i} of me and {d} {n} dollars now"]}
IMAGES_OF = {"nl": ["filmpjes", "opnames", "foto's"], "en": ["videos", "recordings", "pictures"]}
DEMANDS = {"nl": ["eist", "wil"], "en": ["demands", "wants"]}


@pytest.mark.parametrize("text", [h.format(i=i, d=d, n=n) for lang in ("nl", "en") for h, i, d, n
                                  in itertools.product(HOLDS[lang], IMAGES_OF[lang], DEMANDS[lang], (300, 2000))])
def test_images_of_the_asker_and_a_sum_demanded_are_sextortion(situ, text):
    s = situ(text)
    assert "image-abuse" in topics(s), text
    assert s.asker == "victim", text


@pytest.mark.parametrize("text", ["de fotograaf vroeg 50 euro voor de foto's van het feest",
                                  "the studio wants 50 euros for the pictures of the wedding"])
def test_a_price_for_photos_is_no_sextortion(situ, text):
    assert "image-abuse" not in topics(situ(text)), text


# ---------------------------------------------------------------- round 4: sex one said no to
SEX_TOLD = {"nl": ["hij heeft seks met {w} gehad", "mijn ex heeft het gedaan", "een kennis wou vrijen"],
            "en": ["he had sex with {w}", "my ex did it", "a friend of his slept with {w}"]}
SAID_NO = {"nl": ["terwijl ik nee zei", "tegen mijn zin", "terwijl ze sliep"],
           "en": ["while I said no", "against her will", "while she was asleep"]}
WHOM_NL_EN = {"nl": "mij", "en": "me"}


@pytest.mark.parametrize("text", [f"{t.format(w=WHOM_NL_EN[lang])} {n}" for lang in ("nl", "en")
                                  for t, n in itertools.product(SEX_TOLD[lang], SAID_NO[lang])])
def test_sex_one_said_no_to_is_rape(situ, text):
    assert "sexual-violence" in topics(situ(text)), text


@pytest.mark.parametrize("text", ["we hadden seks en ik wilde het niet aan mijn ouders vertellen",
                                  "we had sex and I did not want to tell my parents"])
def test_sex_and_a_refusal_of_something_else_is_no_rape(situ, text):
    assert "sexual-violence" not in topics(situ(text)), text


@pytest.mark.parametrize("text", [f"{w.format(n=n)} {g}, {f}" for lang, f in (("nl", "ze was bij haar vriendinnen"),
                                                                         ("en", "she was with her friends"))
                                  for w, g, n in itertools.product(GONE_WHO[lang], GONE[lang], (13,))])
def test_one_gone_missing_leaves_no_one_who_did_it(situ, text):
    s = situ(text)
    assert s.victim() is not None and s.perpetrator() is None, text


@pytest.mark.parametrize("text", ["mijn dochter van 14 is weggelopen, ze was bij een man van 35",
                                  "our son (13) has gone missing, he had been with a man of 40"])
def test_one_gone_missing_with_an_adult_leaves_the_adult_a_party(situ, text):
    doer = situ(text).perpetrator()
    assert doer is not None and doer.age_group == "adult", text


# ---------------------------------------------------------------- time: everyday words of when and how often
HABITS = {"nl": ["de trainer {x} haar", "haar oom {x} haar", "de buurman {x} hem"],
          "en": ["the coach {x} her", "her uncle {x} her", "the neighbour {x} him"]}
HABIT_ACTS = {"nl": ["betast soms", "slaat geregeld", "slaat dikwijls", "betast af en toe"],
              "en": ["sometimes hits", "occasionally gropes", "constantly hits"]}


@pytest.mark.parametrize("text", [h.format(x=a) for lang in ("nl", "en")
                                  for h, a in itertools.product(HABITS[lang], HABIT_ACTS[lang])])
def test_an_act_told_by_how_often_goes_on(situ, text):
    s = situ(text)
    assert s.ongoing and s.urgency == "recent", (text, s.urgency)


OTHER_EVENT = {"nl": ["vorig weekend logeerde ze bij ons en ze vertelde dat {p} 's nachts soms slaat",
                      "gisteren kwam ze huilend thuis en zei ze dat {p} haar geregeld betast"],
               "en": ["yesterday she came home late and said that {p} sometimes hits her",
                      "she has been coming in hungry for weeks; today she flinched when {p} came close"]}


@pytest.mark.parametrize("text", [t.format(p=p) for lang, people in (("nl", ("haar stiefvader", "de leider")),
                                                                      ("en", ("her stepfather", "the leader")))
                                  for t, p in itertools.product(OTHER_EVENT[lang], people)])
def test_a_habit_has_no_date_from_another_event(situ, text):
    """A date told in a clause of something else than the habit is not the habit's date."""
    assert situ(text).urgency == "recent", text


@pytest.mark.parametrize("text,urgency", [
    *((f"{when} heeft {who} haar betast", u) for (when, u), who in itertools.product(
        (("deze zomer", "recent"), ("deze maand", "recent"), ("in het weekend", "acute"), ("dit jaar", "recent")),
        ("een leider", "haar oom"))),
    *((f"{who} hit her {when}", u) for (when, u), who in itertools.product(
        (("this summer", "recent"), ("this month", "recent"), ("at the weekend", "acute"), ("this year", "recent")),
        ("a leader", "her uncle")))])
def test_this_season_or_month_and_the_weekend(situ, text, urgency):
    assert situ(text).urgency == urgency, text


@pytest.mark.parametrize("text", [f"{who} {x}" for who, x in itertools.product(
    ("My husband", "Her father", "The coach"),
    ("has been charged with abusing a boy", "has been prosecuted for hitting a child"))])
def test_a_charge_tells_no_time_of_the_act(situ, text):
    assert situ(text).urgency == "", text


@pytest.mark.parametrize("text", [
    *(f"I can't stop thinking about what {who} did to me when we were {w}" for who, w in itertools.product(
        ("my cousin", "my older sister"), ("kids", "little", "children"))),
    *(f"ik denk nog vaak aan wat {who} met me deed toen we {w} waren" for who, w in itertools.product(
        ("mijn neef", "mijn oudere broer"), ("klein", "kinderen")))])
def test_a_shared_childhood_is_past(situ, text):
    assert situ(text).urgency == "past", text


@pytest.mark.parametrize("text", [f"{who} {x}" for who, x in itertools.product(
    ("a father", "the nanny"), ("just brought in a baby with a broken arm", "just came in with a child with burns"))])
def test_just_with_a_mark_of_harm_is_now(situ, text):
    assert situ(text).urgency == "acute", text


@pytest.mark.parametrize("text", [f"for {n} years {who}" for n, who in itertools.product(
    ("a couple of", "a few", "two"),
    ("he has been hitting her", "she has been watching images of children being abused"))])
def test_a_span_with_of_goes_on(situ, text):
    assert situ(text).urgency == "recent", text


# ---------------------------------------------------------------- acts in other words
KIND_DOERS = {"nl": ["haar oom", "de leider", "een buurman"], "en": ["her uncle", "the leader", "a neighbour"]}
MINORS = {"nl": ["een meisje van 12", "zijn nichtje van 9"], "en": ["a girl of 12", "his niece (9)"]}
GROOMING = {"nl": ["{d} geeft {m} geregeld sigaretten en snoep", "{d} koopt {m} cadeautjes",
                   "{d} noemt het hun geheimpje, zegt {m}"],
            "en": ["{d} keeps buying {m} gifts and a phone", "{d} gives {m} cigarettes",
                   "{d} calls it their little secret with {m}"]}


@pytest.mark.parametrize("text", [t.format(d=d, m=m) for lang in ("nl", "en")
                                  for t, d, m in itertools.product(GROOMING[lang], KIND_DOERS[lang], MINORS[lang])])
def test_gifts_and_secrets_with_a_child_are_grooming(situ, text):
    assert "sexual-abuse" in topics(situ(text)), text


@pytest.mark.parametrize("text", ["mijn collega geeft me soms snoep", "my colleague gives me sweets and gifts",
                                  "ik heb schulden en moet slapen", "I owe my brother money and cannot sleep"])
def test_gifts_or_debts_alone_are_no_harm(situ, text):
    assert not SEXUAL & set(topics(situ(text))), text


ADULT_VICTIMS = {"nl": ["een vrouw van 30", "mijn collega"], "en": ["a woman of 30", "my colleague"]}
OTHER_WORDS = {
    "nl": ["{d} drong zich op aan {v}", "{d} liet {v} dingen doen die ze niet wilde", "{d} betastte {v}",
           "{d} dwong {v} om zich uit te kleden", "{d} zegt dat {v} haar schulden kan afbetalen met gunsten in bed"],
    "en": ["{d} forced himself on {v}", "{d} made {v} do things she did not want", "{d} groped {v}",
           "{d} got {v} drunk and had oral sex with her", "{d} lets {v} pay off the debt with sexual favours"]}
DOERS_ADULT = {"nl": ["haar baas", "een man"], "en": ["her boss", "a man"]}


@pytest.mark.parametrize("text", [t.format(d=d, v=v) for lang in ("nl", "en") for t, d, v in
                                  itertools.product(OTHER_WORDS[lang], DOERS_ADULT[lang], ADULT_VICTIMS[lang])])
def test_sexual_violence_in_other_words(situ, text):
    assert "sexual-violence" in topics(situ(text)), text


CHILD_OTHER_WORDS = {
    "nl": ["{d} komt 's nachts in het bed van {m}", "{d} zat met zijn handen onder de trui van {m}",
           "{d} toonde {m} pornofilmpjes", "{d} heeft pijn gedaan aan het poepeke van {m}"],
    "en": ["{d} comes into the room of {m} at night", "{d} put his hands under the shirt of {m}",
           "{d} showed {m} porn on his phone", "{d} took {m} to his room and made her do things"]}


@pytest.mark.parametrize("text", [t.format(d=d, m=m) for lang in ("nl", "en") for t, d, m in
                                  itertools.product(CHILD_OTHER_WORDS[lang], KIND_DOERS[lang], MINORS[lang])])
def test_a_sexual_act_on_a_child_in_other_words(situ, text):
    found = topics(situ(text))
    assert SEXUAL & set(found) or "transgressive-behaviour" in found, text


CONTACT = {"nl": ["{d} stuurt {m} al weken privéberichtjes", "{d} stuurt elke avond berichtjes naar {m}"],
           "en": ["{d} keeps texting {m} late at night", "{d} has been messaging {m} every evening"]}


@pytest.mark.parametrize("text", [t.format(d=d, m=m) for lang, d in (("nl", "de trainer"), ("en", "the coach"))
                                  for t, m in itertools.product(CONTACT[lang], MINORS[lang])])
def test_an_adult_keeping_contact_with_a_child_is_grooming(situ, text):
    assert "sexual-abuse" in topics(situ(text)), text


@pytest.mark.parametrize("text", ["a girl of 13 went to meet a man she had been chatting with",
                                  "een meisje van 14 is weg met een man waarmee zij chatte",
                                  "an adult member keeps texting a girl of 13"])
def test_a_child_who_chatted_with_an_adult_is_no_adult_keeping_contact(situ, text):
    """The child is the subject of the contact, or the adult is in no position of trust: not read as grooming."""
    assert "sexual-abuse" not in topics(situ(text)), text


NON_SEXUAL_OTHER = {
    "nl": [("{d} schudde {m} hard door elkaar", "violence"), ("{d} laat {m} urenlang alleen buiten zonder jas",
                                                              "child-abuse"),
           ("{d} heeft {m} buitengesloten", "violence"), ("{d} bracht {m} binnen met een botbreuk", "violence")],
    "en": [("{d} grabbed {m} by the throat", "violence"), ("{d} left {m} alone in the car", "child-abuse"),
           ("{d} locked {m} in the cellar", "violence"), ("{d} called {m} a slut", "harassment")]}


@pytest.mark.parametrize("text,topic", [(t.format(d=d, m=m), k) for lang in ("nl", "en") for (t, k), d, m in
                                        itertools.product(NON_SEXUAL_OTHER[lang], KIND_DOERS[lang], MINORS[lang])])
def test_physical_harm_and_neglect_in_other_words_are_not_sexual(situ, text, topic):
    found = topics(situ(text))
    wanted = {topic, "child-abuse"} if topic == "violence" else {topic}
    assert wanted & set(found) and not SEXUAL & set(found), text


@pytest.mark.parametrize("text", ["someone outed me to the whole team", "een klasgenoot heeft me geout"])
def test_being_outed_is_discrimination(situ, text):
    found = topics(situ(text))
    assert "discrimination" in found and not SEXUAL & set(found), text


# ---------------------------------------------------------------- round 8: sex told as plain sex
ADULTS = {"nl": ["een man van 30", "haar trainer van 41"], "en": ["a man of 30", "her coach, aged 41,"]}
MINORS = {"nl": ["een meisje van 14", "mijn dochter van 15"], "en": ["a girl of 14", "my daughter (15)"]}
SEX = {"nl": ["{a} heeft seks gehad met {b}", "{a} heeft seks met {b}", "{a} slaapt met {b}"],
       "en": ["{a} had sex with {b}", "{a} has sex with {b}", "{a} slept with {b}"]}


@pytest.mark.parametrize("text", [x.format(a=a, b=b) for lang in ("nl", "en")
                                  for x, (a, b) in itertools.product(SEX[lang], [
                                      *itertools.product(ADULTS[lang], MINORS[lang]),
                                      *itertools.product(MINORS[lang], ADULTS[lang])])])
def test_sex_of_a_minor_with_an_adult_is_abuse_whoever_is_named_first(situ, text):
    assert "sexual-abuse" in topics(situ(text)), text


@pytest.mark.parametrize("text", [x.format(a=a, b=b) for lang in ("nl", "en") for x, a, b in itertools.product(
    SEX[lang], ADULTS[lang], {"nl": ["mijn vriendin", "een collega van 35"], "en": ["my girlfriend",
                                                                                  "a colleague of 35"]}[lang])])
def test_sex_between_adults_is_no_harm_by_itself(situ, text):
    assert not {"sexual-violence", "sexual-abuse"} & set(topics(situ(text))), text


# ---------------------------------------------------------------- round 8: sexual violence in other words
OTHER_WORDS = {"nl": ["{d} wilde niet stoppen toen zij nee zei", "{d} stopte niet toen ik nee zei",
                      "{d} schuurde zich tegen haar aan op de tram", "{d} deed iets in haar drank",
                      "{d} raakt haar ongepast aan", "{d} zat aan haar op een manier die ongepast was"],
               "en": ["{d} wouldn't stop when I told him no", "{d} didn't stop when I said no",
                      "{d} rubbed himself against her on the bus", "{d} put something in her drink",
                      "{d} touched her inappropriately", "{d} touches her in the wrong places"]}


@pytest.mark.parametrize("text,violent", [
    *((x.format(d=d), True) for lang in ("nl", "en") for x, d in itertools.product(OTHER_WORDS[lang], DOERS[lang])),
    # (stopping at a no is none)
    *((f"{d} stopped when I told him no", False) for d in DOERS["en"]),
    *((f"{d} stopte toen ze nee zei", False) for d in DOERS["nl"])])
def test_sexual_violence_told_without_its_name(situ, text, violent):
    assert bool({"sexual-violence", "sexual-abuse"} & set(topics(situ(text)))) == violent, text


UNWANTED_THINGS = {"nl": ["{d} liet {v} dingen doen die zij niet wilde",
                           "{v} moet van {d} dingen doen die hij nie wil"],
                   "en": ["{d} made {v} do things she did not want", "{d} makes {v} do stuff she doesnt want"]}
YOUNG = {"nl": ["een meisje van 9", "mijn nichtje van 8"], "en": ["a girl of 9", "my niece (8)"]}


@pytest.mark.parametrize("text", [x.format(d=d, v=v) for lang in ("nl", "en") for x, d, v in itertools.product(
    UNWANTED_THINGS[lang], DOERS[lang], YOUNG[lang])])
def test_unwanted_things_in_any_form_are_abuse_of_a_child(situ, text):
    assert "sexual-abuse" in topics(situ(text)), text


# ---------------------------------------------------------------- round 8: the bottom, love bites, shared beds
BOTTOM = {"nl": ["{d} zit steeds aan mijn billen op het werk", "{d} knijpt al weken in mijn kont"],
          "en": ["{d} keeps touching my bum at work", "{d} has been grabbing my butt for weeks"]}
BOSS = {"nl": ["mijn baas", "een collega"], "en": ["my boss", "a colleague"]}


@pytest.mark.parametrize("text", [x.format(d=d) for lang in ("nl", "en")
                                  for x, d in itertools.product(BOTTOM[lang], BOSS[lang])])
def test_the_bottom_of_an_adult_touched_again_and_again_is_harassment_not_rape(situ, text):
    found = topics(situ(text))
    assert "harassment" in found and "sexual-violence" not in found, text


@pytest.mark.parametrize("text", [f"{who} {x}" for who, x in itertools.product(
    ("ons zoontje van 5", "a boy of 7", "mijn dochtertje (4)"),
    ("kwam thuis met zuigzoenen in de nek", "has love bites on his neck"))])
def test_love_bites_are_a_mark_of_sex_not_of_blows(situ, text):
    found = topics(situ(text))
    assert "sexual-abuse" in found and "violence" not in found, text


@pytest.mark.parametrize("text", [x.format(d=d, v=v) for (x, d), v in itertools.product(
    (("{d} deelde het bed met {v} op kamp", "een leider van 20"), ("{d} shared a bed with {v} on the trip", "a leader"),
     ("{d} slept in the same bed as {v}", "her uncle")), ("een meisje van 12", "a boy of 11"))])
def test_sharing_a_bed_with_a_child_is_abuse(situ, text):
    assert "sexual-abuse" in topics(situ(text)), text


# ---------------------------------------------------------------- round 8: images, words called, a refusal, thoughts
@pytest.mark.parametrize("text", [x.format(d=d) for lang in ("nl", "en") for x, d in itertools.product(
    {"nl": ["{d} filmde haar stiekem in de kleedkamer", "{d} nam foto's van haar zonder haar medeweten"],
     "en": ["{d} secretly filmed her in the changing room", "{d} sent her a dick pic"]}[lang], DOERS[lang])])
def test_images_made_secretly_or_sent_unasked_are_image_abuse(situ, text):
    assert "image-abuse" in topics(situ(text)), text


@pytest.mark.parametrize("text", [x.format(who=who) for lang in ("nl", "en") for x, who in itertools.product(
    {"nl": ["{who} roepen vieze dingen naar mij op straat", "{who} fluiten me elke dag na"],
     "en": ["{who} shout dirty things at me in the street", "{who} yell sexual comments after me"]}[lang],
    {"nl": ["een paar mannen", "jongens"], "en": ["some men", "a group of guys"]}[lang])])
def test_words_called_after_someone_are_harassment_not_violence(situ, text):
    found = topics(situ(text))
    assert "harassment" in found and not {"sexual-violence", "sexual-abuse"} & set(found), text


@pytest.mark.parametrize("text", [x.format(g=g) for x, g in itertools.product(
    ("ik werd geweigerd aan de deur omdat ik {g} ben", "they refused me at the door because I am {g}",
     "we were turned away at the club since my friend is {g}"), ("trans", "gay", "moslim", "black"))])
def test_refused_for_who_one_is_is_discrimination(situ, text):
    assert "discrimination" in topics(situ(text)), text


@pytest.mark.parametrize("text", [x.format(k=k) for x, k in itertools.product(
    ("ik denk op een seksuele manier aan {k}", "I think about {k} in a sexual way", "I have sexual thoughts about {k}"),
    ("kinderen", "kids", "children"))])
def test_sexual_thoughts_about_children_are_paedophilic_feelings(situ, text):
    assert "paedophilic-feelings" in topics(situ(text)), text


@pytest.mark.parametrize("text", [x.format(a=a, c=c) for lang in ("nl", "en") for x, a, c in itertools.product(
    {"nl": ["{a} vraagt {c} om foto's in haar ondergoed", "{a} vraagt {c} steeds om foto's"],
     "en": ["{a} keeps asking {c} for pics", "{a} asked {c} for photos in her underwear"]}[lang],
    {"nl": ["een man van 25", "haar trainer"], "en": ["a man of 25", "her coach"]}[lang],
    {"nl": ["een meisje van 13", "mijn dochter van 12"], "en": ["a girl of 13", "my daughter (12)"]}[lang])])
def test_images_asked_of_a_child_by_an_adult_are_abuse(situ, text):
    assert "sexual-abuse" in topics(situ(text)), text


@pytest.mark.parametrize("text,stalked", [
    *((x.format(d=d), True) for lang in ("nl", "en") for x, d in itertools.product(
        {"nl": ["{d} liep tot aan school achter mij", "{d} reed achter haar tot aan haar huis"],
         "en": ["{d} walked behind me all the way home", "{d} drove behind her to her house"]}[lang], DOERS[lang])),
    # (walking with someone, following a course: no harm)
    *((x, False) for x in ("we walked home together after the party", "we liepen samen naar huis",
                           "ik volg een opleiding", "she follows a course at night school"))])
def test_walking_after_someone_is_stalking(situ, text, stalked):
    assert ("harassment" in topics(situ(text))) == stalked, text


# ---------------------------------------------------------------- round 8: incest, a threat to post, a child kept away
@pytest.mark.parametrize("text", [f"{x} {y}" for x, y in itertools.product(
    ("incest in onze familie:", "there was incest in our family:", "ik ben slachtoffer van incest,"),
    ("mijn broer", "my uncle did it for years", "ik ben nu 40"))])
def test_incest_is_a_word_of_its_own_and_abuse(situ, text):
    assert "sexual-abuse" in topics(situ(text)), text


@pytest.mark.parametrize("text", [x.format(d=d, n=n) for lang in ("nl", "en") for x, d, n in itertools.product(
    {"nl": ["{d} dreigt mijn filmpje online te zetten tenzij ik {n} euro betaal",
            "{d} zegt dat hij mijn foto's deelt als ik niet betaal, ik ben 34"],
     "en": ["{d} says he will post my video online unless I pay {n} euro",
            "{d} threatens to share my pictures unless I pay, I am 34"]}[lang], DOERS[lang], ("300", "1000"))])
def test_a_threat_to_show_ones_images_unless_paid_is_sextortion(situ, text):
    assert "image-abuse" in topics(situ(text)), text


@pytest.mark.parametrize("text", [x.format(c=c) for lang in ("nl", "en") for x, c in itertools.product(
    {"nl": ["mijn ex heeft {c} meegenomen en brengt hem niet terug", "zijn vader nam {c} mee naar het buitenland"],
     "en": ["my ex took {c} abroad and won't bring him back", "her father took {c} abroad last week"]}[lang],
    {"nl": ["onze zoon", "ons kind van 4"], "en": ["our son", "our child (4)"]}[lang])])
def test_a_child_taken_away_and_kept_is_a_crisis(situ, text):
    assert "crisis" in topics(situ(text)), text


@pytest.mark.parametrize("text", [x.format(d=d) for lang in ("nl", "en") for x, d in itertools.product(
    {"nl": ["{d} pakte haar borsten vast", "{d} kneep in haar kruis"],
     "en": ["{d} grabbed her breasts", "{d} grabs her crotch"]}[lang], DOERS_ADULT[lang])])
def test_a_grab_of_the_intimate_body_is_sexual_violence(situ, text):
    assert "sexual-violence" in topics(situ(text)), text


# ---------------------------------------------------------------- who did it, of a class read from words together
# (the class's `acts` are its verb, read by voice and clause; who says no or did not want it bears it: `bearers`)
def _roles(s: Situation) -> dict[str, str]:
    return {p.words: p.role for p in s.people if p.role}


DOERS = {"nl": [("mijn oom", "oom"), ("de buurman", "buurman"), ("haar stiefvader", "stiefvader")],
         "en": [("my uncle", "uncle"), ("the neighbour", "neighbour"), ("her stepfather", "stepfather")]}
DONE_TO = {"nl": [("mijn nichtje", "nichtje"), ("onze dochter", "dochter")],
           "en": [("my cousin", "cousin"), ("our daughter", "daughter")]}
TOGETHER_ACTS = {"nl": ["{d} ging gewoon door toen {v} nee zei", "{d} stopte niet toen {v} stop zei",
                        "{d} toonde {v} pornofilmpjes", "{d} liet {v} dingen doen die ze echt niet wou"],
                 "en": ["{d} kept going after {v} said no", "{d} did not stop when {v} said stop",
                        "{d} showed {v} porn videos", "{d} made {v} do stuff she did not want"]}


@pytest.mark.parametrize("text,doer,done_to", [
    (t.format(d=d, v=v), dw, vw) for lang in ("nl", "en") for t in TOGETHER_ACTS[lang]
    for (d, dw), (v, vw) in itertools.product(DOERS[lang], DONE_TO[lang])])
def test_an_act_read_from_words_together_has_who_did_it_and_to_whom(situ, text, doer, done_to):
    s = situ(text)
    assert _roles(s) == {doer: "perpetrator", done_to: "victim"}, text
    assert not {"perpetrator", "victim"} & set(s.assumed), text  # read from the act, not assumed from relations


@pytest.mark.parametrize("text", [
    f"{d} {t} toen ik nee zei" for d in ("mijn ex", "een jongen van het feest")
    for t in ("ging door", "stopte niet")] + [
    f"{d} {t} after i said no" for d in ("my ex", "a guy from the party") for t in ("kept going", "carried on")])
def test_the_asker_who_said_no_bears_it(situ, text):
    s = situ(text)
    roles = {p.relation: p.role for p in s.people}
    assert roles.get("self") == "victim" and "perpetrator" in roles.values(), text
    assert s.asker != "perpetrator", text


@pytest.mark.parametrize("text", [
    f"ik ben 14 en {when} roept {d} dingen naar mij" for when in ("elke dag", "op weg naar school")
    for d in ("een oudere jongen", "de buurman")] + [
    f"im 14 and {d} {v} things at me {when}" for when in ("every day", "on my way to school")
    for d, v in (("an older boy", "shouts"), ("the neighbour", "yells"))])
def test_one_called_after_is_the_one_it_is_done_to(situ, text):
    s = situ(text)
    roles = {p.relation: p.role for p in s.people}
    assert roles.get("self") == "victim" and "perpetrator" in roles.values(), text
    assert "perpetrator" not in s.assumed, text  # read from the act, not assumed from relations


# (the Dutch present, "downloadt", was read so before: the English past is a participle to the reader)
@pytest.mark.parametrize("text,doer", [
    (f"{d} downloaded nude {what} of children", w)
    for d, w in (("my colleague", "colleague"), ("her brother", "brother")) for what in ("pictures", "videos")])
def test_who_downloads_abuse_material_did_it(situ, text, doer):
    s = situ(text)
    assert _roles(s).get(doer) == "perpetrator", text
    assert "perpetrator" not in s.assumed, text


@pytest.mark.parametrize("text", [
    f"{d} roept {often} dingen naar mij, {day} is hij tot aan mijn deur achter mij gelopen"
    for d in ("een man", "de buurman") for often in ("elke avond", "al weken") for day in ("gisteren", "eergisteren")])
def test_walking_after_someone_on_a_day_of_late_is_its_act_and_acute(situ, text):
    # calling after someone is an act of its own now: the day of the walking after is that act's day too
    assert situ(text).urgency == "acute", text
