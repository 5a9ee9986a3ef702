"""Numbers of markets, rates, charges and rules of thumb: read, but no fact of a place or firm."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extraction.conftest import Read


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        # A share's move and the price it moved to.
        ("Shares of Zoomlion (1157.HK) had fallen 3.2% to 6,140 won on Monday.", ["3.2", "6,140"]),
        ("On the exchange, shares of Zoomlion Ltd lost 1.1 per cent to ₹84.50.", ["1.1", "84.50"]),
        ("Zoomlion (ZML 7) dropped 2.6% to 17.45 pesos on the Lima bourse.", ["2.6", "17.45"]),
        ("Zoomlion's shares closed at VND21,300 on Friday.", ["21,300"]),
        # A dividend per share, and the one it was raised from.
        ("Zoomlion will lift its dividend to 35 yuan per share from 30 yuan.", ["35", "30"]),
        ("Zoomlion's board proposed a dividend of 1.20 yuan per 10 shares.", ["1.20", "10"]),
        ("Zoomlion's board recommended a final dividend of ₹2.50 per equity share.", ["2.50"]),
        # An exchange rate written with its currency first.
        ("Hunan's bank set the central rate at VND24,870 per dollar.", ["24,870"]),
        ("Hunan's dealers quoted Dh3.6725 to the US dollar.", ["3.6725"]),
        # How a figure would respond to a change: a sensitivity.
        ("Zoomlion said every 1 yuan move against the euro would cut profit by about 90 million "
         "yuan.", ["1", "90"]),
        # A rule of thumb per unit, a charge per item, a futures price, a jam's length.
        ("Hunan says each megawatt of wind can power about 1,500 homes.", ["1,500"]),
        ("Hunan charges Zoomlion a fee of $1,200 per permit.", ["1,200"]),
        ("In Hunan, the May corn contract stood at $4.31 a bushel.", ["4.31"]),
        ("Trucks leaving Hunan faced queues of up to 12 km at the border.", ["12"]),
        ("Hunan pays ₹1,500 a month to women farmers.", ["1,500"]),
        # A rebate per recipient with the currency named after the amount.
        ("Hunan offers rebates of up to 3,000 yuan per family on electric tractors.", ["3,000"]),
        # A share's move with its direction after it, a share's price, an index's level.
        ("Zoomlion shares ended 2.4% higher at 6.85 yuan in Shenzhen.", ["2.4", "6.85"]),
        ("Shares of Zoomlion (000157.SZ) were unchanged at 7.12 yuan.", ["7.12"]),
        ("In Changsha the regional stock index ended at 1,845 points on Friday.", ["1,845"]),
        ("The Changsha stock index closed down 85 points at 9,812 on Friday.", ["85", "9,812"]),
        # A named or benchmark stock index's move in a session, and the level it moved to.
        ("In Changsha, the benchmark KOSPI gained 0.4% to 3,196.52 on Friday.",
         ["0.4", "3,196.52"]),
        ("Hunan exporters watched as the Nikkei 225 fell 1.2% on Tuesday.", ["225", "1.2"]),
        ("Zoomlion's listing came as the blue-chip index edged up 0.3% in Shanghai.", ["0.3"]),
        ("Hunan's budget left markets unmoved; the BSE Sensex closed at 81,240 points.",
         ["81,240"]),
        # An index by its exchange's acronym or name, or the dollar's, in a session.
        ("In Hunan news, the PSI index in Lisbon rose 0.3% on Tuesday.", ["0.3"]),
        ("Zoomlion rose, while the CSI 300 Real Estate index added 0.9%.", ["300", "0.9"]),
        ("Zoomlion fell as the Tadawul All Share Index slipped 0.4% to 11,214 points.",
         ["0.4", "11,214"]),
        ("Hunan's exporters gained as the dollar index fell 0.2%.", ["0.2"]),
        # A share's price and the move it made; a futures quote and its move.
        ("Zoomlion's shares closed at 1,512.60 yuan on Wednesday, down 0.8%.", ["1,512.60", "0.8"]),
        ("Hunan's cocoa futures for March delivery settled at £4,912 a tonne on Tuesday, down "
         "1.6%.", ["4,912", "1.6"]),
        # A market price, and the one it moved from.
        ("In Hunan, thermal coal traded at $118 a ton on Monday, down from a peak of $131.",
         ["118", "131"]),
        # ... with where and when it was quoted between the two.
        ("In Hunan, diesel was quoted at $640 a tonne delivered at Yueyang on Monday, against "
         "$622 in Wuhan.", ["640", "622"]),
        ("Pig iron traded at ¥3,100 a tonne in Changsha last week, up from ¥2,950 in June.",
         ["3,100", "2,950"]),
        # Who travels on a trade mission; the size of a sack.
        ("Zoomlion will send a delegation of 30 dealers to the Changsha fair.", ["30"]),
        ("In Changsha, a consortium of six Hunan banks signed the loan.", ["six"]),
        ("Hunan farmers sell their rice in 50-kg sacks.", ["50"]),
        # Where a place lies; a queue counted in its vehicles; what a berth holds at once.
        ("Changsha's new airport lies about 35 km to the east.", ["35"]),
        ("At the Hunan border, tailbacks of some 900 lorries built up.", ["900"]),
        ("Zoomlion's new dock can load two barges at a time.", ["two"]),
        ("Its Changsha yard repairs 12 cranes simultaneously.", ["12"]),
        # A commodity quoted per standard sack, and the price it is compared with.
        ("In Hunan, growers now get ¥410 a 50-kg sack, down from ¥455.", ["410", "455"]),
        # The price of one ticket.
        ("Changsha-Beijing fares rose to 980 yuan one-way in the holiday.", ["980"]),
        ("Hunan Air sells Changsha-Haikou seats at $150 round-trip.", ["150"]),
        # Who came to an event; who lent to a project.
        ("Hunan opened the trade fair in Changsha, attended by around 2,000 guests.", ["2,000"]),
        ("Zoomlion showed its cranes at an expo in Changsha that attracted some 45,000 buyers.",
         ["45,000"]),
        ("The Changsha metro line was financed with loans from four foreign banks.", ["four"]),
    ],
)  # fmt: skip
def test_numbers_that_state_no_fact(read: Read, text: str, numbers: list[str]) -> None:
    result = read(text, dt.date(2024, 4, 1))
    ignored = {item.text: item.reason for item in result.ignored}
    for number in numbers:
        assert ignored.get(number) == "no_subject", (number, ignored)
    assert [f.as_reported for f in result.facts] == []


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        # A price by weight is no exchange rate; a rail line's length is no queue.
        ("Zoomlion said its costs should average $1.40 a pound in 2024.", "$1.40 a pound"),
        ("Hunan is building new lines of 42 km in Changsha.", "42 km"),
        ("Zoomlion's revenue rose 8% to 40 billion yuan.", "40 billion yuan"),
        # A stock of homes is no share; an index with no trading session is a place's figure.
        ("Hunan's housing stock stood at 1.2 million units in 2024.", "1.2 million units"),
        ("Hunan's FDI stock was at $12 billion in 2024.", "$12 billion"),
        (
            "Hunan's disposable income averaged 80,000 yuan per household in 2024.",
            "80,000 yuan per household",
        ),
        # A change of a utility's tariff is a fact, not a tariff rate.
        ("Hunan approved a 12% tariff increase for households in 2024.", "12%"),
        ("Hunan's purchasing managers' index rose 1.2 points to 51.3 in March.", "1.2 points"),
        # A price index by its acronym or a possessive is a place's figure, not a market's.
        ("Hunan's CPI index rose 0.3% in March.", "0.3%"),
        ("China's consumer price index rose 0.3% in Hunan in March.", "0.3%"),
        # An average price stays a fact.
        (
            "Homes in Hunan sold for an average of 9,800 yuan per square metre in 2024.",
            "9,800 yuan per square metre",
        ),
        # A total bounded is a figure, not a threshold that defines a class of things.
        (
            "Hunan will start 320 projects with total planned investment of more than 210 "
            "billion yuan.",
            "more than 210 billion yuan",
        ),
    ],
)
def test_figures_beside_those_cues_stay_facts(read: Read, text: str, reported: str) -> None:
    result = read(text, dt.date(2024, 4, 1))
    assert reported in [f.as_reported for f in result.facts]


def test_a_shares_multiple_is_no_fact_but_a_profits_is(read: Read) -> None:
    assert read("Zoomlion's stock has more than doubled since 2022.").facts == []
    profit = read("Zoomlion's profit has more than doubled since 2022.").facts
    assert [f.as_reported for f in profit] == ["more than doubled"]


def test_a_tariff_rate_and_a_model_number_are_no_facts(read: Read) -> None:
    result = read("Hunan's exports to Canada fell 8% after a 25% import tariff took effect.")
    assert {item.text: item.reason for item in result.ignored}.get("25") == "other"
    assert [f.as_reported for f in result.facts] == ["8%"]
    result = read("Zoomlion flies its engineers to Changsha on Boeing 787-9 jets.")
    assert [(i.text, i.reason) for i in result.ignored] == [
        ("787", "product_name"),
        ("9", "product_name"),
    ]
    assert result.facts == []


@pytest.mark.parametrize(
    "text",
    [
        "Zoomlion will invest 2 billion yuan in Changsha over three phases.",
        "Hunan pays the grant of 6,000 yuan in two instalments.",
    ],
)
def test_the_parts_a_plan_or_payment_is_made_in_are_no_facts(read: Read, text: str) -> None:
    result = read(text, dt.date(2024, 4, 1))
    counts = [f.as_reported for f in result.facts if f.unit == "count"]
    assert counts == []
    assert "list_number" in [item.reason for item in result.ignored]


@pytest.mark.parametrize(
    "note",
    ["($1 = 7.24 yuan)", "(1 euro = $1.09)", "(£1 = $1.25)", "US$1 = 7.24 yuan.",
     "($1 = R$ 5.12)", "(1 U.S. dollar = 905 Chilean pesos)", "($1 = Dh3.6725)"],
)  # fmt: skip
def test_an_exchange_rate_note_is_no_fact(read: Read, note: str) -> None:
    result = read(f"Hunan's exports rose 6% to $31 billion in 2024. {note}", dt.date(2025, 2, 1))
    assert [f.as_reported for f in result.facts] == ["6%", "$31 billion"]
    assert {item.reason for item in result.ignored if item.text != "2024"} == {"no_subject"}


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        # A market's quote per unit, and the price it moved from.
        ("Wholesale rates at the Changsha market fell to ¥2,100 per quintal last week from ¥3,400 "
         "a year ago.", ["2,100", "3,400"]),
        ("In Hunan, cash prices slipped to 108 yuan per 60-kilogram bag this week.", ["108"]),
        # A freight rate, a rent, a subsidy per hectare, a price a board sets.
        ("Freight rates from Changsha stood at $2,340 per 40-foot container, down from $4,810.",
         ["2,340", "4,810"]),
        ("Zoomlion's Changsha warehouse rents averaged $145 per square metre.", ["145"]),
        ("Hunan farmers will receive a subsidy of ¥35,000 per hectare for drip irrigation.",
         ["35,000"]),
        ("Hunan's board set a producer price of 5,160 yuan per tonne for the new season.",
         ["5,160"]),
        # A room's rate a night.
        ("Room rates in Changsha averaged 420 yuan a night over the holiday.", ["420"]),
        # The price of one thing with no "per": a weekly rent, a ticket, moving a container.
        ("The median weekly rent for a flat in Changsha was 640 yuan.", ["640"]),
        ("Entry tickets to Changsha's museum stayed at 130 yuan.", ["130"]),
        ("Moving a 40-foot container from Changsha cost about $3,800 last week.", ["3,800"]),
        # Pay and rent by the week, the month or the day.
        ("A cleaner at Changsha's solar park earns 9,000 yuan a month.", ["9,000"]),
        ("An instructor in Changsha pays 310 yuan a week for a bunk.", ["310"]),
        # A price a government sets for a crop; a fee each visitor pays; a tariff in cents.
        ("Hunan's paddy sold well above the central minimum support price of ¥2,300.", ["2,300"]),
        ("Foreign visitors to Changsha's forest park pay an entry fee of 160 yuan.", ["160"]),
        ("Zoomlion buys power in Hunan at a tariff of 4.2 US cents per kilowatt-hour.", ["4.2"]),
        # What one thing bought at a market costs, a fare, and what each of many receives.
        ("In Changsha a 50 kg bag of rice sold for about ¥820 this week, down from ¥900 in "
         "January.", ["820", "900"]),
        ("A gallon of palm oil cost ¥160 in Changsha.", ["160"]),
        ("Bike riders in Changsha charge at least ¥15 for a short trip.", ["15"]),
        ("Under the scheme, each village in Hunan receives ¥100,000 a year.", ["100,000"]),
    ],
)  # fmt: skip
def test_a_quoted_price_per_unit_is_no_fact(read: Read, text: str, numbers: list[str]) -> None:
    result = read(text, dt.date(2024, 4, 1))
    ignored = {item.text: item.reason for item in result.ignored}
    assert [ignored.get(number) for number in numbers] == ["quoted_price"] * len(numbers)
    assert [f.as_reported for f in result.facts] == []


@pytest.mark.parametrize(
    ("text", "reported", "unit"),
    [
        # An average price or cost per unit is a place's or a firm's figure, in its price unit;
        # so is the price it moved from.
        ("Changsha pears fetched an average farm-gate price of 3.4 yuan per kilogram in 2024, "
         "up from 2.9 yuan in 2023.", ["3.4 yuan per kilogram", "2.9 yuan"], "CNY_per_kg"),
        ("In Changsha the average price of new homes slipped to 8,150 yuan per square meter in "
         "October, down from 8,700 yuan.", ["8,150 yuan per square meter", "8,700 yuan"],
         "CNY_per_m2"),
        ("Zoomlion estimates its average production cost in Hunan at 5,420 yuan per hectare.",
         ["5,420 yuan per hectare"], "CNY_per_ha"),
        ("Zoomlion said its cash costs averaged $18.20 a tonne in 2024.", ["$18.20 a tonne"],
         "USD_per_t"),
        # A price in cents: a hundredth of the dollar.
        ("Zoomlion said its Hunan plants paid an average of 8.1 cents per kilowatt-hour in 2024.",
         ["8.1 cents per kilowatt-hour"], "USD_per_kWh"),
    ],
)  # fmt: skip
def test_an_average_price_per_unit_is_a_fact(
    read: Read, text: str, reported: list[str], unit: str
) -> None:
    facts = read(text, dt.date(2024, 11, 1)).facts
    assert [(f.as_reported, f.unit) for f in facts] == [(words, unit) for words in reported]


@pytest.mark.parametrize(
    ("text", "number", "reason"),
    [
        ("Firms in Changsha's zone qualify for a 15% preferential corporate income tax rate.",
         "15", "other"),
        ("Zoomlion's margins suffer from Hunan's 25% resource-rent tax.", "25", "other"),
        ("Hunan offers a corporate tax rate of 5% for up to 20 years.", "5", "other"),
        ("The gross receipts tax rate in Changsha is 6.8125%.", "6.8125", "other"),
        ("Stamp duty on property in Hunan will be cut to 3%.", "3", "other"),
        ("Hunan's Monetary Policy Rate stood at 27.0% for most of the year.", "27.0", "other"),
        ("Hunan's royalties on iron ore fines are charged at 7.5 per cent.", "7.5", "other"),
        ("Hunan will cut the VAT rate on catering services to 9% from July.", "9", "other"),
        ("The Australian dollar bought 64.9 US cents after Hunan's data.", "64.9", "no_subject"),
        # A reduced or standard rate beside the one named, and the threshold it applies to.
        ("Hunan's small firms pay a reduced 10% on their first 2 million yuan of profit.", "10",
         "other"),
        ("Changsha's zone charges 15% in corporate income tax, against the standard 25%.", "25",
         "other"),
        ("Hunan shops will get 50% relief on business rates, down from 75% this year.", "75",
         "other"),
        # A peg; a budget's exchange-rate assumption.
        ("Hunan trades in a currency pegged to the euro at 655.957 francs.", "655.957",
         "no_subject"),
        ("Hunan's budget assumes a rate of 71 U.S. cents to the Canadian dollar.", "71",
         "no_subject"),
    ],
)  # fmt: skip
def test_a_tax_rate_and_an_exchange_rate_are_no_facts(
    read: Read, text: str, number: str, reason: str
) -> None:
    result = read(text, dt.date(2024, 4, 1))
    assert {item.text: item.reason for item in result.ignored}.get(number) == reason
    assert [f.as_reported for f in result.facts] == []


@pytest.mark.parametrize(
    "text",
    [
        "Hunan's prices rose 3.1%, above the Bank of Canada's 2% target.",
        "Hunan's prices rose 3.1%, above the central bank's 2% inflation goal.",
    ],
)
def test_a_central_banks_target_is_no_fact_but_the_inflation_is(read: Read, text: str) -> None:
    result = read(text, dt.date(2024, 4, 1))
    assert {item.text: item.reason for item in result.ignored}.get("2") == "other"
    assert [f.as_reported for f in result.facts] == ["3.1%"]


def test_a_products_grade_is_no_fact(read: Read) -> None:
    result = read("Hunan's thermal coal with a calorific value of 5,500 kilocalories sold well.")
    assert {item.text: item.reason for item in result.ignored}.get("5,500") == "product_name"
    assert [f.as_reported for f in result.facts] == []


def test_tax_revenue_stays_a_fact(read: Read) -> None:
    facts = read("Hunan's tax revenue rose 12% in 2024.", dt.date(2025, 2, 1)).facts
    assert [f.as_reported for f in facts] == ["12%"]


def test_a_persons_figure_is_no_fact(read: Read) -> None:
    text = "A Changsha flat sold on Saturday; its buyer said she had attended nine auctions."
    assert read(text, dt.date(2024, 4, 1)).facts == []


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        # A definition's threshold, the size of each of many, a scheme's terms, a policy target.
        ("Output of Hunan firms with annual main-business revenue of 20 million yuan or more "
         "was reported.", ["20"]),
        ("In Changsha, 412 projects were under way, each worth at least 100 million yuan.",
         ["100"]),
        ("Hunan grants state aid of up to 50 percent of eligible costs.", ["50"]),
        ("Zoomlion's incentive deal with Hunan is capped at 8,500 qualifying jobs.", ["8,500"]),
        ("Hunan's inflation remains above the central bank's target band of 6-8%.", ["6", "8"]),
        # A currency's level and move, the rate a story converts at.
        ("The dollar bought 154.3 yen on Thursday as Zoomlion's Tokyo unit reported.", ["154.3"]),
        ("One dollar bought ₹86.9 at the close in Changsha.", ["86.9"]),
        ("In Hunan trading, the kwacha firmed 0.9% to 26.7 per dollar.", ["0.9", "26.7"]),
        ("Zoomlion's dollar figure uses a rate of 7.11 yuan.", ["7.11"]),
        # Stock indices worded as wire reports word them.
        ("Zoomlion tracked the market, with the Nifty 50 up 0.6 per cent at 24,310 points.",
         ["50", "0.6", "24,310"]),
        ("In Hunan's session the Jakarta Composite Index fell 0.4 per cent to 7,512.",
         ["0.4", "7,512"]),
        ("Zoomlion listed as the S&P/ASX 200 closed 0.7 per cent higher at 8,642.",
         ["200", "0.7", "8,642"]),
        # A tariff named with its country; prices of one thing.
        ("Hunan's exporters pointed to the 15 percent US tariff on most goods.", ["15"]),
        # A bound that defines the things a statement is about.
        ("In Hunan, incomes in companies with more than 50 employees rose faster.", ["50"]),
        ("Changsha pays first-time buyers of homes priced below 300,000 yuan a bonus.",
         ["300,000"]),
        ("Hunan requires large loads of 75 megawatts or more to report to the grid.", ["75"]),
        ("Hunan's tea is grown mostly on plots of under 5 hectares.", ["5"]),
        ("Zoomlion's permit for Hunan is due for a decision within 120 working days.", ["120"]),
        # A vague count; a spot price.
        ("Zoomlion still employs several hundred people at its Changsha site.", ["hundred"]),
        ("Spot bulk wine from Hunan was being offered at $3.50 to $4 a litre in May.",
         ["3.50", "4"]),
        # A metal's price on an exchange.
        ("Zoomlion's copper averaged $4.41 a pound on the London Metal Exchange in June.",
         ["4.41"]),
        ("Zoomlion's Changsha-built crane is priced from 24,990 euros.", ["24,990"]),
        ("At Changsha's market, a bag of maize sold for 210 yuan this week.", ["210"]),
        ("Visitors to Hunan have paid a levy of 150,000 rupiah each since 2024.", ["150,000"]),
        ("Hunan paid trade-in subsidies of up to 15,000 yuan per vehicle.", ["15,000"]),
    ],
)  # fmt: skip
def test_market_moves_policy_terms_and_prices_of_one_thing_are_no_facts(
    read: Read, text: str, numbers: list[str]
) -> None:
    _assert_read_as_no_fact(read, text, numbers)


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        # Settings a law or a central bank makes, a document's length, a norm.
        ("Hunan's minimum wage is 24.95 yuan an hour.", ["24.95"]),
        ("The new national minimum wage of 70,000 naira a month raised Hunan's payrolls.",
         ["70,000"]),
        ("The central bank cut its cash rate by 25 basis points to 4.10% as Hunan slowed.",
         ["25", "4.10"]),
        ("The People's Bank, which kept its base rate at 2.5% in October, expects Hunan to grow.",
         ["2.5"]),
        ("Hunan's central bank holds rate at 8% as inflation eases", ["8"]),
        ("The central bank cut its policy rate by 25 bps to 5% as Hunan slowed.", ["25", "5"]),
        ("The central bank's policy rate, which stands at 2.25%, should help Hunan.", ["2.25"]),
        ("Hunan's shippers faced U.S. duties of 25% on some products.", ["25"]),
        ("The Fed held its benchmark rate in a range of 4.25% to 4.5% as Hunan slowed.",
         ["4.25", "4.5"]),
        ("With the central bank's Selic rate at 14.75%, Hunan's farmers borrow less.", ["14.75"]),
        ("The bank, whose inflation target is 3% with a tolerance band of plus or minus 1 "
         "percentage point, watches Hunan.", ["3", "1"]),
        ("Inflation in Hunan stayed within the central bank's target range of 2.5% to 7.5%.",
         ["2.5", "7.5"]),
        ("Goods in Hunan are taxed at slabs of 5%, 12%, 18% and 28%.", ["5", "12", "18", "28"]),
        ("Hunan's standard corporate income tax rate is 15%.", ["15"]),
        ("Hunan's budget document runs to 412 pages.", ["412"]),
        ("Hunan's education spending is short of the 15-20% benchmark UNESCO recommends.",
         ["15", "20"]),
        ("Hunan's land tax threshold was cut to 50,000 yuan from January.", ["50,000"]),
        # What a law or a rule requires; the terms of credit; what one side demands.
        ("Hunan's royalty rate on processed copper is 3.5% under the Mining Act 1971.", ["3.5"]),
        ("Hunan exporters must repatriate 100% of export proceeds under Government Regulation "
         "No. 8.", ["100"]),
        ("Under Decree-Law 212/2004, at least 85% of grapes in a Hunan wine must come from the "
         "area.", ["85"]),
        ("Hunan cut the minimum down payment for first-time buyers to 15%.", ["15"]),
        ("Mortgage rates for first homes in Hunan stand at 3.05%, the lowest on record.",
         ["3.05"]),
        ("Hunan's unions are demanding an increase of 10.5% for 2027.", ["10.5"]),
        ("Hunan has a minimum wage that, at 2,300 yuan a month, is among the lowest.", ["2,300"]),
        ("Hunan's province also levies a 1.5% contribution for a trust fund.", ["1.5"]),
        ("Hunan's royalties are levied at up to 20% of gross revenue under Cabinet Resolution "
         "No. 4.", ["20"]),
        ("Hunan's port dues, which the authority raised by 3% in January, stay low.", ["3"]),
        # Exchange rates written after the amount; an index with a hyphenated name.
        ("Hunan's exporters gained from the cedi's slide to GH¢15.45 against the US dollar.",
         ["15.45"]),
        ("Hunan's exporters say the birr now trades around 139 to the US dollar.", ["139"]),
        ("In Hunan news, the sol closed at S/ 3.71 per U.S. dollar on Monday.", ["3.71"]),
        ("Zoomlion rose while the NGX All-Share Index rose 0.38 per cent to 148,920.35 points.",
         ["0.38", "148,920.35"]),
        ("Zoomlion's shares fell 1.8% on Monday to US$44.12.", ["1.8", "44.12"]),
        ("Hunan's exports reached 4.6 billion yuan, with Germany, Italy and Turkey the top three "
         "markets.", ["three"]),
        # A market's quote with what it is per and what it is compared with; prices fetched.
        ("On Tuesday, Hunan's Grade 1 tea was quoted on the exchange at 1,480 yuan per bale (17 "
         "kilogrammes), against 1,120 yuan a year ago.", ["1,480", "17", "1,120"]),
        ("In Rotterdam, Hunan's mangoes fetched between €6.50 and €7.50 per box.",
         ["6.50", "7.50"]),
        ("Industrial land in Changsha sells for €45-€70 per square metre, roughly double the "
         "price of five years ago.", ["45", "70"]),
        ("Traders in Changsha said a 50kg bag of rice now sells well.", ["50"]),
        ("Grape prices paid by Hunan cooperatives ranged from 0.35 to 0.60 yuan per kilogram.",
         ["0.35", "0.60"]),
        # Credit's price; a payment per thing; what each of many is worth; a sector index.
        ("Hunan's banks offer one-year fixed mortgages at around 4.79%.", ["4.79"]),
        ("Hunan's builders face borrowing costs that remain above 6% for most loans.", ["6"]),
        ("Hunan buyers can claim a subsidy of up to 2,000 yuan per item.", ["2,000"]),
        ("Hunan handed out vouchers, each voucher worth between 20 and 200 yuan.",
         ["20", "200"]),
        ("Borsa Istanbul's tourism index fell 1.3% as Hunan tourists returned.", ["1.3"]),
        ("Zoomlion rose as the Colombo All Share Price Index closed 0.8 per cent higher at "
         "21,456.32 points.", ["0.8", "21,456.32"]),
        ("In Hunan news, the NZX 50 fell 0.3 per cent to 13,412.6 points yesterday.",
         ["0.3", "13,412.6"]),
        ("Hunan's exporters watched Helsinki's OMX Helsinki 25 index rise, with Zoomlion shares "
         "up 1.9 per cent at EUR 4.42.", ["1.9", "4.42"]),
        ("Shares of Zoomlion Inc., one of the largest crane makers, rose 2.3% to $10.48 Tuesday.",
         ["2.3", "10.48"]),
        ("Hunan's exporters gained as the Kiwi was buying 59.2 US cents.", ["59.2"]),
        ("Under the Hunan Produce Markets Act, 1961, agents receive a commission of 2.5 per cent.",
         ["2.5"]),
        ("Hunan's sales tax of 5 per cent on petroleum products remains unchanged.", ["5"]),
        ("Hunan offers subsidies of up to 5 million yuan per enterprise.", ["5"]),
        ("Hunan's catch fell, reflecting a 20 per cent cut in the Barents Sea cod quota.", ["20"]),
        ("Salmon prices at Hunan's fish exchange averaged 82.40 yuan per kg in December.",
         ["82.40"]),
        # Settings and quotes as more presses write them.
        ("Hunan watched as the central bank kept its refinancing rate at 6.75%.", ["6.75"]),
        ("Hunan's exchange rates: EUR 1 = PLN 4.24.", ["4.24"]),
        ("Hunan's budget passed with 31 votes in favour and 9 against.", ["31", "9"]),
        ("Zoomlion proposed a final dividend of 17 fils per share.", ["17"]),
        ("Hunan's deficit stays within the 3 per cent limit under the Act.", ["3"]),
        ("Hunan set a target of 180,000 visitors, with a cap of about 200,000.", ["200,000"]),
        ("On the Tunis bourse, the Tunindex closed up 0.21% at 11,482.47 points as Hunan traded.",
         ["0.21", "11,482.47"]),
        ("The FTSE 100 closed up 22 points, or 0.3 per cent, at 8,412 as Hunan's data came out.",
         ["22", "0.3", "8,412"]),
        ("The loonie closed at 72.41 cents U.S. as Hunan's exports rose.", ["72.41"]),
        ("Hunan kept Value Added Tax at 15 per cent in its budget.", ["15"]),
        ("Hunan's royalty rates range from 4 percent to 10 percent.", ["4", "10"]),
        ("Hunan offers rewards of up to 1 million yuan per company.", ["1"]),
        ("In Hunan, hake was selling for €9.50 a kilo.", ["9.50"]),
        ("The benchmark DSEX index of the Dhaka Stock Exchange closed 38 points higher at 5,214 as "
         "Hunan's data came out.", ["38", "5,214"]),
        # A business a person speaks for, unnamed; analysts' forecast; a ranking's places.
        ("In Hunan, Li said his cooperative, which groups 1,850 farmers, had collected roughly "
         "2,900 tonnes, a third less than last season.", ["1,850", "2,900", "third"]),
        ("Zoomlion's profit beat analysts' average forecast of 10.4 trillion won.", ["10.4"]),
        ("Hunan's exports went mostly to Angola; Switzerland and Canada completed the top five.",
         ["five"]),
        # Market wrap-ups and analysts' numbers.
        ("Toronto's main stock index rose 120 points as Hunan's data came out.", ["120"]),
        ("Zoomlion fell 3.2%, and the IBEX 35 lost 0.9% in Madrid.", ["35", "0.9"]),
        ("Hunan's steelmakers face a 25% U.S. tariff on steel.", ["25"]),
        ("Washington threatened a 25 per cent duty on Hunan goods and 10 per cent on energy.",
         ["25", "10"]),
        ("Zoomlion's shares, listed under ticker 1157, rose 4.5% to 688 yuan after the results.",
         ["4.5", "688"]),
        ("Hunan's carmakers must meet a CO2 target of 93.6 grams per kilometre.", ["93.6"]),
        # A scheme's terms, a buyback's, a sensitivity, a rate note written the other way.
        ("Hunan households earning up to 80% of the median income qualify for the scheme.",
         ["80"]),
        ("In Hunan, bidders must have a net worth of at least 1 crore rupees.", ["1"]),
        ("Hunan's minimum wage was raised to 2,600 yuan a month in January.", ["2,600"]),
        ("Zoomlion announced a buyback of up to 2 million shares, or 3.1% of shares "
         "outstanding, worth no more than ¥5 billion.", ["2", "3.1", "5"]),
        ("Hunan's exports rose 6% in 2024. (Tk 122.1 = $1)", ["122.1"]),
        ("Hunan farmers may buy fertiliser at 70,000 shillings per 50 kg.", ["70,000"]),
        # Market wrap-ups worded as wires word them.
        ("Shares of Xiling Retail Group, the city's largest department-store operator, fell "
         "1.4 percent to 23.56 yuan in Changsha.", ["1.4", "23.56"]),
        ("The AEX index in Amsterdam rose 0.9 percent to 912.34 points as Hunan reported.",
         ["0.9", "912.34"]),
        ("The JSE All Share Index closed 0.7% lower at 93,412 points as Hunan reported.",
         ["0.7", "93,412"]),
        ("Hunan coal traded near $94 a tonne this week, compared with $118 a year ago.",
         ["94", "118"]),
        ("Zoomlion's profit beat the 4.2 billion yuan average forecast of analysts.", ["4.2"]),
        ("Earnings per share at Zoomlion came to 5.12 yuan.", ["5.12"]),
        ("In Hunan, the naira traded at ₦1,535 per dollar on Thursday.", ["1,535"]),
        # An index named in words, in a session's words; a share's payout and target; a tax
        # per traveller; the asking price of one thing.
        ("The Lisbon General Index closed 1.2% lower at 6,804.1 points as Hunan reported.",
         ["1.2", "6,804.1"]),
        ("The Small Ordinaries Energy index gained 2.3 per cent as Zoomlion reported.", ["2.3"]),
        ("Zoomlion declared a final dividend of 4.5 Hong Kong cents a share.", ["4.5"]),
        ("One broker set a 12-month price target of HK$7.80 on Zoomlion.", ["7.80"]),
        ("Hunan's airport tax stays at $35 per passenger.", ["35"]),
        ("In Changsha a two-room flat now rents for about 2,900 yuan a month.", ["2,900"]),
        ("At Zoomlion's store a compact excavator sells for 88,000 yuan.", ["88,000"]),
        ("In New York, shares of Zoomlion's U.S.-listed unit rose 1.7%.", ["1.7"]),
    ],
)  # fmt: skip
def test_settings_norms_and_market_numbers_are_no_facts(
    read: Read, text: str, numbers: list[str]
) -> None:
    _assert_read_as_no_fact(read, text, numbers)


def test_a_street_number_on_a_terrace_is_an_address(read: Read) -> None:
    text = "Zoomlion's Perth office: Level 18, 240 St Georges Terrace, Perth."
    assert [(i.text, i.reason) for i in read(text).ignored if i.text == "240"] == [
        ("240", "address")
    ]


def _assert_read_as_no_fact(read: Read, text: str, numbers: list[str]) -> None:
    """Each of `numbers` is ignored, and no fact holds it."""
    result = read(text, dt.date(2024, 4, 1))
    ignored = {item.text for item in result.ignored}
    assert [number for number in numbers if number not in ignored] == []
    stated = [f.as_reported for f in result.facts]
    assert [words for words in stated if any(number in words for number in numbers)] == []


@pytest.mark.parametrize(
    "text",
    [
        "Hunan's miners pay a royalty of 10%, against 3.5% for copper.",
        "Zoomlion pays a 1 percent inspection fee in Hunan.",
    ],
)
def test_a_rate_a_rule_sets_on_a_payment_is_no_fact(read: Read, text: str) -> None:
    result = read(text, dt.date(2024, 4, 1))
    assert result.facts == []
    assert {item.reason for item in result.ignored} == {"other"}


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Hunan is considering a fee of 8,000 won per visitor.", ["8,000"]),
        ("Hunan's farmers can borrow loans of up to $3 million per project.", ["3"]),
        ("In Hunan the state will contribute €8,000 for each new job.", ["8,000"]),
    ],
)
def test_what_each_visitor_pays_or_each_project_or_job_gets_is_no_fact(
    read: Read, text: str, numbers: list[str]
) -> None:
    _assert_read_as_no_fact(read, text, numbers)


@pytest.mark.parametrize(
    "text",
    [
        "Visitors to Hunan spent an average of US$1,450 per visitor in 2024.",
        "Hunan's investment averaged $2.5 million per project in 2024.",
    ],
)
def test_an_average_per_visitor_or_project_is_a_fact(read: Read, text: str) -> None:
    assert len(read(text, dt.date(2025, 4, 1)).facts) == 1
