"""Who is who, generated: persons × links × askers × ages × language, in our own words.

Each block tests one mechanism of reading/persons.py and reading/read.py on many combinations; each fails
when its mechanism is switched off (the roles assumed from the relations, the asker's role heading the text,
the asker as the one it is done to, a place of children, the age now, a parent only for their own child).
"""

from __future__ import annotations

import itertools
import json

import pytest
from typer.testing import CliRunner

from refertool import cli as cli_module
from refertool.commands import plan as plan_command
from refertool.reading.model import Situation
from refertool.reading.read import read


@pytest.fixture(scope="module")
def situ(catalog):
    def run(text: str) -> Situation:
        return read(text, catalog.vocabulary, catalog.regions, catalog.index.word_set.__contains__)
    return run


# ---------------------------------------------------------------- roles from the relations
# A child and an adult in a position of trust over them, linked by words no act list holds: the child is
# taken to bear it, the adult to have done it, both marked as assumed.
BEARERS = {"nl": ["een meisje van {n}", "mijn nichtje van {n}", "een leerling van {n}", "een turnster van {n}",
                  "onze pleegdochter van {n}"],
           "en": ["a girl of {n}", "my niece, {n},", "a pupil of {n}", "a gymnast aged {n}",
                  "our foster daughter ({n})"]}
TRUSTED = {"nl": [("haar trainer", "trainer"), ("de leraar", "leraar"), ("haar pleegvader", "pleegvader"),
                  ("een buurman", "buurman"), ("de monitor van het kamp", "monitor")],
           "en": [("her coach", "coach"), ("the teacher", "teacher"), ("her stepfather", "stepfather"),
                  ("a neighbour", "neighbour"), ("the camp leader", "leader")]}
LINKS = {"nl": ["{b} zegt dat {t} 's avonds bij haar op de kamer komt",
                "{b} wil niet meer naar huis sinds {t} bij haar wacht"],
         "en": ["{b} says {t} comes to her room in the evening",
                "{b} no longer wants to go home since {t} waits for her"]}


def _pairs():
    for lang in ("nl", "en"):
        for b, (t, head), link, n in itertools.product(BEARERS[lang], TRUSTED[lang], LINKS[lang], (9, 14)):
            yield link.format(b=b.format(n=n), t=t), head, n


@pytest.mark.parametrize("text,doer,age", list(_pairs()))
def test_a_child_and_an_adult_of_trust_are_victim_and_doer_as_assumed(situ, text, doer, age):
    s = situ(text)
    victim, perpetrator = s.victim(), s.perpetrator()
    assert victim is not None and victim.age == age and victim.age_group == "minor", text
    assert perpetrator is not None and perpetrator.words.split()[-1] == doer, text
    assert "victim" in s.assumed and "perpetrator" in s.assumed, text


# The one of the asker's own who worries is no doer; nor is a noun said of the child ("wil leider worden").
@pytest.mark.parametrize("text", [
    "mijn buurvrouw maakt zich zorgen over de kinderen van haar zus",
    "mijn zoon van 14 wil leider worden bij de scouts",
])
def test_no_roles_without_harm_or_a_person_of_trust(situ, text):
    s = situ(text)
    assert s.perpetrator() is None and s.victim() is None, text


# A third person of no standing in the child's sentence is a party too: the pair alone says nothing then.
NO_PAIR = [("een leerling van {n} vertelt dat", "haar broer haar moeder elke avond opwacht"),
           ("a pupil of {n} told me that", "her brother waits for her mother every night")]


@pytest.mark.parametrize("text", [f"{b.format(n=n)} {link}" for b, link in NO_PAIR for n in (9, 13, 16)])
def test_a_child_and_a_parent_with_another_party_are_no_pair(situ, text):
    s = situ(text)
    assert s.victim() is None and s.perpetrator() is None, text


# Harm named, roles not: a resident, a pupil, a participant bears it; the carer, the teacher did it.
HARMED = {"nl": ["een bewoner van {n} heeft een bruise op de arm, de {t} was die nacht alleen bij hem",
                 "een leerling van {n} heeft een bruise en zegt dat de {t} dat deed"],
          "en": ["a resident aged {n} has a bruise on the arm, the {t} was alone with him that night",
                 "a participant of {n} has a bruise and the {t} was there"]}
STAFF = {"nl": ["verpleger", "opvoeder", "leraar", "begeleider"], "en": ["nurse", "carer", "teacher", "leader"]}


@pytest.mark.parametrize("text,doer,age", [
    (h.format(n=n, t=t), t, n) for lang in ("nl", "en")
    for h, t, n in itertools.product(HARMED[lang], STAFF[lang], (12, 34))])
def test_harm_named_the_dependent_bears_it(situ, text, doer, age):
    s = situ(text)
    assert s.victim() is not None and s.victim().age == age, text
    assert s.perpetrator() is not None and s.perpetrator().words == doer, text


# ---------------------------------------------------------------- the asker's job heads the text
HEADS = {"nl": ["Inspecteur bij de politie van {town}.", "Schoolverpleegkundige.", "Huisarts:", "Jeugdconsulent:",
                "dringend: aanspreekpersoon van de turnclub.", "ben zorgcoördinator in {town}."],
         "en": ["Police officer, {town}.", "School nurse.", "GP:", "Youth care worker from {town} here:",
                "I am psychologist in {town}.", "urgent: integrity officer of a judo club."]}
STORIES = {"nl": ["een meisje van 15 werd gisteren aangerand.", "een jongen van 12 zegt dat zijn oom hem slaat."],
           "en": ["a girl of 15 was assaulted yesterday.", "a boy of 12 says his uncle hits him."]}


@pytest.mark.parametrize("text", [f"{h.format(town=town)} {story}" for lang in ("nl", "en")
                                  for h, story, town in itertools.product(HEADS[lang], STORIES[lang],
                                                                          ("Gent", "Hasselt"))])
def test_a_role_heading_the_text_is_the_asker(situ, text):
    s = situ(text)
    assert s.asker == "professional", text
    assert s.victim() is not None and s.victim().relation != "self", text


# ... but a person of the story at the start is not ("De zwemtrainer van ...", "Trainer stuurt ...").
@pytest.mark.parametrize("text", ["De trainer van mijn dochter (12) stuurt haar elke avond berichtjes",
                                  "Trainer stuurt mijn dochter van 11 berichten", "The coach of my son (10) hits him"])
def test_a_person_of_the_story_at_the_start_is_no_asker(situ, text):
    assert situ(text).asker == "parent", text


# ---------------------------------------------------------------- the asker as the one it is done to
OTHERS = {"nl": ["mijn ex", "mijn vroegere partner", "een collega", "mijn baas", "iemand", "mijn vroegere vriend"],
          "en": ["my ex", "a colleague", "my boss", "someone", "my landlord", "my former partner"]}
AGAINST = {"nl": ["{o} wacht elke avond voor mijn deur", "{o} maakt al weken opmerkingen over mijn kleren",
                  "{o} maakt valse profielen met mijn foto's"],
           "en": ["{o} keeps waiting at my door every night", "{o} makes remarks about my looks every day",
                  "{o} opens accounts in my name"]}


@pytest.mark.parametrize("text", [a.format(o=o) for lang in ("nl", "en")
                                  for o, a in itertools.product(OTHERS[lang], AGAINST[lang])])
def test_another_party_then_the_askers_own_makes_the_asker_the_victim(situ, text):
    s = situ(text)
    assert s.asker == "victim", text
    assert s.victim() is not None and s.victim().relation == "self", text
    assert s.perpetrator() is not None and s.perpetrator().relation != "self", text
    assert "victim" in s.assumed and "perpetrator" in s.assumed, text


# ... not when the asker's own child is named: then it is about the child.
@pytest.mark.parametrize("text", ["mijn ex neemt onze dochter van 5 mee zonder mijn toestemming",
                                  "my ex keeps our son (6) from me and my family"])
def test_the_askers_child_is_no_thing_of_theirs(situ, text):
    s = situ(text)
    assert s.victim() is None or s.victim().relation != "self", text


# ---------------------------------------------------------------- age groups
# A person in a place of children is a minor; a person of trust there is not made one.
PLACED = {"nl": ["een jongen uit mijn klas", "een meisje uit het vijfde leerjaar", "jongens van de kleuterklas",
                 "een meisje in het vierde middelbaar"],
          "en": ["a boy in my class", "a girl from year 6", "boys in grade 4", "a girl at the playground"]}
PLACED_ACTS = {"nl": ["ik word gepest door {p}", "{p} heeft mijn zoon geslagen"],
               "en": ["i am bullied by {p}", "{p} hit my son"]}


@pytest.mark.parametrize("text", [a.format(p=p) for lang in ("nl", "en")
                                  for p, a in itertools.product(PLACED[lang], PLACED_ACTS[lang])])
def test_a_person_in_a_place_of_children_is_a_minor(situ, text):
    s = situ(text)
    assert s.perpetrator() is not None and s.perpetrator().age_group == "minor", text


@pytest.mark.parametrize("text", ["de leraar van het vijfde leerjaar heeft mijn zoon geslagen",
                                  "the teacher of year 6 hit my son"])
def test_a_person_of_trust_in_a_class_stays_an_adult(situ, text):
    s = situ(text)
    assert s.perpetrator() is not None and s.perpetrator().age_group == "adult", text


# The age group now, when the text tells then and now; the age then is kept.
THEN_NOW = {"nl": ["toen ik {then} was heeft mijn oom mij misbruikt. nu ben ik {now}",
                   "mijn oom heeft mij misbruikt toen ik {then} was, ik ben nu {now}"],
            "en": ["when i was {then} my uncle abused me. i am {now} now",
                   "my uncle abused me when i was {then}; now i am {now}"]}


@pytest.mark.parametrize("text,then,now", [
    (t.format(then=then, now=now), then, now) for lang in ("nl", "en")
    for t, then, now in itertools.product(THEN_NOW[lang], (6, 11, 15), (24, 38, 61))])
def test_the_age_group_is_the_group_now(situ, text, then, now):
    me = situ(text).victim()
    assert me is not None and me.relation == "self", text
    assert me.age == now and me.age_then == then and me.age_group == "adult", text


# Whose children are named is an adult; so is the asker who names a child of their own, and one who has
# a child with the asker.
@pytest.mark.parametrize("text,who", [
    ("de kinderen van de buren (3 en 5) krijgen al weken geen eten", "buren"),
    ("de kindjes van de buurman (4 en 7) worden elke avond alleen gelaten", "buurman"),
    ("gisteren heb ik mijn zoon (8) geslagen", "self"),
    ("last night i hit my daughter (9)", "self"),
    ("my ex has taken our daughter (5) abroad", "ex"),
    ("mijn ex heeft onze zoon (4) meegenomen naar het buitenland", "ex"),
    # one who speaks of their work is an adult too
    ("mijn ex wacht me elke dag op aan mijn werk", "self"),
    ("someone keeps waiting for me at my work", "self"),
])
def test_parents_are_adults(situ, text, who):
    s = situ(text)
    person = next((p for p in s.people if p.relation == who or p.words == who), None)
    assert person is not None and person.age_group == "adult", (text, s.people)


# ---------------------------------------------------------------- a parent only for their own child
PARTNERS = {"nl": ["mijn man", "mijn vrouw", "mijn partner"], "en": ["my husband", "my wife", "my partner"]}
FEELINGS = {"nl": "{p} vertelde me dat {pr} zich aangetrokken voelt tot kinderen. onze {c} is pas 6. wat moet ik doen?",
            "en": "{p} told me {pr} is attracted to children. our {c} is only 6. what should I do?"}
PRONOUNS = {"man": "hij", "vrouw": "zij", "partner": "hij", "husband": "he", "wife": "she"}


@pytest.mark.parametrize("text", [
    FEELINGS[lang].format(p=p, pr=PRONOUNS[p.split()[-1]], c=c)
    for lang, children in (("nl", ("zoon", "dochter")), ("en", ("son", "daughter")))
    for p, c in itertools.product(PARTNERS[lang], children)])
def test_a_partner_asking_about_their_partner_is_no_parent(situ, text):
    s = situ(text)
    assert s.perpetrator() is not None and s.perpetrator().relation == "partner", text
    assert s.asker == "bystander", text


# ---------------------------------------------------------------- who did it, when it cannot be told
UNTOLD = {"nl": ["als leerkracht: een leerling van {n} wordt misbruikt", "een meisje van {n} werd gisteren betast"],
          "en": ["as a teacher: a pupil of {n} is being abused", "a boy of {n} was touched yesterday"]}
ANSWERS = [("haar trainer", "trainer"), ("een onbekende", "stranger"), ("her coach", "trainer"),
           ("a classmate", "child")]


def _plan(args: list[str], answers: str = "") -> tuple[str, dict]:
    result = CliRunner().invoke(cli_module.app, ["plan", *args, "-f", "json"], input=answers)
    out = result.stdout
    return result.output, json.loads(out[out.index("{"):])


@pytest.mark.parametrize("text,answer,relation", [
    (u.format(n=n), a, r) for lang in ("nl", "en") for u, n, (a, r) in itertools.product(UNTOLD[lang], (8, 15),
                                                                                          ANSWERS)])
def test_a_terminal_asks_who_did_it_and_reads_the_answer(monkeypatch, text, answer, relation):
    monkeypatch.setattr(plan_command, "_interactive", lambda: True)
    output, plan = _plan([text, "--role", "professional", "--region", "Gent"], answers=f"{answer}\n")
    assert "Who did it?" in output, text
    doer = next(p for p in plan["situation"]["people"] if p["role"] == "perpetrator")
    assert doer["relation"] == relation, (text, answer)
    assert not any("Could not read who did it" in a or "not said in so many words" in a
                   for a in plan["assumptions"]), plan["assumptions"]


@pytest.mark.parametrize("text", [u.format(n=n) for lang in ("nl", "en") for u in UNTOLD[lang] for n in (8, 15)])
def test_no_input_states_that_who_did_it_was_not_read(text):
    _, plan = _plan([text, "--no-input"])
    assert any("Could not read who did it" in a for a in plan["assumptions"]), plan["assumptions"]


def test_a_doer_taken_from_the_relations_is_said_in_the_plan():
    _, plan = _plan(["een meisje van 12 zegt dat haar pleegvader elke avond op haar kamer komt", "--no-input"])
    assert any("read as pleegvader" in a for a in plan["assumptions"]), plan["assumptions"]


# ---------------------------------------------------------------- round 4: the possessive over an age
# "my 9-year-old son": the possessive stands before the age, and still makes the asker the child's parent.
OWN_AGED = {"nl": ["mijn {n}-jarige {c}", "onze {n}-jarige {c}"],
            "en": ["my {n}-year-old {c}", "our {n} year old {c}", "my {n}yo {c}"]}
OWN_CHILD = {"nl": ["dochter", "zoon"], "en": ["daughter", "son"]}
OWN_DONE = {"nl": ["{p} werd door een buurman geslagen", "{p} wordt gepest door twee klasgenoten"],
            "en": ["{p} was slapped by a neighbour", "{p} keeps being bullied by older boys"]}


@pytest.mark.parametrize("text,age", [(d.format(p=o.format(n=n, c=c)), n) for lang in ("nl", "en")
                                      for o, c, d, n in itertools.product(OWN_AGED[lang], OWN_CHILD[lang],
                                                                          OWN_DONE[lang], (6, 15))])
def test_a_possessive_before_an_age_makes_a_parent(situ, text, age):
    s = situ(text)
    victim = s.victim()
    assert s.asker == "parent", text
    assert victim is not None and victim.own and victim.age == age, text


# ---------------------------------------------------------------- round 4: many who tell the asker
# "ouders vertellen me ...", "several nurses told me ...": a plural teller is no party to what they tell, the asker
# is neither the one it was done to nor a bystander but one whom people come to tell.
TELLERS = {"nl": ["ouders", "twee moeders", "enkele leerkrachten", "verschillende verpleegkundigen"],
           "en": ["parents", "two mothers", "some teachers", "several nurses"]}
TELL = {"nl": ["vertellen me", "zeiden me", "meldden me"], "en": ["tell me", "told me", "say to me"]}
TOLD = {"nl": ["dat de buurman een meisje van 8 slaat", "dat een monitor een jongen van 10 betast heeft"],
        "en": ["that the neighbour hits a girl of 8", "that a monitor touched a boy of 10"]}


@pytest.mark.parametrize("text", [f"{t} {v} {d}".capitalize() for lang in ("nl", "en")
                                  for t, v, d in itertools.product(TELLERS[lang], TELL[lang], TOLD[lang])])
def test_many_who_tell_the_asker_are_no_party_and_the_asker_a_professional(situ, text):
    s = situ(text)
    victim, doer = s.victim(), s.perpetrator()
    assert s.asker == "professional", text
    assert victim is not None and victim.age_group == "minor" and victim.relation != "self", text
    assert doer is not None and doer.words.split()[-1] in ("buurman", "neighbour", "monitor"), text


# ---------------------------------------------------------------- round 4: an age said roughly
# "a boy of about 8", "een meisje van een jaar of 10", "my niece (roughly 9)": the age is still the person's.
ROUGH_WHO = {"nl": ["een jongen van {h} {n}", "mijn nichtje ({h} {n})", "een leerlinge van {h} {n}"],
             "en": ["a boy of {h} {n}", "my niece ({h} {n})", "a girl aged {h} {n}"]}
ROUGH = {"nl": ["ongeveer", "een jaar of", "rond de", "bijna"], "en": ["about", "around", "roughly", "almost"]}
ROUGH_DONE = {"nl": "{p} werd door een buurman geslagen", "en": "{p} was slapped by a neighbour"}


@pytest.mark.parametrize("text,age", [(ROUGH_DONE[lang].format(p=p.format(h=h, n=n)), n) for lang in ("nl", "en")
                                      for p, h, n in itertools.product(ROUGH_WHO[lang], ROUGH[lang], (7, 12))])
def test_an_age_said_roughly_is_the_persons(situ, text, age):
    victim = situ(text).victim()
    assert victim is not None and victim.age == age and victim.age_group == "minor", text
    assert victim.relation not in ("", "self"), text


@pytest.mark.parametrize("text", ["hij komt meestal rond 8 thuis en slaat dan zijn vrouw",
                                  "he gets home around 9 and then hits his wife"])
def test_a_rough_hour_is_no_age(situ, text):
    assert all(p.age is None for p in situ(text).people), text


# ---------------------------------------------------------------- round 4: a person between commas
# "the coach, a man of 50, kissed ...": the man between commas is the coach, and the coach did what follows.
HEADS = {"nl": [("de trainer van de ploeg", "trainer"), ("haar oom", "oom"), ("onze buurman", "buurman")],
         "en": [("the coach of the team", "coach"), ("her uncle", "uncle"), ("our neighbour", "neighbour")]}
BETWEEN = {"nl": ["een man van {n}", "ne vent van {n}"], "en": ["a man of {n}", "a guy aged {n}"]}
AFTER = {"nl": "{h}, {b}, heeft mijn dochter (12) betast", "en": "{h}, {b}, groped my daughter (12)"}


@pytest.mark.parametrize("text,doer,age", [(AFTER[lang].format(h=h, b=b.format(n=n)), head, n)
                                           for lang in ("nl", "en") for (h, head), b, n
                                           in itertools.product(HEADS[lang], BETWEEN[lang], (35, 60))])
def test_a_person_between_commas_is_the_one_before(situ, text, doer, age):
    s = situ(text)
    perpetrator = s.perpetrator()
    assert perpetrator is not None and perpetrator.words.split()[-1] == doer and perpetrator.age == age, text
    assert len([p for p in s.people if p.relation != "self"]) == 2, text


# ---------------------------------------------------------------- round 4: many of one age; who leads a production
@pytest.mark.parametrize("text", ["two leaders (both {n}) made a boy of 10 undress",
                                  "twee monitoren (allebei {n}) hebben een meisje van 9 gepest",
                                  "drie animatoren (beiden {n}) sloegen een jongen van 8"])
@pytest.mark.parametrize("n,group", [(16, "minor"), (23, "adult")])
def test_an_age_of_many_named_at_once_is_theirs(situ, text, n, group):
    doer = situ(text.format(n=n)).perpetrator()
    assert doer is not None and doer.age == n and doer.age_group == group, text


@pytest.mark.parametrize("text", ["ik ben danseres en de choreograaf van onze voorstelling betast me",
                                  "the director of our play keeps touching me at rehearsals",
                                  "de regisseur van de film stuurt me elke nacht berichten"])
def test_who_leads_a_production_is_an_adult(situ, text):
    doer = situ(text).perpetrator()
    assert doer is not None and doer.age_group == "adult", text


# ---------------------------------------------------------------- round 4: a clause joined on with no subject
# "ik ben 17 en heb ... gedwongen", "he is 40 and has hit ...": the subject of the clause before did it.
JOINED = {"nl": ["{s} {be} {n} en {have} vorige week een jongen van 9 geslagen",
                 "{s} {be} {n} en {have} een meisje van 8 betast"],
          "en": ["{s} {be} {n} and {have} slapped a boy of 9 last week", "{s} {be} {n} and {have} groped a girl of 8"]}
SUBJECTS = {"nl": [("ik", "ben", "heb", "self"), ("mijn buurman", "is", "heeft", "buurman")],
            "en": [("I", "am", "have", "self"), ("my neighbour", "is", "has", "neighbour")]}


@pytest.mark.parametrize("text,doer,n", [(j.format(s=s, be=be, have=have, n=n), doer, n) for lang in ("nl", "en")
                                         for j, (s, be, have, doer), n
                                         in itertools.product(JOINED[lang], SUBJECTS[lang], (16, 45))])
def test_a_clause_joined_on_has_the_subject_before(situ, text, doer, n):
    s = situ(text)
    perpetrator, victim = s.perpetrator(), s.victim()
    assert perpetrator is not None and (perpetrator.relation == "self" if doer == "self"
                                        else perpetrator.words.split()[-1] == doer), text
    assert perpetrator.age == n, text
    assert victim is not None and victim.age_group == "minor", text


# ---------------------------------------------------------------- the asker's own age group
# The asker who tells what was done to them, with no age: their age stays open (nothing tells it), unless the one
# who did it is a colleague of theirs (an adult's world: `[ages] adult_with`); with a school year named after being
# named as the object ("... mij geslagen. ik zit in ..."), a minor; with a sex and an age in brackets, that age.
TOLD_TO_ME = {"nl": ["{d} heeft me gisteren geslagen", "{d} betast me al weken", "{d} stuurt me elke nacht berichten"],
              "en": ["{d} hit me yesterday", "{d} keeps groping me", "{d} sends me messages every night"]}
DOERS_OF_ME = {"nl": ["mijn lief", "een collega", "de buurman"], "en": ["my boyfriend", "a colleague", "the neighbour"]}
SCHOOL_YEAR = {"nl": "ik zit in het {n}de middelbaar", "en": "i'm in year {n} at school"}
SEXED = {"nl": "ik ({s}, {n}) heb mijn zoon geslagen", "en": "I ({s}, {n}) hit my son"}


@pytest.mark.parametrize("text,lang", [(t.format(d=d), lang) for lang in ("nl", "en")
                                       for t, d in itertools.product(TOLD_TO_ME[lang], DOERS_OF_ME[lang])])
def test_the_askers_age_is_told_by_a_colleague_or_a_school_and_else_open(situ, text, lang):
    me = next(p for p in situ(text).people if p.relation == "self")
    grown = "collega" in text or "colleague" in text
    assert me.role == "victim" and me.age_group == ("adult" if grown else ""), text
    for n in (3, 5):
        told = f"{text}. {SCHOOL_YEAR[lang].format(n=n)}"
        me = next(p for p in situ(told).people if p.relation == "self")
        assert me.age_group == "minor", told


@pytest.mark.parametrize("text,age", [(SEXED[lang].format(s=s, n=n), n) for lang in ("nl", "en")
                                      for s in {"nl": "mv", "en": "mf"}[lang] for n in (34, 52)])
def test_a_sex_in_one_letter_before_the_age(situ, text, age):
    me = next(p for p in situ(text).people if p.relation == "self")
    assert me.age == age and me.role == "perpetrator", text


# A brother or a cousin of no age told who did it to one who is an adult now: an adult too; a stranger stays open.
PEER_PAST = {"nl": "ik ben nu {n}. toen we klein waren heeft {d} me misbruikt",
             "en": "i'm {n} now. when we were kids {d} abused me"}
PEER_DOERS = {"nl": ["mijn broer", "mijn oudere neef", "mijn zus"],
              "en": ["my brother", "my older cousin", "my sister"]}


@pytest.mark.parametrize("text", [PEER_PAST[lang].format(n=n, d=d) for lang in ("nl", "en") for n in (27, 45)
                                  for d in PEER_DOERS[lang]])
def test_a_brother_or_cousin_of_an_adult_is_an_adult(situ, text):
    s = situ(text)
    doer = s.perpetrator()
    assert doer is not None and doer.relation == "relative" and doer.age_group == "adult", text


# ---------------------------------------------------------------- a clause joined on with no subject
# "... walks in and kisses him", "... kruipt bij hem en betast hem": the act after "and" has the
# subject of the clause before; the one who tells it is the one it is done to.
TELLERS = {"nl": ["een leerlinge van {n} vertelde me", "mijn nichtje van {n} zegt"],
           "en": ["a pupil of {n} told me", "my niece, {n}, says"]}
JOINED_DOERS = {"nl": [("haar stiefvader", "stiefvader"), ("de nonkel", "nonkel"), ("haar pleegvader", "pleegvader")],
                "en": [("her stepfather", "stepfather"), ("the uncle", "uncle"), ("her foster father", "father")]}
OBJECT_AFTER = {"nl": ["dat {d} 's avonds in de badkamer komt en haar betast",
                       "dat {d} bij haar in bed kruipt en aan haar zit"],
                "en": ["that {d} comes into her room at night and touches her",
                       "that {d} gets into her bed and gropes her"]}


def _joined_on():
    for lang in ("nl", "en"):
        for t, (d, head), j, n in itertools.product(TELLERS[lang], JOINED_DOERS[lang], OBJECT_AFTER[lang], (8, 13)):
            yield f"{t.format(n=n)} {j.format(d=d)}", head, n


@pytest.mark.parametrize("text,doer,age", list(_joined_on()))
def test_an_act_joined_on_before_its_object_has_the_subject_before(situ, text, doer, age):
    s = situ(text)
    victim, perpetrator = s.victim(), s.perpetrator()
    assert perpetrator is not None and perpetrator.words.split()[-1] == doer, text
    assert victim is not None and victim.age == age, text


# ---------------------------------------------------------------- "my son's coach ... he's 9"
# The child named by a possessive is the one a later pronoun points to (a possessive is no plural), and "he's",
# "she's" written as one word tell that child's age.
CHILD_OF = [("my son's", "him", "he's"), ("my daughter's", "her", "she's")]
THEIR_ADULT = ["coach", "piano teacher", "babysitter"]
TO_CHILD = ["keeps texting {o} at night", "gave {o} gifts and asked {o} to keep it secret", "hit {o} at practice"]


@pytest.mark.parametrize("text,age", [(f"{c} {a} {t.format(o=o)}, {p} {n}", age)
                                      for (c, o, p), a, t in itertools.product(CHILD_OF, THEIR_ADULT, TO_CHILD)
                                      for n, age in (("9", 9), ("twelve", 12))])
def test_a_pronoun_points_to_the_child_named_by_a_possessive(situ, text, age):
    s = situ(text)
    victim = s.victim()
    assert victim is not None and victim.relation == "offspring" and victim.age == age, text


# ---------------------------------------------------------------- made to do it
# "X made me touch him": the one made to act is the one it is done to, the one who makes them did it, also when a
# relative clause stands between ("my uncle, who was 30 then, made me ..."); "I forced myself on her" is the asker's
# act.
MAKERS = {"nl": [("mijn oom", "oom"), ("mijn stiefvader", "stiefvader"), ("de trainer", "trainer")],
          "en": [("my uncle", "uncle"), ("my stepfather", "stepfather"), ("the coach", "coach")]}
MADE = {"nl": ["toen ik {n} was liet {d} me hem aanraken", "{d} dwong me om hem te betasten toen ik {n} was"],
        "en": ["when I was {n}, {d} made me touch him",
               "when I was {n}, {d}, who was 30 then, kept making me touch his body",
               "{d} forced me to touch him when I was {n}"]}
FORCED_ON = {"nl": "ik heb me opgedrongen aan {v}", "en": "I forced myself on {v} after a party"}


@pytest.mark.parametrize("text,doer", [(t.format(d=d, n=n), head) for lang in ("nl", "en")
                                       for t, (d, head), n in itertools.product(MADE[lang], MAKERS[lang], (7, 11))])
def test_the_one_made_to_act_is_the_victim(situ, text, doer):
    s = situ(text)
    perpetrator = s.perpetrator()
    assert s.asker == "victim" and perpetrator is not None and perpetrator.words.split()[-1] == doer, text


@pytest.mark.parametrize("text", [FORCED_ON["en"].format(v=v) for v in ("a girlfriend", "a woman I had just met")])
def test_forcing_oneself_on_another_is_the_askers_act(situ, text):
    assert situ(text).asker == "perpetrator", text


# ---------------------------------------------------------------- a relative clause of an age, then a list of acts
# "her boyfriend, who's 30, hit her", "de buurman, die 40 is, sloeg haar": the age is the person's, and the act after
# the commas is theirs; so is each act of a list after a comma ("reads her mail, slaps her").
OF_AGE = {"nl": [("haar vriend", "vriend"), ("een van de leiders", "leiders"), ("de buurman", "buurman")],
          "en": [("her boyfriend", "boyfriend"), ("one of the instructors", "instructors"),
                 ("the neighbour", "neighbour")]}
RELATIVE_AGE = {"nl": ["{p}, die {n} is, sloeg haar"], "en": ["{p}, who's {n}, hit her", "{p}, who is {n}, groped her"]}
LISTED = {"nl": "{p} leest haar berichten, slaat haar en roept", "en": "{p} reads her mail, slaps her, and shouts"}


@pytest.mark.parametrize("text,doer,age", [(t.format(p=p, n=n), head, n) for lang in ("nl", "en")
                                           for t, (p, head), n in itertools.product(RELATIVE_AGE[lang], OF_AGE[lang],
                                                                                     (23, 41))])
def test_an_age_in_a_relative_clause_and_the_act_after_it(situ, text, doer, age):
    perpetrator = situ(text).perpetrator()
    assert perpetrator is not None and perpetrator.words.split()[-1] == doer and perpetrator.age == age, text


@pytest.mark.parametrize("text,doer", [(LISTED["en"].format(p=p), head) for p, head in OF_AGE["en"]])
def test_each_act_of_a_list_after_a_comma_has_the_subject(situ, text, doer):
    perpetrator = situ(text).perpetrator()
    assert perpetrator is not None and perpetrator.words.split()[-1] == doer, text


# Alone in the story, or with a setting of children named, the asker's age stays open (the plan helps either age).
OPEN_AGE = {"nl": ["ik ben gisteren verkracht", "{d} op de chiro stuurt me steeds naaktfoto's"],
            "en": ["i was raped last night", "{d} at the scouts keeps sending me nudes"]}


@pytest.mark.parametrize("text", [t.format(d=d) for lang in ("nl", "en") for t in OPEN_AGE[lang]
                                  for d in DOERS_OF_ME[lang] if "colleague" not in d and "collega" not in d])
def test_the_askers_age_stays_open_alone_or_in_a_setting_of_children(situ, text):
    me = next((p for p in situ(text).people if p.relation == "self"), None)
    assert me is not None and me.role == "victim" and me.age_group == "", text


# ---------------------------------------------------------------- persons as the language makes them (issue 16, 3)
# "een collega leerkracht": one person, of the job named after "collega"; the asker shares that job.
FELLOWS = {"nl": [("collega leerkracht", "teacher"), ("collega-verpleegkundige", "carer"),
                  ("collega begeleider", "leader")],
           "en": [("colleague teacher", "teacher"), ("colleague nurse", "carer")]}
FELLOW_ACTS = {"nl": ["een {f} heeft gisteren een {v} geslagen", "mijn {f} betast een {v}"],
               "en": ["a {f} hit a {v} yesterday", "my {f} keeps groping a {v}"]}
SERVED = {"nl": ["leerling", "bewoner", "cliënt"], "en": ["pupil", "resident", "client"]}


@pytest.mark.parametrize("text,relation", [
    (a.format(f=f, v=v), rel) for lang in ("nl", "en")
    for a, (f, rel), v in itertools.product(FELLOW_ACTS[lang], FELLOWS[lang], SERVED[lang])])
def test_a_colleague_named_by_a_job_is_one_person_and_makes_the_asker_a_professional(situ, text, relation):
    s = situ(text)
    assert s.perpetrator() is not None and s.perpetrator().relation == relation, (text, s.people)
    assert len([p for p in s.people if p.relation in ("colleague", relation)]) == 1, (text, s.people)
    assert s.asker == "professional", text


# "een collega van mij", "a colleague of mine": whose colleague, not the asker as a person of the story.
OF_MINE = {"nl": ["een bewoonster vertelt me dat ze door een {w} van mij betast wordt",
                  "een {w} van mij heeft een bewoner geslagen"],
           "en": ["a resident says she is groped by a {w} of mine", "a {w} of mine hit a resident"]}
OF_MINE_WHO = {"nl": ["collega", "vriend", "kennis"], "en": ["colleague", "friend", "neighbour"]}


@pytest.mark.parametrize("text", [t.format(w=who) for lang in ("nl", "en")
                                  for t, who in itertools.product(OF_MINE[lang], OF_MINE_WHO[lang])])
def test_of_mine_names_whose_person_it_is(situ, text):
    s = situ(text)
    assert not any(p.relation == "self" and p.role for p in s.people), (text, s.people)
    assert s.victim() is not None and s.victim().relation == "resident", (text, s.people)
    doer = s.perpetrator()
    assert doer is not None and doer.own, (text, s.people)
    assert doer.relation != "colleague" or s.victim().age_group == "", (text, s.people)  # not the resident's colleague


# A grandchild is of no age group by the word (a grandson of one who is 79 may be 40); an age tells it.
@pytest.mark.parametrize("text,group", [
    (f"{intro} {who}{age} {act}", group) for intro, act in (("ik ben 79. mijn", "slaat mij"),
                                                            ("I'm 79 and my", "hits me"))
    for who in (("kleinzoon", "kleindochter") if intro.startswith("ik") else ("grandson", "granddaughter"))
    for age, group in (("", ""), (" (9)", "minor"), (" (34)", "adult"))])
def test_a_grandchild_is_of_no_age_group_by_the_word(situ, text, group):
    s = situ(text)
    assert s.perpetrator() is not None and s.perpetrator().age_group == group, (text, s.people)
    assert s.victim() is not None and s.victim().relation == "self", text


# Person words of a club, a night out, a team, a university: the one named did it.
NAMED_BY_JOB = {"nl": ["de voorzitter van de club", "de uitsmijter", "een ploeggenoot", "de professor"],
                "en": ["the club chairman", "the bouncer", "a teammate", "the professor"]}
ACT_ON_ME = {"nl": "{d} heeft me gisteren betast", "en": "{d} groped me yesterday"}


@pytest.mark.parametrize("text", [ACT_ON_ME[lang].format(d=d) for lang in ("nl", "en") for d in NAMED_BY_JOB[lang]])
def test_persons_named_by_their_place_in_a_club_or_a_school(situ, text):
    s = situ(text)
    assert s.perpetrator() is not None and s.perpetrator().relation != "self", (text, s.people)
    assert s.victim() is not None and s.victim().relation == "self", (text, s.people)


# "in his forties", "in de veertig", "in her 30s": an age by its decade, of the one named before.
DECADES = {"nl": [("in de veertig", 45), ("in de dertig", 35)], "en": [("in his forties", 45), ("in his 30s", 35)]}
DECADE_DOERS = {"nl": ["haar zoon", "de buurman", "een man"], "en": ["her son", "the neighbour", "a man"]}
DECADE_ACT = {"nl": "{d}, {a}, slaat haar", "en": "{d}, {a}, hits her"}


@pytest.mark.parametrize("text,age", [(DECADE_ACT[lang].format(d=d, a=a), n) for lang in ("nl", "en")
                                      for d, (a, n) in itertools.product(DECADE_DOERS[lang], DECADES[lang])])
def test_an_age_by_its_decade(situ, text, age):
    s = situ(text)
    assert s.perpetrator() is not None and s.perpetrator().age == age, (text, s.people)
    assert s.perpetrator().age_group == "adult"


# "a boy at the centre, aged 12,": a part of its own that is only an age is the age of the one named before.
@pytest.mark.parametrize("text,age", [
    (f"{doer} {act} {who} {extra}, aged {n}, {when}", n)
    for doer, act in (("a colleague", "slapped"), ("the coach", "hit"))
    for who, extra in (("a resident", "of the home"), ("my grandson", "at the camp"), ("a girl", "in the pool"))
    for n, when in ((15, "yesterday"), (9, "last week"))])
def test_an_age_standing_as_a_part_of_its_own(situ, text, age):
    s = situ(text)
    assert s.victim() is not None and s.victim().age == age, (text, s.people)


# "een jonger meisje", "a younger boy", with a minor in the text: a minor too.
YOUNGER = {"nl": ["ik ben {n} en heb op kamp een jonger {w} betast", "mijn zoon ({n}) heeft een jonger {w} geslagen"],
           "en": ["im {n} and i touched a younger {w} at camp", "my son ({n}) hit a younger {w}"]}
YOUNGER_WHO = {"nl": ["meisje", "kind"], "en": ["girl", "boy"]}


@pytest.mark.parametrize("text", [t.format(n=n, w=who) for lang in ("nl", "en")
                                  for t, who, n in itertools.product(YOUNGER[lang], YOUNGER_WHO[lang], (14, 16))])
def test_one_younger_than_a_minor_is_a_minor(situ, text):
    s = situ(text)
    assert s.victim() is not None and s.victim().age_group == "minor", (text, s.people)


# The asker named first as an object ("ene heeft me vastgepakt"): "me", "mij" are never a subject; the one who did
# it is the one named before.
GROUPS = {"nl": ["een paar mannen", "een groep jongens", "twee venten"], "en": ["some men", "a group of guys"]}
ONE_OF = {"nl": ["{g} fluiten me na op straat, ene heeft me vastgepakt", "{g} stonden daar en eentje heeft mij betast"],
          "en": ["{g} shout things at me, one of them grabbed me"]}


@pytest.mark.parametrize("text", [t.format(g=g) for lang in ("nl", "en")
                                  for t, g in itertools.product(ONE_OF[lang], GROUPS[lang])])
def test_the_asker_named_first_as_an_object_did_not_do_it(situ, text):
    s = situ(text)
    assert s.asker == "victim", (text, s.people)
    assert s.perpetrator() is not None and s.perpetrator().relation != "self", (text, s.people)


# A pronoun points to one of its gender, also when the person word is a compound ("de zorgjuf ... hij").
@pytest.mark.parametrize("text", [f"de {w} zag striemen bij {who}; hij vertelde dat zijn vader hem slaat"
                                  for w in ("zorgjuf", "kleuterjuf", "turnlerares") for who in ("hem", "een kind")])
def test_a_pronoun_skips_a_compound_of_the_other_gender(situ, text):
    s = situ(text)
    assert s.perpetrator() is not None and s.perpetrator().relation == "parent", (text, s.people)
    assert s.victim() is None or s.victim().relation != "teacher", (text, s.people)


# One served in a setting for adults (`[ages] adult_places`) of no age told is an adult.
@pytest.mark.parametrize("text", [f"{intro} {who} zegt dat een {d} {obj} betast" for intro, who, obj in (
    ("ik werk in een dagcentrum voor volwassenen;", "een bewoonster", "haar"),
    ("in ons woonzorgcentrum", "een bewoner", "hem")) for d in ("collega", "verzorger")])
def test_a_resident_of_a_setting_for_adults_is_an_adult(situ, text):
    s = situ(text)
    assert s.victim() is not None and s.victim().relation == "resident" and s.victim().age_group == "adult", (
        text, s.people)


# "the neighbours' kids": a plural's possessive names whose children they are (adults, the ones who neglect them).
@pytest.mark.parametrize("text", [f"the {n}' {k} are left alone all day without food" for n in (
    "neighbours", "neighbors", "parents") for k in ("kids", "children", "toddlers")])
def test_a_plurals_possessive_names_whose_children(situ, text):
    s = situ(text)
    assert s.victim() is not None and s.victim().age_group == "minor", (text, s.people)
    assert s.perpetrator() is not None and s.perpetrator().age_group == "adult", (text, s.people)


# ---------------------------------------------------------------- who did it, told in more ways (issue 16, 3 and 4)
# An accusation that names the one it was done to: the accuser tells it, the one named is the victim.
ACCUSATIONS = {"nl": ["een {a} beschuldigt mij en zegt dat ik haar {c} heb aangeraakt",
                      "een {a} beschuldigt me en beweert dat ik haar {c} heb geslagen"],
               "en": ["a {a} accuses me of having touched her {c}", "a {a} accuses me of hitting her {c}"]}
ACCUSERS = {"nl": ["mama", "moeder", "buurvrouw"], "en": ["mother", "mum", "neighbour"]}
THEIR_CHILD = {"nl": ["dochter", "zoon"], "en": ["daughter", "son"]}


@pytest.mark.parametrize("text,child", [(t.format(a=a, c=c), c) for lang in ("nl", "en") for t in ACCUSATIONS[lang]
                                        for a, c in itertools.product(ACCUSERS[lang], THEIR_CHILD[lang])])
def test_the_accuser_who_names_the_victim_is_no_victim(situ, text, child):
    s = situ(text)
    assert s.victim() is not None and s.victim().words == child, (text, s.people)
    assert s.asker == "perpetrator", text


# The asker in a setting of children ("als kleuterjuf", a youth leader): the one harmed, of a dependent standing and
# no age told, is a minor.
@pytest.mark.parametrize("text", [f"{me} {what}" for me, what in itertools.product(
    ["als kleuterjuf hoor ik dat", "als leerkracht zie ik dat", "ik ben leiding bij de scouts en"],
    ["de buurman heeft een meisje betast", "haar stiefvader slaat de dochter", "een man heeft een speler betast"])])
def test_a_victim_of_no_age_in_a_setting_of_children_is_a_minor(situ, text):
    s = situ(text)
    assert s.victim() is not None and s.victim().age_group == "minor", (text, s.people)


# "years ago" alone tells no age of the one who tells it; a childhood does, and so does a place of adults' study.
@pytest.mark.parametrize("text,group", [
    *((f"{t} my ex {a} me", "") for t in ("years ago", "a long time ago") for a in ("raped", "hit")),
    *((f"{t} my uncle {a} me", "adult") for t in ("as a child", "when I was little") for a in ("abused", "hit")),
    *((f"my ex {a} me during my first year at {u}", "adult") for a in ("raped", "hit")
      for u in ("uni", "university")),
    *((f"jaren geleden heeft mijn ex me {a}", "") for a in ("verkracht", "geslagen")),
    *((f"toen ik op kot zat heeft mijn ex me {a}", "adult") for a in ("verkracht", "geslagen"))])
def test_the_askers_age_from_a_childhood_or_a_study_not_from_years_ago(situ, text, group):
    s = situ(text)
    assert s.victim() is not None and s.victim().relation == "self" and s.victim().age_group == group, (
        text, s.people)
    assert s.perpetrator() is not None and s.perpetrator().relation != "self", (text, s.people)


# A name with an age or in a place of children is a person ("Lotte (14)", "Noor uit de derde klas").
NAMES = ["Lotte", "Noor", "Amira", "Finn"]
NAMED = {"nl": ["de juf vertelde dat {n} ({a}) door haar oom betast wordt",
                "ik hoorde dat {n} van {a} thuis geslagen wordt",
                "de zorgjuf zag dat {n} uit het {k} leerjaar striemen heeft, papa slaat hem"],
         "en": ["the teacher told me that {n} ({a}) is touched by her uncle", "I heard that {n}, {a}, is hit at home"]}


@pytest.mark.parametrize("text,name", [(t.format(n=n, a=a, k=k), n) for lang in ("nl", "en") for t in NAMED[lang]
                                       for n, a, k in itertools.product(NAMES, (8, 13), ("derde",))])
def test_a_name_with_an_age_or_a_class_is_a_person(situ, text, name):
    s = situ(text)
    victim = s.victim()
    assert victim is not None and victim.age_group == "minor", (text, s.people)
    assert victim.words == name.lower() or victim.relation == "pronoun", (text, s.people)


# An ex or a boyfriend from her class is a pupil there (`[ages] place_peers`); one "from my old job" an adult.
@pytest.mark.parametrize("text,group", [
    *((f"ze zit in het {n} middelbaar en haar {d} uit haar klas heeft een naaktfoto van haar gedeeld", "minor")
      for n, d in itertools.product(("derde", "vierde"), ("ex", "vriendje"))),
    *((f"a {d} from my {o} job keeps sending me sexual messages", "adult") for d, o in itertools.product(
        ("guy", "man", "woman"), ("old", "new")))])
def test_a_peer_from_a_class_and_one_from_work(situ, text, group):
    s = situ(text)
    assert s.perpetrator() is not None and s.perpetrator().age_group == group, (text, s.people)


# A negation before a role word that heads a part is a refusal, not the asker's role ("Geen politie, ...").
@pytest.mark.parametrize("text", [f"{d} heeft mij gisteren {a}. Geen politie, maar waar kan ik heen?"
                                  for d, a in itertools.product(("ne vent", "iemand"), ("verkracht", "betast"))])
def test_a_refused_service_heading_a_part_is_no_asker_role(situ, text):
    s = situ(text)
    assert s.asker == "victim" and s.victim().age_group == "", (text, s.people)


# ---------------------------------------------------------------- peers of one word
# Two people named by the same word (two residents, two teammates): the one of no age told is of the other's
# age group, whichever of them is named first and in either voice.
PEERS = {"nl": [("een bewoonster", "een medebewoner"), ("een ploeggenote", "een ploeggenoot")],
         "en": [("a resident", "another resident"), ("a teammate", "another teammate")]}
PEER_LINKS = {"nl": ["{v} van {n} werd aangerand door {d}", "{d} heeft {v} van {n} geslagen"],
              "en": ["{v} aged {n} was assaulted by {d}", "{d} hit {v} aged {n}"]}


@pytest.mark.parametrize("lang,pair,link,n", [
    (lang, pair, link, n) for lang in PEERS for pair in PEERS[lang] for link in PEER_LINKS[lang]
    for n in (15, 34, 81)])
def test_a_peer_of_one_word_shares_the_age_group_of_the_other(situ, lang, pair, link, n):
    victim, doer = pair
    s = situ(link.format(v=victim, d=doer, n=n))
    want = "minor" if n < 18 else "adult"
    assert s.victim() is not None and s.perpetrator() is not None, s.people
    assert (s.victim().age_group, s.perpetrator().age_group) == (want, want), s.people
