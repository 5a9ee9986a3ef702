"""HTTP for organizations: parameters in, Structs out, in the negotiated representation."""

from __future__ import annotations

from http import HTTPStatus

from litestar import Controller, Response, get
from litestar.di import NamedDependency

from schemas.organizations import OrganizationPage, OrganizationRead, RelationPage
from service.changes.since import parse_since
from service.db.connection import Database
from service.openapi import problem_responses
from service.organizations import queries
from service.organizations.queries import OrganizationFilters
from service.pagination import LINK_HEADER, Pager
from service.params import (
    OrganizationId,
    OrganizationKindFilter,
    RegionFilter,
    SearchText,
    SectorFilter,
    UpdatedSince,
)
from service.representations.openapi import negotiated
from service.representations.respond import Representation

_LIST_ERRORS = problem_responses(HTTPStatus.BAD_REQUEST, HTTPStatus.NOT_ACCEPTABLE)
_ITEM_ERRORS = problem_responses(
    HTTPStatus.BAD_REQUEST, HTTPStatus.NOT_FOUND, HTTPStatus.NOT_ACCEPTABLE
)


def _key(organization: OrganizationRead) -> tuple[str]:
    return (organization.id,)


class OrganizationController(Controller):
    path = "/v1/organizations"
    tags = ["organizations"]

    @get(
        "/",
        operation_id="listOrganizations",
        response_headers=[LINK_HEADER],
        summary="List organizations",
        responses=_LIST_ERRORS,
        operation_class=negotiated(OrganizationPage),
    )
    async def list_organizations(
        self,
        db: NamedDependency[Database],
        pager: NamedDependency[Pager],
        representation: NamedDependency[Representation],
        q: SearchText = None,
        kind: OrganizationKindFilter = None,
        sector: SectorFilter = None,
        region: RegionFilter = None,
        updated_since: UpdatedSince = None,
    ) -> Response[OrganizationPage]:
        """Organizations in id order; `region` matches headquarters or locations in its subtree."""
        filters = OrganizationFilters(
            q=q, kind=kind, sector=sector, region=region, updated_since=parse_since(updated_since)
        )
        rows = await queries.list_organizations(db, filters, pager.after, pager.fetch)
        return representation.respond(pager.page(OrganizationPage, rows, _key))

    @get(
        "/{organization_id:str}",
        operation_id="getOrganization",
        summary="Get an organization",
        responses=_ITEM_ERRORS,
        operation_class=negotiated(OrganizationRead),
    )
    async def get_organization(
        self,
        db: NamedDependency[Database],
        representation: NamedDependency[Representation],
        organization_id: OrganizationId,
    ) -> Response[OrganizationRead]:
        """One organization with its sectors, locations, relations and citations."""
        return representation.respond(await queries.get_organization(db, organization_id))

    @get(
        "/{organization_id:str}/relations",
        operation_id="listOrganizationRelations",
        response_headers=[LINK_HEADER],
        summary="List an organization's relations",
        responses=_ITEM_ERRORS,
        operation_class=negotiated(RelationPage),
    )
    async def list_relations(
        self,
        db: NamedDependency[Database],
        pager: NamedDependency[Pager],
        representation: NamedDependency[Representation],
        organization_id: OrganizationId,
    ) -> Response[RelationPage]:
        """Relations in which the organization is the subject or the object."""
        rows = await queries.list_relations(db, organization_id, pager.after, pager.fetch)
        keyed, cursor = pager.split(rows, lambda row: (row[0],))
        page = RelationPage(items=[relation for _, relation in keyed], next_cursor=cursor)
        return representation.respond(pager.respond(page, cursor))
