"""Tables written with pipes: the header cell above a figure gives its unit, scale and period,
the line above the table its period, and the row's label what it counts."""

from __future__ import annotations

import datetime as dt

from tests.extraction.conftest import Read

PUBLISHED = dt.date(2025, 10, 20)
LEAD = (
    "Hunan's ports handled 213.6 million tonnes of cargo in the first three quarters of 2025.\n\n"
)


def readings(read: Read, text: str) -> list[tuple[str, float, str, str | None]]:
    return [(f.as_reported, f.value, f.unit, f.period_label) for f in read(text, PUBLISHED).facts][
        1:
    ]


def test_a_figure_is_in_the_unit_and_of_the_period_its_column_s_header_names(read: Read) -> None:
    text = LEAD + (
        "Segment | H1 2025 (million tonnes) | Change on H1 2024\n"
        "Liquid bulk | 99.8 | -3.2%\n"
        "Containers | 76.4 | +1.1%\n"
    )
    assert readings(read, text) == [
        ("99.8", 99_800_000, "t", "2025 H1"),
        ("-3.2%", -3.2, "percent", "2025 H1"),
        ("76.4", 76_400_000, "t", "2025 H1"),
        ("1.1%", 1.1, "percent", "2025 H1"),
    ]


def test_each_column_is_of_the_year_its_header_names(read: Read) -> None:
    text = (
        LEAD + "Revenue by segment (EUR million)\nSegment | 2025 | 2024\nRetail | 412.6 | 398.1\n"
    )
    assert readings(read, text) == [
        ("412.6", 412_600_000, "EUR", "2025"),
        ("398.1", 398_100_000, "EUR", "2024"),
    ]


def test_a_table_s_title_names_the_period_of_its_rows(read: Read) -> None:
    text = LEAD + (
        "Average prices, April-to-June 2025 (annual change)\n\n"
        "Area | Average price | Change\n"
        "Changsha | ¥12,450 | +4.6%\n"
    )
    assert [label for *_, label in readings(read, text)] == ["2025 Apr-Jun", "2025 Apr-Jun"]


def test_a_number_in_a_header_s_brackets_is_its_column_s_scale_not_a_figure(read: Read) -> None:
    text = LEAD + ("Port area | Containers (10,000 TEUs) | Growth\nChangsha | 512.0 | +15.2%\n")
    assert readings(read, text) == [
        ("512.0", 5_120_000, "TEU", "2025 Q1-Q3"),
        ("15.2%", 15.2, "percent", "2025 Q1-Q3"),
    ]


def test_a_row_s_label_names_what_its_bare_figure_counts(read: Read) -> None:
    text = LEAD + (
        "| Indicator | Value | Change y/y |\n"
        "|---|---|---|\n"
        "| Number of transactions | 180,900 | +19.4% |\n"
    )
    assert readings(read, text)[0] == ("180,900", 180_900, "count", "2025 Q1-Q3")


def test_a_line_of_its_own_with_pipes_is_a_byline_not_a_table(read: Read) -> None:
    text = "By Li Wei | Hunan Daily | 20 October 2025\n\n" + LEAD
    assert [f.as_reported for f in read(text, PUBLISHED).facts] == ["213.6 million tonnes"]


def test_a_header_in_percent_gives_its_column_percentages(read: Read) -> None:
    text = LEAD + (
        "| Product group | Jan-Sep (US$ million) | Change (%) |\n| Phones | 21,876 | -2.6 |\n"
    )
    assert readings(read, text) == [
        ("21,876", 21_876_000_000, "USD", "2025 Jan-Sep"),
        ("-2.6", -2.6, "percent", "2025 Jan-Sep"),
    ]


def test_a_row_s_month_is_of_the_year_its_column_names(read: Read) -> None:
    text = LEAD + ("| Month | 2025 (TEU) | 2024 (TEU) |\n| January | 795,400 | 742,100 |\n")
    assert [(r[0], r[3]) for r in readings(read, text)] == [
        ("795,400", "2025-01"),
        ("742,100", "2024-01"),
    ]


def test_a_header_that_names_what_is_counted_makes_its_figures_counts(read: Read) -> None:
    text = LEAD + (
        "| Port | Ship calls | Employed (thousands) | Change (pp) |\n"
        "| Changsha | 52 | 690.4 | -0.7 |\n"
    )
    assert [(r[0], r[1], r[2]) for r in readings(read, text)] == [
        ("52", 52, "count"),
        ("690.4", 690_400, "count"),
        ("-0.7", -0.7, "percentage_point"),
    ]


def test_a_table_whose_title_names_what_is_counted_counts_its_bare_figures(read: Read) -> None:
    text = LEAD + (
        "Housing starts by city\n| City | Sept. 2025 | Sept. 2024 |\n| Changsha | 1,210 | 2,880 |\n"
    )
    assert [(r[0], r[2]) for r in readings(read, text)] == [("1,210", "count"), ("2,880", "count")]


def test_a_row_s_label_gives_its_figures_their_unit_and_scale(read: Read) -> None:
    text = LEAD + (
        "| Indicator | Jan-Sep 2025 |\n"
        "| Containers (10,000 TEU) | 369.0 |\n"
        "| Tourist visits (10,000) | 892.0 |\n"
        "| Tourism revenue (100 million yuan) | 203.7 |\n"
    )
    assert [(r[0], r[1], r[2]) for r in readings(read, text)] == [
        ("369.0", 3_690_000, "TEU"),
        ("892.0", 8_920_000, "count"),
        ("203.7", 20_370_000_000, "CNY"),
    ]


def test_a_title_that_says_in_thousand_units_scales_the_rows(read: Read) -> None:
    text = LEAD + (
        "Monthly throughput, in thousand TEU:\n\n"
        "| Month | 2025 | 2024 |\n"
        "| January | 2,010 | 1,958 |\n"
    )
    assert readings(read, text) == [
        ("2,010", 2_010_000, "TEU", "2025-01"), ("1,958", 1_958_000, "TEU", "2024-01"),
    ]  # fmt: skip


def test_a_header_of_one_plural_noun_counts_its_column(read: Read) -> None:
    text = LEAD + ("| District | Herds | Cows | Sales |\n| Changsha | 1,021 | 212,400 | 86 |\n")
    assert [reading[:3] for reading in readings(read, text)] == [
        ("1,021", 1021, "count"), ("212,400", 212400, "count"),
    ]  # fmt: skip
