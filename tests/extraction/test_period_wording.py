"""Periods as news words them around the figure: nouns that only look like forecasts, seasons."""

from __future__ import annotations

import datetime as dt

from tests.extraction.conftest import Read, only_fact


def test_projects_as_a_noun_does_not_look_ahead(read: Read) -> None:
    text = "Hunan's wind capacity reached 9 GW in October, as builders raced to finish projects."
    fact = only_fact(read(text, dt.date(2024, 11, 5)))
    assert fact.period_label == "2024-10"
