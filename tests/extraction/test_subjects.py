"""Subjects in the sentences of news: appositions, relative clauses, sources, places."""

from __future__ import annotations

import pytest

from service.extraction import extract
from service.extraction.gazetteer import Gazetteer, KnownEntity
from tests.extraction.conftest import Read


def subjects(read: Read, text: str) -> list[tuple[str, str | None]]:
    return [(f.as_reported, f.subject.id or f.subject.name) for f in read(text).facts]


@pytest.mark.parametrize(
    "text",
    [
        "Changsha, the capital of central China's Hunan province, drew 40 billion yuan.",
        "Changsha, Hunan's biggest city by output, drew 40 billion yuan.",
        "Changsha, a city of Hunan province since 1949, drew 40 billion yuan.",
        # Governed by "in", the name is still the subject its apposition describes.
        "Investment in Changsha, capital of Hunan province, reached 40 billion yuan.",
    ],
)
def test_names_in_an_apposition_only_place_the_subject(read: Read, text: str) -> None:
    assert subjects(read, text) == [("40 billion yuan", "changsha")]


def test_a_list_of_names_is_no_apposition(read: Read) -> None:
    text = "Changsha, Hunan and China, in that order, drew 40 billion yuan."
    assert subjects(read, text)[0][1] != "hunan"


def test_the_place_named_by_of_is_the_subject(read: Read) -> None:
    text = "The city of Changsha, long a trading hub, handled 40 percent of Hunan's trade."
    assert subjects(read, text) == [("40 percent", "changsha")]


@pytest.mark.parametrize(
    "text",
    [
        "Zoomlion pays most tax in Hunan province, whose GDP grew 5.1 percent.",
        # a clause on what the name owns
        "Changsha made a fifth of Hunan's total output, which grew 5.1 percent.",
    ],
)
def test_a_relative_clause_is_about_the_name_before_it(read: Read, text: str) -> None:
    assert subjects(read, text)[-1] == ("5.1 percent", "hunan")


def test_a_name_a_figure_is_according_to_is_no_subject_of_the_figures_after_it(
    read: Read,
) -> None:
    text = (
        "Office vacancy in Changsha rose to 9.8% in December, according to broker Zoomlion, "
        "and more than 450,000 square metres of space is under construction."
    )
    assert subjects(read, text) == [
        ("9.8%", "changsha"),
        ("more than 450,000 square metres", "changsha"),
    ]


_STATISTICS_POLAND = KnownEntity("organization", "gus", ("Statistics Poland", "GUS"))
_POMORSKIE = KnownEntity("region", "pomorskie", ("Pomorskie",))


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "According to Statistics Poland (GUS), industrial output in Pomorskie rose 4.1 "
            "percent.",
            "pomorskie",
        ),
        # the body in brackets heads a clause of its own
        ("Pomorskie, according to Statistics Poland (GUS), which has 3,100 staff.", "gus"),
        # a short name in brackets is governed as its long name is
        (
            "Pomorskie farmers delivered more tea to factories run by Statistics Poland (GUS) "
            "in 2025, up 4.2 percent.",
            "pomorskie",
        ),
    ],
)
def test_a_short_name_in_brackets_is_read_as_the_name_before_it(text: str, subject: str) -> None:
    [(_, found)] = _subjects_in(_with(_STATISTICS_POLAND, _POMORSKIE), text)
    assert found == subject


def test_a_name_that_only_qualifies_a_deal_or_a_market_is_no_topic(read: Read) -> None:
    text = (
        "Changsha crane exports cross 4 billion yuan\n\n"
        "Exporters target 10 billion yuan by 2030 as China deal opens doors\n\n"
        "Exports rose 11.2% in April."
    )
    assert subjects(read, text)[-1] == ("11.2%", "changsha")


def test_a_company_a_sentence_opens_with_for_is_what_the_company_stands_for_next() -> None:
    gazetteer = _with(
        KnownEntity("organization", "mwembeshi", ("Mwembeshi Solar", "Mwembeshi")),
        KnownEntity("organization", "sungrid", ("SunGrid Zambia",)),
    )
    text = (
        "Mwembeshi Solar swung to a profit. SunGrid Zambia sold 9,400 modules in the third "
        "quarter. For Mwembeshi, the next step is storage. The company plans to add 80 MW."
    )
    assert _subjects_in(gazetteer, text)[-1] == ("80 MW", "mwembeshi")


def test_a_known_region_before_a_kind_in_lower_case_is_no_new_name(read: Read) -> None:
    text = (
        "Output in Changsha, the central Hunan prefecture best known for cranes, rose 7.4% in "
        "2024. Investment in the prefecture increased 4.1%."
    )
    result = read(text)
    assert [e.name for e in result.entities if e.id is None] == []
    assert subjects(read, text) == [("7.4%", "changsha"), ("4.1%", "changsha")]


@pytest.mark.parametrize(
    "text",
    [
        "Output in Changsha, the Hunan capital, rose 7.4%, outpacing the provincial average of "
        "5.9%.",
        "Output in Changsha rose 7.4%, well above the Hunan provincial average of 5.9%.",
    ],
)
def test_a_provincial_average_is_the_provinces(read: Read, text: str) -> None:
    assert subjects(read, text) == [("7.4%", "changsha"), ("5.9%", "hunan")]


def test_a_name_whose_data_show_a_figure_is_its_source(read: Read) -> None:
    text = (
        "Hunan's mines produced 2.1 million ounces. Gold receipts climbed 71% and accounted "
        "for 59% of exports, Zoomlion data show."
    )
    assert subjects(read, text) == [
        ("2.1 million ounces", "hunan"),
        ("71%", "hunan"),
        ("59%", "hunan"),
    ]


def test_a_datelines_country_is_no_subject_but_the_country_of_national_figures() -> None:
    gazetteer = Gazetteer(
        entities=(
            KnownEntity("region", "east-java", ("East Java",)),
            KnownEntity("region", "indonesia", ("Indonesia",)),
        )
    )
    text = (
        "SURABAYA, Indonesia, Aug 5 (Nusantara Business Wire) - East Java's economy grew 5.21% "
        "in the second quarter, above the national rate of 5.1%, Statistics Indonesia said.\n\n"
        "Manufacturing expanded 5.8%. Nationally, retail sales grew 1.9%."
    )
    facts = extract(text, None, gazetteer).facts
    assert [(f.as_reported, f.subject.id) for f in facts] == [
        ("5.21%", "east-java"),
        ("5.1%", "indonesia"),
        ("5.8%", "east-java"),
        ("1.9%", "indonesia"),
    ]


def test_a_trading_partner_is_no_subject(read: Read) -> None:
    text = "Hunan's exports rose 8%. Trade with China, the province's main partner, jumped 11.2%."
    assert subjects(read, text) == [("8%", "hunan"), ("11.2%", "hunan")]


def test_the_council_that_governs_a_place_acts_for_it(read: Read) -> None:
    text = "The Changsha City Council on Tuesday approved a 69 billion yuan budget for 2026."
    result = read(text)
    assert [e.name for e in result.entities if e.id is None] == []
    assert subjects(read, text) == [("69 billion yuan", "changsha")]


def test_a_public_body_that_gives_a_figure_is_its_source(read: Read) -> None:
    text = (
        "Changsha's economy grew briskly. Tourism revenue rose 12 percent, the "
        "Changsha Municipal Statistics Bureau said."
    )
    assert subjects(read, text) == [("12 percent", "changsha")]


def test_things_counted_in_a_place_are_the_place_s(read: Read) -> None:
    text = "Zoomlion opened a plant. More than 900 private firms in Hunan exported goods."
    assert subjects(read, text) == [("More than 900 private firms", "hunan")]


def test_a_national_rate_is_the_country_s(read: Read) -> None:
    text = (
        "China's provinces reported output. Hunan's jobless rate was 4.2 percent, "
        "below the national average of 5.0 percent."
    )
    assert subjects(read, text) == [("4.2 percent", "hunan"), ("5.0 percent", "china")]


def test_counted_projects_do_not_make_a_clause_a_forecast(read: Read) -> None:
    text = "Hunan's output rose 3 percent in 2024. Changsha drew 80 projects worth 9 billion yuan."
    labels = [fact.period_label for fact in read(text).facts]
    assert labels == ["2024", "2024", "2024"]


def test_a_place_s_indicator_is_not_a_company_s_from_before(read: Read) -> None:
    text = (
        "Changsha's economy grew steadily. Zoomlion sold 9,000 cranes. "
        "The unemployment rate fell 0.3 percentage points."
    )
    assert subjects(read, text)[-1] == ("0.3 percentage points", "changsha")


@pytest.mark.parametrize(
    "sentence",
    [
        "The trade fair drew 12,000 buyers.",
        "During the two-day forum, 45 agreements were signed.",
        "The annual auto show attracted 300,000 visitors.",
    ],
)
def test_an_event_s_figures_are_no_fact(read: Read, sentence: str) -> None:
    text = f"Changsha's exports grew 6 percent. {sentence}"
    assert subjects(read, text) == [("6 percent", "changsha")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Customs data show exports rose 5 percent.",
        "At a press conference, officials said sales rose 5 percent.",
        "Fair value gains rose 5 percent.",
    ],
)
def test_words_like_event_nouns_take_no_figure_away(read: Read, sentence: str) -> None:
    text = f"Changsha's exports grew 6 percent. {sentence}"
    assert subjects(read, text)[-1] == ("5 percent", "changsha")


def test_a_share_of_a_place_s_whole_is_the_place_s(read: Read) -> None:
    text = "Zoomlion sold cranes. Farming accounts for about 9% of Hunan's output."
    assert subjects(read, text) == [("about 9%", "hunan")]


def test_a_place_followed_by_another_owns_the_figure_after_it(read: Read) -> None:
    text = "Hunan came first with Rs 52,000 crore, followed by Changsha at Rs 37,000 crore."
    assert subjects(read, text)[-1] == ("Rs 37,000 crore", "changsha")


def test_a_known_name_in_camel_case_is_found() -> None:
    gazetteer = Gazetteer((KnownEntity("organization", "iflytek", ("iFlytek",), "company"),))
    text = "Hefei grew. iFlytek reported revenue of 23 billion yuan."
    facts = extract(text, None, gazetteer).facts
    assert [fact.subject.id for fact in facts] == ["iflytek"]


def test_the_value_of_each_item_is_no_fact_but_an_average_each_is(read: Read) -> None:
    text = (
        "Changsha drew 46 projects worth over 1 billion yuan each. "
        "Its visitors spent an average of 6,170 yuan each."
    )
    assert subjects(read, text) == [("46 projects", "changsha"), ("6,170 yuan", "changsha")]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "China's statistics bureau said jobs in Changsha rose 3.8%, against 0.4% nationally.",
            "china",
        ),
        ("In Hunan, Changsha's jobless rate was 3.4% in May, against 4.1% statewide.", "hunan"),
        (
            "China's data show Changsha's jobless rate was 1.5%, against 3.2% at national level.",
            "china",
        ),
        # a region's standing in the country stays the region's
        ("China's data show Changsha ranks first nationwide in crane output.", "changsha"),
    ],
)
def test_a_word_after_a_figure_makes_it_the_whole_country_s(
    read: Read, text: str, subject: str
) -> None:
    assert subjects(read, text)[-1][1] == subject


def test_a_national_rate_stated_by_a_verb_is_the_countrys(read: Read) -> None:
    text = (
        "Hunan's jobless rate fell to 4.2% in March. The national jobless rate was 5.0% in "
        "March, according to China's statistics bureau."
    )
    assert subjects(read, text) == [("4.2%", "hunan"), ("5.0%", "china")]


def test_a_place_later_in_the_clause_beats_the_place_spoken_of_before(read: Read) -> None:
    text = (
        "Changsha's tourism boomed in 2023. Visitors spent 2.3 million nights in hotels "
        "across Hunan province in 2023."
    )
    assert subjects(read, text)[-1] == ("2.3 million nights", "hunan")


def test_a_company_that_makes_the_thing_counted_beats_the_region_before(read: Read) -> None:
    text = "Changsha drew 40 projects in 2023. The largest is a 2 billion yuan plant by Zoomlion."
    assert subjects(read, text)[-1] == ("2 billion yuan", "zoomlion")


def test_a_name_owns_the_figure_right_after_its_possessive(read: Read) -> None:
    text = "Officials in Hunan point to projects such as Zoomlion's 5 billion yuan crane park."
    assert subjects(read, text) == [("5 billion yuan", "zoomlion")]


def test_the_source_of_the_lead_does_not_become_what_the_article_is_about(read: Read) -> None:
    text = (
        "Retail sales in Changsha rose 6 percent, the Changsha Bureau of Statistics said. "
        "Catering revenue increased 8 percent."
    )
    assert subjects(read, text) == [("6 percent", "changsha"), ("8 percent", "changsha")]


def test_a_source_named_after_three_words_of_its_kind_is_a_source_still() -> None:
    gazetteer = _with(
        KnownEntity("region", "piedmont", ("Piedmont",)),
        KnownEntity("organization", "istat", ("Istat",)),
    )
    text = (
        "Piedmont's hazelnut exports reached €412 million, according to data from the national "
        "statistics institute Istat, with Germany taking 31%. In the first half they rose 7.5%."
    )
    assert {subject for _, subject in _subjects_in(gazetteer, text)} == {"piedmont"}


def test_a_directorate_that_gives_figures_is_their_source() -> None:
    gazetteer = _with(
        KnownEntity("region", "antalya", ("Antalya",)),
        KnownEntity("organization", "directorate", ("Antalya Culture and Tourism Directorate",)),
    )
    text = (
        "Antalya drew 9.8 million visitors, the Antalya Culture and Tourism Directorate said. "
        "Russians were again the largest group, with 3.9 million arrivals."
    )
    assert [subject for _, subject in _subjects_in(gazetteer, text)] == ["antalya", "antalya"]


def _with(*entities: KnownEntity) -> Gazetteer:
    return Gazetteer(entities)


def _subjects_in(gazetteer: Gazetteer, text: str) -> list[tuple[str, str | None]]:
    facts = extract(text, None, gazetteer).facts
    return [(f.as_reported, f.subject.id or f.subject.name) for f in facts]


_KESTREL = KnownEntity("organization", "kestrel", ("Kestrel Mining",), "company")


@pytest.mark.parametrize(
    "text",
    [
        "Kestrel Mining lifted sales. The company told the Sydney Stock Exchange on Monday "
        "that the company would raise output to 40,000 tonnes.",
        "Kestrel Mining lifted sales. The Sydney Stock Exchange-listed miner expects "
        "output of 40,000 tonnes.",
    ],
)
def test_a_stock_exchange_is_where_a_company_is_listed_not_the_company(text: str) -> None:
    assert _subjects_in(_with(_KESTREL), text) == [("40,000 tonnes", "kestrel")]


_TASMANIA = KnownEntity("region", "tasmania", ("Tasmania",), "state")
_HOBART_AIRPORT = KnownEntity("organization", "hobart-airport", ("Hobart International Airport",))
_TAA = KnownEntity("organization", "taa", ("Tasmanian Aviation Authority", "TAA"))
_AGRIMETRICS = KnownEntity("organization", "agrimetrics", ("Agrimetrics",))
_SOURCES = _with(_TASMANIA, _HOBART_AIRPORT, _TAA, _AGRIMETRICS, _KESTREL)


def test_an_authority_that_gives_a_figure_is_its_source_acronym_or_not() -> None:
    text = (
        "Hobart International Airport served 3.1 million travellers, the Tasmanian Aviation "
        "Authority (TAA) said. Freight climbed to 21,000 tonnes, the authority said."
    )
    assert [subject for _, subject in _subjects_in(_SOURCES, text)] == ["hobart-airport"] * 2


def test_the_words_before_a_name_may_say_it_is_a_source() -> None:
    text = (
        "Tasmania's wool clip grew. Output reached 12,000 tonnes, the state's farm research "
        "institute Agrimetrics said. Prices rose 3 percent."
    )
    assert [subject for _, subject in _subjects_in(_SOURCES, text)] == ["tasmania"] * 2


def test_a_source_named_before_a_figure_is_not_its_subject() -> None:
    text = (
        "Tasmania's exports reached A$4.1 billion, the Trade Ministry said, short of a "
        "A$4.5 billion goal."
    )
    assert [subject for _, subject in _subjects_in(_SOURCES, text)] == ["tasmania"] * 2


def test_a_name_before_a_person_s_title_only_says_whose_officer_speaks() -> None:
    text = (
        "Tasmania's exports rose 4 percent. Kestrel Mining chairman Tom Hale spoke in Hobart. "
        "Wool sales climbed 9 percent."
    )
    assert _subjects_in(_SOURCES, text)[-1] == ("9 percent", "tasmania")


_HOBART = KnownEntity("region", "hobart", ("Hobart",), "city")
_LAUNCESTON = KnownEntity("region", "launceston", ("Launceston",), "city")
_PARTS = _with(_TASMANIA, _HOBART, _LAUNCESTON, _KESTREL)


@pytest.mark.parametrize(
    "paragraph", ["Household spending rose 5 percent.", "The area under crops covers 5 percent."]
)
def test_a_new_paragraph_returns_from_the_parts_to_the_region_the_article_leads_with(
    paragraph: str,
) -> None:
    text = (
        "Tasmania's economy grew 3 percent in 2024.\n\n"
        f"Hobart alone grew 4 percent, while Launceston grew 2 percent.\n\n{paragraph}"
    )
    assert _subjects_in(_PARTS, text)[-1] == ("5 percent", "tasmania")


def test_a_new_paragraph_goes_on_about_the_company_spoken_of() -> None:
    text = (
        "Tasmania's economy grew 3 percent in 2024.\n\n"
        "Kestrel Mining sold 40,000 tonnes of zinc.\n\n"
        "Its revenue rose 5 percent."
    )
    assert _subjects_in(_PARTS, text)[-1] == ("5 percent", "kestrel")


def test_a_body_s_long_name_with_commas_still_makes_it_a_source() -> None:
    text = (
        "Tasmania's output of zinc rose 7 percent, the Hobart Bureau of Mines, Energy and "
        "Water said, about a third of the national total."
    )
    assert [subject for _, subject in _subjects_in(_SOURCES, text)] == ["tasmania"] * 2


def test_a_company_s_named_unit_is_the_subject_not_its_owner() -> None:
    mine = KnownEntity("organization", "bluff-mine", ("Bluff mine", "Bluff"))
    text = "Kestrel Mining's Bluff mine in Tasmania produced 40,000 tonnes, down 3 percent."
    gazetteer = _with(_KESTREL, mine, _TASMANIA)
    assert [subject for _, subject in _subjects_in(gazetteer, text)] == ["bluff-mine"] * 2


def test_an_anaphor_inside_an_apposition_only_describes_the_name() -> None:
    text = (
        "Tasmania's exports rose 4 percent. Kestrel Mining, the state zinc producer, "
        "reported revenue of A$2 billion."
    )
    assert _subjects_in(_SOURCES, text)[-1] == ("A$2 billion", "kestrel")


def test_an_apposition_after_a_name_s_possessive_phrase_only_places_it() -> None:
    australia = KnownEntity("region", "australia", ("Australia",), "country")
    text = "Tasmania's economy, Australia's smallest, grew 2 percent."
    assert _subjects_in(_with(_TASMANIA, australia), text) == [("2 percent", "tasmania")]


def test_a_country_s_central_bank_reports_the_country_s_figures() -> None:
    kenya = KnownEntity("region", "kenya", ("Kenya",), "country")
    text = "Kenya's Central Bank said inflation eased to 4% and credit grew 6%."
    assert [subject for _, subject in _subjects_in(_with(kenya), text)] == ["kenya"] * 2


def test_a_central_banks_policy_rate_is_a_setting_not_a_figure() -> None:
    kenya = KnownEntity("region", "kenya", ("Kenya",), "country")
    text = "Kenya's Central Bank cut its policy rate to 9.5 percent as inflation eased to 4%."
    assert _subjects_in(_with(kenya), text) == [("4%", "kenya")]


def test_the_airport_stands_for_the_airport_named_before() -> None:
    text = (
        "Hobart International Airport opened a new gate. Kestrel Mining flew in its staff. "
        "The airport earned revenue of A$90 million last year."
    )
    assert _subjects_in(_SOURCES, text) == [("A$90 million", "hobart-airport")]


def test_a_body_that_publishes_data_stays_a_source_once_named_as_one() -> None:
    text = (
        "Tasmania's wool clip grew, the state's farm research institute Agrimetrics said. "
        "Agrimetrics estimates the state's wool exports at A$800 million."
    )
    assert _subjects_in(_SOURCES, text) == [("A$800 million", "tasmania")]


def test_a_place_after_a_body_s_kind_and_a_preposition_is_no_source() -> None:
    text = (
        "Kestrel Mining sold zinc. The growers association in Tasmania estimates that "
        "farms lacked 2,000 shearers."
    )
    assert _subjects_in(_SOURCES, text)[-1] == ("2,000 shearers", "tasmania")


_AUSTRALIA = KnownEntity("region", "australia", ("Australia",), "country")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tasmania has been Australia's fastest-growing state, expanding 4.2 percent.", "tasmania"),
        ("Tasmania grew 3 percent, while Australia's economy grew 4.2 percent.", "australia"),
    ],
)
def test_a_country_s_possessive_after_the_subject_only_ranks_it(text: str, expected: str) -> None:
    assert _subjects_in(_with(_TASMANIA, _AUSTRALIA), text)[-1] == ("4.2 percent", expected)


def test_a_possessive_anaphor_opening_a_new_clause_is_its_subject() -> None:
    text = (
        "Tasmania's economy grew. Kestrel Mining sold 40,000 tonnes of zinc, while the "
        "state's farm output rose 3 percent."
    )
    assert _subjects_in(_SOURCES, text)[-1] == ("3 percent", "tasmania")


def test_a_place_named_by_of_is_governed_as_its_kind_is() -> None:
    text = "Kestrel Mining in the island state of Tasmania hired 300 workers."
    assert _subjects_in(_SOURCES, text) == [("300 workers", "kestrel")]


def test_a_place_in_the_figure_s_own_clause_beats_another_clause_s_subject() -> None:
    text = "Tasmania's exports rose 4 percent, while employment in Hobart fell by 1,200."
    assert _subjects_in(_PARTS, text)[-1] == ("1,200", "hobart")


_BARE_TASMANIA = KnownEntity("region", "tasmania", ("Tasmania",))


def test_the_region_a_story_leads_with_beats_a_place_its_headline_names_first() -> None:
    text = (
        "Hobart port traffic climbs as Tasmania grows\n\n"
        "Tasmania's exports rose 4 percent in 2024.\n\n"
        "Hobart alone grew 5 percent.\n\n"
        "The state also added 2,000 jobs."
    )
    gazetteer = _with(_BARE_TASMANIA, _HOBART)
    assert _subjects_in(gazetteer, text)[-1] == ("2,000 jobs", "tasmania")


def test_a_country_only_says_whose_ministry_gives_the_figures() -> None:
    text = (
        "Tasmania zinc exports rise\n\n"
        "Australia's trade ministry said on Monday that zinc exports rose.\n\n"
        "Tasmania grew 3 percent.\n\nThe state added 2,000 jobs."
    )
    gazetteer = _with(_BARE_TASMANIA, _AUSTRALIA)
    assert _subjects_in(gazetteer, text)[-1] == ("2,000 jobs", "tasmania")


def test_a_paragraph_that_opens_with_its_goes_on_about_the_place_before() -> None:
    text = (
        "Tasmania's economy grew 3 percent in 2024.\n\n"
        "Hobart's economy grew 4 percent.\n\n"
        "Its port handled 2,000 ships."
    )
    assert _subjects_in(_PARTS, text)[-1] == ("2,000 ships", "hobart")


_ASTANA = KnownEntity("region", "astana", ("Astana", "Nur Astana"))
_WIRE = KnownEntity("organization", "wire", ("Steppe Business Wire",))
_EXCHANGE = KnownEntity("organization", "kse", ("Kazakh Stock Exchange", "KSE"))
_KAZAKHSTAN = KnownEntity("region", "kazakhstan", ("Kazakhstan",))
_STEPPE = _with(_TASMANIA, _KESTREL, _ASTANA, _WIRE, _EXCHANGE, _KAZAKHSTAN)


@pytest.mark.parametrize(
    "opening",
    [
        # a dateline whose place is followed by an abbreviated month, or a date and a colon
        "ASTANA. Oct 20 (Steppe Business Wire) - ",
        "ASTANA, October 20: ",
        # a place written as a name, then a date (its province in brackets)
        "Astana, 20 October 2025 - ",
        "Astana (Akmola), 20 October 2025 - ",
        "Astana, 20 Oct (Steppe Business Wire) - ",
        # a place of two words, each with a capital
        "Nur Astana, October 20, 2025 (Steppe Business Wire) - ",
    ],
)
def test_a_datelines_place_and_wire_are_no_subject(opening: str) -> None:
    text = f"{opening}Farmers in Tasmania had threshed 6.8 million tonnes of grain, 8% less."
    assert [s for _, s in _subjects_in(_STEPPE, text)] == ["tasmania", "tasmania"]


def test_a_line_of_page_furniture_names_no_subject() -> None:
    text = (
        "Astana \u00b7 Friday, November 21, 2025 \u00b7 Page 9\n\n"
        "By Aigul Sarsen | Steppe Business Wire\n\n"
        "Farm output rose 4.1 per cent in Tasmania. Employment rose by 2,600."
    )
    assert [s for _, s in _subjects_in(_STEPPE, text)] == ["tasmania", "tasmania"]


@pytest.mark.parametrize(
    "furniture",
    [
        "Aigul Sarsen | Astana | November 21, 2025",
        "By Aigul Sarsen, Astana correspondent",
        "Astana, 21 November 2025",
    ],
)
def test_a_byline_or_a_place_and_date_line_names_no_subject(furniture: str) -> None:
    text = f"Harvest up\n\n{furniture}\n\nFarmers in Tasmania threshed more. Yields rose 4%."
    assert [s for _, s in _subjects_in(_STEPPE, text)] == ["tasmania"]


def test_an_exchange_beside_a_ticker_is_no_entity_the_article_names() -> None:
    text = (
        "Kestrel Mining Ltd (KSE: KMG) today published its results.\n\n"
        "- Revenue: A$1.14 bn, up 16.4% y/y"
    )
    result = extract(text, None, _STEPPE)
    assert [e.id for e in result.entities if e.id is not None] == ["kestrel"]
    assert [f.subject.id for f in result.facts] == ["kestrel", "kestrel"]


def test_a_sentence_opening_nationally_is_the_countrys() -> None:
    text = (
        "Astana's builders completed 3,480 homes in Kazakhstan's capital. Nationally, 41,200 "
        "homes were completed over the period, up 9.8%."
    )
    assert _subjects_in(_STEPPE, text) == [
        ("3,480 homes", "astana"),
        ("41,200 homes", "kazakhstan"),
        ("9.8%", "kazakhstan"),
    ]


def test_a_body_whose_data_a_figure_is_from_is_its_source() -> None:
    text = (
        "Permits in Tasmania rose 12% in the first half, data from the Steppe Business Wire "
        "show, while permits fell 3.1% over the same period."
    )
    assert [s for _, s in _subjects_in(_STEPPE, text)] == ["tasmania", "tasmania"]


def test_a_company_named_further_back_gives_way_to_the_region_the_story_leads_with() -> None:
    text = (
        "Tasmania's economy grew 3 percent in 2024. Kestrel Mining sold 40,000 tonnes of zinc.\n\n"
        '"We had a good year," a farmer said. Exports earned $312 million.'
    )
    assert _subjects_in(_PARTS, text)[-1] == ("$312 million", "tasmania")


def test_a_company_named_in_the_sentence_before_still_owns_the_next_sentence_s_figure() -> None:
    text = (
        "Tasmania's economy grew 3 percent in 2024. Kestrel Mining sold 40,000 tonnes of zinc. "
        "Revenue climbed to $312 million."
    )
    assert _subjects_in(_PARTS, text)[-1] == ("$312 million", "kestrel")


@pytest.mark.parametrize(
    "sentence",
    [
        "The United States took 23% of the total, followed by Changsha with 12%.",
        "The United States remained the largest market, taking 23% of the total.",
        "Sales abroad rose, with China and the United States taking 23% of the total.",
        "China took $498 million of the goods, ahead of the United States with $341 million.",
    ],
)
def test_a_market_s_share_of_what_a_place_sells_is_the_seller_s(sentence: str) -> None:
    markets = _with(
        _TASMANIA,
        KnownEntity("region", "united-states", ("United States",)),
        KnownEntity("region", "changsha", ("Changsha",)),
        KnownEntity("region", "china", ("China",)),
    )
    text = f"Tasmania's exports rose 5 percent in 2024. {sentence}"
    assert {s for _, s in _subjects_in(markets, text)} == {"tasmania"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The Steppe Business Wire forecasts Kazakhstan's zinc output at 516,000 tonnes.",
        "Kazakhstan mines zinc. The Steppe Business Wire projects the country's zinc output to "
        "reach 516,000 tonnes.",
    ],
)
def test_whose_output_a_body_forecasts_owns_the_figure(sentence: str) -> None:
    gazetteer = _with(_KAZAKHSTAN, _ASTANA, _WIRE)
    assert _subjects_in(gazetteer, sentence)[-1] == ("516,000 tonnes", "kazakhstan")


def test_a_place_a_speaker_names_in_a_quotation_is_not_what_the_story_goes_on_about() -> None:
    text = (
        "Kestrel Mining sold 40,000 tonnes of zinc.\n\n"
        '"Tasmania\'s new roads kept our trucks moving," said the chief executive.\n\n'
        "Revenue climbed to $312 million."
    )
    assert _subjects_in(_PARTS, text)[-1] == ("$312 million", "kestrel")


def test_the_story_s_first_sentence_says_what_it_is_about_though_it_names_no_subject() -> None:
    """ "Zinc production in Tasmania rose": the story is Tasmania's, so a company named since
    gives way to it in a paragraph that names no subject."""
    text = (
        "Tasmania zinc output edges up\n\n"
        "Zinc production in Tasmania rose 2.3% in 2024. Kestrel Mining expects deliveries to "
        "reach 4.35 million tonnes. Demand has recovered.\n\n"
        "Farm output fell 4% in 2024."
    )
    assert _subjects_in(_PARTS, text)[-1] == ("4%", "tasmania")


def test_a_known_government_of_a_place_gives_the_place_s_figures() -> None:
    government = KnownEntity(
        "organization", "tasmanian-government", ("Tasmania's state government",)
    )
    text = (
        "Tasmania's economy grew 3 percent in 2024. Tasmania's state government on Tuesday "
        "approved a budget of $8.1 billion."
    )
    assert _subjects_in(_with(_TASMANIA, government), text)[-1] == ("$8.1 billion", "tasmania")


def test_the_city_is_a_city_named_before_not_a_body_with_city_in_its_name() -> None:
    office = KnownEntity("organization", "hobart-office", ("Hobart City Statistics Office",))
    hobart = KnownEntity("region", "hobart", ("Hobart", "Hobart City"))
    text = (
        "Hobart's economy grew 7 percent in 2025. The Hobart City Statistics Office published "
        "the figures on Monday.\n\nThe city attracted $6.7 billion of investment."
    )
    assert _subjects_in(_with(hobart, office), text)[-1] == ("$6.7 billion", "hobart")


@pytest.mark.parametrize(
    "source", ["the Bank of Tasmania", "the Reserve Bank of Tasmania", "the Tasmanian Wool Board"]
)
def test_a_central_bank_or_a_marketing_board_that_gives_a_figure_is_its_source(
    source: str,
) -> None:
    text = f"Tasmania's wool clip grew. Export earnings rose 27% to A$2.3 billion, {source} said."
    assert [subject for _, subject in _subjects_in(_SOURCES, text)] == ["tasmania"] * 2


def test_a_company_bank_that_reports_its_figure_is_its_subject() -> None:
    text = "Tasmania's lenders grew. Profit rose 12% to A$310 million, Kestrel Bank said."
    assert [subject for _, subject in _subjects_in(_SOURCES, text)] == ["Kestrel Bank"] * 2


def test_a_name_in_a_conceded_clause_neither_owns_the_figure_nor_becomes_the_topic(
    read: Read,
) -> None:
    text = (
        "Changsha's airport handled 1.79 million passengers in August.\n\n"
        "The summer peak lifted traffic to 10.6 million passengers, even as Zoomlion, which "
        "runs close to its limits, grew more slowly.\n\n"
        "Cargo fell 1.7% to 4,120 tonnes."
    )
    assert [subject for _, subject in subjects(read, text)] == ["changsha"] * 4
