"""Indicators: what a number measures, and in which unit."""

from __future__ import annotations

from schemas.base import WireStruct
from schemas.types import Slug


class IndicatorRead(WireStruct, kw_only=True, frozen=True):
    id: Slug
    name: str
    description: str
    unit: str


class IndicatorPage(WireStruct, kw_only=True, frozen=True):
    items: list[IndicatorRead]
    next_cursor: str | None
