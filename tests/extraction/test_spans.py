"""Spans slice the text exactly, whatever it holds; the extractor needs no network."""

from __future__ import annotations

import datetime as dt
import socket
from pathlib import Path

import msgspec
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schemas.extraction import ExtractionRead
from service.extraction import EXTRACTOR_VERSION, extract
from service.extraction.gazetteer import Gazetteer
from tests.extraction.conftest import Read

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def assert_spans_slice(text: str, result: ExtractionRead) -> None:
    # The result is valid on the wire: finite values, offsets and confidences in range.
    assert msgspec.json.decode(msgspec.json.encode(result), type=ExtractionRead) == result
    for quantity in result.quantities:
        assert text[quantity.start : quantity.end] == quantity.as_reported
    for fact in result.facts:
        assert text[fact.start : fact.end] == fact.as_reported
        assert text[fact.citation.start : fact.citation.end] == fact.citation.quote
        assert fact.citation.start <= fact.start < fact.end <= fact.citation.end
        assert text[fact.subject.start : fact.subject.end]
    for entity in result.entities:
        assert 0 <= entity.start < entity.end <= len(text)
    for item in result.ignored:
        assert text[item.start : item.end] == item.text


def test_spans_after_en_spaces_and_characters_outside_the_bmp(read: Read) -> None:
    text = (
        "\U0001f4c8\u2002Hunan\u2002province\u2002grew: \U00020000 its GDP rose 8 percent, "
        "\U0001d11e to 450 billion yuan."
    )
    result = read(text)
    assert [f.as_reported for f in result.facts] == ["8 percent", "450 billion yuan"]
    assert result.facts[0].subject.id == "hunan"
    assert_spans_slice(text, result)


@pytest.mark.parametrize("path", sorted((SEEDS / "articles").glob("*.txt")), ids=lambda p: p.name)
def test_spans_of_the_seed_articles(read: Read, path: Path) -> None:
    text = path.read_text()
    assert_spans_slice(text, read(text, dt.date(2024, 4, 1)))


def test_extract_needs_no_network(read: Read, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> socket.socket:
        raise AssertionError("the extractor opened a socket")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    text = (SEEDS / "articles" / "001_5d0a964235a9b470.txt").read_text()
    assert read(text).facts


def test_extract_is_deterministic_and_versioned(read: Read) -> None:
    text = (SEEDS / "articles" / "000_b2b969e3c19eb559.txt").read_text()
    first, second = read(text, dt.date(2024, 4, 1)), read(text, dt.date(2024, 4, 1))
    assert first == second
    assert first.extractor == EXTRACTOR_VERSION


def test_the_seed_facts_file_is_unchanged_by_reading() -> None:
    facts = (SEEDS / "facts.yaml").read_text()
    assert yaml.safe_load(facts)["observations"]


_NEWS_WORDS = st.sampled_from(
    ["Hunan", "province", "rose", "more than", "about", "between", "and", "percent", "yuan",
     "billion", "万", "(", ")", "$", "US$", "No.", "5G", "in", "2023", "last year", "It", "its",
     "the first half", "Q1", "ranked", "third", "top", "one-third of", ",", ".", "\n", "\u2002",
     "Co.,Ltd.", "Group", "city", "Zoomlion", "\U0001f4c8", "-", "%", "0731-88888888"]
)  # fmt: skip
_NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=10**30).map(str),
    st.floats(min_value=0, max_value=1e6, allow_nan=False).map(lambda x: f"{x:,.2f}"),
)
_TOKENS = st.one_of(_NEWS_WORDS, _NUMBERS, st.text(max_size=4))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tokens=st.lists(_TOKENS, max_size=40), published=st.one_of(st.none(), st.dates()))
def test_every_span_slices_any_text(tokens: list[str], published: dt.date | None) -> None:
    text = " ".join(tokens)
    gazetteer = Gazetteer()
    assert_spans_slice(text, extract(text, published, gazetteer))
