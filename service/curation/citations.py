"""Citations from request bodies: found verbatim in their source, stored once per span."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import bindparam, delete, exists, insert, or_, select
from sqlmodel import col

from schemas.citations import CitationInput
from service.citations import CITERS
from service.curation.transaction import WriteSession
from service.db.tables import Citation, Source
from service.errors import UnprocessableError

_SOURCE_TEXT = select(col(Source.text)).where(col(Source.id) == bindparam("source_id"))
_CITATION_ID = select(col(Citation.id)).where(
    col(Citation.source_id) == bindparam("source_id"),
    col(Citation.start) == bindparam("start"),
    col(Citation.end) == bindparam("end"),
)


def locate(text: str, citation: CitationInput, field: str) -> tuple[int, int]:
    """The span of `citation.quote` in `text`, checked against the offsets the client gave."""
    quote = citation.quote
    if citation.start is None:
        start = text.find(quote)
        if start < 0:
            raise UnprocessableError(field, f"the quote is not in source {citation.source!r}")
        if text.find(quote, start + 1) >= 0:
            raise UnprocessableError(
                field, "the quote occurs more than once in its source; give `start`"
            )
    else:
        start = citation.start
        if text[start : start + len(quote)] != quote:
            raise UnprocessableError(
                field, f"source {citation.source!r} does not have the quote at offset {start}"
            )
    end = start + len(quote)
    if citation.end is not None and citation.end != end:
        raise UnprocessableError(field, f"`end` must be {end}: `start` plus the quote's length")
    return start, end


async def cite(session: WriteSession, citation: CitationInput, field: str) -> int:
    """The id of the stored citation for this span, stored now if it is new."""
    text = await session.connection.scalar(_SOURCE_TEXT, {"source_id": citation.source})
    if text is None:
        raise UnprocessableError(f"{field}.source", f"no source has the id {citation.source!r}")
    start, end = locate(text, citation, field)
    span = {"source_id": citation.source, "start": start, "end": end}
    existing = await session.connection.scalar(_CITATION_ID, span)
    if existing is not None:
        return int(existing)
    values = {"source_id": citation.source, "start": start, "end": end, "quote": citation.quote}
    result = await session.execute(insert(Citation).values(**values).returning(col(Citation.id)))
    return int(result.scalar_one())


async def cite_all(
    session: WriteSession, citations: Iterable[CitationInput], field: str
) -> list[int]:
    """Ids of the citations, duplicates dropped, in the order given."""
    ids: list[int] = []
    for index, citation in enumerate(citations):
        citation_id = await cite(session, citation, f"{field}[{index}]")
        if citation_id not in ids:
            ids.append(citation_id)
    return ids


async def drop_unused(session: WriteSession, citation_ids: Iterable[int]) -> None:
    """Remove those of `citation_ids` that nothing cites any more."""
    for citation_id in set(citation_ids):
        used = [exists().where(column == citation_id) for column in (c.citation for c in CITERS)]
        in_use = await session.connection.scalar(select(or_(*used)))
        if not in_use:
            await session.execute(delete(Citation).where(col(Citation.id) == citation_id))


async def replace_citations(
    session: WriteSession, link: Any, owner_column: str, owner_id: str, citation_ids: list[int]
) -> None:
    """Make `owner_id` cite exactly `citation_ids` through the `link` table (RegionCitation...)."""
    table = link.__table__
    owner, cited = table.c[owner_column], table.c.citation_id
    old = set((await session.execute(select(cited).where(owner == owner_id))).scalars())
    await session.execute(delete(table).where(owner == owner_id))
    if citation_ids:
        rows = [{owner_column: owner_id, "citation_id": cid} for cid in citation_ids]
        await session.execute(insert(table), rows)
    await drop_unused(session, old - set(citation_ids))
