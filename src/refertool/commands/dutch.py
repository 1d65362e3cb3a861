"""`--help` and Click's messages in Dutch, for `--lang nl` (or REFER_LANG=nl, or a Dutch locale).

Our help texts are translated paragraph by paragraph before Click wraps them (a paragraph without a
translation stays English: `tests/test_forgiving.py` checks that none is missing). Click's own words
(Usage, Options, Error, "No such option", ...) are fixed English strings in the Click that Typer
bundles, so they are translated in the text Click produced, by the patterns below.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from functools import cache
from io import StringIO
from typing import Any

from .base import Settings

# English paragraph (its words, however wrapped) -> Dutch
PARAGRAPHS = {
    # refer
    "Find the right service in Flanders and Brussels for sexual and other transgressive behaviour.":
        "Vind de juiste dienst in Vlaanderen en Brussel bij seksueel en ander grensoverschrijdend gedrag.",
    "The global options (--data-dir, --no-bundled, --lang, --no-pager) work before or after the command.":
        "De algemene opties (--data-dir, --no-bundled, --lang, --no-pager) werken voor of na het commando.",
    "Extra directory of services, laid over the bundled one (repeatable; also REFER_DATA_DIR).":
        "Extra map met diensten, over de meegeleverde heen (herhaalbaar; ook REFER_DATA_DIR).",
    "Leave the bundled services out.": "Laat de meegeleverde diensten weg.",
    "nl or en (also REFER_LANG; default: locale).": "nl of en (ook REFER_LANG; standaard: de taal van het systeem).",
    "Never page long output (on a terminal it goes through REFER_PAGER, PAGER or less -FRX).":
        "Lange uitvoer nooit per scherm tonen (op een terminal gaat hij door REFER_PAGER, PAGER of less -FRX).",
    "Show the version and exit.": "Toon de versie en stop.",
    "Show this message and exit.": "Toon deze hulp en stop.",
    "Install completion for the current shell.": "Installeer aanvullen voor deze shell.",
    "Show completion for the current shell, to copy it or customize the installation.":
        "Toon het aanvullen voor deze shell, om het te kopiëren of de installatie aan te passen.",
    "See or reset the index cache.": "Bekijk of wis de cache van de index.",
    # search, list, show, facets
    "Search services by free text and filters.": "Zoek diensten met vrije tekst en filters.",
    "What you are looking for, in Dutch or English.": "Wat je zoekt, in het Nederlands of het Engels.",
    "Audience id (repeatable).": "Doelgroep: id of naam (herhaalbaar).",
    "Role id (repeatable).": "Rol: id of naam (herhaalbaar).",
    "Topic id (repeatable).": "Thema: id of naam (herhaalbaar).",
    "Sector id (repeatable).": "Sector: id of naam (herhaalbaar).",
    "Region id, municipality or postcode (repeatable).": "Regio: id, gemeente of postcode (herhaalbaar).",
    "Contact channel (repeatable).": "Contactkanaal (herhaalbaar).",
    "Age of the person concerned.": "Leeftijd van de betrokkene.",
    "Only free services.": "Alleen gratis diensten.",
    "Only anonymous services.": "Alleen anonieme diensten.",
    "Only services reachable day and night.": "Alleen diensten die dag en nacht bereikbaar zijn.",
    "Only services certainly reachable now (Belgian time).": "Alleen diensten die nu zeker bereikbaar zijn "
                                                             "(Belgische tijd).",
    "How many results at most.": "Hoeveel resultaten ten hoogste.",
    "auto: a table on a terminal, plain lines in a pipe; text: cards.":
        "auto: een tabel op een terminal, gewone regels in een pipe; text: kaarten.",
    "Write to this file instead of stdout (- is stdout).": "Schrijf naar dit bestand in plaats van stdout "
                                                           "(- is stdout).",
    "Leave out the CSV/TSV header line.": "Laat de kopregel van CSV/TSV weg.",
    "Show how the query was understood.": "Toon hoe de zoekvraag begrepen werd.",
    "List all services, or the filtered ones.": "Toon alle diensten, of de gefilterde.",
    "Show one service in full.": "Toon één dienst volledig.",
    "A card on a terminal; the same card as plain text in a pipe.":
        "Een kaart op een terminal; dezelfde kaart als gewone tekst in een pipe.",
    "The service id (its file name).": "Het id van de dienst (zijn bestandsnaam).",
    "Every filter value, with its count.": "Elke filterwaarde, met het aantal diensten.",
    "Each value with its Dutch and English label and how many services carry it.":
        "Elke waarde met haar Nederlandse en Engelse naam en hoeveel diensten ze hebben.",
    # emergency
    "The urgent numbers, on one screen.": "De dringende nummers, op één scherm.",
    "112, 101, 116 000, 1712 and 106, one line per number, then the care centres after sexual violence; it "
    "fits an 80x24 terminal.":
        "112, 101, 116 000, 1712 en 106, één regel per nummer, dan de zorgcentra na seksueel geweld; past op "
        "een terminal van 80x24.",
    "Where you are (region id, municipality or postcode): the nearest place first.":
        "Waar je bent (regio-id, gemeente of postcode): de dichtste plaats eerst.",
    # validate, export, sources, cache
    "Check data files and print every problem.": "Controleer gegevensbestanden en toon elke fout.",
    "Each problem is printed as path:line: CODE message.": "Elke fout staat er als pad:regel: CODE bericht.",
    "Exit 0 when clean (warnings allowed), 1 when there are errors, 2 when it could not run. The date rules "
    "compare with today, or with $REFER_TODAY.":
        "Afsluitcode 0 zonder fouten (waarschuwingen mogen), 1 bij fouten, 2 als het niet kon lopen. De "
        "datumregels vergelijken met vandaag, of met $REFER_TODAY.",
    "Directories or files (default: every loaded directory).": "Mappen of bestanden (standaard: elke geladen map).",
    "Export as CSV, JSON, JSON Lines or HSDS.": "Exporteer als CSV, JSON, JSON Lines of HSDS.",
    "The whole directory, or the part that passes the filters; HSDS is Open Referral's data standard.":
        "De hele gids, of het deel dat door de filters komt; HSDS is de gegevensstandaard van Open Referral.",
    "csv, json, jsonl or hsds (a folder).": "csv, json, jsonl of hsds (een map).",
    "File (- is stdout), or folder for hsds.": "Bestand (- is stdout), of map voor hsds.",
    "Every source of the data, oldest first.": "Elke bron van de gegevens, de oudste eerst.",
    "Each with its date, its kind and the services that rely on it.":
        "Elk met haar datum, haar soort en de diensten die erop steunen.",
    "Print the directory that holds the index cache.": "Toon de map met de cache van de index.",
    "Remove every index the cache holds; the next run builds it again.":
        "Wis elke index in de cache; de volgende keer wordt hij opnieuw gebouwd.",
    # handout
    "A poster of helplines for one audience.": "Een affiche met hulplijnen voor één doelgroep.",
    "A printable A4 poster (or four A6 cards), as HTML or PDF.":
        "Een affiche op A4 om af te drukken (of vier kaartjes op A6), als HTML of PDF.",
    "Who the poster is for (an audience: id or label).": "Voor wie de affiche is (een doelgroep: id of naam).",
    "poster.html or poster.pdf.": "poster.html of poster.pdf.",
    "Only helplines serving all of this region (id, municipality or postcode).":
        "Alleen hulplijnen voor heel deze regio (id, gemeente of postcode).",
    "The poster's language, nl or en (default: as refer).": "De taal van de affiche, nl of en (standaard: die van "
                                                            "refer).",
    "a4: one poster; a6: four cut-out cards on A4.": "a4: één affiche; a6: vier kaartjes om uit te knippen op A4.",
    "html or pdf (default: from -o).": "html of pdf (standaard: volgens -o).",
    # plan
    "A referral plan for a situation, in steps.": "Een doorverwijsplan voor een situatie, in stappen.",
    "Now, advice for you, report, help for each person, later. --age is the age of the person affected, --role "
    "who asks (professional, bystander, victim, perpetrator).":
        "Nu, advies voor jou, melden, hulp voor elke betrokkene, later. --age is de leeftijd van wie het "
        "overkwam, --role wie vraagt (professional, bystander, victim, perpetrator).",
    "The situation in your words, Dutch or English.": "De situatie in je eigen woorden, Nederlands of Engels.",
    "Who asks: professional, bystander, victim or perpetrator (for themself).":
        "Wie vraagt: professional, bystander (naaste), victim (slachtoffer) of perpetrator (pleger, voor "
        "zichzelf).",
    "Age of the person affected.": "Leeftijd van wie het overkwam.",
    "Never ask for a missing town, age, role or who did it.":
        "Vraag nooit naar een ontbrekende gemeente, leeftijd, rol of wie het deed.",
    "Leave the situation as typed out of the plan (for a file others read).":
        "Laat de situatie zoals getypt uit het plan (voor een dossier dat anderen lezen).",
    "auto: a table on a terminal, Markdown in a pipe.": "auto: een tabel op een terminal, Markdown in een pipe.",
}

# Click's fixed words and messages, in the text it printed -> Dutch (in this order)
CLICK = [
    (r"^Usage: ", "Gebruik: "), (r"Try '(.+?)' for help\.", r"Probeer '\1' voor hulp."), (r"^Error: ", "Fout: "),
    (r"^Options:$", "Opties:"), (r"^Commands:$", "Commando's:"), (r"^Arguments:$", "Argumenten:"),
    (r"^(\s*)Examples:$", r"\1Voorbeelden:"), (r"^(\s*)Example:$", r"\1Voorbeeld:"),
    (r"\[default:(\s)", r"[standaard:\1"), (r"\[required\]", "[verplicht]"),
    (r"\[env var:(\s)", r"[omgevingsvariabele:\1"),
    (r"No such command '(.+?)'\.", r"Onbekend commando '\1'."), (r"Did you mean (.+?)\?", r"Bedoelde je \1?"),
    (r"No such option: ", "Onbekende optie: "), (r"Missing option '(.+?)'", r"Optie '\1' ontbreekt"),
    (r"Missing argument '(.+?)'", r"Argument '\1' ontbreekt"), (r"Missing command\.", "Geen commando gegeven."),
    (r"Invalid value for '(.+?)': ", r"Ongeldige waarde voor '\1': "), (r"Invalid value: ", "Ongeldige waarde: "),
    (r"'(.*?)' is not one of (.+)\.", r"'\1' is niet een van \2."), (r"Show this message and exit\.",
                                                                     "Toon deze hulp en stop."),
    (r"'(.*?)' is not a valid (integer|int)( range)?\.", r"'\1' is geen geheel getal."),
    (r"(\S+) is not in the range (.+)\.", r"\1 ligt niet tussen \2."),
    (r"Got unexpected extra arguments? \((.+)\)", r"Onverwacht extra argument (\1)"),
    (r"Option '(.+?)' requires an argument\.", r"Optie '\1' vraagt een waarde."),
]


@cache  # compiled only when Dutch help or a Dutch error is shown, not at every start
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(english, re.M), dutch) for english, dutch in CLICK]


def _key(paragraph: str) -> str:
    return " ".join(paragraph.split())


def paragraphs(text: str) -> str:
    """A help text with each paragraph we have a translation of in Dutch (examples stay as they are)."""
    return "\n\n".join(PARAGRAPHS.get(_key(p), p) for p in text.split("\n\n"))


def translate_command(command: Any, ctx: Any) -> None:
    """Put a built command's help texts, and its options', in Dutch."""
    if command.help:
        command.help = paragraphs(command.help)
    for param in command.get_params(ctx):
        if getattr(param, "help", None):
            param.help = paragraphs(param.help)


def click_words(text: str) -> str:
    """Click's own words in a help text or an error message, in Dutch."""
    for pattern, dutch in _patterns():
        text = pattern.sub(dutch, text)
    return text


# ---------------------------------------------------------------- where the CLI asks
def wanted(ctx: Any) -> bool:
    """Dutch help for this run: its settings (`--lang`, REFER_LANG, the locale) say nl."""
    settings = ctx.find_object(Settings)
    return settings is not None and settings.lang == "nl"


def in_dutch(command: Any) -> None:
    """A built command's help in Dutch: its texts now, Click's words when the help is printed."""
    if command.help:  # now: a group's list of commands shows it
        command.help = paragraphs(command.help)
    english = command.get_help

    def get_help(ctx: Any) -> str:
        translate_command(command, ctx)
        return click_words(english(ctx))

    command.get_help = get_help


def show(error: Any) -> None:
    """Click's usage error as Click shows it, in Dutch."""
    said = StringIO()
    error.show(file=said)
    sys.stderr.write(click_words(said.getvalue()))


def lang_asked(args: Sequence[str]) -> str | None:
    """The --lang of the command line, if a valid one is given (a wrong one is refused later): known
    before Click reads --help, which it does first."""
    for i, arg in enumerate(args):
        value = args[i + 1] if arg == "--lang" and i + 1 < len(args) else arg[7:] if arg.startswith("--lang=") else ""
        if value.strip().lower() in ("nl", "en"):
            return value.strip().lower()
    return None
