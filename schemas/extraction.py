"""Extraction: what the service reads in an article, every item with its exact span.

Offsets count Unicode code points of the text that was read, like citations do:
`text[start:end]` is the item's own words.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from msgspec import Meta

from schemas.base import WireStruct
from schemas.citations import Offset
from schemas.types import ArticleText, Comparator, Slug

EntityKind = Literal["region", "organization"]
IgnoredReason = Literal[
    "date",
    "time",
    "year",
    "phone",
    "address",
    "document_number",
    "list_number",
    "product_name",
    "age",
    "byline",
    "quotation",
    "footer",
    "conversion_source",
    "no_subject",
    "framing_count",
    "quoted_price",
    "other",
]
Confidence = Annotated[float, Meta(ge=0.0, le=1.0)]


class ExtractRequest(WireStruct, kw_only=True, frozen=True):
    """An article to read. `published_on` anchors relative periods ("last year")."""

    text: ArticleText
    published_on: dt.date | None = None


class QuantityRead(WireStruct, kw_only=True, frozen=True):
    """A number with its unit, scale and bound, as the text states it."""

    start: Annotated[Offset, Meta(description="Offset of the quantity's first code point.")]
    end: Annotated[Offset, Meta(description="Offset just past the quantity's last code point.")]
    value: Annotated[float, Meta(description="The value in `unit`.")]
    unit: Annotated[str, Meta(description="Unit code: CNY, percent, count, rank, kV, ...")]
    unit_base: str
    unit_scale: float
    comparator: Comparator
    as_reported: Annotated[str, Meta(description="The text's own words: text[start:end].")]
    counted: Annotated[
        str | None, Meta(description="For counts, the noun counted ('countries').")
    ] = None
    conversion_of: Annotated[
        int | None,
        Meta(description="Index in `quantities` of the amount this one converts, if any."),
    ] = None


class EntityRead(WireStruct, kw_only=True, frozen=True):
    """A region or organization named in the text: known (with its id) or proposed (id null)."""

    kind: EntityKind
    id: Slug | None
    name: str
    start: Offset
    end: Offset
    suggested_kind: Annotated[
        str | None,
        Meta(description="For a proposed entity, the region or organization kind it looks like."),
    ] = None


class SubjectRead(WireStruct, kw_only=True, frozen=True):
    """What a fact is about: a known region or organization (`id`), or a proposed one."""

    kind: EntityKind
    id: Slug | None
    name: str
    start: Offset
    end: Offset


class IndicatorRef(WireStruct, kw_only=True, frozen=True):
    """An existing indicator (`id`), or a proposed one (`id` null, `name` the text's phrase)."""

    id: Slug | None
    name: str


class SpanQuote(WireStruct, kw_only=True, frozen=True):
    """A span of the text read: `text[start:end] == quote`."""

    quote: str
    start: Offset
    end: Offset


class FactRead(WireStruct, kw_only=True, frozen=True):
    """A quantity stated about a subject, with its indicator, period and sentence."""

    start: Offset
    end: Offset
    value: float
    unit: str
    unit_base: str
    unit_scale: float
    comparator: Comparator
    as_reported: str
    subject: SubjectRead
    indicator: IndicatorRef
    period_start: dt.date | None
    period_end: dt.date | None
    period_label: str | None
    citation: SpanQuote
    confidence: Confidence
    conversion: Annotated[
        bool, Meta(description="True when this fact restates another in another currency.")
    ] = False


class IgnoredRead(WireStruct, kw_only=True, frozen=True):
    """A number that states no fact, and why."""

    start: Offset
    end: Offset
    text: str
    reason: IgnoredReason


class ExtractionRead(WireStruct, kw_only=True, frozen=True):
    """Everything the extractor read in one text."""

    extractor: Annotated[str, Meta(description="Version of the extractor that read the text.")]
    quantities: Annotated[
        list[QuantityRead],
        Meta(
            description="Every quantity the text states, in text order, whether it states a fact"
            " or not (a speaker's figures, a commodity's price, a policy rate: their numbers are"
            " also in `ignored`, with the reason)."
        ),
    ]
    entities: list[EntityRead]
    facts: list[FactRead]
    ignored: Annotated[
        list[IgnoredRead],
        Meta(description="Every number outside the facts' spans, with the reason it is no fact."),
    ]
