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
from .records import flag_names, hours_line, source_label
from .safe import clean, http_link


def console(out: IO[str] | None = None, stderr: bool = False) -> Console:
    # Rich itself honours NO_COLOR, FORCE_COLOR, TERM=dumb and COLUMNS.
    return Console(file=out, stderr=stderr, highlight=False, emoji=False, soft_wrap=False)


def txt(value: object, style: str = "") -> Text:
    return Text(clean(str(value)), style=style)


def contact_text(s: Service, lang: str) -> Text:
    """The best contact (the first listed) with its caveat, else the route; the rest is on the card.

    One contact a row: a second number shown bare, without the note that limits it (a support
    group's line is not an intake line), would be read as just another way in."""
    out = Text()
    if not s.contacts:  # no direct contact: the route to one, never a bare "no details"
        out.append(clean(s.how_to_reach.get(lang)) or t("none_given", lang), style="dim")
        return out
    best = s.contacts[0]
    link = http_link(best.value) if best.channel in ("website", "chat") else None
    out.append(clean(best.value), style=f"bold link {link}" if link else "bold")
    if best.note.get(lang):
        out.append("\n" + clean(best.note.get(lang)), style="dim")
    if len(s.contacts) > 1:
        out.append("\n" + t("more_contacts", lang, len(s.contacts) - 1), style="dim")
    return out


def flags_text(s: Service, lang: str, open_now: bool | None = None) -> Text:
    names = flag_names(s, lang)
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

    sources = catalog.sources
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    if s.kind:
        grid.add_row(t("kind", lang), txt(vocab.label("kinds", s.kind, lang)))
    for c in s.contacts:
        extra = c.note.get(lang)
        hours = hours_line(c)
        cited = f"  ({t('source', lang)}: {source_label(c.source, sources, lang)})" if c.source else ""
        line = Text.assemble(txt(c.value, "bold"), txt(f"  {hours}" if hours else ""),
                             txt(f"  {extra}" if extra else "", "dim"), txt(cited, "dim"))
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
    for loc in s.locations:
        grid.add_row(t("locations", lang), txt(", ".join(x for x in (loc.name, loc.address, loc.city) if x)))
    if s.age_min is not None or s.age_max is not None:
        grid.add_row(t("ages", lang), txt(f"{s.age_min if s.age_min is not None else ''}–"
                                          f"{s.age_max if s.age_max is not None else ''}"))
    flags = flags_text(s, lang)
    if flags:
        grid.add_row(t("flags", lang), flags)
    where = " – ".join(x for x in (s.source_document, s.source_section) if x)
    grid.add_row(t("source", lang), txt(f"{where} ({t('verified', lang)} {s.verified_at.isoformat()})", "dim"))
    if s.sources:
        grid.add_row(t("sources", lang), txt("\n".join(
            f"{source_label(sid, sources, lang)}: {sources[sid].title if sid in sources else sid}"
            for sid in s.sources), "dim"))
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
        # the number column holds a number: a service whose best contact is not a phone shows its route
        first = s.contacts[0] if s.contacts else None
        number = first.value if first is not None and first.channel == "phone" else "—"
        style = "bold red" if s.emergency is not None and s.emergency <= 2 else "bold"
        when = txt(s.summary.get(lang))
        flags = flags_text(s, lang, open_now.get(s.id))
        if flags:
            when.append("\n")
            when.append_text(flags)
        if number == "—" and s.how_to_reach:
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


def sources_table(rows: Sequence[dict[str, object]], lang: str) -> Table:
    table = Table(header_style="bold", pad_edge=False, show_lines=True)
    table.add_column(t("source", lang), ratio=3, overflow="fold")
    table.add_column(t("as_of", lang), no_wrap=True)
    table.add_column(t("kind", lang), no_wrap=True)
    table.add_column(t("relying", lang), ratio=2, overflow="fold")
    for row in rows:
        services = row["services"] if isinstance(row["services"], list) else []
        name = Text.assemble(txt(row["id"], "bold"), "\n", txt(row["title"]), "\n", txt(row["publisher"], "dim"))
        when = t("undated", lang) if row["as_of"] == "undated" else row["as_of"]
        table.add_row(name, txt(when), txt(row["kind"]), txt(", ".join(services)))
    return table
