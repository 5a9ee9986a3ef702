"""Indicators: what a number measures, and in which unit."""

from __future__ import annotations

from msgspec import UNSET, UnsetType

from schemas.base import WireStruct
from schemas.types import Description, Name, Slug, UnitCode


class IndicatorRead(WireStruct, kw_only=True, frozen=True):
    id: Slug
    name: str
    description: str
    unit: str


class IndicatorPage(WireStruct, kw_only=True, frozen=True):
    items: list[IndicatorRead]
    next_cursor: str | None


class IndicatorCreate(WireStruct, kw_only=True, frozen=True):
    id: Slug
    name: Name
    description: Description
    unit: UnitCode


class IndicatorUpdate(WireStruct, kw_only=True, frozen=True):
    """The fields to change. `unit` cannot change while observations use the indicator."""

    name: Name | UnsetType = UNSET
    description: Description | UnsetType = UNSET
    unit: UnitCode | UnsetType = UNSET
