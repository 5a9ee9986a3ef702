"""verify(): every fact is checked against its article, and a bad seed writes nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from service.db.engine import create_engine
from service.db.tables import Region
from service.seeding.load import seed
from service.seeding.verify import SeedError, verify
from service.settings import Settings
from tests.conftest import SEEDS_DIR
from tests.seeding.conftest import Facts, dump_tables

Edit = Callable[[Callable[[Facts], None]], Path]
ARTICLE_001 = "xiangjiang-new-area-innovation"


def find(items: list[dict[str, Any]], **match: Any) -> dict[str, Any]:
    return next(i for i in items if all(i.get(k) == v for k, v in match.items()))


def observation(facts: Facts, observation_id: str) -> dict[str, Any]:
    return find(facts["observations"], id=observation_id)


def rejected(seeds_dir: Path) -> list[str]:
    with pytest.raises(SeedError) as caught:
        verify(seeds_dir)
    assert caught.value.problems
    assert all(problem in str(caught.value) for problem in caught.value.problems)
    return caught.value.problems


def assert_named(problems: list[str], fact: str, words: str) -> None:
    """Some problem names `fact` and says `words` about it."""
    assert any(p.startswith(fact) and words in p for p in problems), problems


def test_the_real_seeds_verify_cleanly() -> None:
    verified = verify(SEEDS_DIR)
    assert {s.id for s in verified.facts.sources} == set(verified.texts)
    for span in verified.spans.values():
        assert verified.texts[span.source][span.start : span.end] == span.quote
    assert (
        verified.region_paths["xiangjiang-new-area"] == "china/hunan/changsha/xiangjiang-new-area"
    )


def test_an_unedited_copy_verifies_cleanly(edit_facts: Edit) -> None:
    """The YAML round trip the other tests rely on changes nothing by itself."""
    verified = verify(edit_facts(lambda facts: None))
    assert verified.facts == verify(SEEDS_DIR).facts


def test_a_quote_that_is_not_verbatim_is_rejected(edit_facts: Edit) -> None:
    def normalise_spaces(facts: Facts) -> None:
        citation = observation(facts, "zoomlion-overseas-revenue-2023-q1-q3")["citation"]
        citation["quote"] = citation["quote"].replace("\u2002", " ")

    problems = rejected(edit_facts(normalise_spaces))
    assert_named(problems, "observation 'zoomlion-overseas-revenue-2023-q1-q3'", "not found")


def test_a_region_quote_that_is_not_verbatim_is_rejected(edit_facts: Edit) -> None:
    def misquote(facts: Facts) -> None:
        find(facts["regions"], id="hengyang")["citations"][0]["quote"] += " Really."

    assert_named(rejected(edit_facts(misquote)), "region 'hengyang'", "not found verbatim")


def test_a_quote_from_the_wrong_article_is_rejected(edit_facts: Edit) -> None:
    def wrong_source(facts: Facts) -> None:
        observation(facts, "zoomlion-countries-and-regions-served")["citation"]["source"] = (
            ARTICLE_001
        )

    problems = rejected(edit_facts(wrong_source))
    assert_named(problems, "observation 'zoomlion-countries-and-regions-served'", "not found")


def test_as_reported_outside_the_quote_is_rejected(edit_facts: Edit) -> None:
    def reword(facts: Facts) -> None:
        observation(facts, "zoomlion-countries-and-regions-served")["as_reported"] = "over 140"

    problems = rejected(edit_facts(reword))
    assert_named(problems, "observation 'zoomlion-countries-and-regions-served'", "as_reported")


@pytest.mark.parametrize(
    ("observation_id", "value"),
    [
        ("xiangjiang-new-area-gdp-2023", 45_000_000_000),  # a zero lost
        ("zoomlion-overseas-revenue-2023-q1-q3", 13),  # scale word ignored
        ("xiangjiang-new-area-major-science-labs", 5),  # "four"
        ("xiangjiang-new-area-rd-intensity-rank-2023", 2),  # "ranking third"
    ],
)
def test_a_value_not_stated_by_as_reported_is_rejected(
    edit_facts: Edit, observation_id: str, value: float
) -> None:
    def misvalue(facts: Facts) -> None:
        observation(facts, observation_id)["value"] = value

    assert_named(rejected(edit_facts(misvalue)), f"observation {observation_id!r}", "not stated")


@pytest.mark.parametrize(
    ("edit", "fact", "words"),
    [
        (
            lambda f: observation(f, "xiangjiang-new-area-gdp-2023").update(region="atlantis"),
            "observation 'xiangjiang-new-area-gdp-2023'",
            "unknown region 'atlantis'",
        ),
        (
            lambda f: observation(f, "xiangjiang-new-area-gdp-2023").update(indicator="gnp"),
            "observation 'xiangjiang-new-area-gdp-2023'",
            "unknown indicator 'gnp'",
        ),
        (
            lambda f: find(f["regions"], id="hengyang").update(parent="hunna"),
            "region 'hengyang'",
            "unknown region 'hunna'",
        ),
        (
            lambda f: find(f["organization_regions"], organization="hs-photonics").update(
                region="xiangjiang"
            ),
            "link 'hs-photonics' located_in 'xiangjiang'",
            "unknown region 'xiangjiang'",
        ),
        (
            lambda f: find(f["relations"], subject="basf").update(object="bsbm"),
            "relation 'basf' joint_venture_partner_of 'bsbm'",
            "unknown organization 'bsbm'",
        ),
        (
            lambda f: observation(f, "xiangjiang-new-area-gdp-2023")["citation"].update(
                source="the-daily-planet"
            ),
            "observation 'xiangjiang-new-area-gdp-2023'",
            "unknown source 'the-daily-planet'",
        ),
    ],
)
def test_a_reference_to_an_unknown_id_is_rejected(
    edit_facts: Edit, edit: Callable[[Facts], None], fact: str, words: str
) -> None:
    assert_named(rejected(edit_facts(edit)), fact, words)


def test_an_observation_of_both_a_region_and_an_organization_is_rejected(
    edit_facts: Edit,
) -> None:
    def both(facts: Facts) -> None:
        observation(facts, "xiangjiang-new-area-gdp-2023")["organization"] = "zoomlion"

    problems = rejected(edit_facts(both))
    assert_named(problems, "observation 'xiangjiang-new-area-gdp-2023'", "exactly one")


def test_an_observation_of_neither_is_rejected(edit_facts: Edit) -> None:
    def neither(facts: Facts) -> None:
        del observation(facts, "xiangjiang-new-area-gdp-2023")["region"]

    problems = rejected(edit_facts(neither))
    assert_named(problems, "observation 'xiangjiang-new-area-gdp-2023'", "exactly one")


@pytest.mark.parametrize(
    ("section", "fact_id", "kind"),
    [
        ("regions", "hengyang", "region"),
        ("organizations", "zoomlion", "organization"),
        ("indicators", "gdp", "indicator"),
        ("observations", "xiangjiang-new-area-gdp-2015", "observation"),
        ("sources", ARTICLE_001, "source"),
    ],
)
def test_a_duplicate_id_is_rejected(
    edit_facts: Edit, section: str, fact_id: str, kind: str
) -> None:
    def duplicate(facts: Facts) -> None:
        facts[section].append(dict(find(facts[section], id=fact_id)))

    assert_named(rejected(edit_facts(duplicate)), f"{kind} {fact_id!r}", "more than once")


def test_a_parent_cycle_is_rejected(edit_facts: Edit) -> None:
    def cycle(facts: Facts) -> None:
        find(facts["regions"], id="china")["parent"] = "xiangjiang-new-area"

    problems = rejected(edit_facts(cycle))
    for region in ["china", "hunan", "changsha", "xiangjiang-new-area"]:
        assert_named(problems, f"region {region!r}", "loops")


def test_a_region_that_is_its_own_parent_is_rejected(edit_facts: Edit) -> None:
    def own_parent(facts: Facts) -> None:
        find(facts["regions"], id="germany")["parent"] = "germany"

    assert_named(rejected(edit_facts(own_parent)), "region 'germany'", "loops")


def test_a_quote_occurring_twice_without_start_is_rejected(edit_facts: Edit) -> None:
    def ambiguous(facts: Facts) -> None:
        region = find(facts["regions"], id="xiangjiang-new-area")
        region["citations"] = [{"source": ARTICLE_001, "quote": "Xiangjiang New Area"}]

    problems = rejected(edit_facts(ambiguous))
    assert_named(problems, "region 'xiangjiang-new-area'", "more than once")


def test_a_recurring_quote_with_its_start_is_accepted(edit_facts: Edit) -> None:
    text = (SEEDS_DIR / "articles" / "001_5d0a964235a9b470.txt").read_text(encoding="utf-8")
    second = text.index("Xiangjiang New Area", text.index("Xiangjiang New Area") + 1)

    def located(facts: Facts) -> None:
        region = find(facts["regions"], id="xiangjiang-new-area")
        region["citations"] = [
            {"source": ARTICLE_001, "quote": "Xiangjiang New Area", "start": second}
        ]

    verified = verify(edit_facts(located))
    (region,) = [r for r in verified.facts.regions if r.id == "xiangjiang-new-area"]
    (ref,) = region.citations
    assert (verified.spans[ref].start, verified.spans[ref].end) == (second, second + 19)


def test_a_start_that_does_not_point_at_the_quote_is_rejected(edit_facts: Edit) -> None:
    def misplaced(facts: Facts) -> None:
        region = find(facts["regions"], id="xiangjiang-new-area")
        region["citations"] = [{"source": ARTICLE_001, "quote": "Xiangjiang New Area", "start": 0}]

    assert_named(rejected(edit_facts(misplaced)), "region 'xiangjiang-new-area'", "not found")


def test_every_bad_fact_is_listed_at_once(edit_facts: Edit) -> None:
    def two_faults(facts: Facts) -> None:
        observation(facts, "xiangjiang-new-area-gdp-2015")["value"] = 1
        find(facts["regions"], id="hengyang")["parent"] = "nowhere"

    problems = rejected(edit_facts(two_faults))
    assert_named(problems, "observation 'xiangjiang-new-area-gdp-2015'", "not stated")
    assert_named(problems, "region 'hengyang'", "unknown region 'nowhere'")


def test_a_misspelt_key_is_rejected(edit_facts: Edit) -> None:
    def typo(facts: Facts) -> None:
        observation(facts, "xiangjiang-new-area-gdp-2015")["comparitor"] = "eq"

    assert any("comparitor" in p for p in rejected(edit_facts(typo)))


def test_a_relation_of_an_organization_to_itself_is_rejected(edit_facts: Edit) -> None:
    def self_relation(facts: Facts) -> None:
        find(facts["relations"], subject="basf")["object"] = "basf"

    problems = rejected(edit_facts(self_relation))
    assert_named(problems, "relation 'basf' joint_venture_partner_of 'basf'", "itself")


def shared_iso_code(facts: Facts) -> None:
    find(facts["regions"], id="hunan")["iso_3166"] = "CN"


def test_two_regions_with_one_iso_code_are_rejected(edit_facts: Edit) -> None:
    assert any("'CN'" in problem for problem in rejected(edit_facts(shared_iso_code)))


def test_two_regions_with_one_iso_code_are_named(edit_facts: Edit) -> None:
    (problem,) = [p for p in rejected(edit_facts(shared_iso_code)) if "'CN'" in p]
    assert "china" in problem
    assert "hunan" in problem


@pytest.mark.parametrize(
    "corruption",
    [
        lambda f: observation(f, "xiangjiang-new-area-gdp-2023").update(value=1),
        lambda f: find(f["regions"], id="china").update(parent="xiangjiang-new-area"),
        lambda f: f["regions"].append(dict(find(f["regions"], id="hengyang"))),
        shared_iso_code,
    ],
    ids=["value-not-stated", "parent-cycle", "duplicate-id", "shared-iso-code"],
)
async def test_seeding_a_corrupt_seed_writes_nothing(
    edit_facts: Edit, empty_settings: Settings, corruption: Callable[[Facts], None]
) -> None:
    seeds_dir = edit_facts(corruption)
    engine = create_engine(empty_settings)
    try:
        with pytest.raises(SeedError):
            await seed(engine, seeds_dir)
    finally:
        await engine.dispose()
    assert all(rows == [] for rows in (await dump_tables(empty_settings)).values())


async def test_a_seed_the_database_refuses_midway_writes_nothing(empty_settings: Settings) -> None:
    """Sources are written before regions; a region the database refuses rolls them back too."""
    squatter = {
        "id": "prc",
        "name": "PRC",
        "kind": "country",
        "parent_id": None,
        "path": "prc",
        "aliases": [],
        "iso_3166": "CN",  # the seed's china needs this code
        "search_text": "prc",
    }
    engine = create_engine(empty_settings)
    try:
        async with engine.begin() as conn:
            await conn.execute(sa.insert(Region.__table__), [squatter])  # type: ignore[attr-defined]
        with pytest.raises(sa.exc.IntegrityError):
            await seed(engine, SEEDS_DIR)
    finally:
        await engine.dispose()
    dump = await dump_tables(empty_settings)
    assert [row[0] for row in dump.pop("regions")] == ["prc"]
    assert all(rows == [] for rows in dump.values()), {k: len(v) for k, v in dump.items()}
