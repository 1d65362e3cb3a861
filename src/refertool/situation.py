"""The situation reader's public names, for the modules that import them from here (the reader itself is
reading/); this facade goes when they import from reading/ directly."""

from __future__ import annotations

from .reading.model import Person, Situation
from .reading.read import describe, read
from .reading.words import Words, words_of

# fit.py's threshold until it asks ages.is_minor; the reader decides minor/adult by the vocabulary's ages.
MINOR_MAX = 17

__all__ = ["MINOR_MAX", "Person", "Situation", "Words", "describe", "read", "words_of"]
