"""A plan reads only the services its rules may take (`Catalog.among`), and plans the same as when it read all."""

from __future__ import annotations

import itertools

import pytest

from conftest import many_helplines
from refertool import candidates, steps
from refertool.cache import CachedServices
from refertool.catalog import Want, load_catalog
from refertool.plan import Given, make_plan, read_text

# situations made from parts, in our own words: who it happened to, what, who did it, where
PEOPLE = ["mijn nichtje van 9", "een leerling van 14", "my neighbour's son, 16,", "een bewoner van 40"]
DEEDS = [("werd betast door", "nl"), ("is verkracht door", "nl"), ("was hit by", "en"), ("kreeg naaktfoto's van", "nl")]
DOERS = ["haar oom", "een trainer", "a stranger", "een begeleider"]
PLACES = ["in Hasselt", "", "in Brussels"]


def situations() -> list[tuple[str, str]]:
    made = [(f"{who} {deed} {doer} {where}".strip(), lang)
            for (who, (deed, lang), doer, where) in itertools.product(PEOPLE, DEEDS, DOERS, PLACES)]
    return made[::5] + [("ik voel me aangetrokken tot kinderen", "nl"), ("hallo", "nl")]


@pytest.fixture(scope="module")
def warm():
    load_catalog()  # builds the cache
    found = load_catalog()  # reads it: the index's member lists, services read when asked
    assert isinstance(found.services, CachedServices)
    return found


def wants(catalog) -> list[Want]:
    vocab = catalog.vocabulary
    kinds, topics = set(vocab.values("kinds")), set(vocab.values("topics"))
    out = [Want(), Want(kinds=set()), Want(sectors={""}), Want(sectors=set(vocab.values("sectors")))]
    out += [Want(kinds={k}) for k in sorted(kinds)] + [Want(topics={x}) for x in sorted(topics)]
    out += [Want(kinds={k}, topics=topics, roles={r}) for k in sorted(kinds) for r in ("victim", "professional")]
    out += [Want(roles={"victim", "perpetrator"}), candidates.CARE_CENTRE]
    return out


def test_among_by_the_index_is_among_by_the_services(warm):
    for want in wants(warm):
        assert [s.id for s in warm.among(want)] == [s.id for s in warm if want.meets(s)], want
    both = wants(warm)[4:9]
    assert [s.id for s in warm.among(*both)] == [s.id for s in warm if any(w.meets(s) for w in both)]


def test_a_rule_admits_only_what_it_asks_of_the_catalog(warm):
    """Every rule's Want holds for each service the rule's own conditions admit (else a plan would miss it)."""
    table = steps.bundled()
    for rule, asker in itertools.product(table.rules, steps.ASKERS):
        want = candidates.of_ask(rule, asker) if rule.step == "ask" else candidates.of_rule(
            rule, asker, {"sexual-abuse", "violence"}, table, "education", "education")
        for s in warm:
            if rule.step == "ask":
                assert not rule.asks(s, asker) or want.meets(s), (rule.line, s.id)
            elif not rule.care_centre:
                assert want.meets(s) or not _kinds_roles_topics(rule, s, asker), (rule.line, s.id)


def _kinds_roles_topics(rule, s, asker) -> bool:
    wanted = candidates.wanted(rule, {"sexual-abuse", "violence"}, steps.bundled())
    sector = {"none": not s.sectors, "doer": "education" in s.sectors, "asker": "education" in s.sectors}
    return ((not rule.kinds or s.kind in rule.kinds) and candidates.roles(rule, asker) <= set(s.roles)
            and (not rule.topics or bool(wanted & set(s.topics))) and sector.get(rule.sector, True))


def _plan(catalog, text: str, lang: str):
    situation, searched = read_text(catalog, text)
    plan = make_plan(catalog, situation, Given(), lang, text, searched=searched)
    return ([(sec.id, [(e.service.id, e.why, [o.id for o in e.others]) for e in sec.entries])
             for sec in plan.sections], [s.id for s in plan.support], plan.assumptions,
            [(who, [s.id for s in found]) for who, found in plan.advice])


def test_the_same_plans_from_the_index_as_from_every_service(warm, monkeypatch):
    monkeypatch.setenv("REFER_CACHE", "off")
    fresh = load_catalog()  # every service read: `among` filters them one by one
    assert not isinstance(fresh.services, CachedServices)
    for text, lang in situations():
        assert _plan(warm, text, lang) == _plan(fresh, text, lang), text


def test_a_plan_reads_none_of_the_services_no_rule_can_take(tmp_path, monkeypatch):
    """Helplines of no role and no topic: every rule asks for one, so the plan never reads them."""
    lines = many_helplines(tmp_path / "lines", 40)
    load_catalog([lines])
    catalog = load_catalog([lines])
    assert isinstance(catalog.services, CachedServices)
    read: set[str] = set()
    many = CachedServices.many  # by_number goes through it too

    def counted(self, numbers):
        read.update(self.index.data.ids[n] for n in numbers)
        return many(self, numbers)

    monkeypatch.setattr(CachedServices, "many", counted)
    for text, lang in situations()[:6]:
        situation, searched = read_text(catalog, text)
        read.clear()  # what the plan reads beyond its search
        plan = make_plan(catalog, situation, Given(), lang, text, searched=searched)
        assert plan.sections, text
        assert read, text
        assert not {sid for sid in read if sid.startswith("lijn-")}, text


def test_a_step_of_many_services_keeps_the_best_in_full_and_names_the_rest(tmp_path):
    """On a large directory a step could list thousands: it keeps KEPT entries in full and names the others
    by id and name (JSON `more`, an "also" line in Markdown, HTML and the terminal), none lost."""
    import io
    import json
    import re

    from conftest import ROOT
    from refertool.candidates import KEPT
    from refertool.render.plan import plan_object, plan_view, write_html, write_markdown

    source = (ROOT / "data" / "services" / "vertrouwenscentrum-kindermishandeling.toml").read_text(encoding="utf-8")
    copies = tmp_path / "copies" / "services"
    copies.mkdir(parents=True)
    for n in range(KEPT + 10):
        (copies / f"vk-kopie-{n:02d}.toml").write_text(
            re.sub(r'^name = "(.*)"$', rf'name = "\1 kopie {n:02d}"', source, count=1, flags=re.MULTILINE),
            encoding="utf-8")
    catalog = load_catalog([copies.parent])
    text = "een leerkracht vermoedt dat een leerling van 12 thuis wordt misbruikt"
    situation, searched = read_text(catalog, text)
    plan = make_plan(catalog, situation, Given(), "nl", text, searched=searched)
    (step,) = [s for s in plan.sections if any(e.service.id.startswith("vk-kopie") for e in s.entries)
               or any(i.startswith("vk-kopie") for i, _ in s.more)]
    assert len(step.entries) == KEPT and step.more
    shown = [e.service.id for e in step.entries] + [i for i, _ in step.more]
    assert {p.stem for p in copies.glob("*.toml")} <= set(shown)  # every copy, in full or named
    assert len(shown) == len(set(shown))
    named = [name for _, name in step.more]
    as_json = json.loads(json.dumps(plan_object(plan, "nl")))
    assert [m["name"] for s in as_json["sections"] for m in s.get("more", [])] == named
    md, page = io.StringIO(), io.StringIO()
    write_markdown(md, plan, "nl")
    write_html(page, plan, "nl")
    assert f"ook: {', '.join(named)}" in md.getvalue().replace("\\", "")
    assert named[-1] in page.getvalue()
    from rich.console import Console

    screen = Console(width=400, record=True, file=io.StringIO())
    screen.print(plan_view(plan, "nl"))
    assert f"en nog {len(step.more)}" in screen.export_text()
