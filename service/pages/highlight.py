"""An article's text cut into runs: which facts cite each run, and which page its words name.

Citations may overlap or coincide (two facts read from one sentence). The text is cut at every
span boundary, and consecutive pieces cited by the same facts make one block, so each cited
span is covered exactly by the blocks that list its fact, and nothing else is highlighted.
Entity names become links inside the blocks; a name cut by a block boundary becomes two links
to the same page, never a link across a highlight.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Span:
    """A cited span `[start, end)` of the text, and the fact that cites it."""

    start: int
    end: int
    key: str


@dataclass(frozen=True, slots=True)
class Link:
    """Words `[start, end)` of the text that name the page at `href`."""

    start: int
    end: int
    href: str


@dataclass(frozen=True, slots=True)
class Run:
    text: str
    href: str | None = None


@dataclass(slots=True)
class Block:
    """Consecutive text cited by exactly the facts `keys` (none: plain text)."""

    start: int
    end: int
    keys: tuple[str, ...]
    runs: list[Run] = field(default_factory=list)


def blocks(text: str, spans: Sequence[Span], links: Sequence[Link] = ()) -> list[Block]:
    """`text` as blocks; the concatenation of every run's text is `text` itself."""
    cuts = {0, len(text)}
    bounds: list[Span | Link] = [*spans, *links]
    for item in bounds:
        cuts.update((max(0, min(item.start, len(text))), max(0, min(item.end, len(text)))))
    edges = sorted(cuts)
    result: list[Block] = []
    for start, end in itertools.pairwise(edges):
        keys = tuple(span.key for span in spans if span.start <= start and end <= span.end)
        href = next((link.href for link in links if link.start <= start and end <= link.end), None)
        if not result or result[-1].keys != keys:
            result.append(Block(start, start, keys))
        block = result[-1]
        block.end = end
        if block.runs and block.runs[-1].href == href:
            block.runs[-1] = Run(block.runs[-1].text + text[start:end], href)
        else:
            block.runs.append(Run(text[start:end], href))
    return result


def find_names(text: str, names: Iterable[tuple[str, str]]) -> list[Link]:
    """Where each name occurs as whole words, longest first, links never overlapping.

    `names` pairs a name with the page it names. Any run of white space in a name matches any
    run in the text: articles write "Changsha\u2002city" with an en space.
    """
    by_words: dict[str, str] = {}
    for name, href in names:
        words = " ".join(name.split())
        if words:
            by_words.setdefault(words, href)
    if not by_words:
        return []
    ordered = sorted(by_words, key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, words.split())) for words in ordered)
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
    return [
        Link(match.start(), match.end(), by_words[" ".join(match.group().split())])
        for match in pattern.finditer(text)
    ]
