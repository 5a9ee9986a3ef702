"""Fixtures of the extractor's tests: a small gazetteer and a reader of one text. No database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from schemas.extraction import ExtractionRead, FactRead, QuantityRead
from service.extraction import extract
from service.extraction.gazetteer import Gazetteer, KnownEntity, KnownIndicator

Read = Callable[..., ExtractionRead]


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """Regions, organizations and indicators the tests' sentences name."""
    return Gazetteer(
        entities=(
            KnownEntity("region", "hunan", ("Hunan", "Hunan province"), "province"),
            KnownEntity("region", "changsha", ("Changsha", "Changsha city"), "prefecture_city"),
            KnownEntity("region", "china", ("China",), "country"),
            KnownEntity("region", "xiangjiang-new-area", ("Xiangjiang New Area",)),
            KnownEntity(
                "organization",
                "zoomlion",
                ("Zoomlion Heavy Industry Science & Technology Co., Ltd.", "Zoomlion"),
                "company",
            ),
            KnownEntity(
                "organization",
                "basf-shanshan-battery-materials",
                ("BASF Shanshan Battery Materials Co., Ltd.", "BSBM"),
                "joint_venture",
            ),
        ),
        indicators=(
            KnownIndicator("gdp", "Gross domestic product", "CNY"),
            KnownIndicator("overseas-revenue", "Overseas revenue", "CNY"),
            KnownIndicator("permanent-overseas-offices", "Permanent overseas offices", "count"),
        ),
    )


@pytest.fixture
def read(gazetteer: Gazetteer) -> Read:
    """Extract from `text` with the tests' gazetteer."""

    def run(text: str, published_on: dt.date | None = None) -> ExtractionRead:
        return extract(text, published_on, gazetteer)

    return run


def only_quantity(result: ExtractionRead) -> QuantityRead:
    assert len(result.quantities) == 1, [q.as_reported for q in result.quantities]
    return result.quantities[0]


def only_fact(result: ExtractionRead) -> FactRead:
    assert len(result.facts) == 1, [f.as_reported for f in result.facts]
    return result.facts[0]


def readings(result: ExtractionRead) -> list[tuple[float, str, str]]:
    """(value, unit, comparator) of each quantity, in text order."""
    return [(q.value, q.unit, q.comparator) for q in result.quantities]
