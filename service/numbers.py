"""Numbers in prose and the values they state: the rules the seed checks, the write path
(an observation's `as_reported` must state its value) and the coverage test share."""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.extraction.numerals import (
    BELOW_100,
    ORDINAL_WORD,
    SCALES,
    TOKEN,
    UNIT_WORD,
    parse_numeral,
    parse_words,
)

# Looser than the extractor's numeral on purpose: every digit run is a number to explain.
_NUMERAL = r"\d+(?:[.,]\d+)*"
# English compounds only: "twenty-one", "five hundred", "one hundred and forty"; "five and ten"
# or "two three-year" are two numbers, not one.
_CARDINAL_PHRASE = rf"(?:{UNIT_WORD}\s+hundred(?:\s+(?:and\s+)?{BELOW_100}\b)?|{BELOW_100}|hundred)"
_QUANTITY = re.compile(
    rf"(?P<number>{_NUMERAL}|\b(?:{ORDINAL_WORD}|{_CARDINAL_PHRASE})\b)"
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
    return [NumberToken(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]


def stated_values(text: str) -> set[float]:
    """The values `text` states, scale words multiplied out: "13 billion RMB" -> {13e9}."""
    values: set[float] = set()
    for match in _QUANTITY.finditer(text):
        number = match.group("number")
        value = parse_numeral(number) if number[0].isdigit() else parse_words(number)
        if value is None:
            continue
        scale = match.group("scale")
        values.add(value * SCALES[scale.lower()] if scale else value)
    return values
