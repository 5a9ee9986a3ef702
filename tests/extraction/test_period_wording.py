"""Periods as news words them around the figure: nouns that only look like forecasts, seasons."""

from __future__ import annotations

import datetime as dt

from tests.extraction.conftest import Read, only_fact


def test_projects_as_a_noun_does_not_look_ahead(read: Read) -> None:
    text = "Hunan's wind capacity reached 9 GW in October, as builders raced to finish projects."
    fact = only_fact(read(text, dt.date(2024, 11, 5)))
    assert fact.period_label == "2024-10"


SEASON_ARTICLE = (
    "Hunan harvested a record 30 million tons of rice in the 2023/24 season. "
    "Planted area this season grew 2% to 4 million hectares. "
    "The previous season's crop was 28 million tons."
)


def test_a_crop_season_is_the_period_its_article_reports_on(read: Read) -> None:
    result = read(SEASON_ARTICLE, dt.date(2024, 4, 1))
    periods = {f.as_reported: (str(f.period_start), str(f.period_end)) for f in result.facts}
    assert periods["30 million tons"] == ("2023-01-01", "2024-12-31")
    assert periods["2%"] == ("2023-01-01", "2024-12-31")
    assert periods["4 million hectares"] == ("2023-01-01", "2024-12-31")
    assert periods["28 million tons"] == ("2022-01-01", "2023-12-31")


def test_a_span_of_years_without_a_harvest_is_no_season(read: Read) -> None:
    fact = only_fact(read("Hunan will spend 9 billion yuan over 2025-26.", dt.date(2024, 4, 1)))
    assert fact.period_label == "2025-2026"
