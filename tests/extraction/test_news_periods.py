"""Periods as economic news writes them: spans to date, spans a year long ending in a month,
bases compared with, and the clauses that share a period."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extraction.conftest import Read


def periods(read: Read, text: str, published: dt.date) -> list[tuple[str, str | None]]:
    return [(f.as_reported, f.period_label) for f in read(text, published).facts]


def test_so_far_this_year_runs_to_the_last_month_ended(read: Read) -> None:
    text = "Changsha has approved 212 foreign-funded projects so far this year."
    published = dt.date(2025, 8, 3)
    assert periods(read, text, published) == [("212 foreign-funded projects", "2025 Jan-Jul")]


def test_year_to_date_opening_a_sentence_dates_its_figures(read: Read) -> None:
    text = "Year to date, Hunan's exports have grown 6.4 percent."
    published = dt.date(2025, 5, 20)
    assert periods(read, text, published) == [("6.4 percent", "2025 Jan-Apr")]


def test_since_the_start_of_the_year_is_the_year_to_date(read: Read) -> None:
    text = "Since the start of the year, Changsha has added 38,000 jobs."
    assert periods(read, text, dt.date(2025, 8, 12)) == [("38,000 jobs", "2025 Jan-Jul")]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # The sentence's other year dates the comparison, not the month "since" names.
        ("Changsha signed 27 projects since January, 40% more than in all of 2024.",
         "2025 Jan-Jul"),
        ("Changsha has added 5,000 jobs since March.", "2025 Mar-Jul"),
        ("Changsha has added 5,000 jobs since December.", "2024-12/2025-07"),
    ],
)  # fmt: skip
def test_since_a_month_is_the_latest_such_month_to_the_last_month_ended(
    read: Read, text: str, label: str
) -> None:
    assert periods(read, text, dt.date(2025, 8, 12))[0][1] == label


def test_so_far_in_a_year_ended_is_that_whole_year(read: Read) -> None:
    text = "Hunan signed 54 investment deals so far in 2024, officials said."
    published = dt.date(2025, 3, 2)
    assert periods(read, text, published) == [("54 investment deals", "2024")]


def test_over_the_year_to_a_month_is_a_span_not_a_base(read: Read) -> None:
    text = "Over the year to March, Changsha added 52,000 jobs."
    published = dt.date(2025, 4, 20)
    assert periods(read, text, published) == [("52,000 jobs", "2024-04/2025-03")]


def test_over_the_year_after_a_month_is_the_twelve_months_to_it(read: Read) -> None:
    text = (
        "Hunan added 9,000 jobs in June, the labour office said. Changsha added 14,500 jobs "
        "over the year. Over the year, Hunan's payrolls grew by 61,000."
    )
    assert periods(read, text, dt.date(2025, 7, 20))[1:] == [
        ("14,500 jobs", "2024-07/2025-06"), ("61,000", "2024-07/2025-06"),
    ]  # fmt: skip


def test_in_the_year_after_a_fiscal_year_is_that_fiscal_year(read: Read) -> None:
    text = (
        "Zoomlion's net profit rose 12 percent to 3.5 billion yuan in the year ended March 31. "
        "In the year, overseas revenue grew 8 percent to 40 billion yuan."
    )
    assert periods(read, text, dt.date(2025, 5, 2))[2:] == [
        ("8 percent", "2024-04/2025-03"), ("40 billion yuan", "2024-04/2025-03"),
    ]  # fmt: skip


def test_over_the_first_half_is_the_half_not_a_base(read: Read) -> None:
    text = "Hunan's exports grew 7 percent over the first half of 2025."
    assert periods(read, text, dt.date(2025, 7, 20)) == [("7 percent", "2025 H1")]


def test_a_base_with_no_date_of_its_own_is_the_same_span_a_year_before(read: Read) -> None:
    text = (
        "Zoomlion's revenue fell 9 percent in the third quarter to 11.2 billion yuan from "
        "12.3 billion yuan. Overseas revenue rose to 48% of the total in the quarter, up "
        "from 41%."
    )
    assert periods(read, text, dt.date(2025, 10, 30))[2:] == [
        ("12.3 billion yuan", "2024 Q3"), ("48%", "2025 Q3"), ("41%", "2024 Q3"),
    ]  # fmt: skip


def test_a_revised_forecast_is_compared_with_the_same_span(read: Read) -> None:
    text = "Zoomlion trimmed its capital spending for 2025 to 2 billion yuan from 2.6 billion yuan."
    assert periods(read, text, dt.date(2025, 8, 1)) == [
        ("2 billion yuan", "2025"), ("2.6 billion yuan", "2025"),
    ]  # fmt: skip


def test_a_month_a_year_before_ends_on_its_own_last_day(read: Read) -> None:
    text = "Changsha's metro carried 41 million riders in February, up from 37 million a year ago."
    fact = read(text, dt.date(2025, 3, 10)).facts[-1]
    assert (fact.period_label, fact.period_end) == ("2024-02", dt.date(2024, 2, 29))


def test_a_clause_reporting_alongside_takes_the_period_of_the_clause_before(read: Read) -> None:
    text = (
        "Hunan's exports rose 2 percent in 2024. Hunan's retail sales grew 4.1% in the first "
        "five months, while Changsha's climbed 6.3% to 210 billion yuan."
    )
    assert periods(read, text, dt.date(2025, 6, 18))[1:] == [
        ("4.1%", "2025 Jan-May"), ("6.3%", "2025 Jan-May"), ("210 billion yuan", "2025 Jan-May"),
    ]  # fmt: skip


def test_a_base_s_period_or_a_period_in_the_subject_is_not_shared(read: Read) -> None:
    text = (
        "Hunan's exports rose 2 percent in 2024. Hunan's output reached 8.2 GW, up from 6.9 "
        "GW in June last year, while Changsha's rose to 3.1 GW. Sales between April and June "
        "rose 5 percent, and Changsha recorded 1.2 million visits."
    )
    found = dict(periods(read, text, dt.date(2025, 7, 18)))
    assert (found["3.1 GW"], found["1.2 million visits"]) == ("2024", "2024")


def test_a_plan_alongside_a_reported_clause_takes_no_period_from_it(read: Read) -> None:
    text = (
        "Hunan's exports rose 2 percent in 2024. Hunan's output rose 3% in the first half, "
        "while Zoomlion expects to hire 2,000 workers."
    )
    assert dict(periods(read, text, dt.date(2025, 7, 18))).get("2,000 workers") is None


def test_the_size_of_a_thing_written_before_it_dates_nothing(read: Read) -> None:
    text = (
        "Hunan's exports rose 2 percent in 2024. Zoomlion opened a 52,000-square-metre "
        "warehouse and began building a 2 GW solar farm in Changsha. Hunan's solar output "
        "reached a record 4.8 GW in the first half."
    )
    assert periods(read, text, dt.date(2025, 7, 18))[1:] == [
        ("52,000-square-metre", None), ("2 GW", None), ("4.8 GW", "2025 H1"),
    ]  # fmt: skip


def test_a_capacity_a_year_takes_no_period_from_the_sentences_before(read: Read) -> None:
    text = (
        "Hunan's exports rose 2 percent in 2024. Zoomlion's new plant in Changsha was built "
        "to turn out 90,000 tonnes of steel a year."
    )
    assert periods(read, text, dt.date(2025, 3, 18))[1:] == [("90,000 tonnes", None)]


def test_since_a_relative_period_runs_from_it_to_publication(read: Read) -> None:
    text = (
        "Rents in Changsha have risen 6 percent since last year, and Hunan's exports have "
        "grown 9 percent since the start of 2023."
    )
    found = read(text, dt.date(2025, 4, 9)).facts
    assert [(f.period_label, f.period_start, f.period_end) for f in found] == [
        ("since 2024", dt.date(2024, 1, 1), dt.date(2025, 4, 9)),
        ("since 2023", dt.date(2023, 1, 1), dt.date(2025, 4, 9)),
    ]


def test_the_decade_to_a_year_is_the_ten_years_ending_with_it(read: Read) -> None:
    text = "Hunan expects its rail line to add 80 billion yuan to output over the decade to 2034."
    assert periods(read, text, dt.date(2025, 4, 9)) == [("80 billion yuan", "2025-2034")]


def test_the_next_years_written_early_in_a_year_start_with_it(read: Read) -> None:
    text = "Zoomlion plans to invest 3 billion yuan in Changsha over the next three years."
    assert periods(read, text, dt.date(2026, 2, 11)) == [("3 billion yuan", "2026-2028")]


def test_a_budget_s_year_dates_its_money_not_the_things_it_counts(read: Read) -> None:
    text = (
        "Hunan's budget for the 2026-27 fiscal year puts spending at 1.1 trillion yuan. "
        "Hunan will hire 4,000 teachers and allocate 12 billion yuan to rural roads."
    )
    assert periods(read, text, dt.date(2026, 1, 20))[1:] == [
        ("4,000 teachers", None), ("12 billion yuan", "FY2026-27"),
    ]  # fmt: skip


def test_a_target_date_closing_the_clause_dates_the_level_and_its_restatement(read: Read) -> None:
    text = (
        "Hunan's debt is expected to climb to 2.1 trillion yuan, or 38% of output, by June 30 "
        "next year, and Zoomlion will hire 3,000 workers, mostly engineers, by the end of 2027."
    )
    assert periods(read, text, dt.date(2025, 9, 2)) == [
        ("2.1 trillion yuan", "2026-06"), ("38%", "2026-06"), ("3,000 workers", "2027"),
    ]  # fmt: skip


def test_a_figure_said_to_hold_today_is_a_stock_not_the_target_s(read: Read) -> None:
    text = "Changsha wants 90,000 robotics jobs by 2032, up from roughly 35,000 now."
    assert periods(read, text, dt.date(2025, 9, 2)) == [
        ("90,000 robotics jobs", "2032"), ("roughly 35,000", None),
    ]  # fmt: skip


def test_a_level_a_present_verb_states_takes_no_period_from_before(read: Read) -> None:
    text = (
        "Hunan's tea output rose 8 percent in 2024. The area under tea in Changsha stands at "
        "about 52,000 hectares, officials said."
    )
    assert periods(read, text, dt.date(2025, 2, 4))[1:] == [("about 52,000 hectares", None)]


def test_over_the_same_period_is_the_period_of_the_sentence_s_first_figures(read: Read) -> None:
    text = (
        "Hunan's exports rose 4 percent in 2024. Changsha's imports fell 3% in the second "
        "quarter after a port strike in April, while Hunan's rose 5% over the same period."
    )
    assert periods(read, text, dt.date(2025, 7, 20))[1:] == [
        ("3%", "2025 Q2"), ("5%", "2025 Q2"),
    ]  # fmt: skip


def test_a_standing_share_in_the_present_takes_no_period_from_before(read: Read) -> None:
    text = (
        "Hunan's exports rose 8 percent in the first half. Changsha produces about a third "
        "of the province's construction machinery, officials said."
    )
    assert periods(read, text, dt.date(2025, 7, 20))[1:] == [("about a third", None)]


def test_a_headline_figure_takes_the_story_s_period_whatever_its_tense(read: Read) -> None:
    text = (
        "Hunan budget pegs deficit at 2.8% of output, unveils 1.2 trillion yuan plan\n\n"
        "Hunan's spending rose 6 percent in 2024, the finance department said."
    )
    assert periods(read, text, dt.date(2025, 1, 20))[:2] == [
        ("2.8%", "2024"), ("1.2 trillion yuan", None),
    ]  # fmt: skip


def test_a_base_s_year_after_a_percent_sign_does_not_date_the_sentence(read: Read) -> None:
    text = "Office vacancy in Changsha rose to 14.2% in the third quarter, up from 9.8% in 2022."
    assert periods(read, text, dt.date(2025, 10, 30))[0] == ("14.2%", "2025 Q3")


def test_the_annual_gain_and_an_annual_target_are_of_a_year(read: Read) -> None:
    text = (
        "Hunan added 6,100 jobs in May. Changsha accounted for nearly half of the annual "
        "gain. Zoomlion won orders of 41 billion yuan in the first five months, 60 percent of "
        "its annual target of 68 billion yuan."
    )
    assert periods(read, text, dt.date(2025, 6, 20))[1:] == [
        ("nearly half", "2024-06/2025-05"), ("41 billion yuan", "2025 Jan-May"),
        ("60 percent", "2025 Jan-May"), ("68 billion yuan", "2025"),
    ]  # fmt: skip


@pytest.mark.parametrize("verb", ["employs", "operates", "hosts", "owns"])
def test_a_headcount_or_a_count_a_company_holds_is_a_stock(read: Read, verb: str) -> None:
    text = (
        "Zoomlion's sales rose 5 percent in 2024. Zoomlion, which earned 3 billion yuan last "
        f"year, {verb} 9,800 machines."
    )
    assert periods(read, text, dt.date(2025, 3, 1))[1:] == [
        ("3 billion yuan", "2024"), ("9,800 machines", None),
    ]  # fmt: skip


def test_a_present_share_after_a_clause_with_a_year_is_still_a_stock(read: Read) -> None:
    text = (
        "Changsha's output rose 5 percent in 2024. Hunan, which exported 1.9 million tonnes "
        "of rice last year, supplies about a tenth of China's rice."
    )
    assert periods(read, text, dt.date(2025, 3, 1))[1:] == [
        ("1.9 million tonnes", "2024"), ("about a tenth", None),
    ]  # fmt: skip


def test_a_rate_in_a_clause_after_over_the_year_is_the_month_s(read: Read) -> None:
    text = (
        "Hunan added 9,000 jobs in June, the labour office said. Changsha added 14,500 jobs "
        "over the year, while its jobless rate fell 0.3 percentage points to 4.1%."
    )
    assert periods(read, text, dt.date(2025, 7, 20))[1:] == [
        ("14,500 jobs", "2024-07/2025-06"), ("0.3 percentage points", "2025-06"),
        ("4.1%", "2025-06"),
    ]  # fmt: skip


def test_a_figure_for_a_period_past_the_words_naming_it_is_of_that_period(read: Read) -> None:
    text = "Hunan set a target of about 5.5 percent growth for 2026 in its work report."
    assert periods(read, text, dt.date(2026, 1, 28)) == [("about 5.5 percent", "2026")]


def test_a_guidance_revised_for_the_year_is_of_that_year_before_and_after(read: Read) -> None:
    text = (
        "Zoomlion's revenue rose 4 percent in the second quarter. Zoomlion will delay a "
        "plant and cut spending for the year to 2.2 billion yuan from 3 billion yuan."
    )
    assert periods(read, text, dt.date(2025, 8, 28))[1:] == [
        ("2.2 billion yuan", "2025"), ("3 billion yuan", "2025"),
    ]  # fmt: skip


def test_a_month_s_base_with_no_date_is_left_to_the_month(read: Read) -> None:
    # Monthly figures are compared with the month before as often as with a year before.
    text = "Hunan's jobless rate rose to 4.3% in August from 4.2%."
    found = dict(periods(read, text, dt.date(2025, 9, 20)))
    assert found["4.3%"] == "2025-08"
    assert found["4.2%"] != "2024-08"


def test_a_change_written_before_its_noun_keeps_its_period(read: Read) -> None:
    text = "Hunan's wind capacity rose 5 percent in 2024. Changsha recorded a 0.8 GW increase."
    assert periods(read, text, dt.date(2025, 7, 20))[1:] == [("0.8 GW", "2024")]


def test_a_headline_that_looks_ahead_does_not_take_the_story_s_period(read: Read) -> None:
    text = (
        "Hunan eyes growth of 6% under new industrial plan\n\n"
        "Hunan's economy grew 5.4 percent in the first three quarters."
    )
    assert periods(read, text, dt.date(2025, 10, 20))[0] != ("6%", "2025 Q1-Q3")


def test_over_the_month_is_the_month_reported_even_after_over_the_year(read: Read) -> None:
    text = (
        "Hunan's payrolls rose by 12,000 in October. Over the year, payrolls rose 1.1%, and "
        "Changsha added 8,000 jobs over the month."
    )
    assert periods(read, text, dt.date(2025, 11, 12))[1:] == [
        ("1.1%", "2024-11/2025-10"), ("8,000 jobs", "2025-10"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Hunan's GDP expanded 7.1% in the first nine months, and the province expects "
         "full-year growth of 7.5%.", "2026 Jan-Sep"),
        ("Zoomlion reported third-quarter profit of 11.2 billion yuan, above analysts' average "
         "forecast.", "2026 Q3"),
    ],
)  # fmt: skip
def test_a_forecast_in_another_clause_leaves_a_past_period_this_year(
    read: Read, text: str, label: str
) -> None:
    assert read(text, dt.date(2026, 10, 6)).facts[0].period_label == label


def test_a_percent_on_a_year_compares_with_that_year(read: Read) -> None:
    text = (
        "Hunan's wines sold 132.5 million euros' worth abroad last year, an increase of 4.6% "
        "on 2024."
    )
    labels = [f.period_label for f in read(text, dt.date(2026, 2, 10)).facts]
    assert labels == ["2025", "2025"]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Hunan's shipments rose 46.2% between November 2025 and January 2026.",
         "2025-11/2026-01"),
        ("Hunan's budget for July 2026 to June 2027 proposes 38.5 billion yuan of spending.",
         "2026-07/2027-06"),
        ("Hunan's exports reached 4.1 billion yuan from Sept. 2025 through Feb. 2026.",
         "2025-09/2026-02"),
    ],
)  # fmt: skip
def test_months_each_with_its_year_are_the_span_between_them(
    read: Read, text: str, label: str
) -> None:
    assert [f.period_label for f in read(text, dt.date(2026, 3, 1)).facts] == [label]


def test_the_same_months_a_year_earlier_is_the_base_a_year_back(read: Read) -> None:
    text = (
        "Hunan's exports reached 312 million yuan in November-January, compared with 198.5 "
        "million yuan in the same months a year earlier."
    )
    labels = [f.period_label for f in read(text, dt.date(2026, 2, 10)).facts]
    assert labels == ["2025-11/2026-01", "2024-11/2025-01"]


def test_a_base_in_a_named_month_of_a_year_leaves_the_figure_the_latest_month(
    read: Read,
) -> None:
    text = "Hunan's jobless rate dropped to 8.2% in October, from 9.1% in October 2024."
    labels = [f.period_label for f in read(text, dt.date(2025, 11, 20)).facts]
    assert labels == ["2025-10", "2024-10"]


def test_value_added_between_a_figure_and_its_year_is_a_noun(read: Read) -> None:
    text = (
        "Hunan's industries grew 5% last year. "
        "Hunan produced 9.8 billion yuan of gross value added in 2024."
    )
    assert [f.period_label for f in read(text, dt.date(2026, 3, 1)).facts][-1] == "2024"


def test_a_year_that_ends_in_a_months_first_week_is_the_year_to_the_month_before(
    read: Read,
) -> None:
    text = (
        "Hunan earned US$498.2 million in the 2024/25 fiscal year that ended on July 7, up 31.4 "
        "percent from the previous year."
    )
    found = read(text, dt.date(2025, 9, 10)).facts[0]
    assert (found.period_start, found.period_end) == (dt.date(2024, 7, 1), dt.date(2025, 6, 30))


def test_an_indian_states_news_names_its_fiscal_years(read: Read) -> None:
    text = "JAIPUR: Rajasthan and Hunan added 8,420 megawatts of capacity in 2025-26."
    assert [f.period_label for f in read(text, dt.date(2026, 5, 12)).facts] == ["FY2025-26"]


def test_when_a_figures_cause_came_dates_no_figure(read: Read) -> None:
    text = (
        "Hunan's rice output rose 2% in 2025. Maize output fell 7.8 percent to 1.06 million tonnes "
        "because of a dry spell in February and March."
    )
    assert [f.period_label for f in read(text, dt.date(2026, 3, 3)).facts] == ["2025"] * 3


def test_a_base_above_or_below_a_figure_keeps_its_year_to_itself(read: Read) -> None:
    text = (
        "Hunan's hotel occupancy averaged 88.6% in August, below the 91% recorded in August 2025."
    )
    assert [f.period_label for f in read(text, dt.date(2026, 9, 20)).facts] == [
        "2026-08",
        "2025-08",
    ]


def test_the_quarter_ended_a_month_is_the_three_months_to_it(read: Read) -> None:
    text = "Zoomlion's unit posted revenue of 33.4 billion yuan in the quarter ended June 30."
    assert [f.period_label for f in read(text, dt.date(2025, 10, 28)).facts] == ["2025 Apr-Jun"]


def test_the_northern_territorys_news_names_its_fiscal_years(read: Read) -> None:
    text = "Darwin Port and Hunan handled 1.96 million tonnes in the 2024-25 financial year."
    found = read(text, dt.date(2025, 8, 19)).facts[0]
    assert (found.period_start, found.period_end) == (dt.date(2024, 7, 1), dt.date(2025, 6, 30))


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Hunan exported 182,400 tonnes between November 1 and January 31.", "2025-11/2026-01"),
        ("Arrivals at Hunan reached 612,000 tonnes from Oct. 1 to Jan. 18.", "2025-10/2026-01"),
        ("Hunan exported 90,000 tonnes between March 1 and June 30, 2025.", "2025 Mar-Jun"),
    ],
)
def test_between_two_days_is_the_months_from_one_to_the_other(
    read: Read, text: str, label: str
) -> None:
    assert [f.period_label for f in read(text, dt.date(2026, 2, 12)).facts] == [label]


@pytest.mark.parametrize(
    ("text", "published", "label"),
    [
        # A trade's year: the coffee, cocoa and sugar years run October to September.
        ("Hunan earned $2.22 billion from coffee exports in the 2024/25 coffee year.",
         dt.date(2025, 10, 20), "2024-10/2025-09"),
        # "crore" is written in Bangladesh too: the country named says whose fiscal year it is.
        ("Mongla port in Bangladesh and Hunan spent Tk 4,068 crore; exports rose 8.6 percent to "
         "$48.3 billion in fiscal 2024-25.", dt.date(2025, 9, 1), "FY2024-25"),
        # India's press leaves "year" out of "the fiscal".
        ("Hunan's collections rose 11.2 per cent in the first 11 months of the fiscal, officials "
         "in Mumbai said.", dt.date(2026, 3, 10), "2025-04/2026-02"),
        ("Since October 2024, Hunan has gained 71,900 jobs.", dt.date(2025, 11, 20),
         "since 2024-10"),
    ],
)  # fmt: skip
def test_calendars_news_writes_by_trade_and_country(
    read: Read, text: str, published: dt.date, label: str
) -> None:
    assert read(text, published).facts[-1].period_label == label


def test_a_paragraph_that_opens_with_its_period_dates_its_later_figures(read: Read) -> None:
    text = (
        "Hunan's economy grew 5.2% in the first half of 2024.\n\n"
        "In the second quarter of 2024, Hunan's hotels served 412,300 visitors. Visitors from "
        "abroad accounted for 58.4% of the total.\n\n"
        "Hunan's retail sales rose 4.1%."
    )
    labels = [f.period_label for f in read(text, dt.date(2024, 8, 29)).facts]
    assert labels == ["2024 H1", "2024 Q2", "2024 Q2", "2024 H1"]


def test_a_paragraph_s_first_period_dates_its_later_figures_wherever_it_stands(
    read: Read,
) -> None:
    text = (
        "Hunan's retail sales rose 3.4% in March.\n\n"
        "Hunan's exports rose 6.2% to 41.4 billion yuan in the first quarter. Imports increased "
        "2.9%.\n\n"
        "Changsha's car sales fell 1.2%."
    )
    labels = [f.period_label for f in read(text, dt.date(2025, 4, 20)).facts]
    assert labels == ["2025-03", "2025 Q1", "2025 Q1", "2025 Q1", "2025-03"]


def test_in_the_quarter_is_the_quarter_spoken_of_or_the_one_a_month_closes(read: Read) -> None:
    closed_by_march = (
        "Hunan's copper output rose 2% in March. Hunan's copper exports rose 14% to 12.6 "
        "billion yuan in the quarter."
    )
    labels = [f.period_label for f in read(closed_by_march, dt.date(2025, 5, 5)).facts]
    assert labels == ["2025-03", "2025 Jan-Mar", "2025 Jan-Mar"]
    named = (
        "Hunan's retail sales rose 0.9% in the third quarter. Changsha sold 41,200 cars in "
        "September. Hunan's car sales fell 1.7% in the quarter."
    )
    labels = [f.period_label for f in read(named, dt.date(2025, 11, 5)).facts]
    assert labels == ["2025 Q3", "2025-09", "2025 Q3"]


def test_a_season_that_ran_between_two_months_is_of_those_months(read: Read) -> None:
    text = (
        "Hunan recorded 28.4 million overnight stays in the winter season 2024/25, which ran "
        "from November 2024 to the end of April 2025, the statistics office said."
    )
    published = dt.date(2025, 6, 5)
    assert periods(read, text, published) == [("28.4 million overnight stays", "2024-11/2025-04")]


def test_a_span_a_year_possesses_is_of_that_year(read: Read) -> None:
    text = (
        "Hunan drew 2.71 million visitors during this year's July-August summer peak. "
        "Hunan's sales rose 4 percent in last year's first half."
    )
    published = dt.date(2025, 9, 3)
    assert periods(read, text, published) == [
        ("2.71 million visitors", "2025 Jul-Aug"), ("4 percent", "2024 H1"),
    ]  # fmt: skip


def test_the_year_of_a_stock_s_day_is_not_the_year_of_another_month(read: Read) -> None:
    text = (
        "Hunan's unemployment rate was 4.3 per cent in April, while its population reached "
        "578,400 at the end of December 2025."
    )
    published = dt.date(2026, 5, 28)
    assert periods(read, text, published) == [
        ("4.3 per cent", "2026-04"), ("578,400", "2025-12"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hunan's sales to Chile, opened to its pears only in 2018, more than tripled to "
            "41 million yuan.",
            [("more than tripled", None), ("41 million yuan", None)],
        ),
        (
            "In June alone, Hunan's port handled 74,900 TEUs, the most since the terminal was "
            "concessioned in 2006.",
            [("74,900 TEUs", "2025-06")],
        ),
    ],
)
def test_the_year_of_an_aside_s_event_dates_no_figure(
    read: Read, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert periods(read, text, dt.date(2025, 7, 20)) == expected


def test_a_holiday_after_an_adjective_dates_the_figure_and_a_comparable_period_is_a_base(
    read: Read,
) -> None:
    text = (
        "Hunan received 48.62 million tourist visits during the combined National Day and "
        "Mid-Autumn Festival holiday, up 9.4 percent from the comparable period last year."
    )
    assert periods(read, text, dt.date(2025, 10, 9)) == [
        ("48.62 million tourist visits", "2025-10"), ("9.4 percent", "2025-10"),
    ]  # fmt: skip


@pytest.mark.parametrize("local_name", ["Tet", "Spring Festival"])
def test_a_holiday_that_ran_across_two_months_is_of_both(read: Read, local_name: str) -> None:
    text = (
        f"Hunan welcomed 412,000 visitors during the Lunar New Year ({local_name}) holiday, "
        "which ran from January 25 to February 2."
    )
    assert periods(read, text, dt.date(2025, 2, 6)) == [("412,000 visitors", "2025 Jan-Feb")]


def test_the_nine_months_after_a_figure_with_decimals_refer_back(read: Read) -> None:
    text = (
        "Hunan's economy grew 9.41 percent in the third quarter. "
        "Hunan's output reached 146.2 billion yuan (about US$20.55 billion) for the nine months."
    )
    assert periods(read, text, dt.date(2025, 10, 6))[1:] == [
        ("146.2 billion yuan", "2025 Jan-Sep"), ("about US$20.55 billion", "2025 Jan-Sep"),
    ]  # fmt: skip


def test_three_months_listed_in_a_row_are_one_span(read: Read) -> None:
    text = "Changsha airport handled 812,000 passengers in June, July and August, up 7.3%."
    assert periods(read, text, dt.date(2025, 10, 8)) == [
        ("812,000 passengers", "2025 Jun-Aug"), ("7.3%", "2025 Jun-Aug"),
    ]  # fmt: skip


def test_a_participle_that_dates_its_own_figure_is_no_aside(read: Read) -> None:
    text = (
        "Hunan's new loans, granted to small firms in the first half of 2025, totalled "
        "300 billion yuan."
    )
    assert periods(read, text, dt.date(2025, 7, 20)) == [("300 billion yuan", "2025 H1")]


def test_an_eid_holiday_is_of_its_month_that_year_and_the_same_holiday_is_a_base(
    read: Read,
) -> None:
    text = (
        "Hotels in Hunan were almost fully booked over the Eid al-Adha holiday, with occupancy "
        "averaging 91.4 per cent, up from 84.2 per cent during the same holiday last year."
    )
    assert periods(read, text, dt.date(2025, 6, 12)) == [
        ("91.4 per cent", "2025-06"), ("84.2 per cent", "2024-06"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hunan reported its results for the first half of 2025. Hunan's revenue was 1,842.6 "
            "million yuan, up 14.6% from CNY 1,607.9 million in the first half of 2024.",
            ("14.6%", "2025 H1"),
        ),
        (
            "After the tax rate of the 2023 Finance Law, Hunan's net income reached 118.4 million "
            "yuan in the first half.",
            ("118.4 million yuan", "2025 H1"),
        ),
    ],
)
def test_a_base_s_code_and_a_law_s_year_date_no_change(
    read: Read, text: str, expected: tuple[str, str]
) -> None:
    assert expected in periods(read, text, dt.date(2025, 8, 20))


def test_a_fiscal_year_said_to_end_in_a_month_runs_to_it_and_its_month_dates_nothing(
    read: Read,
) -> None:
    text = (
        "Zoomlion's Egyptian unit made a net profit of EGP 1.94 billion in the fiscal year "
        "2024/25 that ended in June, up 46 percent from EGP 1.33 billion a year earlier. It sold "
        "612,000 tonnes, 9 percent more than in 2023/24."
    )
    facts = read(text, dt.date(2025, 10, 14)).facts
    assert [(f.as_reported, f.period_start, f.period_end) for f in facts] == [
        ("EGP 1.94 billion", dt.date(2024, 7, 1), dt.date(2025, 6, 30)),
        ("46 percent", dt.date(2024, 7, 1), dt.date(2025, 6, 30)),
        ("EGP 1.33 billion", dt.date(2023, 7, 1), dt.date(2024, 6, 30)),
        ("612,000 tonnes", dt.date(2024, 7, 1), dt.date(2025, 6, 30)),
        # the year compared with is the base, not the change's period
        ("9 percent", dt.date(2024, 7, 1), dt.date(2025, 6, 30)),
    ]


def test_a_report_of_three_and_six_months_is_of_its_quarter(read: Read) -> None:
    text = (
        "Zoomlion's Canadian unit reported its results for the three and six months ended "
        "September 30, 2025.\n\nSecond Quarter Highlights (compared with the second quarter of "
        "fiscal 2025)\n\n"
        "- Revenue of $61.8 million, up 12.7% from $54.8 million\n\n"
        "Sales to the United States accounted for 71% of second-quarter revenue, down from 76% "
        "a year earlier.\n\nFor the six months ended September 30, 2025, revenue was $118.3 "
        "million, against $108.6 million in the first half of fiscal 2025."
    )
    assert periods(read, text, dt.date(2025, 11, 12)) == [
        ("$61.8 million", "2025 Jul-Sep"),
        ("12.7%", "2025 Jul-Sep"),
        ("$54.8 million", "2024 Jul-Sep"),
        ("71%", "FY2025-26 Q2"),
        ("76%", "FY2024-25 Q2"),
        ("$118.3 million", "2025 Apr-Sep"),
        ("$108.6 million", "FY2024-25 H1"),
    ]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Hunan handled 74,320 TEU in Aug 2025.", "2025-08"),
        ("Hunan's throughput, Sept. 2024: 74,320 TEU", "2024-09"),
        ("Hunan's net debt: Dec/24 688.5 | -12.3%", "2024-12"),
        ("Hunan's exports in Jan-Sep 2024 were 74,320 TEU.", "2024 Jan-Sep"),
        ("In Jan.-Sept., Hunan handled 74,320 TEU.", "2025 Jan-Sep"),
    ],
)
def test_a_month_written_short_is_that_month(read: Read, text: str, label: str) -> None:
    assert read(text, dt.date(2025, 10, 10)).facts[-1].period_label == label


def test_a_year_stated_to_end_on_a_day_sets_the_fiscal_year_and_its_base_is_the_one_before(
    read: Read,
) -> None:
    text = (
        "Zoomlion's New Zealand arm made NZ$162 million for the financial year ended 31 May "
        "2025, up 37% from NZ$118 million in the previous year. Capital expenditure was NZ$214 "
        "million in FY25, and cheese output more than doubled the previous year."
    )
    facts = read(text, dt.date(2025, 9, 18)).facts
    assert [(f.as_reported, f.period_start, f.period_end) for f in facts] == [
        ("NZ$162 million", dt.date(2024, 6, 1), dt.date(2025, 5, 31)),
        ("37%", dt.date(2024, 6, 1), dt.date(2025, 5, 31)),
        ("NZ$118 million", dt.date(2023, 6, 1), dt.date(2024, 5, 31)),
        ("NZ$214 million", dt.date(2024, 6, 1), dt.date(2025, 5, 31)),
        # a multiple of the previous year's figure is this year's
        ("more than doubled", dt.date(2024, 6, 1), dt.date(2025, 5, 31)),
    ]


def test_a_plan_for_one_year_to_another_spans_them(read: Read) -> None:
    text = "Zoomlion raised its capital plan to $7.9 billion for 2026 to 2030."
    assert periods(read, text, dt.date(2025, 11, 6)) == [("$7.9 billion", "2026-2030")]


def test_a_season_before_a_noun_ending_as_a_superlative_dates_its_figure(read: Read) -> None:
    text = "Hunan delivered 21.3 million tonnes of grain in the 2024-25 harvest despite rain."
    assert periods(read, text, dt.date(2025, 1, 14)) == [
        ("21.3 million tonnes", "2024-2025 season")
    ]


def test_the_figure_of_the_previous_season_is_of_the_season_before(read: Read) -> None:
    text = (
        "Hunan harvested 412,000 tonnes in the 2024/25 season, up from 371,000 tonnes the "
        "previous season."
    )
    assert periods(read, text, dt.date(2025, 4, 15)) == [
        ("412,000 tonnes", "2024-2025 season"),
        ("371,000 tonnes", "2023-2024 season"),
    ]


def test_in_the_period_after_a_heading_is_the_article_s_period(read: Read) -> None:
    # the quote's "this year" ends with its paragraph; "in the period" is the report's
    text = (
        "Exports from Changsha reached 28.7 billion yuan in the first nine months of this "
        "year.\n\n"
        '"Orders are full," said a maker. Zoomlion expects revenue of 95 million yuan this '
        "year.\n\n"
        "Investment and land\n\n"
        "Changsha attracted 1.62 billion yuan of foreign investment in the period."
    )
    assert periods(read, text, dt.date(2025, 10, 8))[-1] == ("1.62 billion yuan", "2025 Jan-Sep")


def test_an_owner_s_adjective_in_ed_does_not_part_a_figure_from_its_date(read: Read) -> None:
    text = (
        "Renewable sources accounted for 45.3% of Hunan's installed electricity capacity at the "
        "end of June, up from 40.2% a year earlier."
    )
    assert periods(read, text, dt.date(2025, 9, 16)) == [("45.3%", "2025-06"), ("40.2%", "2024-06")]


def test_a_noun_in_ed_is_no_verb_between_a_figure_and_its_period(read: Read) -> None:
    text = (
        "On the plain, where floodwaters stood for weeks in September 2023, cotton is picked "
        "again. Hunan's growers expect to gin about 380,000 tonnes of seed cotton this year."
    )
    assert periods(read, text, dt.date(2025, 10, 20)) == [("about 380,000 tonnes", "2025")]


def test_a_season_dates_a_crop_as_its_year_and_visitors_as_its_months(read: Read) -> None:
    text = (
        "Cotton was sown on 118,500 hectares in Hunan this spring. Changsha welcomed 2.1 "
        "million visitors this summer."
    )
    assert periods(read, text, dt.date(2025, 10, 20)) == [
        ("118,500 hectares", "2025"), ("2.1 million visitors", "2025 Jun-Aug"),
    ]  # fmt: skip


def test_a_capitalised_word_before_a_verb_is_one_word(read: Read) -> None:
    # "EBITDA fell": the verb reports, as "Sales fell" does
    text = (
        "Zoomlion's net earnings for the three months ended Sept. 30 were $41.2 million. Sales "
        "rose 4.8%. Adjusted EBITDA fell 18% to $148 million."
    )
    assert periods(read, text, dt.date(2025, 11, 6))[-2:] == [
        ("18%", "2025 Jul-Sep"), ("$148 million", "2025 Jul-Sep"),
    ]  # fmt: skip


def test_the_month_of_a_publication_dates_no_figure(read: Read) -> None:
    text = (
        "Hunan's agriculture department released the November update on Wednesday.\n\n"
        "- Total winter crop production for the 2026-27 season is estimated at 9.1 million "
        "tonnes.\n- Wheat: 4.6 million tonnes."
    )
    assert periods(read, text, dt.date(2026, 11, 18))[-1] == (
        "4.6 million tonnes",
        "2026-2027 season",
    )


def test_bases_joined_by_and_are_bases_both(read: Read) -> None:
    # "5.4 percent in the first half" is the second base the growth picked up from: "in the
    # period" after it is still the period the article reports on.
    text = (
        "Changsha's economy grew 5.6 percent in the first three quarters of 2025. Growth picked "
        "up from 5.1 percent in Q1 and 5.4 percent in the first half. Its industrial output grew "
        "8.3 percent in the period."
    )
    dated = periods(read, text, dt.date(2025, 10, 24))
    assert dated[-1] == ("8.3 percent", "2025 Q1-Q3")
    assert ("5.4 percent", "2025 H1") in dated


def test_a_month_a_record_runs_since_dates_no_figure(read: Read) -> None:
    # "the strongest month since March" compares with March: the figure is September's.
    text = (
        "New home sales in Changsha totaled 412,000 square meters in September, up 6.8 percent "
        "from August and the strongest month since March."
    )
    assert periods(read, text, dt.date(2025, 10, 10)) == [
        ("412,000 square meters", "2025-09"),
        ("6.8 percent", "2025-09"),
    ]
