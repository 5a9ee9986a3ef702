"""Entities: known names matched whatever the text puts between their words; new ones proposed."""

from __future__ import annotations

import pytest

from service.extraction import extract
from service.extraction.gazetteer import Gazetteer, KnownEntity
from tests.extraction.conftest import Read


def names(read: Read, text: str) -> list[tuple[str | None, str, str | None]]:
    """(id, the text's words, suggested kind) of each entity found."""
    return [(e.id, text[e.start : e.end], e.suggested_kind) for e in read(text).entities]


def test_known_names_and_aliases(read: Read) -> None:
    text = "Changsha city, the capital of Hunan province, hosts Zoomlion."
    assert names(read, text) == [
        ("changsha", "Changsha city", None),
        ("hunan", "Hunan province", None),
        ("zoomlion", "Zoomlion", None),
    ]


def test_odd_white_space_between_words_of_a_name(read: Read) -> None:
    text = "A leader based\u2002in\u2002Changsha\u2002city, Hunan."
    assert names(read, text)[0] == ("changsha", "Changsha\u2002city", None)


@pytest.mark.parametrize(
    "written",
    [
        "BASF Shanshan Battery Materials Co.,Ltd.",
        "BASF Shanshan Battery Materials Co., Ltd.",
        "BASF  Shanshan Battery\nMaterials Co. Ltd.",
    ],
)
def test_company_suffix_punctuation_varies(read: Read, written: str) -> None:
    found = names(read, f"One collaboration is the {written} in Changsha.")
    assert found[0] == ("basf-shanshan-battery-materials", written, None)


def test_the_longest_name_wins(read: Read) -> None:
    text = "Zoomlion Heavy Industry Science & Technology Co., Ltd. is based in Changsha."
    assert names(read, text)[0][0:2] == (
        "zoomlion",
        "Zoomlion Heavy Industry Science & Technology Co., Ltd.",
    )


def test_a_known_name_needs_its_capital(read: Read) -> None:
    assert names(read, "the changsha model of growth") == []


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Wang works at Continental Hope Investment Development Co., Ltd. now.",
         "Continental Hope Investment Development Co., Ltd.", "company"),
        ("Hunan Sany Heavy Machinery Group opened a plant.", "Hunan Sany Heavy Machinery Group",
         "company"),
        ("Shanshan Corporation supplies cathodes.", "Shanshan Corporation", "company"),
        ("Exports from Yueyang city rose.", "Yueyang city", "prefecture_city"),
        ("Farms in Liuyang county grew.", "Liuyang county", "district"),
        ("Jiangxi province grew fast.", "Jiangxi province", "province"),
        ("Firms in Yuelu district grew.", "Yuelu district", "district"),
        ("The Chengdu Hi-tech Industrial Development Zone grew.",
         "Chengdu Hi-tech Industrial Development Zone", "district"),
        ("The Port of Houston grew.", "Port of Houston", "company"),
        # a qualifier before the name; a byline's last words, a blank line before the story
        ("London-listed Mukambo Copper Holdings grew.", "Mukambo Copper Holdings", "company"),
        ("By Chen Yu | Off-Highway Asia\n\nHengzhou Heavy Industry Co., Ltd. grew.",
         "Hengzhou Heavy Industry Co., Ltd.", "company"),
    ],
)  # fmt: skip
def test_new_names_are_proposed_with_a_kind(read: Read, text: str, name: str, kind: str) -> None:
    proposed = [e for e in read(text).entities if e.id is None]
    assert [(e.name, e.suggested_kind) for e in proposed] == [(name, kind)]
    assert text[proposed[0].start : proposed[0].end] == name


def test_a_possessive_is_not_part_of_a_new_name(read: Read) -> None:
    proposed = [e for e in read("It sits in Hunan's Hengyang city.").entities if e.id is None]
    assert [e.name for e in proposed] == ["Hengyang city"]


@pytest.mark.parametrize(
    "dateline",
    [
        "CHANGSHA, March 12 (Xinhua) -- ",
        # a place and its country, then the date between dashes
        "Changsha, China \u2013 12 March 2024 \u2013 ",
    ],
)
def test_a_dateline_names_no_subject(read: Read, dateline: str) -> None:
    text = f"Zoomlion reports its results\n\n{dateline}Zoomlion published its results.\n\n"
    text += "- Revenue: 41.2 billion yuan"
    assert [f.subject.id for f in read(text).facts] == ["zoomlion"]


def test_the_index_is_built_once_and_kept_with_the_gazetteer(gazetteer: Gazetteer) -> None:
    assert gazetteer.index() is gazetteer.index()
    names = gazetteer.index().names
    assert [words for words, _ in names["hunan"]] == [("hunan", "province"), ("hunan",)]


def test_names_are_found_among_many_entities() -> None:
    many = tuple(
        KnownEntity("region", f"county-{n}", (f"County{n} county", f"County{n}"))
        for n in range(5000)
    )
    known = Gazetteer(entities=(*many, KnownEntity("region", "hunan", ("Hunan province", "Hunan"))))
    result = extract("County4999 county and Hunan province grew fast.", None, known)
    assert [entity.id for entity in result.entities] == ["county-4999", "hunan"]


def test_known_names_written_in_lower_case() -> None:
    gazetteer = Gazetteer(
        entities=(
            KnownEntity("region", "lecce", ("province of Lecce",), "province"),
            KnownEntity("region", "manchester", ("city-region", "Greater Manchester")),
            KnownEntity("region", "lecce-city", ("Lecce",), "prefecture_city"),
        )
    )
    text = "The city-region and the province of\nLecce grew, as did Lecce."
    found = [(e.id, text[e.start : e.end]) for e in extract(text, None, gazetteer).entities]
    assert found == [
        ("manchester", "city-region"), ("lecce", "province of\nLecce"), ("lecce-city", "Lecce"),
    ]  # fmt: skip


def test_a_lower_case_name_after_a_capitalised_anaphor_is_found() -> None:
    gazetteer = Gazetteer(
        entities=(
            KnownEntity("organization", "izmail-port", ("port of Izmail", "the port")),
            KnownEntity("region", "izmail", ("Izmail",)),
        )
    )
    text = "The port of Izmail handled 4.6 million tonnes."
    result = extract(text, None, gazetteer)
    assert [(e.id, text[e.start : e.end]) for e in result.entities] == [
        ("izmail-port", "port of Izmail")
    ]
    assert result.facts[0].subject.id == "izmail-port"


def test_a_name_that_starts_inside_an_anaphor_and_runs_on_wins() -> None:
    gazetteer = Gazetteer(
        entities=(
            KnownEntity("organization", "santander-port", ("Port of Santander", "the port")),
            KnownEntity("region", "santander", ("Santander",)),
        )
    )
    text = "The Port of Santander handled more cargo than the port of Bilbao."
    found = [(e.id, text[e.start : e.end]) for e in extract(text, None, gazetteer).entities]
    assert found[:1] == [("santander-port", "Port of Santander")]


def test_a_document_or_body_of_a_known_province_is_no_new_region(read: Read) -> None:
    text = (
        "Statistical Communique of Hunan Province on the 2024 Economy\n\n"
        "Grain output was 30 million tonnes."
    )
    assert [f.subject.id for f in read(text).facts] == ["hunan"]


def test_a_kind_of_place_after_any_is_no_new_name(read: Read) -> None:
    text = "Hunan grew fastest of any Central Asian province, ahead of Jiangxi Province."
    assert names(read, text) == [("hunan", "Hunan", None), (None, "Jiangxi Province", "province")]


def test_a_kind_of_place_before_of_and_its_name_is_no_new_name(read: Read) -> None:
    text = "Exports from the Peruvian region of Arequipa and the Chilean city of Calama rose."
    assert names(read, text) == []
