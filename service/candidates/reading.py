"""The one place the service calls the extractor, off the event loop for long texts."""

from __future__ import annotations

import datetime as dt

import anyio.to_thread

from schemas.extraction import ExtractionRead
from service import extraction
from service.extraction.gazetteer import Gazetteer

# Below this many characters (about 3,000 words) reading takes a few milliseconds, less than a
# hop to a worker thread is worth; above it, other requests must not wait for the read.
_INLINE_MAX_CHARS = 20_000


async def read_article(
    text: str, published_on: dt.date | None, gazetteer: Gazetteer
) -> ExtractionRead:
    """What the extractor reads in `text`."""
    if len(text) <= _INLINE_MAX_CHARS:
        return extraction.extract(text, published_on, gazetteer)
    return await anyio.to_thread.run_sync(extraction.extract, text, published_on, gazetteer)
