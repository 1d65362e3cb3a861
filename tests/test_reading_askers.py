"""Who asks and how old everyone is, generated: askers × persons × acts × language, in our own words.

Each block tests one mechanism of reading/read.py and reading/persons.py (the asker's family, a group that
says its role, a professional told of a childhood, the asker who wants to stop, the asker in their job, a peer
of a minor, an ex of an adult) and fails when that mechanism is switched off.
"""

from __future__ import annotations

import itertools

import pytest

from refertool.reading.model import Situation
from refertool.reading.read import read


@pytest.fixture(scope="module")
def situ(catalog):
    def run(text: str) -> Situation:
        return read(text, catalog.vocabulary, catalog.regions, catalog.index.word_set.__contains__)
    return run


# ---------------------------------------------------------------- family asks as a parent
# "ons zoontje" (the Dutch neuter possessive) and a grandchild: the asker is the child's family.
KIN = {"nl": ["ons zoontje", "ons dochtertje", "ons kind", "mijn kleinzoon", "onze kleindochter", "mijn kleinkind"],
       "en": ["my grandson", "our granddaughter", "my grandchild"]}
HARMED = {"nl": ["{k} van {n} wordt door de buurman geslagen", "de monitor heeft {k} van {n} betast"],
          "en": ["{k}, aged {n}, is hit by the neighbour", "the camp leader groped {k}, aged {n},"]}


@pytest.mark.parametrize("text", [h.format(k=k, n=n) for lang in ("nl", "en")
                                  for k, h, n in itertools.product(KIN[lang], HARMED[lang], (4, 11))])
def test_the_childs_family_asks_as_a_parent(situ, text):
    s = situ(text)
    assert s.asker == "parent", (text, s.asker_role)
    assert s.victim() is not None and s.victim().age_group == "minor", text


# ---------------------------------------------------------------- a group says its role
GROUPS = ["we zijn de leiding van een {c}groep", "wij zijn leiding in de {c}", "we are leaders at the {c}"]
TOLD = ["een lid van {n} werd door een vreemde aangerand", "a member aged {n} was assaulted by a stranger"]


@pytest.mark.parametrize("text", [f"{g.format(c=c)}. {t.format(n=n)}" for g, t, c, n in itertools.product(
    GROUPS, TOLD, ("chiro", "scouts"), (9, 15))])
def test_a_group_saying_its_role_asks_as_professionals(situ, text):
    assert situ(text).asker == "professional", text


# ---------------------------------------------------------------- a childhood told to the asker
TELLERS = {"nl": ["een leerling van {n} zei me gisteren: als kind werd ze misbruikt door haar {d}; ze vraagt me: zwijg",
                  "een jongere van {n} zei me dat hij als kind door zijn {d} misbruikt is; hij smeekt me te zwijgen"],
           "en": ["a pupil of {n} told me she was abused as a child by her {d}, and she asks me to keep quiet",
                  "a client of {n} told me he was abused by his {d} as a child; he begs me to tell no one"]}
TELLER_DOERS = {"nl": ["oom", "stiefvader", "buurman"], "en": ["uncle", "stepfather", "neighbour"]}
WORKS = {"nl": "ik werk in een centrum voor leerlingen.", "en": "I work at a youth service."}


@pytest.mark.parametrize("text,n", [(f"{WORKS[lang]} {t.format(n=n, d=d)}", n) for lang in ("nl", "en")
                                    for t, d, n in itertools.product(TELLERS[lang], TELLER_DOERS[lang], (15, 19))])
def test_a_childhood_told_to_the_asker_is_not_the_askers(situ, text, n):
    s = situ(text)
    assert s.asker == "professional", text
    victim = s.victim()
    assert victim is not None and victim.relation != "self" and victim.age == n, (text, s.people)


# ... and the asker's own childhood, told with others of it: the asker, grown up now
CHILDHOOD = {"nl": ["ik denk nog elke dag aan wat mijn {d} me aandeed toen we klein waren",
                    "toen we kinderen waren deed mijn {d} me pijn, ik wil met iemand praten"],
             "en": ["my {d} hurt me a lot, back when we were kids, and it haunts me",
                    "when we were children my {d} hurt me; who could listen to me?"]}
KIN_DOERS = {"nl": ["neef", "broer", "oom"], "en": ["cousin", "brother", "uncle"]}


@pytest.mark.parametrize("text", [c.format(d=d) for lang in ("nl", "en")
                                  for c, d in itertools.product(CHILDHOOD[lang], KIN_DOERS[lang])])
def test_the_askers_childhood_makes_a_grown_up_victim(situ, text):
    s = situ(text)
    assert s.asker == "victim", (text, s.people)
    assert s.victim().relation == "self" and s.victim().age_group == "adult", text


# ---------------------------------------------------------------- the asker who wants to stop
DOING = {"nl": ["ik ben {n} en ik kijk al maanden naar beelden van misbruikte kinderen. ik wil stoppen",
                "ik ben {n}, ik heb foto's van naakte kinderen verzameld en ik wil ermee stoppen"],
         "en": ["im {n}, for a year i have watched abuse films of young kids. i want to stop",
                "I am {n} and for months I downloaded images of abused kids; I want to stop"]}


@pytest.mark.parametrize("text,n", [(d.format(n=n), n) for lang in ("nl", "en") for d in DOING[lang]
                                    for n in (16, 19, 45)])
def test_the_asker_who_wants_to_stop_is_the_one_who_does_it(situ, text, n):
    s = situ(text)
    assert s.asker == "perpetrator", (text, s.people)
    me = s.perpetrator()
    assert me is not None and me.relation == "self" and me.age == n, text


# ... but one who wants it to stop for another does not do it
@pytest.mark.parametrize("text", ["mijn broer kijkt naar beelden van misbruikte kinderen, ik wil dat het stopt",
                                  "my brother watches videos of abused children and i want it to stop"])
def test_wanting_it_to_stop_for_another_is_no_confession(situ, text):
    assert situ(text).asker != "perpetrator", text


# ---------------------------------------------------------------- the asker in their job is grown up
ACCUSED = {"nl": ["ik geef les in het {s} en een leerlinge beweert dat ik haar heb aangeraakt",
                  "ik geef les in het {s}; een leerling zegt dat ik hem heb geslagen"],
           "en": ["I teach in {s} and a pupil claims I touched her", "I teach at a {s} school; a pupil says I hit him"]}
LEVELS = {"nl": ["middelbaar", "lager onderwijs"], "en": ["secondary", "primary"]}


@pytest.mark.parametrize("text", [a.format(s=s) for lang in ("nl", "en")
                                  for a, s in itertools.product(ACCUSED[lang], LEVELS[lang])])
def test_the_asker_speaking_in_their_job_is_an_adult(situ, text):
    me = next((p for p in situ(text).people if p.relation == "self"), None)
    assert me is not None and me.age_group == "adult", text


# ---------------------------------------------------------------- a peer of a minor; an ex of an adult
PEERS = {"nl": ["een jongen", "twee jongens", "een meisje"], "en": ["a boy", "two boys", "a girl"]}
PEER_ACTS = {"nl": ["ik ben {n} en {p} uit een andere school heeft me betast",
                    "ik ben {n}; gisteren heeft {p} een naaktfoto van mij doorgestuurd"],
             "en": ["im {n} and {p} from another school groped me", "I am {n}; yesterday {p} shared a nude of me"]}


@pytest.mark.parametrize("text", [a.format(n=n, p=p) for lang in ("nl", "en")
                                  for a, p, n in itertools.product(PEER_ACTS[lang], PEERS[lang], (13, 16))])
def test_a_boy_or_girl_who_harms_a_minor_keeps_their_age_open(situ, text):
    # "a boy", "a girl" alone tell no age group (a boy of 19 is one too): not guessed from the one it was done to;
    # "from another school" is a place of children, and tells it
    s = situ(text)
    assert s.victim() is not None and s.victim().relation == "self" and s.victim().age_group == "minor", text
    want = "minor" if "school" in text else ""
    assert s.perpetrator() is not None and s.perpetrator().age_group == want, (text, s.people)


@pytest.mark.parametrize("text", ["op een feestje betastte ik (16) een meisje",
                                  "im 15 and i groped a girl at a party"])
def test_a_girl_a_minor_harmed_keeps_her_age_open(situ, text):
    victim = situ(text).victim()
    assert victim is not None and victim.age_group == "", text


# ... but an ex, a boyfriend, a babysitter tell no age of their own (many are teenagers)
EXES = {"nl": ["mijn ex", "mijn vriend", "de babysitter"], "en": ["my ex", "my boyfriend", "the babysitter"]}
EX_ACTS = {"nl": ["ik ben {n} en {e} heeft me gisteren geslagen", "ik ben {n}; {e} volgt me al weken"],
           "en": ["I'm {n} and {e} hit me last night", "I am {n} and {e} has been stalking me for weeks"]}


@pytest.mark.parametrize("text", [a.format(n=n, e=e) for lang in ("nl", "en")
                                  for a, e, n in itertools.product(EX_ACTS[lang], EXES[lang], (14, 41))])
def test_an_ex_or_a_babysitter_keeps_their_age_open(situ, text):
    s = situ(text)
    assert s.perpetrator() is not None and s.perpetrator().age_group == "", (text, s.people)


# ---------------------------------------------------------------- "ex" makes one person with the word after it
@pytest.mark.parametrize("text", [f"{a} {e}" for a, e in itertools.product(
    ["ik ben 33 en werd vorige week geslagen door mijn", "I'm 33 and was beaten last week by my"],
    ["ex-man", "ex-husband", "ex-echtgenoot", "ex-wife"])])
def test_an_ex_spouse_is_one_person_and_an_adult(situ, text):
    doer = situ(text).perpetrator()
    assert doer is not None and doer.relation == "partner" and doer.age_group == "adult", text


# ---------------------------------------------------------------- short messages: no stops, no "ik"
# "ben 19", "zit in het derde jaar": a first-person verb with no subject is the asker; an age said with
# "ben", "im" ends its clause, so that the person after it is the subject of what follows.
UNSAID = {"nl": ["ben {n} en mijn stiefvader slaat me elke week", "mijn lief slaat me als hij drinkt ben {n} help",
                 "zit al een jaar thuis en mijn broer slaat me ben {n}"],
          "en": ["im {n} my stepdad hits me every week", "im {n} my uncle keeps groping me what do i do"]}


@pytest.mark.parametrize("text,n", [(u.format(n=n), n) for lang in ("nl", "en") for u in UNSAID[lang]
                                    for n in (13, 17, 25)])
def test_a_short_message_names_the_asker_without_ik(situ, text, n):
    s = situ(text)
    me = s.victim()
    assert me is not None and me.relation == "self" and me.age == n, (text, s.people)
    assert s.perpetrator() is not None and s.perpetrator().relation != "self", text


# ... and the one told in such a message is still no party ("ze vertelde me"), but "says I hit him" names the asker
@pytest.mark.parametrize("text", ["a pupil is saying I slapped him in the gym", "een leerling beweert dat ik hem sloeg",
                                  "my neighbour claims I hit her dog and her"])
def test_the_asker_after_a_telling_verb_is_a_party(situ, text):
    assert situ(text).asker == "perpetrator", text


# ---------------------------------------------------------------- an age said in words, or of many
SPELT = {"nl": [("mijn zoon is {w} en werd door de trainer betast", "zoon")],
         "en": [("my son is {w} and was groped by his coach", "son"),
                ("my sister is {w} and was hit by her uncle", "sister")]}
WORDS = {"nl": [("zeventien", 17), ("twaalf", 12)], "en": [("seventeen", 17), ("twelve", 12)]}


@pytest.mark.parametrize("text,who,n", [(t.format(w=w), who, n) for lang in ("nl", "en")
                                        for (t, who), (w, n) in itertools.product(SPELT[lang], WORDS[lang])])
def test_an_age_in_words_after_is_belongs_to_the_one_named(situ, text, who, n):
    s = situ(text)
    victim = s.victim()
    assert victim is not None and victim.words.endswith(who) and victim.age == n, (text, s.people)
    assert not any(p.words in ("seventeen", "zeventien") for p in s.people), text  # no "teen" in it


@pytest.mark.parametrize("text", ["the coach hits the {w}-year-olds when they lose",
                                  "the coach hits the {n}-year-olds"])
def test_many_of_an_age_are_the_ones_it_is_done_to(situ, text):
    victim = situ(text.format(w="nine", n=9)).victim()
    assert victim is not None and victim.age == 9 and victim.age_group == "minor", text


# ---------------------------------------------------------------- brackets
@pytest.mark.parametrize("text", ["Ik (m, 38) heb gisteren mijn vriendin geslagen", "I (f, 41) slapped my wife"])
def test_a_comma_in_brackets_ends_no_sentence_part(situ, text):
    s = situ(text)
    me = s.perpetrator()
    assert me is not None and me.relation == "self", (text, s.people)
    assert s.victim() is not None and s.victim().relation != "self", text


# ---------------------------------------------------------------- a place of children, with its verb between
PLACED = {"nl": ["onze zoon zit in het eerste leerjaar; een leraar slaat hem",
                 "ik zit in het vierde middelbaar en een leraar betast me"],
          "en": ["my daughter is in year 9 and a teacher keeps touching her", "my son is in 2nd grade and was hit"]}


@pytest.mark.parametrize("text", [t for lang in ("nl", "en") for t in PLACED[lang]])
def test_a_person_in_a_class_with_a_verb_between_is_a_minor(situ, text):
    victim = situ(text).victim()
    assert victim is not None and victim.age_group == "minor", text


# ---------------------------------------------------------------- the asker's role, in more words or no stops
ROLE_OPENINGS = ["I'm a special needs teacher and", "nurse here", "scout leader on camp:", "social worker",
                 "inspecteur hier", "GP here"]


@pytest.mark.parametrize("text", [f"{o} a girl of {n} was raped by her uncle" for o in ROLE_OPENINGS for n in (9, 16)])
def test_a_role_opening_a_message_is_the_askers(situ, text):
    s = situ(text)
    assert s.asker == "professional", (text, s.asker_role)
    assert s.victim() is not None and s.victim().relation != "self", text


@pytest.mark.parametrize("text", ["my 14-year-old was blackmailed with a nude by a stranger",
                                  "onze 9-jarige werd gisteren geslagen door de buurman",
                                  "my 3 yr old was bitten and bruised at daycare again"])
def test_an_age_of_the_askers_own_makes_a_parent(situ, text):
    assert situ(text).asker == "parent", text


# ---------------------------------------------------------------- another who says they want to stop
OTHER_STOPS = {"nl": ["mijn {p} heeft bekend dat hij naar beelden van misbruikte kinderen kijkt. hij wil stoppen",
                      "mijn {p} downloadt foto's van naakte kinderen en hij wil ermee stoppen"],
               "en": ["my {p} confessed he watches abuse films of kids. he says he wants to stop",
                      "my {p} collects nude images of children and he wants to stop"]}
STOPPERS = {"nl": ["man", "broer", "vriend"], "en": ["husband", "brother", "partner"]}


@pytest.mark.parametrize("text,who", [(o.format(p=p), p) for lang in ("nl", "en")
                                      for o, p in itertools.product(OTHER_STOPS[lang], STOPPERS[lang])])
def test_another_who_wants_to_stop_is_the_one_who_does_it(situ, text, who):
    s = situ(text)
    assert s.perpetrator() is not None and s.perpetrator().words == who, (text, s.people)
    assert s.asker != "perpetrator", text


# ---------------------------------------------------------------- Flemish words for a parent
@pytest.mark.parametrize("text", [f"{o} {p} slaat me als hij drinkt, ik ben 13" for o, p in itertools.product(
    ["mijn", "ons"], ["pa", "ma", "stiefpa", "stiefma"])] + ["Europa is ver weg en mijn stiefpa slaat me, ik ben 13"])
def test_pa_and_ma_are_parents(situ, text):
    s = situ(text)
    doer = s.perpetrator()
    assert doer is not None and doer.relation == "parent" and doer.age_group == "adult", (text, s.people)
    assert not any(p.words == "europa" for p in s.people), text


# ---------------------------------------------------------------- images of "us": the asker's own
# Images of the asker and another ("van ons", "of us") spread by someone: done to the asker; images "of our son"
# are of the son. The Dutch short possessives ("m'n", "z'n") and the chat spelling "mn" are "mijn".
US_DOERS = {"nl": ["mijn ex", "m'n vriend", "mn lief"], "en": ["my ex", "my boyfriend", "a guy from school"]}
US_IMAGES = {"nl": ["heeft een video van ons samen online gezet", "deelt foto's van ons in een groepschat"],
             "en": ["posted a video of us online", "is spreading nudes of us"]}
OUR_CHILD = {"nl": "{d} heeft foto's van ons zoontje gemaakt", "en": "{d} took photos of our little boy"}


@pytest.mark.parametrize("text", [f"{d} {i}" for lang in ("nl", "en")
                                  for d, i in itertools.product(US_DOERS[lang], US_IMAGES[lang])])
def test_images_of_us_are_done_to_the_asker(situ, text):
    s = situ(text)
    assert s.asker == "victim", (text, s.asker_role)


@pytest.mark.parametrize("text", [OUR_CHILD[lang].format(d=d) for lang in ("nl", "en") for d in US_DOERS[lang]])
def test_images_of_our_child_are_not_the_askers(situ, text):
    assert situ(text).asker != "victim", text


@pytest.mark.parametrize("short", ["m'n", "m\u2019n", "mn"])
def test_a_short_possessive_is_mine(situ, short):
    s = situ(f"{short} ex verspreidt {short} naaktfoto's")
    assert s.asker == "victim" and s.perpetrator() is not None and s.perpetrator().own, short


# ---------------------------------------------------------------- a question to someone is no asker speaking
# "heb je ...", "ben jij ...": a verb of the first person with a second person after it asks someone; it is not the
# asker who leaves out "ik" (`[pronouns] second`), so no asker is read from it.
ASKED = ["{v} {s} een idee wat ik moet doen? de monitor betast een meisje van 12",
         "{v} {s} hier ooit van gehoord: een collega slaat de bewoners"]


@pytest.mark.parametrize("text", [a.format(v=v, s=s) for a in ASKED for v in ("heb", "ben", "zit")
                                  for s in ("je", "jij", "u", "ge")])
def test_a_question_to_someone_is_no_asker(situ, text):
    s = situ(text)
    assert not any(p.relation == "self" and p.words in ("heb", "ben", "zit") for p in s.people), text
    assert s.asker_role != "bystander" or "ik" in text.split(), text


# ---------------------------------------------------------------- the asker's question is no part of the story
# "moet ik dit zonder toestemming doorgeven?": an act word in the asker's question of what to do is no act of theirs.
STORIES = {"nl": "een leerling van {n} vertelde me dat haar oom haar betast.",
           "en": "a pupil of {n} told me her uncle touches her."}
QUESTIONS = {"nl": ["Mag ik haar verhaal doorgeven zonder toestemming?", "Moet ik dit zonder toestemming doorgeven?",
                    "Kan ik haar ouders inlichten zonder haar toestemming?"],
             "en": ["Can I report this without her consent?", "Should I tell anyone without consent?",
                    "May I inform her parents without her consent?"]}


@pytest.mark.parametrize("text", [f"{STORIES[lang].format(n=n)} {q}" for lang in ("nl", "en")
                                  for q, n in itertools.product(QUESTIONS[lang], (12, 15))])
def test_the_askers_question_is_no_act_of_theirs(situ, text):
    s = situ(text)
    assert not any(p.relation == "self" and p.role for p in s.people), (text, s.people)
    assert s.asker == "professional", text
    assert s.perpetrator() is not None and s.perpetrator().relation == "elder", (text, s.people)


# ---------------------------------------------------------------- a message that opens with a son or a daughter
@pytest.mark.parametrize("text", [f"{who} {age} {what}" for who, what in (
    ("zoon", "sinds gisteren vermist, wat nu"), ("dochter", "wordt gepest op school, wat nu"),
    ("son", "did not come home after practice"), ("daughter", "groped on the bus this morning"))
    for age in ("van 13", "(14)", "15j") if not (who in ("son", "daughter") and age == "van 13")])
def test_a_message_opening_with_a_son_or_a_daughter_is_a_parents(situ, text):
    assert situ(text).asker == "parent", text


# "our 4-year-old": a child of the asker's named by an age alone; the asker asks as a parent, the ex is an adult.
@pytest.mark.parametrize("text", [f"{ex} {act} {own} {n}-{unit} {rest}" for ex, act, own, unit, rest in (
    ("My ex", "took", "our", "year-old", "abroad without asking me"),
    ("My ex-husband", "hit", "our", "year-old", "last weekend"),
    ("Mijn ex", "heeft", "onze", "jarige", "geslagen")) for n in (4, 9)])
def test_our_child_named_by_an_age_alone_makes_a_parent(situ, text):
    s = situ(text)
    assert s.asker == "parent", (text, s.people)
    assert s.victim() is not None and s.victim().own and s.victim().age_group == "minor", (text, s.people)


# An act on what is the asker's (`[asker] body`, past a particle: "filmed up my skirt"), not on a person of theirs
# past an age ("groping our 6 year old son").
@pytest.mark.parametrize("text,mine", [
    *((f"{d} {act} my {thing} this morning", True) for d, act, thing in itertools.product(
        ["a guy on the tram", "some man"], ["filmed up", "groped"], ["skirt", "bum"])),
    *((f"my {d} has been groping our {n} year old {c}, what do i do", False) for d, n, c in itertools.product(
        ["partner", "husband"], (6, 9), ["son", "daughter"]))])
def test_an_act_on_the_askers_own_or_on_their_child(situ, text, mine):
    s = situ(text)
    assert (s.asker == "victim") == mine, (text, s.people)
    assert s.perpetrator() is not None and s.perpetrator().relation != "self", (text, s.people)


# A partner or colleague makes the one it was done to an adult when they are theirs ("mijn vent", "a colleague" of
# the asker), not a man, a guy, a bouncer of no one's ("ne vent", "the bouncer").
@pytest.mark.parametrize("text,group", [
    *((f"{d} heeft me gisteren geslagen", "adult") for d in ("mijne vent", "mijn man", "een collega", "mijn collega")),
    *((f"{d} heeft me gisteren geslagen", "") for d in ("ne vent", "een man", "de uitsmijter")),
    *((f"{d} hit me last night", "adult") for d in ("my husband", "a colleague")),
    *((f"{d} hit me last night", "") for d in ("a man", "the bouncer", "some guy"))])
def test_the_asker_is_an_adult_by_their_own_partner_or_colleague(situ, text, group):
    s = situ(text)
    assert s.victim() is not None and s.victim().relation == "self" and s.victim().age_group == group, (text, s.people)


# Images of abused children found on someone's device: the one whose device it is did it (assumed).
DEVICES = {"nl": ["kinderporno gevonden op de {d} van mijn {w}", "op de {d} van mijn {w} staat kinderporno"],
           "en": ["found child porn on my {w}'s {d}", "there is child porn on the {d} of my {w}"]}
DEVICE_WORDS = {"nl": (["laptop", "gsm", "computer"], ["schoonbroer", "man", "buurman"]),
                "en": (["laptop", "phone", "computer"], ["uncle", "husband", "neighbour"])}


@pytest.mark.parametrize("text,owner", [(t.format(d=d, w=who), who) for lang in ("nl", "en") for t in DEVICES[lang]
                                        for d, who in itertools.product(*DEVICE_WORDS[lang])])
def test_the_owner_of_the_device_with_abuse_material(situ, text, owner):
    s = situ(text)
    doer = s.perpetrator()
    assert doer is not None and doer.words.split()[-1].startswith(owner), (text, s.people)
    assert "perpetrator" in s.assumed


# "a parent wrote in the group chat that I ...": the act verb that says what is told in the clause after is no act.
@pytest.mark.parametrize("text", [f"I'm a {j} and a {t} {v} that I touched her {c} (10)" for j, t, v, c in
                                  itertools.product(["judo coach", "teacher"], ["mother", "parent"],
                                                    ["posted in the class chat", "shared on instagram"],
                                                    ["daughter", "son"])])
def test_a_posting_that_tells_is_no_act(situ, text):
    s = situ(text)
    assert s.victim() is not None and s.victim().age == 10, (text, s.people)
    assert s.asker == "perpetrator", text


# "I am the foster mother of ...": a foster parent asks as a parent.
FOSTER = [("We are the", "foster parents"), ("I am a", "foster parent"), ("I am", "the foster mother")]
FOSTERED = [f"{w} {p} of a {n}-year-old who was {a} by {d}" for (w, p), n, a, d in itertools.product(
    FOSTER, (7, 12), ["abused", "hit"], ["her father", "an uncle"])]
FOSTERED_NL = [f"wij zijn pleegouders van een meisje van {n} dat door haar vader {a} werd" for n in (7, 12)
               for a in ("misbruikt", "geslagen")]


@pytest.mark.parametrize("text", FOSTERED + FOSTERED_NL)
def test_a_foster_parent_asks_as_a_parent(situ, text):
    assert situ(text).asker == "parent", text


# Feelings told in a clause joined on with no subject ("ik ben 45 en heb ..."): of the one of the clause before.
FEELINGS = {"nl": ["ik ben {n} en heb pedofiele gevoelens", "ik ben {n} en heb seksuele gevoelens voor kinderen"],
            "en": ["I am {n} and have sexual feelings for children", "im {n} and have paedophilic feelings"]}


@pytest.mark.parametrize("text,n", [(f.format(n=n), n) for lang in ("nl", "en") for f in FEELINGS[lang]
                                    for n in (19, 45)])
def test_feelings_in_a_joined_clause_are_the_askers(situ, text, n):
    s = situ(text)
    assert s.asker == "perpetrator", (text, s.people)
    assert s.perpetrator() is not None and s.perpetrator().relation == "self" and s.perpetrator().age == n
