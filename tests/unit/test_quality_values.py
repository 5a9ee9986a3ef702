"""`Accept` and `Accept-Encoding` read q-values by one rule: out of 0..1 or malformed voids the
element, as if the client had not listed it."""

from __future__ import annotations

import pytest

from service.representations.compression import choose_coding
from service.representations.negotiation import CSV, JSON, choose
from service.representations.quality import q_value


@pytest.mark.parametrize(
    ("parameters", "expected"),
    [
        ([], 1.0),
        (["q=0.5"], 0.5),
        (["Q=0"], 0.0),
        (["level=1", "q=1"], 1.0),
        (["q=2"], None),
        (["q=-0.1"], None),
        (["q=high"], None),
    ],
)
def test_one_reading_of_a_q_value(parameters: list[str], expected: float | None) -> None:
    assert q_value(parameters) == expected


@pytest.mark.parametrize("q", ["2", "-1", "x"])
def test_an_invalid_q_voids_the_element_in_both_headers(q: str) -> None:
    # Not clamped into a preference: the element counts as absent, so the others decide.
    assert choose(f"text/csv;q={q}, application/json;q=0.5", (JSON, CSV)) == JSON
    assert choose_coding(f"gzip;q={q}") is None
    assert choose_coding(f"gzip;q={q}, *;q=0.5") in ("br", "gzip")
