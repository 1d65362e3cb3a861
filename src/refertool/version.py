"""The version, in a module of its own: the cache keys on it, and importing the package for it would
tie every module to the package's lazy attributes."""

__version__ = "0.1.0"
