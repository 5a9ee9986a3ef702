"""Extracting a source again: open proposals are superseded, accepted facts never repeated."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest

from schemas.sources import SourceRead
from service.candidates.commands import store_extraction
from service.curation.transaction import write_transaction
from service.db.engine import create_write_engine
from service.errors import ConflictError
from service.extraction.gazetteer import Gazetteer
from tests.candidates.conftest import (
    SOURCE,
    Run,
    article_file,
    candidate_of,
    candidates,
    growth_atlas,
)
from tests.candidates.fake_extractor import FakeExtractor, Known
from tests.curation.conftest import Curator


async def test_a_new_run_supersedes_proposed_only_and_skips_accepted(
    curator: Curator, ingested: Run, fake_extractor: FakeExtractor
) -> None:
    gdp = await candidate_of(curator, "1.5 trillion yuan")
    growth = await candidate_of(curator, "4.8 percent")
    employees = await candidate_of(curator, "about 1,200")
    assert (await curator.post(f"/v1/candidates/{gdp['id']}/accept", {})).status_code == 201
    assert (await curator.post(f"/v1/candidates/{employees['id']}/accept", {})).status_code == 201
    rejected = await curator.post(f"/v1/candidates/{growth['id']}/reject", {"reason": "no"})
    assert rejected.status_code == 200
    fake_extractor.version = "fake-2"

    response = await curator.post(f"/v1/sources/{SOURCE}/extractions", None)

    assert response.status_code == 200, response.text
    run = response.json()
    assert run["extractor"] == "fake-2"
    # Huaxin Robotics was proposed as new and is now known by its id: still the same fact.
    assert run["summary"] == {"facts": 4, "proposed": 2, "superseded": 1, "already_accepted": 2}
    assert [c["as_reported"] for c in run["candidates"]] == ["4.8 percent", "more than 140"]
    assert {c["extractor"] for c in run["candidates"]} == {"fake-2"}
    statuses = [(c["as_reported"], c["status"]) for c in await candidates(curator)]
    assert statuses == [
        ("1.5 trillion yuan", "accepted"),
        ("4.8 percent", "rejected"),
        ("more than 140", "superseded"),
        ("about 1,200", "accepted"),
        ("4.8 percent", "proposed"),
        ("more than 140", "proposed"),
    ]


async def test_the_run_sees_entities_created_since(
    curator: Curator, ingested: Run, fake_extractor: FakeExtractor
) -> None:
    employees = await candidate_of(curator, "about 1,200")
    await curator.post(f"/v1/candidates/{employees['id']}/accept", {"new_indicator": {}})

    await curator.post(f"/v1/sources/{SOURCE}/extractions", None)

    first, last = fake_extractor.gazetteers[0], fake_extractor.gazetteers[-1]
    assert "huaxin-robotics" not in {entity.id for entity in first.entities}
    assert "huaxin-robotics" in {entity.id for entity in last.entities}
    assert "employees" in {indicator.id for indicator in last.indicators}


async def test_ingest_prints_a_table_and_makes_unique_ids(
    curator: Curator, ingested: Run, tmp_path: Path
) -> None:
    header = next(line for line in ingested.out.splitlines() if line.startswith("value"))
    assert header.split() == [
        "value", "unit", "comparator", "subject", "indicator", "period", "confidence"
    ]  # fmt: skip
    assert "1.5  " in ingested.out
    assert "CNY_trillion" in ingested.out

    again = await growth_atlas(
        curator.settings, "ingest", str(article_file(tmp_path)), "--published-on", "2024-03-02",
        "--title", "Changsha keeps growing",
    )  # fmt: skip

    assert again.code == 0, again.err
    assert (await curator.client.get(f"/v1/sources/{SOURCE}-2")).status_code == 200


async def test_a_folder_shows_progress_and_a_summary(
    curator: Curator, fake_extractor: FakeExtractor, tmp_path: Path
) -> None:
    for name in ("a.txt", "b.txt", "c.md"):
        article_file(tmp_path, name)
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")

    run = await growth_atlas(
        curator.settings, "ingest", str(tmp_path), "--published-on", "2024-03-01"
    )

    assert run.code == 1  # the empty file is refused; the others are stored
    assert "[" + "#" * 30 + "] 4/4 articles" in run.err
    assert "empty.txt" in run.err
    assert "ingested 3 article(s), 12 candidate(s) in" in run.err
    for source in ("a", "b", "c"):
        listed = await curator.client.get(f"/v1/sources/{source}/candidates")
        assert len(listed.json()["items"]) == 4


async def test_a_source_changed_while_it_was_read_is_a_conflict(
    curator: Curator, ingested: Run, fake_extractor: FakeExtractor
) -> None:
    source = msgspec.convert((await curator.read(f"/v1/sources/{SOURCE}"))[0], SourceRead)
    extraction = fake_extractor(source.text, source.published_on, Gazetteer())
    engine = create_write_engine(curator.settings)
    try:
        async with write_transaction(engine, "test") as session:
            stale = msgspec.structs.replace(source, text=source.text + " More.")
            with pytest.raises(ConflictError):
                await store_extraction(session, stale, extraction)
    finally:
        await engine.dispose()


async def test_words_longer_than_a_column_are_cut_not_refused(
    curator: Curator, fake_extractor: FakeExtractor, tmp_path: Path
) -> None:
    name = "Huaxin " + "Robotics " * 40 + "Group"
    fake_extractor.facts = (
        Known("about 1,200", 1200, "count", "approx", name, "organization", None, None, name),
    )
    text = f"{name} employs about 1,200 people.\n"

    run = await growth_atlas(
        curator.settings, "ingest", str(article_file(tmp_path, "long.txt", text)),
        "--published-on", "2024-03-01",
    )  # fmt: skip

    assert run.code == 0, run.err
    (candidate,) = (await curator.client.get("/v1/sources/long/candidates")).json()["items"]
    assert candidate["subject"]["name"] == name[:300]
    assert candidate["indicator"]["name"] == name[:300]
