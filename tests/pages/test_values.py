"""Values as a person reads them, and exactly as stored."""

from __future__ import annotations

import pytest

from service.pages.values import normalised, number, ordinal, readable, scaled


@pytest.mark.parametrize(
    ("value", "unit", "comparator", "counted", "expected"),
    [
        (140, "count", "gt", "countries and regions", "more than 140 countries and regions"),
        (450_000_000_000, "CNY", "eq", "", "450 billion yuan"),
        (13_000_000_000, "CNY", "eq", "", "13 billion yuan"),
        (62.6, "USD_billion", "eq", "", "US$62.6 billion"),
        (8, "percent", "eq", "", "8%"),
        (40, "percent", "gt", "", "more than 40%"),
        (0.5, "percent", "eq", "", "0.5%"),
        (3, "rank", "eq", "", "ranked 3rd"),
        (12, "rank", "eq", "", "ranked 12th"),
        (500, "rank", "lte", "", "in the top 500"),
        (110, "kV", "eq", "", "110 kV"),
        (27, "count", "approx", "firms", "about 27 firms"),
        (1_500_000, "count", "gte", "", "at least 1.5 million"),
    ],
)
def test_readable(value: float, unit: str, comparator: str, counted: str, expected: str) -> None:
    assert readable(value, unit, comparator, counted) == expected


def test_normalised_keeps_the_exact_value_and_bound() -> None:
    assert normalised(450_000_000_000, "CNY", "eq") == "450,000,000,000 CNY"
    assert normalised(140, "count", "gt") == "> 140 count"
    assert normalised(0.125, "percent", "lte") == "≤ 0.125 percent"


def test_numbers() -> None:
    assert number(1234.5) == "1,234.5"
    assert number(2.0) == "2"
    assert scaled(999_999) == "999,999"
    assert scaled(2_500_000_000_000) == "2.5 trillion"
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 13, 21, 22, 101)] == [
        "1st", "2nd", "3rd", "4th", "11th", "13th", "21st", "22nd", "101st"
    ]  # fmt: skip
