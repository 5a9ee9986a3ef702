"""Writes to regions: the materialised path kept whole, citations checked, no orphans."""

from __future__ import annotations

from sqlalchemy import delete, func, insert, literal, select, update
from sqlmodel import col

from schemas.regions import RegionCreate, RegionRead, RegionUpdate
from service.curation.checks import ensure_new, refuse_if_used
from service.curation.citations import cite_all, replace_citations
from service.curation.patches import sent_fields
from service.curation.transaction import WriteSession
from service.db.tables import Observation, OrganizationRegion, Region, RegionCitation
from service.errors import ConflictError, UnprocessableError
from service.regions.queries import search_text
from service.regions.subtree import subtree_of


async def create_region(session: WriteSession, data: RegionCreate) -> None:
    """A new region under `parent` (or a root); its citations are checked against sources."""
    await ensure_new(session, col(Region.id), "region", data.id)
    await _ensure_iso_free(session, data.iso_3166, data.id)
    path = await _path_under(session, data.parent, data.id)
    await session.execute(
        insert(Region).values(
            id=data.id,
            name=data.name,
            kind=data.kind,
            parent_id=data.parent,
            path=path,
            aliases=data.aliases,
            iso_3166=data.iso_3166,
            search_text=search_text(data.name, data.aliases),
            updated_at=session.now,
        )
    )
    await _replace_citations(session, data.id, await cite_all(session, data.citations, "citations"))


async def update_region(session: WriteSession, current: RegionRead, patch: RegionUpdate) -> None:
    """Change the fields sent; a new `parent` moves the region with its whole subtree."""
    values = sent_fields(patch)
    citations = values.pop("citations", None)
    if "parent" in values:
        parent = values.pop("parent")
        if parent != current.parent:
            await _move(session, current.id, parent)
            values["parent_id"] = parent
    if "iso_3166" in values:
        await _ensure_iso_free(session, values["iso_3166"], current.id)
    if "name" in values or "aliases" in values:
        name, aliases = values.get("name", current.name), values.get("aliases", current.aliases)
        values["search_text"] = search_text(name, aliases)
    if citations is not None:
        await _replace_citations(
            session, current.id, await cite_all(session, citations, "citations")
        )
    await session.execute(
        update(Region).where(col(Region.id) == current.id).values(**values, updated_at=session.now)
    )


async def delete_region(session: WriteSession, current: RegionRead) -> None:
    """Only a region nothing depends on: no children, organizations or observations."""
    region_id = current.id
    await refuse_if_used(
        session,
        f"Region {region_id!r}",
        [
            ("child regions", select(col(Region.id)).where(col(Region.parent_id) == region_id)),
            (
                "organizations placed in it",
                select(col(OrganizationRegion.organization_id)).where(
                    col(OrganizationRegion.region_id) == region_id
                ),
            ),
            (
                "observations",
                select(col(Observation.id)).where(col(Observation.region_id) == region_id),
            ),
        ],
    )
    await _replace_citations(session, region_id, [])
    await session.execute(delete(Region).where(col(Region.id) == region_id))


async def _path_under(session: WriteSession, parent: str | None, region_id: str) -> str:
    if parent is None:
        return region_id
    parent_path = await session.connection.scalar(
        select(col(Region.path)).where(col(Region.id) == parent)
    )
    if parent_path is None:
        raise UnprocessableError("parent", f"no region has the id {parent!r}")
    return f"{parent_path}/{region_id}"


async def _move(session: WriteSession, region_id: str, parent: str | None) -> None:
    """Re-root the region's subtree under `parent`: every path below it changes in one UPDATE."""
    old_path = str(
        await session.connection.scalar(select(col(Region.path)).where(col(Region.id) == region_id))
    )
    new_path = await _path_under(session, parent, region_id)
    if region_id in new_path.split("/")[:-1]:
        raise UnprocessableError("parent", f"{parent!r} is this region or lies inside it")
    rest = func.substr(col(Region.path), len(old_path) + 1)
    await session.execute(
        update(Region).where(subtree_of(old_path)).values(path=literal(new_path) + rest)
    )


async def _ensure_iso_free(session: WriteSession, code: str | None, region_id: str) -> None:
    if code is None:
        return
    holder = await session.connection.scalar(
        select(col(Region.id)).where(col(Region.iso_3166) == code, col(Region.id) != region_id)
    )
    if holder is not None:
        raise ConflictError(f"Region {holder!r} already has the ISO 3166 code {code!r}.")


async def _replace_citations(session: WriteSession, region_id: str, ids: list[int]) -> None:
    await replace_citations(session, RegionCitation, "region_id", region_id, ids)
