"""Periods as economic news writes them: spans to date, spans a year long ending in a month,
bases compared with, and the clauses that share a period."""

from __future__ import annotations

import datetime as dt

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


def test_so_far_in_a_year_ended_is_that_whole_year(read: Read) -> None:
    text = "Hunan signed 54 investment deals so far in 2024, officials said."
    published = dt.date(2025, 3, 2)
    assert periods(read, text, published) == [("54 investment deals", "2024")]
