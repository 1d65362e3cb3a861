"""refertool: find the right service for sexual and other transgressive behaviour.

The core is usable as a library::

    from refertool import load_catalog, search
    catalog = load_catalog()
    for hit in search(catalog, "minor perpetrator Brussels").hits:
        print(hit.service.name)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .version import __version__

if TYPE_CHECKING:
    from .catalog import load_catalog
    from .ranking import search

__all__ = ["__version__", "load_catalog", "search"]


def __getattr__(name: str) -> Any:
    # Lazy, so that `import refertool` (and so `refer --help`) stays cheap.
    if name == "load_catalog":
        from .catalog import load_catalog

        return load_catalog
    if name == "search":
        from .ranking import search

        return search
    raise AttributeError(name)
