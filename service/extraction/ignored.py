"""Ignored: every number of the text that is not part of a fact, with the reason it is not."""

from __future__ import annotations

import bisect
import itertools
import re

from schemas.extraction import IgnoredRead, IgnoredReason
from service.extraction import numerals
from service.extraction.nonquantities import Reserved, reason_at

_TOKEN_WORDS = frozenset([*numerals.CARDINALS, *numerals.ORDINALS, *numerals.SCALES])
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")


def ignored_numbers(
    text: str,
    numbers: list[tuple[int, int]],
    fact_spans: list[tuple[int, int]],
    reserved: list[Reserved],
    unattached: list[tuple[int, int, IgnoredReason]],
) -> list[IgnoredRead]:
    """Each number token outside every fact's span, with its reason.

    `numbers` are the spans of the text's digit runs and number words; `reserved` the spans
    no quantity was read in (dates, phones, periods, ...); `unattached` the quantities that
    were read but state no fact, with why.
    """
    found: list[IgnoredRead] = []
    covered = _Covered(fact_spans)
    for start, end in numbers:
        written = text[start:end]
        if not (written[0].isdigit() or written.lower() in _TOKEN_WORDS):
            continue  # "half", "dozen": part of a number, not one
        if covered.contains(start, end):
            continue
        reason = _reason(written, start, end, reserved, unattached)
        found.append(IgnoredRead(start=start, end=end, text=written, reason=reason))
    return found


class _Covered:
    """Spans, for asking whether one of them contains a given span (by bisection)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.furthest = list(itertools.accumulate((end for _, end in ordered), max))
        """The furthest end of the spans up to each one."""

    def contains(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self.starts, start) - 1
        return index >= 0 and self.furthest[index] >= end


def _reason(
    written: str,
    start: int,
    end: int,
    reserved: list[Reserved],
    unattached: list[tuple[int, int, IgnoredReason]],
) -> IgnoredReason:
    for s, e, reason in unattached:
        if s <= start and end <= e:
            return reason
    found = reason_at(reserved, start, end)
    if found is not None:
        return found
    return "year" if _YEAR.match(written) else "other"
