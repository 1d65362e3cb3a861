"""Rich output for people: result tables, the service card, the emergency view.

Every piece of data enters Rich as a Text object, never as markup, so a name
like "[bold]x[/]" is printed as it is written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import IO

from rich.console import Console, Group, RenderableType
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


# A web address is broken, when it must be, only after one of these: never inside a word of it.
URL_BREAKS = re.compile(r"[^/?&]*[/?&]*")


def url_lines(value: str, width: int) -> list[str]:
    """A contact value in lines of at most `width`: whole when it fits; a longer web address broken only
    after a slash (or ? or &), so that each piece is whole words of it; a piece longer than the line is
    the only thing folded (no layout here gives a line that narrow)."""
    if len(value) <= width or "/" not in value:
        return [value]
    lines = [""]
    for piece in (p for p in URL_BREAKS.findall(value) if p):
        if lines[-1] and len(lines[-1]) + len(piece) > width:
            lines.append("")
        lines[-1] += piece
    return [part[i:i + width] for part in lines for i in range(0, len(part), width)]


def longest_piece(value: str) -> int:
    """The longest part of a contact value that may not be broken (a web address's part between slashes)."""
    return max(len(p) for p in URL_BREAKS.findall(value) or [value]) if "/" in value else len(value)


def best_value(s: Service, width: int | None = None) -> Text:
    """The best contact's value, bold (a web address a link), in lines of at most `width`."""
    best = s.contacts[0]
    link = http_link(best.value) if best.channel in ("website", "chat") else None
    value = clean(best.value)
    return Text("\n".join(url_lines(value, width) if width else [value]),
                style=f"bold link {link}" if link else "bold")


def contact_text(s: Service, lang: str, width: int | None = None) -> Text:
    """The best contact (the first listed) with its caveat, else the route; the rest is on the card.

    One contact a row: a second number shown bare, without the note that limits it (a support
    group's line is not an intake line), would be read as just another way in. A web address longer
    than `width` is broken only between its parts."""
    out = Text()
    if not s.contacts:  # no direct contact: the route to one, never a bare "no details"
        out.append(clean(s.how_to_reach.get(lang)) or t("none_given", lang), style="dim")
        return out
    best = s.contacts[0]
    out.append_text(best_value(s, width))
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


WIDE_FROM = 100  # search and list: below this many columns, the compact list (two lines a result)
LAST_MIN = 24  # the summary's (or why's) narrowest column in the wide table
CONTACT_MAX = 28  # the contact column's width, unless a web address's part needs more


class ResultsTable:
    """Search and list results, and a plan's steps, at any width without a cut column or a broken id or
    web address.

    Search and list: a table of three columns on a wide terminal, a compact list below WIDE_FROM
    columns (the number, name and best contact on the first line; the id and what it is on the second:
    a screenful is ten results). A plan's step (`notes`: why each service is in it): the same table,
    or one stacked column on a narrow terminal.

    An id never wraps (it is what people copy into `refer show`): the columns are used only when the
    whole table, at its narrowest, fits the terminal."""

    def __init__(self, services: Sequence[Service], lang: str, notes: Sequence[str] | None = None):
        self.services, self.lang, self.notes = services, lang, notes

    def __rich_console__(self, console: Console, options):
        width = options.max_width
        number = len(str(len(self.services)))
        # the name column fits the longest id and the longest word of a name, and names get some room
        unbroken = max([14, *(len(w) for s in self.services for w in (s.id, *s.name.split()))])
        room = max(LAST_MIN, (width - 56) // 2)
        name_width = max([unbroken, *(min(len(s.name), room) for s in self.services)])
        values = [s.contacts[0].value for s in self.services if s.contacts]
        contact_width = max([12, min(CONTACT_MAX, max(map(len, values), default=0)), *map(longest_piece, values)])
        # borders (a column's two and the last one) and a space each side inside, less the outer two
        narrowest = number + name_width + contact_width + LAST_MIN + 5 + 6
        if narrowest <= width and (self.notes is not None or width >= WIDE_FROM):
            yield self._wide(name_width, contact_width)
        elif self.notes is None:
            yield self._compact(width, number)
        else:
            yield self._stacked(width, number)

    def _wide(self, name_width: int, contact_width: int) -> Table:
        lang = self.lang
        table = Table(expand=False, header_style="bold", pad_edge=False)
        table.add_column("#", justify="right", style="dim", no_wrap=True)
        # fixed widths: Rich narrows only the last column to fit the terminal
        table.add_column(t("name", lang), width=name_width, overflow="fold")
        table.add_column(t("contact", lang), width=contact_width, overflow="fold")
        table.add_column(t("why" if self.notes else "summary", lang).capitalize(), min_width=LAST_MIN)
        for n, s in enumerate(self.services, 1):
            name = Text.assemble(txt(s.name, "bold"), "\n", txt(s.id, "dim"))
            table.add_row(str(n), name, contact_text(s, lang, contact_width), self._last(n, s))
        return table

    def _stacked(self, width: int, number: int) -> Table:
        lang = self.lang
        inside = width - number - 5  # three borders and a space each side of the text
        table = Table(show_lines=True, expand=False, header_style="bold", pad_edge=False)
        table.add_column("#", justify="right", style="dim", no_wrap=True)
        table.add_column(f"{t('name', lang)} · {t('contact', lang)}", width=inside, overflow="fold")
        for n, s in enumerate(self.services, 1):
            table.add_row(str(n), Text.assemble(txt(s.name, "bold"), "\n", txt(s.id, "dim"), "\n",
                                                contact_text(s, lang, inside), "\n", self._last(n, s)))
        return table

    def _compact(self, width: int, number: int) -> Table:
        """Two lines a result: `n  Name  contact`, then `id · what it is` cut to the line (`refer show ID`
        has the rest); a contact that does not fit beside the name starts the second line, and a web
        address longer than a line gets lines of its own."""
        inside = width - number - 1
        grid = Table.grid(padding=(0, 1))
        grid.add_column(justify="right", style="dim", no_wrap=True)
        grid.add_column(width=inside)
        for n, s in enumerate(self.services, 1):
            head = txt(s.name, "bold")
            value = clean(s.contacts[0].value) if s.contacts else ""
            parts: list[RenderableType] = [head]
            second = Text.assemble(txt(s.id, "dim"))  # only the id dim: what follows it is read
            if value and len(head) + 2 + len(value) <= inside:
                head.append("  ").append_text(best_value(s))
            elif value and len(s.id) + 2 + len(value) <= inside:
                second = Text.assemble(best_value(s), "  ", second)
            elif value:
                parts.append(best_value(s, inside))
            # the best contact's caveat travels with it; without a contact, the route to one
            what = clean(s.contacts[0].note.get(self.lang) if s.contacts else s.how_to_reach.get(self.lang))
            what = what or clean(s.summary.get(self.lang))
            if what and len(second) + 3 + 8 <= inside:  # room for a few words at least
                second.append(" · " + what)
            second.no_wrap, second.overflow = True, "ellipsis"
            grid.add_row(f"{n}", Group(*parts, second))
        return grid

    def _last(self, n: int, s: Service) -> Text:
        return txt(self.notes[n - 1] if self.notes else s.summary.get(self.lang))


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


EMERGENCY_ROOMY = 80  # from this width a number's line says all it has; below, two lines at most


class EmergencyView:
    """One row per number, number first: what it is for and whether free, anonymous, day and night.

    Services that share a rank (the care centres) are one row that says where they are, with a number
    only when they all share it: each centre's own numbers carry caveats that only its card can show,
    so the row names the id to type for it. Below EMERGENCY_ROOMY columns a number's row is two lines
    at most, its flags first (the card has the rest), so that the five numbers stand in the first ten
    lines at 60 columns too."""

    def __init__(self, lines: Sequence[EmergencyLine], vocab: Vocabulary, lang: str, open_now: set[str]):
        self.lines, self.vocab, self.lang, self.open_now = lines, vocab, lang, open_now

    def __rich_console__(self, console: Console, options):
        lang, roomy = self.lang, options.max_width >= EMERGENCY_ROOMY
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column()
        rows = []
        for line in self.lines:
            first = line.services[0]
            # the number column holds a number: a service whose best contact is not a phone has none there
            numbers = list(dict.fromkeys(s.contacts[0].value if s.contacts and s.contacts[0].channel == "phone"
                                         else "" for s in line.services))
            number = numbers[0] if len(numbers) == 1 and numbers[0] else t("walk_in", lang)
            flags = self._flags(line)
            text = Text()
            if len(line.services) == 1:
                if number not in first.name:
                    text.append_text(txt(first.name, "bold"))
                    text.append(": " if roomy or not flags else " · ")
                if not roomy and flags:
                    text.append(" · ".join(flags), style="green")
                    text.append(": ")
                text.append_text(txt(first.summary.get(lang)))
                if roomy and flags:
                    text.append("  " + " · ".join(flags), style="green")
            else:
                text.append_text(self._shared(line))
                if flags:
                    text.append("  " + " · ".join(flags), style="green")
            rows.append((number, line, text))
        inside = options.max_width - max(len(number) for number, _, _ in rows) - 1 if rows else 0
        for number, line, text in rows:
            if not roomy and len(line.services) == 1:
                wrapped = text.wrap(console, inside)
                if len(wrapped) > 2:
                    second = wrapped[1]
                    second.append(" " + wrapped[2].plain.split(" ")[0])  # ellipsis where the line is cut
                    second.truncate(inside, overflow="ellipsis")
                    text = Text("\n").join([wrapped[0], second])
            grid.add_row(txt(number, "bold red" if line.rank <= 2 else "bold"), text)
        yield Text(t("emergency_title", lang), style="bold reverse red")
        yield grid

    def _flags(self, line: EmergencyLine) -> list[str]:
        lang = self.lang
        flags = [t(f, lang) for f, on in (("free", line.free), ("anonymous", line.anonymous)) if on]
        if line.always_open:
            flags.append(t("day_and_night", lang))
        elif all(s.id in self.open_now for s in line.services):
            flags.append(t("open_now", lang))
        return flags

    def _shared(self, line: EmergencyLine) -> Text:
        lang, first = self.lang, line.services[0]
        text = txt(shared_name([s.name for s in line.services]) or self.vocab.label("kinds", first.kind, lang),
                   "bold")
        # the id to type for the ones not open day and night: their card says when they are
        ids = ", ".join(s.id for s in line.services if not s.always_reachable)
        go = (t("go_directly", lang) if line.always_open else
              t("go_directly_except", lang, ", ".join(line.not_always), ids)
              if any(s.always_reachable for s in line.services) else "")
        where = [", ".join(p.city for p in line.places), go]
        text.append_text(txt(": " + "; ".join(w for w in where if w) + "." if any(where) else ""))
        return text


def emergency_view(lines: Sequence[EmergencyLine], vocab: Vocabulary, lang: str, open_now: set[str]) -> EmergencyView:
    return EmergencyView(lines, vocab, lang, open_now)


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
        notes = row.get("notes")
        if isinstance(notes, list) and notes:  # how sure the facts it backs are: for whoever keeps the data
            for note in notes:
                name.append_text(Text.assemble("\n", txt(f"• {note}", "italic")))
        when = t("undated", lang) if row["as_of"] == "undated" else row["as_of"]
        table.add_row(name, txt(when), txt(row["kind"]), txt(", ".join(services)))
    return table
