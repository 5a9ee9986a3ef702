"""GET /v1/regions/{id}, /v1/regions, /v1/observations, /v1/organizations: the template's way.

Sync `def` handlers (run in the threadpool), a `SessionDep` per request, `session.get(...)` and
`session.exec(select(...))` of ORM entities, `response_model=` Public classes, relationships
loaded lazily when the response is validated. Pages use keyset `where id > cursor` (the template
uses offset/limit; keyset gives the same rows as the service, and is cheaper on the database).

PEER_EAGER_LOADING=1 adds `selectinload` options (not the template's way; a tuned variant).

    uvicorn peer_fastapi.main:app --app-dir benchmarks
"""

import base64
import os
from typing import Any

from fastapi import FastAPI, HTTPException, Query, Response
from sqlalchemy import or_
from sqlalchemy.orm import selectinload
from sqlmodel import col, select

from .deps import SessionDep
from .models import (
    Observation,
    ObservationsPublic,
    Organization,
    OrganizationRegion,
    OrganizationRelation,
    OrganizationsPublic,
    Region,
    RegionPublic,
    RegionsPublic,
)

EAGER = os.environ.get("PEER_EAGER_LOADING", "") == "1"

app = FastAPI(title="Growth Atlas peer (FastAPI template style)")


def encode_cursor(last_id: str) -> str:
    return base64.urlsafe_b64encode(last_id.encode()).decode()


def decode_cursor(cursor: str) -> str:
    try:
        return base64.urlsafe_b64decode(cursor.encode()).decode()
    except ValueError:
        raise HTTPException(status_code=400, detail="Invalid cursor") from None


def _link(response: Response, path: str, params: dict[str, Any], cursor: str | None) -> None:
    if cursor is not None:
        query = "&".join(f"{k}={v}" for k, v in {**params, "cursor": cursor}.items() if v)
        response.headers["Link"] = f'<{path}?{query}>; rel="next"'


@app.get("/v1/regions/{region_id}", response_model=RegionPublic)
def read_region(session: SessionDep, region_id: str) -> Any:
    options = [selectinload(Region.citations)] if EAGER else []  # type: ignore[arg-type]
    region = session.get(Region, region_id, options=options)
    if not region:
        raise HTTPException(status_code=404, detail="Region not found")
    return region


@app.get("/v1/regions", response_model=RegionsPublic)
def read_regions(
    session: SessionDep,
    response: Response,
    limit: int = Query(default=50, ge=1, le=500),
    cursor: str | None = None,
) -> Any:
    statement = select(Region)
    if cursor:
        statement = statement.where(Region.id > decode_cursor(cursor))
    if EAGER:
        statement = statement.options(selectinload(Region.citations))  # type: ignore[arg-type]
    regions = session.exec(statement.order_by(Region.id).limit(limit + 1)).all()
    next_cursor = encode_cursor(regions[limit - 1].id) if len(regions) > limit else None
    _link(response, "/v1/regions", {"limit": limit}, next_cursor)
    return RegionsPublic(items=regions[:limit], next_cursor=next_cursor)


@app.get("/v1/observations", response_model=ObservationsPublic)
def read_observations(
    session: SessionDep,
    response: Response,
    region: str | None = None,
    include_subregions: bool = False,
    limit: int = Query(default=50, ge=1, le=500),
    cursor: str | None = None,
) -> Any:
    statement = select(Observation)
    if region and include_subregions:
        parent = session.get(Region, region)
        if not parent:
            return ObservationsPublic(items=[], next_cursor=None)
        subtree = select(Region.id).where(
            or_(
                col(Region.path) == parent.path,
                col(Region.path).startswith(parent.path + "/", autoescape=True),
            )
        )
        statement = statement.where(col(Observation.region_id).in_(subtree))
    elif region:
        statement = statement.where(Observation.region_id == region)
    if cursor:
        statement = statement.where(Observation.id > decode_cursor(cursor))
    if EAGER:
        statement = statement.options(
            selectinload(Observation.indicator),  # type: ignore[arg-type]
            selectinload(Observation.citation),  # type: ignore[arg-type]
        )
    observations = session.exec(statement.order_by(Observation.id).limit(limit + 1)).all()
    next_cursor = encode_cursor(observations[limit - 1].id) if len(observations) > limit else None
    _link(
        response,
        "/v1/observations",
        {"region": region, "include_subregions": str(include_subregions).lower(), "limit": limit},
        next_cursor,
    )
    return ObservationsPublic(items=observations[:limit], next_cursor=next_cursor)


@app.get("/v1/organizations", response_model=OrganizationsPublic)
def read_organizations(
    session: SessionDep,
    response: Response,
    q: str | None = None,
    limit: int = Query(default=50, ge=1, le=500),
    cursor: str | None = None,
) -> Any:
    statement = select(Organization)
    if q:
        statement = statement.where(
            col(Organization.search_text).contains(q.casefold(), autoescape=True)
        )
    if cursor:
        statement = statement.where(Organization.id > decode_cursor(cursor))
    if EAGER:
        statement = statement.options(
            selectinload(Organization.sector_links),  # type: ignore[arg-type]
            selectinload(Organization.region_links).selectinload(OrganizationRegion.citation),  # type: ignore[arg-type]
            selectinload(Organization.subject_of).selectinload(OrganizationRelation.citation),  # type: ignore[arg-type]
            selectinload(Organization.object_of).selectinload(OrganizationRelation.citation),  # type: ignore[arg-type]
            selectinload(Organization.citations),  # type: ignore[arg-type]
        )
    organizations = session.exec(statement.order_by(Organization.id).limit(limit + 1)).all()
    next_cursor = encode_cursor(organizations[limit - 1].id) if len(organizations) > limit else None
    _link(response, "/v1/organizations", {"q": q, "limit": limit}, next_cursor)
    return OrganizationsPublic(items=organizations[:limit], next_cursor=next_cursor)
