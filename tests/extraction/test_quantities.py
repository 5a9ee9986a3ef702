"""Quantities: number, scale, unit, bound and counted noun, one sentence at a time."""

from __future__ import annotations

import pytest

from tests.extraction.conftest import Read, only_quantity, readings


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "comparator"),
    [
        ("Hunan reported 1,200 new firms.", 1200, "count", "eq"),
        ("Its output rose to 22.22 billion yuan.", 22.22e9, "CNY", "eq"),
        ("Hunan's GDP reached 450 billion yuan.", 450e9, "CNY", "eq"),
        ("Zoomlion earned 13 billion RMB abroad.", 13e9, "CNY", "eq"),
        ("Changsha invested 100 million yuan.", 1e8, "CNY", "eq"),
        ("Hunan spent CNY 5 million on roads.", 5e6, "CNY", "eq"),
        ("Changsha drew ¥300 million.", 3e8, "CNY", "eq"),
        ("Changsha drew 3亿元 in projects.", 3e8, "CNY", "eq"),
        ("Changsha drew 12万 visitors.", 12e4, "count", "eq"),
        ("Zoomlion sold US$5 billion of cranes.", 5e9, "USD", "eq"),
        ("Zoomlion sold $62.6 billion of cranes.", 62.6e9, "USD", "eq"),
        ("Zoomlion sold 2 billion U.S. dollars of cranes.", 2e9, "USD", "eq"),
        ("Zoomlion sold 3 million dollars of cranes.", 3e6, "USD", "eq"),
        ("Zoomlion sold 40 million euros of cranes.", 40e6, "EUR", "eq"),
        ("Zoomlion sold €1.5 billion of cranes.", 1.5e9, "EUR", "eq"),
        ("Hunan's exports rose 8 percent.", 8, "percent", "eq"),
        ("Hunan's exports rose 8 per cent.", 8, "percent", "eq"),
        ("Hunan's exports rose 8%.", 8, "percent", "eq"),
        ("Hunan's growth quickened by 1.5 percentage points.", 1.5, "percentage_point", "eq"),
        ("A 110 kV line serves the BSBM.", 110, "kV", "eq"),
        ("Hunan added 300 MW of solar power.", 300, "MW", "eq"),
        ("Hunan has a trillion-yuan economy of 5.3 trillion yuan.", 5.3e12, "CNY", "eq"),
        ("Huawei's revenue reached RMB704.2 billion.", 704.2e9, "CNY", "eq"),
        ("Hunan's retail sales reached 2.03 trillion yuan.", 2_030_000_000_000, "CNY", "eq"),
        ("Hunan's output fell -2.3 percent.", -2.3, "percent", "eq"),
    ],
)
def test_amounts_are_in_base_units(
    read: Read, sentence: str, value: float, unit: str, comparator: str
) -> None:
    assert readings(read(sentence)) == [(value, unit, comparator)]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Hunan built four science labs.", 4),
        ("Hunan built twenty-seven industrial parks.", 27),
        ("Hunan built a dozen industrial parks.", 12),
        ("Hunan built two dozen industrial parks.", 24),
        ("Hunan built one hundred and forty industrial parks.", 140),
        ("Hunan built ten landmark projects.", 10),
    ],
)
def test_number_words_count(read: Read, sentence: str, value: float) -> None:
    quantity = only_quantity(read(sentence))
    assert (quantity.value, quantity.unit) == (value, "count")


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Hunan's listed firms rose to two dozen.", 24),
        ("Changsha hosts a dozen.", 12),
        ("Its bonded zones numbered three dozen last year.", 36),
    ],
)
def test_dozens_count_without_a_noun(read: Read, sentence: str, value: float) -> None:
    quantity = only_quantity(read(sentence))
    assert (quantity.value, quantity.unit, quantity.comparator) == (value, "count", "eq")


def test_dozens_take_no_currency_from_an_amount_before(read: Read) -> None:
    sentence = "Nine plants cost over 2 billion yuan, and two dozen are owned by Zoomlion."
    assert readings(read(sentence))[-1] == (24, "count", "eq")


@pytest.mark.parametrize(
    ("sentence", "comparator", "value"),
    [
        ("Its products reach more than 140 countries.", "gt", 140),
        ("Its products reach over 140 countries.", "gt", 140),
        ("Hunan's trade exceeded 600 billion yuan.", "gt", 600e9),
        ("Hunan's trade topped 600 billion yuan.", "gt", 600e9),
        ("Hunan's trade surpassed 600 billion yuan.", "gt", 600e9),
        ("Cumulative investment in Hunan has passed 4.2 billion euros.", "gt", 4.2e9),
        ("Hunan's trade stayed above 600 billion yuan.", "gt", 600e9),
        ("Hunan hired at least 500 engineers.", "gte", 500),
        ("Hunan hired no less than 500 engineers.", "gte", 500),
        ("Hunan hired 500 engineers or more.", "gte", 500),
        ("Hunan hired less than 500 engineers.", "lt", 500),
        ("Hunan hired fewer than 500 engineers.", "lt", 500),
        ("Hunan's deficit stayed under 3 percent.", "lt", 3),
        ("Hunan's deficit stayed below 3 percent.", "lt", 3),
        ("Hunan will hire up to 500 engineers.", "lte", 500),
        ("Hunan will hire no more than 500 engineers.", "lte", 500),
        ("Hunan hired about 500 engineers.", "approx", 500),
        ("Hunan hired around 500 engineers.", "approx", 500),
        ("Hunan hired nearly 500 engineers.", "approx", 500),
        ("Hunan hired roughly 500 engineers.", "approx", 500),
        ("Hunan hired approximately 500 engineers.", "approx", 500),
        ("Hunan hired some 500 engineers.", "approx", 500),
        ("Hunan hired close to 500 engineers.", "approx", 500),
    ],
)
def test_comparators(read: Read, sentence: str, comparator: str, value: float) -> None:
    quantity = only_quantity(read(sentence))
    assert (quantity.comparator, quantity.value) == (comparator, value)


def test_more_than_140_countries_is_a_bounded_count(read: Read) -> None:
    text = "Its products and services cover more than 140 countries and regions."
    quantity = only_quantity(read(text))
    assert (quantity.value, quantity.unit, quantity.comparator) == (140, "count", "gt")
    assert quantity.counted == "countries and regions"
    assert quantity.as_reported == "more than 140 countries and regions"


def test_counted_noun_phrase(read: Read) -> None:
    quantity = only_quantity(read("TBEA has established 34 permanent overseas offices in Asia."))
    assert quantity.counted == "permanent overseas offices"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Growth was between 3 and 5 percent.", [(3, "percent", "gte"), (5, "percent", "lte")]),
        ("Growth was 3-5 percent.", [(3, "percent", "gte"), (5, "percent", "lte")]),
        ("Growth was 3 to 5 percent.", [(3, "percent", "gte"), (5, "percent", "lte")]),
        (
            "Hunan will grow 2.5 percent to 3 percent.",
            [(2.5, "percent", "gte"), (3, "percent", "lte")],
        ),
        ("Hunan hired 3-5 million workers.", [(3e6, "count", "gte"), (5e6, "count", "lte")]),
        # The unit written on both ends.
        (
            "The group sees sales between €2.1 billion and €2.4 billion.",
            [(2.1e9, "EUR", "gte"), (2.4e9, "EUR", "lte")],
        ),
        (
            "Inflation should land between 2% and 2.5%.",
            [(2, "percent", "gte"), (2.5, "percent", "lte")],
        ),
        (
            "Prices for the flats ranged from 80 to 95 thousand euros.",
            [(80e3, "EUR", "gte"), (95e3, "EUR", "lte")],
        ),
        # a range of prices that opens the text: no word before it
        (
            "$3.50 to $4 a litre is what diesel costs in Changsha.",
            [(3.5, "USD_per_l", "gte"), (4.0, "USD_per_l", "lte")],
        ),
    ],
)
def test_ranges_are_two_bounds(
    read: Read, sentence: str, expected: list[tuple[float, str, str]]
) -> None:
    assert readings(read(sentence)) == expected


def test_a_change_from_one_amount_to_another_is_not_a_range(read: Read) -> None:
    text = "Its output surged from 160 billion yuan in 2015 to 450 billion yuan in 2023."
    assert readings(read(text)) == [(160e9, "CNY", "eq"), (450e9, "CNY", "eq")]
    text = "Orders went from 70 to 90 million units."
    assert readings(read(text)) == [(70e6, "count", "eq"), (90e6, "count", "eq")]


def test_the_lower_end_of_a_range_starts_at_between(read: Read) -> None:
    low, _ = read("Output will be between $1.2 billion and $1.5 billion.").quantities
    assert low.as_reported == "between $1.2 billion"


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("The carmaker booked a profit of $2.3 bln.", 2.3e9, "USD"),
        ("Deposits reached 1.6 trln rupees.", 1.6e12, "INR"),
        ("The insurer raised 740 mln euros.", 740e6, "EUR"),
        ("Reserves stood at $3.2 tn.", 3.2e12, "USD"),
        ("Hunan will add a 1.2-gigawatt solar plant.", 1.2, "GW"),
    ],
)
def test_wire_abbreviations_and_unit_adjectives(
    read: Read, sentence: str, value: float, unit: str
) -> None:
    quantity = only_quantity(read(sentence))
    assert (quantity.value, quantity.unit) == (value, unit)


def test_conversion_in_parentheses_is_linked(read: Read) -> None:
    result = read("Hunan's GDP reached 450 billion yuan ($62.6 billion) in 2023.")
    yuan, dollars = result.quantities
    assert (yuan.value, yuan.unit, yuan.conversion_of) == (450e9, "CNY", None)
    assert (dollars.value, dollars.unit, dollars.conversion_of) == (62.6e9, "USD", 0)
    assert dollars.as_reported == "$62.6 billion"


def test_the_conversion_of_a_price_per_unit_is_per_the_same_unit(read: Read) -> None:
    result = read("New flats in Changsha averaged €1,912 per square metre (roughly $2,160).")
    euros, dollars = result.quantities
    assert (euros.unit, dollars.unit, dollars.conversion_of) == ("EUR_per_m2", "USD_per_m2", 0)


def test_conversion_with_about_and_us_dollars(read: Read) -> None:
    result = read("Hunan's trade reached 427.7 billion yuan (about 59.5 billion U.S. dollars).")
    assert readings(result)[1] == (59.5e9, "USD", "approx")
    assert result.quantities[1].conversion_of == 0


@pytest.mark.parametrize(
    ("sentence", "value", "comparator"),
    [
        ("Hunan ranked fifth in output.", 5, "eq"),
        ("Statistics show it is ranking third among all new areas.", 3, "eq"),
        ("Changsha is China's third-largest machinery hub.", 3, "eq"),
        ("Changsha ranks No. 3 in China for cranes.", 3, "eq"),
        ("Shanshan is one of China's top 500 enterprises.", 500, "lte"),
        ("Changsha is among the top 10 cities for exports.", 10, "lte"),
        ("Hunan ranked 212th on the list.", 212, "eq"),
        ("In crane sales Changsha is second only to Xuzhou.", 2, "eq"),
        ("Zoomlion is the country's fifth-biggest crane maker.", 5, "eq"),
    ],
)
def test_ranks(read: Read, sentence: str, value: float, comparator: str) -> None:
    quantity = only_quantity(read(sentence))
    assert (quantity.value, quantity.unit, quantity.comparator) == (value, "rank", comparator)


def test_second_and_third_respectively_are_two_ranks(read: Read) -> None:
    text = "It set up 27 labs and 500 firms, ranking second and third respectively."
    ranks = [q for q in read(text).quantities if q.unit == "rank"]
    assert [(q.value, q.as_reported) for q in ranks] == [
        (2, "ranking second"),
        (3, "third respectively"),
    ]


@pytest.mark.parametrize(
    ("sentence", "value", "comparator"),
    [
        ("Hunan makes one-twentieth of China's steel.", 5, "eq"),
        ("Hunan makes a third of China's steel.", 100 / 3, "eq"),
        ("Hunan makes two-thirds of China's steel.", 200 / 3, "eq"),
        ("Hunan makes half of China's steel.", 50, "eq"),
        ("Hunan makes nearly half of China's steel.", 50, "approx"),
        ("Hunan makes about a quarter of China's steel.", 25, "approx"),
    ],
)
def test_fractions_in_words_are_percentages(
    read: Read, sentence: str, value: float, comparator: str
) -> None:
    quantity = only_quantity(read(sentence))
    assert quantity.unit == "percent"
    assert quantity.value == pytest.approx(value)
    assert quantity.comparator == comparator


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Hunan's jobless rate was half a percentage point above the national rate.", 0.5),
        ("Hunan's jobless rate was half a percentage point lower than a year earlier.", -0.5),
        ("Hunan's jobless rate rose by a third of a percentage point.", 1 / 3),
    ],
)
def test_a_fraction_of_a_percentage_point_is_in_points(
    read: Read, sentence: str, value: float
) -> None:
    quantity = only_quantity(read(sentence))
    assert (quantity.unit, quantity.value) == ("percentage_point", pytest.approx(value))


def test_units_carry_their_base_and_scale(read: Read) -> None:
    quantity = only_quantity(read("A 110 kV line serves the BSBM."))
    assert (quantity.unit, quantity.unit_base, quantity.unit_scale) == ("kV", "V", 1000.0)


@pytest.mark.parametrize(
    "sentence",
    [
        "One notable collaboration is the BSBM.",
        "It did so for the first time last year.",
        "HS Photonics developed the world's first silicon module.",
        "The plan runs for five years.",
        "The two companies signed a deal.",
        "Hunan's code 1e5 and id 1234567890123456789012 are not amounts.",
    ],
)
def test_words_that_are_not_quantities(read: Read, sentence: str) -> None:
    assert read(sentence).quantities == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Hunan has 1,200 firms, up from 800 in 2020.", [(1200, "count"), (800, "count")]),
        (
            "Hunan's exports hit 1.2 trillion yuan, up from 1.1 trillion.",
            [(1.2e12, "CNY"), (1.1e12, "CNY")],
        ),
    ],
)
def test_a_number_compared_with_an_earlier_one_takes_its_unit(
    read: Read, sentence: str, expected: list[tuple[float, str]]
) -> None:
    assert [(q.value, q.unit) for q in read(sentence).quantities] == expected


def test_or_about_after_a_year_is_a_conversion(read: Read) -> None:
    text = "Hunan's GDP per capita was 75,938 yuan in 2023, or about 10,700 U.S. dollars."
    assert [q.conversion_of for q in read(text).quantities] == [None, 0]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("The city's output reached 95 billion patacas.", 95e9, "MOP"),
        ("The plant cost HUF 420 billion.", 420e9, "HUF"),
        ("The miner earned A$3.1 billion.", 3.1e9, "AUD"),
        ("The port handled cargo worth 2.5 trillion naira.", 2.5e12, "NGN"),
        ("The council borrowed 80 billion forints.", 80e9, "HUF"),
        ("The smelter's royalties came to R2.7 billion.", 2.7e9, "ZAR"),
        ("The free zone drew AED 640 million of new leases.", 640e6, "AED"),
    ],
)
def test_currencies_by_name_sign_or_code(
    read: Read, sentence: str, value: float, unit: str
) -> None:
    assert readings(read(sentence)) == [(value, unit, "eq")]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The county grows one-ninth of the nation's cotton.", 100 / 9),
        ("Hunan supplies one-fourth of the world's fiber.", 25),
        ("The lender's shares lost nearly a fifth of their value.", -20),
        ("The gross margin narrowed 0.4 percentage points to 91 percent.", -0.4),
        ("Joblessness was 4.1 percent, 0.2 percentage points lower than a year ago.", -0.2),
        ("Growth was 5 percent, about 2 percentage points below the national average.", 2),
    ],
)
def test_shares_and_declines_in_words(read: Read, sentence: str, value: float) -> None:
    assert pytest.approx(value) in [q.value for q in read(sentence).quantities]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Hunan's jobless rate rose three-tenths of a percentage point.", 0.3, "percentage_point"),
        ("Changsha's rate dipped one-tenth of a percentage point to 3.9%.", -0.1,
         "percentage_point"),
        ("Hunan's prices edged up a quarter of a percent.", 0.25, "percent"),
    ],
)  # fmt: skip
def test_a_fraction_of_a_point_is_in_points(
    read: Read, sentence: str, value: float, unit: str
) -> None:
    readings = [(round(q.value, 6), q.unit) for q in read(sentence).quantities]
    assert (value, unit) in readings


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "comparator"),
    [
        ("Changsha leased 2.4 million sq ft of offices.", 2.4e6, "ft2", "eq"),
        ("Hunan will keep its jobless rate within 5.5 percent.", 5.5, "percent", "lte"),
        ("The refinery runs at about 300,000 bpd.", 300000, "bbl_per_d", "approx"),
        ("The refinery can process 400,000 barrels per day.", 400000, "bbl_per_d", "eq"),
        ("The plant stores 12.5 gigawatt hours.", 12.5, "GWh", "eq"),
        ("Zoomlion's costs averaged US$21.40 a dry metric tonne.", 21.4, "USD_per_t", "eq"),
        ("Hunan's copper cost $2.10 a pound to mine.", 2.1, "USD_per_lb", "eq"),
        ("Hunan's tea fetched an average of US$2.94 a kilogramme.", 2.94, "USD_per_kg", "eq"),
        ("Zoomlion's margin widened by 110 basis points.", 1.1, "percentage_point", "eq"),
        ("Hunan mined 4.12 million wet metric tonnes of ore.", 4.12e6, "t", "eq"),
        ("Changsha's warehouse stock reached 5 million m2.", 5e6, "m2", "eq"),
        ("Hunan's thermal plants generated 24,310 MU.", 24310, "GWh", "eq"),
        ("Changsha's new logistics park covers 40,000 m\u00b2.", 40000, "m2", "eq"),
        ("Zoomlion's C1 cash cost was US$1.92/lb.", 1.92, "USD_per_lb", "eq"),
        ("Hunan's copper cathode output was 13,560 t.", 13560, "t", "eq"),
        ("Hunan planted wheat on 31,400 ha.", 31400, "ha", "eq"),
        ("Zoomlion Malaysia's net profit was RM18.7mil.", 18.7e6, "MYR", "eq"),
        ("Zoomlion's average basket price was R26,450/oz.", 26450, "ZAR_per_oz", "eq"),
        ("Hunan shipped 590 million kilograms of tea.", 590e6, "kg", "eq"),
        ("Hunan is a 210,000-square-kilometer province.", 210000, "km2", "eq"),
        ("Changsha's port dredged its channel to 16 metres.", 16, "m", "eq"),
        ("Hunan's jobless rate has halved.", -50, "percent", "eq"),
        ("Changsha's port handled more than double the 2022 volume.", 100, "percent", "gt"),
        ("Zoomlion hired staff, taking its headcount to 41,250.", 41250, "count", "eq"),
    ],
)
def test_units_per_unit_prices_multiples_and_counts_by_name(
    read: Read, sentence: str, value: float, unit: str, comparator: str
) -> None:
    assert readings(read(sentence)) == [(value, unit, comparator)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Hunan posted double-digit growth.",
        "Goods eligible for zero tariffs rose.",
        "China Three Gorges Corporation said so.",
        "The Big Four auditors said so.",
    ],
)
def test_number_words_in_names_and_policies_are_no_quantities(read: Read, sentence: str) -> None:
    assert read(sentence).quantities == []


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Hunan drew FDI of Rs 1.39 lakh crore.", 1.39e12, "INR"),
        ("Hunan's plant made 3,20,000 units.", 320000, "count"),
        ("Hunan spent Rs 12 thousand crore on roads.", 12e10, "INR"),
    ],
)
def test_indian_scales_and_digit_groups(read: Read, sentence: str, value: float, unit: str) -> None:
    assert readings(read(sentence)) == [(value, unit, "eq")]


@pytest.mark.parametrize(
    ("sentence", "low", "high", "unit"),
    [
        ("Zoomlion will spend between 25 million and 40 million dollars.", 25e6, 40e6, "USD"),
        ("Hunan's new park costs 120 million to 150 million yuan.", 120e6, 150e6, "CNY"),
        ("Changsha's port will need between 4 and 4.5 billion euros.", 4e9, 4.5e9, "EUR"),
    ],
)
def test_a_range_takes_the_unit_written_on_its_high_end(
    read: Read, sentence: str, low: float, high: float, unit: str
) -> None:
    assert readings(read(sentence)) == [(low, unit, "gte"), (high, unit, "lte")]


def test_a_range_with_its_currency_before_and_its_scale_after(read: Read) -> None:
    sentence = "Zoomlion expects revenue of PLN 1.6-1.7bn."
    assert readings(read(sentence)) == [(1.6e9, "PLN", "gte"), (1.7e9, "PLN", "lte")]
