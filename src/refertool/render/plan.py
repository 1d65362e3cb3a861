"""A referral plan as JSON, Markdown (for a case file or an e-mail) and one self-contained HTML page.

Every piece of data is text: escaped for Markdown and HTML, never markup that would run.
"""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Mapping
from typing import IO, Any

from ..i18n import t
from ..model import Service
from ..plan import Plan
from ..sources import Source
from .records import service_object
from .safe import clean, http_link, markdown_text


def plan_object(plan: Plan, lang: str, sources: Mapping[str, Source] | None = None) -> dict[str, Any]:
    """The JSON of a plan (documented in the README; keys are stable); services as `refer show` gives them,
    without where their facts come from (a plan is read by the person who calls: `refer show` has the sources)."""
    return {
        "situation": {**{k: sorted(v) if isinstance(v, frozenset) else v
                         for k, v in dataclasses.asdict(plan.situation).items()}, "described": plan.described},
        "assumptions": list(plan.assumptions),
        "sections": [{"id": s.id, "title": s.title,
                      "entries": [{"service": service_object(e.service, lang, sources, provenance=False),
                                   "why": e.why}
                                  for e in s.entries]}
                     for s in plan.sections],
    }


def _reach(s: Service, lang: str) -> list[tuple[str, str]]:
    """Every contact in the data's order (the best first) with its caveat; else the route to one."""
    return [(c.value, c.note.get(lang).rstrip(".")) for c in s.contacts] or [("", s.how_to_reach.get(lang))]


def write_markdown(out: IO[str], plan: Plan, lang: str) -> None:
    md = markdown_text
    out.write(f"# {t('plan_title', lang)}\n\n*{t('plan_situation', lang)}:* {md(plan.described)}\n")
    if plan.assumptions:
        out.write(f"\n**{t('plan_assumptions', lang)}**\n\n")
        out.writelines(f"- {md(a)}\n" for a in plan.assumptions)
    for n, section in enumerate(plan.sections, 1):
        out.write(f"\n## {n}. {md(section.title)}\n\n")
        for e in section.entries:
            reach_line = " · ".join(f"{md(v)} ({md(note)})" if v and note else md(v or note)
                                    for v, note in _reach(e.service, lang))
            out.write(f"- **{md(e.service.name)}**: {reach_line}  \n  {md(e.why)}\n")


STYLE = """
body { font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #111; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 1.6rem; border-bottom: 1px solid #ccc; }
h2.now { color: #b00; }
.read { font-style: italic; } .assumptions { background: #fff6d5; padding: .5rem 1rem .5rem 2rem; }
ul.entries { list-style: none; padding: 0; } ul.entries li { margin: .6rem 0; }
.name { font-weight: bold; } .reach { font-weight: bold; font-size: 1.1rem; } .why { color: #333; }
.route, .note { font-weight: normal; font-size: 1rem; } .note { color: #555; }
@page { size: A4; margin: 15mm; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; text-decoration: none; }
  ul.entries li { break-inside: avoid; } }
"""


def write_html(out: IO[str], plan: Plan, lang: str) -> None:
    def esc(text: str) -> str:
        return html.escape(clean(text), quote=True)

    def reach_html(s: Service) -> str:
        if not s.contacts:
            return f'<span class="route">{esc(s.how_to_reach.get(lang))}</span>'
        parts = []
        for c in s.contacts:
            link = http_link(c.value) if c.channel in ("website", "chat") else None
            value = f'<a href="{esc(link)}">{esc(c.value)}</a>' if link else esc(c.value)
            note = c.note.get(lang).rstrip(".")
            parts.append(f'{value} <span class="note">({esc(note)})</span>' if note else value)
        return "<br>".join(parts)

    title = esc(t("plan_title", lang))
    out.write(f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
              f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
              f"<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{title}</h1>\n"
              f'<p class="read">{esc(t("plan_situation", lang))}: {esc(plan.described)}</p>\n')
    if plan.assumptions:
        out.write(f'<ul class="assumptions" aria-label="{esc(t("plan_assumptions", lang))}">\n')
        out.writelines(f"<li>{esc(a)}</li>\n" for a in plan.assumptions)
        out.write("</ul>\n")
    for n, section in enumerate(plan.sections, 1):
        out.write(f'<section id="{esc(section.id)}">\n<h2 class="{esc(section.id)}">{n}. {esc(section.title)}</h2>\n'
                  '<ul class="entries">\n')
        for e in section.entries:
            out.write(f'<li><span class="name">{esc(e.service.name)}</span><br>'
                      f'<span class="reach">{reach_html(e.service)}</span><br>'
                      f'<span class="why">{esc(e.why)}</span></li>\n')
        out.write("</ul>\n</section>\n")
    out.write("</body>\n</html>\n")
