"""Writes to sources: a text others cite from stays as it is."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlmodel import col

from schemas.sources import SourceCreate, SourceRead, SourceUpdate
from service.citations import CITERS
from service.curation.checks import ensure_new, refuse_if_used
from service.curation.patches import sent_fields
from service.curation.transaction import WriteSession
from service.db.tables import Citation, Source
from service.errors import ConflictError, UnprocessableError


async def create_source(session: WriteSession, data: SourceCreate) -> None:
    """A new article: the text every citation of it points into."""
    await ensure_new(session, col(Source.id), "source", data.id)
    _refuse_nul(data.text)
    await session.execute(
        insert(Source).values(
            id=data.id,
            title=data.title,
            publisher=data.publisher,
            published_on=data.published_on,
            authors=data.authors,
            url=data.url,
            language=data.language,
            text=data.text,
            updated_at=session.now,
        )
    )


async def update_source(session: WriteSession, current: SourceRead, patch: SourceUpdate) -> None:
    """Change the fields sent; the text only while nothing cites the source."""
    values = sent_fields(patch)
    _refuse_nul(values.get("text", ""))
    if values.get("text", current.text) != current.text:
        cited = await session.connection.scalar(
            select(col(Citation.id)).where(col(Citation.source_id) == current.id).limit(1)
        )
        if cited is not None:
            raise ConflictError(
                f"Source {current.id!r} is cited; its text cannot change under the citations. "
                "Add the corrected article as a new source."
            )
    await session.execute(
        update(Source).where(col(Source.id) == current.id).values(**values, updated_at=session.now)
    )


def _refuse_nul(text: str) -> None:
    # Checked here, not by a schema pattern: fuzzers cannot build a 500 000-character string
    # that matches one, and PostgreSQL cannot store the character.
    if "\x00" in text:
        raise UnprocessableError("text", "the NUL character cannot be stored")


async def delete_source(session: WriteSession, current: SourceRead) -> None:
    """Only a source nothing cites."""
    await refuse_if_used(session, f"Source {current.id!r}", _citing(current.id))
    await session.execute(delete(Source).where(col(Source.id) == current.id))


def _citing(source_id: str) -> list[tuple[str, Any]]:
    """What cites the source, by the ids a client knows."""
    cited = col(Citation.source_id) == source_id
    return [
        (
            citer.label,
            select(citer.owner).join(Citation, col(Citation.id) == citer.citation).where(cited),
        )
        for citer in CITERS
    ]
