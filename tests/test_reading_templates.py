"""Generated sentences, one mechanism each: persons × acts × voice × time × language, in our own words."""

from __future__ import annotations

import itertools

import pytest

from refertool.reading.model import Situation
from refertool.reading.read import read
from refertool.text import fold


@pytest.fixture(scope="module")
def situ(catalog):
    def run(text: str) -> Situation:
        return read(text, catalog.vocabulary, catalog.regions, catalog.index.word_set.__contains__)
    return run


# ---------------------------------------------------------------- a time clause put first
# "toen ik 9 was, ..." / "when I was 9 ...": its "was" is no passive of the clause that follows.
DOERS = {"nl": ["mijn oom", "de trainer", "een buurman", "mijn stiefvader"],
         "en": ["my uncle", "the coach", "a neighbour", "my stepfather"]}
ACTS_NL = ["heeft {who} mij misbruikt", "heeft {who} mij betast", "sloeg {who} mij"]
ACTS_EN = ["{who} abused me", "{who} touched me", "{who} hit me"]
WHEN = {"nl": ["toen ik {n} was", "toen ik {n} jaar oud was", "toen ik {n} jaar was"],
        "en": ["when i was {n}", "when i was {n} years old", "when I was {n}"]}


def _fronted():
    for lang, acts in (("nl", ACTS_NL), ("en", ACTS_EN)):
        for who, act, when, n in itertools.product(DOERS[lang], acts, WHEN[lang], (7, 11)):
            yield f"{when.format(n=n)} {act.format(who=who)}", who.split()[-1], n


@pytest.mark.parametrize("text,doer,age", list(_fronted()))
def test_a_time_clause_put_first_keeps_who_did_it(situ, text, doer, age):
    s = situ(text)
    assert s.perpetrator() is not None and s.perpetrator().words.endswith(doer), text
    me = s.victim()
    assert me is not None and me.relation == "self" and me.age_then == age and me.age_group == "minor", text
    assert s.asker == "victim"


# ---------------------------------------------------------------- extortion with images, of anyone
EXTORTERS = {"nl": ["een onbekende", "iemand", "een man", "een vrouw"],
             "en": ["a stranger", "someone", "a man", "a woman"]}
EXTORTS = {"nl": ["{who} chanteert me", "{who} perst me af", "{who} heeft me gechanteerd"],
           "en": ["{who} blackmails me", "{who} is blackmailing me", "{who} tries to extort me"]}


@pytest.mark.parametrize("text", [act.format(who=who) for lang in ("nl", "en") for who, act in
                                  itertools.product(EXTORTERS[lang], EXTORTS[lang])])
def test_extortion_is_done_to_the_asker_and_is_about_images(situ, text):
    s = situ(text)
    assert s.asker == "victim", text
    assert s.perpetrator() is not None and s.perpetrator().relation != "self", text
    assert "image-abuse" in (*s.topics, *s.implied), text


# "taped our video call", "deelde onze foto's": done to a thing of the asker's, the asker is the one it is done to
@pytest.mark.parametrize("text", [f"{who} {act} {own} {thing}" for who, act, own, thing in itertools.product(
    ["a woman", "a man I met online"], ["recorded", "filmed"], ["our", "my"], ["video call", "chat"])])
def test_an_act_on_the_askers_own_things_makes_the_asker_the_victim(situ, text):
    s = situ(text)
    assert s.asker == "victim", text
    assert s.perpetrator() is not None, text  # a past tense with an object, not a participle


# ---------------------------------------------------------------- neglect: a child left alone, without food
CHILDREN = {"nl": ["de kinderen van de buren", "mijn kleinzoon", "een kleuter uit mijn klas"],
            "en": ["the kids next door", "my grandson", "a toddler in my class"]}
NEGLECT = {"nl": ["{who} wordt vaak alleen gelaten", "{who} krijgt thuis geen eten", "{who} heeft altijd honger"],
           "en": ["{who} is often left alone", "{who} gets no food at home", "{who} is always hungry"]}


@pytest.mark.parametrize("text", [act.format(who=who) for lang in ("nl", "en") for who, act in
                                  itertools.product(CHILDREN[lang], NEGLECT[lang])])
def test_neglect_of_a_child_is_child_abuse_and_not_sexual(situ, text):
    s = situ(text)
    found = {*s.topics, *s.implied}
    assert "child-abuse" in found, text
    assert not found & {"sexual-violence", "sexual-abuse"}, text


# ---------------------------------------------------------------- Dutch object before its verb
@pytest.mark.parametrize("doer,child,n", list(itertools.product(["de trainer", "een leider", "haar leraar"],
                                                           ["een meisje", "mijn zoon"], (11, 13))))
def test_asking_for_photos_object_first_is_online_contact(situ, doer, child, n):
    s = situ(f"{doer} heeft foto's gevraagd aan {child} van {n}")
    assert s.perpetrator() is not None and s.perpetrator().words == doer.split()[-1]
    assert s.victim() is not None and s.victim().age == n
    assert "online" in (*s.topics, *s.implied)


# ---------------------------------------------------------------- light verbs done to a minor
LIGHT = {"nl": ["ik heb iets gedaan bij {who}", "ik ben {me} en ik heb dingen gedaan bij {who}"],
         "en": ["I did something to {who}", "I'm {me} and I have done things to {who}"]}
MINORS = {"nl": ["mijn nichtje van 6", "een kleuter", "een jongen van 9"],
          "en": ["my niece of 6", "a toddler", "a little boy"]}


@pytest.mark.parametrize("act,who,me", [x for lang in ("nl", "en") for x in
                                        itertools.product(LIGHT[lang], MINORS[lang], (16, 35))])
def test_a_light_verb_done_to_a_minor_is_abuse_by_the_asker(situ, act, who, me):
    text = act.format(who=who, me=me)
    s = situ(text)
    assert s.asker == "perpetrator", text
    assert s.victim() is not None and s.victim().age_group == "minor", text
    if "{me}" in act:  # the asker's own age tells their age group
        assert s.perpetrator().age_group == ("minor" if me < 18 else "adult"), text
    assert "sexual-abuse" in (*s.topics, *s.implied), text


@pytest.mark.parametrize("text", ["we willen iets doen bij de jeugdbeweging voor kinderen",
                                  "ik heb iets gedaan bij mijn broer van 30", "I did something to my car"])
def test_a_light_verb_without_a_minor_right_after_it_is_no_act(situ, text):
    s = situ(text)
    assert not {"sexual-abuse", "sexual-violence"} & {*s.topics, *s.implied}, text


# ---------------------------------------------------------------- the asker's job, said without "als"
JOBS = [("im a childcare worker", "care-worker"), ("I'm a social worker", "care-worker"),
        ("I teach", "teacher"), ("ik geef les", "teacher"), ("ik ben een maatschappelijk assistente", "care-worker")]
STORIES = {"a pupil says her father hits her", "een kind van 7 vertelt dat een leider haar betast"}


@pytest.mark.parametrize("job,role,story", [(j, r, s) for (j, r), s in itertools.product(JOBS, sorted(STORIES))])
def test_the_askers_job_read_without_a_marker(situ, job, role, story):
    s = situ(f"{job} and {story}" if job[0].isupper() or job.startswith("im") else f"{job} en {story}")
    assert s.asker_role == role and s.asker == "professional", (job, story)


# ---------------------------------------------------------------- feelings for children said as "young girls"
@pytest.mark.parametrize("text", [f"{me} {feel} {who}" for me, feel, who in itertools.product(
    ["I", "ik"], ["have feelings for", "heb gevoelens voor"], ["young girls", "little boys", "jonge meisjes"])])
def test_feelings_for_young_girls_or_boys_are_for_children(situ, text):
    s = situ(text)
    assert s.asker == "perpetrator", text
    assert "paedophilic-feelings" in (*s.topics, *s.implied), text


# ---------------------------------------------------------------- the perfect passive, and periods that go on
@pytest.mark.parametrize("who,act,by", list(itertools.product(
    ["my son", "she", "my friend"], ["bullied", "touched", "hit"], ["", " by a classmate"])))
def test_has_been_done_is_passive(situ, who, act, by):
    s = situ(f"{who} has been {act}{by}")
    assert s.victim() is not None and s.victim().words == who.split()[-1]
    if by:
        assert s.perpetrator() is not None and s.perpetrator().words == "classmate"


@pytest.mark.parametrize("text", [f"{who} {act} {period}" for who, act, period in itertools.product(
    ["mijn zoon wordt", "een leerling wordt"], ["gepest", "uitgescholden"],
    ["al het hele schooljaar", "heel het jaar", "meerdere keren"])] + [
    f"{who} {period}" for who, period in itertools.product(
        ["a coach touched my daughter", "my son was bullied"], ["several times", "all year", "the whole school year"])])
def test_a_period_that_goes_on_is_recent(situ, text):
    s = situ(text)
    assert s.ongoing and s.urgency == "recent", text


# ---------------------------------------------------------------- everyday words for a man or a person
@pytest.mark.parametrize("who,act", list(itertools.product(["een gast", "ne kerel", "een vent", "a guy", "some dude"],
                                                           ["slaat mij", "betastte me", "groped me"])))
def test_everyday_person_words_are_persons(situ, who, act):
    s = situ(f"{who} {act}")
    assert s.perpetrator() is not None and s.perpetrator().words == who.split()[-1]
    assert s.asker == "victim"


# ---------------------------------------------------------------- a time after a preposition opens no clause
# "sinds de zomer", "since the summer" is a time, not a clause of its own: the act joined on after it ("... en aan
# haar zit", "... and touches her") is still of the one named before the time.
TELLERS = {"nl": ["mijn leerling vertelde me", "een bewoonster zegt", "onze dochter vertelde"],
           "en": ["my pupil told me", "a resident says", "our daughter told us"]}
LATER_DOERS = {"nl": ["haar stiefvader", "haar oom", "een begeleider"],
               "en": ["her stepfather", "her uncle", "a carer"]}
SINCE = {"nl": ["sinds de zomer", "sinds september", "sinds 2023"],
         "en": ["since the summer", "since september", "since 2023"]}
JOINED = {"nl": "dat {d} {s} elke avond langskomt en aan haar zit",
          "en": "that {s} {d} comes round every evening and touches her"}


def _since():
    for lang in ("nl", "en"):
        for teller, doer, since in itertools.product(TELLERS[lang], LATER_DOERS[lang], SINCE[lang]):
            yield f"{teller} {JOINED[lang].format(d=doer, s=since)}", doer.split()[-1]


@pytest.mark.parametrize("text,doer", list(_since()))
def test_a_time_after_since_keeps_the_doer_of_the_joined_act(situ, text, doer):
    s = situ(text)
    assert s.perpetrator() is not None and s.perpetrator().words.split()[-1] == doer, (text, s.people)
    assert s.victim() is not None and s.victim().words.split()[-1] == text.split()[1], (text, s.people)


# ---------------------------------------------------------------- made to do it: "moest", "had to"
# The subject who must do the act ("ze moest seks hebben met ...", "she had to touch him") is the one it is done to,
# and the other named in the clause the one who made them.
MADE = {"nl": ["{v} moest seks hebben met {d}", "{v} moest {d} aanraken", "{v} moet elke week seks hebben met {d}"],
        "en": ["{v} had to have sex with {d}", "{v} had to touch {d}", "{v} has to have sex with {d} every week"]}
MADE_VICTIMS = {"nl": ["een meisje van 15", "mijn cliënte", "een bewoonster"],
                "en": ["a girl of 15", "my client", "a resident"]}
MADE_DOERS = {"nl": ["een man", "haar huisbaas", "de trainer"], "en": ["a man", "her landlord", "the coach"]}


@pytest.mark.parametrize("text,victim,doer", [
    (m.format(v=v, d=d), v, d) for lang in ("nl", "en")
    for m, v, d in itertools.product(MADE[lang], MADE_VICTIMS[lang], MADE_DOERS[lang])])
def test_the_one_made_to_do_it_is_the_one_it_is_done_to(situ, text, victim, doer):
    s = situ(text)
    assert s.victim() is not None and s.victim().words in fold(victim), (text, s.people)
    assert s.perpetrator() is not None and s.perpetrator().words.split()[-1] == doer.split()[-1], (text, s.people)


# ---------------------------------------------------------------- words as spoken: "da", "ni"
# Flemish "da" is "dat" (it opens the clause of what is told: the caller is no party), "ni", "nie" are "niet".
CALLERS = ["een mama belde", "de vader van een speler zei", "een buurvrouw meldde"]
CALLED_DOERS = ["de jeugdtrainer", "een leider", "de buurman"]


@pytest.mark.parametrize("text,doer", [(f"{c} {that} {d} haar zoon van 11 heeft betast", d.split()[-1])
                                       for c, d, that in itertools.product(CALLERS, CALLED_DOERS, ("da", "dat"))])
def test_spoken_da_opens_the_told_clause(situ, text, doer):
    s = situ(text)
    assert s.perpetrator() is not None and s.perpetrator().words == doer, (text, s.people)
    assert s.victim() is not None and s.victim().age == 11, (text, s.people)


@pytest.mark.parametrize("text", [f"mijn {who} ({n}) heeft een lief van 25 en moet van hem dingen doen terwijl ze dat "
                                  f"{neg} wil"
                                  for who, n, neg in itertools.product(["zus", "nicht", "buurmeisje"], (14, 16),
                                                                       ("ni", "nie", "niet"))])
def test_spoken_ni_negates(situ, text):
    s = situ(text)
    assert s.victim() is not None and s.victim().age_group == "minor", (text, s.people)
    assert s.perpetrator() is not None and s.perpetrator().age == 25, (text, s.people)
