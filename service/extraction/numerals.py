"""Number words and numerals: the values English prose writes in words or digits.

The one home of these rules: `service.numbers` (the seed, the write path) and the extractor
read them.
"""

from __future__ import annotations

import re
from typing import Final

CARDINALS: Final = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}  # fmt: skip
ORDINALS: Final = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "hundredth": 100,
}  # fmt: skip
SCALES: Final = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Scale words that only follow a number: abbreviations and the Chinese myriad units.
SCALE_ABBREVIATIONS: Final = {
    "bn": 1e9, "mn": 1e6, "mln": 1e6, "tn": 1e12, "trn": 1e12,
    "万": 1e4, "亿": 1e8, "万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "千万": 1e7, "百万": 1e6,
}  # fmt: skip
# Counting words: "a dozen" is 12, "two dozen" 24, "a score" is left alone (rare, ambiguous).
MULTIPLIERS: Final = {"dozen": 12, "hundred": 100}
# Denominators written as words: "one-twentieth", "a third", "two-thirds", "a quarter".
FRACTIONS: Final = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8,
    "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10, "twentieth": 20,
    "hundredth": 100,
}  # fmt: skip

UNIT_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_TEEN = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
BELOW_100 = rf"(?:{_TENS}(?:[-\s]{UNIT_WORD}\b)?|{_TEEN}|{UNIT_WORD}|zero)"
# English compounds only: "twenty-one", "five hundred", "one hundred and forty"; "five and ten"
# or "two three-year" are two numbers, not one.
CARDINAL_PHRASE = (
    rf"(?:(?:{UNIT_WORD}|a)\s+hundred(?:\s+(?:and\s+)?{BELOW_100}\b)?|{BELOW_100}|hundred)"
)
ORDINAL_WORD = rf"(?:{'|'.join(sorted(ORDINALS, key=len, reverse=True))})"
CARDINAL_WORD = rf"(?:{'|'.join(sorted(CARDINALS, key=len, reverse=True))})"
# Every digit run and number word a reader would call a number, for coverage and for the
# ignored list: looser than NUMERAL, so "2024-04-01" gives three tokens to explain.
TOKEN: Final = re.compile(
    rf"\d+(?:[.,]\d+)*|\b(?:{CARDINAL_WORD}|{ORDINAL_WORD}|{'|'.join(SCALES)})\b",
    re.IGNORECASE,
)
# Digits: "1,200", "22.22", "3.5"; a comma that does not group three digits ends the number.
# Thousands grouped by commas, or in the Indian way, lakhs and crores by two ("3,20,000").
NUMERAL = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?|\d+(?:\.\d+)?"


# No amount in the news needs more digits than this; a longer run is a code or an identifier.
_MAX_DIGITS: Final = 18


def parse_numeral(numeral: str) -> float | None:
    """Commas group thousands ("1,200"); a single dot is a decimal point ("22.22")."""
    digits = numeral.replace(",", "")
    if len(digits) > _MAX_DIGITS:
        return None  # an identifier, not an amount
    try:
        return float(digits)
    except ValueError:
        return None


# Compiled once: re.split with a string looks the pattern up in re's cache at every call.
_WORD_BREAK: Final = re.compile(r"[-\s]+")


def parse_words(phrase: str) -> float:
    """ "twenty-one" -> 21, "five hundred" -> 500, "a hundred" -> 100, "third" -> 3."""
    words = [w for w in _WORD_BREAK.split(phrase.lower()) if w not in ("and", "")]
    if len(words) == 1 and words[0] in ORDINALS:
        return float(ORDINALS[words[0]])
    value = 0
    for word in words:
        if word == "hundred":
            value = (value or 1) * 100
        elif word != "a":
            value += CARDINALS[word]
    return float(value)
