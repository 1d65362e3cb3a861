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
