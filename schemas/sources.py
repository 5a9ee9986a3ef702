"""Sources: the news articles every fact is read from."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from msgspec import UNSET, Meta, UnsetType, field

from schemas.base import WireStruct
from schemas.types import ArticleText, HttpUrl, LanguageTag, Name, Slug

Authors = Annotated[list[Name], Meta(max_length=50)]


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


class SourceCreate(WireStruct, kw_only=True, frozen=True):
    id: Slug
    title: Name | None = None
    publisher: Name | None = None
    published_on: dt.date | None = None
    authors: Authors = field(default_factory=list)
    url: HttpUrl | None = None
    language: LanguageTag
    text: ArticleText


class SourceUpdate(WireStruct, kw_only=True, frozen=True):
    """The fields to change. `text` cannot change while citations point into it."""

    title: Name | UnsetType | None = UNSET
    publisher: Name | UnsetType | None = UNSET
    published_on: dt.date | UnsetType | None = UNSET
    authors: Authors | UnsetType = UNSET
    url: HttpUrl | UnsetType | None = UNSET
    language: LanguageTag | UnsetType = UNSET
    text: ArticleText | UnsetType = UNSET
