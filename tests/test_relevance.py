"""The project's own relevance set: a regression in search quality fails CI."""

from __future__ import annotations

import sys
from pathlib import Path

from refertool.ranking import search

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

QUERIES = tomllib.loads((Path(__file__).parent / "relevance" / "queries.toml").read_text(encoding="utf-8"))["query"]


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
    assert mrr >= 0.95, (mrr, misses)
    assert hit3 >= 0.97, (hit3, misses)
