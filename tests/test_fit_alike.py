"""A described situation's fit is worked out once per kind of service (`fit.fit_alike`), not per service: the
rankings must be those of a fit worked out for every service on its own, over a generated directory whose
copies each differ from their original in one thing the fit reads (a contact, a topic, a role, a sector, the
kind, the audiences or ages, the emergency rank, always open), and over situations made from templates."""

from __future__ import annotations

import itertools
import random

import pytest

from refertool import fit
from refertool.ages import indexed_ages
from refertool.catalog import Catalog
from refertool.ranking import search


def _changed(s, rng, vocab):
    """A copy of `s` that differs from it in one thing the fit reads."""
    pick = rng.randrange(10)
    values = {f: sorted(vocab.values(f)) for f in ("topics", "roles", "sectors", "kinds", "audiences")}
    if pick == 0 and s.contacts:
        return s._replace(contacts=s.contacts[1:])  # a channel fewer (perhaps no longer always open)
    if pick == 1:
        return s._replace(always_open=not s.always_open)
    if pick == 2:
        return s._replace(emergency=None if s.emergency is not None else rng.randint(1, 3))
    if pick == 3:
        return s._replace(topics=tuple(dict.fromkeys((*s.topics[1:], rng.choice(values["topics"])))))
    if pick == 4:
        return s._replace(roles=() if s.roles and rng.random() < 0.3 else (rng.choice(values["roles"]),))
    if pick == 5:
        return s._replace(sectors=() if s.sectors else (rng.choice(values["sectors"]),))
    if pick == 6:
        return s._replace(kind=rng.choice(values["kinds"]))
    if pick == 7:
        return s._replace(audiences=(rng.choice(values["audiences"]),))
    if pick == 8:
        return s._replace(age_min=rng.choice((None, 6, 12, 18)), age_max=None)
    return s  # the same service elsewhere: alike to its original


@pytest.fixture(scope="module")
def generated(catalog):
    rng = random.Random(19)
    services = {s.id: s for s in catalog.services.values()}
    for s in list(services.values()):
        for k in range(4):
            copy = _changed(s, rng, catalog.vocabulary)
            services[f"{s.id}-{k}"] = copy._replace(id=f"{s.id}-{k}", name=f"{s.name} {k}")
    return Catalog(services, catalog.vocabulary, catalog.regions)


# our own sentences, from templates: who it happened to x what was done x when x how the asker wants to reach someone
WHO = {"nl": ("mijn dochter van 14", "een leerling van 9", "mijn buurman van 40", "een speler van 16 uit mijn ploeg"),
       "en": ("my son, who is 13,", "a pupil of mine aged 10", "my neighbour, a woman of 35,")}
DONE = {"nl": ("is vannacht verkracht door een onbekende", "wordt thuis geslagen door haar stiefvader",
               "werd jaren geleden betast door een trainer", "wordt online afgeperst met naaktfoto's",
               "wordt elke dag gepest op school"),
        "en": ("was raped by a stranger last night", "is beaten at home by a parent",
               "was touched by a coach years ago", "is being blackmailed online with nude pictures")}
ASK = {"nl": ("", " Ik durf niet te bellen.", " Kan ik ergens chatten?", " Waar meld ik dit?",
              " Ik ben leerkracht, wat moet ik doen?"),
       "en": ("", " I am afraid to call anyone.", " Is there a chat?", " Where do I report this?")}


def _texts():
    for lang in ("nl", "en"):
        for who, done, ask in itertools.product(WHO[lang], DONE[lang], ASK[lang]):
            yield f"{who[0].upper()}{who[1:]} {done}.{ask}"


def _alone(index, vocab, candidates, aged):
    """Every service a kind of its own: the fit worked out for each."""
    return {i: (i, 0, None) for i in candidates}


def _ranked(catalog, text):
    result = search(catalog, text, limit=None)
    return [(h.service.id, h.key, h.why, h.fit) for h in result.hits], result.order, result.query.situation


def test_served_ages_are_the_indexed_ages(generated):
    index, vocab = generated.index, generated.vocabulary
    table = fit.served_ages(index, vocab)
    assert [table[i] for i in index.live] == [indexed_ages(index, i, vocab) for i in index.live]


def test_fitting_each_kind_once_ranks_as_fitting_every_service(generated, monkeypatch):
    texts = list(_texts())
    alike = [_ranked(generated, t) for t in texts]
    monkeypatch.setattr(fit, "fit_alike", _alone)
    for text, (hits, order, _) in zip(texts, alike):
        assert hits, text
        assert _ranked(generated, text)[:2] == (hits, order), text
    # the situations read weigh what tells the copies apart: the ways to reach someone, urgency, ages, askers
    situations = [s for _, _, s in alike]
    assert any(s.channels_avoided for s in situations) and any(s.channels_wanted for s in situations)
    assert {s.urgency for s in situations} >= {"acute", "past"}
    assert any(s.asker_kind() == "professional" for s in situations)
