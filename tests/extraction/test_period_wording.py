"""Periods as news words them around the figure: nouns that only look like forecasts, seasons."""

from __future__ import annotations

import datetime as dt

import pytest

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


def test_a_season_named_with_what_is_harvested_or_crushed_is_a_season(read: Read) -> None:
    text = (
        "Hunan produced 6.9 million tonnes of sugar in the 2023/24 crushing season, which "
        "ended in late April. Its mills crushed 51.6 million tonnes of cane."
    )
    labels = [f.period_label for f in read(text, dt.date(2024, 5, 12)).facts]
    assert labels == ["2023-2024 season", "2023-2024 season"]


def test_a_span_of_years_without_a_harvest_is_no_season(read: Read) -> None:
    fact = only_fact(read("Hunan will spend 9 billion yuan over 2025-26.", dt.date(2024, 4, 1)))
    assert fact.period_label == "2025-2026"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Hunan's debt stood at 9.8 billion yuan as of June 30, 2023.", "2023-06"),
        ("Hunan's debt is projected at 9.8 billion yuan by March 31, 2025.", "2025-03"),
    ],
)
def test_a_balance_on_a_day_is_of_that_month(read: Read, text: str, label: str) -> None:
    assert only_fact(read(text, dt.date(2024, 4, 1))).period_label == label


BUDGET = (
    "Hunan, whose fiscal year runs from April to March, presented a budget for 2026-27 with "
    "spending of 4.7 billion yuan, up from the "
    "revised estimate of 4.3 billion yuan for the current year. The deficit will narrow to "
    "0.9 billion yuan from 1.2 billion yuan in the revised estimates."
)


def test_a_budgets_revised_estimates_are_of_the_year_under_way(read: Read) -> None:
    result = read(BUDGET, dt.date(2026, 3, 14))
    labels = {f.as_reported: f.period_label for f in result.facts}
    assert labels["4.3 billion yuan"] == "FY2025-26"
    assert labels["1.2 billion yuan"] == "FY2025-26"
    assert labels["0.9 billion yuan"] == "FY2026-27"


def test_a_month_compared_with_does_not_date_the_change(read: Read) -> None:
    text = "Hunan's payrolls reached 2.1 million in May, a rise of 3% from May 2023."
    result = read(text, dt.date(2024, 6, 20))
    labels = {f.as_reported: f.period_label for f in result.facts}
    assert labels == {"2.1 million": "2024-05", "3%": "2024-05"}


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Zoomlion will invest 45 billion yuan over the three years through March 2027.",
         ("2024-04-01", "2027-03-31")),
        ("Zoomlion earned 9 billion yuan in the two years to December 2023.",
         ("2022-01-01", "2023-12-31")),
    ],
)  # fmt: skip
def test_years_ending_with_a_month(read: Read, text: str, span: tuple[str, str]) -> None:
    fact = only_fact(read(text, dt.date(2024, 5, 13)))
    assert (str(fact.period_start), str(fact.period_end)) == span


def test_days_of_a_holiday_are_of_their_month(read: Read) -> None:
    text = "Changsha drew 3.2 million visitors during the May 1-5 holiday."
    assert only_fact(read(text, dt.date(2024, 5, 8))).period_label == "2024-05"


def test_a_relative_clause_in_the_present_states_a_stock(read: Read) -> None:
    text = (
        "Hunan's exports rose 8 percent in 2023. "
        "Zoomlion, which runs 12 plants in Hunan, said orders held up."
    )
    labels = {f.as_reported: f.period_label for f in read(text, dt.date(2024, 4, 1)).facts}
    assert labels == {"8 percent": "2023", "12 plants": None}


def test_a_participle_dates_the_figure_before_it(read: Read) -> None:
    text = "Hunan earned 9 billion yuan in 2024, more than the 8 billion yuan earned in 2023."
    labels = {f.as_reported: f.period_label for f in read(text, dt.date(2025, 3, 1)).facts}
    assert labels == {"9 billion yuan": "2024", "8 billion yuan": "2023"}


@pytest.mark.parametrize(
    ("text", "base"),
    [
        ("Hunan's ratio rose to 12 percent at the end of June from 11 percent three months "
         "earlier.", "2024-03"),
        ("Zoomlion's bonus rose to 9 billion yuan in 2023, up from 8 billion yuan the year before.",
         "2022"),
    ],
)  # fmt: skip
def test_a_base_some_months_or_a_year_before(read: Read, text: str, base: str) -> None:
    facts = read(text, dt.date(2024, 8, 1)).facts
    assert facts[-1].period_label == base


def test_a_headline_that_passes_a_level_takes_the_articles_period(read: Read) -> None:
    text = "Hunan wind fleet passes 30 GW\n\nHunan's wind capacity rose 12 percent in May."
    labels = {f.as_reported: f.period_label for f in read(text, dt.date(2024, 6, 10)).facts}
    assert labels == {"passes 30 GW": "2024-05", "12 percent": "2024-05"}


def test_a_month_of_an_event_done_is_past_in_a_forecast(read: Read) -> None:
    text = "Hunan's deals signed at the investment fair in January, worth 9 billion yuan, are "
    text += "expected to create 20,000 jobs."
    labels = {f.as_reported: f.period_label for f in read(text, dt.date(2024, 3, 14)).facts}
    assert labels["9 billion yuan"] == "2024-01"


def test_a_base_compared_with_keeps_its_year_to_itself(read: Read) -> None:
    text = (
        "Zoomlion built 83,400 cranes in Changsha in January-June, compared with 91,200 cranes "
        "and 8,040 pumps in the first half of 2024."
    )
    periods = {f.as_reported: f.period_label for f in read(text, dt.date(2025, 9, 15)).facts}
    assert periods["83,400 cranes"] == "2025 Jan-Jun"
    assert periods["91,200 cranes"] == "2024 H1"


def test_a_base_years_earlier_is_of_that_year(read: Read) -> None:
    text = "Hunan accounted for 11.4% of China's output in 2024, up from 10.6% five years earlier."
    periods = {f.as_reported: f.period_label for f in read(text, dt.date(2025, 6, 1)).facts}
    assert periods == {"11.4%": "2024", "10.6%": "2019"}


def test_a_forecast_in_a_fiscal_year_under_way_is_of_that_year(read: Read) -> None:
    text = (
        "Hunan now expects a deficit of 182.4 million yuan for the 2025 fiscal year. "
        "Land revenue is forecast at 1.41 billion yuan."
    )
    periods = {f.as_reported: f.period_label for f in read(text, dt.date(2025, 8, 28)).facts}
    assert periods["1.41 billion yuan"] == periods["182.4 million yuan"] == "2025"


def test_a_budget_headlines_target_is_of_the_budget_year(read: Read) -> None:
    text = (
        "Hunan budget targets deficit of 3.4%\n\n"
        "CHANGSHA, Feb 7 -- Hunan on Friday presented a budget for 2027 with spending of 900 "
        "billion yuan."
    )
    periods = [(f.as_reported, f.period_label) for f in read(text, dt.date(2026, 2, 7)).facts]
    assert periods == [("3.4%", "2027"), ("900 billion yuan", "2027")]


def test_through_a_month_is_the_year_to_that_month(read: Read) -> None:
    text = "Hunan sold some 38,600 cars through September, against 17,900 cars a year earlier."
    periods = [(f.as_reported, f.period_label) for f in read(text, dt.date(2026, 10, 6)).facts]
    assert periods == [("some 38,600 cars", "2026 Jan-Sep"), ("17,900 cars", "2025 Jan-Sep")]


def test_that_after_a_preposition_is_a_determiner_not_a_clause(read: Read) -> None:
    text = "Hunan has spent more than 5.5 billion yuan on that project since 2015."
    fact = only_fact(read(text, dt.date(2024, 11, 5)))
    assert fact.period_label == "since 2015"


def test_a_passive_verb_binds_the_figure_to_the_period_after_it(read: Read) -> None:
    text = "In Hunan, 6,914 dwellings were completed in the first nine months of 2024."
    fact = only_fact(read(text, dt.date(2024, 11, 5)))
    assert fact.period_label == "2024 Jan-Sep"


def test_a_change_on_a_base_period_is_of_the_sentence_s_own_period(read: Read) -> None:
    text = (
        "Between January and September, Changsha's builders started 19,870 homes, up 9% from "
        "the first nine months of 2024."
    )
    labels = [f.period_label for f in read(text, dt.date(2025, 10, 15)).facts]
    assert labels == ["2025 Jan-Sep", "2025 Jan-Sep"]


def test_a_change_yet_to_come_starts_from_its_period(read: Read) -> None:
    text = "Zoomlion's expansion is expected to lift its output by as much as 40% from 2027."
    assert [f.period_label for f in read(text, dt.date(2025, 10, 15)).facts] == ["2027"]


def test_a_base_half_year_leaves_the_sentence_s_half_its_own_year(read: Read) -> None:
    text = (
        "In the first half of the year, wages in Hunan averaged 8,205 yuan, 9.1% more on H1 2024."
    )
    assert read(text, dt.date(2025, 8, 25)).facts[0].period_label == "2025 H1"
