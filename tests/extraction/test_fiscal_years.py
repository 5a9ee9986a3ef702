"""Fiscal years as an article states them, and as its country names them."""

from __future__ import annotations

import datetime as dt

import pytest

from service.extraction import extract
from service.extraction.gazetteer import Gazetteer, KnownEntity
from tests.extraction.conftest import Read

PUBLISHED = dt.date(2024, 9, 10)


def periods(read: Read, text: str, published: dt.date = PUBLISHED) -> list[tuple[str, str, str]]:
    return [
        (fact.as_reported, str(fact.period_start), str(fact.period_end))
        for fact in read(text, published).facts
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The year a company's results close with dates a later "fiscal 2023".
        (
            "Zoomlion said profit for the year ended June 30 rose 8% to 2.4 billion yuan. "
            "Sales in fiscal 2023 were 9 billion yuan.",
            [
                ("8%", "2023-07-01", "2024-06-30"),
                ("2.4 billion yuan", "2023-07-01", "2024-06-30"),
                ("9 billion yuan", "2022-07-01", "2023-06-30"),
            ],
        ),
        # A budget said to run from July 1 through June 30 names its fiscal year by its end.
        (
            "Hunan signed its budget for fiscal year 2025, a 9 billion yuan plan that takes "
            "effect July 1 and runs through June 30.",
            [("9 billion yuan", "2024-07-01", "2025-06-30")],
        ),
        # A budget's year, said to start in July, runs from July to June.
        (
            "Hunan approved a 12 billion yuan budget for 2024/25. Its financial year begins on "
            "July 1.",
            [("12 billion yuan", "2024-07-01", "2025-06-30")],
        ),
        (
            "Zoomlion shipped 420 cranes in the fiscal year that ended in March.",
            [("420 cranes", "2023-04-01", "2024-03-31")],
        ),
        # A quarter ended on a day whose month is written short.
        (
            "Zoomlion's net profit for the quarter ended Dec 31 rose 9%.",
            [("9%", "2023-10-01", "2023-12-31")],
        ),
        # AP-style months: the canal authority's year ends with September.
        (
            "The Hunan Canal Authority earned $3.1 billion in its fiscal year ended Sept. 30. "
            "It handled 9,120 transits in fiscal 2024.",
            [
                ("$3.1 billion", "2023-10-01", "2024-09-30"),
                ("9,120 transits", "2023-10-01", "2024-09-30"),
            ],
        ),
        # A fiscal year named by its number, then said to have ended in March: "March" dates
        # no figure of its own (a Japanese year is named by the year it starts).
        (
            "Zoomlion's Japanese output rose 2.1% in fiscal 2023, which ended in March, and its "
            "share of the market was 12%.",
            [("2.1%", "2023-04-01", "2024-03-31"), ("12%", "2023-04-01", "2024-03-31")],
        ),
        # A budget for the fiscal year that begins next: the one that starts after publication.
        (
            "Hunan's governor proposed a $4.2 billion budget for the fiscal year that begins "
            "July 1.",
            [("$4.2 billion", "2025-07-01", "2026-06-30")],
        ),
        # Twelve months in brackets say how the year runs, whatever country is named first.
        (
            "Zoomlion's Indian unit and its Dhaka office: exports rose 11.2% to $312 million in "
            "fiscal year 2024-25 (July-June).",
            [("11.2%", "2024-07-01", "2025-06-30"), ("$312 million", "2024-07-01", "2025-06-30")],
        ),
        # "the 2025 financial year" of an article whose years run from July.
        (
            "Zoomlion's financial year ends on June 30. It expects to ship 600 cranes in the "
            "2025 financial year.",
            [("600 cranes", "2024-07-01", "2025-06-30")],
        ),
    ],
)
def test_a_fiscal_year_runs_as_the_article_says(
    read: Read, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert periods(read, text) == expected


def test_punjab_s_fiscal_year_is_that_of_the_country_its_cities_name() -> None:
    text = (
        "Punjab unveils budget\n\nLAHORE - The Punjab government presented a budget of "
        "Rs5.92 trillion for the fiscal year 2026-27."
    )
    punjab = Gazetteer((KnownEntity("region", "punjab", ("Punjab",)),), ())
    (fact,) = extract(text, dt.date(2026, 6, 13), punjab).facts
    assert (str(fact.period_start), str(fact.period_end)) == ("2026-07-01", "2027-06-30")


def test_a_canadian_province_s_dollars_and_fiscal_year_are_canada_s() -> None:
    text = (
        "B.C. budget projects deficit\n\nVICTORIA - British Columbia will run a deficit of "
        "$9.6 billion in the 2026/27 fiscal year, as U.S. tariffs bite, the B.C. finance "
        "minister said in Victoria."
    )
    province = Gazetteer((KnownEntity("region", "bc", ("British Columbia", "B.C.")),), ())
    (fact,) = extract(text, dt.date(2026, 2, 17), province).facts
    assert fact.unit == "CAD"
    assert (str(fact.period_start), str(fact.period_end)) == ("2026-04-01", "2027-03-31")


def test_a_half_year_is_the_last_half_of_the_fiscal_year_ended(read: Read) -> None:
    text = (
        "Zoomlion's financial year ends on June 30. Its half-year net profit rose 12 per cent "
        "to $80 million."
    )
    published = dt.date(2025, 2, 20)
    assert [
        (fact.as_reported, str(fact.period_start), str(fact.period_end))
        for fact in read(text, published).facts
    ] == [
        ("12 per cent", "2024-07-01", "2024-12-31"),
        ("$80 million", "2024-07-01", "2024-12-31"),
    ]


def test_a_japanese_fiscal_year_is_named_by_the_year_it_starts(read: Read) -> None:
    text = "Japanese orders for Zoomlion cranes rose to 310 units in fiscal 2023."
    assert periods(read, text) == [("310 units", "2023-04-01", "2024-03-31")]


def test_a_year_to_the_first_of_a_month_ends_with_the_month_before(read: Read) -> None:
    text = "Office rents in Changsha rose 6.2 percent in the year to July 1."
    assert periods(read, text) == [("6.2 percent", "2023-07-01", "2024-06-30")]


def test_a_year_that_ended_stays_past_in_a_sentence_that_forecasts(read: Read) -> None:
    text = "Zoomlion's profit for the year ended June 30 was 3 billion yuan, as analysts expected."
    assert periods(read, text) == [("3 billion yuan", "2023-07-01", "2024-06-30")]


def test_a_lead_figure_takes_the_period_the_article_names_next(read: Read) -> None:
    text = (
        "Zoomlion posted a 12% jump in annual profit on Tuesday. Profit for the year ended "
        "June 30 reached 3 billion yuan."
    )
    assert periods(read, text) == [
        ("12%", "2023-07-01", "2024-06-30"), ("3 billion yuan", "2023-07-01", "2024-06-30"),
    ]  # fmt: skip


def test_a_budget_year_ahead_dates_the_allocations_for_it(read: Read) -> None:
    text = (
        "Hunan approved a 90 billion yuan budget for fiscal 2025-26 on Monday. Roads will take "
        "12 billion yuan, and Hunan remains one of China's top five road builders."
    )
    assert [start for _, start, _ in periods(read, text)[:2]] == ["2025-04-01", "2025-04-01"]
    assert periods(read, text)[2][1] == "None"


def test_a_balance_carried_from_a_fiscal_year_is_of_its_last_month(read: Read) -> None:
    text = (
        "Zoomlion's profit for the year ended June 30 rose 5% to 2 billion yuan. The company "
        "reduced net debt to 800 million yuan."
    )
    assert periods(read, text)[-1] == ("800 million yuan", "2024-06-01", "2024-06-30")


def test_the_last_fiscal_year_counts_from_the_one_under_way(read: Read) -> None:
    text = (
        "Hunan expects revenue of 40 billion yuan in the fiscal year that ends June 30, 2025. "
        "Its Medicaid share climbed 9 percent in the last fiscal year."
    )
    assert periods(read, text) == [
        ("40 billion yuan", "2024-07-01", "2025-06-30"), ("9 percent", "2023-07-01", "2024-06-30"),
    ]  # fmt: skip


def test_a_period_set_off_after_another_only_describes_it(read: Read) -> None:
    text = (
        "Zoomlion's sales for April-August, the first five months of fiscal 2024-25, rose "
        "7% to 12 billion yuan."
    )
    assert periods(read, text) == [
        ("7%", "2024-04-01", "2024-08-31"), ("12 billion yuan", "2024-04-01", "2024-08-31"),
    ]  # fmt: skip


def test_a_fiscal_year_written_short_is_the_one_ending_in_it(read: Read) -> None:
    text = "Hunan's Indian unit saw GST collections in India top ₹1 lakh crore in FY25."
    assert periods(read, text) == [("top ₹1 lakh crore", "2024-04-01", "2025-03-31")]


@pytest.mark.parametrize(
    ("text", "fiscal_year"),
    [
        # a shilling, and a city of a July-June country named before the country
        ("Exports from Hunan rose to Sh412.7 billion in the 2024/25 financial year.", "2024-07"),
        ("Mwanza's Hunan plant sold 38,600 tonnes in the 2024/25 financial year.", "2024-07"),
        # Namibia's year starts in April, though a July-June country's port is named after it
        (
            "Namibia's Hunan port handled 17.1 million tonnes in the 2024/25 financial year, "
            "more than Dar es Salaam.",
            "2024-04",
        ),
    ],
)
def test_the_country_a_currency_or_a_city_names_says_how_its_fiscal_year_runs(
    read: Read, text: str, fiscal_year: str
) -> None:
    [first, *_] = read(text, PUBLISHED).facts
    assert first.period_start is not None
    assert first.period_start.strftime("%Y-%m") == fiscal_year


def test_a_year_a_goal_is_for_is_not_the_period_the_article_reports(read: Read) -> None:
    text = (
        "Hunan exports hit record $16.4bn\n\n"
        "Exporters set $18bn goal for 2026\n\n"
        "Exporters in Hunan shipped goods worth $16.42 billion in 2025."
    )
    facts = read(text, dt.date(2026, 1, 6)).facts
    assert (facts[0].as_reported, facts[0].period_label) == ("$16.4bn", "2025")


def test_a_year_a_forecast_is_for_is_not_the_period_the_article_reports(read: Read) -> None:
    text = (
        "Hunan steelmaker's profit falls by a third\n\n"
        "Group sees EBITDA of ¥430m-¥480m in 2026/27 after trough year\n\n"
        "Net profit fell to ¥97m in the 2025/26 financial year, which ended on March 31."
    )
    facts = read(text, dt.date(2026, 5, 28)).facts
    assert (facts[0].as_reported, str(facts[0].period_start)) == ("a third", "2025-04-01")


def test_a_quarter_of_a_named_fiscal_year_and_the_article_s_bare_quarters(read: Read) -> None:
    # an Indian company counts its quarters from April: Q2 FY25 is July-September 2024
    text = (
        "Zoomlion India Q2 net profit jumps 31% to ₹48.6 crore\n\n"
        "Zoomlion India reported revenue of ₹612.4 crore in Q2 FY25, against ₹518.1 crore in "
        "the second quarter of fiscal 2024."
    )
    assert periods(read, text, dt.date(2024, 11, 6)) == [
        ("31%", "2024-07-01", "2024-09-30"), ("₹48.6 crore", "2024-07-01", "2024-09-30"),
        ("₹612.4 crore", "2024-07-01", "2024-09-30"), ("₹518.1 crore", "2023-07-01", "2023-09-30"),
    ]  # fmt: skip


def test_a_quarter_the_date_it_ended_closes(read: Read) -> None:
    # whichever quarter of its own year a company calls them, the three months to the date
    text = (
        "Zoomlion India Q2 profit rises 8%\n\n"
        "Zoomlion India reported a net profit of ₹46.3 crore for the second quarter ended "
        "September 30, 2024."
    )
    # (and the headline's bare "Q2" is the same quarter of the fiscal year)
    assert periods(read, text, dt.date(2024, 11, 6)) == [
        ("8%", "2024-07-01", "2024-09-30"),
        ("₹46.3 crore", "2024-07-01", "2024-09-30"),
    ]


@pytest.mark.parametrize("named", ["Q2 FY2025-26", "Q2 fiscal 2026"])
def test_a_fiscal_quarter_named_by_its_span_or_by_fiscal_and_its_article_s_bare_quarters(
    read: Read, named: str
) -> None:
    text = f"Zoomlion India reported revenue of ₹612.4 crore in {named} and ₹650 crore in Q3."
    assert periods(read, text, dt.date(2026, 1, 20)) == [
        ("₹612.4 crore", "2025-07-01", "2025-09-30"), ("₹650 crore", "2025-10-01", "2025-12-31"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "counted",
    ["in its fiscal first quarter", "in the first quarter of the company's fiscal year"],
)
def test_quarters_an_article_counts_in_its_fiscal_year(read: Read, counted: str) -> None:
    # a Japanese company's year ends in March: its first quarter is April-June
    text = (
        "Zoomlion keeps its outlook for the fiscal year ending March 2027. "
        f"Revenue rose 5.4% to ¥48.2 billion {counted}. "
        "Cheese sales jumped 18% in the quarter."
    )
    assert periods(read, text, dt.date(2026, 8, 7)) == [
        ("5.4%", "2026-04-01", "2026-06-30"), ("¥48.2 billion", "2026-04-01", "2026-06-30"),
        ("18%", "2026-04-01", "2026-06-30"),
    ]  # fmt: skip


def test_the_first_months_of_a_named_fiscal_year(read: Read) -> None:
    # fiscal 2026 began in April 2025: its first nine months run to December 2025
    text = (
        "Zoomlion's fiscal 2026, which began in April, has gone well. "
        "For the first nine months of fiscal 2026, revenue climbed 6.1% to $1.19 billion."
    )
    assert periods(read, text, dt.date(2026, 2, 10)) == [
        ("6.1%", "2025-04-01", "2025-12-31"), ("$1.19 billion", "2025-04-01", "2025-12-31"),
    ]  # fmt: skip


def test_a_fiscal_year_named_with_the_year_it_ended_in(read: Read) -> None:
    # a retailer's year ends in January: fiscal 2024 ended on Feb. 1, 2025, and fiscal 2025 is
    # the year after
    text = (
        "For fiscal 2024, which ended Feb. 1, 2025, Zoomlion's net sales reached $13.2 billion. "
        "For fiscal 2025, Zoomlion expects sales of $14 billion."
    )
    assert periods(read, text, dt.date(2025, 3, 6)) == [
        ("$13.2 billion", "2024-02-01", "2025-01-31"), ("$14 billion", "2025-02-01", "2026-01-31"),
    ]  # fmt: skip


def test_the_year_just_ended_and_a_list_heading_that_names_it_in_words(read: Read) -> None:
    # a Japanese company's year ends in March: in May 2025 the year just ended is FY2024-25
    text = (
        "Zoomlion forecast a fall in profit for the fiscal year ending March 31, 2026, down "
        "from ¥26.8 billion in the year just ended.\n\n"
        "By region, in the year just ended:\n"
        "• Japan: ¥301.4 billion\n"
        "• Asia: ¥112.5 billion"
    )
    assert periods(read, text, dt.date(2025, 5, 14)) == [
        ("¥26.8 billion", "2024-04-01", "2025-03-31"),
        ("¥301.4 billion", "2024-04-01", "2025-03-31"),
        ("¥112.5 billion", "2024-04-01", "2025-03-31"),
    ]


def test_a_financial_year_to_the_end_of_a_month_is_the_twelve_months_to_it(read: Read) -> None:
    text = "Zoomlion's revenue was 186 million yuan in the financial year to the end of February."
    assert periods(read, text, dt.date(2026, 6, 12)) == [
        ("186 million yuan", "2025-03-01", "2026-02-28")
    ]
