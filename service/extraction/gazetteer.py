"""What the extractor knows before it reads: regions, organizations and indicators by name.

Built by the caller (from the database, or from a test's own list) and passed in, so the
extractor itself never does I/O and never reads a global. `Gazetteer.index()` is what the
extractor reads names and indicators through: built on first use and kept with the gazetteer,
so a caller that keeps its gazetteer (the service caches one per app) builds it once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from service.extraction import cues
from service.extraction.words import normalized_words
from service.units import unit_base

# The words of a name: "Co.,Ltd." and "Co., Ltd." both give "co", "ltd".
NAME_TOKEN: Final = re.compile(r"[^\W_]+")


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
class KnownWords:
    """An existing indicator, the base of its unit and the words of its name and phrases."""

    indicator: KnownIndicator
    base: str
    words: frozenset[str]


NameEntry = tuple[tuple[str, ...], KnownEntity]


@dataclass(frozen=True, slots=True)
class GazetteerIndex:
    """A gazetteer as the extractor looks things up in it.

    `names` maps the first word of every name (case-folded) to the names that start with it,
    longest first: finding the names of a text costs a dictionary look-up per capitalised word,
    however many entities there are.
    """

    names: dict[str, tuple[NameEntry, ...]]
    longest: int
    """The most words any name has."""
    indicators: tuple[KnownWords, ...]
    lower_case: tuple[re.Pattern[str], dict[str, KnownEntity]] | None = None
    """Names written in lower case ("city-region", "province of Lecce"), which a search for
    capitals never reaches: one pattern for all, and the entity of each name (case-folded)."""


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Everything known, as the extractor receives it."""

    entities: tuple[KnownEntity, ...] = ()
    indicators: tuple[KnownIndicator, ...] = ()
    _index: list[GazetteerIndex] = field(
        default_factory=list, init=False, repr=False, compare=False, hash=False
    )
    """The index once built (a list: the gazetteer itself is frozen)."""

    def index(self) -> GazetteerIndex:
        """The index of this gazetteer, built on first use and kept with it.

        Two threads asking at once may both build it; the first one kept is the one returned.
        """
        if not self._index:
            self._index.append(build_index(self))
        return self._index[0]


def build_index(gazetteer: Gazetteer) -> GazetteerIndex:
    """Names by their first word, longest first ("Hunan province" before "Hunan")."""
    names: dict[str, list[NameEntry]] = {}
    for entity in gazetteer.entities:
        for name in entity.names:
            words = tuple(word.casefold() for word in NAME_TOKEN.findall(name))
            if words:
                names.setdefault(words[0], []).append((words, entity))
    ordered = {
        first: tuple(sorted(entries, key=lambda entry: len(entry[0]), reverse=True))
        for first, entries in names.items()
    }
    longest = max((len(entries[0][0]) for entries in ordered.values()), default=0)
    return GazetteerIndex(ordered, longest, index_indicators(gazetteer), _lower_case(gazetteer))


def _lower_case(gazetteer: Gazetteer) -> tuple[re.Pattern[str], dict[str, KnownEntity]] | None:
    """One pattern for the names that start in lower case, longest first."""
    entities = {
        " ".join(name.casefold().split()): entity
        for entity in gazetteer.entities
        for name in entity.names
        if name[:1].islower()
    }
    if not entities:
        return None
    # Each name's first letter as written, its rest in any case: a search skips quickly to
    # those first letters, and tries there only the names that start with it. (A mention
    # written with a capital, "The port", is left to the search for capitalised names.)
    branches = (
        f"{name[0]}(?i:{_ANY_SPACE.join(map(re.escape, name[1:].split(' ')))})"
        for name in sorted(entities, key=len, reverse=True)
    )
    names = cues.by_first_character("|".join(branches), guard=r"(?<![\w-]{first})")
    return re.compile(rf"(?:{names})(?![\w-])"), entities


_ANY_SPACE = r"\s+"


def index_indicators(gazetteer: Gazetteer) -> tuple[KnownWords, ...]:
    """The gazetteer's indicators, each with the words the text may use for it."""
    return tuple(
        KnownWords(
            known,
            unit_base(known.unit),
            frozenset(normalized_words(" ".join((known.name, *known.phrases)))),
        )
        for known in gazetteer.indicators
    )
