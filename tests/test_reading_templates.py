"""Generated sentences, one mechanism each: persons × acts × voice × time × language, in our own words."""

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
