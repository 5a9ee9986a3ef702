"""Counts that frame a statement (the set it is about or ranges over) are no facts; counts a
sentence states as its news are."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extraction.conftest import Read


@pytest.mark.parametrize(
    ("text", "framing", "facts"),
    [
        # The set a statement ranges over, after a preposition and a definite determiner.
        ("Across Zoomlion's 31 depots, rentals rose 4% in 2024.", "31", ["4%"]),
        ("Changsha grew fastest among the province's 14 cities, at 6.1% in 2024.", "14",
         ["6.1%"]),
        ("Hunan lifted the cap on land sales in all 122 counties in 2024.", "122", []),
        ("Output fell 2% in 2024 at Zoomlion's nine plants.", "nine", ["2%"]),
        ("Wages rose 3% in 2024 within Zoomlion's nine plants.", "nine", ["3%"]),
        ("Of Hunan's 14 cities, Changsha grew fastest in 2024.", "14", []),
        ("All 122 counties of Hunan lifted the cap in 2024.", "122", []),
        # "one of" a count, and a part of a counted whole.
        ("Changsha, one of six pilot zones set up in 2023, drew 3 billion yuan in 2024.", "six",
         ["3 billion yuan"]),
        ("At least 40 of Hunan's roughly 300 smelters shut in 2024.", "300", ["At least 40"]),
        # A possessive's count as the clause's subject.
        ("Zoomlion's 12 factories employ about 25,000 people.", "12", ["about 25,000 people"]),
        # The units a territory is divided into.
        ("Hunan administers 14 prefecture-level cities.", "14", []),
        ("Hunan comprises 14 cities and counties.", "14", []),
        ("Changsha's municipal corporation has 64 wards and a call centre.", "64", []),
        ("Hunan ranks by the census's county tier, which covers 122 counties.", "122", []),
        ("Hunan ranked 7th in GDP among China's 31 provinces in 2024.", "31", ["ranked 7th"]),
    ],
)  # fmt: skip
def test_a_count_framing_a_statement_is_no_fact(
    read: Read, text: str, framing: str, facts: list[str]
) -> None:
    result = read(text, dt.date(2025, 3, 1))
    ignored = {item.text: item.reason for item in result.ignored}
    assert ignored.get(framing) == "framing_count", ignored
    assert [f.as_reported for f in result.facts] == facts


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        # The count is what the sentence tells: it is news.
        ("Zoomlion opened 12 new factories in Hunan in 2024.", "12 new factories"),
        ("Hunan now hosts 14 national development zones.", "14 national development zones"),
        ("Hunan had 3,200 hotels across 540 towns in 2024.", "540 towns"),
        ("Changsha's factories employ 25,000 people.", "25,000 people"),
        # A possessive's count of a period's flow is news; "up from the" compares.
        ("Zoomlion's 41,000 crane deliveries in 2024 beat forecasts.", "41,000 crane deliveries"),
        (
            "Hunan employed 1,450 miners in 2024, up from the 1,200 miners a year earlier.",
            "1,200 miners",
        ),
    ],
)
def test_a_count_stated_as_news_stays_a_fact(read: Read, text: str, reported: str) -> None:
    result = read(text, dt.date(2025, 3, 1))
    assert reported in [f.as_reported for f in result.facts]


def test_quarters_in_a_period_are_no_framing_count(read: Read) -> None:
    result = read(
        "Hunan's output reached 3 trillion yuan in the three quarters.", dt.date(2025, 11, 1)
    )
    assert [f.as_reported for f in result.facts] == ["3 trillion yuan"]
    assert "framing_count" not in [item.reason for item in result.ignored]


@pytest.mark.parametrize(
    "text",
    [
        "Several makers announced cuts. One of them is Zoomlion, which will cut 380 jobs.",
        "One major carrier reshuffles its routes at Zoomlion's Changsha depot, cutting 380 jobs.",
    ],
)
def test_one_written_as_a_pronoun_or_an_article_is_no_count(read: Read, text: str) -> None:
    assert [f.as_reported for f in read(text, dt.date(2025, 8, 15)).facts] == ["380 jobs"]
