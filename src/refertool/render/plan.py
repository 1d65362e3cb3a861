"""A referral plan on a terminal (short: three entries a step), as JSON, as Markdown (for a case file or
an e-mail) and as one self-contained HTML page; the files end with a record to tick and note.

Every piece of data is text: escaped for Markdown and HTML, never markup that would run.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping
from typing import IO, Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..emergency import shared_name
from ..i18n import t
from ..model import Contact, Service
from ..plan import Entry, Plan, Section
from ..sources import Source
from ..validate import today as the_day  # REFER_TODAY reaches the record too
from ..version import __version__
from .records import service_object, situation_object
from .safe import clean, http_link, markdown_text

SHOWN = 3  # entries a step shows in full on a terminal, best first; the rest are named on one "also" line
# the help steps show two: the asker passes them on, the person helped makes the contact (one screen)
SHOWN_IN = {"help-victim": 2, "help-perpetrator": 2}
# (of the best three, one that may not serve the person, `Entry.unsure_area`, is named with the rest)


def plan_object(plan: Plan, lang: str, sources: Mapping[str, Source] | None = None,
                situation: bool = True) -> dict[str, Any]:
    """The JSON of a plan (documented in docs/plan.md; keys are stable); services as `refer show` gives them,
    without where their facts come from (a plan is read by the person who calls: `refer show` has the sources)."""
    def service(s: Service) -> dict[str, Any]:
        return service_object(s, lang, sources, provenance=False)

    return {
        "situation": situation_object(plan.situation, plan.described) if situation else None,
        "assumptions": list(plan.assumptions),
        "sections": [{"id": s.id, "title": s.title,
                      "entries": [{"service": service(e.service), "why": e.why,
                                   "others": [service(o) for o in e.others]} for e in s.entries],
                      # a step of more than plan.KEPT entries names the rest, by id and name
                      **({"more": [{"id": i, "name": name} for i, name in s.more]} if s.more else {})}
                     for s in plan.sections],
        "support": [service(s) for s in plan.support],
        "ask": [{"for": label, "services": [service(s) for s in found]} for label, found in plan.advice],
        "steps_version": plan.version,
    }


def _reach(s: Service, lang: str) -> list[tuple[str, str]]:
    """Every contact in the data's order (the best first) with its caveat; else the route to one."""
    return [(c.value, c.note.get(lang).rstrip(".")) for c in s.contacts] or [("", s.how_to_reach.get(lang))]


def _danger_number(e: Entry) -> Contact | None:
    """An entry reached by its route (the police in Report): its number for danger now (an emergency number's
    first phone), which is not how a complaint is filed and so is left out there."""
    return next((c for c in e.service.contacts if c.channel == "phone"), None) if e.by_route else None


def _by_route(e: Entry, lang: str) -> list[tuple[str, str]]:
    """An entry reached by its route: the route, then its contacts but the number for danger now."""
    danger = _danger_number(e)
    return [(e.route, ""), *((c.value, c.note.get(lang).rstrip(".")) for c in e.service.contacts if c is not danger)]


def _with_note(value: str, note: str) -> str:
    return f"{value} ({note})" if value and note else value or note


def _where(s: Service) -> str:
    """Where a located service is: its hospital or building, address and town, as the data gives them."""
    return "; ".join(", ".join(x for x in (loc.name, loc.address, loc.city if loc.city not in loc.address else "")
                               if x) for loc in s.locations)


def best_contact(s: Service, lang: str) -> str:
    """The contact to use first: a phone number before a site, as the data lists them; else the route."""
    return best_with_note(s, lang)[0]


def best_with_note(s: Service, lang: str) -> tuple[str, str]:
    """The contact to use first and its caveat ("during office hours", "press 1"), which travels with it."""
    first = next((c for c in s.contacts if c.channel == "phone"), s.contacts[0] if s.contacts else None)
    if first is None:
        return s.how_to_reach.get(lang), ""
    return first.value, first.note.get(lang).rstrip(".")


# ---------------------------------------------------------------- the terminal
def plan_view(plan: Plan, lang: str, situation: bool = True) -> Group:
    """The plan on a terminal, short enough for one screen a step: what was read; per step the best three
    entries (name, the contact to use first, where, why) and the others by name; general support as one
    line; then the assumptions. Everything is in -f md, html and json."""
    parts: list[RenderableType] = [_txt(t("plan_title", lang), "bold reverse")]
    if situation:
        parts.append(Text.assemble(_txt(f"{t('plan_situation', lang)}: ", "bold"), _txt(plan.described, "italic")))
    for n, section in enumerate(plan.sections, 1):
        parts.append(_txt(f"{n}. {section.title}", "bold red" if section.id == "now" else "bold"))
        rows = Table.grid(padding=(0, 1))
        rows.add_column(width=1, no_wrap=True)
        rows.add_column(overflow="fold")
        shown, rest = in_full(section)
        for e in shown:
            rows.add_row("•", _entry_text(e, lang))
        if rest or section.more:
            names = ", ".join(e.service.name for e in rest)
            also = t("plan_and_more", lang, names, len(section.more)) if section.more and names \
                else names or t("plan_more", lang, len(section.more))
            rows.add_row("", _txt(f"{t('plan_also', lang)}: {also}", "dim"))
        parts.append(rows)
    if plan.support:
        parts.append(Text.assemble(_txt(f"{t('plan_support', lang)}: ", "bold"),
                                   _txt(", ".join(s.name for s in plan.support))))
    if plan.assumptions:
        parts.append(_txt(f"{t('plan_assumptions', lang)}:", "bold"))
        parts += [_txt(f"• {a}", "yellow") for a in plan.assumptions]
    return Group(*parts)


def in_full(section: Section) -> tuple[list[Entry], list[Entry]]:
    """The entries a terminal shows in full and those it only names: the best three (two in a help step), but
    not one that may not serve the person (no place known, it serves only part of a region), which is named
    with the rest; no next one takes its place."""
    best = list(section.entries[:SHOWN_IN.get(section.id, SHOWN)])
    shown = [e for e in best if not e.unsure_area] or best
    return shown, [e for e in section.entries if e not in shown]


def _txt(value: object, style: str = "") -> Text:
    return Text(clean(str(value)), style=style)


# the longest web address a plan shows whole: a 60-column terminal less an entry's bullet and indent
URL_SHOWN = 56


def shown_url(url: str) -> str:
    """A web address as a terminal shows it: without the scheme and the query, so that it fits a line
    whole (the link itself keeps them); one longer than the narrowest terminal's line shows its site and
    its last part ("www.vlaanderen.be/…/over-het-meldpunt") rather than being broken over two lines
    (the link, `refer show` and the files keep it in full)."""
    for scheme in ("https://", "http://"):
        if url.startswith(scheme):
            url = url[len(scheme):]
    url = url.split("?", 1)[0].split("#", 1)[0].rstrip("/")
    site, _, path = url.partition("/")
    if len(url) <= URL_SHOWN or "/" not in path:
        return url
    return f"{site}/…/{path.rsplit('/', 1)[1]}"


def _entry_text(e: Entry, lang: str) -> Text:
    """Name and the contact to use first; where (a hospital, its address); the others of its kind; why."""
    s = e.service
    if e.others:  # no place known: one line naming them all, the nearest by the query's language first
        towns = ", ".join(_town(o) for o in (s, *e.others))
        return Text.assemble(_txt(_group_name(e), "bold"), f": {clean(towns)}",
                             (f" ({t('plan_centres_by_town', lang)})", "dim"),
                             (f"\n{clean(_group_why(e, lang))}", "dim"))
    best, note = (e.route, "") if e.by_route else best_with_note(s, lang)
    link = http_link(best) if best.startswith(("http", "www.")) else None
    out = Text.assemble(_txt(s.name, "bold"), "  ")
    out.append(clean(shown_url(best) if link else best), style=f"bold link {link}" if link else "bold")
    if note:  # a caveat travels with its number, on every format
        out.append(f" ({clean(note)})")
    if e.facts:
        out.append("  " + clean(" · ".join(e.facts)), style="green")
    where = _where(s)
    if where:
        out.append("\n" + clean(where))
    out.append(f"\n{clean(e.reason or e.why)}", style="dim")
    return out


def _town(s: Service) -> str:
    return s.locations[0].city if s.locations else s.name


def _group_name(e: Entry) -> str:
    """The name the services of one entry share ("Zorgcentrum na Seksueel Geweld"), no place known."""
    return shared_name([o.name for o in (e.service, *e.others)]) or e.service.name


def _group_why(e: Entry, lang: str) -> str:
    """The reason of an entry that names several services, and which of them is not open day and night."""
    daytime = [_town(o) for o in (e.service, *e.others) if not o.always_reachable]
    hours = f" ({t('plan_not_always', lang, ', '.join(daytime))})" if daytime else ""
    return f"{e.reason or e.why}{hours}"


def _group_reach(e: Entry, lang: str) -> list[tuple[str, str]]:
    """The contacts every service of the entry shares (the care centres' federal site); each one's own is on
    its card and in JSON."""
    others = [_reach(o, lang) for o in e.others]
    return [c for c in _reach(e.service, lang) if c[0] and all(c in r for r in others)]


# ---------------------------------------------------------------- files
def _record(plan: Plan, lang: str, today: dt.date | None) -> tuple[str, str, list[str]]:
    """The record's date, the data's version and one line per step to tick and note."""
    day = (today or the_day()).isoformat()
    checked = max((e.service.verified_at for s in plan.sections for e in s.entries), default=None)
    data = t("plan_record_data_value", lang, __version__, plan.version, checked.isoformat() if checked else "-")
    return day, data, [f"{n}. {s.title}" for n, s in enumerate(plan.sections, 1)]


def write_markdown(out: IO[str], plan: Plan, lang: str, situation: bool = True,
                   today: dt.date | None = None) -> None:
    md = markdown_text
    out.write(f"# {t('plan_title', lang)}\n\n")
    out.write(f"*{t('plan_situation', lang)}:* {md(plan.described)}\n" if situation
              else f"*{md(t('plan_record_left_out', lang))}*\n")
    if plan.assumptions:
        out.write(f"\n**{t('plan_assumptions', lang)}**\n\n")
        out.writelines(f"- {md(a)}\n" for a in plan.assumptions)
    for n, section in enumerate(plan.sections, 1):
        out.write(f"\n## {n}. {md(section.title)}\n\n")
        for e in section.entries:
            if e.others:  # no place known: the care centres on one line, nearest first, as on a terminal
                places = " · ".join(md(_where(o) or o.name) for o in (e.service, *e.others))
                shared = " · ".join(md(_with_note(v, note)) for v, note in _group_reach(e, lang))
                out.write(f"- **{md(_group_name(e))}**: {places} ({md(t('plan_centres_by_town', lang))})"
                          + (f"  \n  {shared}" if shared else "") + f"  \n  {md(_group_why(e, lang))}\n")
                continue
            s = e.service
            reach = _by_route(e, lang) if e.by_route else _reach(s, lang)
            reach_line = " · ".join(f"{md(v)} ({md(note)})" if v and note else md(v or note) for v, note in reach)
            where = f"  \n  {md(_where(s))}" if _where(s) else ""
            out.write(f"- **{md(s.name)}**: {reach_line}{where}  \n  {md(e.why)}\n")
        if section.more:
            out.write(f"\n{md(t('plan_also', lang))}: {md(', '.join(name for _, name in section.more))}\n")
    if plan.support:
        out.write(f"\n## {md(t('plan_support', lang))}\n\n")
        out.writelines(f"- **{md(s.name)}**: {md(_with_note(*best_with_note(s, lang)))}\n" for s in plan.support)
    day, data, steps = _record(plan, lang, today)
    out.write(f"\n## {t('plan_record', lang)}\n\n- {t('plan_record_date', lang)}: {day}\n"
              f"- {t('plan_record_data', lang)}: {md(data)}\n")
    out.writelines(f"- [ ] {md(step)}: {md(t('plan_record_step', lang))}\n" for step in steps)


STYLE = """
body { font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #111; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 1.6rem; border-bottom: 1px solid #ccc; }
h2.now { color: #b00; }
.read { font-style: italic; } .assumptions { background: #fff6d5; padding: .5rem 1rem .5rem 2rem; }
ul.entries { list-style: none; padding: 0; } ul.entries li { margin: .6rem 0; }
.name { font-weight: bold; } .reach { font-weight: bold; font-size: 1.1rem; } .why { color: #333; }
.route, .note, .where { font-weight: normal; font-size: 1rem; } .note { color: #555; }
ul.record { list-style: none; padding: 0; } ul.record li { margin: .8rem 0; border-bottom: 1px dotted #999; }
@page { size: A4; margin: 15mm; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; text-decoration: none; }
  ul.entries li { break-inside: avoid; } }
"""


def write_html(out: IO[str], plan: Plan, lang: str, situation: bool = True, today: dt.date | None = None) -> None:
    def esc(text: str) -> str:
        return html.escape(clean(text), quote=True)

    def reach_html(s: Service, skip: Contact | None = None) -> str:
        if not s.contacts:
            return f'<span class="route">{esc(s.how_to_reach.get(lang))}</span>'
        parts = []
        for c in s.contacts:
            if c is skip:
                continue
            link = http_link(c.value) if c.channel in ("website", "chat") else None
            value = f'<a href="{esc(link)}">{esc(c.value)}</a>' if link else esc(c.value)
            note = c.note.get(lang).rstrip(".")
            parts.append(f'{value} <span class="note">({esc(note)})</span>' if note else value)
        return "<br>".join(parts)

    def group(e: Entry) -> str:  # no place known: the care centres on one line, nearest first
        places = " · ".join(esc(_where(o) or o.name) for o in (e.service, *e.others))
        shared = " · ".join(f'<a href="{esc(http_link(v) or v)}">{esc(v)}</a>'
                            + (f' <span class="note">({esc(note)})</span>' if note else "")
                            for v, note in _group_reach(e, lang))
        return (f'<li><span class="name">{esc(_group_name(e))}</span><br><span class="where">{places} '
                f'({esc(t("plan_centres_by_town", lang))})</span><br>'
                + (f'<span class="reach">{shared}</span><br>' if shared else "")
                + f'<span class="why">{esc(_group_why(e, lang))}</span></li>\n')

    def items(e: Entry) -> str:
        if e.others:
            return group(e)
        s = e.service
        route = f'<span class="route">{esc(e.route)}</span><br>' if e.by_route else ""
        return (f'<li><span class="name">{esc(s.name)}</span><br>{route}'
                f'<span class="reach">{reach_html(s, _danger_number(e))}</span><br>'
                + (f'<span class="where">{esc(_where(s))}</span><br>' if _where(s) else "")
                + f'<span class="why">{esc(e.why)}</span></li>\n')

    title = esc(t("plan_title", lang))
    read = (f"{esc(t('plan_situation', lang))}: {esc(plan.described)}" if situation
            else esc(t("plan_record_left_out", lang)))
    out.write(f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
              f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
              f"<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{title}</h1>\n"
              f'<p class="read">{read}</p>\n')
    if plan.assumptions:
        out.write(f'<ul class="assumptions" aria-label="{esc(t("plan_assumptions", lang))}">\n')
        out.writelines(f"<li>{esc(a)}</li>\n" for a in plan.assumptions)
        out.write("</ul>\n")
    for n, section in enumerate(plan.sections, 1):
        out.write(f'<section id="{esc(section.id)}">\n<h2 class="{esc(section.id)}">{n}. {esc(section.title)}</h2>\n'
                  '<ul class="entries">\n')
        for e in section.entries:
            out.write(items(e))
        out.write("</ul>\n")
        if section.more:
            out.write(f'<p class="also">{esc(t("plan_also", lang))}: '
                      f'{esc(", ".join(name for _, name in section.more))}</p>\n')
        out.write("</section>\n")
    if plan.support:
        out.write(f'<section id="support">\n<h2>{esc(t("plan_support", lang))}</h2>\n<ul class="entries">\n')
        out.writelines(f'<li><span class="name">{esc(s.name)}</span>: '
                       f'{esc(_with_note(*best_with_note(s, lang)))}</li>\n'
                       for s in plan.support)
        out.write("</ul>\n</section>\n")
    day, data, steps = _record(plan, lang, today)
    out.write(f'<section id="record">\n<h2>{esc(t("plan_record", lang))}</h2>\n'
              f'<p>{esc(t("plan_record_date", lang))}: {esc(day)}<br>{esc(t("plan_record_data", lang))}: '
              f'{esc(data)}</p>\n<ul class="record">\n')
    out.writelines(f'<li>&#9744; {esc(step)}: {esc(t("plan_record_step", lang))}</li>\n' for step in steps)
    out.write("</ul>\n</section>\n</body>\n</html>\n")
