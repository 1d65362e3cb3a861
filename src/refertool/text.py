"""Normalise, tokenise, stem and split words, the same way for records and queries."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache

from .scores import DID_YOU_MEAN_CUTOFF

# C0/C1 controls, the escape character and bidi overrides; tab and newline are allowed in prose.
# Validation rejects them in data; display strips them again (render.safe).
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
APOSTROPHE_S = re.compile(r"['’`´]s\b")
TOKEN = re.compile(r"[^\W_]+")

# Function words never count as concepts. Kept short on purpose: words such as
# "hulp" or "kind" carry meaning for this tool and are not here.
STOPWORDS = frozenset("""
aan al alle als at bij daar dan dat de deze die dit doe doen door dus een en er geen had heb hebben heeft het hier
hij hoe hun ik in is ja je jij jou jouw kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu
of om onder ons ook op over te tegen toch tot u uit uw van veel voor wat we wel werd wie wil willen word wordt zal
ze zelf zich zij zijn zo zonder zou iemand iets mag mogen
a about after all also am an and any are as at be been being but by can could did do does for from had has have
he her his how i if in into is it its me my no not of on or our she so some someone something than that the their
them then there they this to too was we were what when where which who whom why will with would you your help
postcode postal code zip please need needs wants want zoekt looking seeks searching
""".split())


COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def _plural_s(text: str) -> str:
    """"foto's" -> "fotos"; "'s avonds" stays. (Matching the apostrophe alone is five times faster.)"""
    return APOSTROPHE_S.sub(lambda m: "s" if m.start() and text[m.start() - 1].isalnum() else m.group(0), text)


def fold(text: str) -> str:
    """Compatibility forms and case folded, accents removed, "foto's" -> "fotos"."""
    if text.isascii():  # most records: nothing to normalise
        return _plural_s(text.lower())
    return _plural_s(COMBINING.sub("", unicodedata.normalize("NFKD", text.casefold())))


# ASCII punctuation and the typographic marks of the guide become spaces; for text that is
# then plain ASCII, str.split gives what TOKEN finds, about eight times faster.
_SEPARATORS = str.maketrans({c: " " for c in [*map(chr, range(128)), *"’‘“”–—…•·«»„"] if not c.isalnum()})


def tokens(text: str) -> list[str]:
    folded = fold(text)
    spaced = folded.translate(_SEPARATORS)
    if spaced.isascii():
        return spaced.split()
    return TOKEN.findall(folded)


def content_tokens(text: str) -> list[str]:
    return [t for t in tokens(text) if t not in STOPWORDS]


# The stemmers: PyStemmer (the `fast` extra, C, loads only the two languages asked for) when it is
# installed, else snowballstemmer (pure Python; its import loads all of its thirty-odd languages).
STEMMER_MODULES = ("Stemmer", "snowballstemmer")


@lru_cache(maxsize=1)
def stemmer_origin() -> str:
    """Which stemmer `stems` uses, as the file it is loaded from (a cache built with another keeps other
    stems); found without importing it."""
    from importlib.util import find_spec

    for name in STEMMER_MODULES:
        spec = find_spec(name)
        if spec is not None and spec.origin:
            return spec.origin
    return ""


# The Snowball algorithm for each language of the data (model.LANGS): dutch_porter, as the newer "dutch"
# algorithm strips ge- and maps "geweld" to "wel".
ALGORITHMS = ("dutch_porter", "english")


@lru_cache(maxsize=1)
def _stemmers():
    try:
        import Stemmer
    except ImportError:
        return _snowball(ALGORITHMS)
    return tuple(Stemmer.Stemmer(name) for name in ALGORITHMS)


def _snowball(algorithms: tuple[str, ...]) -> tuple:
    """snowballstemmer's stemmers for `algorithms` alone: its package's __init__ imports all of its thirty-odd
    languages (about 20 ms), so the modules needed are loaded from its directory under a package name of our
    own, without that __init__; the package as a whole (and anyone else's import of it) stays untouched. Its
    layout (NAME_stemmer.py holding NameStemmer) is that of every snowballstemmer release since 2.0; where it
    differs, the package is imported as usual."""
    import importlib
    import sys
    import types
    from importlib.util import find_spec

    try:
        spec = find_spec("snowballstemmer")
        own = "refertool._snowball"
        if own not in sys.modules:
            package = types.ModuleType(own)
            package.__path__ = list(spec.submodule_search_locations or ()) if spec else []
            sys.modules[own] = package
        found = []
        for name in algorithms:
            module = importlib.import_module(f"{own}.{name}_stemmer")
            found.append(getattr(module, "".join(part.title() for part in name.split("_")) + "Stemmer")())
        return tuple(found)
    except (ImportError, AttributeError):
        import snowballstemmer

        return tuple(snowballstemmer.stemmer(name) for name in algorithms)


StoredStems = Callable[[str], "tuple[str, ...] | None"]  # a word's stems as stored, None when not stored
_stored: list[StoredStems] = []


def use_stored_stems(lookup: StoredStems | None) -> None:
    """Look a word's stems up in `lookup` (the index cache keeps those of its words and the vocabulary's)
    before loading a stemmer: a warm run that meets only known words never loads one. `stems` is a pure
    function of the word and the stemmer, so a stored answer is the answer; None stops the lookups."""
    _stored[:] = [lookup] if lookup is not None else []


@lru_cache(maxsize=65536)
def stems(word: str) -> tuple[str, ...]:
    """The Dutch and English stems of a word (without the word itself), at least 3 letters long."""
    if len(word) < 4 or word.isdigit():
        return ()
    for lookup in _stored:
        found = lookup(word)
        if found is not None:
            return found
    return computed_stems(word)


def computed_stems(word: str) -> tuple[str, ...]:
    """`stems` from the stemmers themselves, never from a stored table."""
    if len(word) < 4 or word.isdigit():
        return ()
    nl, en = _stemmers()
    found = {nl.stemWord(word), en.stemWord(word)} - {word}
    return tuple(sorted(s for s in found if len(s) >= 3))


def typo_budget(word: str) -> int:
    """Typesense-like: no typo up to 4 letters, one up to 8, two beyond."""
    n = len(word)
    return 0 if n <= 4 else 1 if n <= 8 else 2


LINKS = ("", "s", "e", "en")


def split_compound(word: str, known: Callable[[str], bool], min_part: int = 3, depth: int = 3) -> list[str] | None:
    """Split a Dutch compound into known words ("kindermishandeling" -> kinder, mishandeling).

    Tries the longest known head first; a linking -s-, -e- or -en- may sit between parts.
    """
    if depth == 0 or len(word) < 2 * min_part:
        return None
    for cut in range(len(word) - min_part, min_part - 1, -1):
        head, tail = word[:cut], word[cut:]
        for link in LINKS:
            if link and not head.endswith(link):
                continue
            stem = head[: len(head) - len(link)] if link else head
            if len(stem) < min_part or not (known(stem) or known(head)):
                continue
            if known(tail):
                return [stem, tail]
            rest = split_compound(tail, known, min_part, depth - 1)
            if rest:
                return [stem, *rest]
    return None


def closest(word: str, options: Iterable[str]) -> str | None:
    """The option nearest to a mistyped word ("did you mean"), if one is near enough."""
    from difflib import get_close_matches

    close = get_close_matches(word, list(options), n=1, cutoff=DID_YOU_MEAN_CUTOFF)
    return close[0] if close else None
