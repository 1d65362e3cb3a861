"""Rich output for people: result tables, the service card, the emergency view.

Every piece of data enters Rich as a Text object, never as markup, so a name
like "[bold]x[/]" is printed as it is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..catalog import Catalog
from ..i18n import t
from ..model import Service
from ..plan import Plan
from .records import contact_line, reach
from .safe import clean, http_link


def console(out: IO[str] | None = None, stderr: bool = False) -> Console:
    # Rich itself honours NO_COLOR, FORCE_COLOR, TERM=dumb and COLUMNS.
    return Console(file=out, stderr=stderr, highlight=False, emoji=False, soft_wrap=False)


def txt(value: object, style: str = "") -> Text:
    return Text(clean(str(value)), style=style)


def contact_text(s: Service, lang: str) -> Text:
    """The contacts, a number first; where the source gives none, how to find the service."""
    out = Text()
    for c in reach(s):
        if out:
            out.append("\n")
        link = http_link(c.value) if c.channel in ("website", "chat") else None
        # no_wrap on a phone number: it wraps as a whole, never cut in the middle
        out.append(clean(c.value), style=f"bold link {link}" if link else "bold")
    if not s.contacts:
        out.append(clean(s.how_to_reach.get(lang)) or t("none_given", lang), style="dim")
    return out


def flags_text(s: Service, lang: str, open_now: bool | None = None) -> Text:
    names = [t(k, lang) for k in ("free", "anonymous", "confidential") if getattr(s, k)]
    if s.always_reachable:
        names.append(t("always_open", lang))
    if open_now:
        names.append(t("open_now", lang))
    return txt(", ".join(names), "green")


class ResultsTable:
    """Three columns on a wide terminal; one stacked column below 80, so 60 columns still read well.
    The last column is the summary, or a note per service (why it is in a plan)."""

    def __init__(self, services: Sequence[Service], lang: str, notes: Sequence[str] | None = None):
        self.services, self.lang, self.notes = services, lang, notes

    def __rich_console__(self, console: Console, options):
        lang = self.lang
        wide = options.max_width >= 80
        table = Table(show_lines=not wide, expand=False, header_style="bold", pad_edge=False)
        table.add_column("#", justify="right", style="dim", no_wrap=True)
        if wide:
            table.add_column(t("name", lang), ratio=2, min_width=14, overflow="fold")
            table.add_column(t("contact", lang), min_width=12, overflow="fold")
            table.add_column(t("why" if self.notes else "summary", lang).capitalize(), ratio=3, min_width=16)
        else:
            table.add_column(f"{t('name', lang)} · {t('contact', lang)}", overflow="fold")
        for n, s in enumerate(self.services, 1):
            name = Text.assemble(txt(s.name, "bold"), "\n", txt(s.id, "dim"))
            last = txt(self.notes[n - 1] if self.notes else s.summary.get(lang))
            if wide:
                table.add_row(str(n), name, contact_text(s, lang), last)
            else:
                table.add_row(str(n), Text.assemble(name, "\n", contact_text(s, lang), "\n", last))
        yield table


def results_table(services: Sequence[Service], lang: str) -> ResultsTable:
    return ResultsTable(services, lang)


def service_card(s: Service, catalog: Catalog, lang: str) -> Panel:
    vocab = catalog.vocabulary

    def labels(facet: str, values: Sequence[str]) -> Text:
        if facet == "regions":
            return txt(", ".join(catalog.regions.areas[v].label(lang) for v in values if v in catalog.regions.areas))
        return txt(", ".join(vocab.label(facet, v, lang) for v in values) if values else t("not_limited", lang))

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    if s.kind:
        grid.add_row(t("kind", lang), txt(vocab.label("kinds", s.kind, lang)))
    for c in s.contacts:
        extra = c.note.get(lang)
        hours = "; ".join(f"{','.join(h.days)} {h.opens}-{h.closes}" for h in c.hours)
        line = Text.assemble(txt(c.value, "bold"), txt(f"  {hours}" if hours else ""),
                             txt(f"  {extra}" if extra else "", "dim"))
        link = http_link(c.value) if c.channel in ("website", "chat") else None
        if link:
            line.stylize(f"link {link}", 0, len(c.value))
        grid.add_row(vocab.label("channels", c.channel, lang), line)
    if not s.contacts:
        grid.add_row(t("contact", lang), txt(t("none_given", lang), "dim"))
    if s.how_to_reach:
        grid.add_row(t("how_to_reach", lang), txt(s.how_to_reach.get(lang)))
    grid.add_row(t("audiences", lang), labels("audiences", s.audiences))
    grid.add_row(t("roles", lang), labels("roles", s.roles))
    grid.add_row(t("topics", lang), labels("topics", s.topics))
    if s.sectors:
        grid.add_row(t("sectors", lang), labels("sectors", s.sectors))
    grid.add_row(t("regions", lang), labels("regions", s.regions))
    if s.age_min is not None or s.age_max is not None:
        grid.add_row(t("ages", lang), txt(f"{s.age_min if s.age_min is not None else ''}–"
                                          f"{s.age_max if s.age_max is not None else ''}"))
    flags = flags_text(s, lang)
    if flags:
        grid.add_row(t("flags", lang), flags)
    where = " – ".join(x for x in (s.source_document, s.source_section) if x)
    grid.add_row(t("source", lang), txt(f"{where} ({t('verified', lang)} {s.verified_at.isoformat()})", "dim"))
    body = [txt(s.summary.get(lang), "italic")]
    if s.description:
        body += [Text(""), txt(s.description.get(lang))]
    return Panel(Group(*body, Text(""), grid), title=txt(s.name, "bold"), subtitle=txt(s.id, "dim"),
                 title_align="left", subtitle_align="right")


def emergency_table(services: Sequence[Service], lang: str, open_now: dict[str, bool]) -> Group:
    table = Table(show_lines=True, header_style="bold", expand=False, pad_edge=False)
    table.add_column(t("number", lang), no_wrap=True, style="bold")
    table.add_column(t("name", lang), ratio=2, min_width=12, overflow="fold")
    table.add_column(t("when", lang), ratio=3, min_width=14)
    for s in services:
        number = contact_line(s) or "—"
        style = "bold red" if s.emergency is not None and s.emergency <= 2 else "bold"
        when = txt(s.summary.get(lang))
        flags = flags_text(s, lang, open_now.get(s.id))
        if flags:
            when.append("\n")
            when.append_text(flags)
        if not s.contacts and s.how_to_reach:
            when.append("\n")
            when.append_text(txt(s.how_to_reach.get(lang), "dim"))
        table.add_row(txt(number, style), txt(s.name), when)
    title = Text(t("emergency_title", lang), style="bold reverse red")
    return Group(title, txt(t("emergency_hint", lang), "bold"), table)


def facets_table(rows: Sequence[tuple[str, str, str, str, int]], lang: str) -> Table:
    table = Table(header_style="bold", pad_edge=False)
    for key in ("facet", "value", "label_nl", "label_en", "count"):
        table.add_column(t(key, lang), justify="right" if key == "count" else "left")
    for facet, value, nl, en, count in rows:
        table.add_row(txt(facet), txt(value, "bold"), txt(nl), txt(en), str(count))
    return table


def plan_view(plan: Plan, lang: str) -> Group:
    """The plan on a terminal: what was read and assumed, then one table per step."""
    parts: list[RenderableType] = [Text(t("plan_title", lang), style="bold reverse"),
                                   Text.assemble(txt(f"{t('plan_situation', lang)}: ", "bold"),
                                                 txt(plan.described, "italic"))]
    if plan.assumptions:
        parts.append(txt(f"{t('plan_assumptions', lang)}:", "bold"))
        parts += [txt(f"• {a}", "yellow") for a in plan.assumptions]
    for n, section in enumerate(plan.sections, 1):
        parts.append(Text(""))
        parts.append(txt(f"{n}. {section.title}", "bold red" if section.id == "now" else "bold"))
        parts.append(ResultsTable([e.service for e in section.entries], lang, [e.why for e in section.entries]))
    return Group(*parts)
