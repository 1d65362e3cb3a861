"""refer plan: a referral plan for a situation, in steps; asks for a missing age or role."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import UsageError
from ..i18n import t
from .base import FOUND, NOTHING, Settings, _settings, command
from .options import (
    OLDEST,
    FilterOptions,
    Output,
    _catalog,
    _complete,
    _filter_option,
    _filters,
    _print_rich,
    _say,
    _writing,
)

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ..plan import Given, Plan
    from ..reading.model import Situation


class PlanFormat(str, Enum):
    auto = "auto"
    table = "table"
    md = "md"
    json = "json"
    html = "html"


@command()
def plan(
    ctx: typer.Context,
    situation: Annotated[list[str] | None, typer.Argument(help="The situation in your words, Dutch or English.")]
    = None,
    audience: Annotated[list[str] | None, _filter_option("audience")] = None,
    role: Annotated[str | None, typer.Option(
        "--role", help="Who asks: professional, bystander, victim or perpetrator (for themself).",
        autocompletion=_complete("roles"))] = None,
    topic: Annotated[list[str] | None, _filter_option("topic")] = None,
    sector: Annotated[list[str] | None, _filter_option("sector")] = None,
    region: Annotated[list[str] | None, _filter_option("region")] = None,
    age: Annotated[int | None, typer.Option("--age", min=0, max=OLDEST, help="Age of the person affected.")] = None,
    no_input: Annotated[bool, typer.Option("--no-input",
                                           help="Never ask for a missing town, age, role or who did it.")]
    = False,
    no_situation: Annotated[bool, typer.Option(
        "--no-situation", help="Leave the situation as typed out of the plan (for a file others read).")] = False,
    fmt: Annotated[PlanFormat, typer.Option("--format", "-f", case_sensitive=False,
                                            help="auto: a table on a terminal, Markdown in a pipe.")]
    = PlanFormat.auto,
    output: Output = None,
) -> int:
    """A referral plan for a situation, in steps.

    Now, advice for you, report, help for each person, later. --age is the age of the person
    affected, --role who asks (professional, bystander, victim, perpetrator).

    \b
    Example:
      refer plan "trainer betastte een speelster van 14, gisteren" --region Gent
    """
    from ..plan import Given, make_plan, read_text

    settings = _settings(ctx)
    catalog = _catalog(settings)
    lang = settings.lang
    f = _filters(catalog, FilterOptions(audience=audience, role=[role] if role else None, topic=topic,
                                        sector=sector, region=region, age=age))
    text = " ".join(situation or [])
    if not text.strip() and not f.active():
        raise UsageError(t("plan_empty", lang))
    read_as, searched = read_text(catalog, text)  # read and searched once: the plan reuses both
    given = Given(age, f.roles[0] if f.roles else "", tuple(f.sectors), tuple(f.regions), tuple(f.audiences),
                  tuple(f.topics))  # the role as resolved (--role Pleger is perpetrator)
    if not no_input and _interactive():
        given = _ask(read_as, given, catalog, lang)
        read_as = _ask_doer(read_as, given, catalog, lang)
    # the search's order within a step is of the text as typed; an answer to a question amends the reading only
    result = make_plan(catalog, read_as, given, lang, text, searched=searched)
    if not result.sections:
        # nothing to act on: no steps, only whom one can ask all the same
        _say(t("plan_nothing_here", lang))
        for label, services in result.advice:
            _say(f"  {label}: " + ", ".join(s.name for s in services))
        return NOTHING
    _emit_plan(result, fmt, output, catalog, settings, not no_situation)
    return FOUND


def _emit_plan(plan: Plan, fmt: PlanFormat, output: Path | None, catalog: Catalog, settings: Settings,
               situation: bool = True) -> None:
    """A table per step on a terminal (through the pager); Markdown in a pipe; a file's format from its
    extension (.html, .json, else Markdown); JSON or one HTML page on request. `situation`: whether the
    text as typed is shown (--no-situation leaves it out)."""
    lang = settings.lang
    if fmt is PlanFormat.auto and output is not None:
        by_suffix = {".html": PlanFormat.html, ".htm": PlanFormat.html, ".json": PlanFormat.json,
                     ".md": PlanFormat.md, ".markdown": PlanFormat.md, ".txt": PlanFormat.md}
        if output.suffix.lower() not in by_suffix:
            raise UsageError(t("plan_format", lang, output.suffix or output.name))
        fmt = by_suffix[output.suffix.lower()]
    if fmt is PlanFormat.table or (fmt is PlanFormat.auto and output is None and sys.stdout.isatty()):
        from ..render.plan import plan_view

        _print_rich(plan_view(plan, lang, situation), output, settings)
        return
    from ..render.plan import plan_object, write_html, write_markdown

    with _writing(output) as out:
        if fmt is PlanFormat.json:
            from ..render.tabular import write_json

            write_json(out, plan_object(plan, lang, catalog.sources, situation))
        elif fmt is PlanFormat.html:
            write_html(out, plan, lang, situation)
        else:
            write_markdown(out, plan, lang, situation)


def _interactive() -> bool:
    """Questions only to a person at a terminal; never in a pipe or a script."""
    return sys.stdin.isatty()


ROLE_CHOICES = {"1": "professional", "2": "bystander", "3": "victim", "4": "perpetrator"}


def _ask_doer(read_as: Situation, given: Given, catalog: Catalog, lang: str) -> Situation:
    """When who did it cannot be told, one short question; the answer ("haar trainer", "a stranger") is read
    as the person who did it, and is then no longer assumed."""
    from dataclasses import replace

    from ..plan import complete, missing
    from ..reading.model import Person
    from ..reading.read import read

    if "doer" not in missing(complete(read_as, given, catalog.vocabulary)):
        return read_as
    while True:
        answer = typer.prompt(t("ask_doer", lang), default="", show_default=False, err=True).strip()
        if not answer:
            return read_as
        named = next((p for p in read(answer, catalog.vocabulary, catalog.regions).people
                      if p.relation and p.relation != "self"), None)
        if named is not None:
            doer = Person("perpetrator", named.age, named.age_group, named.relation, named.words)
            return replace(read_as, people=(*read_as.people, doer),
                           assumed=tuple(a for a in read_as.assumed if a != "perpetrator"))
        _say(t("again_doer", lang, answer))


def _ask(read_as: Situation, given: Given, catalog: Catalog, lang: str) -> Given:
    """Ask for the town (when a care centre is the first step), the age and the asker's role when they
    matter and are missing; Enter skips."""
    from dataclasses import replace

    from ..places import table
    from ..plan import complete, missing
    from ..text import tokens

    for item in missing(complete(read_as, given, catalog.vocabulary)):
        while item != "doer":  # asked by _ask_doer: its answer is read as a person of the situation
            answer = typer.prompt(t(f"ask_{item}", lang), default="", show_default=False, err=True).strip()
            if not answer:
                break
            if item == "place":
                found = table(catalog.regions).get(tuple(tokens(answer)))
                if found:
                    given = replace(given, regions=(*given.regions, found[0]),
                                    towns=(*given.towns, found[1]) if found[1] else given.towns)
                    break
                continue
            if item == "age" and answer.isdigit() and int(answer) <= OLDEST:
                given = replace(given, age=int(answer))
                break
            if item == "role" and (answer.lower() in ROLE_CHOICES or answer.lower() in ROLE_CHOICES.values()):
                given = replace(given, role=ROLE_CHOICES.get(answer.lower(), answer.lower()))
                break
            _say(t(f"again_{item}", lang, answer, OLDEST))  # why it asks again, never a silent re-ask
    return given


