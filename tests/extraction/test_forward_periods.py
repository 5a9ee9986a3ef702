"""Periods that look ahead, span several years or follow a fiscal calendar."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extraction.conftest import Read, only_fact

PUBLISHED = dt.date(2024, 11, 5)


def label(read: Read, text: str) -> tuple[object, ...]:
    fact = only_fact(read(text, PUBLISHED))
    return str(fact.period_start), str(fact.period_end), fact.period_label


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Zoomlion expects sales to grow 9% a year over the next three years.",
            ("2025-01-01", "2027-12-31", "2025-2027"),
        ),
        (
            "Hunan will put 30 million yuan into training in 2025 and 2026.",
            ("2025-01-01", "2026-12-31", "2025-2026"),
        ),
        (
            "Hunan sees its output rising 4 percent over 2025-26.",
            ("2025-01-01", "2026-12-31", "2025-2026"),
        ),
        (
            "Zoomlion's profit rose 11 percent in FY2023-24.",
            ("2023-04-01", "2024-03-31", "FY2023-24"),
        ),
        (
            "Zoomlion raised its full-year forecast to 52 billion yuan.",
            ("2024-01-01", "2024-12-31", "2024"),
        ),
        (
            "In 2023, Zoomlion's pension fund said its ten-year annualised return was 6.1%.",
            ("2014-01-01", "2023-12-31", "2014-2023"),
        ),
        (
            "Zoomlion's revenue rose 6 percent in the year to June.",
            ("2023-07-01", "2024-06-30", "2023-07/2024-06"),
        ),
        (
            "Hunan produced 41,200 tonnes of tea in the crop year that ended on September 30.",
            ("2023-10-01", "2024-09-30", "2023-10/2024-09"),
        ),
    ],
)
def test_spans_of_several_years_and_fiscal_years(
    read: Read, sentence: str, expected: tuple[str, str, str]
) -> None:
    assert label(read, sentence) == expected


def test_a_forecast_month_without_a_year_is_the_next_one(read: Read) -> None:
    text = "Analysts expect Hunan's jobless rate to reach 5.4 percent in February."
    assert label(read, text) == ("2025-02-01", "2025-02-28", "2025-02")
    text = "Hunan's jobless rate reached 5.4 percent in February."
    assert label(read, text) == ("2024-02-01", "2024-02-29", "2024-02")


def test_a_promise_reported_looks_ahead_as_a_forecast_does(read: Read) -> None:
    text = "Zoomlion said it would add 240 workers in Changsha by February."
    assert label(read, text) == ("2025-02-01", "2025-02-28", "2025-02")


def test_a_forecast_span_far_ahead_is_the_last_one_ended(read: Read) -> None:
    # Written in November: next January is a forecast's, next September hardly ever is.
    text = "Zoomlion expects sales to rise 8% in the third quarter."
    assert label(read, text)[2] == "2024 Q3"


@pytest.mark.parametrize(
    "text",
    [
        "Zoomlion's sales rose 8% in the third quarter, beating forecasts.",
        "Zoomlion's sales rose 8% in the third quarter, more than analysts had expected.",
    ],
)
def test_a_figure_measured_against_forecasts_does_not_look_ahead(read: Read, text: str) -> None:
    assert label(read, text)[2] == "2024 Q3"


def test_a_forecast_named_as_a_noun_does_not_look_ahead(read: Read) -> None:
    text = "Zoomlion posted a 12% rise in third-quarter profit but cut its annual sales forecast."
    assert label(read, text)[2] == "2024 Q3"


def test_a_forecast_quarter_not_yet_ended_is_this_years(read: Read) -> None:
    text = "For the fourth quarter, Zoomlion expects revenue of 14 billion yuan."
    assert label(read, text) == ("2024-10-01", "2024-12-31", "2024 Q4")


def test_a_half_of_a_fiscal_year_named_by_its_months(read: Read) -> None:
    text = "Hunan's exports rose 12 percent in the first half of the fiscal year (April-September)."
    assert label(read, text) == ("2024-04-01", "2024-09-30", "2024 Apr-Sep")


def test_each_level_a_plan_aims_at_is_of_its_one_target_date(read: Read) -> None:
    text = (
        "Hunan aims to raise its GDP to 6 trillion yuan by 2030, to lift R&D spending to "
        "3.2 percent of GDP, and to raise the digital economy's share to 12 percent of GDP."
    )
    facts = read(text, PUBLISHED).facts
    assert [(f.as_reported, f.period_label) for f in facts] == [
        ("6 trillion yuan", "2030"), ("3.2 percent", "2030"), ("12 percent", "2030"),
    ]  # fmt: skip


def test_a_plan_s_target_date_does_not_date_a_clause_after_it(read: Read) -> None:
    text = (
        "Hunan, which aims to become a logistics hub by 2030, saw exports rise to 500 billion "
        "yuan, and imports rose to 300 billion yuan."
    )
    facts = read(text, PUBLISHED).facts
    assert (facts[-1].as_reported, facts[-1].period_label) == ("300 billion yuan", None)


def test_a_budget_s_forecasts_without_a_period_are_of_its_year(read: Read) -> None:
    text = (
        "Hunan plans to spend 118 billion yuan in 2025 under its budget.\n\n"
        "Revenue is projected at 111.8 billion yuan, leaving a deficit of 6.2 billion yuan.\n\n"
        "The province has 2,000 schools."
    )
    facts = read(text, dt.date(2025, 1, 4)).facts
    assert [(f.as_reported, f.period_label) for f in facts] == [
        ("118 billion yuan", "2025"), ("111.8 billion yuan", "2025"),
        ("6.2 billion yuan", "2025"), ("2,000 schools", None),
    ]  # fmt: skip


def test_a_budget_for_the_year_under_way_dates_its_allocations(read: Read) -> None:
    text = (
        "Hunan's budget for 2025 projects spending of 118 billion yuan.\n\n"
        "Development spending has been set at 9 billion yuan, and schools will receive "
        "5.77 billion yuan."
    )
    facts = read(text, dt.date(2025, 1, 4)).facts
    assert [(f.as_reported, f.period_label) for f in facts] == [
        ("118 billion yuan", "2025"), ("9 billion yuan", "2025"), ("5.77 billion yuan", "2025"),
    ]  # fmt: skip


def test_a_budget_s_listed_allocations_are_of_its_year(read: Read) -> None:
    text = (
        "Hunan's government tabled a 15.9 billion yuan spending plan that projects a deficit "
        "of 697 million yuan for the 2025-26 fiscal year.\n\n"
        "Where the money goes\n\n"
        "- Health: 7.4 billion yuan\n- Education: 2.1 billion yuan\n\n"
        "Net debt is projected to reach 22.4 billion yuan by March 31, 2026."
    )
    facts = read(text, dt.date(2025, 2, 19)).facts
    assert [(f.as_reported, f.period_label) for f in facts][2:4] == [
        ("7.4 billion yuan", "FY2025-26"), ("2.1 billion yuan", "FY2025-26"),
    ]  # fmt: skip


def test_a_forecast_is_not_dated_by_a_past_year_its_sentence_compares_with(read: Read) -> None:
    text = (
        "Hunan expects 2.9 million visitors from August to October, which would beat the 2024 "
        "record of 2.7 million."
    )
    first = read(text, dt.date(2025, 9, 3)).facts[0]
    assert (first.as_reported, first.period_label) == ("2.9 million visitors", "2025 Aug-Oct")


@pytest.mark.parametrize(
    "text",
    [
        "Zoomlion's profit would have fallen 12% in the first quarter without the subsidy.",
        "Zoomlion sold 1,200 cranes in January, which it said would help its margins.",
    ],
)
def test_would_after_a_figure_or_before_have_does_not_look_ahead(read: Read, text: str) -> None:
    period = read(text, dt.date(2025, 11, 10)).facts[0].period_label
    assert period in ("2025 Q1", "2025-01")


def test_a_plan_before_a_quarter_keeps_the_year_its_sentence_names(read: Read) -> None:
    text = "In 2026 Zoomlion plans to build 300 cranes in the fourth quarter."
    assert read(text, dt.date(2026, 2, 10)).facts[0].period_label == "2026 Q4"


def test_a_forecast_of_a_report_on_a_recent_year_keeps_that_year(read: Read) -> None:
    text = "Analysts expect Zoomlion's 2024 report to show 9 billion yuan in the fourth quarter."
    assert read(text, dt.date(2025, 4, 10)).facts[0].period_label == "2024 Q4"
