"""Reading citations back: the columns every query selects for one, and the Struct they make."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlmodel import col

from schemas.citations import Citation as CitationOut
from service.db.tables import Citation

CITATION_COLUMNS = (
    col(Citation.source_id),
    col(Citation.quote),
    col(Citation.start),
    col(Citation.end),
)
"""Selected last in a row, so `citation_from(row)` finds them at the end."""


def citation_from(row: Sequence[Any]) -> CitationOut:
    source, quote, start, end = row[-4:]
    return CitationOut(source=source, quote=quote, start=start, end=end)
