"""The period an article reports on, set once and carried to the figures that name none."""

from __future__ import annotations

import datetime as dt

from tests.extraction.conftest import Read

PUBLISHED = dt.date(2024, 10, 8)


def periods(read: Read, text: str) -> list[tuple[str, str | None]]:
    return [(f.as_reported, f.period_label) for f in read(text, PUBLISHED).facts]


def test_a_base_compared_with_sets_no_period_for_later_figures(read: Read) -> None:
    text = (
        "Changsha's hotels sold 4.1 million room nights, up from 3.2 million in 2019. "
        "Occupancy reached 71 percent."
    )
    assert periods(read, text)[1:] == [("3.2 million", "2019"), ("71 percent", None)]


def test_a_lead_with_a_past_verb_names_the_period_of_the_figures_after(read: Read) -> None:
    text = (
        "Hunan attracted a record number of investors in 2023, the commerce office said. "
        "Contracts signed rose 12 percent."
    )
    assert periods(read, text) == [("12 percent", "2023")]


def test_a_holiday_dates_its_figures_by_the_month_it_falls_in(read: Read) -> None:
    text = (
        "Changsha received 6.1 million visits during the Golden Week holiday, up 5 percent "
        "from last year's Golden Week. Spending rose 7 percent over the holiday."
    )
    assert periods(read, text) == [
        ("6.1 million visits", "2024-10"), ("5 percent", "2024-10"), ("7 percent", "2024-10"),
    ]  # fmt: skip


def test_the_lunar_new_year_falls_in_its_year_s_month(read: Read) -> None:
    text = "Hunan's retail sales rose 9 percent over the 2023 Lunar New Year holiday."
    assert periods(read, text) == [("9 percent", "2023-01")]


def test_a_when_clause_is_of_the_period_it_follows(read: Read) -> None:
    text = "Hunan's output rose 6 percent from 2022, when it had fallen to 3.1 million tonnes."
    assert periods(read, text)[-1] == ("3.1 million tonnes", "2022")


def test_the_same_period_of_an_earlier_year_is_the_reporting_period_then(read: Read) -> None:
    text = (
        "Hunan's exports rose 7 percent in the first eight months. Machinery made up 31 "
        "percent of them, up from 28 percent in the same period of 2022."
    )
    assert periods(read, text)[-1] == ("28 percent", "2022 Jan-Aug")


def test_may_with_a_capital_is_the_month(read: Read) -> None:
    text = "Hunan's unpaid bills stood at 2.1 billion yuan at the end of May, and they may grow."
    assert periods(read, text) == [("2.1 billion yuan", "2024-05")]


def test_a_figure_s_own_verb_reports_it(read: Read) -> None:
    text = "Hunan's exports rose 6 percent in 2023. For the first time, sales topped 900 units."
    assert periods(read, text)[-1] == ("topped 900 units", "2023")


def test_a_share_something_now_makes_up_is_a_stock(read: Read) -> None:
    text = (
        "Hunan's services grew 5 percent in 2023 and now make up 52 percent of its economy, "
        "while Zoomlion is among China's top 10 machinery makers."
    )
    assert periods(read, text)[1:] == [
        ("52 percent", None), ("among China's top 10 machinery makers", None),
    ]  # fmt: skip


def test_a_season_is_its_three_months(read: Read) -> None:
    text = (
        "Changsha's hotels hired 3,000 seasonal staff last summer, and 1,200 in the winter of "
        "2022, as room rates fall."
    )
    assert periods(read, text) == [
        ("3,000 seasonal staff", "2024 Jun-Aug"), ("1,200", "2022-12/2023-02"),
    ]  # fmt: skip


def test_a_share_of_this_year_s_target_is_of_the_reporting_period(read: Read) -> None:
    text = (
        "Hunan's revenue rose 4 percent in the first half. Tax receipts reached 61 percent of "
        "this year's target."
    )
    assert periods(read, text)[-1] == ("61 percent", "2024 H1")


def test_a_target_s_year_is_not_its_starting_level_s(read: Read) -> None:
    text = "Hunan plans to lift the share of processed fruit from 30 percent to 45 percent by 2027."
    assert periods(read, text) == [("30 percent", None), ("45 percent", "2027")]


def test_the_year_s_holiday_is_the_reporting_span_that_year(read: Read) -> None:
    text = (
        "Changsha's hotels earned 2 billion yuan during the Golden Week holiday. Rooms cost "
        "420 yuan a night, up from 390 yuan during the 2023 holiday."
    )
    assert periods(read, text)[-1] == ("390 yuan", "2023-10")


def test_from_a_later_year_starts_a_figure_rather_than_comparing(read: Read) -> None:
    text = (
        "Zoomlion will add 4,000 cranes of yearly output from 2027, up from 2,500 cranes in 2023."
    )
    assert periods(read, text) == [("4,000 cranes", "2027"), ("2,500 cranes", "2023")]


def test_jobs_an_activity_supports_are_a_stock(read: Read) -> None:
    text = "Hunan's exports rose 4 percent in 2023. Trade supports roughly 90,000 jobs in Hunan."
    assert periods(read, text)[-1] == ("roughly 90,000 jobs", None)


def test_a_period_inside_the_opening_subject_dates_only_its_clause(read: Read) -> None:
    text = (
        "Hunan's exports rose 5 percent in 2023. Sales between July and September rose 3 "
        "percent, and Changsha, the capital, shipped 400 cranes."
    )
    assert periods(read, text)[1:] == [("3 percent", "2024 Jul-Sep"), ("400 cranes", "2023")]


def test_the_owner_s_clause_dates_a_figure_named_by_the(read: Read) -> None:
    text = (
        "Hunan's output rose 6 percent in 2024, above the 4.1 percent growth Changsha managed "
        "in 2023."
    )
    assert periods(read, text)[-1] == ("4.1 percent", "2023")


def test_a_year_in_a_clause_about_a_name_dates_no_figure(read: Read) -> None:
    text = "Changsha, which became a national hub in 2021, is home to 10 million people."
    assert periods(read, text) == [("10 million people", None)]


def test_the_year_of_a_quarter_compared_with_is_not_the_sentence_s(read: Read) -> None:
    text = (
        "Hunan's jobless rate stood at 5.1% in the first quarter, 0.3 percentage points "
        "higher than in the final quarter of 2023."
    )
    assert [label for _, label in periods(read, text)] == ["2024 Q1", "2024 Q1"]


def test_a_stock_at_the_end_of_the_period_is_of_its_last_month(read: Read) -> None:
    text = (
        "Zoomlion's revenue rose 8 percent in the third quarter. Orders on hand reached 30 "
        "billion yuan at the end of the quarter, up 2 billion yuan from June."
    )
    assert periods(read, text)[1:] == [
        ("30 billion yuan", "2024-09"),
        ("2 billion yuan", "2024 Q3"),
    ]


def test_the_year_of_a_base_figure_is_not_the_sentence_s(read: Read) -> None:
    text = "In the first half of the year, Hunan grew 5.2 percent, down from 6 percent in 2023."
    assert periods(read, text) == [("5.2 percent", "2024 H1"), ("6 percent", "2023")]


def test_a_headline_that_draws_a_figure_takes_the_lead_s_period(read: Read) -> None:
    text = "Hunan draws 9 billion yuan in investment\n\nHunan attracted 9 billion yuan in 2023."
    assert periods(read, text)[0] == ("9 billion yuan", "2023")


def test_a_headline_s_target_year_is_not_the_period_the_story_reports(read: Read) -> None:
    text = (
        "Changsha sets 2025 growth target at around 5.5%, eyes 2-trillion-yuan economy by 2030\n\n"
        "Last year, in the face of weak demand, Changsha kept its economy on a steady course. "
        "The city's gross domestic product reached 1.5 trillion yuan."
    )
    assert periods(read, text) == [
        ("around 5.5%", "2025"), ("2-trillion-yuan", "2030"), ("1.5 trillion yuan", "2023"),
    ]  # fmt: skip


def test_a_section_heading_dates_the_figures_under_it(read: Read) -> None:
    text = (
        "Changsha's mayor delivered the government work report on Jan 20.\n\n"
        "Review of 2023\n\n"
        "Changsha's gross domestic product reached 1.5 trillion yuan.\n\n"
        "Main targets for 2024\n\n"
        "Changsha's main targets are:\n"
        "- GDP growth of around 5.5 percent;\n"
        "- at least 120,000 new urban jobs.\n"
    )
    assert periods(read, text) == [
        ("1.5 trillion yuan", "2023"), ("around 5.5 percent", "2024"),
        ("at least 120,000 new urban jobs", "2024"),
    ]  # fmt: skip


def test_a_lead_s_target_for_the_year_under_way_leaves_the_story_last_year_s(
    read: Read,
) -> None:
    text = (
        "Changsha will aim for economic growth of around 5.5 percent this year, the mayor said "
        "in the government work report on Tuesday.\n\n"
        "Reviewing 2024, the mayor said Changsha's GDP reached 1.5 trillion yuan. "
        "Changsha's airport handled 48.2 million passenger trips, up 6.9 percent."
    )
    assert [(f.as_reported, f.period_label) for f in read(text, dt.date(2025, 1, 21)).facts] == [
        ("around 5.5 percent", "2025"), ("1.5 trillion yuan", "2024"),
        ("48.2 million passenger trips", "2024"), ("6.9 percent", "2024"),
    ]  # fmt: skip


def test_a_caption_s_year_opens_no_section_and_a_list_keeps_its_section(read: Read) -> None:
    text = (
        "Changsha's economy grew 5.5 percent in the third quarter of 2024.\n\n"
        "Containers at Changsha port in 2018\n\n"
        "Changsha's imports rose 4 percent.\n\n"
        "Review of 2023\n\n"
        "- Changsha's exports rose 6 percent\n"
    )
    assert periods(read, text)[1:] == [("4 percent", "2024 Q3"), ("6 percent", "2023")]


def test_the_year_to_a_stock_s_month_replaces_that_month_for_the_flows_after(read: Read) -> None:
    text = (
        "Changsha's power capacity reached 71.8 million kilowatts at the end of September.\n\n"
        "In the first three quarters of 2024, Changsha's plants generated 98.6 billion kWh.\n\n"
        "Changsha's hydropower generation fell 3.2 percent."
    )
    assert periods(read, text)[-1] == ("3.2 percent", "2024 Q1-Q3")
