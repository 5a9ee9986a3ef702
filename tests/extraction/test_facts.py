"""Facts: the subject, indicator, period and sentence of each quantity."""

from __future__ import annotations

import datetime as dt

from tests.extraction.conftest import Read, only_fact


def subjects(read: Read, text: str) -> list[tuple[str, str | None]]:
    return [(f.as_reported, f.subject.id or f.subject.name) for f in read(text).facts]


def test_the_subject_is_the_name_before_the_number(read: Read) -> None:
    text = (
        "Zoomlion Heavy Industry Science & Technology Co., Ltd., a leader based in Changsha "
        "city, reported overseas revenue of 13 billion RMB in the first three quarters of 2023."
    )
    fact = only_fact(read(text))
    assert (fact.subject.id, fact.subject.kind) == ("zoomlion", "organization")
    assert (fact.indicator.id, fact.value, fact.unit) == ("overseas-revenue", 13e9, "CNY")
    assert fact.citation.quote == text
    assert (fact.citation.start, fact.citation.end) == (0, len(text))


def test_it_and_its_stand_for_the_subject_of_the_sentence_before(read: Read) -> None:
    text = (
        "Zoomlion makes cranes in Changsha. Its products cover more than 140 countries. "
        "It has established 34 permanent overseas offices in Asia and Africa."
    )
    assert subjects(read, text) == [
        ("more than 140 countries", "zoomlion"),
        ("34 permanent overseas offices", "zoomlion"),
    ]


def test_the_area_stands_for_the_region_before(read: Read) -> None:
    text = (
        "In 2023, the Xiangjiang New Area set up 500 high-tech firms. Moreover, the area hosts "
        "64 state-level innovation platforms, representing over 40 percent of the total in "
        "Hunan province."
    )
    assert {subject for _, subject in subjects(read, text)} == {"xiangjiang-new-area"}


def test_a_name_after_a_preposition_is_not_the_subject(read: Read) -> None:
    text = (
        "Despite occupying only 0.5 percent of Hunan province's land, the Xiangjiang New Area grew."
    )
    assert subjects(read, text) == [("0.5 percent", "xiangjiang-new-area")]


def test_one_of_the_top_500_belongs_to_the_name_it_follows(read: Read) -> None:
    text = "The BSBM is a venture of BASF and Shanshan Corporation, one of China's top 500 firms."
    fact = only_fact(read(text))
    assert (fact.subject.id, fact.subject.name) == (None, "Shanshan Corporation")
    assert (fact.value, fact.unit, fact.comparator) == (500, "rank", "lte")


def test_one_sentence_states_several_facts_with_their_periods(read: Read) -> None:
    text = (
        "The Xiangjiang New Area grew fast. Its total economic output surged from 160 billion "
        "yuan ($22.22 billion) in 2015 to 450 billion yuan in 2023."
    )
    facts = read(text).facts
    assert [(f.value, f.unit, f.period_label, f.indicator.id, f.conversion) for f in facts] == [
        (160e9, "CNY", "2015", "gdp", False),
        (22.22e9, "USD", "2015", "gdp", True),
        (450e9, "CNY", "2023", "gdp", False),
    ]
    assert {f.subject.id for f in facts} == {"xiangjiang-new-area"}


def test_a_conversion_is_a_fact_of_the_same_subject_and_period(read: Read) -> None:
    result = read("Hunan's GDP reached 450 billion yuan ($62.6 billion) in 2023.")
    yuan, dollars = result.facts
    assert dollars.conversion
    assert not yuan.conversion
    assert (dollars.subject, dollars.period_label, dollars.indicator) == (
        yuan.subject,
        yuan.period_label,
        yuan.indicator,
    )


def test_last_year_counts_from_the_publication_date(read: Read) -> None:
    fact = only_fact(read("Hunan's GDP grew 4.6 percent last year.", dt.date(2024, 4, 1)))
    assert (fact.period_start, fact.period_end) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))


def test_an_indicator_is_found_by_its_phrases(read: Read) -> None:
    fact = only_fact(read("Hunan's total economic output reached 5 trillion yuan in 2023."))
    assert (fact.indicator.id, fact.indicator.name) == ("gdp", "Gross domestic product")


def test_an_indicator_is_found_by_the_words_of_its_name(read: Read) -> None:
    fact = only_fact(read("Zoomlion has set up 34 permanent overseas offices."))
    assert fact.indicator.id == "permanent-overseas-offices"


def test_an_unknown_indicator_is_proposed_under_the_texts_words(read: Read) -> None:
    fact = only_fact(read("Hunan built 30 industrial parks."))
    assert (fact.indicator.id, fact.indicator.name) == (None, "industrial parks")
    growth = only_fact(read("Hunan's exports rose 8 percent in 2023."))
    assert (growth.indicator.id, growth.indicator.name) == (None, "exports growth")


def test_confidence_is_lower_for_a_subject_taken_from_the_sentence_before(read: Read) -> None:
    direct = only_fact(read("Zoomlion has set up 34 permanent overseas offices."))
    carried = read("Zoomlion makes cranes. Hunan's farms, too, are big. 34 offices opened.").facts
    assert 0.0 < carried[0].confidence < direct.confidence <= 1.0


def test_a_number_with_no_subject_anywhere_is_no_fact(read: Read) -> None:
    result = read("Prices rose 8 percent.")
    assert result.facts == []
    assert len(result.quantities) == 1
    assert [(i.text, i.reason) for i in result.ignored] == [("8", "no_subject")]


def test_a_growth_rate_is_of_the_metric_its_clause_names(read: Read) -> None:
    text = (
        "Zoomlion's revenue reached RMB70 billion in 2023, a year-on-year increase of 9.6 percent."
    )
    assert [f.indicator.name for f in read(text).facts] == ["revenue", "revenue growth"]


def test_a_level_after_a_growth_rate_keeps_the_metric(read: Read) -> None:
    facts = read("Hunan's GDP grew 5.4 percent year-on-year to 5.3 trillion yuan in 2023.").facts
    assert [(f.indicator.id, f.indicator.name) for f in facts] == [
        (None, "gross domestic product growth"),
        ("gdp", "Gross domestic product"),
    ]


def test_a_metric_named_after_the_amount(read: Read) -> None:
    fact = only_fact(read("Hunan attracted 1.2 billion dollars in FDI in 2023."))
    assert fact.indicator.name == "foreign direct investment"


def test_a_share_is_named_after_what_it_divides(read: Read) -> None:
    text = "Zoomlion spent 16 billion yuan on R&D, accounting for 23.4% of its total revenue."
    assert read(text).facts[-1].indicator.name == "share of total revenue"


def test_a_place_after_its_is_not_the_subject(read: Read) -> None:
    text = "Zoomlion will expand its Changsha innovation hub, which employs 3,000 engineers."
    assert subjects(read, text) == [("3,000 engineers", "zoomlion")]


def test_a_name_inside_a_hyphenated_compound_is_no_mention(read: Read) -> None:
    result = read("The China-Hunan expo and Sino-China trade drew crowds.")
    assert [e.id for e in result.entities] == []


def test_a_month_is_no_indicator_name_and_industrial_output_is_one(read: Read) -> None:
    text = "Hunan's industrial output in October grew 7 percent. Hunan's sales in May rose 5%."
    names = [fact.indicator.name for fact in read(text).facts]
    assert names == ["industrial output growth", "sales"]
