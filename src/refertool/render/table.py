"""Rich output for people: result tables, the service card, the emergency view.

Every piece of data enters Rich as a Text object, never as markup, so a name
like "[bold]x[/]" is printed as it is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..catalog import Catalog, FacetCount
from ..emergency import EmergencyLine, shared_name
from ..i18n import t
from ..model import Service, Vocabulary
from .records import card_rows, flag_ids, flag_names
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
    if open_now and "always_open" not in flag_ids(s):
        names.append(t("open_now", lang))
    return txt(", ".join(names), "green")


class ResultsTable:
    """Three columns on a wide terminal; one stacked column on a narrow one, so 60 columns still read well.
    The last column is the summary, or a note per service (why it is in a plan).

    An id never wraps (it is what people copy into `refer show`): the columns are used only when the
    longest id fits in the name column and the last column still gets room."""

    def __init__(self, services: Sequence[Service], lang: str, notes: Sequence[str] | None = None):
        self.services, self.lang, self.notes = services, lang, notes

    def __rich_console__(self, console: Console, options):
        lang = self.lang
        # the name column fits the longest id and the longest word of a name, and names get some room
        unbroken = max([14, *(len(w) for s in self.services for w in (s.id, *s.name.split()))])
        wide = options.max_width >= max(80, unbroken + 56)  # room for a contact and a summary beside it
        room = max(24, (options.max_width - 56) // 2)
        name_width = max([unbroken, *(min(len(s.name), room) for s in self.services)])
        table = Table(show_lines=not wide, expand=False, header_style="bold", pad_edge=False)
        table.add_column("#", justify="right", style="dim", no_wrap=True)
        if wide:
            # a fixed width: Rich narrows only the other columns to fit the terminal
            table.add_column(t("name", lang), width=name_width, overflow="fold")
            table.add_column(t("contact", lang), min_width=12, max_width=28, overflow="fold")
            table.add_column(t("why" if self.notes else "summary", lang).capitalize(), min_width=24)
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
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    for row in card_rows(s, catalog, lang):
        line = txt(row.text, "green" if row.label == t("flags", lang) else "")
        if row.contact is not None:
            c = row.contact
            line = Text.assemble(txt(c.value, "bold"), txt(f"  {row.text}" if row.text else "", "dim"))
            link = http_link(c.value) if c.channel in ("website", "chat") else None
            if link:
                line.stylize(f"link {link}", 0, len(c.value))
        if row.aside:
            line.append_text(txt(f"  {row.aside}" if line else row.aside, "dim"))
        grid.add_row(row.label, line)
    body = [txt(s.summary.get(lang), "italic")]
    if s.description:
        body += [Text(""), txt(s.description.get(lang))]
    return Panel(Group(*body, Text(""), grid), title=txt(s.name, "bold"), subtitle=txt(s.id, "dim"),
                 title_align="left", subtitle_align="right")


def emergency_view(lines: Sequence[EmergencyLine], vocab: Vocabulary, lang: str, open_now: set[str]) -> Group:
    """One row per number, number first: what it is for and whether free, anonymous, day and night.

    Services that share a rank (the care centres) are one row that says where they are, with a number
    only when they all share it: each centre's own numbers carry caveats that only its card can show."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for line in lines:
        first = line.services[0]
        # the number column holds a number: a service whose best contact is not a phone has none there
        numbers = list(dict.fromkeys(s.contacts[0].value if s.contacts and s.contacts[0].channel == "phone" else ""
                                     for s in line.services))
        number = numbers[0] if len(numbers) == 1 and numbers[0] else t("walk_in", lang)
        text = Text()
        if len(line.services) == 1:
            if number not in first.name:
                text.append_text(txt(first.name, "bold"))
                text.append(": ")
            text.append_text(txt(first.summary.get(lang)))
        else:
            text.append_text(txt(shared_name([s.name for s in line.services])
                                 or vocab.label("kinds", first.kind, lang), "bold"))
            go = (t("go_directly", lang) if line.always_open else
                  t("go_directly_except", lang, ", ".join(line.not_always))
                  if any(s.always_reachable for s in line.services) else "")
            where = [", ".join(p.city for p in line.places), go]
            text.append_text(txt(": " + "; ".join(w for w in where if w) + "." if any(where) else ""))
        flags = [t(f, lang) for f, on in (("free", line.free), ("anonymous", line.anonymous)) if on]
        if line.always_open:
            flags.append(t("day_and_night", lang))
        elif all(s.id in open_now for s in line.services):
            flags.append(t("open_now", lang))
        if flags:
            text.append("  " + " · ".join(flags), style="green")
        grid.add_row(txt(number, "bold red" if line.rank <= 2 else "bold"), text)
    return Group(Text(t("emergency_title", lang), style="bold reverse red"), grid)


def facets_table(rows: Sequence[FacetCount], lang: str) -> Table:
    table = Table(header_style="bold", pad_edge=False)
    for key in ("facet", "value", "label_nl", "label_en", "count"):
        table.add_column(t(key, lang), justify="right" if key == "count" else "left")
    for r in rows:
        table.add_row(txt(r.facet), txt(r.value, "bold"), txt(r.nl), txt(r.en), str(r.services))
    return table


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
