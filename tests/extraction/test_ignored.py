"""Ignored: every number that states no fact, with the reason it does not."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extraction.conftest import Read


def reasons(read: Read, text: str) -> list[tuple[str, str]]:
    return [(item.text, item.reason) for item in read(text, dt.date(2024, 4, 1)).ignored]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hunan launched 5G networks in 2023.", [("5", "product_name"), ("2023", "year")]),
        ("Hunan's AITO M9 sold well.", [("9", "product_name")]),
        ("Hunan issued Document No. 12 to firms.", [("12", "document_number")]),
        ("Hunan listed it as No. 12 on the agenda.", [("12", "list_number")]),
        ("It is filed as [2024] No. 5.", [("2024", "document_number"), ("5", "document_number")]),
        ("On March 18, Hunan opened a plant.", [("18", "date")]),
        ("Hunan opened a plant on 14 February 2024.", [("14", "date"), ("2024", "date")]),
        ("Hunan opened a plant on 2024-04-01.", [("2024", "date"), ("04", "date"), ("01", "date")]),
        ("Hunan opened it at 11:08 a.m.", [("11", "time"), ("08", "time")]),
        ("Call Hunan on 0731-88888888.", [("0731", "phone"), ("88888888", "phone")]),
        ("Call Hunan on +86-574-8718-6666.", [("86", "phone"), ("574", "phone"), ("8718", "phone"),
                                             ("6666", "phone")]),
        ("Hunan's office is at 88 Furong Road.", [("88", "address")]),
        ("Hunan's office is in Room 1203.", [("1203", "address")]),
        ("Wang Wei, 45, runs a Hunan firm.", [("45", "age")]),
        ("A 58-year-old Hunan farmer spoke.", [("58", "age")]),
        ("In 2023, Hunan issued a policy.", [("2023", "year")]),
        ("Changsha was founded in 1995.", [("1995", "year")]),
        ("Hunan did it for the first time.", [("first", "other")]),
    ],
)  # fmt: skip
def test_reasons(read: Read, text: str, expected: list[tuple[str, str]]) -> None:
    assert reasons(read, text) == expected


def test_byline_and_footer_numbers_are_never_facts(read: Read) -> None:
    text = (
        "Source: Hunan Daily | 2024-04-01 11:08:01 | Author: WANG Wei\n\n"
        "Hunan's exports rose 8 percent in 2023.\n\n"
        "Editor: Li Na\n\nTop News\n\nHunan built 30 industrial parks in 2023."
    )
    result = read(text, dt.date(2024, 4, 1))
    assert [f.as_reported for f in result.facts] == ["8 percent"]
    footer = [item.reason for item in result.ignored if item.start > text.index("Editor")]
    assert footer
    assert set(footer) == {"footer"}


def test_a_number_in_a_fact_is_not_ignored(read: Read) -> None:
    result = read("Hunan's GDP reached 450 billion yuan in 2023.")
    assert [(item.text, item.reason) for item in result.ignored] == [("2023", "year")]


def test_every_number_is_a_fact_or_ignored(read: Read) -> None:
    text = "On March 18, Hunan said 27 firms, more than 140 countries and No. 12 were in 5G plans."
    result = read(text)
    in_facts = {(f.start, f.end) for f in result.facts}
    covered = [any(s <= i.start and i.end <= e for s, e in in_facts) for i in result.ignored]
    assert not any(covered)
    told = sorted([i.text for i in result.ignored] + [f.as_reported for f in result.facts])
    assert told == sorted(["18", "27 firms", "more than 140 countries", "12", "5"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Direct speech, and the clause naming its speaker, state no fact of the article.
        ('"We went from three shifts to one," said a Hunan worker.',
         [("three", "quotation"), ("one", "quotation")]),
        ('"Orders are holding up well," said Li, who runs a Hunan firm selling to 40 countries.',
         [("40", "quotation")]),
        ("Hunan's office said: \u201cOur exports doubled and 12 parks opened.\u201d",
         [("12", "quotation")]),
        ("Changsha's GWH252-16MW turbine was shown.", [("252", "product_name"),
                                                      ("16", "product_name")]),
        ("Zoomlion will fund the Tanger Med 2 terminals in Hunan.", [("2", "product_name")]),
        ("Zoomlion's US office is at 200 W. Washington St. in Phoenix.", [("200", "address")]),
        ("The fair is at Jalan Tun, 11900 Bayan Lepas, in Hunan.", [("11900", "address")]),
        ("Hunan's office is on Jalan Asrama No. 179 in Medan.", [("179", "address")]),
        ("Zoomlion's showroom is at Avenida Paulista 1578 in Sao Paulo.", [("1578", "address")]),
        ("Hunan follows this year's No. 1 central document.", [("1", "document_number")]),
        ("Changsha ranked 17th in Lloyd's List's Top 100 Ports ranking.", [("100", "list_number")]),
        ("Hunan set aside funds for three priorities: ports, parks and roads.",
         [("three", "list_number")]),
        ("Copper traded at $9,580 a ton in Changsha, up 0.6% on the day.",
         [("9,580", "no_subject"), ("0.6", "no_subject")]),
    ],
)  # fmt: skip
def test_numbers_of_no_fact(read: Read, text: str, expected: list[tuple[str, str]]) -> None:
    result = read(text, dt.date(2024, 4, 1))
    assert [(item.text, item.reason) for item in result.ignored] == expected
    assert [f.as_reported for f in result.facts if f.unit != "rank"] == []


@pytest.mark.parametrize(
    ("text", "quantities", "reason"),
    [
        ('"We won 11 new contracts worth CZK 2 billion," said a Hunan manager.',
         [("11 new contracts", 11.0, "count"), ("CZK 2 billion", 2e9, "CZK")], "quotation"),
        ("Copper traded at $9,580 a ton in Changsha, up 0.6% on the day.",
         [("$9,580 a ton", 9580.0, "USD_per_t"), ("0.6%", 0.6, "percent")], "no_subject"),
        ("Hunan's central bank kept its policy rate at 6.5%.",
         [("6.5%", 6.5, "percent")], "other"),
    ],
)  # fmt: skip
def test_a_quantity_that_states_no_fact_is_a_quantity_all_the_same(
    read: Read, text: str, quantities: list[tuple[str, float, str]], reason: str
) -> None:
    result = read(text, dt.date(2024, 4, 1))
    assert [(q.as_reported, q.value, q.unit) for q in result.quantities] == quantities
    assert result.facts == []
    assert {item.reason for item in result.ignored} == {reason}


def test_quantities_of_no_fact_keep_the_text_order_and_conversions_their_amount(
    read: Read,
) -> None:
    result = read("At a policy rate of 6.5%, Hunan's exports hit 450 billion yuan ($62.6 billion).")
    read_as = [q.as_reported for q in result.quantities]
    assert read_as == ["6.5%", "450 billion yuan", "$62.6 billion"]
    assert result.quantities[2].conversion_of == 1
    assert [f.as_reported for f in result.facts] == ["450 billion yuan", "$62.6 billion"]


def test_a_short_quoted_name_is_no_quotation(read: Read) -> None:
    result = read('Hunan\'s "Made in Hunan" plan drew 120 firms in 2023.')
    assert [f.as_reported for f in result.facts] == ["120 firms"]


@pytest.mark.parametrize(
    "text",
    [
        "Changsha's port berthed the 24,346-TEU MSC Irina in 2023.",
        "Hunan built a 10.7-km rail link to Changsha.",
        "Hunan's 800-kV line carries power to Changsha.",
    ],
)
def test_the_size_of_a_thing_is_no_fact(read: Read, text: str) -> None:
    result = read(text, dt.date(2024, 4, 1))
    assert result.facts == []
    assert "no_subject" in [item.reason for item in result.ignored]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hunan's grid added a ±500 kV link.", [("500", "no_subject")]),
        ("Hunan distils a 52% ABV spirit.", [("52", "product_name")]),
        ("Hunan imports 65% Fe ore.", [("65", "product_name")]),
        ("Hunan's brewer sells a 2,999-yuan bottle.", [("2,999", "no_subject")]),
        ("Zoomlion set up within 15 km of Changsha.", [("15", "no_subject")]),
        ("Changsha ranks among China's 50 richest cities.", [("50", "list_number")]),
        ("Hunan hosted the fair from Oct 8 to Oct 12.", [("8", "date"), ("12", "date")]),
        ("Copper traded near $9,100 a ton, and Hunan mined it.", [("9,100", "no_subject")]),
        (
            "Hunan counts firms with annual revenue of at least 20 million yuan.",
            [("20", "no_subject"), ("million", "no_subject")],
        ),
    ],
)
def test_specifications_distances_lists_and_thresholds_are_no_facts(
    read: Read, text: str, expected: list[tuple[str, str]]
) -> None:
    assert reasons(read, text) == expected
    assert read(text).facts == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Shares in Zoomlion (ZML.HK) climbed 2.4% in early trade.", "2.4"),
        ("Zoomlion's stock has gained nearly 25% this year.", "25"),
        ("Zoomlion rose 2% against a 0.6% gain in the broader market.", "0.6"),
        ("Zoomlion lagged the 11% rise in the S&P 500 industrials index.", "11"),
        ("Zoomlion earned 13 billion yuan, above the $1.8 billion analysts had expected.", "1.8"),
        ("Zoomlion's profit beat analysts' average estimate of $2.05.", "2.05"),
        ("Changsha's new berth can take ships carrying up to 14,000 TEUs.", "14,000"),
        ("Hunan's power demand came within 3 percent of grid capacity.", "3"),
        ("Hunan's assembly approved the plan by 61 votes to 4.", "61"),
        ("Hunan spends 27 percent, above the 25 percent minimum set by law.", "25"),
        ("Zoomlion's office is at 18 Lakeside Technology Drive.", "18"),
        ("Zoomlion supplies a Level 4 Hospital in Changsha.", "4"),
        ("Hunan's zinc sales rose on zinc prices that averaged about $1.35 a pound.", "1.35"),
        ("Queues at Changsha's border gate stretched for nearly 8 kilometres.", "8"),
        ("Shares of Zoomlion (000157.SZ) closed down 1.8 percent at 6,420 won.", "6,420"),
        ("Zinc fetched US$2,600 a tonne in Hunan, below the US$3,100 peaks of 2022.", "3,100"),
        ("Output of Hunan firms with revenue of 20 million yuan or more rose 6 percent.", "20"),
        ("Zoomlion's Hunan farm will make power enough to supply 90,000 homes.", "90,000"),
        ("Hunan's scheme pays Rs 12,000 a year to each beneficiary.", "12,000"),
        ("Hunan's crop loans are available for up to ₹5 lakh per farmer.", "5"),
        ("Hunan's fund will give KSh20 million to each of its 85 wards.", "20"),
        ("Hunan's debt was 24.7% of GSDP, within the 25% limit set by law.", "25"),
        ("Zoomlion proposed a cash dividend of 3.5 yuan for every 10 shares.", "3.5"),
        ("Zoomlion proposed a cash dividend of CNY12 for every ten shares.", "12"),
        ("Hunan's sales tax rate on most services remains 16%.", "16"),
        ("Hunan's business climate index fell to 96.4 points, down from 104.2 points.", "104.2"),
    ],
)
def test_numbers_of_markets_rules_and_places_are_no_facts(
    read: Read, text: str, number: str
) -> None:
    result = read(text, dt.date(2024, 4, 1))
    assert number in [item.text for item in result.ignored]
    assert not any(number in fact.as_reported for fact in result.facts)
