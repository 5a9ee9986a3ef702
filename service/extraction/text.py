"""Text into sentences and word tokens, every one with its code point span in the text."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

# Words after which a full stop does not end a sentence ("Co., Ltd.", "No. 3", "U.S. dollars").
ABBREVIATIONS: Final = frozenset(
    "co ltd inc corp no nos mr mrs ms dr prof st rd ave jan feb mar apr jun jul aug sep sept "
    "oct nov dec est approx vs etc dept govt intl u.s u.k e.g i.e p.m a.m c ca".split()
)
# A sentence ends at . ! ? (and a closing quote or bracket) before white space, or at a line end;
# "done.On March 18" (no space, a capitalised word after a lower-case one) ends one too.
# Every branch starts with the character it needs, so a search skips quickly to the next one.
_BOUNDARY: Final = re.compile(
    r"""(?P<stop>[.!?。\uff01\uff1f]["'\u201d\u2019)\]]*)(?=\s|$)|\n+|\.(?<=[a-z]\.)(?=[A-Z][a-z])"""
)
# The characters a boundary starts with: a search for one of them is quick, and _BOUNDARY is
# tried only there (a search for it tries every position, its first branch being a group).
_BOUNDARY_START: Final = re.compile(r"[.!?。\uff01\uff1f\n]")
_WORD: Final = re.compile(r"[^\W_]+(?:[-'\u2019&.][^\W_]+)*", re.UNICODE)
_ABBREVIATION_TAIL: Final = re.compile(r"([A-Za-z.]+)\.$")
# A run of lower-case ASCII letters: the words cue tables are checked against, in lowered text.
# Written "[a-z][a-z]*", not "[a-z]+": a pattern that starts with a class (not a repeat, an
# assertion or a group) is one a search skips ahead to, testing the class alone in between.
LOWER_WORD: Final = re.compile(r"[a-z][a-z]*")


# Records made for every sentence, number and name are not frozen: a frozen dataclass's
# __init__ sets each field through object.__setattr__, several times slower. They compare
# and hash as before (unsafe_hash), and nothing assigns to their fields.
@dataclass(slots=True, unsafe_hash=True)
class Sentence:
    """A sentence: `text[start:end]` with surrounding white space trimmed."""

    start: int
    end: int
    text: str
    line_start: bool
    """True when the sentence begins a line (headers, bylines and footers are lines)."""


# Not frozen, for a quicker __init__ (see text.Sentence); nothing assigns to its fields.
@dataclass(slots=True, unsafe_hash=True)
class Word:
    start: int
    end: int
    text: str


def sentences(text: str) -> list[Sentence]:
    """The sentences of `text`, in order, never empty, spans slicing `text` exactly."""
    found: list[Sentence] = []
    start = 0
    for match in _boundaries(text):
        end = match.end("stop") if match.group("stop") else match.start()
        if match.group("stop") and _ends_in_abbreviation(text, start, end):
            continue
        if match.group() == ".":
            end = match.end()
        _append(found, text, start, end)
        start = end
    _append(found, text, start, len(text))
    return found


def _boundaries(text: str) -> Iterator[re.Match[str]]:
    """`_BOUNDARY.finditer(text)`, tried only where a boundary can start."""
    end = 0
    for start in _BOUNDARY_START.finditer(text):
        if start.start() < end:
            continue  # inside the boundary found last ("\n\n", '."')
        match = _BOUNDARY.match(text, start.start())
        if match is not None:
            end = match.end()
            yield match


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """The word tokens of `text[start:end]` (letters and digits, inner hyphens and dots kept)."""
    stop = len(text) if end is None else end
    return [Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, stop)]


def _ends_in_abbreviation(text: str, start: int, end: int) -> bool:
    """Whether the full stop before `end` closes an abbreviation rather than a sentence."""
    tail = _ABBREVIATION_TAIL.search(text, max(start, end - 12), end)
    if tail is None:
        return False
    word = tail.group(1).lower().rstrip(".")
    # A single capital ("Xi J. Ping") is an initial.
    return word in ABBREVIATIONS or (len(word) == 1 and tail.group(1).isupper())


def _append(found: list[Sentence], text: str, start: int, end: int) -> None:
    """Append text[start:end] trimmed of white space, unless nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        line_start = start == 0 or text.rfind("\n", 0, start) >= _last_stop(text, start)
        found.append(Sentence(start, end, text[start:end], line_start))


def _last_stop(text: str, start: int) -> int:
    """Offset of the last non-space character before `start` (-1 if none)."""
    index = start - 1
    while index >= 0 and text[index].isspace():
        index -= 1
    return index


# Numbers in digits (first a class, as LOWER_WORD).
_DIGITS: Final = re.compile(r"\d\d*(?:[.,]\d+)*")
_TOKEN: Final = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
_LETTER: Final = re.compile(r"[^\W\d_]")
# The same in ASCII text (lower-cased, for the letter), where the Unicode classes are these
# ranges: a range is tested quicker than a character's Unicode category.
_ASCII_DIGITS: Final = re.compile(r"[0-9][0-9]*(?:[.,][0-9]+)*")
_ASCII_LETTER: Final = re.compile(r"[a-z]")


@dataclass(frozen=True, slots=True)
class Anchors:
    """Where rules can match: the spans of numbers, and of words that start a period.

    Rules run only in windows around these spans instead of over the whole text: most of a
    news article is words no number rule can match, and regular expressions that begin with a
    word boundary or a look-behind scan slowly.
    """

    numbers: list[tuple[int, int]]
    periods: list[tuple[int, int]]


def anchors(
    text: str, words: list[str], number_words: frozenset[str], period_words: frozenset[str]
) -> Anchors:
    """Digit runs and the given words (compared in lower case, as whole words), with spans.

    `words` are the runs of lower-case ASCII letters of the text in lower case (`LOWER_WORD`):
    only those of them that are given words are looked for, not every word.
    """
    lower = text.lower()
    if len(lower) != len(text):
        return _anchors_by_token(text, number_words, period_words)  # lower() moved offsets
    ascii_text = text.isascii()
    digits, letter = (_ASCII_DIGITS, _ASCII_LETTER) if ascii_text else (_DIGITS, _LETTER)
    numbers = [match.span() for match in digits.finditer(text)]
    periods = list(numbers)
    # In ASCII text the words are the letter runs; else a run may be part of a longer one
    # ("año"): each place is checked to be a whole word below all the same.
    wanted = (number_words | period_words).intersection(words)
    for word in wanted:
        spans = _whole_words(lower, word, letter)
        if word in number_words:
            numbers += spans
        if word in period_words:
            periods += spans
    return Anchors(sorted(numbers), sorted(periods))


def _whole_words(lower: str, word: str, letter: re.Pattern[str]) -> list[tuple[int, int]]:
    """The spans of `word` in `lower` with no `letter` either side ("one", not in "money")."""
    spans = []
    start = lower.find(word)
    while start != -1:
        end = start + len(word)
        if not (start and letter.match(lower, start - 1)) and not letter.match(lower, end):
            spans.append((start, end))
        start = lower.find(word, start + 1)
    return spans


def _anchors_by_token(
    text: str, number_words: frozenset[str], period_words: frozenset[str]
) -> Anchors:
    """`anchors`, token by token (for a text whose lower case has other offsets)."""
    numbers: list[tuple[int, int]] = []
    periods: list[tuple[int, int]] = []
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token[0].isdigit():
            numbers.append(match.span())
            periods.append(match.span())
            continue
        lower = token.lower()
        if lower in number_words:
            numbers.append(match.span())
        if lower in period_words:
            periods.append(match.span())
    return Anchors(numbers, periods)


def windows(
    spans: list[tuple[int, int]], before: int, after: int, start: int, end: int
) -> list[tuple[int, int]]:
    """The spans widened by `before` and `after`, merged, clipped to [start, end)."""
    merged: list[tuple[int, int]] = []
    low = high = -1
    for span_start, span_end in within(spans, start - after, end + before):
        # Comparisons, not min() and max(): this runs for every sentence and many rules.
        next_low = span_start - before if span_start - before > start else start
        next_high = span_end + after if span_end + after < end else end
        if next_low > high:
            if high >= 0:
                merged.append((low, high))
            low = next_low
        if next_high > high:
            high = next_high
    if high >= 0:
        merged.append((low, high))
    return merged


def within(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The spans (sorted, never overlapping) that lie inside [start, end)."""
    first = bisect.bisect_left(spans, (start, start))
    last = bisect.bisect_left(spans, (end, end), first)
    found = spans[first:last]
    if found and found[-1][1] > end:
        found.pop()  # only the last can end past `end`: the others end before the next starts
    return found


def find_in(
    pattern: re.Pattern[str], text: str, where: list[tuple[int, int]]
) -> list[re.Match[str]]:
    """Every match of `pattern` inside the windows `where` (which never overlap)."""
    found: list[re.Match[str]] = []
    search = pattern.search  # looked up once, not once per window
    for low, high in where:
        # Searches, not finditer: most windows hold no match, and a search is made quicker than
        # an iterator. A search from a match's end finds the match finditer finds next, unless
        # the match is empty: finditer then goes on (past it) from there.
        match = search(text, low, high)
        while match is not None and match.end() > match.start():
            found.append(match)
            match = search(text, match.end(), high)
        if match is not None:
            found += pattern.finditer(text, match.start(), high)
    return found


def may_end_with(lead_in: str, words: tuple[str, ...]) -> bool:
    """Whether `lead_in` ends with white space after one of `words` (in lower case), as every
    match of a "$"-anchored pattern searched in it does: a quick test before that search, which
    tries every position (see `may_end_with_word`)."""
    return lead_in[-1:].isspace() and may_end_with_word(lead_in, words)


def may_end_with_word(lead_in: str, words: tuple[str, ...]) -> bool:
    """Whether `lead_in` ends with one of `words` (in lower case), white space after it aside. A
    last word not in ASCII is left to the pattern: IGNORECASE matches "\u0131" and "\u017f"
    as "i" and "s"."""
    last = lead_in.rstrip()[-12:]
    return not last.isascii() or last.lower().endswith(words)
