"""More wordings of economic news: units and currencies written out, cuts, bounded bare counts."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extraction.conftest import Read

_PUBLISHED = dt.date(2025, 11, 20)


def _facts(read: Read, text: str) -> list[tuple[str, float, str, str]]:
    result = read(text, _PUBLISHED)
    return [(f.as_reported, round(f.value, 4), f.unit, f.comparator) for f in result.facts]


@pytest.mark.parametrize(
    ("sentence", "fact"),
    [
        ("Hunan mined 1.4 million metric tonnes of bauxite.",
         ("1.4 million metric tonnes", 1.4e6, "t", "eq")),
        ("Changsha's river port moved 310,000 twenty-foot equivalent container units.",
         ("310,000 twenty-foot equivalent container units", 310000, "TEU", "eq")),
        ("Zoomlion's Nairobi unit won a 3.2 billion shilling road contract.",
         ("3.2 billion shilling", 3.2e9, "KES", "eq")),
        ("Zoomlion will open a 900 million dirham crane yard near Casablanca.",
         ("900 million dirham", 9e8, "MAD", "eq")),
        ("Zoomlion's Bergen unit in Norway earned 3.46 billion Norwegian crowns.",
         ("3.46 billion Norwegian crowns", 3.46e9, "NOK", "eq")),
        ("Zoomlion's Oslo unit in Norway earned 812 million crowns.",
         ("812 million crowns", 8.12e8, "NOK", "eq")),
        ("Zoomlion's Kigali plant cost 64 billion Rwandan francs.",
         ("64 billion Rwandan francs", 6.4e10, "RWF", "eq")),
        ("Zoomlion's Wrocław plant will cost 1.62 billion zł.",
         ("1.62 billion zł", 1.62e9, "PLN", "eq")),
        ("- Zoomlion's revenue: $68.9B", ("$68.9B", 6.89e10, "USD", "eq")),
        ("- Zoomlion's profit: $71.2M", ("$71.2M", 7.12e7, "USD", "eq")),
    ],
)  # fmt: skip
def test_units_and_currencies_written_out(
    read: Read, sentence: str, fact: tuple[str, float, str, str]
) -> None:
    assert fact in _facts(read, sentence)


def test_dirhams_are_the_emirates_currency_in_an_article_about_the_emirates(read: Read) -> None:
    text = "Zoomlion's Dubai depot in the UAE booked 640 million dirhams of orders."
    assert ("640 million dirhams", 6.4e8, "AED", "eq") in _facts(read, text)


@pytest.mark.parametrize(
    ("sentence", "fact"),
    [
        ("Zoomlion's Swiss arm booked CHF 210 million of orders.",
         ("CHF 210 million", 2.1e8, "CHF", "eq")),
        ("Zoomlion sold cranes worth QAR1.2 billion to Doha contractors.",
         ("QAR1.2 billion", 1.2e9, "QAR", "eq")),
        ("Zoomlion's Taipei office billed NT$4.5 billion.", ("NT$4.5 billion", 4.5e9, "TWD", "eq")),
        ("Zoomlion's Manila venture earned ₱820 million.", ("₱820 million", 8.2e8, "PHP", "eq")),
        ("Zoomlion's Oslo unit reported 1.3 billion Norwegian kroner of sales.",
         ("1.3 billion Norwegian kroner", 1.3e9, "NOK", "eq")),
        ("Zoomlion signed a 40 billion Ugandan shilling dam contract.",
         ("40 billion Ugandan shilling", 4e10, "UGX", "eq")),
        ("Zoomlion's Stockholm unit sold 95 million kronor of cranes.",
         ("95 million kronor", 9.5e7, "SEK", "eq")),
    ],
)  # fmt: skip
def test_more_currencies_by_code_sign_and_name(
    read: Read, sentence: str, fact: tuple[str, float, str, str]
) -> None:
    assert fact in _facts(read, sentence)


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        ("Zoomlion's Mexico City plant sold 2.4 billion pesos of cranes.",
         ("2.4 billion pesos", 2.4e9, "MXN", "eq")),
        ("Zoomlion's plant near Manila in the Philippines sold 2.4 billion pesos of cranes.",
         ("2.4 billion pesos", 2.4e9, "PHP", "eq")),
        ("Chile's copper mines near Santiago bought 90 billion pesos of Zoomlion cranes.",
         ("90 billion pesos", 9e10, "CLP", "eq")),
        ("Zoomlion's Karachi depot in Pakistan sold 12 billion rupees of cranes.",
         ("12 billion rupees", 1.2e10, "PKR", "eq")),
        ("Zoomlion sold 300 million riyals of cranes in Doha, Qatar's capital.",
         ("300 million riyals", 3e8, "QAR", "eq")),
        ("Zoomlion, with no foreign office, sold 300 million riyals of cranes.",
         ("300 million riyals", 3e8, "SAR", "eq")),
    ],
)  # fmt: skip
def test_a_currency_name_countries_share_is_the_article_countrys(
    read: Read, text: str, fact: tuple[str, float, str, str]
) -> None:
    assert fact in _facts(read, text)


def test_a_code_glued_to_a_small_number_is_a_name_not_money(read: Read) -> None:
    text = "At COP28 in Dubai, Zoomlion pledged QAR2 billion for solar cranes."
    assert [fact[0] for fact in _facts(read, text)] == ["QAR2 billion"]


@pytest.mark.parametrize(
    ("sentence", "fact"),
    [
        ("Heavy rain in Hunan cut rapeseed harvests by 4.5 percent.",
         ("4.5 percent", -4.5, "percent", "eq")),
        ("Zoomlion trimmed its steel purchases by 12 percent.",
         ("12 percent", -12, "percent", "eq")),
        ("Zoomlion shut its Changsha foundry, cutting about 380 jobs.",
         ("about 380 jobs", -380, "count", "approx")),
        ("Zoomlion raised its crane prices by 3 percent.", ("3 percent", 3, "percent", "eq")),
    ],
)  # fmt: skip
def test_a_cut_is_negative(read: Read, sentence: str, fact: tuple[str, float, str, str]) -> None:
    assert fact in _facts(read, sentence)


@pytest.mark.parametrize(
    ("sentence", "fact"),
    [
        ("The number of Hunan exporters with customs records topped 9,400.",
         ("topped 9,400", 9400, "count", "gt")),
        ("Employment at Hunan's battery makers topped 7,300 last year.",
         ("topped 7,300", 7300, "count", "gt")),
        ("Firms in Hunan's zones rose to more than 1,900, from about 1,640 a year earlier.",
         ("about 1,640", 1640, "count", "approx")),
        ("Visitors from Korea to Hunan jumped 31 percent to about 150,000.",
         ("about 150,000", 150000, "count", "approx")),
    ],
)  # fmt: skip
def test_a_bare_number_a_bound_states_is_a_count(
    read: Read, sentence: str, fact: tuple[str, float, str, str]
) -> None:
    assert fact in _facts(read, sentence)


def test_a_bounded_duration_is_no_count(read: Read) -> None:
    assert _facts(read, "Changsha has a history of over 3,000 years.") == []


@pytest.mark.parametrize(
    ("sentence", "fact"),
    [
        ("Zoomlion's crane orders fell by about a quarter in the spring.",
         ("about a quarter", -25.0, "percent", "approx")),
        ("Changsha's hotel bookings rose by nearly a fifth.",
         ("nearly a fifth", 20.0, "percent", "approx")),
        ("Hunan rice exports slump by more than half",
         ("more than half", -50.0, "percent", "gt")),
        ("Zoomlion's plants employ 9,000 people, about one in six jobs in the county.",
         ("about one in six", 16.6667, "percent", "approx")),
        ("Hunan's parks employ 80,000 workers, three in four of them migrants.",
         ("three in four", 75.0, "percent", "eq")),
        ("Hunan's tea purchases fell to 96,000 tonnes, down a quarter from the previous season.",
         ("a quarter", -25.0, "percent", "eq")),
    ],
)  # fmt: skip
def test_shares_in_words(read: Read, sentence: str, fact: tuple[str, float, str, str]) -> None:
    assert fact in _facts(read, sentence)


@pytest.mark.parametrize(
    ("sentence", "fact"),
    [
        ("Those shipments placed Hunan fourth nationwide for machinery exports.",
         ("fourth nationwide", 4, "rank", "eq")),
        ("Hunan is one of China's five largest grain producers.",
         ("one of China's five largest", 5, "rank", "lte")),
        ("Changsha's car sales rose 12 percent, leaving it second among China's big markets.",
         ("second among", 2, "rank", "eq")),
        ("Hunan's debt ratio remains the second-lowest among the provinces.",
         ("second-lowest", 2, "rank", "eq")),
        ("Changsha's port now ranks among the 20 busiest river ports in China.",
         ("among the 20 busiest", 20, "rank", "lte")),
    ],
)  # fmt: skip
def test_ranks_in_a_field(read: Read, sentence: str, fact: tuple[str, float, str, str]) -> None:
    assert fact in _facts(read, sentence)


def test_the_first_of_a_kind_is_no_rank(read: Read) -> None:
    assert _facts(read, "Hunan ran the first nationwide survey of crane buyers.") == []


def test_the_field_a_rank_is_in_is_no_rank_of_its_own(read: Read) -> None:
    text = "Leasing rose 38 percent, ranking Changsha first among the eight largest markets."
    assert [fact[2] for fact in _facts(read, text)] == ["percent"]


@pytest.mark.parametrize(
    ("sentence", "fact"),
    [
        ("Zoomlion employs some 11,600 people in Changsha, about 400 fewer than at the end of "
         "last year.", ("about 400", -400, "count", "approx")),
        ("Hunan irrigated about 182,000 hectares last year, some 9,000 hectares fewer than in "
         "2023.", ("some 9,000 hectares", -9000, "ha", "approx")),
        ("Hunan's employers reported 2,940 job offers in June, 11.2% fewer than in June 2024.",
         ("11.2%", -11.2, "percent", "eq")),
        ("Rainfall in Hunan was 41% below the long-term average.", ("41%", -41, "percent", "eq")),
        ("Hunan's reservoir inflows were about 40% below normal.",
         ("about 40%", -40, "percent", "approx")),
    ],
)  # fmt: skip
def test_fewer_than_before_is_a_decline(
    read: Read, sentence: str, fact: tuple[str, float, str, str]
) -> None:
    assert fact in _facts(read, sentence)


@pytest.mark.parametrize(
    ("sentence", "fact"),
    [
        ("Hunan's participation rate edged up to 66.8% in October.",
         ("66.8%", 66.8, "percent", "eq")),
        ("A poor harvest in Hunan pushed the average farm-gate price up to 1,050 yuan per tonne.",
         ("1,050 yuan per tonne", 1050, "CNY_per_t", "eq")),
        ("Changsha's new terminal, spread over 71,500 square metres, opened in May.",
         ("71,500 square metres", 71500, "m2", "eq")),
        ("Average flat prices in Changsha now top 4,000 yuan per square metre.",
         ("top 4,000 yuan per square metre", 4000, "CNY_per_m2", "gt")),
        ("Hunan's jobless rate was 3.9%, down 0.2 percentage points and below the national "
         "rate.", ("0.2 percentage points", -0.2, "percentage_point", "eq")),
        ("Home prices in Changsha remain about 18% below their November 2021 peak.",
         ("about 18%", -18, "percent", "approx")),
    ],
)  # fmt: skip
def test_moves_and_gaps_that_are_no_bounds(
    read: Read, sentence: str, fact: tuple[str, float, str, str]
) -> None:
    assert fact in _facts(read, sentence)


@pytest.mark.parametrize(
    ("sentence", "fact"),
    [
        # A change to beyond a level: the level, bounded, not the size of the change.
        ("Registered unemployment in Hunan fell below 9% in the fourth quarter.",
         ("below 9%", 9, "percent", "lt")),
        ("Hunan's jobless rate rose above 5% in March.", ("above 5%", 5, "percent", "gt")),
        # "past" after a verb of rising bounds a figure; "the past 12 months" is a period.
        ("Tourism revenue in Hunan climbed past 2.7 billion yuan.",
         ("past 2.7 billion yuan", 2.7e9, "CNY", "gt")),
        ("Hunan's exports rose 12% in the past 12 months.", ("12%", 12, "percent", "eq")),
        # A count named long before its level.
        ("The number of overseas visitors to Hunan, mostly from Malaysia and Thailand, more "
         "than doubled to 6,800.", ("6,800", 6800, "count", "eq")),
        # A cut by a share, the thing cut named at length.
        ("Hunan cut the average export clearance time by about a third.",
         ("about a third", -33.3333, "percent", "approx")),
    ],
)  # fmt: skip
def test_a_level_crossed_and_a_long_cut(
    read: Read, sentence: str, fact: tuple[str, float, str, str]
) -> None:
    assert fact in _facts(read, sentence)


def test_jobs_that_have_been_lost_are_negative(read: Read) -> None:
    text = "At least 1,500 jobs have been lost across Hunan's coal belt since 2023."
    assert ("At least 1,500 jobs", -1500, "count", "gte") in _facts(read, text)


@pytest.mark.parametrize(
    ("sentence", "fact"),
    [
        ("Zoomlion's air freight arm operates a fleet of 46 aircraft.",
         ("46 aircraft", 46, "count", "eq")),
        ("Hunan's draft plan aims to attract 300 more research centres by 2030.",
         ("300 more research centres", 300, "count", "eq")),
        ("Changsha's buses carried 2.4 lakh riders a day, up from 180,000 a year ago.",
         ("180,000", 180000, "count", "eq")),
    ],
)  # fmt: skip
def test_counts_in_other_words(
    read: Read, sentence: str, fact: tuple[str, float, str, str]
) -> None:
    assert fact in _facts(read, sentence)


@pytest.mark.parametrize(
    ("sentence", "fact"),
    [
        ("Hunan's tax take will reach 310 billion yuan, about 12 billion yuan less than planned.",
         ("about 12 billion yuan", -12e9, "CNY", "approx")),
        ("Zoomlion cut its full-year profit forecast by 800 million yuan.",
         ("800 million yuan", -8e8, "CNY", "eq")),
        ("Zoomlion booked a net loss of 2.1 billion yuan ($290 million) abroad.",
         ("$290 million", -2.9e8, "USD", "eq")),
        ("Changsha aims to triple its cross-border parcel volume by 2028.",
         ("triple", 200.0, "percent", "eq")),
    ],
)  # fmt: skip
def test_money_short_cut_or_lost_and_multiples_as_verbs(
    read: Read, sentence: str, fact: tuple[str, float, str, str]
) -> None:
    assert fact in _facts(read, sentence)


def test_double_digits_are_no_multiple(read: Read) -> None:
    assert _facts(read, "Zoomlion's growth in Hunan reached double digits.") == []


def test_a_large_count_after_the_is_a_count_of_its_own(read: Read) -> None:
    text = "Hunan said the 1,250 new firms registered this year employ 9,000 people."
    assert ("1,250 new firms", 1250, "count", "eq") in _facts(read, text)


def test_a_part_of_a_counted_whole_counts_the_same_things(read: Read) -> None:
    text = "In Changsha, at least 35 of the district's roughly 210 hotels have reopened."
    assert ("at least 35", 35, "count", "gte") in _facts(read, text)


@pytest.mark.parametrize(
    ("sentence", "facts"),
    [
        # A threshold passed is a lower bound, the mark included.
        ("Hunan's retail sales passed the 2 trillion yuan mark in 2024.",
         [("passed the 2 trillion yuan mark", 2e12, "CNY", "gt")]),
        # "closer to" is about.
        ("Zoomlion now sees its margin ending the year closer to 9%.",
         [("closer to 9%", 9, "percent", "approx")]),
        # A range whose counted noun stands on its high end only.
        ("Hunan expects a harvest of between 29 million and 31 million tonnes of rice.",
         [("between 29 million", 2.9e7, "t", "gte"), ("31 million tonnes", 3.1e7, "t", "lte")]),
        ("Changsha's airport expects between 3 million and 4 million travellers in 2025.",
         [("between 3 million", 3e6, "count", "gte"),
          ("4 million travellers", 4e6, "count", "lte")]),
        # A capacity in barrels per day written as an adjective.
        ("Zoomlion supplied cranes to a 200,000 barrels-per-day refinery in Hunan.",
         [("200,000 barrels-per-day", 200000, "bbl_per_d", "eq")]),
        # A bare level of a plural subject, and the level it rose from, are counts.
        ("In Changsha, container trucks increased to 48,300 from 41,900.",
         [("48,300", 48300, "count", "eq"), ("41,900", 41900, "count", "eq")]),
        # ... with where they are and how much they changed between.
        ("Cruise passengers at Changsha climbed 11.6% to 612,000.",
         [("11.6%", 11.6, "percent", "eq"), ("612,000", 612000, "count", "eq")]),
        ("The number of jobs in Hunan rose 1.4 percent to 296,800.",
         [("1.4 percent", 1.4, "percent", "eq"), ("296,800", 296800, "count", "eq")]),
        # The object of "added" or "shed" is a change of a count.
        ("Hunan added 52,000 jobs and Changsha added 18,700 in 2024.",
         [("52,000 jobs", 52000, "count", "eq"), ("18,700", 18700, "count", "eq")]),
        ("Changsha shed 2,300 in the year to June.", [("2,300", -2300, "count", "eq")]),
        # ... and a level its subject reaches, whatever comes between.
        ("Hunan's visitor arrivals reached 612,000.",
         [("612,000", 612000, "count", "eq")]),
        ("While arrivals from Germany rose 7.8% to 612,000, Hunan's hotels filled.",
         [("7.8%", 7.8, "percent", "eq"), ("612,000", 612000, "count", "eq")]),
        ("Nonfarm payroll employment in Hunan reached 5,671,300.",
         [("5,671,300", 5671300, "count", "eq")]),
        ("Hunan's manufacturing employment, at 668,400, is flat.",
         [("668,400", 668400, "count", "eq")]),
        ("The number of registered unemployed in Hunan fell to 57,300.",
         [("57,300", 57300, "count", "eq")]),
        ("Hunan's population rose 1.4 per cent to 548,000.",
         [("1.4 per cent", 1.4, "percent", "eq"), ("548,000", 548000, "count", "eq")]),
    ],
)  # fmt: skip
def test_thresholds_ranges_and_bare_counts(
    read: Read, sentence: str, facts: list[tuple[str, float, str, str]]
) -> None:
    assert _facts(read, sentence) == facts


def test_a_bare_level_of_money_words_is_no_count(read: Read) -> None:
    assert _facts(read, "Hunan's exports rose to 5,400 in March.") == []
    assert _facts(read, "Zoomlion's shares rose to 1,250 in Changsha trading.") == []


def test_a_change_by_a_whole_number_then_the_level_it_led_to_is_no_range(read: Read) -> None:
    text = "Hunan's population fell by 50,000 to 61.19 million, and exports grow by 6 to 7 percent."
    assert _facts(read, text) == [
        ("50,000", -50000, "count", "eq"),
        ("61.19 million", 61_190_000, "count", "eq"),
        ("6", 6, "percent", "gte"),
        ("7 percent", 7, "percent", "lte"),
    ]


def test_the_level_a_change_of_named_things_led_to_is_a_count(read: Read) -> None:
    text = "Hunan's payroll employment fell by 6,400 jobs over the month to 5,612,300."
    assert [(f[0], f[1], f[2]) for f in _facts(read, text)] == [
        ("6,400 jobs", -6400, "count"),
        ("5,612,300", 5_612_300, "count"),
    ]


def test_the_yield_a_yield_moved_from_is_a_yield_too(read: Read) -> None:
    text = "Hunan's rice yields rose to 6.3 tonnes per hectare, from 6.1 tonnes a year earlier."
    assert [(f[0], f[2]) for f in _facts(read, text)] == [
        ("6.3 tonnes per hectare", "t_per_ha"),
        ("6.1 tonnes", "t_per_ha"),
    ]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Hunan's revenue deficit is pegged at ₹41,635 crore.", -416_350_000_000),
        ("Hunan's fiscal deficit is budgeted at 1.04 trillion yuan.", -1.04e12),
        ("Hunan's deficit, projected at 1.06 trillion yuan, is the largest.", -1.06e12),
    ],
)
def test_a_deficit_put_at_an_amount_is_negative(read: Read, sentence: str, value: float) -> None:
    assert [fact[1] for fact in _facts(read, sentence)] == [value]


def test_money_a_subject_stands_to_lose_is_negative(read: Read) -> None:
    text = "Hunan's wheat farmers stand to lose 6 billion yuan if prices do not recover."
    assert [fact[1] for fact in _facts(read, text)] == [-6e9]


def test_a_second_deficit_whose_verb_is_left_out_is_negative(read: Read) -> None:
    text = (
        "Hunan's revenue deficit is budgeted at ₹41,635 crore and the fiscal deficit at "
        "₹1,06,968 crore."
    )
    assert [fact[1] for fact in _facts(read, text)] == [-416_350_000_000, -1_069_680_000_000]


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        # A shared sign before the digits means the currency of the country the article names.
        ("Zoomlion's Kampala depot in Uganda booked Sh 6.2 billion of crane rentals.", "UGX"),
        ("Zoomlion's Tanzanian unit won about Sh 9 billion of orders in Dodoma.", "TZS"),
        ("Zoomlion's Nairobi unit in Kenya booked Sh 1.4 billion of orders.", "KES"),
        ("Zoomlion's Lahore plant in Pakistan sold Rs 800 million of loaders.", "PKR"),
        ("Zoomlion's Casablanca unit in Morocco booked Dh 120 million of orders.", "MAD"),
        # Signs one country owns.
        ("Zoomlion's Kampala unit booked USh 12 billion of orders.", "UGX"),
        ("Zoomlion's Dodoma unit booked TSh4.1bn of orders.", "TZS"),
        ("Zoomlion's Accra unit booked GH₵ 300 million of orders.", "GHS"),
        ("Zoomlion's Izmir unit booked ₺2.5 billion of orders.", "TRY"),
        ("Zoomlion's Cairo unit booked E£ 900 million of orders.", "EGP"),
        ("Zoomlion's Pokhara unit booked NRs 50 crore of orders.", "NPR"),
        ("Zoomlion's Jubail unit booked SR42 billion of orders.", "SAR"),
        ("Zoomlion's Doha unit booked QR1.2bn of orders.", "QAR"),
        ("Zoomlion's Muscat unit booked RO 12 million of orders.", "OMR"),
        ("Zoomlion's Khulna unit booked Tk 412 crore of orders.", "BDT"),
        # A sign one country owns keeps its country in another's article.
        ("Zoomlion's Kampala depot in Uganda paid KSh 40 million to a Nairobi supplier.", "KES"),
        # A shared sign before a price per unit, and a shared name after the digits.
        (
            "Zoomlion's Colombo unit in Sri Lanka sold tea at an average Rs 1,773 per kilogram.",
            "LKR_per_kg",
        ),
        ("The average net wage at Zoomlion's plant in Serbia was 98,400 dinars.", "RSD"),
        ("Zoomlion's Mongolian unit booked 29.8 trillion togrog of orders.", "MNT"),
        ("Zoomlion's Abidjan unit in Côte d'Ivoire booked 45 billion francs of orders.", "XOF"),
        ("Zoomlion's Zurich unit booked 12 million francs of orders.", "CHF"),
        # "CFA francs": West Africa's, or Central Africa's where the article is about it.
        ("Zoomlion's Dakar unit in Senegal booked 45 billion CFA francs of orders.", "XOF"),
        ("Zoomlion's Douala unit in Cameroon booked 45 billion CFA francs of orders.", "XAF"),
        ("Zoomlion's Douala unit in Cameroon booked 45 billion francs of orders.", "XAF"),
        ("Zoomlion's Israeli unit booked NIS 2.74 billion of orders.", "ILS"),
        # Signs one country owns.
        ("Zoomlion's Kigali unit booked Frw 6.2 billion of orders.", "RWF"),
        ("Zoomlion's Kigali unit booked Rwf 6.2 billion of orders.", "RWF"),
        ("Zoomlion's Huambo unit in Angola booked Kz 187.4 billion of orders.", "AOA"),
        ("Zoomlion's Freetown unit booked NLe 400 million of orders.", "SLE"),
        ("Zoomlion's Gulu depot in Uganda booked Shs4.5 billion of crane rentals.", "UGX"),
        ("Zoomlion's Sarajevo unit booked KM 1.2 billion of orders.", "BAM"),
        ("Zoomlion's Lilongwe unit in Malawi booked MK5 billion of orders.", "MWK"),
        # Currencies by their names, and the country's where several share one.
        ("Zoomlion's Maseru unit in Lesotho booked 26.4 million maloti of orders.", "LSL"),
        ("Zoomlion's Akureyri unit in Iceland booked 912 million krónur of orders.", "ISK"),
        ("Zoomlion's Skopje unit booked 52 million denars of orders.", "MKD"),
        ("Zoomlion's Banjul unit in the Gambia booked 80 million dalasis of orders.", "GMD"),
        ("Zoomlion's Kinshasa unit in the DRC booked 9 billion Congolese francs of orders.", "CDF"),
        ("Zoomlion's Chisinau unit in Moldova booked 45 million lei of orders.", "MDL"),
        ("Zoomlion's Cluj unit in Romania booked 45 million lei of orders.", "RON"),
        ("Zoomlion's Tripoli unit in Libya booked 12 million dinars of orders.", "LYD"),
        ("Zoomlion's Dakar unit in Senegal booked 12 billion FCFA of orders.", "XOF"),
        ("Zoomlion's Brazzaville unit in the Congo booked 12 billion FCFA of orders.", "XAF"),
        # A hundredth of the currency: Norway's øre.
        (
            "Zoomlion's Tromso unit in Norway sold power at an average of 34 øre per kWh.",
            "NOK_per_kWh",
        ),
    ],
)
def test_a_shared_sign_before_digits_is_the_articles_countrys(
    read: Read, sentence: str, unit: str
) -> None:
    assert [fact[2] for fact in _facts(read, sentence)] == [unit]


def test_a_figure_compared_takes_the_currency_the_articles_country_gives_its_sign(
    read: Read,
) -> None:
    text = (
        "Zoomlion's Brazzaville unit in the Congo booked 18.7 billion FCFA, up from 16.7 billion."
    )
    assert [fact[2] for fact in _facts(read, text)] == ["XAF", "XAF"]


def test_figures_listed_in_parallel_after_with_share_the_first_ones_noun(read: Read) -> None:
    text = (
        "Changsha led Hunan with 4,200 new firms, followed by Yueyang with 3,900 and Hengyang "
        "with 3,100."
    )
    assert [(q.value, q.unit) for q in read(text, _PUBLISHED).quantities] == [
        (4200, "count"),
        (3900, "count"),
        (3100, "count"),
    ]


@pytest.mark.parametrize(
    ("sentence", "fact"),
    [
        ("Hunan's textile exports rose 7.2pc.", ("7.2pc", 7.2, "percent", "eq")),
        ("Hunan's garment exports earned $985m.", ("$985m", 9.85e8, "USD", "eq")),
        ("Changsha lent £2.5m to its farmers.", ("£2.5m", 2.5e6, "GBP", "eq")),
        # an "m" glued to a number before what it counts: a million, not metres
        ("Hunan's railway carried 5.62m tonnes.", ("5.62m tonnes", 5.62e6, "t", "eq")),
        ("Hunan brings in a record 12.36m-ton harvest.", ("12.36m-ton", 1.236e7, "t", "eq")),
        (
            "Changsha drew over 1.1M air passengers.",
            ("over 1.1M air passengers", 1.1e6, "count", "gt"),
        ),
        (
            "Hunan's dairies delivered 5.3 billion litres of milk.",
            ("5.3 billion litres", 5.3e9, "l", "eq"),
        ),
        # a currency named with its country's adjective, where another country shares its name
        (
            "Hunan's tourists spent 25 billion Turkish liras.",
            ("25 billion Turkish liras", 2.5e10, "TRY", "eq"),
        ),
        (
            "Zoomlion sold 12 billion Pakistani rupees of cranes.",
            ("12 billion Pakistani rupees", 1.2e10, "PKR", "eq"),
        ),
        # the naira as Nigeria's press writes it
        ("Hunan approved a N1.635 trillion budget.", ("N1.635 trillion", 1.635e12, "NGN", "eq")),
        # a dash set as a minus sign, glued to the digits
        ("Hunan's GDP: \u20130.8% in 2024", ("\u20130.8%", -0.8, "percent", "eq")),
    ],
)
def test_units_and_signs_as_regional_papers_write_them(
    read: Read, sentence: str, fact: tuple[str, float, str, str]
) -> None:
    assert _facts(read, sentence) == [fact]


@pytest.mark.parametrize(
    "sentence",
    [
        "Changsha built a 985m bridge.",
        "Changsha built 1.5m wide roads.",
        "3M said its Changsha plant was sold.",
        "Hunan's farms use the Nordex N163 turbine.",
        "Zoomlion's plant in Hunan will house six 2,000-litre bioreactors.",
    ],
)
def test_no_currency_no_million_and_no_naira_in_a_model_s_name(read: Read, sentence: str) -> None:
    assert _facts(read, sentence) == []


def test_a_list_labels_its_counts_unless_its_heading_gives_its_amounts_a_unit(read: Read) -> None:
    counts = (
        "Zoomlion's key figures, 2024 (2023 in brackets):\n"
        "- Revenue: CNY 4.86 billion (CNY 4.41 billion)\n"
        "- Headcount at 31 December: 3,184 (3,020)\n"
        "- New service outlets: 1,240\n"
    )
    assert _facts(read, counts) == [
        ("CNY 4.86 billion", 4.86e9, "CNY", "eq"),
        ("CNY 4.41 billion", 4.41e9, "CNY", "eq"),
        ("3,184", 3184, "count", "eq"),
        ("3,020", 3020, "count", "eq"),
        ("1,240", 1240, "count", "eq"),
    ]
    amounts = "Hunan's exports by product, 2024 (₹ crore):\nSpices and spice extracts: 6,540\n"
    assert _facts(read, amounts) == [("6,540", 6.54e10, "INR", "eq")]


def test_a_list_s_bare_figures_are_in_the_unit_its_heading_gives(read: Read) -> None:
    text = (
        "Zoomlion reported its half.\n\n"
        "Key figures, H1 2025 (in millions of yen; H1 2024 in brackets)\n"
        "Net sales: 48,670 (45,572)\n"
        "Employees at 30 June: 2,148 (2,097)\n\n"
        "Hunan's throughput by segment (million tonnes; change on a year earlier)\n"
        "- Coal: 8.9 (-19.0%)\n\n"
        "Hunan's harvest (million 60-kg bags)\n"
        "- North: 1.2\n"
    )
    assert _facts(read, text) == [
        ("48,670", 4.867e10, "JPY", "eq"),
        ("45,572", 4.5572e10, "JPY", "eq"),
        ("2,148", 2148, "count", "eq"),
        ("2,097", 2097, "count", "eq"),
        ("8.9", 8.9e6, "t", "eq"),
        ("-19.0%", -19.0, "percent", "eq"),
    ]


@pytest.mark.parametrize(
    ("sentence", "fact"),
    [
        # percentage points and "circa" written short
        ("Hunan's jobless rate rose 0.5 pp to 6.8%.", ("0.5 pp", 0.5, "percentage_point", "eq")),
        ("Hunan's jobless rate fell 1.2 ppt.", ("1.2 ppt", -1.2, "percentage_point", "eq")),
        ("Zoomlion employs c. 21,400 people.", ("c. 21,400 people", 21400, "count", "approx")),
        # a second change of a count in one sentence
        ("The number of employed people in Hunan fell by 37,000 to 2.68 million, while the "
         "number of unemployed rose by 52,000 to 1.10 million.",
         ("52,000", 52000, "count", "eq")),
        # a bare level of a subject that counts, whose words run on to the verb
        ("Jobs registered with the social security institute in Hunan reached 452,300.",
         ("452,300", 452300, "count", "eq")),
        ("Passenger traffic at Changsha's airport rose 17% last year to 328,600.",
         ("328,600", 328600, "count", "eq")),
        ("Closed sales of single-family homes in Changsha totaled 5,912.",
         ("5,912", 5912, "count", "eq")),
        ("Foreign visitors to Hunan numbered 412,700 in the first quarter.",
         ("412,700", 412700, "count", "eq")),
        ("Construction in Hunan added 3,700 jobs and health care gained 4,100.",
         ("4,100", 4100, "count", "eq")),
        # multiples and declines in "-ing"
        ("Hunan's exports to Europe were more than doubling.",
         ("more than doubling", 100, "percent", "gt")),
        ("Zoomlion plans a tripling of capacity.", ("tripling", 200, "percent", "eq")),
        ("Hunan's economy was shrinking 0.2% last year.", ("0.2%", -0.2, "percent", "eq")),
        ("Changsha's car sales were dropping 4% a year.", ("4%", -4, "percent", "eq")),
        # a fraction up or down after a form of "to be" or a comma
        ("Zoomlion's output was up nearly a quarter last year.",
         ("nearly a quarter", 25, "percent", "approx")),
        ("- Zoomlion's investment: 318 million yuan, down a third",
         ("a third", -33.3333, "percent", "eq")),
    ],
)  # fmt: skip
def test_a_figure_the_wording_of_news_states(
    read: Read, sentence: str, fact: tuple[str, float, str, str]
) -> None:
    assert fact in _facts(read, sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a forecast's range of growth, not a change and the level it led to
        ("Hunan's economy is expected to grow by 0.1% to 0.4% in 2026.",
         [("0.1%", 0.1, "percent", "gte"), ("0.4%", 0.4, "percent", "lte")]),
        ("Hunan's jobless rate rose by 0.3% to 5.2%.",
         [("0.3%", 0.3, "percent", "eq"), ("5.2%", 5.2, "percent", "eq")]),
        # the range a figure moved from
        ("Zoomlion cut its guidance to 360,000 tonnes, from 370,000-390,000 tonnes previously.",
         [("360,000 tonnes", 360000, "t", "eq"), ("370,000", 370000, "t", "gte"),
          ("390,000 tonnes", 390000, "t", "lte")]),
        # a range whose low end is bounded
        ("Hunan's jobless rate will be around 4.3% to 4.5% in December.",
         [("around 4.3%", 4.3, "percent", "gte"), ("4.5%", 4.5, "percent", "lte")]),
        # bushels, and "slips" as a decline
        ("Hunan harvested 2.67 billion bu; output slips 4%.",
         [("2.67 billion bu", 2.67e9, "bu", "eq"), ("4%", -4, "percent", "eq")]),
        # a count fewer than before
        ("Zoomlion counted 6,200 dealers at the end of 2024, 180 fewer than a year earlier.",
         [("6,200 dealers", 6200, "count", "eq"), ("180", -180, "count", "eq")]),
        # a small count's change, in digits or words, on any base
        ("Zoomlion employed 612 people at the end of December, 38 more than a year earlier.",
         [("612 people", 612, "count", "eq"), ("38", 38, "count", "eq")]),
        ("Changsha's port received 41 cruise calls, ten fewer than at the start of 2024.",
         [("41 cruise calls", 41, "count", "eq"), ("ten", -10, "count", "eq")]),
        # more of a count the sentence names
        ("Zoomlion employs 5,240 people and plans to hire 300 more by the end of 2027.",
         [("5,240 people", 5240, "count", "eq"), ("300", 300, "count", "eq")]),
        ("Hunan has 11 ethanol plants, and two more are under construction.",
         [("11 ethanol plants", 11, "count", "eq"), ("two", 2, "count", "eq")]),
        # a change of a price and the level it led to, not a range
        ("The average price of new homes in Changsha rose $120 to $2,850 a square metre.",
         [("$120", 120, "USD_per_m2", "eq"), ("$2,850 a square metre", 2850, "USD_per_m2", "eq")]),
    ],
)  # fmt: skip
def test_every_figure_a_sentence_states(
    read: Read, sentence: str, expected: list[tuple[str, float, str, str]]
) -> None:
    assert _facts(read, sentence) == expected


def test_signed_counts_a_list_labels_are_changes(read: Read) -> None:
    text = (
        "Employment change by sector in Hunan, quarter on quarter:\n\n"
        "- Manufacturing: -21,000\n- Trade: +14,000\n\n"
        "Hunan's statistics office, Tel: +86 731 8888 1234, said the survey covers 9,000 homes."
    )
    assert _facts(read, text)[:2] == [
        ("-21,000", -21000, "count", "eq"), ("14,000", 14000, "count", "eq"),
    ]  # fmt: skip
    assert all(fact[1] != 86 for fact in _facts(read, text))
