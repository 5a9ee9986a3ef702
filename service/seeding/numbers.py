"""Finding numbers in prose: what the seed checks and the coverage test both rely on."""

from __future__ import annotations

import re
from dataclasses import dataclass

CARDINALS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20,
}  # fmt: skip
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

_WORDS = {**CARDINALS, **ORDINALS}
_NUMERAL = r"\d+(?:[.,]\d+)*"
_CARDINAL = rf"(?:{'|'.join(sorted(CARDINALS, key=len, reverse=True))})"
_ORDINAL = rf"(?:{'|'.join(sorted(ORDINALS, key=len, reverse=True))})"
_UNIT = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_TEEN = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_BELOW_100 = rf"(?:{_TENS}(?:[-\s]{_UNIT}\b)?|{_TEEN}|{_UNIT}|zero)"
# English compounds only: "twenty-one", "five hundred", "one hundred and forty"; "five and ten"
# or "two three-year" are two numbers, not one.
_CARDINAL_PHRASE = rf"(?:{_UNIT}\s+hundred(?:\s+(?:and\s+)?{_BELOW_100}\b)?|{_BELOW_100}|hundred)"
_TOKEN = re.compile(
    rf"{_NUMERAL}|\b(?:{_CARDINAL}|{_ORDINAL}|{'|'.join(SCALES)})\b",
    re.IGNORECASE,
)
_QUANTITY = re.compile(
    rf"(?P<number>{_NUMERAL}|\b(?:{_ORDINAL}|{_CARDINAL_PHRASE})\b)"
    rf"(?:\s+(?P<scale>{'|'.join(SCALES)})\b)?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class NumberToken:
    """A number as written in a text, with its code point span."""

    text: str
    start: int
    end: int


def number_tokens(text: str) -> list[NumberToken]:
    """Every numeral and number word in `text` ("2024", "22.22", "five", "third", "billion")."""
    return [NumberToken(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def stated_values(text: str) -> set[float]:
    """The values `text` states, scale words multiplied out: "13 billion RMB" -> {13e9}."""
    values: set[float] = set()
    for match in _QUANTITY.finditer(text):
        number = match.group("number")
        value = _parse_numeral(number) if number[0].isdigit() else _parse_words(number)
        if value is None:
            continue
        scale = match.group("scale")
        values.add(value * SCALES[scale.lower()] if scale else value)
    return values


def _parse_words(phrase: str) -> float:
    """ "twenty-one" -> 21, "five hundred" -> 500, "third" -> 3."""
    words = [w for w in re.split(r"[-\s]+", phrase.lower()) if w != "and"]
    if len(words) == 1 and words[0] in ORDINALS:
        return float(ORDINALS[words[0]])
    value = 0
    for word in words:
        if word == "hundred":
            value = (value or 1) * 100
        else:
            value += CARDINALS[word]
    return float(value)


def _parse_numeral(numeral: str) -> float | None:
    """Commas group thousands ("1,200"); a single dot is a decimal point ("22.22")."""
    plain = numeral.replace(",", "")
    try:
        return float(plain)
    except ValueError:
        return None
