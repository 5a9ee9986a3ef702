"""Citations: where a fact was read, down to the character."""

from __future__ import annotations

from typing import Annotated

from msgspec import Meta

from schemas.base import WireStruct
from schemas.types import Slug

Offset = Annotated[int, Meta(ge=0, le=10_000_000)]


class Citation(WireStruct, kw_only=True, frozen=True):
    """A verbatim span of a source: `source.text[start:end] == quote`.

    Offsets count Unicode code points (Python `str` indexing), not bytes or UTF-16 units.
    """

    source: Slug
    quote: Annotated[str, Meta(description="The cited words, verbatim.")]
    start: Annotated[Offset, Meta(description="Offset of the first cited code point.")]
    end: Annotated[Offset, Meta(description="Offset just past the last cited code point.")]


Quote = Annotated[str, Meta(min_length=1, max_length=5_000, pattern=r"^[^\x00]*$")]


class CitationInput(WireStruct, kw_only=True, frozen=True):
    """A span to cite. `quote` must occur verbatim in the source's text.

    Without `start`, the quote must occur exactly once and its offsets are computed; with it,
    the quote must start there. `end`, when given, must equal `start` plus the quote's length.
    """

    source: Slug
    quote: Quote
    start: Offset | None = None
    end: Offset | None = None
