"""seed(): loads every verified fact once; running it again changes nothing."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlmodel import col

from service.db.engine import create_engine
from service.db.tables import Citation, Source
from service.seeding.load import SeedReport, seed
from service.seeding.verify import verify
from service.settings import Settings
from tests.conftest import SEEDS_DIR
from tests.seeding.conftest import dump_tables


async def run_seed(settings: Settings) -> SeedReport:
    engine = create_engine(settings)
    try:
        return await seed(engine, SEEDS_DIR)
    finally:
        await engine.dispose()


UNSEEDED_TABLES = (
    "api_keys",
    "revisions",
    "idempotency_records",
    "candidates",
    "service_secrets",
)


async def test_seeding_inserts_every_fact(empty_settings: Settings) -> None:
    facts = verify(SEEDS_DIR).facts
    report = await run_seed(empty_settings)
    assert report.inserted["sources"] == len(facts.sources)
    assert report.inserted["regions"] == len(facts.regions)
    assert report.inserted["organizations"] == len(facts.organizations)
    assert report.inserted["organization_regions"] == len(facts.organization_regions)
    assert report.inserted["organization_relations"] == len(facts.relations)
    assert report.inserted["indicators"] == len(facts.indicators)
    assert report.inserted["observations"] == len(facts.observations)
    # Keys, revisions, idempotency records, candidates and generated secrets are written by the
    # API, never by the seed.
    dump = await dump_tables(empty_settings)
    unseeded = {name: len(dump.pop(name)) for name in UNSEEDED_TABLES}
    assert unseeded == dict.fromkeys(UNSEEDED_TABLES, 0)
    assert {name: len(rows) for name, rows in dump.items()} == report.inserted
    assert all(dump.values()), [name for name, rows in dump.items() if not rows]


async def test_seeding_twice_inserts_nothing_and_changes_nothing(empty_settings: Settings) -> None:
    first = await run_seed(empty_settings)
    before = await dump_tables(empty_settings)
    second = await run_seed(empty_settings)
    after = await dump_tables(empty_settings)

    assert first.total > 0
    assert second.total == 0
    assert set(second.inserted) == set(first.inserted)
    assert after == before


async def read(settings: Settings, *columns: Any) -> list[tuple[Any, ...]]:
    engine = create_engine(settings)
    try:
        async with engine.connect() as conn:
            return [tuple(row) for row in await conn.execute(sa.select(*columns))]
    finally:
        await engine.dispose()


async def test_every_citation_row_is_the_span_of_its_source(empty_settings: Settings) -> None:
    await run_seed(empty_settings)
    texts = dict(await read(empty_settings, col(Source.id), col(Source.text)))
    citation_columns = (Citation.source_id, Citation.start, Citation.end, Citation.quote)
    rows = await read(empty_settings, *(col(c) for c in citation_columns))
    spans = {(s.source, s.start, s.end) for s in verify(SEEDS_DIR).spans.values()}
    assert {(source, start, end) for source, start, end, _ in rows} == spans
    for source_id, start, end, quote in rows:
        assert texts[source_id][start:end] == quote, (source_id, start, end)


async def test_source_texts_are_stored_verbatim(empty_settings: Settings) -> None:
    """Offsets count code points of the article exactly as filed, en spaces and all."""
    await run_seed(empty_settings)
    files = {s.id: (SEEDS_DIR / s.file).read_text("utf-8") for s in verify(SEEDS_DIR).facts.sources}
    stored = dict(await read(empty_settings, col(Source.id), col(Source.text)))
    assert stored == files
