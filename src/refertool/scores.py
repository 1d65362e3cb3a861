"""Every weight of the ranking, on one scale, each with why (ranking.py and fit.py read them here).

One scale: a concept met by `df` services weighs `rarity(df) = log((RARITY_SCALE + 1) / (df + 1))`,
and a fit point is added to that sum as it is. Rarity counts the services that meet a concept, not
their share of the directory, so that services a query does not meet (another region's directory, a
large local one) change no weight: the fit keeps its weight beside the words whatever the size.
"""

from __future__ import annotations

import math

# ---------------------------------------------------------------- how telling a concept is
# The number of services the weights were set against (the bundled directory when the fit's points
# were weighed against rarity). A concept met by one service weighs about 3.3, one met by RARITY_SCALE
# services or more weighs nothing: words every service holds ("help") tell no service apart.
RARITY_SCALE = 52
# A place or an age tells where or for whom, not what: it counts as a concept, but its rarity (few
# services name a province) must not outweigh what the person needs.
PLACE_WEIGHT = 0.5
# Keywords: a word met only in a description is weaker evidence than one in the name or keywords
# (a description mentions what a service is not for, and what others do).
KEYWORD_DESCRIPTION_WEIGHT = 0.5
# A told situation: a word met by its stem, a part or a typo is weak evidence: a long sentence holds
# many words, and "party" meeting "parties" says little about what is needed. By match level:
# exact, stem, synonym, compound part, prefix, typo.
LEVEL_WEIGHT = (1.0, 0.9, 0.8, 0.5, 0.5, 0.5)
# ...and a word met only in a description weighs a quarter: a sentence's words meet descriptions by chance.
DESCRIPTION_WEIGHT = 0.25


def rarity(met_by: int) -> float:
    """How telling a concept met by `met_by` services is; never below 0, whatever the directory's size."""
    return max(0.0, math.log((RARITY_SCALE + 1) / (met_by + 1)))


# ---------------------------------------------------------------- how far a word reaches
MAX_WORD = 40  # letters; no real word is longer: no stems, typos or parts are looked for
PREFIX_FROM = 4  # letters: a shorter word ("kin") is the start of too many others to mean one of them
PREFIX_WINDOW = 50  # index words looked at after a prefix, in order: enough for a word's forms, not a scan
SUGGEST_FROM = 4  # letters: too short to guess what was meant
# "Did you mean": at most a third of the word's letters changed (at least 2), or the guess is another word.
SUGGEST_SHARE, SUGGEST_AT_LEAST = 3, 2
# "Did you mean" for a name typed as an option (a service id, a facet value, a place): difflib's ratio, close
# enough to be the name meant rather than another one.
DID_YOU_MEAN_CUTOFF = 0.6


# ---------------------------------------------------------------- the fit to a told situation
# Integer points, added to the rarity of the words met (same scale: a fit point is about the weight
# of one uncommon word). A service for the wrong person is worse than one for the right person is
# good: a victim sent to a perpetrator service (or the reverse) is harmed by it, so a misfit costs more.
ROLE_FITS, ROLE_MISFITS = 2, -3
# A professional asking in their role: a service for professionals alone (the facts: professionals contact
# a Vertrouwenscentrum directly, citizens and the young call a helpline) comes before the lines for them.
PROFESSIONAL_FITS = 3
# ...and a helpline or a chat, there for citizens and the young, comes after it (the facts: professionals contact a
# Vertrouwenscentrum directly, citizens call 1712): a small step, as a line may still advise them.
CITIZEN_LINES = frozenset({"helpline", "chat"})  # kinds of data/vocabulary.toml
CITIZEN_LINE = -1
# Ages matter less than roles: many services stretch their ages, and the age read is often a guess.
AGE_FITS, AGE_MISFITS = 1, -2
# The setting's own service (a sports federation's integrity contact) answers a report or advice
# question from that setting; another sector's service is for other settings.
SECTOR_FITS, SECTOR_MISFITS = 2, -2
# A told situation names no setting: a service for one setting alone (a sector's ombudsman, its tribunal) is for
# those settings, so it comes after one open to every setting; weaker than another sector's misfit, as the
# setting may be there unread.
SETTING_UNNAMED = -1
# Someone else asks for the person: a service the person must contact themself comes after one
# that also takes the asker's questions, not out of the list; twice when the asker asks what to do (a grandparent,
# a neighbour) rather than seeks help for the person: a chat for victims alone is not theirs to call.
SELF_ONLY = -1
# The kinds of service (ids of data/vocabulary.toml) that are a setting's route for a report when they belong
# to one setting: the inspectorate's and the umbrella bodies' reporting points, the sports tribunal. The guide
# sends a report there ("voor een melding ... de koepel"), and advice and help elsewhere (the VK, 1712, the
# CLB): the route fits a case by its setting, and by the person only when a report is asked for.
SETTING_ROUTES = frozenset({"reporting-point", "authority"})
# ...and a reporting point open to every setting (the Vlaams Meldpunt, the point for images of children online) is
# where a report goes as well: it fits the person only when a report is asked for. (A general authority, the
# prosecutor or the Justitiehuis, advises and acts on the case: not a route.)
REPORTING_POINTS = frozenset({"reporting-point"})
# Help for the one who did it: a service for them alone (I.T.E.R., the forensic centres, Stop it Now!: the
# guide's answer for those who did it) before one that serves victims and perpetrators alike.
DEDICATED_FITS = 1
# (and the guide lists the services for minor and for adult perpetrators apart: a service for the person's age group
# alone, the adults' forensic centres for a man of 34, gains AGE_FITS once more over one for both, I.T.E.R.)
NEED_FITS = 2  # a topic that is what is asked for (help for the victim: victim support) is strong evidence
# Sexual violence within a week: medical care and evidence first, at a service for that harm (the care
# centre after sexual violence before the police and the emergency lines: the facts); as strong as a need.
EVIDENCE_FITS = 2
URGENT_FITS = 1  # per sign of urgency met (open day and night, an emergency rank, medical care, evidence)
AVOIDED = -3  # what the person said they do not want (no police): as strong as a role misfit
CHANNEL_FITS, CHANNEL_MISFITS = 1, -1  # a way of contact asked for ("by chat") or avoided ("afraid to call")
# The harm told (violence, sexual abuse, images...) against the harms a service names: a service for
# sexual harms alone, for a story of violence or neglect alone, is the wrong service (the care centre after
# sexual violence for a beating, Stop it Now! for a father who slapped his son): as wrong as one for the
# wrong person, a role misfit. (No bonus for a service that names the harm told: the sentence's words meet
# its topics already, and a broad harm that many services name would tell none apart.)
HARM_MISFITS = -3
# The harms (topic ids of data/vocabulary.toml) that are sexual by their name: the care centres are for
# sexual violence, I.T.E.R. and the forensic centres for sexual behaviour, Child Focus for sexual abuse
# of children (the guide); a story of violence or neglect alone is answered elsewhere (1712, the VK, CAW).
# "Transgressive behaviour" is not among them: the guide uses it for behaviour of every kind.
SEXUAL_HARMS = frozenset({"sexual-violence", "sexual-abuse", "image-abuse", "child-sexual-abuse-material",
                          "paedophilic-feelings"})

# ---------------------------------------------------------------- one service of a kind, then other kinds
# Services of one kind that differ only by place (the same kind, topics, audience, roles, ages and sectors:
# the ten care centres after sexual violence) are one kind of help: a told situation needs the nearest
# one and then the other kinds (police, a helpline, victim support), not ten hospitals. The best-placed
# one keeps the group's rank; the others come after this many results of other kinds (what a reader
# takes in at a glance). Nothing is dropped: a larger --limit lists them all.
OTHER_KINDS_FIRST = 5

# ---------------------------------------------------------------- harm done to a child
# The guide: the Vertrouwenscentra Kindermishandeling are there "for every situation of violence against
# children", and 1712 takes questions on child abuse: a sexual harm done to a minor, or any harm done to one
# by an adult, is a case for the services for child abuse, whether or not the story names child abuse
# (peers teasing a pupil is bullying: its own services). Weaker than a need: the
# harm's own words meet the services for it already; this tells the child's services from the adults'.
CHILD_HARM_TOPIC = "child-abuse"
CHILD_HARM_FITS = 1
