"""How a company's results release dates its figures: the headline before the lead, the list of
key figures, the bases in brackets, the balances on a day."""

from __future__ import annotations

import datetime as dt

from tests.extraction.conftest import Read

PUBLISHED = dt.date(2025, 11, 26)


def periods(read: Read, text: str) -> list[tuple[str, str | None]]:
    return [(f.as_reported, f.period_label) for f in read(text, PUBLISHED).facts]


def test_the_lead_names_the_period_of_a_headline_figure_and_of_the_figures_after(
    read: Read,
) -> None:
    text = (
        "Zoomlion: nine-month revenue up 6.2%\n\n"
        "Changsha, 26 November 2025 - Zoomlion today published its results for the first three "
        "quarters of 2025.\n\n"
        "Revenue reached 41.2 billion yuan."
    )
    assert periods(read, text) == [("6.2%", "2025 Q1-Q3"), ("41.2 billion yuan", "2025 Q1-Q3")]


def test_the_items_of_a_list_of_key_figures_are_of_the_period_reported(read: Read) -> None:
    text = (
        "Zoomlion today published its results for the first three quarters of 2025.\n\n"
        "Key figures:\n"
        "- Revenue: 41.2 billion yuan, +6.2%\n"
        "- Net profit: 3.9 billion yuan\n"
    )
    assert {label for _, label in periods(read, text)} == {"2025 Q1-Q3"}


def test_a_base_in_brackets_labelled_by_its_year_is_of_the_year_before(read: Read) -> None:
    text = (
        "Zoomlion today published its results for the first nine months of 2025.\n\n"
        "- Revenue: 41.2 billion yuan (previous year: 38.5 billion yuan)\n"
        "- Net profit: 3.9 billion yuan (9M24: 3.1 billion yuan)\n"
    )
    assert periods(read, text) == [
        ("41.2 billion yuan", "2025 Jan-Sep"), ("38.5 billion yuan", "2024 Jan-Sep"),
        ("3.9 billion yuan", "2025 Jan-Sep"), ("3.1 billion yuan", "2024 Jan-Sep"),
    ]  # fmt: skip


def test_a_line_that_opens_with_key_figures_heads_a_list(read: Read) -> None:
    text = (
        "Zoomlion's profit rose in the second quarter.\n\n"
        "Key figures, H1 2025 (H1 2024 in brackets)\n"
        "- Revenue: 41.2 billion yuan (38.5 billion yuan)\n"
    )
    assert periods(read, text)[-2:] == [
        ("41.2 billion yuan", "2025 H1"), ("38.5 billion yuan", "2024 H1"),
    ]  # fmt: skip


def test_a_year_s_key_figures_with_the_year_before_in_brackets(read: Read) -> None:
    # 2024 is a day longer than 2023; the legend's year is no narrower a heading
    text = (
        "Zoomlion today published its accounts.\n\n"
        "Key figures for 2024 (2023 in brackets)\n"
        "Revenue: 41.2 billion yuan (38.5 billion yuan)\n"
    )
    assert periods(read, text) == [("41.2 billion yuan", "2024"), ("38.5 billion yuan", "2023")]


def test_a_financial_year_to_a_month_says_how_the_company_s_years_run(read: Read) -> None:
    text = (
        "Zoomlion reported a 38% jump in net profit for its financial year to April.\n\n"
        "Revenue in the 2024/25 financial year was 41.2 billion yuan, against 38.5 billion "
        "yuan in 2023/24."
    )
    facts = read(text, PUBLISHED).facts[-2:]
    assert [(str(f.period_start), str(f.period_end)) for f in facts] == [
        ("2024-05-01", "2025-04-30"), ("2023-05-01", "2024-04-30"),
    ]  # fmt: skip


def test_the_story_s_lead_gives_the_period_over_a_headline_s_other_one(read: Read) -> None:
    text = (
        "Changsha airport passes 20 million passengers before the end of September\n\n"
        "CHANGSHA, 2 October 2025 - Hunan welcomed 4.9 million tourists between June and "
        "August, and they spent 6.1 billion yuan.\n\n"
        "Hotels in Hunan registered 24.6 million overnight stays."
    )
    assert periods(read, text)[1:] == [
        ("4.9 million tourists", "2025 Jun-Aug"),
        ("6.1 billion yuan", "2025 Jun-Aug"),
        ("24.6 million overnight stays", "2025 Jun-Aug"),
    ]


def test_a_part_of_a_headline_s_period_leaves_the_story_the_headline_s(read: Read) -> None:
    text = (
        "Zoomlion H1 net profit rises 8.4%\n\n"
        "Zoomlion's revenue rose 9.1% in the second quarter.\n\n"
        "Zoomlion's terminals handled 6.1 million TEU."
    )
    assert periods(read, text)[-1] == ("6.1 million TEU", "2025 H1")


def test_a_heading_s_base_period_in_brackets_does_not_restate_its_period(read: Read) -> None:
    text = (
        "Zoomlion today published its results.\n\n"
        "Third quarter of 2025 (third quarter of 2024 in brackets):\n"
        "- Revenue: 14.2 billion yuan (12.9 billion yuan)\n"
    )
    assert periods(read, text) == [
        ("14.2 billion yuan", "2025 Q3"), ("12.9 billion yuan", "2024 Q3"),
    ]  # fmt: skip


def test_a_stock_at_the_end_of_a_quarter_is_of_its_last_month(read: Read) -> None:
    text = "Zoomlion employed 68,400 people at the end of the third quarter."
    assert periods(read, text) == [("68,400 people", "2025-09")]


def test_a_balance_on_a_day_written_before_its_month_is_of_that_month(read: Read) -> None:
    text = (
        "As of 30 September 2025, Zoomlion's order backlog stood at 52 billion yuan. "
        "Zoomlion employed 31,200 people at 30 June 2025."
    )
    assert periods(read, text) == [("52 billion yuan", "2025-09"), ("31,200 people", "2025-06")]


def test_a_stock_s_base_at_the_end_of_a_year_leaves_the_sentence_its_month(read: Read) -> None:
    text = (
        "Zoomlion's net debt fell to 9.6 billion yuan as of 30 September, from 11.8 billion yuan "
        "at the end of 2024."
    )
    assert periods(read, text) == [("9.6 billion yuan", "2025-09"), ("11.8 billion yuan", "2024")]


def test_a_half_year_report_at_a_date_is_the_half_that_ends_then(read: Read) -> None:
    # "Britain", a market named in the opening, would make an April-March fiscal half of it.
    text = (
        "Zoomlion today approved its half-year report at 30 June 2025. Britain buys a third of "
        "its cranes.\n\nRevenue rose 7.9% to 22.4 billion yuan."
    )
    assert periods(read, text)[1:] == [("7.9%", "2025 H1"), ("22.4 billion yuan", "2025 H1")]


def test_a_half_in_a_headline_in_capitals_is_no_model_name(read: Read) -> None:
    text = "ZOOMLION: BOARD APPROVES H1 2025 RESULTS\n\nZoomlion's revenue rose 7.9%."
    assert [q.as_reported for q in read(text, PUBLISHED).quantities] == ["7.9%"]


def test_the_period_a_list_s_heading_names_dates_its_labelled_lines(read: Read) -> None:
    text = (
        "Zoomlion's cranes sold well, the company said.\n\n"
        "Summer season 2025 at Zoomlion (May-October, change on 2024):\n"
        "Crane sales: 41.2 billion yuan (+6.2%)\n"
        "Crane exports: 12.1 billion yuan\n\n"
        "Zoomlion's chairman, 58, said the market had turned."
    )
    labels = {label for _, label in periods(read, text)}
    assert labels == {"2025 May-Oct"}


def test_a_figure_in_brackets_after_an_item_s_figure_is_the_year_before(read: Read) -> None:
    text = (
        "Zoomlion today published its results for the first nine months of 2025.\n\n"
        "- Revenue: 41.2 billion yuan (38.5 billion yuan)\n"
    )
    assert periods(read, text) == [
        ("41.2 billion yuan", "2025 Jan-Sep"), ("38.5 billion yuan", "2024 Jan-Sep"),
    ]  # fmt: skip


def test_a_short_title_that_says_it_heads_a_list_dates_the_list(read: Read) -> None:
    text = (
        "Zoomlion Interim Report January-September 2025\n\n"
        "July-September 2025 in brief\n\n"
        "- Sales decreased 6.0% to 41.2 billion yuan\n"
    )
    assert {label for _, label in periods(read, text)} == {"2025 Jul-Sep"}


def test_the_words_between_quoted_short_names_are_no_quotation(read: Read) -> None:
    text = (
        'The board (the "Board") of Zoomlion (the "Company") announces the results of the '
        'Company and its subsidiaries (the "Group") for the six months ended 30 June 2025 '
        '(the "Period"), with the figures for the corresponding period in 2024.\n\n'
        "- Revenue: 41.2 billion yuan (1H2024: 38.5 billion yuan)\n"
    )
    assert periods(read, text) == [
        ("41.2 billion yuan", "2025 Jan-Jun"), ("38.5 billion yuan", "2024 Jan-Jun"),
    ]  # fmt: skip


def test_a_lead_that_reports_results_for_a_quarter_narrows_the_headline_s_month(
    read: Read,
) -> None:
    text = (
        "Operating update: Zoomlion deliveries reach a record in September 2025\n\n"
        "Changsha, 23 October 2025 - Zoomlion today reports its operating results for the "
        "third quarter of 2025.\n\n"
        "Highlights\n\n"
        "- Revenue of 14.2 billion yuan (12.9 billion yuan), up 10.1%\n"
    )
    assert periods(read, text) == [
        ("14.2 billion yuan", "2025 Q3"), ("12.9 billion yuan", "2024 Q3"), ("10.1%", "2025 Q3"),
    ]  # fmt: skip


def test_a_lead_s_quarter_replaces_a_headline_s_month_for_later_figures(read: Read) -> None:
    text = (
        "Zoomlion September deliveries up 12%\n\n"
        "Changsha, 23 October 2025 - Zoomlion today published its results for the third quarter "
        "of 2025.\n\n"
        "- Revenue of 14.2 billion yuan (12.9 billion yuan)\n"
    )
    assert periods(read, text)[1:] == [
        ("14.2 billion yuan", "2025 Q3"),
        ("12.9 billion yuan", "2024 Q3"),
    ]


def test_a_percent_in_brackets_after_a_percent_is_the_year_before_unless_signed(
    read: Read,
) -> None:
    text = (
        "Zoomlion today published its results for the first nine months of 2025.\n\n"
        "- EBITDA margin: 13.3% (12.3%)\n"
        "- Revenue: 41.2 billion yuan (+2.1%)\n"
    )
    assert periods(read, text) == [
        ("13.3%", "2025 Jan-Sep"), ("12.3%", "2024 Jan-Sep"),
        ("41.2 billion yuan", "2025 Jan-Sep"), ("2.1%", "2025 Jan-Sep"),
    ]  # fmt: skip


def test_a_labelled_line_whose_figure_opens_with_a_currency_code_is_a_list_item(
    read: Read,
) -> None:
    text = (
        "Zoomlion reported a net profit for the nine months to 30 September 2025.\n\n"
        "Key figures, 9M 2025 (9M 2024)\n"
        "Revenue: CNY 41.2 billion (CNY 38.5 billion)\n"
    )
    assert periods(read, text)[-2:] == [
        ("CNY 41.2 billion", "2025 Jan-Sep"), ("CNY 38.5 billion", "2024 Jan-Sep"),
    ]  # fmt: skip


def test_a_bare_number_a_line_labels_with_a_plural_noun_is_that_count(read: Read) -> None:
    text = (
        "Changsha airport published its traffic for the first nine months of 2025.\n\n"
        "Key figures:\n"
        "- Passengers: 2,712,480 (+18.4%)\n"
        "- Registered unemployed: 59,834\n"
        "- Sales: 4,112\n"
        "- Remittances: 12,345\n"
        "- Subscriptions: 2901 4477\n"
    )
    facts = read(text, PUBLISHED).facts
    assert [(f.as_reported, f.unit, f.value) for f in facts if f.unit == "count"] == [
        ("2,712,480", "count", 2712480),
        ("59,834", "count", 59834),
    ]


def test_a_bare_base_in_brackets_takes_the_figure_s_unit_and_scale(read: Read) -> None:
    text = (
        "Zoomlion today published its results for 2024.\n\n"
        "- Net sales: SEK 8,420 million (8,127)\n"
        "- Cargo: 9.85 million tonnes (9.27 million)\n"
    )
    facts = read(text, PUBLISHED).facts
    assert [(f.as_reported, f.value, f.unit) for f in facts] == [
        ("SEK 8,420 million", 8.42e9, "SEK"), ("8,127", 8.127e9, "SEK"),
        ("9.85 million tonnes", 9.85e6, "t"), ("9.27 million", 9.27e6, "t"),
    ]  # fmt: skip


def test_a_bare_base_alone_in_brackets_in_prose_is_of_the_year_before(read: Read) -> None:
    text = "Zoomlion's port handled 9.85 million tonnes (9.27 million) of cargo in 2024."
    assert periods(read, text) == [("9.85 million tonnes", "2024"), ("9.27 million", "2023")]


def test_only_the_story_s_first_sentence_replaces_a_headline_s_period(read: Read) -> None:
    text = (
        "Zoomlion revenue up 6% in Q3 2025\n\n"
        "Zoomlion's sales grew in the third quarter, the company said on Thursday.\n\n"
        "Zoomlion expanded in the first nine months of 2025, the company said. "
        "Zoomlion's profit rose 4 percent."
    )
    assert periods(read, text)[-1] == ("4 percent", "2025 Q3")


def test_a_lead_on_last_year_replaces_a_headline_s_plan_for_this_year(read: Read) -> None:
    text = (
        "Zoomlion presents 2024 annual report; plans 88 billion yuan of investment this year\n\n"
        "Zoomlion closed 2024 with higher sales, according to the annual report presented on "
        "Monday.\n\n"
        "Zoomlion's revenue rose 9.4% to 486.3 billion yuan."
    )
    assert periods(read, text)[-2:] == [("9.4%", "2024"), ("486.3 billion yuan", "2024")]


def test_the_year_a_fiscal_year_ends_in_is_not_the_year_of_a_quarter_beside_it(
    read: Read,
) -> None:
    text = (
        "Zoomlion's output fell 3.8% in the April-June quarter, the first quarter of its fiscal "
        "year ending March 2026."
    )
    assert periods(read, text) == [("3.8%", "2025 Apr-Jun")]


def test_a_quarter_reported_as_done_is_not_of_the_year_a_later_plan_names(read: Read) -> None:
    text = (
        "Zoomlion reported fourth-quarter net earnings of 1.14 billion yuan, up 8%, and set a "
        "capital budget of 3.2 billion yuan for 2026."
    )
    written_in_february = read(text, dt.date(2026, 2, 10)).facts
    assert [(f.as_reported, f.period_label) for f in written_in_february] == [
        ("1.14 billion yuan", "2025 Q4"), ("8%", "2025 Q4"), ("3.2 billion yuan", "2026"),
    ]  # fmt: skip


def test_a_quarter_under_way_keeps_the_year_the_sentence_names(read: Read) -> None:
    text = (
        "Zoomlion targets revenue of 60 billion yuan for 2025, which would require sales of 18 "
        "billion yuan in the fourth quarter."
    )
    written_in_october = read(text, dt.date(2025, 10, 7)).facts
    assert [f.period_label for f in written_in_october] == ["2025", "2025 Q4"]


def test_a_plan_after_a_quarter_done_does_not_make_it_yet_to_come(read: Read) -> None:
    text = (
        "Zoomlion, which earned 7.44 billion yuan in the first quarter, plans to invest 120 "
        "billion yuan in a plant due for completion in May 2027."
    )
    assert read(text, dt.date(2025, 5, 2)).facts[0].period_label == "2025 Q1"
