"""The project's own relevance set: a regression in search quality fails CI."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from refertool.ranking import search

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

HERE = Path(__file__).parent / "relevance"
QUERIES = tomllib.loads((HERE / "queries.toml").read_text(encoding="utf-8"))["query"]
PHONE = re.compile(r"^(?!\d{4}-\d{2}-\d{2})[+0-9][0-9 ./()-]{1,20}$")  # as ../shared/eval/relevance.py
# Described situations, expected services named by the patterns of the shared relevance check
SITUATIONS = tomllib.loads((HERE / "situations.toml").read_text(encoding="utf-8"))["query"]
PATTERNS = {k: re.compile(v, re.IGNORECASE)
            for k, v in tomllib.loads((HERE / "services.toml").read_text(encoding="utf-8"))["patterns"].items()}


# Before the situation reader: MRR 0.690, hit@3 0.759 on the first 83; with it 0.902 and 0.940. With the
# twenty sentences written after the second round (harder; not tuned on), 0.879 and 0.922 on all 103.
# Third round (2026-12-03): 0.812 and 0.903. The reader no longer holds what it had learned from the query
# files, "acute" now means within a week (the care centre first), and the data was corrected against its
# sources (the VK is for professionals, citizens call 1712; Awel, the sport tribunal and the human-rights
# institute joined), so several expectations of this set are met at rank 2-3 instead of 1. These floors guard
# against a regression from here; how well the reader reads unseen sentences is measured on blind sets
# (docs/reading.md), not here.
# Fourth round (reader2): a separable verb is now matched by its written form as well as its lemma, so that
# "aan haar zit" is read as touching a child (sexual abuse); one query of this set that wants advice first then
# ranks the advice line 4th instead of 2nd (0.903 -> 0.893). A reading change, not a ranking change.
# Fifth round (rank3): the fit follows the reading's asker, the person's age now and the harm (a professional
# meets the services for professionals, a citizen 1712; no care centre for a beating; care first after acute
# sexual violence): 0.809 -> 0.828 and 0.893 -> 0.913, with no change to this set's keyword half.
# Sixth round (the reader's third round merged with rank3): 0.825 and 0.903. Two readings changed on purpose: a
# sexual assault "last weekend" is within the week (acute: the care centres first, not the advice this set wants),
# and an act told in the present goes on (recent, not past). Fresh blind sets, not this one, judge the reader.
# Seventh round (rank4): services that differ only by place (the care centres) show the best-placed one, then
# other kinds of help; a sexual harm to a minor, or any harm by an adult, meets the services for child abuse:
# 0.825 -> 0.847 and 0.903 -> 0.932.
# Eighth round (rank6): a setting's route for a report fits by the person only when a report is on the table; the
# accused's legal help is not mediation; whoever asks for themself is the one the services are for; words that say
# when weigh nothing; days later, medical care only at a service for the sexual harm told: 0.847 -> 0.870 (hit@3
# 0.932 unchanged). The MRR floor follows, with a little room for the reader's changes.
# Ninth round (rank7): who advises first, then the setting's bodies; the chat the asker cannot call; a parent's report
# to the setting's route; the perpetrators' services by age group: 0.864 -> 0.874 (hit@3 0.932 unchanged). The floors
# stay: the reader is being changed beside this round.
MIN_SITUATION_MRR, MIN_SITUATION_HIT3 = 0.86, 0.93
# The keyword set: 0.961 before the data corrections, 0.944 after (one query, free legal information, meets
# the house of justice at rank 5 behind four services that also offer legal help to victims).
MIN_KEYWORD_MRR, MIN_KEYWORD_HIT3 = 0.94, 0.97


def ranks(catalog):
    out = []
    for item in QUERIES:
        got = [h.service.id for h in search(catalog, item["q"], limit=10).hits]
        out.append(next((n for n, sid in enumerate(got, 1) if sid in item["expect"]), None))
    return out


def test_the_set_is_large_and_names_real_services(catalog):
    assert len(QUERIES) >= 80
    unknown = {sid for q in QUERIES for sid in q["expect"]} - set(catalog.services)
    assert unknown == set()


def test_mrr_and_hit_at_3(catalog):
    found = ranks(catalog)
    mrr = sum(1 / r for r in found if r) / len(found)
    hit3 = sum(1 for r in found if r and r <= 3) / len(found)
    misses = [(q["q"], r) for q, r in zip(QUERIES, found) if not r or r > 3]
    assert mrr >= MIN_KEYWORD_MRR, (mrr, misses)
    assert hit3 >= MIN_KEYWORD_HIT3, (hit3, misses)


def situation_ranks(catalog):
    out = []
    for item in SITUATIONS:
        hits = search(catalog, item["q"], limit=10).hits
        texts = [" | ".join([h.service.name, h.service.id, *(c.value for c in h.service.contacts
                                                              if PHONE.match(c.value.strip()))]) for h in hits]
        out.append(next((n for n, t in enumerate(texts, 1) if any(PATTERNS[k].search(t) for k in item["expect"])),
                        None))
    return out


def test_situation_set_is_large_and_its_keys_are_known():
    assert len(SITUATIONS) >= 80
    assert {k for q in SITUATIONS for k in q["expect"]} <= set(PATTERNS)


def test_situation_mrr_and_hit_at_3(catalog):
    found = situation_ranks(catalog)
    mrr = sum(1 / r for r in found if r) / len(found)
    hit3 = sum(1 for r in found if r and r <= 3) / len(found)
    misses = [(q["q"], r) for q, r in zip(SITUATIONS, found) if not r or r > 3]
    assert mrr >= MIN_SITUATION_MRR, (mrr, misses)
    assert hit3 >= MIN_SITUATION_HIT3, (hit3, misses)
