"""Periods: absolute, relative to the publication date, quarters, halves and months."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extraction.conftest import Read, only_fact

PUBLISHED = dt.date(2024, 4, 1)


def period(read: Read, text: str, published_on: dt.date | None = PUBLISHED) -> tuple[object, ...]:
    fact = only_fact(read(text, published_on))
    return fact.period_start, fact.period_end, fact.period_label


@pytest.mark.parametrize(
    ("sentence", "first", "last", "label"),
    [
        ("Hunan's GDP reached 5 trillion yuan in 2023.", "2023-01-01", "2023-12-31", "2023"),
        ("Hunan's GDP reached 5 trillion yuan last year.", "2023-01-01", "2023-12-31", "2023"),
        ("Hunan's GDP will reach 6 trillion yuan this year.", "2024-01-01", "2024-12-31", "2024"),
        (
            "Zoomlion earned 13 billion RMB abroad in the first three quarters of 2023.",
            "2023-01-01",
            "2023-09-30",
            "2023 Q1-Q3",
        ),
        (
            "Hunan's exports rose 8 percent in January-September 2023.",
            "2023-01-01",
            "2023-09-30",
            "2023 Jan-Sep",
        ),
        ("Hunan's exports rose 8 percent in Q1 2024.", "2024-01-01", "2024-03-31", "2024 Q1"),
        (
            "Hunan's exports rose 8 percent in the first quarter of 2023.",
            "2023-01-01",
            "2023-03-31",
            "2023 Q1",
        ),
        ("Hunan's exports rose 8 percent in H1 2023.", "2023-01-01", "2023-06-30", "2023 H1"),
        (
            "Hunan's exports rose 8 percent in the first half of 2023.",
            "2023-01-01",
            "2023-06-30",
            "2023 H1",
        ),
        (
            "Hunan's exports rose 8 percent in the first half of this year.",
            "2024-01-01",
            "2024-06-30",
            "2024 H1",
        ),
        ("Hunan's exports rose 8 percent in March 2024.", "2024-03-01", "2024-03-31", "2024-03"),
        (
            "From 2015 to 2023, Hunan's GDP grew 7 percent a year.",
            "2015-01-01",
            "2023-12-31",
            "2015-2023",
        ),
        (
            "Since 2015, Hunan has built 30 industrial parks.",
            "2015-01-01",
            "2024-04-01",
            "since 2015",
        ),
    ],
)
def test_periods(read: Read, sentence: str, first: str, last: str, label: str) -> None:
    assert period(read, sentence) == (
        dt.date.fromisoformat(first),
        dt.date.fromisoformat(last),
        label,
    )


def test_a_period_without_its_year_is_the_latest_ended_by_publication(read: Read) -> None:
    # Published on 1 April 2024: the first quarter of 2024 has ended, the first half has not.
    assert period(read, "Hunan's exports rose 8 percent in the first quarter.")[2] == "2024 Q1"
    assert period(read, "Hunan's exports rose 8 percent in the first half.")[2] == "2023 H1"
    assert period(read, "Hunan's exports rose 8 percent in January-September.")[2] == "2023 Jan-Sep"


def test_without_a_date_last_year_is_the_year_before_the_latest_named(read: Read) -> None:
    text = (
        "Hunan's GDP reached 4 trillion yuan in 2021. "
        "Changsha's exports grew 9 percent in 2023. Hunan's exports rose 5 percent last year."
    )
    facts = read(text, None).facts
    assert [f.period_label for f in facts] == ["2021", "2023", "2023"]


def test_each_amount_takes_the_period_written_after_it(read: Read) -> None:
    text = "Its output surged from 160 billion yuan in 2015 to 450 billion yuan in 2023."
    facts = read("Hunan grew fast. " + text).facts
    assert [(f.value, f.period_label) for f in facts] == [(160e9, "2015"), (450e9, "2023")]


def test_a_sentence_opening_with_a_year_dates_its_figures(read: Read) -> None:
    text = "In 2023, Hunan set up 27 labs and 500 firms, ranking second and third respectively."
    assert {f.period_label for f in read(text, PUBLISHED).facts} == {"2023"}


def test_present_tense_stocks_have_no_period(read: Read) -> None:
    assert period(read, "Hunan hosts 64 state-level innovation platforms.") == (None, None, None)


def test_the_year_of_an_event_dates_no_figure(read: Read) -> None:
    text = "Zoomlion, founded in 1992, ranked 212th on the list."
    assert period(read, text) == (None, None, None)


def test_a_month_after_a_verb_dates_the_event_not_the_figure(read: Read) -> None:
    text = (
        "A 110 kV line of the BSBM was built with government support and put into use in February."
    )
    assert period(read, text) == (None, None, None)


def test_a_comma_ends_the_reach_of_a_period_named_later(read: Read) -> None:
    text = "Zoomlion employs 3,000 engineers, and plans to launch 40 new models by 2030."
    assert [f.period_label for f in read(text, PUBLISHED).facts] == [None, "2030"]


@pytest.mark.parametrize("published_on", [dt.date(1, 1, 1), dt.date(9999, 12, 31)])
@pytest.mark.parametrize(
    "phrase", ["last year", "next year", "in the second half", "in the past five years"]
)
def test_relative_periods_at_the_ends_of_the_calendar(
    read: Read, published_on: dt.date, phrase: str
) -> None:
    fact = only_fact(read(f"Hunan's exports rose 8 percent {phrase}.", published_on))
    assert fact.period_start is None or 1 <= fact.period_start.year <= 9999


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        # The year of an event or of a comparison does not date a month or quarter.
        ("Changsha, set up in 2013, reported GDP of 124 billion yuan in the first three "
         "quarters.", "2024 Q1-Q3"),
        ("Hunan's exports fell 2.3% in February, and were the lowest since 2014.", "2024-02"),
        ("Hunan's exports fell 2.3% in February 2014.", "2014-02"),
        # A relative clause about an event dates the event, however long the clause.
        ("Changsha, which opened a logistics zone beside its northern rail yard in 2019, "
         "shipped 80,000 tonnes in the January-August period.", "2024 Jan-Aug"),
    ],
)  # fmt: skip
def test_an_event_year_dates_no_month(read: Read, sentence: str, label: str) -> None:
    assert period(read, sentence, dt.date(2024, 11, 3))[2] == label


def test_a_span_of_two_years_dates_no_month(read: Read) -> None:
    text = (
        "Hunan's tax receipts rose 3 percent in the April-September period after climbing 5 "
        "percent in fiscal 2022-23."
    )
    facts = read(text, dt.date(2024, 11, 3)).facts
    assert facts[0].period_label == "2024 Apr-Sep"


def test_a_sentence_going_on_keeps_the_period_before(read: Read) -> None:
    text = (
        "Hunan's exports rose 8 percent in January-October. "
        "Changsha reported GDP of 124 billion yuan in the first three quarters. "
        "Its foreign trade totaled 46 billion yuan."
    )
    facts = read(text, dt.date(2024, 11, 3)).facts
    assert [f.period_label for f in facts] == ["2024 Jan-Oct", "2024 Q1-Q3", "2024 Q1-Q3"]


def test_by_the_end_of_a_past_year_is_a_level_reached(read: Read) -> None:
    text = (
        "Hunan's wind capacity surpassed 150 GW by the end of 2025, the bureau said. "
        "Solar capacity reached 44 GW."
    )
    facts = read(text, dt.date(2026, 1, 22)).facts
    assert [f.period_label for f in facts] == ["2025", "2025"]
    ahead = read(text.replace("surpassed", "will surpass"), dt.date(2024, 1, 22)).facts
    assert [f.period_label for f in ahead] == ["2025", None]


def test_a_stock_in_the_plural_present_has_no_period(read: Read) -> None:
    text = (
        "Hunan's exports rose 8 percent in 2023. "
        "More than 1,200 companies operate in Changsha's zones, the agency said."
    )
    facts = read(text, dt.date(2024, 1, 8)).facts
    assert [f.period_label for f in facts] == ["2023", None]


def test_in_the_period_after_a_figure_dates_it(read: Read) -> None:
    text = (
        "Hunan's exports rose 8 percent in January-October. "
        "Changsha, a zone since 1980, handled 40 percent of Hunan's trade in the period."
    )
    facts = read(text, dt.date(2024, 11, 8)).facts
    assert [f.period_label for f in facts] == ["2024 Jan-Oct", "2024 Jan-Oct"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Hunan's grain harvest rose 2.6 percent from last year to 80 million tonnes.",
        "Hunan's exports grew 5 percent compared with 2023.",
        "Hunan's tourist arrivals reached 88 percent of the 2019 level.",
        "Hunan's retail sales were 3 percent higher than in 2022.",
    ],
)
def test_a_comparison_base_dates_no_figure(read: Read, sentence: str) -> None:
    """The year after "from", "compared with" or "than" is what the figure is compared with:
    the figure is of the article's own period."""
    text = f"Hunan's economy grew 5 percent in 2024. {sentence}"
    facts = read(text, dt.date(2025, 2, 1)).facts
    assert {fact.period_label for fact in facts} == {"2024"}


def test_a_year_a_comparison_starts_from_gives_no_quarter_its_year(read: Read) -> None:
    text = (
        "In the third quarter alone, Hunan's exports rose 2.6% to 40 billion yuan, the first "
        "quarterly increase since the end of 2021."
    )
    assert {f.period_label for f in read(text, dt.date(2024, 11, 8)).facts} == {"2024 Q3"}


def test_the_year_of_a_base_against_a_quarter_in_a_currency_code_is_not_the_sentence_s(
    read: Read,
) -> None:
    text = (
        "In the second quarter, Zoomlion's revenue rose 22% to CNY 1.89bn, and its profit was "
        "CNY 171m, against CNY 104m in Q2 2023."
    )
    labels = [f.period_label for f in read(text, dt.date(2024, 8, 20)).facts]
    assert labels[:3] == ["2024 Q2", "2024 Q2", "2024 Q2"]


def test_the_year_of_a_number_written_n_slash_year_gives_no_month_its_year(read: Read) -> None:
    """ "Resolution 40/2001" names a document: "August" in its sentence is the last one ended."""
    text = (
        "Hunan's debt stood at 800 billion yuan at the end of August, well under the ceiling "
        "set by Senate Resolution 40/2001."
    )
    [fact] = read(text, dt.date(2024, 11, 8)).facts
    assert (fact.period_start, fact.period_end) == (dt.date(2024, 8, 1), dt.date(2024, 8, 31))


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "up from just 38 MW in 2021": the base's year; the month is the last June ended.
        (
            "Hunan's solar capacity stood at 186 MW at the end of June, up from just 38 MW in "
            "2021.",
            dt.date(2024, 7, 8),
            [("186 MW", "2024-06"), ("38 MW", "2021")],
        ),
        (
            "Zoomlion cut 180 jobs in January, down from more than 1,000 in 2015.",
            dt.date(2025, 3, 5),
            [("180 jobs", "2025-01"), ("more than 1,000", "2015")],
        ),
    ],
)
def test_the_year_of_a_hedged_or_bounded_base_gives_no_month_its_year(
    read: Read, text: str, published: dt.date, expected: list[tuple[str, str]]
) -> None:
    facts = read(text, published).facts
    assert [(f.as_reported, f.period_label) for f in facts] == expected


def test_a_stock_s_change_from_the_end_of_last_year_is_of_its_own_month(read: Read) -> None:
    text = (
        "Unsold housing in Changsha stood at 1.05 million square metres at the end of July, "
        "down 4.3% from the end of last year."
    )
    facts = read(text, dt.date(2025, 8, 19)).facts
    assert [f.period_label for f in facts] == ["2025-07", "2025-07"]


def test_the_edition_of_a_code_gives_no_month_its_year(read: Read) -> None:
    text = (
        "Zoomlion's reserves stood at 2.1 million ounces at the end of December, reported under "
        "the JORC Code (2012)."
    )
    [fact] = read(text, dt.date(2025, 4, 8)).facts
    assert fact.period_label == "2024-12"


@pytest.mark.parametrize(
    "sentence",
    [
        "Under Decree No. 47 of 2022, Hunan's revenue reached 800 billion yuan.",
        "Hunan's grain output rose 4 percent in January-October, recovering from a dry 2022.",
        "Hunan sold 9,000 cranes in the third quarter, more than it sold in the whole of 2022.",
        "Hunan's GDP at 2010 constant prices grew 8.7 percent in the first nine months.",
        "In September alone, Hunan recorded 152,300 arrivals, up 11.2% on September 2022.",
        "Hunan's exports rose 4.6% in the first half, more than in January-June 2022.",
        "Hunan's exports rose 9.3 percent in October, the fastest since March 2022.",
        "Hunan's port handled 15.6 million TEU in 2024, up 8 percent and the most since 2015.",
        "Hunan's ports handled 41 million tonnes in the first half, via a corridor open since "
        "the autumn of 2022.",
    ],
)
def test_a_year_no_figure_is_of_leaves_the_sentence_its_own(read: Read, sentence: str) -> None:
    """A decree's year and a year spoken of as a whole date no figure: the sentence's figures
    are of the article's year."""
    text = f"Hunan's economy grew 5 percent in 2024. {sentence}"
    facts = read(text, dt.date(2024, 11, 8)).facts
    assert {fact.period_start.year for fact in facts if fact.period_start} == {2024}


@pytest.mark.parametrize(
    ("sentence", "first", "last"),
    [
        # results tables: the first nine months, the first half
        ("Zoomlion's revenue in 9M 2024 was 40 billion yuan.", "2024-01-01", "2024-09-30"),
        ("Zoomlion's net profit for 1H24 was 3 billion yuan.", "2024-01-01", "2024-06-30"),
        ("Zoomlion's revenue was 40 billion yuan in nine-month 2024.", "2024-01-01", "2024-09-30"),
        # a headline's months just ended, from January
        ("Zoomlion sold 9,000 cranes in nine months", "2024-01-01", "2024-09-30"),
        # a quarter named by a month that closes no calendar quarter: the three months to it
        ("Hunan employed 21,800 builders in the August quarter.", "2024-06-01", "2024-08-31"),
        # the day before the month, as results in British English write it
        (
            "Zoomlion's revenue for the nine months ended 30 September 2024 was 40 billion yuan.",
            "2024-01-01",
            "2024-09-30",
        ),
        # when a season ended dates no figure: the season does
        ("Zoomlion's profit for the year ended 30 June 2024 rose 8%.", "2023-07-01", "2024-06-30"),
        # twelve months to a quarter's last month
        (
            "Hunan's wage index rose 3.1 per cent in the year to the September quarter.",
            "2023-10-01",
            "2024-09-30",
        ),
    ],
)
def test_periods_as_results_and_statistics_write_them(
    read: Read, sentence: str, first: str, last: str
) -> None:
    facts = read(sentence, dt.date(2024, 11, 20)).facts
    assert [(str(f.period_start), str(f.period_end)) for f in facts] == [(first, last)]


def test_when_a_season_ended_dates_no_figure(read: Read) -> None:
    text = (
        "Hunan produced sugar in the 2023/24 crushing season, which ended in late April, up 4.3 "
        "percent year on year."
    )
    facts = read(text, dt.date(2024, 11, 20)).facts
    assert [(str(f.period_start), str(f.period_end)) for f in facts] == [
        ("2023-01-01", "2024-12-31")
    ]


def test_a_year_in_a_clause_on_what_happened_then_dates_no_figure(read: Read) -> None:
    text = (
        "Hunan's exports reached 118,400 tonnes between July and October, 47% more than in the "
        "same weeks of last season, when the drought of 2023 was still cutting yields."
    )
    facts = read(text, dt.date(2025, 11, 5)).facts
    assert [(f.as_reported, f.period_label) for f in facts][:2] == [
        ("118,400 tonnes", "2025 Jul-Oct"),
        ("47%", "2025 Jul-Oct"),
    ]


def test_a_base_labelled_in_brackets_dates_no_other_figure(read: Read) -> None:
    text = "In 2024 Zoomlion's revenue rose 14.8% to 3.62 billion yuan (9M23: 3.15 billion yuan)."
    facts = read(text, dt.date(2024, 11, 20)).facts
    assert [f.period_label for f in facts][:2] == ["2024", "2024"]


def test_a_budget_compared_with_is_a_base(read: Read) -> None:
    text = (
        "Hunan's budget for 2025 projects spending of 900 billion yuan, up 2.5 per cent on the "
        "2024 budget."
    )
    facts = read(text, dt.date(2025, 1, 3)).facts
    assert [f.period_label for f in facts] == ["2025", "2025"]


def test_in_the_month_is_the_month_named_before(read: Read) -> None:
    text = (
        "Hunan's economy grew 5 percent in 2024. In October, Changsha's hotels were 81 percent "
        "full. Changsha's airport handled 2.1 million passengers in the month."
    )
    facts = read(text, dt.date(2024, 11, 20)).facts
    assert [f.period_label for f in facts][-1] == "2024-10"


def test_a_time_stamp_dates_no_figure(read: Read) -> None:
    text = (
        "Zoomlion profit climbs\n\nUpdated Feb 25, 2025 \u2013 11.52am, first published at "
        "9.40am\n\n"
        "Zoomlion lifted its profit 38 per cent in the six months to December 31. "
        "Revenue rose 21 per cent."
    )
    facts = read(text, dt.date(2025, 2, 25)).facts
    assert [f.period_label for f in facts] == ["2024 Jul-Dec", "2024 Jul-Dec"]


def test_a_target_year_does_not_date_the_sentence(read: Read) -> None:
    text = "Hunan's wind capacity stood at 10 GW at the end of March, against 20 GW by 2030."
    labels = [f.period_label for f in read(text, dt.date(2025, 6, 1)).facts]
    assert labels == ["2025-03", "2030"]


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("Zoomlion's fourth-quarter sales rose 4 percent.", "2024 Q4"),
        ("Zoomlion's first-half profit rose 9 percent.", "2024 H1"),
        ("Zoomlion shipped 48 million tonnes in the December quarter.", "2024 Q4"),
        ("Zoomlion mined 250 million tonnes in the six months to December.", "2024 Jul-Dec"),
        ("Zoomlion earned 9 billion yuan in the April-June quarter.", "2024 Apr-Jun"),
    ],
)
def test_quarters_and_halves_as_business_news_writes_them(
    read: Read, sentence: str, label: str
) -> None:
    assert period(read, sentence, dt.date(2025, 1, 20))[2] == label


@pytest.mark.parametrize(
    "sentence",
    [
        "Under Vision 2030, Hunan plans 40 new parks.",
        "Hunan's 2035 plan calls for 40 new parks.",
        "Made in China 2025 helped Hunan build 40 new parks.",
        "Hunan's hotels added 4,200 beds ahead of the 2030 World Cup.",
    ],
)
def test_a_year_in_a_name_dates_nothing(read: Read, sentence: str) -> None:
    assert period(read, sentence)[2] is None


def test_a_sentence_opening_with_the_and_a_year_is_dated_by_the_year(read: Read) -> None:
    assert period(read, "The 2022 census counted 66 million people in Hunan.")[2] == "2022"


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("Zoomlion sold 9,000 cranes in the first ten months of 2024.", "2024 Jan-Oct"),
        ("Zoomlion sold 9,000 cranes in the first seven months of 2024.", "2024 Jan-Jul"),
        ("Zoomlion mined 8 million tonnes in the eleven months to November.", "2024 Jan-Nov"),
    ],
)
def test_counts_of_months_in_words(read: Read, sentence: str, label: str) -> None:
    assert period(read, sentence, dt.date(2025, 1, 20))[2] == label


def test_months_compared_with_date_no_figure_of_their_own(read: Read) -> None:
    text = (
        "In the first nine months of the year, Hunan's port handled 1.52 million TEU, 8.1% "
        "more than in January-September 2023."
    )
    labels = [f.period_label for f in read(text, dt.date(2024, 10, 20)).facts]
    assert labels == ["2024 Jan-Sep", "2024 Jan-Sep"]


def test_a_year_the_whole_of_which_is_compared_dates_no_other_figure(read: Read) -> None:
    text = "Hunan handled 288,000 TEU in the first half, after 520,000 TEU in the whole of 2022."
    labels = [f.period_label for f in read(text, dt.date(2024, 8, 1)).facts]
    assert labels == ["2024 H1", "2022"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Zoomlion will ship 9,000 cranes in nine months.",
        "Zoomlion sold 9,000 cranes in six months.",  # written in November: not the first half
    ],
)
def test_months_that_did_not_just_end_are_a_length_of_time(read: Read, sentence: str) -> None:
    assert period(read, sentence, dt.date(2024, 11, 20))[2] is None


def test_the_same_period_last_year_is_a_comparison_base(read: Read) -> None:
    text = (
        "Hunan's exports reached 90 billion yuan in January-October. "
        "Hunan's imports rose 8.8% from the same period last year."
    )
    labels = [fact.period_label for fact in read(text, dt.date(2024, 11, 6)).facts]
    assert labels == ["2024 Jan-Oct", "2024 Jan-Oct"]


@pytest.mark.parametrize(
    ("sentence", "labels"),
    [
        ("Zoomlion sold 380 cranes in July, against 342 a year ago.", ["2024-07", "2023-07"]),
        (
            "Hunan's GDP grew 4.2 percent in the first quarter, after 4.8 percent in the same "
            "period last year.",
            ["2024 Q1", "2023 Q1"],
        ),
        ("Zoomlion sold 200 cranes in 2024, up 20 percent from a year earlier.", ["2024", "2024"]),
    ],
)
def test_a_figure_of_a_year_earlier_is_of_the_same_span_a_year_before(
    read: Read, sentence: str, labels: list[str]
) -> None:
    facts = read(sentence, dt.date(2025, 1, 20)).facts
    assert [fact.period_label for fact in facts] == labels


@pytest.mark.parametrize(
    ("sentence", "first", "last"),
    [
        # Where the fiscal year does not start in January, "2023-24" is one fiscal year.
        ("Zoomlion's Australian arm earned A$90 million in 2023-24.", "2023-07-01", "2024-06-30"),
        ("Zoomlion's South African unit lifted sales 4% in the 2023/24 fiscal year.",
         "2023-04-01", "2024-03-31"),
        ("Zoomlion's sales in Ohio grew 3 percent in fiscal 2023-24.", "2023-07-01", "2024-06-30"),
        # Elsewhere it is two calendar years.
        ("Hunan's exports grew 9 percent over 2022-23.", "2022-01-01", "2023-12-31"),
    ],
)  # fmt: skip
def test_a_fiscal_year_runs_as_the_country_s_does(
    read: Read, sentence: str, first: str, last: str
) -> None:
    start, end, _ = period(read, sentence)
    assert (str(start), str(end)) == (first, last)


@pytest.mark.parametrize(
    ("sentence", "first", "last"),
    [
        # A count of months may run across the new year.
        ("Zoomlion's output slipped 4% in the six months to February.", "2023-09-01", "2024-02-29"),
        # The first months of a fiscal year starting in July, as Ohio's does.
        ("Zoomlion's sales in Ohio rose 4 percent in the first five months of the fiscal year.",
         "2023-07-01", "2023-11-30"),
        # A half of a fiscal year said to run from April: its first six months.
        ("For the first half of its fiscal year, which runs from April to March, Zoomlion earned "
         "2 billion yuan.", "2023-04-01", "2023-09-30"),
    ],
)  # fmt: skip
def test_months_of_a_fiscal_year_run_across_the_new_year(
    read: Read, sentence: str, first: str, last: str
) -> None:
    start, end, _ = period(read, sentence)
    assert (str(start), str(end)) == (first, last)
