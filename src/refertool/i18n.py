"""The interface's strings, in Dutch and English. Every key exists in both."""

from __future__ import annotations

import datetime as dt
import os

STRINGS: dict[str, dict[str, str]] = {
    "id": {"nl": "id", "en": "id"},
    "name": {"nl": "Naam", "en": "Name"},
    "contact": {"nl": "Contact", "en": "Contact"},
    "summary": {"nl": "Wat", "en": "What"},
    "flags": {"nl": "Kenmerken", "en": "Features"},
    "free": {"nl": "gratis", "en": "free"},
    "anonymous": {"nl": "anoniem", "en": "anonymous"},
    "confidential": {"nl": "vertrouwelijk", "en": "confidential"},
    "always_open": {"nl": "altijd bereikbaar", "en": "always open"},
    "open_now": {"nl": "nu bereikbaar", "en": "open now"},
    "emergency_title": {"nl": "Dringend? Bel meteen", "en": "Urgent? Call now"},
    "walk_in": {"nl": "ga erheen", "en": "go there"},
    "go_directly": {"nl": "je kan er rechtstreeks heen, dag en nacht",
                    "en": "you can go there directly, day and night"},
    "go_directly_except": {"nl": "je kan er rechtstreeks heen, dag en nacht, behalve in {0} (refer show {1})",
                           "en": "you can go directly, day and night, except in {0} (refer show {1})"},
    "day_and_night": {"nl": "dag en nacht", "en": "24/7"},
    "no_results": {"nl": "Niets gevonden voor deze zoekopdracht.", "en": "Nothing found for this search."},
    "did_you_mean": {"nl": "Bedoelde je: {0}?", "en": "Did you mean: {0}?"},
    "filters_removed": {"nl": "Deze filters lieten niets over: {0}", "en": "These filters left nothing: {0}"},
    "relaxed": {"nl": "Niets paste op alles; losgelaten: {0}", "en": "Nothing matched everything; relaxed: {0}"},
    "partial": {"nl": "Geen dienst past op alle woorden; de beste gedeeltelijke treffers staan bovenaan.",
                "en": "No service matches every word; the best partial matches come first."},
    "understood": {"nl": "Begrepen als", "en": "Understood as"},
    "terms": {"nl": "zoekwoorden", "en": "terms"},
    "ignored": {"nl": "genegeerd", "en": "ignored"},
    "situation": {"nl": "situatie", "en": "situation"},
    "fit": {"nl": "past", "en": "fit"},
    "sort_key": {"nl": "sorteersleutel", "en": "sort key"},
    "why": {"nl": "waarom", "en": "why"},
    "description": {"nl": "Beschrijving", "en": "Description"},
    "how_to_reach": {"nl": "Bereikbaarheid", "en": "How to reach"},
    "audiences": {"nl": "Doelgroep", "en": "Audiences"},
    "roles": {"nl": "Voor wie", "en": "Roles"},
    "topics": {"nl": "Thema's", "en": "Topics"},
    "sectors": {"nl": "Sectoren", "en": "Sectors"},
    "regions": {"nl": "Regio", "en": "Regions"},
    "kind": {"nl": "Soort", "en": "Kind"},
    "ages": {"nl": "Leeftijd", "en": "Ages"},
    "ages_range": {"nl": "{0} tot {1} jaar", "en": "{0} to {1} years"},
    "ages_to": {"nl": "tot {0} jaar", "en": "up to {0} years"},
    "ages_from": {"nl": "vanaf {0} jaar", "en": "from {0} years"},
    "source": {"nl": "Bron", "en": "Source"},
    "sources": {"nl": "Bronnen", "en": "Sources"},
    "contact_sources": {"nl": "Bron per contact", "en": "Source of each contact"},
    "source_notes": {"nl": "Over de bronnen", "en": "About the sources"},
    "more_contacts": {"nl": "+{0} meer: zie refer show", "en": "+{0} more: see refer show"},
    "the_guide": {"nl": "de gids", "en": "the guide"},
    "undated": {"nl": "datum onbekend", "en": "undated"},
    "locations": {"nl": "Locatie", "en": "Location"},
    "as_of": {"nl": "Datum", "en": "As of"},
    "relying": {"nl": "Gebruikt door", "en": "Relied on by"},
    "verified": {"nl": "nagekeken op", "en": "checked on"},
    "not_limited": {"nl": "niet beperkt", "en": "not limited"},
    "area_not_stated": {"nl": "niet vermeld", "en": "not stated"},
    "none_given": {"nl": "geen contactgegevens in de bron", "en": "no contact details in the source"},
    "count": {"nl": "Aantal", "en": "Count"},
    "facet": {"nl": "Facet", "en": "Facet"},
    "value": {"nl": "Waarde", "en": "Value"},
    "label_nl": {"nl": "Nederlands", "en": "Dutch"},
    "label_en": {"nl": "Engels", "en": "English"},
    "unknown_id": {"nl": "Onbekende dienst '{0}'.", "en": "Unknown service '{0}'."},
    "unknown_id_close": {"nl": "Onbekende dienst '{0}'. Bedoelde je '{1}'?",
                         "en": "Unknown service '{0}'. Did you mean '{1}'?"},
    "data_problems": {"nl": "De gegevens bevatten fouten; niets geladen:",
                      "en": "The data has problems; nothing loaded:"},
    "region_unused": {"nl": "Let op: {0}; de nummers staan in de gewone volgorde.",
                      "en": "Warning: {0}; the numbers are in their usual order."},
    "fallback": {"nl": "Let op: extra gegevens konden niet geladen worden; alleen de meegeleverde nummers.",
                 "en": "Warning: extra data could not be loaded; showing the bundled numbers only."},
    "files": {"nl": "{0} bestand|{0} bestanden", "en": "{0} file|{0} files"},
    "errors": {"nl": "{0} fout|{0} fouten", "en": "{0} error|{0} errors"},
    "warnings": {"nl": "{0} waarschuwing|{0} waarschuwingen", "en": "{0} warning|{0} warnings"},
    "validate_ok": {"nl": "{0} nagekeken, geen fouten.", "en": "{0} checked, no problems."},
    "validate_bad": {"nl": "{0} en {1} in {2}.", "en": "{0} and {1} in {2}."},
    "cache_cleared": {"nl": "{0} verwijderd uit {1}", "en": "{0} removed from {1}"},
    "hsds_stdout": {"nl": "HSDS is een map van bestanden: geef een map met -o, niet -.",
                    "en": "HSDS is a folder of files: give a folder with -o, not -."},
    "exported": {"nl": "{0} diensten geschreven naar {1}", "en": "{0} services written to {1}"},
    "internal": {"nl": "Interne fout: {0}. Meld dit alsjeblieft (REFER_DEBUG=1 toont details).",
                 "en": "Internal error: {0}. Please report it (REFER_DEBUG=1 shows details)."},
    "interrupted": {"nl": "Onderbroken.", "en": "Interrupted."},
    # refer plan
    "plan_title": {"nl": "Verwijsplan", "en": "Referral plan"},
    "plan_situation": {"nl": "Gelezen als", "en": "Read as"},
    "plan_assumptions": {"nl": "Aannames", "en": "Assumptions"},
    "plan_now": {"nl": "Nu", "en": "Now"},
    "plan_advice": {"nl": "Advies voor jou", "en": "Advice for you"},
    "plan_report": {"nl": "Melden", "en": "Report"},
    "plan_help-victim": {"nl": "Hulp voor wie het overkwam", "en": "Help for the person affected"},
    "plan_help-perpetrator": {"nl": "Hulp voor wie het deed", "en": "Help for the person who did it"},
    "plan_feelings": {"nl": "Hulp voor wie deze gevoelens heeft", "en": "Help for the person with these feelings"},
    "plan_later": {"nl": "Later", "en": "Later"},
    "plan_minor": {"nl": "een minderjarige", "en": "a minor"},
    "plan_adult": {"nl": "een volwassene", "en": "an adult"},
    "plan_anyone": {"nl": "iemand", "en": "someone"},
    "plan_ages": {"nl": "{0} tot {1} jaar", "en": "ages {0} to {1}"},
    "plan_ages_to": {"nl": "tot {0} jaar", "en": "up to age {0}"},
    "plan_ages_from": {"nl": "vanaf {0} jaar", "en": "from age {0}"},
    "plan_only_in": {"nl": "alleen {0}", "en": "only {0}"},
    "plan_empty": {"nl": "Beschrijf de situatie, bv. refer plan \"trainer betast speler van 14\".",
                   "en": "Describe the situation, e.g. refer plan \"coach touched a 14-year-old player\"."},
    "why_care_centre_daytime": {"nl": "Seksueel geweld minder dan een week geleden: ga (of verwijs) meteen; "
                                      "de uren staan op de kaart",
                                "en": "Sexual violence less than a week ago: go (or refer) directly; "
                                      "its hours are on its card"},
    "assume_minor": {"nl": "Leeftijd van wie het overkwam niet gegeven: we gaan uit van een minderjarige, omdat de "
                           "regels voor minderjarigen strenger zijn en te veel nagaan veiliger is dan te weinig "
                           "(--age verandert dit).",
                     "en": "Age of the person affected not given: assuming a minor, because the rules for minors "
                           "are stricter and checking too much is safer than too little (--age changes it)."},
    "assume_adult_now": {"nl": "Het gebeurde lang geleden: we gaan ervan uit dat wie het overkwam nu volwassen is "
                               "(--age verandert dit).",
                         "en": "It happened long ago: assuming the person affected is an adult now "
                               "(--age changes it)."},
    "assume_images_any_age": {"nl": "Leeftijd van wie op de beelden staat niet gegeven: de route voor beelden van een "
                                    "volwassene; van een minderjarige zijn het beelden van misbruik, met een eigen "
                                    "route (--age kiest).",
                              "en": "Age of the person in the images not given: the route for images of an adult; of "
                                    "a minor they are abuse images, with a route of their own (--age chooses)."},
    "assume_victim_any_age": {"nl": "Je leeftijd niet gegeven: hulp voor minderjarigen en volwassenen staat er "
                                    "allebei (--age kiest).",
                              "en": "Your age not given: help for minors and for adults is both listed "
                                    "(--age chooses)."},
    "assume_any_age": {"nl": "Leeftijd van wie het overkwam niet gegeven: hulp voor minderjarigen en volwassenen "
                             "staat er allebei (--age kiest).",
                       "en": "Age of the person affected not given: help for minors and for adults is both listed "
                             "(--age chooses)."},
    "assume_perpetrator_any_age": {"nl": "Leeftijd van wie het deed niet gegeven: hulp voor minderjarigen en "
                                         "volwassenen staat er allebei.",
                                   "en": "Age of the person who did it not given: help for minors and for adults "
                                         "is both listed."},
    "assume_doer": {"nl": "Wie het deed is niet met zoveel woorden gezegd: gelezen als {0}. Klopt dat niet, zeg dan "
                          "wie het deed.",
                    "en": "Who did it is not said in so many words: read as {0}. If that is wrong, say who did it."},
    "assume_doer_unknown": {"nl": "Niet gelezen wie het deed, dus geen meldroute van een sector; zeg wie het deed.",
                            "en": "Could not read who did it, so no sector's report route; say who did it."},
    "assume_unread": {"nl": "Niet gelezen wat er gebeurde of wie het deed: algemene hulp voor jou staat er; "
                               "beschrijf de situatie wat meer voor gerichte stappen.",
                      "en": "Could not read what happened or who did it: general help for you is shown; describe "
                            "the situation a little more for specific steps."},
    "assume_professional": {"nl": "Niet gezegd wie vraagt: we gaan uit van een professional of vrijwilliger die "
                                  "iemand helpt (--role verandert dit).",
                            "en": "Who is asking not said: assuming a professional or volunteer helping someone "
                                  "(--role changes it)."},
    "assume_within_week": {"nl": "Het gebeurde dagen geleden: tot een week na seksueel geweld kan een slachtoffer "
                                 "meteen naar een zorgcentrum.",
                           "en": "It happened days ago: up to a week after sexual violence a victim can go "
                                 "straight to a care centre."},
    "assume_no_place": {"nl": "Geen zorgcentrum bij een gegeven plaats: ze staan er allemaal; --region geeft het "
                              "dichtstbijzijnde.",
                        "en": "No care centre known near a given place: every one is listed; --region gives the "
                              "nearest."},
    "assume_no_police": {"nl": "Geen aangifte gewenst: politie en parket staan niet bij Melden.",
                         "en": "No police report wanted: police and prosecutor are left out of Report."},
    "assume_not_acute": {"nl": "Niet gezegd wanneer het gebeurde: geen stap Nu. Is er nu gevaar, bel 112 "
                               "(politie 101).",
                         "en": "When it happened not said: no Now step. If anyone is in danger now, call 112 "
                               "(police 101)."},
    "ask_age": {"nl": "Leeftijd van wie het overkwam (of wie het deed)? (Enter: overslaan)",
                "en": "Age of the person affected (or who did it)? (Enter skips)"},
    "ask_role": {"nl": "Wie vraagt? 1 professional 2 naaste 3 slachtoffer 4 pleger (Enter: overslaan)",
                 "en": "Who asks? 1 professional 2 relative 3 affected 4 did it (Enter skips)"},
    "again_age": {"nl": "'{0}' is geen leeftijd: typ een getal van 0 tot {1}, bv. 14 (Enter: overslaan).",
                  "en": "'{0}' is not an age: type a number from 0 to {1}, e.g. 14 (Enter skips)."},
    "ask_doer": {"nl": "Wie deed het? Bv. haar trainer, een onbekende, een klasgenoot (Enter: overslaan)",
                 "en": "Who did it? E.g. her coach, a stranger, a classmate (Enter skips)"},
    "again_doer": {"nl": "'{0}' noemt geen persoon: bv. haar trainer, een onbekende (Enter: overslaan).",
                   "en": "'{0}' names no person: e.g. her coach, a stranger (Enter skips)."},
    "again_role": {"nl": "'{0}' is geen keuze: typ 1, 2, 3 of 4 (Enter: overslaan).",
                   "en": "'{0}' is not a choice: type 1, 2, 3 or 4 (Enter skips)."},
    "ask_place": {"nl": "In welke gemeente? Dan staat het dichtste zorgcentrum eerst (Enter: overslaan)",
                  "en": "Which town? The nearest care centre then comes first (Enter skips)"},
    "plan_nothing_here": {"nl": "Niets om te plannen: de tekst noemt geen schade, persoon of vraag.",
                          "en": "Nothing to plan: the text names no harm, person or question."},
    "plan_ask_bystander": {"nl": "Een vraag als burger", "en": "A question as a citizen"},
    "plan_ask_professional": {"nl": "Een vraag als professional", "en": "A question as a professional"},
    "plan_also": {"nl": "ook", "en": "also"},
    "plan_and_more": {"nl": "{0} en nog {1}", "en": "{0} and {1} more"},
    "plan_more": {"nl": "nog {0}", "en": "{0} more"},
    "plan_support": {"nl": "Iemand om mee te praten, een therapeut vinden",
                     "en": "Someone to talk to, finding a therapist"},
    "plan_not_always": {"nl": "niet dag en nacht: {0}, zie de kaart", "en": "not day and night: {0}, see its card"},
    "plan_centres_by_town": {"nl": "geef de gemeente met --region voor het dichtste",
                             "en": "give the town with --region for the nearest"},
    "plan_record": {"nl": "Voor het dossier", "en": "For the file"},
    "plan_record_date": {"nl": "Datum", "en": "Date"},
    "plan_record_data": {"nl": "Gegevens", "en": "Data"},
    "plan_record_data_value": {"nl": "refertool {0}, stappentabel {1}, gegevens nagekeken tot {2}",
                               "en": "refertool {0}, steps table {1}, data checked up to {2}"},
    "plan_record_step": {"nl": "gedaan op ... / met ... / afspraak:", "en": "done on ... / with ... / agreed:"},
    "plan_record_left_out": {"nl": "De beschreven situatie is weggelaten (--no-situation).",
                             "en": "The situation as described is left out (--no-situation)."},
    "handout_title": {"nl": "Praat erover. Je staat er niet alleen voor.", "en": "Talk about it. You are not alone."},
    "handout_places": {"nl": "In {0}.", "en": "In {0}."},
    "handout_for": {"nl": "Hulplijnen voor {0}", "en": "Helplines for {0}"},
    "handout_checked": {"nl": "Gegevens nagekeken op {0}", "en": "Data checked on {0}"},
    "handout_checked_range": {"nl": "Gegevens nagekeken tussen {0} en {1}", "en": "Data checked between {0} and {1}"},
    "plan_format": {"nl": "-o {0}: kies .md, .html of .json, of geef het formaat met -f",
                    "en": "-o {0}: use .md, .html or .json, or give the format with -f"},
    "handout_source": {"nl": "Bronnen en hun datum: refer sources", "en": "Sources and their dates: refer sources"},
    "handout_none": {"nl": "Geen hulplijn in de gegevens past bij deze doelgroep en regio.",
                     "en": "No helpline in the data fits this audience and region."},
    "handout_too_long": {"nl": "{0} hulplijnen passen niet leesbaar op één blad; kies een regio (--region).",
                         "en": "{0} helplines do not fit one page legibly; choose a region (--region)."},
    "handout_more": {"nl": "Meer hulplijnen ({0}) op de A4-affiche.", "en": "More helplines ({0}) on the A4 poster."},
    "handout_left_off": {"nl": "De kaartjes hebben leesbaar plaats voor {0} van de {1} hulplijnen, de noodnummers "
                                "eerst; niet op de kaartjes: {2}. De A4-affiche (--size a4) toont ze allemaal.",
                         "en": "The cards hold {0} of the {1} helplines legibly, emergency numbers first; not on the "
                               "cards: {2}. The A4 poster (--size a4) shows them all."},
    "handout_written": {"nl": "{0} hulplijnen geschreven naar {1}", "en": "{0} helplines written to {1}"},
    "handout_format": {"nl": "Kies het formaat met -f html|pdf of een bestandsnaam op .html of .pdf.",
                       "en": "Choose the format with -f html|pdf or a file name ending in .html or .pdf."},
    "handout_needs_pdf": {"nl": "PDF vraagt de extra 'pdf': pip install 'refertool[pdf]' (in een kopie van de "
                                "repository: pip install '.[pdf]'); HTML (-o poster.html) vraagt niets meer",
                          "en": "PDF needs the 'pdf' extra: pip install 'refertool[pdf]' (in a checkout of the "
                                "repository: pip install '.[pdf]'); HTML (-o poster.html) needs nothing more"},
    # What the situation reader read (reading/read.py, `describe`): "victim: athlete, 14 · asker: teacher".
    "read_victim": {"nl": "slachtoffer", "en": "victim"},
    "read_perpetrator": {"nl": "wie het deed", "en": "person who did it"},
    "read_bystander": {"nl": "omstaander", "en": "bystander"},
    "read_asker": {"nl": "vraagsteller", "en": "asker"},
    "read_urgency": {"nl": "dringendheid", "en": "urgency"},
    "read_wants": {"nl": "wil", "en": "wants"},
    "read_place": {"nl": "plaats", "en": "place"},
    "read_minor": {"nl": "minderjarig", "en": "minor"},
    "read_adult": {"nl": "volwassen", "en": "adult"},
    "read_acute": {"nl": "acuut", "en": "acute"},
    "read_recent": {"nl": "recent", "en": "recent"},
    "read_past": {"nl": "lang geleden", "en": "long ago"},
    "read_self": {"nl": "zelf", "en": "themself"},
    "read_via": {"nl": "via", "en": "via"},
    "read_not_via": {"nl": "niet via", "en": "not via"},
    "months": {"nl": "januari februari maart april mei juni juli augustus september oktober november december",
               "en": "January February March April May June July August September October November December"},
}


def detect_lang(explicit: str | None = None) -> str:
    """--lang, then REFER_LANG, then the locale: Dutch when it is Dutch, English otherwise."""
    for candidate in (explicit, os.environ.get("REFER_LANG")):
        if candidate:
            return "nl" if candidate.lower().startswith("nl") else "en"
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "nl" if value.lower().startswith("nl") else "en"
    import locale

    loc = locale.getlocale()[0] or ""
    return "nl" if loc.lower().startswith("nl") else "en"


def t(key: str, lang: str, *args: object) -> str:
    return STRINGS[key][lang].format(*args)


def count(key: str, lang: str, n: int) -> str:
    """A number with its noun, singular or plural: "1 file", "2 files" (strings written "one|many")."""
    one, many = STRINGS[key][lang].split("|")
    return (one if n == 1 else many).format(n)


def date_text(day: dt.date, lang: str) -> str:
    """A date people read at a glance: "26 november 2026", "26 November 2026"."""
    return f"{day.day} {t('months', lang).split()[day.month - 1]} {day.year}"
