"""Sources: the news articles every fact is read from."""

from __future__ import annotations

import datetime as dt

from schemas.base import WireStruct
from schemas.types import Slug


class SourceSummary(WireStruct, kw_only=True, frozen=True):
    """A source without its text, as listed."""

    id: Slug
    title: str | None
    publisher: str | None
    published_on: dt.date | None
    authors: list[str]
    url: str | None
    language: str


class SourceRead(SourceSummary, kw_only=True, frozen=True):
    """A source with its full text, the string every citation offset points into."""

    text: str


class SourcePage(WireStruct, kw_only=True, frozen=True):
    items: list[SourceSummary]
    next_cursor: str | None
