"""Cue patterns: an alternation grouped by first character finds what it finds written out."""

from __future__ import annotations

import re

import pytest

from service.extraction import cues

_TEXT = (
    "The KOSPI rose; Kosdaq fell. Tax and TAX and tax: the levy, levies and a levied duty. "
    "Crore, lakh and A$12 in Australia, Austria and NZ$; axe, bc, ac, lx, l."
)


@pytest.mark.parametrize(
    "alternation",
    [
        "KOSPI|Kospi|KOSDAQ|Kosdaq|Nikkei(?:\\s+225)?",
        "Tax|tax|TAX|levy|levies|levied|[Dd]uty|duty",
        # a branch that starts with a group or a class keeps its place before a later one
        "(?:a|b)c|axe|ac|l(?:x)|[lL]|levy",
        "Australian|Australia|Austria|A\\$|NZ\\$|crore|lakh",
        "a?x|ax|e",
        # a "]" first in a class is one of its characters, not the class's end
        "[]a|b]|ab|c|[^]x]|xy",
    ],
)
def test_grouped_alternation_finds_the_same_matches(alternation: str) -> None:
    grouped = re.compile(cues.by_first_character(alternation))
    written = re.compile(alternation)
    assert [m.span() for m in grouped.finditer(_TEXT)] == [
        m.span() for m in written.finditer(_TEXT)
    ]


def test_a_guard_follows_each_first_character() -> None:
    grouped = re.compile(cues.by_first_character("crore|lakh|Crore", guard=r"(?<!\w{first})"))
    assert [m.group() for m in grouped.finditer("Crore, xcrore, lakh")] == ["Crore", "lakh"]
