"""Wordings of economic news: currencies by local name, ranks, bare counts, fractions, and
numbers that are conditions of a figure rather than figures (rates, per-share prices, sizes)."""

from __future__ import annotations

import datetime as dt

import pytest

from schemas.extraction import QuantityRead
from service.extraction import extract
from service.extraction.gazetteer import Gazetteer
from tests.extraction.conftest import Read

_PUBLISHED = dt.date(2025, 11, 20)


def _facts(read: Read, sentence: str) -> list[tuple[str, float, str, str]]:
    result = read(sentence, _PUBLISHED)
    return [(f.as_reported, round(f.value, 4), f.unit, f.comparator) for f in result.facts]


def quantities_of(text: str) -> list[QuantityRead]:
    return extract(text, _PUBLISHED, Gazetteer(entities=(), indicators=())).quantities


def _ignored(read: Read, sentence: str) -> list[str]:
    return [item.text for item in read(sentence, _PUBLISHED).ignored]


@pytest.mark.parametrize(
    ("sentence", "as_reported", "value", "unit"),
    [
        ("Zoomlion will invest 4.7 billion złoty in a Polish plant.", "4.7 billion złoty", 4.7e9,
         "PLN"),
        ("Zoomlion paid 286 million zloty for the site.", "286 million zloty", 2.86e8, "PLN"),
        ("Hunan's textile exports earned 10.2 billion birr.", "10.2 billion birr", 1.02e10, "ETB"),
        ("Zoomlion's Korean unit booked 512 billion won in sales.", "512 billion won", 5.12e11,
         "KRW"),
        ("Zoomlion spent 1.6 billion pesos on a Mexican plant.", "1.6 billion pesos", 1.6e9, "MXN"),
        ("Zoomlion's Brazilian arm invested R$ 800 million.", "R$ 800 million", 8e8, "BRL"),
        ("Zoomlion's Indonesian sales reached 1.2 trillion rupiah.", "1.2 trillion rupiah",
         1.2e12, "IDR"),
    ],
)  # fmt: skip
def test_currencies_written_by_their_own_names(
    read: Read, sentence: str, as_reported: str, value: float, unit: str
) -> None:
    assert (as_reported, value, unit, "eq") in _facts(read, sentence)


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        ("Zoomlion shares fell 4.3% to $187.20 in premarket trading.", "187.20"),
        ("Zoomlion earned $3.06 a share in the quarter.", "3.06"),
        ("Zoomlion kept its forecast of $12.40 to $12.80 per share.", "12.40"),
        ("Zoomlion's board approved a dividend of 82 cents per share.", "82"),
        ("Zoomlion shares closed at $41.50 on Monday.", "41.50"),
        ("Hunan's budget was converted at 18.6 pesos per dollar.", "18.6"),
        ("Zoomlion's Polish costs were booked at 3.9 zloty to the euro.", "3.9"),
        ("Hunan's revenue forecast assumes oil at US$60 a barrel.", "60"),
        ("Zoomlion warned that steel prices near US$500 a tonne could lift costs.", "500"),
        ("The Zoomlion plant lies 275 kilometres south of Changsha.", "275"),
        ("Hunan's water table is falling about 1.5 metres a year.", "1.5"),
        ("The survey samples approximately 56,000 households across Hunan.", "56,000"),
        ("Hunan's figures are in statistical table 14-10-0287-01.", "0287"),
    ],
)
def test_conditions_of_a_figure_are_not_facts(read: Read, sentence: str, number: str) -> None:
    assert number in _ignored(read, sentence)
    assert not any(number in as_reported for as_reported, *_ in _facts(read, sentence))


@pytest.mark.parametrize(
    ("sentence", "fact"),
    [
        ("China became the world's No. 1 exporter of pumps, ahead of Hunan.", ("No. 1", 1, "eq")),
        ("Hunan remains China's No. 2 exporter of machinery.", ("No. 2", 2, "eq")),
        ("Hunan's GDP grew 6.2% in 2024, the third-fastest pace in China.",
         ("third-fastest", 3, "eq")),
        ("Hunan's output rose 9 percent, making it among the top 10 richest provinces.",
         ("among the top 10 richest provinces", 10, "lte")),
    ],
)  # fmt: skip
def test_ranks(read: Read, sentence: str, fact: tuple[str, float, str]) -> None:
    as_reported, value, comparator = fact
    assert (as_reported, value, "rank", comparator) in _facts(read, sentence)


@pytest.mark.parametrize(
    ("sentence", "fact"),
    [
        ("Zoomlion expects the number of people on its payroll to surpass 50,000 by 2027.",
         ("surpass 50,000", 50000, "gt")),
        ("Hunan's mining workforce is surpassing 40,000 for the first time.",
         ("surpassing 40,000", 40000, "gt")),
        ("The number of workers employed by Zoomlion and its suppliers in Changsha was 40,620.",
         ("40,620", 40620, "eq")),
        ("Changsha's population has risen to nearly 250,000.",
         ("nearly 250,000", 250000, "approx")),
    ],
)  # fmt: skip
def test_bounded_bare_counts(read: Read, sentence: str, fact: tuple[str, float, str]) -> None:
    as_reported, value, comparator = fact
    assert (as_reported, value, "count", comparator) in _facts(read, sentence)


@pytest.mark.parametrize(
    ("sentence", "fact"),
    [
        ("Wages in Changsha reached 9,300 yuan, about a fifth more than two years earlier.",
         ("about a fifth", 20.0, "percent", "approx")),
        ("Hunan's machinery exports were a third lower than a year before.",
         ("a third", -33.3333, "percent", "eq")),
        ("Zoomlion runs two dozen plants in Hunan.", ("two dozen plants", 24, "count", "eq")),
        ("Zoomlion will build a 720,000-square-metre plant in Changsha.",
         ("720,000-square-metre", 720000, "m2", "eq")),
        ("Zoomlion's Changsha mine produced 151,000 ounces of gold in 2024.",
         ("151,000 ounces", 151000, "oz", "eq")),
    ],
)  # fmt: skip
def test_fractions_and_sizes(read: Read, sentence: str, fact: tuple[str, float, str, str]) -> None:
    assert fact in _facts(read, sentence)


def test_a_bare_dollar_is_the_local_dollar_where_the_text_writes_us_dollars_apart() -> None:
    text = (
        "Average hourly wages in Alberta were $38.92 in November. Canada's producers said oil "
        "at US$60 a barrel would slow drilling in Alberta."
    )
    quantities = [(q.as_reported, q.unit) for q in quantities_of(text)]
    assert ("$38.92", "CAD") in quantities


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("Saskatchewan's deficit widened to $182.4 million, Regina said; potash fetched US$350 a "
         "tonne.", "CAD"),
        ("Queensland's Brisbane port earned $410 million; coal sold at US$120 a tonne.", "AUD"),
        ("Auckland's council spent $2.1 billion, while New Zealand dairy fetched US$3.9 a "
         "kilogram.", "NZD"),
    ],
)  # fmt: skip
def test_a_provinces_or_a_citys_name_makes_a_bare_dollar_local(text: str, currency: str) -> None:
    assert next(q.unit for q in quantities_of(text)) == currency


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        # A local paper writes its own dollars with a bare "$", and no "US$" beside them.
        ("Ontario's battery plant will cost $3.6 billion, Canada's industry ministry said.",
         "CAD"),
        ("Manitoba tabled a budget with a $794-million deficit in Winnipeg on Thursday.", "CAD"),
        # Named once, a place does not make the article its country's.
        ("Ontario's battery plant will cost $3.6 billion, the company said.", "USD"),
        ("Ontario's plant will cost $3.6 billion, U.S. and Canadian officials said.", "USD"),
    ],
)  # fmt: skip
def test_a_bare_dollar_is_the_dollar_of_the_country_an_article_names_most(
    text: str, currency: str
) -> None:
    assert [q.unit for q in quantities_of(text)] == [currency]


def test_a_bare_dollar_is_the_dollar_of_the_country_named_most_of_several() -> None:
    text = (
        "Australian visitors filled Queenstown, New Zealand: Australian guest nights rose, and "
        "Queenstown's visitors spent $642 million in Otago."
    )
    assert [q.unit for q in quantities_of(text)] == ["NZD"]


def test_a_bare_dollar_stays_the_us_dollar_where_the_local_dollar_has_its_own_sign() -> None:
    text = "Canada's Ontario pledged C$5 billion and a $2 billion loan; ore fetched US$100 a tonne."
    assert [q.unit for q in quantities_of(text)][:2] == ["CAD", "USD"]


def test_a_release_that_says_its_amounts_are_in_canadian_dollars_means_them() -> None:
    text = (
        "Zoomlion's U.S. and United States sales rose. All amounts are in Canadian dollars unless "
        "otherwise stated. Revenue was $61.8 million."
    )
    assert [q.unit for q in quantities_of(text)] == ["CAD"]
