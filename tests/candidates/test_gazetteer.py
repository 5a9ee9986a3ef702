"""The gazetteer read from the database: every name of every entity, rebuilt after a change."""

from __future__ import annotations

from service.db.connection import Database
from service.db.engine import create_engine
from service.gazetteer import GazetteerCache, load_gazetteer
from tests.curation.conftest import Curator


async def test_names_short_names_aliases_and_indicators(curator: Curator) -> None:
    engine = create_engine(curator.settings)
    db = Database(engine)
    try:
        gazetteer = await load_gazetteer(db)
    finally:
        await db.close()
        await engine.dispose()

    entities = {(entity.kind, entity.id): entity for entity in gazetteer.entities}
    hunan = entities["region", "hunan"]
    assert (hunan.names[0], hunan.subkind) == ("Hunan", "province")
    assert hunan.names == ("Hunan", "Hunan province")
    bsbm = entities["organization", "basf-shanshan-battery-materials"]
    assert bsbm.names[0] == "BASF Shanshan Battery Materials Co., Ltd."
    assert "BSBM" in bsbm.names
    indicators = {indicator.id: indicator for indicator in gazetteer.indicators}
    assert (indicators["gdp"].name, indicators["gdp"].unit) == ("Gross domestic product", "CNY")


async def test_the_cache_keeps_one_gazetteer_until_the_data_changes(curator: Curator) -> None:
    engine = create_engine(curator.settings)
    db, cache = Database(engine), GazetteerCache()
    try:
        first = await cache.get(db)
        same = await cache.get(db)
        created = await curator.post(
            "/v1/indicators",
            {"id": "exports", "name": "Exports", "description": "Goods sold.", "unit": "CNY"},
        )
        assert created.status_code == 201
        renamed = await cache.get(db)
    finally:
        await db.close()
        await engine.dispose()

    assert same is first
    assert same.index() is first.index()  # built once, kept with the cached gazetteer
    assert renamed is not first
    assert "exports" in {indicator.id for indicator in renamed.indicators}
