"""What the extractor knows before it reads: regions, organizations and indicators by name.

Built by the caller (from the database, or from a test's own list) and passed in, so the
extractor itself never does I/O and never reads a global.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class KnownEntity:
    """A region or organization and every name the text may use for it."""

    kind: str
    """"region" or "organization"."""
    id: str
    names: tuple[str, ...]
    """Name first, then short name and aliases."""
    subkind: str | None = None
    """The region's or organization's own kind (province, company, ...)."""


@dataclass(frozen=True, slots=True)
class KnownIndicator:
    """An indicator, the unit its values are in, and phrases that name it in prose."""

    id: str
    name: str
    unit: str
    phrases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Everything known, as the extractor receives it."""

    entities: tuple[KnownEntity, ...] = ()
    indicators: tuple[KnownIndicator, ...] = ()
