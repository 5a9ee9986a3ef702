"""More wordings of economic news: units and currencies written out, cuts, bounded bare counts."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extraction.conftest import Read

_PUBLISHED = dt.date(2025, 11, 20)


def _facts(read: Read, text: str) -> list[tuple[str, float, str, str]]:
    result = read(text, _PUBLISHED)
    return [(f.as_reported, round(f.value, 4), f.unit, f.comparator) for f in result.facts]


@pytest.mark.parametrize(
    ("sentence", "fact"),
    [
        ("Hunan mined 1.4 million metric tonnes of bauxite.",
         ("1.4 million metric tonnes", 1.4e6, "t", "eq")),
        ("Changsha's river port moved 310,000 twenty-foot equivalent container units.",
         ("310,000 twenty-foot equivalent container units", 310000, "TEU", "eq")),
        ("Zoomlion's Nairobi unit won a 3.2 billion shilling road contract.",
         ("3.2 billion shilling", 3.2e9, "KES", "eq")),
        ("Zoomlion will open a 900 million dirham crane yard near Casablanca.",
         ("900 million dirham", 9e8, "MAD", "eq")),
    ],
)  # fmt: skip
def test_units_and_currencies_written_out(
    read: Read, sentence: str, fact: tuple[str, float, str, str]
) -> None:
    assert fact in _facts(read, sentence)


def test_dirhams_are_the_emirates_currency_in_an_article_about_the_emirates(read: Read) -> None:
    text = "Zoomlion's Dubai depot in the UAE booked 640 million dirhams of orders."
    assert ("640 million dirhams", 6.4e8, "AED", "eq") in _facts(read, text)


@pytest.mark.parametrize(
    ("sentence", "fact"),
    [
        ("Heavy rain in Hunan cut rapeseed harvests by 4.5 percent.",
         ("4.5 percent", -4.5, "percent", "eq")),
        ("Zoomlion trimmed its steel purchases by 12 percent.",
         ("12 percent", -12, "percent", "eq")),
        ("Zoomlion shut its Changsha foundry, cutting about 380 jobs.",
         ("about 380 jobs", -380, "count", "approx")),
        ("Zoomlion raised its crane prices by 3 percent.", ("3 percent", 3, "percent", "eq")),
    ],
)  # fmt: skip
def test_a_cut_is_negative(read: Read, sentence: str, fact: tuple[str, float, str, str]) -> None:
    assert fact in _facts(read, sentence)


@pytest.mark.parametrize(
    ("sentence", "fact"),
    [
        ("The number of Hunan exporters with customs records topped 9,400.",
         ("topped 9,400", 9400, "count", "gt")),
        ("Employment at Hunan's battery makers topped 7,300 last year.",
         ("topped 7,300", 7300, "count", "gt")),
        ("Firms in Hunan's zones rose to more than 1,900, from about 1,640 a year earlier.",
         ("about 1,640", 1640, "count", "approx")),
        ("Visitors from Korea to Hunan jumped 31 percent to about 150,000.",
         ("about 150,000", 150000, "count", "approx")),
    ],
)  # fmt: skip
def test_a_bare_number_a_bound_states_is_a_count(
    read: Read, sentence: str, fact: tuple[str, float, str, str]
) -> None:
    assert fact in _facts(read, sentence)


def test_a_bounded_duration_is_no_count(read: Read) -> None:
    assert _facts(read, "Changsha has a history of over 3,000 years.") == []
