"""Quantities: every number with its scale, unit, bound and the noun it counts.

"more than 140 countries" -> gt 140 count (countries); "450 billion yuan ($62.6 billion)" -> CNY
4.5e11 and USD 6.26e10, the second a conversion of the first; "between 3 and 5 percent" -> gte 3
and lte 5. Values are in the unit's base for money and counts (450 billion yuan -> 4.5e11 CNY).
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from schemas.extraction import IgnoredReason
from schemas.types import Comparator
from service import units
from service.extraction import cues, numerals, tables
from service.extraction.nonquantities import Reserved
from service.extraction.text import LOWER_WORD, Sentence, find_in, may_end_with, windows


# Not frozen, for a quicker __init__ (see text.Sentence); nothing assigns to its fields.
@dataclass(slots=True, unsafe_hash=True)
class Quantity:
    """A number as stated: `start`/`end` span its bound, number, unit and counted noun."""

    start: int
    end: int
    number_start: int
    number_end: int
    value: float
    unit: str
    comparator: Comparator
    counted: str | None = None
    conversion_of: int | None = None
    """Index, in the text's list of quantities, of the amount this one converts."""
    ignored: IgnoredReason | None = None
    """Why a quantity read as written states no fact ("across its 22 airports" frames one)."""


@dataclass(slots=True)
class _Reading:
    """A number being read: filled in step by step, then frozen into a Quantity."""

    start: int
    end: int
    number_start: int
    number_end: int
    number: float
    scale: float | None = None
    unit: str | None = None
    comparator: Comparator = "eq"
    counted: str | None = None
    currency_written_before: bool = False
    count_change: bool = False
    """A bare number that a change of a count states: "climbed by 2,140", and its "to 158,900"."""
    dozens: bool = False
    """Written in dozens, a count even with no noun after it: "rose to two dozen"."""
    bounded: bool = False
    """A bare whole number a bound states, a count: "topped 21,000", "rose to more than 2,400"."""
    framing: bool = False
    """A count naming the set a statement is about, no news: "among the state's 26 metros"."""
    quoted_price: bool = False
    """A price per unit that is a quote, a rent or a payment, no figure: "Rs 2,100 per quintal"."""


_ORDINAL = rf"(?:{numerals.ORDINAL_WORD}|\d+(?:st|nd|rd|th))"
_WORD_NUMBER = rf"(?:(?:a|{numerals.CARDINAL_PHRASE})\s+dozen|{numerals.CARDINAL_PHRASE})"
# A currency written in letters may be glued to its digits: "RMB704.2 billion", "RM22.5 billion".
_GLUED_CURRENCY = "|".join(
    rf"(?<=(?<![A-Za-z]){re.escape(code)})"
    for code in sorted(cues.CURRENCY_BEFORE, key=len, reverse=True)
    if code.isalpha()
)
# Digits not inside a longer token, except after a currency code; or words. "(?=\d)" first:
# a number in words is then not tried against every currency code that may precede digits.
_NUMBER = re.compile(
    rf"(?=\d)(?:(?<![\w.,/])|{_GLUED_CURRENCY})"
    rf"(?P<digits>{numerals.NUMERAL})(?!\d|[.,]\d)"
    rf"|(?i:\b(?P<words>{_WORD_NUMBER})\b)"
)
_PREVIOUS_NAME_WORD = re.compile(r"[A-Z][a-z]+\s$")
_PER_UNIT = re.compile(rf"\s+(?:a|an|per)\s+(?P<per>{cues.alternation(cues.PER_UNIT)})\b")
_PER_UNITS = cues.folded(cues.PER_UNIT)
_SLASH_UNIT = re.compile(rf"/(?P<per>{cues.alternation(cues.SLASH_UNIT)})(?![A-Za-z])")
_SLASH_UNITS = cues.folded(cues.SLASH_UNIT)
_QUOTED_PER = re.compile(
    rf"\s+(?:a|an|per)\s+(?:\d+(?:\.\d+)?-?[a-z]+\s+)?(?:{cues.alternation(cues.QUOTED_PER)})s?\b"
    # "70,000 shillings per 50 kg": a price per sack of a size
    r"|\s+per\s+\d+(?:\.\d+)?\s?(?:kg|kilograms?|kilos?)\b"
)
# An exchange named after a price: "averaged $4.41 a pound on the London Metal Exchange" (an
# auction's average is the price a region's goods fetch, a figure).
_QUOTED_ON_AFTER = re.compile(
    r"\s+(?:on|at|in)\s+(?:the\s+)?(?:[A-Z][\w&.-]*\s+){0,4}"
    r"(?:Exchange|Comex|COMEX|LME|NYMEX|[Ff]utures)\b"
)
# Where the clause a price per unit is in starts: after ";", ":" or a "while"/"whereas"/"but".
_CLAUSE_START = re.compile(r"[;:]|\b(?:while|whereas|but)\b")
# The words between two prices that make the second the price the first moved from: "fell to
# Rs 2,100 per quintal last week from Rs 3,400", "about 8,150 yuan per square meter in
# October, down from 8,700 yuan".
_PRICE_ORIGIN_GAP = re.compile(
    r"[^.;]{0,70}?\b(?:from|compared\s+with|against|versus)\s+(?:about\s+|around\s+)?"
    r"(?:a\s+(?:record\s+)?(?:low|high|peak)\s+of\s+)?"
)
# "up 11.6%" between a count's change verb and its new level: "climbed 11.6% to 612,000".
_PERCENT_CHANGE = r"(?:by\s+)?\d+(?:\.\d+)?\s?(?:%|percent|per\s+cent)\s+"
# Counts named before their number: "its headcount to 315,332", "a workforce of 12,400".
_COUNT_METRIC_BEFORE = re.compile(
    r"(?i:\b(?P<metric>headcount|workforce|population|membership|enrol(?:l)?ment|employment)"
    # "Headcount at 30 June: 2,140": a list's label
    r"(?:(?:\s+(?:at|as\s+of|on)\s+[^:\n]{1,20})?:[^\S\n]*|,?\s+"
    # "payroll employment in Ohio reached 5,671,300": the place may come between
    r"(?:(?:in|across)\s+(?-i:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+)?"
    r"(?:(?:to|of|at|was|is|reached|hit|stood\s+at|(?:(?:has|have|had)\s+)?"
    r"(?:rose|risen|grew|grown|climbed|increased|fell|fallen|dropped|declined)\s+"
    # "Population rose 1.4 per cent to 548,000"
    rf"(?:{_PERCENT_CHANGE})?to)\s+)?)$)"
)
# "Aircraft movements increased to 112,500": a plural subject whose level a bare number is;
# "Cruise passengers at Genoa climbed 11.6% to 612,000": the place and the change may come
# between.
_COUNT_SUBJECT_BEFORE = re.compile(
    # "Jobs registered with the IMSS in Yucatán reached 452,300", "Passenger traffic at King
    # Hussein airport rose 17% last year to 328,600": the subject's words may run on to the verb
    r"(?i:\b(?P<things>[a-z-]+s|traffic)\s+(?:[^\d,.;:\n]{1,70}?\s+)?"
    r"(?:(?:has|have|had)\s+)?(?:(?:rose|risen|grew|grown|increased|"
    rf"climbed|jumped|fell|fallen|dropped|declined|decreased)\s+(?:{_PERCENT_CHANGE})?"
    r"(?:(?:last|this)\s+year\s+)?to|"
    # "visitor arrivals reached 612,000", "Foreign visitors to Antioquia numbered 412,700"
    r"reached|totall?ed|numbered)\s+)$"
)
# A line that labels a count: "Passengers: 2,712,480", "- Aircraft movements: 19,840", "- New
# urban jobs: 862,000", "- Employees (FTE) as of 30 September: 2,148".
_COUNT_LABEL_BEFORE = re.compile(
    r"(?:^|\n)(?:[-\u2022*]\s+)?(?:[A-Z][a-z-]*\s+(?:[a-z][a-z-]*\s+){0,2})?"
    r"(?P<things>[A-Za-z][a-z-]+s|unemployed|employed|jobless)(?:\s+\([A-Za-z]+\))?"
    r"(?:,?\s+(?:at|as\s+of)\s+[^:\n]{1,20})?"
    r":[^\S\n]*$"
)
# Labels of money, a rate or a measure, whose bare figures count nothing: "Sales: 4,112" is an
# amount.
_NOT_COUNTED_LABELS = cues.NOT_COUNT_SUBJECTS | frozenset(
    "assets savings proceeds expenses liabilities funds investments remittances emissions "
    "balances".split()
)
# Labels that count people and things whatever unit the list's heading gives its amounts:
# "Employees at 30 June: 2,148" under "Key figures (DKK million)".
_ALWAYS_COUNTED = frozenset(
    "employees staff workers people jobs passengers visitors tourists arrivals customers members "
    "subscribers households vehicles cars homes completions outlets stores branches sites mills "
    "flights movements".split()
)
# What may follow a labelled count: the line's end, its change or base in brackets, a comma.
_LABELLED_COUNT_END = re.compile(r"[^\S\n]*(?:$|\n|\(|,|;)")


def _list_in_units(text: str, item_start: int) -> bool:
    """Whether the heading of the list an item opens at `item_start` gives its figures a unit
    or a scale ("Exports by product, 2024-25 (₹ crore):", "Average wage (soums)"): its items'
    bare figures are amounts, not counts of what their labels name."""
    heading = _list_heading(text, item_start)
    return heading is not None and _heading_measure(heading) is not None


def _list_heading(text: str, item_start: int) -> str | None:
    """The line above the items of the list whose item opens at `item_start`, if any."""
    position = item_start
    for _ in range(_LIST_ITEMS_LOOKED_BACK):
        line_start = text.rfind("\n", 0, max(0, position - 1)) + 1
        line = text[line_start:position]
        if not _LIST_ITEM.match(line):
            return line
        position = line_start
    return None


def _read_list_unit(text: str, reading: _Reading) -> None:
    """ "Revenue: 3,461 (2,928)" under "Key figures (DKK million)": a bare figure of a list
    item, or its base in brackets, in the unit and scale its heading gives."""
    if reading.unit or reading.scale or reading.counted:
        return
    column = tables.column_at(text, reading.start)
    if column is not None and _fills_its_cell(text, reading, column):
        _read_column_unit(text, reading, column)
        return
    line_start = text.rfind("\n", 0, reading.start) + 1
    item = _LIST_FIGURE_BEFORE.match(text, line_start, reading.start)
    if item is None or item.end() != reading.start:
        return
    # "GDP (100 million yuan): 10,124.0": the label's own unit, else its heading's
    measure = _heading_measure(text[line_start : reading.start])
    heading = None if measure is not None else _list_heading(text, line_start)
    if heading is not None:
        measure = _heading_measure(heading)
    if measure is not None and measure[0] is not None and measure[0] not in _UNSCALED:
        reading.unit, reading.scale = measure


def _in_table_bracket(text: str, reading: _Reading) -> bool:
    """Whether a number stands in brackets in a table's header or a row's label, the unit of
    the figures beside it ("Containers (10,000 TEUs)", "| Tourism revenue (100 million yuan) |")."""
    column = tables.column_at(text, reading.start)
    if column is None:
        return False
    label_start, label_end = column.label
    if column.in_header:
        cell_start = column.header_start
    elif label_start <= reading.start < label_end:
        cell_start = label_start
    else:
        return False
    opened = text.rfind("(", cell_start, reading.start)
    return opened > text.rfind(")", cell_start, reading.start)


def _fills_its_cell(text: str, reading: _Reading, column: tables.Column) -> bool:
    """Whether a figure stands first in a cell below a table's header ("| 99.8 |"), not after a
    label of its own ("Harvest volume (tonnes): 47,800 |")."""
    cell_start = max(text.rfind("|", 0, reading.start) + 1, column.label[0])
    return not column.in_header and not text[cell_start : reading.start].strip()


def _read_column_unit(text: str, reading: _Reading, column: tables.Column) -> None:
    """ "Liquid bulk | 99.8" under "Segment | H1 2025 (million tonnes)": a bare figure that
    fills its cell is a count its row names ("Number of transactions | 180,900"), or in the
    unit and scale its column's header gives, else its row's label, else its table's title
    ("Revenue (EUR million)")."""
    row = _COUNTED_ROW.fullmatch(text, *column.label)
    if row is not None and (row["number_of"] or row["things"].lower() in _ALWAYS_COUNTED):
        reading.counted = row["things"].lower()
        return
    header, label = text[column.header_start : column.header_end], text[slice(*column.label)]
    # the column's header, else the row's label ("| Containers (10,000 TEU) | 369.0 |"), else
    # the table's title
    measure = _heading_measure(header) or _heading_measure(label)
    title = tables.title_of(text, column.header_start)
    if measure is None and title is not None:
        measure = _heading_measure(text[title[0] : title[1]])
    counted = (
        _counted_in(header, header=True)
        or _counted_in(label)
        or (None if title is None else _counted_in(text[title[0] : title[1]]))
    )
    if counted is not None and (measure is None or measure[0] is None):
        # "| Ship calls | Passengers |", "Employed (thousands)": counts, perhaps scaled
        reading.counted, reading.scale = counted, None if measure is None else measure[1]
        return
    if measure is not None and measure[0] is not None:
        # a percentage is unscaled: "Change on year (%)"
        reading.unit, reading.scale = measure[0], None if measure[0] in _UNSCALED else measure[1]


def _counted_in(cell: str, header: bool = False) -> str | None:
    """What a table's header cell, row label or title says its figures count, outside its
    brackets: "Ship calls", "Homes sold, Q2", "Employed (thousands)", "Housing starts by city";
    a header of one plural noun too ("| Herds | Cows |")."""
    words = LOWER_WORD.findall(_HEADING_BRACKET.sub("", cell).lower())
    counted = next((word for word in words if word in _COUNTED_COLUMNS), None)
    if counted is None and header and len(words) == 1 and _is_plural_count(words[0]):
        counted = words[0]
    return counted


def _is_plural_count(word: str) -> bool:
    """Whether a header's one word is a plural noun that counts: "Herds", not "Sales"."""
    plural = word.endswith("s") and not word.endswith(("ss", "us", "is"))
    return plural and word not in cues.NOT_COUNT_SUBJECTS and word not in NOT_COUNTED


_COUNTED_COLUMNS = _ALWAYS_COUNTED | {
    "calls", "transactions", "employed", "unemployed", "starts", "visits", "trips",
}  # fmt: skip


# A row's label that names what it counts: "Number of transactions", "Passengers".
_COUNTED_ROW = re.compile(r"(?i:(?P<number_of>number\s+of\s+)?(?P<things>[a-z-]+s))")


# Before a list item's figure: its label and colon, then perhaps its figure and a bracket
# ("Revenue: 3,461 (", "Revenue: 1,420 (Q3 2024: ").
_LIST_FIGURE_BEFORE = re.compile(
    r"[^\S\n]*(?:[-\u2022*][^\S\n]+)?[A-Z][^:\n\d]{0,60}:[^\S\n]*"
    r"(?:[-+]?\d[\d,.]*[^\S\n]*\((?:[^():\n]{1,20}:[^\S\n]*)?)?"
)


def _heading_measure(heading: str) -> tuple[str | None, float | None] | None:
    """The unit and scale a list's heading gives its figures in brackets: "(million tonnes;
    change on a year earlier)" -> t, 1e6; "(₹ crore)" -> INR, 1e7; "(DKK million)"; "(100
    million yuan)" -> CNY, 1e8. The unit is None where the bracket gives a scale alone or a
    sign several countries share ("(Rs billion)": whose rupee it does not say); None where the
    heading gives neither."""
    # "Monthly throughput, in thousand TEU:": the words after "in" do as a bracket
    bracket = _HEADING_BRACKET.search(heading) or _HEADING_IN.search(heading)
    if bracket is None:
        return None
    unit, scale, shared, previous = None, None, False, ""
    for word in _HEADING_WORD.findall(bracket[1].split(";")[0]):
        folded = cues.fold(word)
        if word in _SHARED_SIGNS:
            shared = True
        elif folded in _SCALES or folded[:-1] in _SCALES:  # "(in millions of yen)"
            factor = _SCALES.get(folded, _SCALES.get(folded[:-1], 1.0))
            # "(100 million yuan)": a number before the scale multiplies it
            number = previous.replace(",", "")
            scale = (scale or 1.0) * factor * (float(number) if number.isdigit() else 1.0)
        elif word[0].isdigit():
            pass  # "(2024 in brackets)": a year, or a number a scale or a unit follows
        elif unit is None and not previous.endswith("-"):  # "(million 60-kg bags)": a size
            unit = _HEADING_UNITS.get(word) or _UNITS.get(folded)
            if unit is not None and _POWER_OF_TEN.fullmatch(previous):
                scale = (scale or 1.0) * float(previous.replace(",", ""))  # "(10,000 TEUs)"
        previous = word
    if unit is None and scale is None and _POWER_OF_TEN.fullmatch(previous) and previous != "10":
        scale = float(previous.replace(",", ""))  # "Tourist visits (10,000)": in tens of thousands
    if unit is None and scale is None and not shared:
        return None
    return (None if shared else unit), scale


_HEADING_BRACKET = re.compile(r"\(([^()\n]{1,60})\)")
_HEADING_IN = re.compile(r"\bin\s+((?:thousands?|millions?|billions?)\b[^,;:()\n]{0,30})")
# A number keeps its hyphen: "60-" in "(million 60-kg bags)" is a size, not a scale.
_HEADING_WORD = re.compile(r"(?:US|[A-Z]{1,2})?\$|[€£¥₹%]|[A-Za-z]+|\d+(?:,\d{3})*-?")
_POWER_OF_TEN = re.compile(r"10(?:,?0)*")
_HEADING_UNITS = {sign: code for sign, code in cues.CURRENCY_BEFORE.items() if len(sign) <= 3}
_HEADING_UNITS["%"] = "percent"  # "Change on year (%)"
_HEADING_UNITS["pp"] = "percentage_point"  # "Change vs Q2 (pp)"
# Signs several countries write: a heading gives no amount in them (a bare "$" included).
_SHARED_SIGNS = frozenset({*cues.NAMESAKE_SIGNS, "$"})


# How many items before one a list's heading is looked for.
_LIST_ITEMS_LOOKED_BACK = 12
# An item of a list: a label, a colon and what it gives ("Marine products: 9,870 (+14.2%)").
_LIST_ITEM = re.compile(r"\s*(?:[-\u2022*]\s+)?[^:\n]{1,60}:[^\S\n]*\S")


def _labelled_count(text: str, reading: _Reading) -> bool:
    """Whether a bare number could be the count its line's label names: a whole number from
    1,000 on that ends its item ("Passengers: 2,712,480 (+18.4%)"), not a phone's first digits
    ("Subscriptions: 2901 4477") nor a figure with a unit the reader does not know."""
    whole = reading.number.is_integer() and reading.number >= 1000
    return whole and _LABELLED_COUNT_END.match(text, reading.end) is not None


_NUMBER_OF_BEFORE = re.compile(
    # "The number of overseas visitors, mostly from Malaysia, more than doubled to 6,800"
    r"(?i:\bnumber\s+of\s+(?:registered\s+)?(?:[a-z-]+\s+){0,2}?"
    r"(?P<things>(?!(?:overseas|various|numerous|previous)\b)[a-z-]+s|people|unemployed|jobless)"
    r"\b[^.;\d]{0,90}?\s"
    rf"(?:{_PERCENT_CHANGE})?(?:to|at|was|is|reached|hit)\s+)$"
)


def _after_space(group: str, phrases: Iterable[str]) -> re.Pattern[str]:
    """One of `phrases` (as `cues.alternation` writes them, in their order) as the group
    `group`, after white space and hyphens, and no letter after it."""
    alternation = cues.alternation(dict.fromkeys(phrases))
    return re.compile(rf"[\s-]*(?P<{group}>{alternation})(?![A-Za-z])")


def _by_first(group: str, phrases: Iterable[str]) -> dict[str, re.Pattern[str]]:
    """`_after_space(group, phrases)` for each ASCII character a phrase may start with: only
    the phrases that may (in any case if written in lower case), in the same order."""
    ordered = sorted(phrases, key=len, reverse=True)
    assert not any(phrase[0].isspace() or phrase[0] == "-" for phrase in ordered)
    by_first: dict[str, re.Pattern[str]] = {}
    for char in map(chr, range(128)):
        starting = [p for p in ordered if p[0] == (char.lower() if p.islower() else char)]
        if starting:
            by_first[char] = _after_space(group, starting)
    return by_first


_SCALE = _after_space("scale", sorted(cues.SCALE_AFTER, key=len, reverse=True))
_UNIT = _after_space("unit", sorted(cues.UNIT_AFTER, key=len, reverse=True))
# A match of _SCALE or _UNIT tries their phrases in turn (two hundred units): these try only
# those that start with the character after the white space and hyphens (see `_phrase_after`).
_SCALES_BY_FIRST = _by_first("scale", cues.SCALE_AFTER)
_UNITS_BY_FIRST = _by_first("unit", cues.UNIT_AFTER)


def _scale(text: str, start: int, end: int) -> re.Match[str] | None:
    """`_SCALE.match(text, start, end)`, quicker (see `_phrase_after`)."""
    return _phrase_after(text, start, end, _SCALE, _SCALES_BY_FIRST)


def _unit(text: str, start: int, end: int) -> re.Match[str] | None:
    """`_UNIT.match(text, start, end)`, quicker (see `_phrase_after`)."""
    return _phrase_after(text, start, end, _UNIT, _UNITS_BY_FIRST)


def _phrase_after(
    text: str, start: int, end: int, pattern: re.Pattern[str], by_first: dict[str, re.Pattern[str]]
) -> re.Match[str] | None:
    """`pattern.match(text, start, end)`, trying only the phrases that start with the character
    after the white space and hyphens: no phrase starts with either, so a match's phrase starts
    there. A character outside ASCII (which IGNORECASE may take for a letter) is left to
    `pattern`."""
    position = start
    while position < end and (text[position].isspace() or text[position] == "-"):
        position += 1
    if position == end:
        return None
    first = text[position]
    if not first.isascii():
        return pattern.match(text, start, end)
    quicker = by_first.get(first)
    return None if quicker is None else quicker.match(text, start, end)


# "22 centers and more than 100,000 engineers": "and more than" bounds the next number.
# "500 or more"; not "down 0.2 points and below the national rate", a comparison.
_COMPARATOR_AFTER = re.compile(
    rf"\s+(?:{cues.alternation(cues.COMPARATOR_AFTER)})\b"
    r"(?!\s+than\b)(?!\s+(?:the|a|an|its|their|that|this|those)\b)"
)
_SCALES = cues.folded(cues.SCALE_AFTER)
_UNITS = cues.folded(cues.UNIT_AFTER)
_CURRENCY_PREFIXES = cues.folded(cues.CURRENCY_BEFORE)
_COMPARATORS_BEFORE = cues.folded(cues.COMPARATOR_BEFORE)
_COMPARATORS_AFTER = cues.folded(cues.COMPARATOR_AFTER)

# Ranks: "ranked fifth", "ranking second and third respectively", "ranks No. 3".
# The verbs are written as literals, without a leading word boundary: a search then skips
# quickly to where one starts (a match inside a longer word is dropped in `_ranks`).
_RANK_VERB = re.compile(
    r"(?P<verb>(?:rank|Rank)(?:ed|ing|s)?|placed|placing|came|finished|stood|standing)(?i:\s+"
    rf"(?:(?:at|in|as)\s+)?(?P<no>No\.\s*|number\s+)?)(?P<n>(?i:{_ORDINAL})|\d{{1,3}}(?![.,]?\d))"
    rf"(?:(?:,\s*|\s+and\s+|\s+to\s+)(?P<n2>(?i:{_ORDINAL}))(?P<resp>\s+respectively)?)?"
)
# Literals one of which every match of _RANK_VERB contains: a sentence without any is skipped.
_RANK_VERB_WORDS = ("rank", "Rank", "placed", "placing", "came", "finished", "stood", "standing")
# "third-largest", "the 5th biggest", "second only to Xi'an": matched where an ordinal starts.
_RANK_ADJECTIVE = re.compile(
    rf"(?i:(?P<n>{_ORDINAL})[-\s](?:largest|biggest|highest|strongest|busiest|richest|fastest|"
    r"lowest|smallest|poorest|slowest|weakest|cheapest|worst|"
    r"most\s+\w+|least\s+\w+|best|leading|place|position|spot|only\s+to)\b|"
    # "placed the province second nationwide", "first among"; not "the first nationwide survey".
    rf"(?<!the\s)(?<!its\s)(?<!a\s)(?P<m>{_ORDINAL})\s+(?:nationwide|countrywide|worldwide|"
    r"globally|among|in\s+the\s+(?:country|nation|world))\b)"
)
# "No. 3 in the country"; "the world's No. 1 cotton exporter" (a possessive's rank).
_RANK_NUMBER = re.compile(
    r"No\.?\s?(?P<n>\d{1,3})\s+(?:in|among|spot|place|position)\b"
    r"|(?<=['\u2019]s\s)No\.\s?(?P<m>\d{1,3})\b(?=\s+[a-z])"
)
# "top 500" is a rank of at most 500: "one of China's top 500 enterprises".
_TOP = re.compile(
    rf"(?:top|Top)\s+(?P<n>\d{{1,4}}\b(?![.,]\d)|(?i:{numerals.CARDINAL_PHRASE})\b)"
)  # ("prices top 4,000 marks": a bound on a figure, not a rank)
# "one of its three largest exporting states": a rank of at most three.
_ONE_OF_SUPERLATIVE = re.compile(
    # "one of the country's three largest", "among the 20 busiest container ports" ("among
    # China's 100 strongest counties" names a published list)
    r"(?i:\b(?:one\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\w.-]+['\u2019]s\s+)?|"
    r"among\s+(?:the\s+|its\s+|their\s+)?)"
    rf"(?P<n>{numerals.CARDINAL_PHRASE}|\d{{1,3}})\s+(?:{cues.SUPERLATIVE}|most\s+[a-z]+)\b)"
)
_ONE_OF_BEFORE = re.compile(r"(?i:\b(?:one\s+of|among)\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){0,3}?)$")
# "one-twentieth of", "a third of", "two-thirds of", "half of": shares in percent, matched
# where their number word starts.
_FRACTION = re.compile(
    rf"(?i:(?P<num>a|an|one|two|three|four|five|six|seven|eight|nine)[-\s]"
    rf"(?P<den>{'|'.join(numerals.FRACTIONS)})\b|(?P<half>half))(?P<of>\s+of\b)?"
)
# "one in nine jobs", "about three in four of them": a share, in percent.
_RATIO = re.compile(
    rf"(?i:(?P<num>{numerals.UNIT_WORD})\s+in\s+(?P<den>{numerals.BELOW_100}|\d{{1,3}})\b)"
    r"(?!\s*(?:%|percent|per\s+cent))"
)
_EQ: Comparator = "eq"
_RATIO_FIRST: tuple[frozenset[str], tuple[str, ...]] = (
    frozenset("one two three four five six seven eight nine".split()),
    (),
)
# "about a fifth more than two years earlier": a fraction before a comparison is a change.
_COMPARED_AFTER = re.compile(r"\s+(?:more|higher|above|(?P<less>lower|less|fewer|below))\s+than\b")
# "up two-tenths of a percentage point": a fraction of the unit it names, not a share.
_OF_UNIT = re.compile(r"\s+(?:a|one)\s+(?:(?P<point>percentage\s+point)|percent|per\s+cent)\b")
# "rose by two-thirds": a fraction after "by" is a change, in percent.
_BY_BEFORE = re.compile(r"\bby\s$")
# "down a quarter from the previous season", "up a third on the year": a change.
_UP_DOWN_BEFORE = re.compile(r"\b(?:down|up)\s$")
_FROM_AFTER = re.compile(r"\s+(?:from|on|compared\s+with)\b")
# "was up nearly a quarter", "€318 million, up nearly a quarter": "up" or "down" after a form
# of "to be" or a comma is a change, as no phrasal verb's ("picked up a third of it") is.
_BE_UP_DOWN_BEFORE = re.compile(
    r"(?:\b(?:is|are|was|were|been|being)\s|,\s)(?:down|up)\s+(?:(?:about|around|nearly|almost|"
    r"roughly|some|more\s+than|over|just\s+over|just\s+under|by)\s+)?$"
)
# "its holdings make up roughly one-fifth", "accounts for a third": a share, with no "of".
_SHARE_VERB_BEFORE = re.compile(
    r"(?i:\b(?:make|makes|made|making)\s+up|\baccount(?:s|ed|ing)?\s+for|"
    r"\brepresent(?:s|ed|ing)?|\bcomprise[sd]?)\s+(?:[a-z]+\s+){0,2}$"
)
# Between a number without a unit and the next one: "3 to 5 percent", "between 3 and 5".
_RANGE_GAP = re.compile(r"^\s*(?:-|\u2013|—|to|and)\s*$")
# "75,938 yuan in 2023, or about 10,700 U.S. dollars" converts too.
_CONVERSION_GAP = re.compile(
    r"^\s*(?:in\s+\d{4}\s*)?(?:[(\uff08]\s*(?:or\s+)?|,\s*or\s+|\s+or\s+)"
    r"(?:(?:about|around|approximately|roughly|nearly|some|or)\s+)?$"
)

# The counted noun ends at these words: "34 offices in Asia" counts "offices".
COUNT_STOP = frozenset(
    "in of from to with for by at on across into over under that which who whose were was are "
    "is have has had will would could should can may the a an this these those its their his "
    "her per each than as or while during between among including such respectively been be "
    "both all last next since until before after compared up down nationwide worldwide so "
    "more less about around nearly and/or while year-on-year when where if because it they we "
    "he she there says said plans aims expects employs counts includes remains makes runs holds "
    "hosts accounts".split()
)
PLURAL_NOUNS = frozenset(
    "people staff personnel children men women persons police cattle livestock memoranda "
    "criteria aircraft".split()
)
# Heads that make a duration, a multiple or a measure the registry has no unit for ("93.6
# grams per kilometre", "40 degrees"), not a count of things.
NOT_COUNTED = frozenset(
    "years months days weeks quarters hours minutes seconds decades times grams milligrams "
    "micrograms degrees decibels centimetres centimeters millimetres millimeters inches feet "
    "miles knots calories working business calendar".split()  # "within 120 working days"
)
_NEXT_WORD = re.compile(r"[ \t\u00a0\u2000-\u200b]*(?P<w>[^\W\d_][\w&\u2019'-]*)")
_NAME_NUMBER = re.compile(r"[ \t\u00a0\u2000-\u200b]*(?P<w>\d+)(?=\s+[A-Za-z])")
# A word that starts with digits inside a counted noun: "12,300 5G base stations".
_DIGIT_WORD = re.compile(r"[ \t\u00a0\u2000-\u200b]*(?P<w>\d+[A-Za-z][\w-]*)(?=\s+[A-Za-z])")
# "employment increased by 41,200": a bare number after a change verb and "by".
_CHANGE_BY_BEFORE = re.compile(r"(?i:\b(?P<verb>[a-z]+)\s+by\s+)$")
# "... by 41,200, or 0.7%, to 5,652,300": the level a count's change reached.
_TO_BEFORE = re.compile(r"(?i:\bto\s+)$")
_VERB_BEFORE = re.compile(r"(?i:\b(?P<verb>[a-z]+)\s+)$")
_DETERMINER_BEFORE = re.compile(r"(?i:\b(?:the|these|those|both|its|their|next)\s+)$")
# "42 of them", "12 of which", "740,000 of those NEVs": a count of the things named before.
_OF_REFERENT = re.compile(
    r"\s+of\s+(?:them|which|whom|those|these)\b(?:\s+(?:[A-Z]{2,}s|[a-z-]+s)\b(?!\s+of\b))?"
)
# "doubled", "more than tripled": a rise in percent of the amount before.
_MULTIPLE = re.compile(rf"(?i:(?P<verb>{'|'.join(cues.MULTIPLES)}))\b")
# "more than double the 2023 volume": a multiple of the amount named after it.
# "aims to double inbound flights", "will triple": the multiple is a verb.
_INFINITIVE_BEFORE = re.compile(r"(?i:\b(?:to|will|would)\s+)$")
_COMPARED_AMOUNT = re.compile(r"\s+(?:the|its|their|that|those|from|in)\b")
# Possessive: a word's letters or the white space after it given back never end a match, and
# the search, tried at every position, stops giving them back at once.
_DECLINE_WORDS = re.compile(r"([\w-]++)\s++(?:(by)\s++)?$")
_CUT_THING_BY = re.compile(
    rf"(?i:\b(?:{'|'.join(cues.CUT_VERBS)})\s+(?:[\w'\u2019-]+\s+){{1,5}}by\s+)$"
)


NUMBER_WORDS = frozenset(
    [*numerals.CARDINALS, *numerals.ORDINALS, *numerals.SCALES, *numerals.FRACTIONS, "dozen",
     *cues.MULTIPLES]
)  # fmt: skip


def find_quantities(
    text: str,
    sentence: Sentence,
    reserved: list[Reserved],
    first_index: int,
    numbers: list[tuple[int, int]],
) -> list[Quantity]:
    """The quantities of one sentence, in text order.

    `first_index` is the position the first one will have in the text's whole list, so that
    `conversion_of` can point into that list; `numbers` are the spans of the sentence's digit
    runs and NUMBER_WORDS, where alone a quantity can be written.
    """
    inside = [r for r in reserved if r.start < sentence.end and sentence.start < r.end]
    taken = [(r.start, r.end) for r in inside]
    # "ranks No. 3 in China" is a rank, though "No. 3" alone is a list number.
    not_lists = [(r.start, r.end) for r in inside if r.reason != "list_number"]
    spelled = [span for span in numbers if _may_start_a_word_rule(text, span)]
    found = _ranks(text, numbers, spelled, not_lists, sentence)
    taken += [(q.number_start, q.number_end) for q in found]
    found += _tops(text, numbers, taken, sentence)
    found += _among_the_largest(text, numbers, not_lists, sentence)
    taken += [(q.number_start, q.number_end) for q in found]
    found += _fractions(text, spelled, taken, sentence)
    found += _ratios(text, spelled, taken, sentence)
    found += _multiples(text, spelled, taken, sentence)
    readings = _readings(text, numbers, taken, sentence)
    _resolve_ranges(text, readings)
    _resolve_comparisons(text, readings)
    _resolve_parts(text, readings)
    _resolve_count_levels(text, readings)
    _resolve_price_origins(text, readings)
    found += [q for q in map(_finish, readings) if q is not None]
    found.sort(key=lambda q: q.start)
    return _link_conversions(text, found, first_index)


def _free(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return not any(s < end and start < e for s, e in taken)


def _ordinal_value(written: str) -> float:
    digits = re.match(r"\d+", written)
    return float(digits.group()) if digits else float(numerals.ORDINALS[written.lower()])


def _rank(start: int, end: int, number: re.Match[str], group: str, value: float) -> Quantity:
    return Quantity(start, end, number.start(group), number.end(group), value, "rank", "eq")


def _ranks(
    text: str,
    numbers: list[tuple[int, int]],
    spelled: list[tuple[int, int]],
    taken: list[tuple[int, int]],
    sentence: Sentence,
) -> list[Quantity]:
    """Ranks by position: "ranked fifth", "third-largest", "ranks No. 3"; `spelled` are the
    numbers an ordinal may start at (see `_may_start_a_word_rule`)."""
    verbs = any(word in sentence.text for word in _RANK_VERB_WORDS)
    numbered = "No" in sentence.text
    where = windows(numbers, 60, 40, sentence.start, sentence.end) if verbs or numbered else []
    found: list[Quantity] = []
    for match in find_in(_RANK_VERB, text, where) if verbs else ():
        digits_only = match["n"].isdigit() and not match["no"]
        if digits_only and not match["verb"].lower().startswith("rank"):
            continue  # "stood at 3.4 percent" is a value, "ranked 3" and "stood No. 3" ranks
        if _inside_word(text, match.start()) or not _free(taken, match.start("n"), match.end()):
            continue
        found.append(_rank(match.start(), match.end("n"), match, "n", _ordinal_value(match["n"])))
        if match["n2"]:
            end = match.end("resp") if match["resp"] else match.end("n2")
            found.append(_rank(match.start("n2"), end, match, "n2", _ordinal_value(match["n2"])))
        taken.append((match.start(), match.end()))
    at_numbers = _match_at(_RANK_ADJECTIVE, text, spelled, sentence.end, _ORDINAL_FIRST)
    for match in at_numbers + (find_in(_RANK_NUMBER, text, where) if numbered else []):
        if _free(taken, match.start(), match.end()):
            group = "n" if match["n"] is not None else "m"
            value = _ordinal_value(match[group])
            found.append(_rank(match.start(), match.end(), match, group, value))
            taken.append((match.start(), match.end()))
    return found


def _tops(
    text: str, numbers: list[tuple[int, int]], taken: list[tuple[int, int]], sentence: Sentence
) -> list[Quantity]:
    """Ranks by bound ("top 500"), unless a list's title ("the Top 100 Ports ranking")."""
    found: list[Quantity] = []
    if "top" not in sentence.text and "Top" not in sentence.text:
        return found
    for match in find_in(_TOP, text, windows(numbers, 60, 40, sentence.start, sentence.end)):
        if _scale(text, match.end(), len(text)) or _unit(text, match.end(), len(text)):
            continue  # "its output topped 600 billion yuan": a bound, not a rank
        if not _inside_word(text, match.start()) and _free(taken, match.start("n"), match.end("n")):
            found.append(_top(text, sentence, match))
            taken.append((match.start(), match.end()))
    return found


def _among_the_largest(
    text: str, numbers: list[tuple[int, int]], taken: list[tuple[int, int]], sentence: Sentence
) -> list[Quantity]:
    """ "one of its three largest exporting states": a rank of at most three."""
    lower = sentence.text.lower()
    if "one of" not in lower and "among" not in lower:
        return []
    found: list[Quantity] = []
    where = windows(numbers, 60, 40, sentence.start, sentence.end)
    for match in find_in(_ONE_OF_SUPERLATIVE, text, where):
        if not _free(taken, match.start("n"), match.end()):
            continue
        if _ORDINAL_BEFORE.search(text, max(sentence.start, match.start() - 20), match.start()):
            continue  # "first among India's eight largest markets": the set a rank is in
        written = match["n"]
        value = float(written) if written.isdigit() else numerals.parse_words(written)
        found.append(
            Quantity(match.start(), match.end(), match.start("n"), match.end("n"), value, "rank",
                     "lte")
        )  # fmt: skip
        taken.append((match.start(), match.end()))
    return found


_ORDINAL_BEFORE = re.compile(rf"(?i:\b{_ORDINAL})\s+$")
_ARTICLE_BEFORE = re.compile(r"(?i:\ban?)\s$")
# The numbers each pattern can start at, for `_match_at`: words, and the letters digits must
# have right after them ("21st"; none: never digits).
_ORDINAL_FIRST = (frozenset(numerals.ORDINALS), ("st", "nd", "rd", "th"))
_FRACTION_FIRST = (
    frozenset([*numerals.FRACTIONS, *"one two three four five six seven eight nine".split()]),
    (),
)
_MULTIPLE_FIRST: tuple[frozenset[str], tuple[str, ...]] = (frozenset(cues.MULTIPLES), ())


# Every number `_match_at` may start at, for the rules above: most numbers are none of them.
_WORD_RULE_FIRST = frozenset().union(
    *(first[0] for first in (_ORDINAL_FIRST, _FRACTION_FIRST, _RATIO_FIRST, _MULTIPLE_FIRST))
)
_DIGIT_RULE_ENDINGS = frozenset(_ORDINAL_FIRST[1])


def _may_start_a_word_rule(text: str, span: tuple[int, int]) -> bool:
    """Whether a rank adjective, fraction, ratio or multiple may start at the number."""
    start, end = span
    if text[start].isdigit():
        return text[end : end + 2].lower() in _DIGIT_RULE_ENDINGS
    return text[start:end].lower() in _WORD_RULE_FIRST


def _inside_word(text: str, position: int) -> bool:
    return position > 0 and text[position - 1].isalnum()


def _match_at(
    pattern: re.Pattern[str],
    text: str,
    numbers: list[tuple[int, int]],
    end: int,
    first: tuple[frozenset[str], tuple[str, ...]],
) -> list[re.Match[str]]:
    """Matches of `pattern` starting at a number, or at the "a" or "an" just before one.

    `first` are the words the pattern's number can be, and the letters that must follow digits
    for it to start at them: other numbers are not tried.
    """
    found: list[re.Match[str]] = []
    words, digit_endings = first
    for start, number_end in numbers:
        if found and start < found[-1].end():
            continue
        if text[start].isdigit():
            if text[number_end : number_end + 2].lower() not in digit_endings:
                continue
        elif text[start:number_end].lower() not in words:
            continue
        article = _ARTICLE_BEFORE.search(text, max(0, start - 3), start)
        match = pattern.match(text, start - len(article.group()), end) if article else None
        match = match or pattern.match(text, start, end)
        if match and not _inside_word(text, match.start()):
            found.append(match)
    return found


def _top(text: str, sentence: Sentence, match: re.Match[str]) -> Quantity:
    """ "one of China's top 500 enterprises": a rank of at most 500 among enterprises."""
    written = match["n"]
    value = float(written) if written.isdigit() else numerals.parse_words(written)
    counted = _counted(text, match.end(), sentence.end)
    end = counted[1] if counted else match.end()
    one_of = _ONE_OF_BEFORE.search(text, max(sentence.start, match.start() - 50), match.start())
    start = one_of.start() if one_of else match.start()
    return Quantity(
        start, end, match.start("n"), match.end("n"), value, "rank", "lte",
        counted=counted[0] if counted else None,
    )  # fmt: skip


def _fractions(
    text: str, numbers: list[tuple[int, int]], taken: list[tuple[int, int]], sentence: Sentence
) -> list[Quantity]:
    """Shares written in words: "one-twentieth of" is 5 percent, "half of" 50 percent."""
    found: list[Quantity] = []
    for match in _match_at(_FRACTION, text, numbers, sentence.end, _FRACTION_FIRST):
        if not _free(taken, match.start(), match.end()):
            continue
        # "a third of a percentage point", and with no "of": "half a percentage point"
        of_unit = _OF_UNIT.match(text, match.end()) if match["of"] or match["half"] else None
        compared = _COMPARED_AFTER.match(text, of_unit.end() if of_unit else match.end())
        start = match.start()
        bound = _comparator_before(text, max(sentence.start, start - 40), start)
        # "dropped by nearly a fifth": the bound stands between "by" and the fraction.
        changed = _changed_or_shared(text, bound[0] if bound else start, match.end())
        if not (match["of"] or of_unit or compared or changed):
            continue
        if match["half"]:
            share = 0.5
        else:
            numerator = (
                1.0 if match["num"].lower() in ("a", "an") else numerals.parse_words(match["num"])
            )
            share = numerator / numerals.FRACTIONS[match["den"].lower()]
        end = match.start() + len(match.group().rstrip())
        unit, value = "percent", share * 100
        if of_unit:
            end, value = of_unit.end(), share
            unit = "percentage_point" if of_unit["point"] else "percent"
        elif match["of"]:
            end = match.start("of")
        comparator: Comparator = "eq"
        if bound:
            start, comparator = bound
        if _decline_before(text, start, sentence.start) or (compared and compared["less"]):
            value = -value  # "shares lost nearly a fifth of their value"
        found.append(Quantity(start, end, match.start(), end, value, unit, comparator))
        taken.append((start, end))
    return found


def _ratios(
    text: str, numbers: list[tuple[int, int]], taken: list[tuple[int, int]], sentence: Sentence
) -> list[Quantity]:
    """Shares written as "one in nine" (11.1 percent) or "three in four" (75 percent)."""
    found: list[Quantity] = []
    for match in _match_at(_RATIO, text, numbers, sentence.end, _RATIO_FIRST):
        if not _free(taken, match.start(), match.end()):
            continue
        written = match["den"]
        denominator = float(written) if written.isdigit() else numerals.parse_words(written)
        if denominator <= 1:
            continue
        share = numerals.parse_words(match["num"]) / denominator
        start, comparator = match.start(), _EQ
        bound = _comparator_before(text, max(sentence.start, start - 40), start)
        if bound:
            start, comparator = bound
        value = share * 100
        found.append(
            Quantity(start, match.end(), match.start(), match.end(), value, "percent", comparator)
        )
        taken.append((start, match.end()))
    return found


def _changed_or_shared(text: str, start: int, end: int) -> bool:
    """Whether the words around a fraction make it a change ("by", "down a quarter from") or a
    share ("make up")."""
    if _BY_BEFORE.search(text, max(0, start - 3), start):
        return True
    if _UP_DOWN_BEFORE.search(text, max(0, start - 5), start) and _FROM_AFTER.match(text, end):
        return True
    if _BE_UP_DOWN_BEFORE.search(text, max(0, start - 16), start):
        return True  # "output was up nearly a quarter last year"
    return _SHARE_VERB_BEFORE.search(text, max(0, start - 40), start) is not None


def _multiples(
    text: str, numbers: list[tuple[int, int]], taken: list[tuple[int, int]], sentence: Sentence
) -> list[Quantity]:
    """Rises written as a multiple: "output doubled" is up 100 percent."""
    found: list[Quantity] = []
    for match in _match_at(_MULTIPLE, text, numbers, sentence.end, _MULTIPLE_FIRST):
        start, end = match.start(), match.end()
        if not _free(taken, start, end):
            continue
        comparator: Comparator = "eq"
        bound = _comparator_before(text, max(sentence.start, start - 40), start)
        if bound:
            start, comparator = bound
        verb = match["verb"].lower()
        as_verb = _INFINITIVE_BEFORE.search(text, max(sentence.start, start - 8), start)
        compared = bound or as_verb or _COMPARED_AMOUNT.match(text, end)
        if verb in cues.MULTIPLE_ADJECTIVES and not compared:
            continue  # "double-digit growth", "a double shift"; not "aims to double flights"
        value = cues.MULTIPLES[verb]
        found.append(Quantity(start, end, match.start(), end, value, "percent", comparator))
        taken.append((start, end))
    return found


def _readings(
    text: str, numbers: list[tuple[int, int]], taken: list[tuple[int, int]], sentence: Sentence
) -> list[_Reading]:
    """Numbers in digits or words, each with what is written around it."""
    readings: list[_Reading] = []
    read_up_to = sentence.start
    for number_start, _ in numbers:
        # "a dozen", "a hundred": the article starts the number.
        article = text[number_start - 2 : number_start].lower() == "a "
        match = None
        if article and number_start - 2 >= read_up_to:
            match = _NUMBER.match(text, number_start - 2, sentence.end)
        if match is None and number_start >= read_up_to:
            match = _NUMBER.match(text, number_start, sentence.end)
        if match is None or not _free(taken, match.start(), match.end()):
            continue
        if _glued_to_a_word(text, match):
            continue  # "1e5", "3rd": letters right after the digits that are no unit
        read_up_to = match.end()
        reading = _reading(match)
        if reading is None:
            continue
        _read_after(text, reading, sentence.end)
        read_up_to = reading.end
        bare = reading.scale is None and reading.unit is None and reading.counted is None
        reading.dozens = match["words"] is not None and match["words"].lower().endswith("dozen")
        # "ten more than a year earlier"
        counts = reading.dozens or _more_or_fewer_after(text, reading) is not None
        if match["digits"] is None and bare and not counts:
            continue  # "One notable collaboration": a word, not a quantity.
        if bare and _small_number_after_letters(text, reading):
            continue  # "COP27", "G20": a name of letters and a number, not money in "COP"
        if _names_a_thing(text, match, sentence.start):
            continue  # "China Three Gorges Corporation", "zero tariffs"
        if match["words"] and _VAGUE_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            continue  # "several hundred people": no number
        if _in_table_bracket(text, reading):
            continue  # "Containers (10,000 TEUs)": a column's unit, no figure
        _read_before(text, reading, sentence.start)
        _read_per_unit(text, reading, sentence.end)
        _read_quoted_price(text, reading, sentence.start, sentence.end)
        read_up_to = reading.end  # "per 40-foot container": the size is the unit's
        _read_count_metric(text, reading, sentence.start)
        _read_list_unit(text, reading)
        _read_count_change(text, reading, sentence.start)
        _read_bounded_count(text, reading)
        readings.append(reading)
    return readings


# A word that leaves a scale word no number: "several hundred", "a few thousand".
_VAGUE_BEFORE = re.compile(r"\b(?i:several|a\s+few|few|many)\s+$")


def _names_a_thing(text: str, match: re.Match[str], sentence_start: int) -> bool:
    """Whether a number in words is part of a name ("China Three Gorges", "the Big Four") or
    names a policy ("zero tariffs", "zero emissions") rather than counts."""
    words = match["words"]
    if words is None:
        return False
    if words.lower() == "zero":
        return True
    if not words[0].isupper() or match.start() == sentence_start:
        return False  # "Three companies ..." opens a sentence
    following = _NEXT_WORD.match(text, match.end())
    window = max(sentence_start, match.start() - 30)
    before = _PREVIOUS_NAME_WORD.search(text, window, match.start())
    return (following is not None and following["w"][0].isupper()) or before is not None


def _read_per_unit(text: str, reading: _Reading, limit: int) -> None:
    """ "US$18.20 a wet metric tonne": a price per unit, in USD_per_t."""
    if reading.unit not in cues.CURRENCIES:
        return
    per = _PER_UNIT.match(text, reading.end, limit)
    if per:
        reading.unit = units.price_unit(reading.unit, _PER_UNITS[cues.fold(per["per"])])
        reading.end = per.end()
    elif slash := _SLASH_UNIT.match(text, reading.end, limit):
        reading.unit = units.price_unit(reading.unit, _SLASH_UNITS[cues.fold(slash["per"])])
        reading.end = slash.end()


def _read_quoted_price(text: str, reading: _Reading, start: int, limit: int) -> None:
    """A price per unit is a market's quote, a rent, a charge or a payment ("wholesale rates
    fell to Rs 2,100 per quintal", "a subsidy of Rs 35,000 per hectare"), no figure of a place
    or a company, unless its clause says it is an average or a cost ("an average farm-gate price
    of 3.4 yuan per kilogram") and names no market, rent or payment. So is the price of one
    thing with no "per" ("the median weekly rent was NZ$640"), unless an average."""
    one_price: str | None = None  # the clause before the price of one thing, if it is one
    if reading.unit in cues.CURRENCIES:
        per = _QUOTED_PER.match(text, reading.end, limit)
        if per is not None:
            reading.end = per.end()
        else:
            one_price = _price_of_one(text, reading, start)
            if one_price is None:
                return
    elif not _is_price(reading.unit):
        return
    clause = _clause_before(text, reading.start, start) if one_price is None else one_price
    words = set(LOWER_WORD.findall(clause))
    quoted = (
        not words.isdisjoint(cues.UNIT_PRICE_QUOTE_WORDS)
        or any(phrase in clause for phrase in cues.UNIT_PRICE_QUOTE_PHRASES)
        or _QUOTED_ON_AFTER.match(text, reading.end, limit) is not None
    )
    # The price of one thing: "cost" is then the verb of its price, not a cost it states.
    figure_words = cues.UNIT_PRICE_FIGURE_WORDS if one_price is None else cues.AVERAGE_WORDS
    reading.quoted_price = quoted or words.isdisjoint(figure_words)


def _price_of_one(text: str, reading: _Reading, start: int) -> str | None:
    """The clause before an amount that is the price of one thing ("entry tickets stayed at
    130 yuan", "moving a 40-foot container cost about US$3,800", "150,000 rupiah each"), else
    None."""
    each = _EACH_AFTER.match(text, reading.end) is not None
    if not each and (reading.scale or reading.number >= 100_000):
        return None
    clause = _clause_before(text, reading.start, start)
    return clause if each or _PRICE_OF_ONE.search(clause) else None


def _clause_before(text: str, position: int, start: int) -> str:
    """The words of the clause before `position`, lower case, within the sentence from `start`."""
    clause = text[max(start, position - 120) : position].lower()
    opened = max((m.end() for m in _CLAUSE_START.finditer(clause)), default=0)
    return clause[opened:]


# Words that make an amount the price of one thing, with no "per" after it: "the median weekly
# rent", "entry tickets stayed at", "moving a 40-foot container cost".
_PRICE_OF_ONE = re.compile(
    r"\b(?:weekly|monthly|nightly|hourly|tickets?|fares?|priced|per\s+share|"
    r"an?\s+(?:\d+-[a-z]+\s+)?(?:container|box|bag|sack|crate|barrel|ticket|room)\b)"
)
_EACH_AFTER = re.compile(r"\s+(?:each|apiece)\b")


def _is_price(unit: str | None) -> bool:
    """Whether `unit` is a currency per a unit: "USD_per_t"."""
    currency, per, _ = (unit or "").partition("_per_")
    return bool(per) and currency in cues.CURRENCIES


def _read_count_metric(text: str, reading: _Reading, limit: int) -> None:
    """ "taking its headcount to 315,332", "bringing the number of routes it serves to 190": a
    bare number a count's name leads to is a count."""
    if reading.unit or reading.scale or reading.counted or reading.number < 100:
        return
    metric = _COUNT_METRIC_BEFORE.search(text, max(limit, reading.start - 40), reading.start)
    if metric:
        reading.counted = metric["metric"].lower()
    elif _labelled_count(text, reading) and (
        label := _COUNT_LABEL_BEFORE.search(text, max(0, reading.start - 50), reading.start)
    ):
        things = label["things"].lower()
        money = things in _NOT_COUNTED_LABELS or (
            things not in _ALWAYS_COUNTED and _list_in_units(text, label.start())
        )
        reading.counted = None if money else things
    elif things := _NUMBER_OF_BEFORE.search(text, max(limit, reading.start - 130), reading.start):
        reading.counted = things["things"].lower()
    else:
        reading.counted = _count_subject(text, max(limit, reading.start - 120), reading.start)


# How _COUNT_SUBJECT_BEFORE's matches end: a look-up before the search.
_COUNT_SUBJECT_VERB_ENDS = ("to ", "reached ", "totaled ", "totalled ", "numbered ")


def _count_subject(text: str, start: int, end: int) -> str | None:
    """The plural subject a bare number at `end` is the level of ("Jobs ... reached 452,300"):
    the first that is a count ("Closed sales of single-family homes totaled 5,912": homes)."""
    lead_in = text[max(start, end - 12) : end]
    if not any(verb in lead_in for verb in _COUNT_SUBJECT_VERB_ENDS):
        return None  # most bare numbers: no "to", "reached" or "totaled" right before
    while subject := _COUNT_SUBJECT_BEFORE.search(text, start, end):
        named = subject["things"].lower()
        if named not in cues.NOT_COUNT_SUBJECTS:
            return named
        start = subject.end("things")
    return None


def _read_count_change(text: str, reading: _Reading, limit: int) -> None:
    """ "the number of unemployed climbed by 2,140": a bare whole number a change verb and "by"
    lead to is a change of a count (a decline when the verb says so)."""
    more_or_fewer = _more_or_fewer_after(text, reading)
    if more_or_fewer and _unitless_whole_number(text, reading):
        # "6,200 members, 180 fewer than a year earlier"
        reading.count_change = True
        if more_or_fewer["fewer"] and reading.number > 0:
            reading.number = -reading.number
        return
    if not _bare_whole_number(text, reading):
        return
    labelled = _SIGNED_LABELLED.search(text, max(limit, reading.start - 3), reading.end)
    if labelled and not _DIGITS_AFTER.match(text, reading.end):  # not "Tel: +996 3922 5 17 40"
        reading.count_change = True  # "- Manufacturing: -21,000", "Trade: +14,000"
        return
    change = _CHANGE_BY_BEFORE.search(text, max(limit, reading.start - 30), reading.start)
    if change and change["verb"].lower() in cues.CHANGE_BY_VERBS:
        reading.count_change = True
    else:
        # "Austin added 19,600": the verb's object is the change.
        change = _VERB_BEFORE.search(text, max(limit, reading.start - 12), reading.start)
        reading.count_change = (
            change is not None and change["verb"].lower() in cues.COUNT_CHANGE_VERBS
        )
    if change and reading.count_change and change["verb"].lower() in cues.DECLINE_BEFORE:
        reading.number = -reading.number


# "180 fewer than a year earlier", "38 more than at the end of 2024", "ten more than in March":
# a count's change on a base; "plans to hire 300 more by 2027", "two more are under
# construction": more of a count the sentence names.
_MORE_OR_FEWER_AFTER = re.compile(
    r"\s+(?:(?:(?P<fewer>fewer|less)|more)\s+than\s+(?:a\s+(?:year|month|quarter|season)|"
    r"the\s+(?:previous|prior|same|year|month)|last|(?:in|at)\s+the\s+(?:same|previous|prior|"
    r"start|end|beginning)|in\s+(?:19|20)\d\d|(?:19|20)\d\d|in\s+[A-Z][a-z]+|"
    r"(?:[\w-]+\s+)?(?:years?|months?)\s+(?:earlier|ago|before))\b"
    r"|more(?=\s+(?:by|are|were|is|was|will|under|in|next|this|over)\b|[,.;]))"
)
# A signed figure labelled by a colon: the change of a count a list or a table gives.
_SIGNED_LABELLED = re.compile(r":\s(?:\+\d|[-\u2212\u2013]\d)")
_DIGITS_AFTER = re.compile(r"[^\S\n]*[-\d]")


def _read_bounded_count(text: str, reading: _Reading) -> None:
    """ "the number of firms topped 21,000", "rose to more than 2,400": a bare whole number that
    a bound states is a count; "over 2,000 years" is a duration."""
    if reading.comparator == "eq" or not _bare_whole_number(text, reading):
        return
    following = _NEXT_WORD.match(text, reading.end)
    reading.bounded = following is None or following["w"].lower() not in NOT_COUNTED


def _bare_whole_number(text: str, reading: _Reading) -> bool:
    """No unit, scale or noun, a whole number from 100 on, and not a year."""
    return abs(reading.number) >= 100 and _unitless_whole_number(text, reading)


def _more_or_fewer_after(text: str, reading: _Reading) -> re.Match[str] | None:
    """ "ten more than a year earlier", "two more are planned": the words that make a number a
    count's change, or more of a count ("one more, he said" counts nothing)."""
    return None if reading.number == 1 else _MORE_OR_FEWER_AFTER.match(text, reading.end)


def _unitless_whole_number(text: str, reading: _Reading) -> bool:
    """No unit, scale or noun, a whole number, and not a year."""
    if reading.unit or reading.scale or reading.counted:
        return False
    written = text[reading.number_start : reading.number_end]
    year = len(written) == 4 and written.isdigit() and 1900 <= reading.number <= 2100
    return reading.number.is_integer() and not year


def _small_number_after_letters(text: str, reading: _Reading) -> bool:
    """Whether a whole number under 100 is written right after letters, as names write one."""
    glued = text[reading.start - 1 : reading.start].isalpha()
    return glued and reading.number < 100 and reading.number.is_integer()


def _model_number(text: str, sign_start: int, reading: _Reading) -> bool:
    """Whether the naira's "N" stands before a bare whole number ("N163"), as in a model's name:
    an amount in naira has a scale, a thousands separator or decimals ("N1.63trn", "N95,000")."""
    if text[sign_start : reading.number_start] != "N" or reading.scale is not None:
        return False
    return not any(mark in text[reading.number_start : reading.number_end] for mark in ".,")


def _glued_to_a_word(text: str, match: re.Match[str]) -> bool:
    """Whether letters follow the digits with no space, other than a unit or scale ("3亿")."""
    following = text[match.end() : match.end() + 1]
    if match["digits"] is None or not following.isalpha():
        return False
    if _million_glued(text, match.start(), match.end()) or _billion_glued(
        text, match.start(), match.end()
    ):
        return False  # "$985m", "$68.9B"
    return not (_scale(text, match.end(), len(text)) or _unit(text, match.end(), len(text)))


def _reading(match: re.Match[str]) -> _Reading | None:
    """The number a match writes: "1,200" -> 1200, "two dozen" -> 24, "twenty-seven" -> 27."""
    if match["digits"] is not None:
        value = numerals.parse_numeral(match["digits"])
        if value is None:
            return None
    else:
        words = match["words"].lower().split()
        if words[-1] == "dozen":
            count = 1.0 if words[0] == "a" else numerals.parse_words(" ".join(words[:-1]))
            value = count * numerals.MULTIPLIERS["dozen"]
        else:
            value = numerals.parse_words(match["words"])
    start = match.start()
    text = match.string
    # "-", the minus sign, or a dash set as one ("GDP: \u20130.8%"), glued to the digits
    signed = match["digits"] is not None and text[start - 1 : start] in ("-", "\u2212", "\u2013")
    if signed and (start == 1 or text[start - 2] in " (\u2002\t\n"):
        value, start = -value, start - 1  # "fell -2.3 percent"
    return _Reading(start, match.end(), start, match.end(), value)


def _read_after(text: str, reading: _Reading, limit: int) -> None:
    """Scale, unit, trailing bound and counted noun written after the number."""
    scale = _scale(text, reading.end, limit)
    if scale is None and _million_glued(text, reading.start, reading.end):
        reading.scale, reading.end = 1e6, reading.end + 1  # "$985m", "£450m": not metres
    elif scale is None and _billion_glued(text, reading.start, reading.end):
        reading.scale, reading.end = 1e9, reading.end + 1  # "Revenue: $68.9B"
    elif scale:
        reading.scale = _SCALES[cues.fold(scale["scale"])]
        reading.end = scale.end()
    unit = _unit(text, reading.end, limit)
    if unit:
        # "24,310 MU": India's power news counts million units, kilowatt-hours by the million
        reading.unit = "GWh" if unit["unit"] == "MU" else _UNITS[cues.fold(unit["unit"])]
        reading.end = unit.end()
    elif reading.scale is None and (cents := _CENTS.match(text, reading.end, limit)):
        # "15.6 cents per kilowatt-hour", "1.29 US cents", "34 øre": a hundredth of the currency
        reading.unit, reading.number, reading.end = (
            _SUBUNIT_OF.get(cents["sub"]) or _CENTS_OF[cents["of"] or ""],
            reading.number / 100,
            cents.end(),
        )
    elif basis := _BASIS_POINTS.match(text, reading.end, limit):
        # "widened by 110 basis points": 1.1 percentage points
        reading.unit, reading.number, reading.end = (
            "percentage_point",
            reading.number / 100,
            basis.end(),
        )
    if reading.unit is None:
        counted = _counted(text, reading.end, limit)
        if counted:
            reading.counted, reading.end = counted
        elif referent := _OF_REFERENT.match(text, reading.end, limit):
            reading.counted, reading.end = referent.group().strip(), referent.end()
    bound = _COMPARATOR_AFTER.match(text, reading.end, limit)
    if bound:
        reading.comparator = _COMPARATORS_AFTER[cues.fold(bound.group().strip())]
        reading.end = bound.end()


_BASIS_POINTS = re.compile(r"\s?(?:basis\s+points?|bps?)\b")
_CENTS = re.compile(
    r"\s+(?:(?P<of>US|U\.S\.|euro|Australian|Canadian|Singapore)\s+)?"
    r"(?P<sub>cents?|øre|öre|pence|paise)\b"
)
# The hundredths other currencies name: Norway's øre (Denmark's, where the article is about it:
# see cues.NAMESAKE_CURRENCIES), Sweden's öre, the penny, the Indian paisa.
_SUBUNIT_OF = {"øre": "NOK", "öre": "SEK", "pence": "GBP", "paise": "INR"}
# Whose cents: a dollar's unless the text says ("euro cents").
_CENTS_OF = {"": "USD", "US": "USD", "U.S.": "USD", "euro": "EUR", "Australian": "AUD",
             "Canadian": "CAD", "Singapore": "SGD"}  # fmt: skip


def _million_glued(text: str, start: int, end: int) -> bool:
    """Whether an "m" glued to the number at `start`-`end` is "million": after a currency sign
    ("$985m", "£450m": a length in metres has no currency before it), or before what it counts
    ("5.62m tonnes", "a 12.36m-ton harvest", "1.1M air passengers": a length has no noun counted
    in the plural or a unit after it)."""
    glued = text[end : end + 1]
    if glued not in ("m", "M") or text[end + 1 : end + 2].isalpha():
        return False
    if _currency_before(text, max(0, start - 8), start) is not None:
        return True  # "$985m", "$71.2M"
    if glued == "M" and "." not in text[start:end]:
        return False  # "3M said": a name
    word = _WORD_AFTER_M.match(text, end + 1)
    if word is not None and not _counted_after_m(text, word) and word[1] not in _DIMENSIONS:
        word = _WORD_AFTER_M.match(text, word.end())  # "1.1M air passengers": an adjective
    return word is not None and _counted_after_m(text, word)


def _billion_glued(text: str, start: int, end: int) -> bool:
    """Whether a "B" glued to an amount of money is "billion": "$68.9B", as tables and briefs
    write it."""
    if text[end : end + 1] != "B" or text[end + 1 : end + 2].isalpha():
        return False
    return _currency_before(text, max(0, start - 8), start) is not None


def _counted_after_m(text: str, word: re.Match[str]) -> bool:
    """Whether the word after "5.62m" is a unit or a noun counted in the plural."""
    if _unit(text, word.start(1), word.end()) is not None:
        return True
    return word[1].endswith("s") and word[1] not in _NOT_COUNTED_AFTER_M


# The next word after "5.62m" and a space or hyphen.
_WORD_AFTER_M = re.compile(r"[ -]([a-z]+)\b")
# "a 2.5m high wall", "1.5m wide roads": a length's adjective, the noun is not what it counts.
_DIMENSIONS = frozenset("high tall wide long deep thick above below across".split())
_NOT_COUNTED_AFTER_M = frozenset("metres meters miles seconds".split())


def _read_before(text: str, reading: _Reading, limit: int) -> None:
    """Currency sign and bound written before the number: "more than US$5 billion"."""
    window_start = max(limit, reading.start - 40)
    currency = _currency_before(text, window_start, reading.start)
    if currency and _model_number(text, currency[0], reading):
        currency = None  # "the Nordex N163": a model, not naira
    if currency and reading.unit in (None, currency[1]):
        reading.start, reading.unit = currency
        reading.currency_written_before = True
    bound = _comparator_before(text, window_start, reading.start) or _crossed_mark(text, reading)
    if bound:
        reading.start, reading.comparator = bound
    if reading.counted and reading.unit is None and _frames(text, reading, limit):
        reading.framing = True  # kept counted: "in the three provinces" is read, not a fact
    elif not bound and _refers_back(text, reading, window_start):
        reading.counted = None  # "the two companies" refers back; it states no new count.
    changes = reading.unit in _UNSCALED or (reading.unit is None and reading.counted)
    # "fell below 9%": a level the figure crossed, not the size of a fall
    crossed = bound is not None and text.startswith(_LEVEL_BOUNDS, bound[0])
    if changes and reading.number > 0 and not crossed and _declines(text, reading, limit):
        reading.number = -reading.number  # "fell 3 percent", "lost 3,100 factory jobs"
    elif reading.unit in cues.CURRENCIES and _money_lost(text, reading, limit):
        reading.number = -abs(reading.number)  # "a net loss of A$455 million": money lost
    elif reading.number > 0 and cues.DECLINE_AFTER.match(text, reading.end):
        reading.number = -reading.number  # "some 9,000 hectares fewer than in 2024"


# Bounds that, after a verb of change, name the level it crossed: "fell below 9%".
_LEVEL_BOUNDS = ("below", "under", "above")
# "crossed the 4 trillion yuan mark": a threshold passed, a lower bound.
_CROSSED_BEFORE = re.compile(
    r"(?i:\b(?:crossed|crosses|crossing|passed|passes|topped|tops|surpassed|surpasses|exceeded|"
    r"broke\s+through|breached)\s+the\s+)$"
)
_MARK_AFTER = re.compile(r"\s+(?:mark|threshold|milestone|barrier|level)\b")


def _crossed_mark(text: str, reading: _Reading) -> tuple[int, Comparator] | None:
    """ "crossed the 4 trillion yuan mark": (where the verb starts, "gt"), the mark included."""
    mark = _MARK_AFTER.match(text, reading.end)
    if mark is None:
        return None
    verb = _CROSSED_BEFORE.search(text, max(0, reading.start - 30), reading.start)
    if verb is None:
        return None
    reading.end = mark.end()
    return verb.start(), "gt"


def _refers_back(text: str, reading: _Reading, window_start: int) -> bool:
    """Whether "the", "its" or "those" before a small count refer to things named before ("the
    two companies"); a large one is a count of its own ("the 51,200 net jobs created")."""
    if not reading.counted or reading.number >= 100:
        return False
    return _DETERMINER_BEFORE.search(text, window_start, reading.start) is not None


# Framing counts (benchmarks/README.md): a count inside the noun phrase that names the set a
# statement is about or ranges over is no news of its own. A definite noun phrase ("the", "its",
# a possessive) presupposes its set; an indefinite one ("across 822 hotels") states it.
_POSSESSIVE = (
    r"(?:(?:the|The)\s+)?(?:[A-Z][\w.&-]*\s+){0,3}?"
    r"(?!(?i:it|that|there|what|here|let|he|she|year|month|week|quarter|day)['\u2019]s\b)"
    r"[\w.&-]+['\u2019]s\s+"
)
_DEFINITE = (
    rf"(?:(?:all\s+(?:of\s+)?)?(?:the\s+|its\s+|their\s+|these\s+|those\s+|{_POSSESSIVE})|all\s+)"
)
_FRAMING_BEFORE = re.compile(
    # "across FAAN's 22 airports", "among the state's 26 metros", "in all 20 districts"
    # ("up from the 1,200 a year earlier" compares; it frames nothing)
    rf"(?i:\b(?:across|among|amongst|throughout|within|in|at|on|for|(?<!ed\s)(?<!up\s)(?<!down\s)"
    rf"(?<!rose\s)(?<!fell\s)(?<!grew\s)from)\s+){_DEFINITE}$"
    # "the output of Hunan's 14 cities", "All 20 districts lifted ...": a possessive's or all
    rf"|(?i:\bof\s+){_POSSESSIVE}$|(?i:\ball\s+(?:of\s+(?:the|its|their)\s+)?)$"
    # "one of four special economic zones", "60 of the city's roughly 120 inns"
    rf"|(?i:\bone\s+of\s+){_DEFINITE}?$"
    rf"|(?i:\b(?:\d[\d,]*|{numerals.CARDINAL_PHRASE}|most|many|some|none|each)\s+of\s+){_DEFINITE}$"
)
# A territory's divisions frame wherever they are a possessive's, ranged over or listed.
_DIVIDED_INTO = "|".join(verb.replace(" ", r"\s+") for verb in cues.DIVIDED_INTO)
_DIVISION_BEFORE = re.compile(
    rf"(?i:\b(?:among|amongst|across|{_DIVIDED_INTO})\s+)$"
    rf"|{_POSSESSIVE}$"
)
_POSSESSIVE_BEFORE = re.compile(rf"{_POSSESSIVE}$")
# What may open the clause a possessive's count is the subject of: "..., and Gaziantep's ...".
_CLAUSE_OPENER = re.compile(r"(?:[,;:(]|\b(?:and|but|while|whereas|as))\s*$")
_DIVISION_ENDINGS = tuple(cues.DIVISIONS)
# Words one of which, or a possessive, a framing count's lead-in holds: most counts have none.
_FRAMING_WORDS = frozenset(
    ["across", "among", "amongst", "throughout", "within", "in", "at", "on", "for", "from", "of"]
    + ["all"]
    + [verb.split()[0] for verb in cues.DIVIDED_INTO]
)


# The words every match of _FRAMING_BEFORE ends with, before white space: most lead-ins end
# otherwise (see `may_end_with`).
_FRAMING_LAST_WORDS = ("the", "its", "their", "these", "those", "all", "of", "'s")
_POSSESSIVE_ENDS = ("'s", "\u2019s")


def _frames(text: str, reading: _Reading, limit: int) -> bool:
    """Whether a counted number names the set its sentence is about rather than news of it:
    "across FAAN's 22 airports", "Gaziantep's five zones host ...", "Turkey's 81 provinces"."""
    start, counted = reading.start, str(reading.counted).lower()
    window = max(limit, start - 80)
    lead_in = text[window:start]
    possessive = "'s" in lead_in or "\u2019s" in lead_in
    if not possessive and _FRAMING_WORDS.isdisjoint(lead_in.lower().split()[-8:]):
        return False  # no preposition, "one of", divided-into verb or possessive before it
    if may_end_with(lead_in, _FRAMING_LAST_WORDS) and _FRAMING_BEFORE.search(text, window, start):
        return True
    if counted.endswith(_DIVISION_ENDINGS) and "countr" not in counted:
        return _DIVISION_BEFORE.search(text, window, start) is not None
    ends_possessive = lead_in[-1:].isspace() and lead_in.rstrip().endswith(_POSSESSIVE_ENDS)
    owner = _POSSESSIVE_BEFORE.search(text, window, start) if ends_possessive else None
    if owner is None or counted.split()[-1] in cues.FLOW_COUNTS:
        return False
    # The possessive opens its clause: the count is in the clause's subject.
    opens = not text[limit : owner.start()].strip()
    return (
        opens
        or _CLAUSE_OPENER.search(text, max(limit, owner.start() - 8), owner.start()) is not None
    )


# A loss of money is a negative result: "lost R640 million", "a net loss of S$38 million".
# "a deficit of $794 million", like a loss, is a negative balance.
_LOSS_BEFORE = re.compile(
    # "farmers stand to lose Rs60 billion", "could lose $2 million"
    r"(?i:\b(?:lost|lose|loses|losing|(?:loss(?:es)?|deficits?|shortfalls?)\s+(?:[a-z]+\s+)?of)"
    r"\s+)$"
)
# "about $780 million less than lawmakers assumed": a shortfall against another figure; "a
# $794-million deficit", "the $1.3-billion shortfall": a negative balance.
_SHORT_AFTER = re.compile(
    r"\s+(?:(?:less|lower)\s+than|below|short\s+of)\b"
    # "reversing a 311 million yuan loss", "a $2.1 million net loss": a loss's amount
    r"|(?:-|\s+)(?:net\s+|operating\s+)?(?:deficits?|shortfalls?|loss(?:es)?)\b(?!-)"
)


# A balance's level named by the balance: "- Deficit: $6.4 billion", "its deficit forecast
# widens to $6.4 billion", "the net loss narrowed to $3.1 million".
_LOSS_LEVEL_BEFORE = re.compile(
    r"(?i:\b(?:loss|deficit|shortfall)(?:\s+(?:forecast|estimate))?(?::|\s+(?:widen(?:s|ed)?|"
    r"narrow(?:s|ed)?|swell(?:s|ed)?|grew|grows|rose|rises|shrank|shrinks|fell|falls|reached|"
    r"reaches|stood\s+at|was|is)(?:\s+to)?"
    # "The fiscal deficit is budgeted at ₹1.04 lakh crore", "is pegged at", "is projected to reach"
    r"|,?\s+(?:is\s+|was\s+|are\s+|were\s+)?(?:now\s+)?(?:pegged|budgeted|estimated|projected|"
    r"forecast|put|seen|expected|set|targeted)\s+(?:at|to\s+(?:reach|hit|total|be))"
    # "the revenue deficit is budgeted at ₹41,635 crore and the fiscal deficit at ₹1,06,968
    # crore": the verb left out
    r"|\s+at)\s+)$"
)
_LOSS_WORDS = ("loss", "deficit", "shortfall")


def _money_lost(text: str, reading: _Reading, limit: int) -> bool:
    """Whether an amount of money is lost or cut: "a net loss of A$455 million", "cut its
    profit estimate by ¥50 billion", "$780 million less than lawmakers assumed"."""
    lead_in = text[max(limit, reading.start - 60) : reading.start]
    if may_end_with(lead_in, ("lost", "lose", "loses", "losing", "of")) and _LOSS_BEFORE.search(
        text, max(limit, reading.start - 40), reading.start
    ):
        return True
    lower = lead_in.lower()
    if any(word in lower for word in _LOSS_WORDS) and _LOSS_LEVEL_BEFORE.search(
        text, max(limit, reading.start - 40), reading.start
    ):
        return True
    if may_end_with(lead_in, ("by",)) and _CUT_THING_BY.search(
        text, max(limit, reading.start - 60), reading.start
    ):
        return True
    return _SHORT_AFTER.match(text, reading.end) is not None


def _declines(text: str, reading: _Reading, limit: int) -> bool:
    """Whether a change in percent is written as a decline."""
    if _decline_before(text, reading.start, limit):
        return True
    if cues.DECLINE_AFTER.match(text, reading.end):
        return True  # "0.3 percentage points lower than a year earlier"
    if reading.counted and cues.LOST_AFTER.match(text, reading.end):
        return True  # "At least 2,000 jobs have been lost"
    after = _NEXT_WORD.match(text, reading.end)
    return after is not None and after["w"].lower() in cues.DECLINE_NOUNS  # "a 3% drop"


def _decline_before(text: str, start: int, limit: int) -> bool:
    """Whether the words before `start` make a change a decline: "fell", "a decrease of"."""
    before = _DECLINE_WORDS.search(text, max(limit, start - 30), start)
    if before is not None:
        word = before.group(1).lower()
        if word in cues.DECLINE_BEFORE:
            return True  # "fell 3 percent", "down by 2 percentage points"
        if word == "of" and not before.group(2):
            noun = _DECLINE_WORDS.search(text, max(limit, before.start() - 30), before.start())
            if noun is not None and noun.group(1).lower() in cues.DECLINE_NOUNS:
                return True  # "a year-on-year decrease of 11.9 percent"
        if before.group(2) and _CUT_THING_BY.search(text, max(limit, start - 50), start):
            return True  # "a dry spell cut wheat yields by 2.1 percent"
    return False


def _currency_before(text: str, start: int, end: int) -> tuple[int, str] | None:
    """The currency written just before `end` ("US$", "RMB "), as (its start, its code)."""
    written = text[start:end].rstrip()
    if written[-1:] not in _CURRENCY_LAST_CHARACTERS or not written.endswith(_CURRENCY_ENDINGS):
        return None  # most numbers have no currency before them: a look-up says so quickly
    for prefix in _CURRENCY_ENDINGS:  # longest first: "US$" before "$"
        before = written[-len(prefix) - 1 : -len(prefix)]
        if written.endswith(prefix) and not (prefix[-1].isalpha() and before.isalnum()):
            return start + len(written) - len(prefix), _CURRENCY_PREFIXES[prefix.lower()]
    return None


def _comparator_before(text: str, start: int, end: int) -> tuple[int, Comparator] | None:
    """The bound written just before `end` ("more than "), as (its start, its comparator)."""
    if not text[end - 1 : end].isspace():
        return None
    written = text[max(start, end - 24) : end].lower().split()
    if not written or written[-1].lstrip(_OPENING_MARKS) not in _CUE_LAST_WORDS:
        return None  # most numbers have no bound: a look-up says so quickly
    last = [w.lstrip(_OPENING_MARKS) for w in written[-2:]]
    if last[-1] not in _COMPARATORS_BEFORE and " ".join(last[-2:]) not in _CUE_TAILS:
        return None  # "rose to": "to" ends "up to", but "rose to" ends no cue
    words = list(_CUE_WORD.finditer(text, start, end))
    for count in range(min(_LONGEST_CUE, len(words)), 0, -1):
        phrase = " ".join(word.group() for word in words[-count:]).lower()
        comparator = _COMPARATORS_BEFORE.get(phrase)
        if comparator is not None and _joined(text, words[-count:]):
            if phrase == "up to" and _moved_up(text, start, words[-count].start()):
                return None  # "edged up to 66.8%": a move to a level, not a bound
            if phrase == "over" and _SPREAD_BEFORE.search(text, start, words[-count].start()):
                return None  # "spread over 71,500 square metres": an extent, not a bound
            if phrase == "past" and not _ROSE_BEFORE.search(text, start, words[-count].start()):
                return None  # "in the past 12 months": a period, not a bound
            return words[-count].start(), comparator
    return None


# Verbs a level moved by, before "up to": "the participation rate edged up to 66.8%".
_MOVED_BEFORE = re.compile(
    r"\b(?:edged|edges|inched|inches|ticked|ticks|crept|creeps|moved|moves|went|goes|climbed|"
    r"climbs|rose|rises|jumped|jumps|shot|shoots|revised|pushed|pushes|picked|picks|ramped|"
    r"stepped|firmed|perked|bounced|bounces|sped|speeded)\s+$"
)
# Verbs after which "over" is where a thing lies, not a bound: "a terminal spread over 71,500
# square metres".
_SPREAD_BEFORE = re.compile(r"\b(?:spread|spreads|sprawl(?:s|ed|ing)?|stretch(?:es|ed|ing)?)\s+$")
# Verbs of rising before "past", which make it a bound: "revenue climbed past 2.7 billion yuan".
_ROSE_BEFORE = re.compile(
    r"\b(?:climbed|climbs|climbing|rose|rises|rising|risen|went|goes|going|pushed|pushes|"
    r"pushing|jumped|jumps|edged|edges|crept|creeps|surged|surges|moved|moves|shot|soared|"
    r"soars|raced|races|broke|breaks)\s+$"
)
# Verbs that moved a level named after them: "pushing the average farm-gate price up to".
_MOVED_OBJECT_BEFORE = re.compile(
    r"\b(?:push(?:ed|es|ing)?|dr(?:ove|ives?|iving)|lift(?:ed|s|ing)?|sen(?:t|ds?|ding)|took|"
    r"tak(?:es|ing)|br(?:ought|ings?|inging))\s+(?:the|its|their|this|that)\s+"
    r"(?:(?!(?:and|or|to|with)\s)[\w'-]+\s+){0,3}$"
)


def _moved_up(text: str, start: int, up: int) -> bool:
    """Whether the "up to" at `up` follows a verb that moved a level there."""
    return bool(
        _MOVED_BEFORE.search(text, start, up)
        or _MOVED_OBJECT_BEFORE.search(text, max(0, up - 60), up)
    )


def _joined(text: str, words: list[re.Match[str]]) -> bool:
    """Whether only white space separates the words."""
    gaps = [text[a.end() : b.start()] for a, b in itertools.pairwise(words)]
    return all(gap.isspace() for gap in gaps)


_CURRENCY_ENDINGS = tuple(sorted(cues.CURRENCY_BEFORE, key=len, reverse=True))
_CURRENCY_LAST_CHARACTERS = frozenset(ending[-1] for ending in _CURRENCY_ENDINGS)
_CUE_WORD = re.compile(r"[\w.]+")
_LONGEST_CUE = max(len(cue.split()) for cue in cues.COMPARATOR_BEFORE)
_CUE_LAST_WORDS = frozenset(cue.split()[-1] for cue in cues.COMPARATOR_BEFORE)
_CUE_TAILS = frozenset(" ".join(cue.split()[-2:]) for cue in cues.COMPARATOR_BEFORE)
_OPENING_MARKS = "([{\"'\u201c\u2018"


def _counted(text: str, position: int, limit: int) -> tuple[str, int] | None:
    """The plural noun phrase a number counts, and where it ends: "34 permanent offices"."""
    words: list[re.Match[str]] = []
    while len(words) < 8:
        match = _NEXT_WORD.match(text, position, limit)
        if match is None and words and words[-1]["w"][0].isupper():
            match = _NAME_NUMBER.match(text, position, limit)  # "Fortune 500 companies"
        if match is None:
            match = _DIGIT_WORD.match(text, position, limit)  # "5G base stations"
        if match is None:
            break
        word = match["w"].lower()
        stop = word in COUNT_STOP or word in numerals.CARDINALS or word in cues.SCALE_AFTER
        if stop and not (word == "more" and not words):  # "500 more centres" counts centres
            break
        if word == "and" and not words:
            break
        words.append(match)
        position = match.end()
    for last in range(len(words) - 1, -1, -1):
        if _is_plural(words[last]["w"]):
            if words[last]["w"].lower() in NOT_COUNTED:
                return None
            phrase = text[words[0].start("w") : words[last].end("w")]
            return " ".join(phrase.split()), words[last].end("w")
    return None


def _is_plural(word: str) -> bool:
    lower = word.lower()
    if lower in PLURAL_NOUNS:
        return True
    return (
        len(lower) > 2
        and lower.endswith("s")
        and not lower.endswith(("ss", "us", "is", "'s", "\u2019s"))
    )


def _resolve_ranges(text: str, readings: list[_Reading]) -> None:
    """A number without a unit takes the next one's: "between 3 and 5 percent", "3-5 billion",
    "25 million to 40 million dollars"."""
    for low, high in itertools.pairwise(readings):
        if _both_bounds(text, low, high):
            low.comparator, high.comparator = "gte", "lte"
            _start_at_between(text, low)
            continue
        # "between 25 million and 40 million dollars": a low end with its own scale, not unit.
        # "between 13 million and 14 million bags" too: a count on the high end.
        named = high.unit is not None or high.counted is not None
        scaled_alike = low.scale is not None and low.scale == high.scale and named
        if low.scale and not scaled_alike:
            continue
        if _currency_then_scale(text, low, high) or _price_range(text, low, high):
            continue
        if low.unit or low.counted or not (high.unit or high.scale or high.counted):
            continue
        gap = text[low.end : high.start]
        if not _RANGE_GAP.match(gap):
            continue
        if _change_then_level(text, low, high, gap):
            continue  # "fell by 50,000 to 61.19 million": a change and the level it led to
        low.unit, low.counted = high.unit, high.counted
        if high.scale and low.number < high.number * high.scale:
            low.scale = high.scale
        before = _words_before(text, low.start, 3)
        if before[-1:] == ["between"]:
            _start_at_between(text, low)
            low.comparator, high.comparator = "gte", "lte"
        elif gap.strip() != "and" and (
            before[-1:] != ["from"] or _ranging_from(before) or _DASH_GAP.fullmatch(gap)
        ):
            low.comparator, high.comparator = "gte", "lte"


def _change_then_level(text: str, low: _Reading, high: _Reading, gap: str) -> bool:
    """Whether "by X to Y" is a change and the level it led to ("fell by 50,000 to 61.19
    million", "rose by 8,000 to 21,000 yuan"), not a range ("grow by 6 to 7 percent", "by 2 to 3
    million tonnes"): the change is written whole, with its thousands separated."""
    if gap.strip() != "to" or _words_before(text, low.start, 1) != ["by"]:
        return False
    return high.unit not in _UNSCALED and "," in text[low.number_start : low.number_end]


def _price_range(text: str, low: _Reading, high: _Reading) -> bool:
    """ "$3.50 to $4 a litre": a range of prices whose unit stands after its high end; the low
    end is a price per the same unit, a quote or a figure as the high end is."""
    if not (low.unit and high.unit and high.unit.startswith(low.unit + "_per_")):
        return False
    if not _RANGE_GAP.match(text[low.end : high.start]):
        return False
    low.unit, low.quoted_price = high.unit, high.quoted_price
    before = _words_before(text, low.start, 3)
    if _changed_then_level(before, low, high):
        return True  # "Brent rose $1.20 to $85.50 a barrel": a change of the price, and its level
    if before[-1:] != ["from"] or _ranging_from(before):
        low.comparator, high.comparator = "gte", "lte"
    return True


def _currency_then_scale(text: str, low: _Reading, high: _Reading) -> bool:
    """ "PLN 1.6-1.7bn": a range whose currency stands before its low end and whose scale after
    its high end; both ends take both."""
    if low.unit not in cues.CURRENCIES or low.scale or high.unit or high.counted:
        return False
    if high.scale is None or not _DASH_GAP.fullmatch(text, low.end, high.start):
        return False
    high.unit, low.scale = low.unit, high.scale
    low.comparator, high.comparator = "gte", "lte"
    return True


_DASH_GAP = re.compile(r"\s?[-\u2013]\s?")


def _words_before(text: str, start: int, count: int) -> list[str]:
    """The last `count` words before `start`, lower-cased (fewer near the text's start)."""
    return text[max(0, start - 12 * count) : start].lower().split()[-count:]


def _ranging_from(before: list[str]) -> bool:
    """ "ranging from 120 to 150 million" is a range; "rose from 120 to 150 million" a change."""
    return len(before) >= 2 and before[-1] == "from" and before[-2] in cues.RANGE_BEFORE_FROM


def _start_at_between(text: str, low: _Reading) -> None:
    """The low end of "between 3 and 5 percent" starts at "between"."""
    if _words_before(text, low.start, 1) == ["between"]:
        low.start = text.rfind("between", 0, low.start)


# Words before a number compared with an earlier one: "1,200 firms, up from 800 in 2020".
_COMPARED_BEFORE = re.compile(
    r"(?i:\b(?:from|than|compared\s+with|compared\s+to|against|versus|and|total\s+to)\s+"
    r"(?:(?:more|less|fewer)\s+than\s+|over\s+|about\s+|nearly\s+)?)$"
)


def _resolve_comparisons(text: str, readings: list[_Reading]) -> None:
    """A number without a unit compared with an earlier one takes its unit and counted noun."""
    for index, (earlier, later) in enumerate(itertools.pairwise(readings)):
        if earlier.unit in _UNSCALED and later.scale is not None:
            # "10.42 million visitors, up 7.1 percent from 9.73 million": a level, as the one
            # before the change.
            earlier = readings[index - 1] if index > 0 else later
        if later.unit or later.counted or not (earlier.unit or earlier.counted):
            continue
        if later.dozens and earlier.unit:
            continue  # "1 billion yuan, and two dozen are funded by ...": dozens count things
        compared = _COMPARED_BEFORE.search(text, max(0, later.start - 20), later.start)
        # "9.85 million tonnes (9.27 million)": the base in brackets, in the figure's unit
        bracketed = _BASE_BRACKET.fullmatch(text, earlier.end, later.start) is not None
        if not (compared or bracketed or _both_after_with(text, earlier, later)):
            continue
        # "13.6 trillion yuan, up from 12.9"; not "1.72 lakh riders, up from 96,000"; a base in
        # brackets near the figure's own number: "SEK 8,420 million (8,127)".
        near = bracketed and earlier.number and 0.2 <= later.number / earlier.number <= 5
        scaled_alike = later.scale is None and (later.number < 1000 or bool(near))
        if scaled_alike and earlier.scale and earlier.unit not in _UNSCALED:
            later.scale = earlier.scale
        later.unit, later.counted = earlier.unit, earlier.counted


_UNSCALED = frozenset({"percent", "percentage_point"})
_BASE_BRACKET = re.compile(r"\s*\((?:[^()]{1,20}:\s*)?")
_WITH_BEFORE = re.compile(r"(?i:\bwith\s+)$")


def _both_after_with(text: str, earlier: _Reading, later: _Reading) -> bool:
    """ "led with 9,800 jobs, followed by trade with 7,400": a list in parallel, each figure
    after "with", the later ones with the first one's noun or unit left out."""
    return bool(
        _WITH_BEFORE.search(text, max(0, earlier.start - 6), earlier.start)
        and _WITH_BEFORE.search(text, max(0, later.start - 6), later.start)
    )


# "at least 60 of the city's roughly 120 inns", "42 of the 50 states": a part of a counted whole.
_PART_OF_GAP = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[\w.-]+['\u2019]s\s+)?$")


def _resolve_price_origins(text: str, readings: list[_Reading]) -> None:
    """The figure a price or another figure per unit moved from is in its unit, and a price's is
    what it is, a quote or a figure: "fell to Rs 2,100 per quintal last week from Rs 3,400 a year
    ago", "1.3 tonnes per hectare, from 1.1 tonnes a year earlier"."""
    for price, origin in itertools.pairwise(readings):
        per_unit = "_per_" in (price.unit or "") or price.quoted_price
        if not per_unit or origin.unit is None or not (price.unit or "").startswith(origin.unit):
            continue
        if _PRICE_ORIGIN_GAP.fullmatch(text, price.end, origin.start):
            origin.unit = price.unit
            origin.quoted_price = price.quoted_price


def _resolve_parts(text: str, readings: list[_Reading]) -> None:
    """A bare whole number that is part of a counted whole named right after it counts the same
    things: "at least 60 of the city's roughly 120 inns"."""
    for part, whole in itertools.pairwise(readings):
        bare = not (part.unit or part.scale or part.counted) and part.number.is_integer()
        counted_whole = whole.counted and whole.unit is None and part.number < whole.number
        if bare and counted_whole and _PART_OF_GAP.fullmatch(text, part.end, whole.start):
            part.counted = whole.counted


def _resolve_count_levels(text: str, readings: list[_Reading]) -> None:
    """ "increased by 41,200, or 0.7%, to 5,652,300": after a change of a count, a bare number
    after "to" is the count's new level."""
    changed = False
    for reading in readings:
        if changed and _bare_whole_number(text, reading) and not reading.count_change:
            # (a second change, "while the number of unemployed rose by 52,000", stays one)
            reading.count_change = bool(_TO_BEFORE.search(text, reading.start - 4, reading.start))
        changed = changed or reading.count_change or _counted_change(text, reading)


def _counted_change(text: str, reading: _Reading) -> bool:
    """Whether a count of a named thing is a change by it: "fell by 6,400 jobs over the month
    to 5,612,300"."""
    if reading.counted is None or reading.unit is not None:
        return False
    change = _CHANGE_BY_BEFORE.search(text, max(0, reading.start - 30), reading.start)
    return change is not None and change["verb"].lower() in cues.CHANGE_BY_VERBS


def _both_bounds(text: str, low: _Reading, high: _Reading) -> bool:
    """The same unit on both ends of a range: "grow 2.5 percent to 3 percent", "between $4.3
    billion and $4.5 billion", "ranging from 3% to 5%"."""
    # "around 4.3% to 4.5%": a bound on the low end is the range's
    if low.unit is None or low.unit != high.unit or low.comparator not in ("eq", "approx"):
        return False
    gap = text[low.end : high.start]
    if not _RANGE_GAP.match(gap) or not low.number < high.number:
        return False
    before = _words_before(text, low.start, 2)
    if "and" in gap:
        return before[-1:] == ["between"]
    if _changed_then_level(before, low, high):
        return False
    if before[-1:] == ["by"] and low.unit == "percent":
        # "is expected to grow by 0.1% to 0.4%": a forecast's range, not a change and a level
        return _forecast_before(text, low.start)
    # "rose by 8,000 yuan to 21,000 yuan" is a change and a level, not a range ("from
    # 370,000-390,000 tonnes previously" is a range all the same).
    return (
        before[-1:] not in (["from"], ["between"], ["by"])
        or _ranging_from(before)
        or (before[-1:] == ["from"] and _DASH_GAP.fullmatch(gap) is not None)
    )


def _changed_then_level(before: list[str], low: _Reading, high: _Reading) -> bool:
    """Whether "rose $1.20 to $85.50" is a change and the level it led to: a verb of a change
    that has happened, and a level more than twice the change ("is expected to grow 2.5
    percent to 3 percent" is a range)."""
    verbs = before[:-1] if before[-1:] == ["by"] else before
    return bool(verbs) and verbs[-1] in _CHANGED and high.number > 2 * low.number


# Verbs of a change that has happened ("rose", "fell", "up"): not "grow" or "rise", which a
# forecast's range follows.
_CHANGED = frozenset(word for word in cues.CHANGE_BY_VERBS if word.endswith("ed")) | frozenset(
    "rose fell grew shrank slid sank lost cut shed up down".split()
)


def _forecast_before(text: str, start: int) -> bool:
    """Whether the words just before `start` look ahead ("is expected to grow by")."""
    words = text[max(0, start - 50) : start].lower().split()
    return not _FORECAST_WORDS.isdisjoint(words)


_FORECAST_WORDS = cues.FORECAST_WORDS | frozenset(
    "projects could would may might sees seen estimates".split()
)


def _finish(reading: _Reading) -> Quantity | None:
    """The Quantity a reading states, in base units; None for a bare number such as a year."""
    if reading.unit in _UNSCALED:
        value, unit = reading.number, str(reading.unit)
    elif reading.unit is not None:
        value, unit = _scaled(reading), reading.unit
    elif (
        reading.scale is not None
        or reading.counted is not None
        or reading.count_change
        or reading.dozens
        or reading.bounded
    ):
        value, unit = _scaled(reading), "count"
    else:
        return None
    return Quantity(
        reading.start, reading.end, reading.number_start, reading.number_end,
        value, unit, reading.comparator, counted=reading.counted,
        ignored=_ignored_reason(reading),
    )  # fmt: skip


def _ignored_reason(reading: _Reading) -> IgnoredReason | None:
    """Why a quantity read as written states no fact, if it states none."""
    if reading.framing:
        return "framing_count"
    return "quoted_price" if reading.quoted_price else None


def _scaled(reading: _Reading) -> float:
    """The number times its scale, in decimal, so that 2.03 trillion is 2030000000000, not
    2029999999999.9998; a number with no scale is itself (no decimal needed)."""
    if not reading.scale:
        return reading.number
    return float(Decimal(repr(reading.number)) * Decimal(repr(reading.scale)))


def _link_conversions(text: str, found: list[Quantity], first_index: int) -> list[Quantity]:
    """Mark "450 billion yuan ($62.6 billion)" as the dollars converting the yuan, and "€1,912
    per square metre (roughly $2,160)" as dollars per square metre converting the euros."""
    linked = list(found)
    for index in range(1, len(linked)):
        amount, other = linked[index - 1], linked[index]
        currency, per, per_unit = amount.unit.partition("_per_")
        if currency not in cues.CURRENCIES or other.unit not in cues.CURRENCIES:
            continue
        if currency == other.unit or amount.conversion_of is not None:
            continue
        if _CONVERSION_GAP.match(text[amount.end : other.start]):
            # "a net loss of A$455 million (US$296 million)": the conversion is lost too.
            value = math.copysign(other.value, amount.value)
            linked[index] = replace(
                other,
                value=value,
                unit=other.unit + per + per_unit,
                conversion_of=first_index + index - 1,
                ignored=amount.ignored,  # a quote's conversion is a quote
            )
    return linked


_YEN_SIGNS = tuple(sign for sign, code in cues.CURRENCY_BEFORE.items() if sign in "¥￥")


def yen_article(text: str, words: list[str]) -> bool:
    """Whether the "¥" of `text` (whose words, in lower case, are `words`) is the yen: it
    speaks of Japan more than of China."""
    if not any(sign in text for sign in _YEN_SIGNS):
        return False
    counts = Counter(words)
    return sum(counts[w] for w in cues.YEN_CUES) > sum(counts[w] for w in cues.YUAN_CUES)


def local_dollar(text: str, words: list[str]) -> str | None:
    """The currency a bare "$" of `text` (whose words, in lower case, are `words`) means when
    it writes no sign of the local dollar
    ("A$") and speaks of a country with a dollar of its own more than of the United States (as
    Winnipeg's or Darwin's paper writes its dollars: "$794 million"); else None. An article that
    writes no "US$" names that country at least twice."""
    if "$" not in text:
        return None
    counts = Counter(words)
    # (Searched only where the text says "dollars": a search of a whole text is slow.)
    stated = _DOLLARS_STATED.search(text) if counts["dollars"] else None
    if stated is not None:  # "All amounts are in Canadian dollars unless otherwise stated."
        return _STATED_DOLLARS[" ".join(stated["country"].lower().split())]
    us = sum(counts[w] for w in cues.US_CUES) + text.count("U.S.")
    least = us + (1 if "US$" in text else 2)
    # The country named most: a Queenstown paper writes of Australian visitors too.
    named = {
        currency: sum(counts[w] for w in names)
        + sum(
            text.count(abbreviation)
            for abbreviation in cues.LOCAL_DOLLAR_ABBREVIATIONS.get(currency, ())
        )
        for currency, names in cues.LOCAL_DOLLAR_CUES.items()
        if not any(sign in text for sign in cues.LOCAL_DOLLAR_SIGNS[currency])
    }
    currency = max(named, key=named.__getitem__, default=None)
    return currency if currency is not None and named[currency] >= least else None


# A release that says which dollars its amounts are in.
_STATED_DOLLARS = {"canadian": "CAD", "australian": "AUD", "new zealand": "NZD"}
_DOLLARS_STATED = re.compile(
    r"\b(?:amounts|figures)\s+(?:are\s+)?(?:(?:expressed|stated|reported|presented)\s+)?in\s+"
    r"(?P<country>Canadian|Australian|New\s+Zealand)\s+dollars\b",
    re.IGNORECASE,
)


def in_local_dollars(text: str, quantities: list[Quantity], currency: str) -> list[Quantity]:
    """The quantities with a bare "$" before their number read as `currency`."""
    return [
        replace(q, unit=currency)
        if q.unit == "USD" and _BARE_DOLLAR.search(text, q.start, q.number_start)
        else q
        for q in quantities
    ]


_BARE_DOLLAR = re.compile(r"(?<![A-Za-z.])\$")


# For each currency code read from a shared name or sign, the names (after the number) and
# signs (before it) that are meant otherwise in the article, and the code they mean.
Namesakes = dict[str, tuple[tuple[str, ...], tuple[str, ...], str]]
# Shared signs before digits, found in one pass over the text.
# Each sign starts with its first letter, the look-behind for a letter before it after that
# letter: a pattern whose alternatives all start with a letter is searched by skipping quickly
# to one of those letters (a look-ahead or a look-behind first is tried at every position).
_NAMESAKE_SIGN = re.compile(
    r"(?P<sign>{})\s?\d".format(
        "|".join(
            rf"{re.escape(sign[0])}(?<![A-Za-z]{re.escape(sign[0])}){re.escape(sign[1:])}"
            for sign in sorted(cues.NAMESAKE_SIGNS, key=len, reverse=True)
        )
    )
)


def namesake_currencies(text: str, words: list[str]) -> Namesakes:
    """For each currency name or sign of `text` (whose words, in lower case, are `words`)
    several countries share, the code it means there when not the code it reads as ("Sh" in a
    Ugandan article is UGX)."""
    lower = text.lower()
    signed = {match["sign"] for match in _NAMESAKE_SIGN.finditer(text)}
    found: Namesakes = {}
    counts: Counter[str] | None = None
    for usual, (names, countries) in cues.NAMESAKE_CURRENCIES.items():
        signs = tuple(sign for sign in signed if cues.NAMESAKE_SIGNS[sign] == usual)
        if not signs and not any(name in lower for name in names):
            continue
        counts = counts if counts is not None else Counter(words)
        named = {code: sum(counts[w] for w in cues_of) for code, cues_of in countries.items()}
        meant = max(named, key=lambda code: (named[code], code == usual))
        if meant != usual:
            found[usual] = (names, (), meant)
        for sign in signs:  # "Dh" reads as AED though "dirham" reads as MAD
            read_as = cues.CURRENCY_BEFORE[sign]
            if read_as != meant:
                after, before, _ = found.get(read_as, ((), (), meant))
                found[read_as] = (after, (*before, sign), meant)
    return found


def in_namesake_currencies(
    text: str, quantities: list[Quantity], namesakes: Namesakes
) -> list[Quantity]:
    """The quantities whose currency is written by a shared name or sign read as the article's
    country's."""
    changed = []
    for quantity in quantities:
        # a price per unit is in the same currency: "Rs 1,773 per kilogram" in Sri Lanka
        currency, per, per_unit = quantity.unit.partition("_per_")
        names, signs, code = namesakes.get(currency, ((), (), ""))
        written = text[quantity.number_end : quantity.end].lower()
        before = text[quantity.start : quantity.number_start].rstrip()
        if code and (
            any(name in written for name in names)
            or _signed_with(before, signs)
            or _currency_unwritten(text, quantity)
        ):
            quantity = replace(quantity, unit=code + per + per_unit)
        changed.append(quantity)
    return changed


def _currency_unwritten(text: str, quantity: Quantity) -> bool:
    """Whether no currency is written with the amount, which took it from the figure it is
    compared with ("18.7 billion FCFA, up 12% from 16.7 billion")."""
    after = text[quantity.number_end : quantity.end].split()
    return _currency_before(text, quantity.start, quantity.number_start) is None and all(
        cues.fold(word) in _SCALES for word in after
    )


def _signed_with(before: str, signs: tuple[str, ...]) -> bool:
    """Whether `before` ends with one of `signs` as a word of its own ("about Sh", not "KSh")."""
    return any(before.endswith(sign) and not before[: -len(sign)][-1:].isalpha() for sign in signs)


def in_yen(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """The quantities with "¥" before their number read as yen."""
    return [
        replace(q, unit="JPY")
        if q.unit == "CNY" and any(sign in text[q.start : q.number_start] for sign in _YEN_SIGNS)
        else q
        for q in quantities
    ]
