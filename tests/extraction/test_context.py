"""What a sentence takes from the article around it: the period spoken of, and the subject."""

from __future__ import annotations

import datetime as dt

import pytest

from service.extraction import extract
from service.extraction.gazetteer import Gazetteer, KnownEntity
from tests.extraction.conftest import Read, only_fact

PUBLISHED = dt.date(2024, 11, 12)


def periods(read: Read, text: str) -> list[tuple[str, str | None]]:
    return [(f.as_reported, f.period_label) for f in read(text, PUBLISHED).facts]


def subjects(read: Read, text: str) -> list[tuple[str, str | None]]:
    return [(f.as_reported, f.subject.id or f.subject.name) for f in read(text, PUBLISHED).facts]


def test_a_past_figure_without_a_period_is_of_the_period_before(read: Read) -> None:
    text = (
        "Hunan's exports rose 8 percent in the first three quarters of 2024. "
        "Imports climbed 3 percent, while Changsha's trade grew 5 percent."
    )
    assert [label for _, label in periods(read, text)] == ["2024 Q1-Q3"] * 3


def test_in_the_period_refers_to_the_period_before(read: Read) -> None:
    text = (
        "Hunan's exports totalled 500 billion yuan in January-October. "
        "More than 5,000 firms in Changsha reported trade in the period."
    )
    assert periods(read, text) == [
        ("500 billion yuan", "2024 Jan-Oct"),
        ("More than 5,000 firms", "2024 Jan-Oct"),
    ]


def test_a_stock_or_a_plan_takes_no_period_from_the_sentence_before(read: Read) -> None:
    text = (
        "Zoomlion's revenue reached 40 billion yuan in 2023. The company employs 20,000 people. "
        "It has established 34 overseas offices. It plans to hire 3,000 engineers."
    )
    assert [label for _, label in periods(read, text)] == ["2023", None, None, None]


def test_a_stock_s_participle_adjectives_are_no_verbs_of_the_past(read: Read) -> None:
    text = (
        "Changsha's exports reached 40 billion yuan in 2023. Hunan now has 14 power producers "
        "with a combined installed capacity of about 96 MW and 32 parks of registered capital "
        "of $1.9 billion."
    )
    assert [label for _, label in periods(read, text)] == ["2023", None, None, None, None]


def test_a_mid_sentence_period_does_not_date_the_next_clause(read: Read) -> None:
    text = (
        "Zoomlion's plant, due to open in 2024, will employ 2,000 people, while Hunan plans "
        "to spend 30 billion yuan on roads."
    )
    assert [label for _, label in periods(read, text)] == [None, None]


def test_an_opening_period_dates_the_whole_sentence(read: Read) -> None:
    text = "In 2023, Hunan's exports rose 8 percent, while Changsha's imports fell 2 percent."
    assert [label for _, label in periods(read, text)] == ["2023", "2023"]


def test_a_target_is_not_the_period_of_the_sentences_after(read: Read) -> None:
    text = "Hunan aims to reach 6 trillion yuan by 2025. Its exports rose 8 percent."
    assert [label for _, label in periods(read, text)] == ["2025", None]


def test_a_dateline_with_a_hyphen_names_no_subject(read: Read) -> None:
    text = "CHANGSHA, Nov 12 (Reuters) - Exports rose 8 percent to 500 billion yuan, data showed."
    assert [e.id for e in read(text, PUBLISHED).entities] == []


def test_the_owner_of_a_metric_follows_of(read: Read) -> None:
    text = "The GDP of Changsha, capital of China's Hunan province, reached 1.5 trillion yuan."
    assert subjects(read, text) == [("1.5 trillion yuan", "changsha")]


def test_followed_by_names_the_subject_of_the_figure_after(read: Read) -> None:
    text = "Changsha grew 7 percent, followed by Hunan at 5 percent."
    assert subjects(read, text) == [("7 percent", "changsha"), ("5 percent", "hunan")]


def test_a_describing_clause_names_no_subject(read: Read) -> None:
    text = "Zoomlion, headquartered in the city's Yuelu district, sold 34,000 cranes in 2023."
    assert subjects(read, text) == [("34,000 cranes", "zoomlion")]


def test_a_possessive_anaphor_after_a_name_only_places_it(read: Read) -> None:
    text = "Hunan is big. Zoomlion runs the province's largest plant, with around 3,000 workers."
    assert subjects(read, text) == [("around 3,000 workers", "zoomlion")]


def test_the_group_is_the_last_name_with_group_in_it(read: Read) -> None:
    text = (
        "Hunan Sany Group sold 400 cranes in 2023. Zoomlion sold 300 cranes. "
        "The group opened 12 new plants in 2023."
    )
    assert subjects(read, text)[-1] == ("12 new plants", "Hunan Sany Group")


def test_a_direction_before_a_known_name_is_no_new_name(read: Read) -> None:
    text = "Central Hunan province drew $1.2 billion of investment in 2023."
    assert subjects(read, text) == [("$1.2 billion", "hunan")]


def test_at_the_end_of_a_year_is_the_year(read: Read) -> None:
    text = "Zoomlion employed 22,777 workers at the end of last year."
    assert periods(read, text) == [("22,777 workers", "2023")]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Hunan's installed capacity stood at 31.2 GW as of Sept. 30, it said.", "2024-09"),
        ("Hunan's registered FDI stood at about $11.9 billion as of Sept 30.", "2024-09"),
        ("Hunan's claims covered 1.86 million hectares as of Dec. 31, 2023.", "2023-12"),
    ],
)
def test_as_of_a_day_with_the_month_abbreviated_is_that_month(
    read: Read, text: str, label: str
) -> None:
    assert [found for _, found in periods(read, text)] == [label]


def test_a_date_to_open_is_an_event(read: Read) -> None:
    text = "Zoomlion's plant is due to start production in 2027 and will employ 2,000 people."
    assert periods(read, text) == [("2,000 people", None)]


def test_the_period_of_the_lead_stays_the_articles(read: Read) -> None:
    text = (
        "Hunan's exports rose 8 percent in the first half of the year. "
        "Its GDP grew 5 percent in the second quarter, up from 4 percent in January-March. "
        "Imports climbed 3 percent."
    )
    labels = [label for _, label in periods(read, text)]
    assert labels == ["2024 H1", "2024 Q2", "2024 Jan-Mar", "2024 H1"]


def test_between_two_months_is_a_range(read: Read) -> None:
    text = "Zoomlion sold 3,000 cranes between January and October."
    assert periods(read, text) == [("3,000 cranes", "2024 Jan-Oct")]


def test_a_headline_takes_the_period_its_story_reports(read: Read) -> None:
    text = "Changsha exports rise 6.1%\nChangsha's exports reached 90 billion yuan in 2024."
    labels = [fact.period_label for fact in read(text, dt.date(2025, 1, 20)).facts]
    assert labels == ["2024", "2024"]


def test_later_flows_are_of_the_year_a_stock_closed(read: Read) -> None:
    text = (
        "Hunan's installed capacity reached 40 GW at the end of 2024. "
        "Its generation rose 18 percent."
    )
    labels = [fact.period_label for fact in read(text, dt.date(2025, 3, 1)).facts]
    assert labels == ["2024", "2024"]


def test_names_between_a_figure_and_its_year_do_not_part_them(read: Read) -> None:
    text = "Zoomlion shipped 3,000 cranes from its Xiangjiang New Area plant to West Asia in 2024."
    assert only_fact(read(text, dt.date(2025, 3, 1))).period_label == "2024"


def test_a_forecast_in_the_lead_awaits_no_period(read: Read) -> None:
    text = "Changsha's exports are expected to rise 6 percent.\nIn 2024 they rose 4 percent."
    labels = [fact.period_label for fact in read(text, dt.date(2025, 1, 20)).facts]
    assert labels == [None, "2024"]


def test_a_body_sentence_before_any_period_awaits_none(read: Read) -> None:
    text = "A 110 kV line was built for Zoomlion. Zoomlion's sales rose 4 percent in 2024."
    labels = [fact.period_label for fact in read(text, dt.date(2025, 1, 20)).facts]
    assert labels == [None, "2024"]


def test_a_figure_describing_a_name_is_a_stock(read: Read) -> None:
    text = (
        "Hunan's output grew 5 percent in 2024. Changsha, a city of about 10,000,000 people, "
        "drew 300 projects."
    )
    labels = [fact.period_label for fact in read(text, dt.date(2025, 2, 1)).facts]
    assert labels == ["2024", None, "2024"]


def test_a_year_after_the_base_of_a_change_is_the_base_s(read: Read) -> None:
    text = "Hunan's exports reached 5 billion yuan in 2024, up 20 percent from 4.2 billion in 2023."
    labels = [fact.period_label for fact in read(text, dt.date(2025, 2, 1)).facts]
    assert labels == ["2024", "2024", "2023"]


def test_a_lead_without_a_figure_names_the_period_of_the_figures_after(read: Read) -> None:
    text = (
        "Unemployment in Hunan province rose slightly in October, the labour office said. "
        "Hunan's jobless rate stood at 4.9 percent."
    )
    assert periods(read, text) == [("4.9 percent", "2024-10")]


def test_a_lead_about_a_decision_names_no_period(read: Read) -> None:
    text = "In 2023, Hunan decided to build a research hub. Zoomlion built 12 labs there."
    assert periods(read, text) == [("12 labs", None)]


def test_a_comparison_base_dates_only_the_base(read: Read) -> None:
    text = (
        "Hunan adds jobs in October. Factories hired 3,100 workers, and Hunan's jobless "
        "rate fell to 4.1%, down from 4.3% in September."
    )
    assert periods(read, text)[1:] == [("4.1%", "2024-10"), ("4.3%", "2024-09")]


def test_over_the_year_after_a_month_is_the_twelve_months_to_it(read: Read) -> None:
    # Not the month's calendar year, which has not ended: a change over the year to October.
    text = (
        "Hunan's exports rose 3 percent in October. Over the year, Changsha's exports "
        "increased 9 percent."
    )
    assert periods(read, text) == [("3 percent", "2024-10"), ("9 percent", "2023-11/2024-10")]


def test_in_the_eight_months_is_the_span_of_eight_months_to_the_month_reported(
    read: Read,
) -> None:
    text = (
        "Hunan's new-home sales fell 11.6% in August. "
        "Developers in Hunan broke ground on 2.1 million square meters in the eight months."
    )
    assert periods(read, text)[-1] == ("2.1 million square meters", "2024 Jan-Aug")


def test_in_the_five_months_is_the_articles_span_of_five_months(read: Read) -> None:
    text = (
        "Hunan's exports reached $6.84 billion in January-May. "
        "In May alone, Hunan's shipments amounted to $1.47 billion. "
        "The United States took 38% of Hunan's exports in the five months."
    )
    assert periods(read, text)[-1] == ("38%", "2024 Jan-May")


def test_a_regions_sector_totals_after_a_company_are_the_regions(read: Read) -> None:
    text = (
        "Hunan's industrial output rose 8.4% in 2024.\n\n"
        "Zoomlion reported revenue of 45 billion yuan for the year.\n\n"
        "Power generation totaled 187.6 billion kWh, and coal output was 102 million tonnes."
    )
    assert subjects(read, text)[-2:] == [
        ("187.6 billion kWh", "hunan"),
        ("102 million tonnes", "hunan"),
    ]


@pytest.mark.parametrize("country", ["Bulgaria", "Ethiopia", "Uzbekistan", "the Philippines"])
def test_a_national_average_is_the_countrys_of_any_country_named(country: str) -> None:
    gazetteer = Gazetteer(
        (
            KnownEntity("region", "country", (country,)),
            KnownEntity("region", "province", ("Plovdiv",)),
        ),
        (),
    )
    text = (
        f"Plovdiv's unemployment fell to 3.1% in December, one of the lowest rates in {country} "
        "and well below the national average of 5.4%."
    )
    found = extract(text, dt.date(2026, 2, 1), gazetteer).facts
    assert [(f.as_reported, f.subject.id) for f in found] == [
        ("3.1%", "province"),
        ("5.4%", "country"),
    ]


_AQABA = Gazetteer(
    (
        KnownEntity("region", "aqaba", ("Aqaba",)),
        KnownEntity("region", "jordan", ("Jordan",)),
        KnownEntity("organization", "aseza", ("Aqaba Special Economic Zone Authority", "ASEZA")),
    ),
    (),
)


@pytest.mark.parametrize(
    "source",
    [
        "the Aqaba Special Economic Zone Authority (ASEZA) announced on Monday",
        "the Aqaba Special Economic Zone Authority (ASEZA) said",
        "ASEZA Commissioner for Tourism Mohammad Al Khaled told The Jordan Times",
    ],
)
def test_the_body_that_gives_the_figures_is_no_subject_of_the_next_ones(source: str) -> None:
    text = (
        f"Tourists staying in Aqaba rose 17.3 per cent in the first half to 486,200, {source}. "
        "Foreign visitors made up about 58 per cent of the total."
    )
    found = extract(text, dt.date(2025, 7, 20), _AQABA).facts
    assert {f.subject.id for f in found} == {"aqaba"}
