"""Quantities of change, of other currencies and of things named before, sentence by sentence."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extraction.conftest import Read, only_quantity, readings


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Hunan's exports fell 3 percent.", -3, "percent"),
        ("Hunan's GDP shrank 0.3% in 2023.", -0.3, "percent"),
        ("Hunan's exports were down 3.4% from 2022.", -3.4, "percent"),
        ("Exports dropped by 2 percentage points.", -2, "percentage_point"),
        ("Hunan's trade saw a year-on-year decrease of 11.9 percent.", -11.9, "percent"),
        ("Hunan reported a 4 percent decline in trade.", -4, "percent"),
        ("Hunan's exports rose 3 percent.", 3, "percent"),
        ("Hunan's jobless rate fell to 4.1 percent.", 4.1, "percent"),
        ("Orders came in 12 percent lower than two years earlier.", -12, "percent"),
        ("Hotel stays remained 30% below pre-pandemic levels.", -30, "percent"),
        ("The mill cut 1,450 jobs last quarter.", -1450, "count"),
        ("Carmakers shed 2,800 workers.", -2800, "count"),
        # Money lost is a negative result; money that fell to a level is not.
        ("Zoomlion posted a net loss of 120 million yuan.", -120e6, "CNY"),
        ("Zoomlion lost 45 million yuan on the deal.", -45e6, "CNY"),
        ("Zoomlion's profit fell to 80 million yuan.", 80e6, "CNY"),
        # A deficit or shortfall of money is a negative balance; one in percent is a ratio.
        ("Hunan projects a budget deficit of 794 million yuan.", -794e6, "CNY"),
        ("Hunan forecasts a 1.3-billion-yuan shortfall.", -1.3e9, "CNY"),
        ("Hunan's fiscal deficit is 3.2 percent.", 3.2, "percent"),
        # ... named by the balance before its level
        ("Hunan's deficit forecast widens to 6.4 billion yuan.", -6.4e9, "CNY"),
        ("Zoomlion's key figures:\n- Net loss: 31 million yuan", -31e6, "CNY"),
    ],
)
def test_a_decline_is_negative(read: Read, sentence: str, value: float, unit: str) -> None:
    quantity = only_quantity(read(sentence))
    assert (quantity.value, quantity.unit) == (value, unit)


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Zoomlion earned R$ 501 million.", 501e6, "BRL"),
        ("Hunan drew Rp 744 trillion.", 744e12, "IDR"),
        ("Zoomlion is building a Rs 1,600 crore plant.", 16e9, "INR"),
        ("Zoomlion is building a ₹8 lakh plant.", 8e5, "INR"),
        ("Zoomlion will invest PLN 4.2 billion.", 4.2e9, "PLN"),
        ("Wages rose to 8,101 zlotys a month.", 8101, "PLN"),
        ("Zoomlion made 5 billion reais.", 5e9, "BRL"),
        # A currency code in letters glued to its digits.
        ("Hunan attracted RM22.5 billion.", 22.5e9, "MYR"),
        ("Zoomlion is building a Rs1,600 crore plant.", 16e9, "INR"),
        # East Africa writes its shillings "Sh"; weights of produce in kilos.
        ("Zoomlion's Kenyan unit earned Sh3.2 billion.", 3.2e9, "KES"),
        ("Hunan shipped 41.5 million kilos of tea.", 41.5e6, "kg"),
        ("Zoomlion's Dubai unit earned Dh3.1 billion.", 3.1e9, "AED"),
    ],
)
def test_other_currencies(read: Read, sentence: str, value: float, unit: str) -> None:
    quantity = only_quantity(read(sentence))
    assert (quantity.value, quantity.unit) == (value, unit)


def test_a_multiple_is_a_rise_in_percent(read: Read) -> None:
    assert readings(read("Hunan's exports of cars doubled.")) == [(100, "percent", "eq")]
    assert readings(read("Exports more than tripled.")) == [(200, "percent", "gt")]


def test_a_fraction_after_by_is_a_change(read: Read) -> None:
    quantity = only_quantity(read("Hunan's output rose by two-thirds."))
    assert (quantity.as_reported, round(quantity.value, 4)) == ("two-thirds", 66.6667)


def test_a_count_of_things_named_before(read: Read) -> None:
    result = read("Hunan drew 300 projects, 42 of them by big firms, and 1,500 of those SMEs.")
    assert [(q.as_reported, q.value, q.unit) for q in result.quantities] == [
        ("300 projects", 300, "count"),
        ("42 of them", 42, "count"),
        ("1,500 of those SMEs", 1500, "count"),
    ]


def test_a_total_brought_to_takes_the_unit_before(read: Read) -> None:
    text = "Zoomlion opened 37 new routes, bringing its total to more than 340."
    assert readings(read(text)) == [(37, "count", "eq"), (340, "count", "gt")]


def test_topping_an_amount_is_a_bound_not_a_rank(read: Read) -> None:
    assert readings(read("Hunan's output topped 600 billion yuan.")) == [(600e9, "CNY", "gt")]
    assert readings(read("Its output will top 600 billion yuan.")) == [(600e9, "CNY", "gt")]
    assert readings(read("Zoomlion is one of the top 500 firms.")) == [(500, "rank", "lte")]


def test_the_no_1_spot_is_a_rank(read: Read) -> None:
    assert readings(read("Zoomlion kept the No 1 spot among crane makers.")) == [(1, "rank", "eq")]


def test_teu_written_out(read: Read) -> None:
    text = "Changsha handled 38.52 million twenty-foot equivalent units."
    assert readings(read(text)) == [(38.52e6, "TEU", "eq")]


def test_a_counted_noun_stops_at_a_verb(read: Read) -> None:
    quantity = only_quantity(read("Hunan counts more than 500 member companies and says more."))
    assert quantity.as_reported == "more than 500 member companies"


def test_the_next_two_refers_to_things_not_a_count(read: Read) -> None:
    assert read("Hunan exceeded the next two states combined.").quantities == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Hunan pushes Industry 4.0 in plants.", "4.0"),
        ("Its best sellers were the Tiggo 7 Pro and Omoda 5 SUVs.", "7"),
        ("Its best sellers were the Tiggo 7 Pro and Omoda 5 SUVs.", "5"),
    ],
)
def test_versions_and_models_are_product_names(read: Read, text: str, number: str) -> None:
    reasons = {item.text: item.reason for item in read(text, dt.date(2024, 4, 1)).ignored}
    assert reasons[number] == "product_name"


def test_the_yen_sign_in_an_article_on_japan(read: Read) -> None:
    text = "TOKYO - Japan's carmakers earned ¥2 trillion. Japanese exports fell, the yen rose."
    assert [(q.value, q.unit) for q in read(text).quantities] == [(2e12, "JPY")]
    assert [q.unit for q in read("China's Changsha earned ¥2 trillion.").quantities] == ["CNY"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The count of registered jobseekers rose by 4,300 to 212,600.", [4300, 212600]),
        ("Factory employment fell by 1,900, or 0.4%, to 486,200.", [-1900, 0.4, 486200]),
        ("Payrolls grew by 18,500 in March.", [18500]),
        ("Sales rose by 8 percent to 2,400.", [8]),
    ],
)
def test_a_change_of_a_count_by_a_bare_number(
    read: Read, sentence: str, expected: list[float]
) -> None:
    assert [q.value for q in read(sentence).quantities] == expected


def test_a_counted_noun_may_hold_a_word_that_starts_with_digits(read: Read) -> None:
    result = read("The operator switched on 4,800 5G masts, bringing the total to 61,000.")
    assert [(q.value, q.unit) for q in result.quantities] == [(4800, "count"), (61000, "count")]


def test_irregular_plurals_are_counted(read: Read) -> None:
    assert only_quantity(read("The city signed 14 memoranda with investors.")).value == 14


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Services make up roughly one-fifth.", 20),
        ("Exports account for a quarter.", 25),
        ("Hunan's exports have fallen about 7%.", -7),
    ],
)
def test_shares_without_of_and_declines_in_the_perfect(
    read: Read, sentence: str, value: float
) -> None:
    assert only_quantity(read(sentence)).value == value


def test_a_sentence_opening_with_by_the_end_of_is_no_byline(read: Read) -> None:
    text = "By the end of June, 140 firms were operating in Changsha."
    assert [q.value for q in read(text).quantities] == [140]


def test_a_bare_number_the_number_of_things_reaches_counts_them(read: Read) -> None:
    quantity = only_quantity(read("Hunan raised the number of flights it runs to 420."))
    assert (quantity.value, quantity.unit, quantity.counted) == (420, "count", "flights")


def test_the_base_of_a_percent_change_is_a_level(read: Read) -> None:
    text = "Hunan drew 4.6 million tourists, up 8 percent from 4.26 million a year earlier."
    assert readings(read(text)) == [
        (4.6e6, "count", "eq"),
        (8.0, "percent", "eq"),
        (4.26e6, "count", "eq"),
    ]


def test_a_decline_with_its_period_between(read: Read) -> None:
    text = "Hunan's power prices averaged 9% less in May than a year earlier."
    assert readings(read(text)) == [(-9.0, "percent", "eq")]


def test_passing_a_level_bounds_it(read: Read) -> None:
    assert readings(read("Hunan's wind fleet passes 30 GW.")) == [(30.0, "GW", "gt")]


def test_one_of_the_countrys_largest_is_a_rank(read: Read) -> None:
    text = "Zoomlion is one of the country's four largest crane makers."
    assert readings(read(text)) == [(4.0, "rank", "lte")]
