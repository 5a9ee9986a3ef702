"""Subjects that the shape of a phrase decides: what a preposition governs, "with X doing"."""

from __future__ import annotations

from service.extraction import extract
from service.extraction.entities import Mention, find_entities
from service.extraction.facts import candidates, update_topic
from service.extraction.gazetteer import Gazetteer, KnownEntity
from tests.extraction.conftest import Read


def subjects(read: Read, text: str) -> list[tuple[str, str | None]]:
    return [(f.as_reported, f.subject.id or f.subject.name) for f in read(text).facts]


def test_a_name_heading_a_phrase_after_a_preposition_is_governed(read: Read) -> None:
    text = (
        "Zoomlion said sales rose 9 percent. Crane output reached 4,200 units, helped by its "
        "biggest Changsha plant."
    )
    assert subjects(read, text) == [("9 percent", "zoomlion"), ("4,200 units", "zoomlion")]


def test_a_place_after_a_possessive_place_is_governed_too(read: Read) -> None:
    text = "Zoomlion built 14 plants in eastern Asia's Hunan province."
    assert subjects(read, text) == [("14 plants", "zoomlion")]


def test_with_a_name_doing_makes_the_name_a_subject(read: Read) -> None:
    text = "Trade picked up in central China, with Changsha exporting 9 billion yuan of goods."
    assert subjects(read, text) == [("9 billion yuan", "changsha")]


def test_an_opening_anaphor_stands_for_the_place_named_before_it(read: Read) -> None:
    text = (
        "Tourists flocked to the lakes of Changsha, with the city counting 2.1 million trips. "
        "Hotel revenue in the city rose 8 percent."
    )
    assert subjects(read, text) == [("2.1 million trips", "changsha"), ("8 percent", "changsha")]


def test_until_a_name_is_a_subject_the_first_name_is_the_topic(read: Read) -> None:
    text = "Investors poured into Changsha last year. Contracts worth 50 billion yuan were signed."
    assert subjects(read, text) == [("50 billion yuan", "changsha")]


def test_the_figure_s_own_clause_names_its_owner(read: Read) -> None:
    text = (
        "Hunan's exports grew faster than the 4.4 percent rise recorded for China, and above "
        "the 3.1 percent growth Changsha managed a year before."
    )
    assert subjects(read, text) == [("4.4 percent", "china"), ("3.1 percent", "changsha")]


def test_a_kind_of_company_stands_for_the_company_named_before(read: Read) -> None:
    text = (
        "Zoomlion reported results on Monday. Revenue at the Changsha-based exporter rose "
        "11 percent, and the exporter shipped 900 cranes."
    )
    assert subjects(read, text) == [("11 percent", "zoomlion"), ("900 cranes", "zoomlion")]


def test_an_anaphor_stands_for_the_last_name_ending_in_its_noun_of_any_kind() -> None:
    gazetteer = Gazetteer(
        entities=(
            KnownEntity("region", "hunan", ("Hunan",), "province"),
            KnownEntity("organization", "xiangtan-park", ("Xiangtan Industrial Park",), "company"),
        )
    )
    text = (
        "Export earnings of Xiangtan Industrial Park, Hunan's largest hub, rose 12 percent. "
        "The park hosts 48 factories."
    )
    facts = extract(text, None, gazetteer).facts
    assert [(f.as_reported, f.subject.id) for f in facts] == [
        ("12 percent", "xiangtan-park"), ("48 factories", "xiangtan-park"),
    ]  # fmt: skip


def test_exports_from_a_place_are_the_place_s(read: Read) -> None:
    text = "Machinery exports from Hunan, China's leading crane maker, rose 14 percent."
    assert subjects(read, text) == [("14 percent", "hunan")]


def test_a_capitalised_state_stands_for_the_state_named_before(read: Read) -> None:
    text = "Hunan approved 40 projects. The Province accounted for 9 percent of China's output."
    assert subjects(read, text)[-1] == ("9 percent", "hunan")


def test_the_country_s_region_stands_for_the_region(read: Read) -> None:
    text = (
        "Hunan's trade grew in 2024. China's exports rose 5 percent, and exports from the "
        "country's machinery region hit 80 billion yuan."
    )
    assert subjects(read, text)[-1] == ("80 billion yuan", "hunan")


def test_the_project_stands_for_the_organization_named_before(read: Read) -> None:
    text = (
        "Zoomlion won approval for its new crane works. The project will cost 3 billion yuan, "
        "of which China Development Bank will lend 1 billion yuan."
    )
    assert [s for _, s in subjects(read, text)] == ["zoomlion", "zoomlion"]


def test_an_amount_lent_to_a_place_is_the_borrower_s() -> None:
    gazetteer = Gazetteer(
        entities=(
            KnownEntity("region", "hunan", ("Hunan",), "province"),
            KnownEntity("organization", "cdb", ("China Development Bank",), "company"),
        )
    )
    text = "China Development Bank lent 2 billion yuan to Hunan for rural roads."
    facts = extract(text, None, gazetteer).facts
    assert [(f.as_reported, f.subject.id) for f in facts] == [("2 billion yuan", "hunan")]


def test_their_stands_for_the_place_of_the_things_counted(read: Read) -> None:
    text = (
        "Zoomlion led the sector in 2023. About 900 suppliers in Hunan filed returns, and "
        "their sales grew 6 percent."
    )
    assert subjects(read, text)[-1] == ("6 percent", "hunan")


def test_the_province_s_holds_the_subject_of_its_sentence() -> None:
    gazetteer = Gazetteer(
        entities=(
            KnownEntity("region", "hunan", ("Hunan province", "Hunan"), "province"),
            KnownEntity("region", "changsha", ("Changsha",), "prefecture_city"),
        )
    )
    text = "Hunan province grew in 2023. Changsha remained the province's largest economy."
    second = text.index("Changsha")
    mentions = find_entities(text, gazetteer)
    topic: dict[str | None, Mention] = {}
    update_topic(candidates(text, 0, second, mentions, topic), topic, text)
    found = candidates(text, second, len(text), mentions, topic)
    assert [(c.mention.id, c.anaphor) for c in found] == [("changsha", False), ("hunan", True)]


def test_a_name_in_the_next_clause_is_not_the_figure_s_subject(read: Read) -> None:
    text = (
        "Hunan's exports grew in 2023. Machinery sales rose 8 percent, and Changsha, the "
        "capital, shipped 400 cranes."
    )
    assert subjects(read, text) == [("8 percent", "hunan"), ("400 cranes", "changsha")]


def test_no_preposition_governs_a_name_across_a_new_clause(read: Read) -> None:
    text = (
        "Hunan's retail sales rose 3 percent over the quarter, while Changsha gained "
        "5 percent and saw its vacancy rate ease to 4.1 percent."
    )
    assert subjects(read, text)[-1] == ("4.1 percent", "changsha")
