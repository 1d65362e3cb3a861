"""When it happened and whether it goes on, on generated sentences: tense × voice × persons × time × language.

Each group tests one mechanism of `reading/time.py` (and its rules in data/situation.toml) on combinations
written for this file.
"""

from __future__ import annotations

import itertools

import pytest

from refertool.fit import situation_fit
from refertool.reading.model import Situation
from refertool.reading.read import read


@pytest.fixture(scope="module")
def situ(catalog):
    def run(text: str) -> Situation:
        return read(text, catalog.vocabulary, catalog.regions, catalog.index.word_set.__contains__)
    return run


VICTIMS = {"nl": ["mijn zus", "een bewoner", "onze dochter"], "en": ["my sister", "a resident", "our daughter"]}
DOERS = {"nl": ["haar lief", "een begeleider", "de buurman"], "en": ["her boyfriend", "a carer", "the neighbour"]}


# ---------------------------------------------------------------- a passive of the present goes on
PASSIVE = {"nl": ("{v} wordt {act} door {d}", ("betast", "geslagen", "mishandeld", "tot seks gedwongen")),
           "en": ("{v} is being {act} by {d}", ("hit", "groped", "abused", "bullied"))}
PAST_PASSIVE = {"nl": "{v} werd {act} door {d}", "en": "{v} was being {act} by {d}"}


def _passives(table):
    return [table[lang][0].format(v=v, d=d, act=act) if isinstance(table[lang], tuple)
            else table[lang].format(v=v, d=d, act=act)
            for lang in ("nl", "en") for v, d, act in itertools.product(VICTIMS[lang], DOERS[lang], PASSIVE[lang][1])]


@pytest.mark.parametrize("text,now", [*((x, True) for x in _passives(PASSIVE)),
                                      *((x, False) for x in _passives(PAST_PASSIVE))])
def test_a_passive_of_the_present_goes_on_and_of_the_past_not(situ, text, now):
    s = situ(text)
    assert s.ongoing == now and (s.urgency == "recent") == now, text


# ---------------------------------------------------------------- a verb in the present before the act
PRESENT = {"nl": [("{d} geeft {v} geld in ruil voor seks", "{d} gaf {v} geld in ruil voor seks"),
                  ("{v} moet van {d} dingen doen die hij niet wil", "{v} moest van {d} dingen doen die hij niet wilde"),
                  ("{d} laat {v} dingen doen die ze zelf niet wil", "{d} liet {v} dingen doen die ze zelf niet wou")],
           "en": [("{d} gives her money in exchange for sex", "{d} gave her money in exchange for sex"),
                  ("{d} makes her do sexual things", "{d} made her do sexual things"),
                  ("{d} pays her rent in exchange for sex", "{d} paid her rent in exchange for sex")]}


# (and a plural noun is no verb of the present: "years ago", "als kind")
NOT_VERBS = [f"{n} {unit} ago {x}" for n, unit, x in itertools.product(
    ("3", "five", "12"), ("years",), ("he was hit by a leader", "she was groped as a kid", "they hit him"))]


@pytest.mark.parametrize("text,now", [*((x.format(v=v, d=d), now) for lang in ("nl", "en")
                                        for v, d, pair in itertools.product(VICTIMS[lang], DOERS[lang], PRESENT[lang])
                                        for x, now in zip(pair, (True, False))), *((x, False) for x in NOT_VERBS)])
def test_a_verb_in_the_present_before_the_act_tells_it_goes_on(situ, text, now):
    s = situ(text)
    assert s.ongoing == now and (s.urgency == "recent") == now, text


# ---------------------------------------------------------------- a time said apart, after the act
ACTS = {"nl": ["{d} slaat haar", "{d} stuurt haar berichtjes", "{d} zit aan haar"],
        "en": ["{d} hits her", "{d} keeps texting her", "{d} watches her in the bath"]}
SINCE = {"nl": ["Sinds de zomer.", "Al maanden.", "Sinds januari."], "en": ["Since the summer.", "For months now.",
                                                                         "Since January."]}
WORSE = {"nl": ["vorige nacht nog erger", "gisteren weer"], "en": ["last night worse than ever", "yesterday again"]}


@pytest.mark.parametrize("text", [f"{a.format(d=d)}. {s}" for lang in ("nl", "en")
                                  for a, d, s in itertools.product(ACTS[lang], DOERS[lang], SINCE[lang])])
def test_a_span_said_on_its_own_after_the_act_is_of_the_act(situ, text):
    s = situ(text)
    assert s.ongoing and s.urgency == "recent", text


HABIT = {"nl": "{act}, al jaren, {w}", "en": "{act} for years, {w}"}


@pytest.mark.parametrize("text", [HABIT[lang].format(act=a.format(d=d), w=w) for lang in ("nl", "en")
                                  for a, d, w in itertools.product(ACTS[lang][:1], DOERS[lang], WORSE[lang])])
def test_a_day_said_on_its_own_after_a_habit_is_of_the_habit(situ, text):
    assert situ(text).urgency == "acute", text


# ---------------------------------------------------------------- days, parts of days, school years
@pytest.mark.parametrize("text", [x.format(day=day, n=n) for day, n, x in itertools.product(
    ("weekend", "saturday", "zaterdag", "vrijdag"), ("three", "drie", "5"),
    ("she was raped at a {day} {n} weeks ago", "ze werd verkracht op een {day} {n} weken geleden"))])
def test_a_day_with_a_date_after_it_is_that_date(situ, text):
    assert situ(text).urgency == "recent", text


@pytest.mark.parametrize("text", [x.format(o=o, act=act) for o, act, x in itertools.product(
    ("2nd", "4th", "5th"), ("my teacher touched me", "a coach abused me"),
    ("I am 30 now; {act} when I was in {o} grade.", "when i was in {o} grade at school {act}")
)] + [x.format(o=o, act=act) for o, act, x in itertools.product(
    ("3de", "5de", "1ste"), ("heeft de meester me betast", "misbruikte een leider me"),
    ("toen ik in het {o} leerjaar zat {act}",))])
def test_a_school_year_then_is_long_ago(situ, text):
    assert situ(text).urgency == "past", text


@pytest.mark.parametrize("text", [f"{n} years ago a former partner forced me to have sex and {then} it returned"
                                  for n, then in itertools.product(("two", "ten", "5"), ("tonight", "today",
                                                                                        "this morning"))])
def test_the_time_in_the_acts_own_clause_comes_first(situ, text):
    assert situ(text).urgency == "past", text


@pytest.mark.parametrize("text,urgency", [
    *((f"{v} werd {x} betast door {d}", "recent") for v, d, x in itertools.product(
        VICTIMS["nl"], DOERS["nl"], ("de voorbije weken", "de voorbije maanden"))),
    *((f"{d} hits her, {x}", "recent") for d, x in itertools.product(
        DOERS["en"], ("it is still going on", "its still happening"))),
    *((f"{d} is hitting her, {x}", "acute") for d, x in itertools.product(
        DOERS["en"], ("it is happening now", "as we speak"))),
])
def test_everyday_words_of_when(situ, text, urgency):
    assert situ(text).urgency == urgency, text


# ---------------------------------------------------------------- the fit: an act that goes on is not of days ago
@pytest.mark.parametrize("ongoing", [True, False])
def test_an_act_that_goes_on_is_no_reason_for_the_care_of_days_after(catalog, ongoing):
    from refertool.reading.model import Person

    told = Situation(people=(Person("victim", 30, "adult", "relative", "zus"),), urgency="recent",
                     topics=("sexual-violence",), ongoing=ongoing)
    index = catalog.index
    got = situation_fit(told, index, catalog.vocabulary, set(), set(index.live))
    why = {index.data.ids[i]: fit.why for i, fit in got.items()}
    recent = any(w.startswith("recent") for w in why.get("zorgcentrum-seksueel-geweld-gent", ()))
    assert recent != ongoing


# ---------------------------------------------------------------- months, dates and decades (as of a fixed day)
DATES = [("in maart", "recent"), ("op 17 juni", "acute"), ("op 3 juni", "recent"), ("in juli", "recent"),
         ("in maart 2021", "past"), ("in de jaren 90", "past"), ("in juni", "recent"), ("onlangs", "recent"),
         ("in March", "recent"), ("on the 18th of June", "acute"), ("on June 2", "recent"), ("in the 90s", "past"),
         ("in May 2019", "past"), ("a few months back", "recent"), ("recently", "recent")]


@pytest.mark.parametrize("text,urgency", [*((x.format(w=w), u) for (w, u), x in itertools.product(DATES, (
    "{w} werd ze aangerand door een man", "she was assaulted by a man {w}", "{w} sloeg hij haar"))),
    # (a month that is also a word is no date alone)
    ("she may be abused by him", ""), ("they march on the street and he was beaten", "")])
def test_a_month_a_date_or_a_decade_tells_the_days_ago(situ, monkeypatch, text, urgency):
    monkeypatch.setenv("REFER_TODAY", "2026-06-20")
    assert situ(text).urgency == urgency, text
