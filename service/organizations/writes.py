"""HTTP for writing organizations, their region links and their relations."""

from __future__ import annotations

from http import HTTPStatus
from typing import Annotated

from litestar import Controller, Response, delete, get, patch, post
from litestar.di import NamedDependency
from litestar.openapi.spec import Example
from litestar.params import JSONBody, PathParameter

from schemas.organizations import (
    CitationUpdate,
    OrganizationCreate,
    OrganizationRead,
    OrganizationRegionLink,
    OrganizationUpdate,
    RegionLinkCreate,
    RelationCreate,
    RelationRead,
)
from schemas.types import RegionRole, RelationKind
from service.curation import flow
from service.curation.flow import AnyRequest, Target
from service.curation.openapi import CHILD_CREATE_ERRORS, CREATED, DELETED, UPDATED
from service.curation.params import IdempotencyKey, IfMatch
from service.curation.transaction import WriteSession
from service.db.connection import Database
from service.openapi import problem_responses
from service.organizations import commands, links, queries
from service.params import OrganizationId, RegionId
from service.params import OrganizationId as ObjectId

Role = Annotated[
    RegionRole,
    PathParameter(
        description="The organization's role in the region.",
        examples=[Example(summary="headquarters", value="headquarters")],
    ),
]
Kind = Annotated[
    RelationKind,
    PathParameter(
        description="The organization is `kind` of the object.",
        examples=[Example(summary="joint venture partner", value="joint_venture_partner_of")],
    ),
]

_LINK_PATH = "/{organization_id:str}/region-links/{role:str}/{region_id:str}"
_RELATION_PATH = "/{organization_id:str}/relations/{kind:str}/{object_id:str}"
_ITEM_ERRORS = problem_responses(HTTPStatus.BAD_REQUEST, HTTPStatus.NOT_FOUND)


def _organization(organization_id: str) -> Target:
    return Target("organizations", organization_id, f"/v1/organizations/{organization_id}")


def _link(organization_id: str, role: str, region_id: str) -> Target:
    link_id = f"{organization_id}/{role}/{region_id}"
    return Target(
        "region_links",
        link_id,
        f"/v1/organizations/{organization_id}/region-links/{role}/{region_id}",
    )


def _relation(subject_id: str, kind: str, object_id: str) -> Target:
    relation_id = f"{subject_id}/{kind}/{object_id}"
    return Target(
        "relations", relation_id, f"/v1/organizations/{subject_id}/relations/{kind}/{object_id}"
    )


def _organization_loader(organization_id: str) -> flow.Load[OrganizationRead]:
    async def load(db: Database) -> OrganizationRead:
        return await queries.get_organization(db, organization_id)

    return load


def _link_loader(
    organization_id: str, role: RegionRole, region_id: str
) -> flow.Load[OrganizationRegionLink]:
    async def load(db: Database) -> OrganizationRegionLink:
        await links.ensure_organization(db, organization_id)
        return await links.get_region_link(db, organization_id, role, region_id)

    return load


def _relation_loader(
    subject_id: str, kind: RelationKind, object_id: str
) -> flow.Load[RelationRead]:
    async def load(db: Database) -> RelationRead:
        await links.ensure_organization(db, subject_id)
        return await links.get_relation(db, subject_id, kind, object_id)

    return load


def _record_organization_change(session: WriteSession, organization_id: str, *fields: str) -> None:
    target = _organization(organization_id)
    session.record(target.resource, target.resource_id, target.path, "update", fields)


def _link_fields(role: str) -> tuple[str, ...]:
    return ("headquarters", "regions") if role == "headquarters" else ("regions",)


class OrganizationWriteController(Controller):
    path = "/v1/organizations"
    tags = ["organizations"]

    @post("/", operation_id="createOrganization", summary="Create an organization", **CREATED)
    async def create_organization(
        self,
        request: AnyRequest,
        data: JSONBody[OrganizationCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[OrganizationRead]:
        """A new organization with its sectors, aliases and citations."""

        async def insert(session: WriteSession) -> tuple[Target, flow.Load[OrganizationRead]]:
            await commands.create_organization(session, data)
            return _organization(data.id), _organization_loader(data.id)

        return await flow.create(request, idempotency_key, insert)

    @patch(
        "/{organization_id:str}",
        operation_id="updateOrganization",
        summary="Update an organization",
        **UPDATED,
    )
    async def update_organization(
        self,
        request: AnyRequest,
        organization_id: OrganizationId,
        data: JSONBody[OrganizationUpdate],
        if_match: IfMatch = None,
    ) -> Response[OrganizationRead]:
        """Change the fields sent; `sectors`, `aliases` and `citations` replace the stored lists."""

        async def apply(session: WriteSession, current: OrganizationRead) -> None:
            await commands.update_organization(session, current, data)

        target, load = _organization(organization_id), _organization_loader(organization_id)
        return await flow.update(request, if_match, target, load, apply)

    @delete(
        "/{organization_id:str}",
        operation_id="deleteOrganization",
        summary="Delete an organization",
        **DELETED,
    )
    async def delete_organization(
        self, request: AnyRequest, organization_id: OrganizationId, if_match: IfMatch = None
    ) -> Response[None]:
        """Only an organization with no observations, region links or relations left."""
        target, load = _organization(organization_id), _organization_loader(organization_id)
        return await flow.delete(request, if_match, target, load, commands.delete_organization)

    @post(
        "/{organization_id:str}/region-links",
        operation_id="createOrganizationRegionLink",
        summary="Place an organization in a region",
        **(CREATED | {"responses": CHILD_CREATE_ERRORS}),
    )
    async def create_region_link(
        self,
        request: AnyRequest,
        organization_id: OrganizationId,
        data: JSONBody[RegionLinkCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[OrganizationRegionLink]:
        """The organization has `role` in `region`, as the citation says."""

        async def insert(session: WriteSession) -> tuple[Target, flow.Load[OrganizationRegionLink]]:
            await links.ensure_organization(session.db, organization_id)
            await commands.create_region_link(session, organization_id, data)
            _record_organization_change(session, organization_id, *_link_fields(data.role))
            target = _link(organization_id, data.role, data.region)
            return target, _link_loader(organization_id, data.role, data.region)

        return await flow.create(request, idempotency_key, insert)

    @get(
        _LINK_PATH,
        operation_id="getOrganizationRegionLink",
        summary="Get a region link",
        responses=_ITEM_ERRORS,
    )
    async def get_region_link(
        self,
        db: NamedDependency[Database],
        organization_id: OrganizationId,
        role: Role,
        region_id: RegionId,
    ) -> OrganizationRegionLink:
        """The organization's `role` in the region, with its citation."""
        return await _link_loader(organization_id, role, region_id)(db)

    @patch(
        _LINK_PATH,
        operation_id="updateOrganizationRegionLink",
        summary="Cite a region link anew",
        **UPDATED,
    )
    async def update_region_link(
        self,
        request: AnyRequest,
        organization_id: OrganizationId,
        role: Role,
        region_id: RegionId,
        data: JSONBody[CitationUpdate],
        if_match: IfMatch = None,
    ) -> Response[OrganizationRegionLink]:
        """Replace the link's citation."""

        async def apply(session: WriteSession, _: OrganizationRegionLink) -> None:
            await commands.recite_region_link(session, organization_id, role, region_id, data)
            _record_organization_change(session, organization_id, "regions")

        target, load = (
            _link(organization_id, role, region_id),
            _link_loader(organization_id, role, region_id),
        )
        return await flow.update(request, if_match, target, load, apply)

    @delete(
        _LINK_PATH,
        operation_id="deleteOrganizationRegionLink",
        summary="Delete a region link",
        **DELETED,
    )
    async def delete_region_link(
        self,
        request: AnyRequest,
        organization_id: OrganizationId,
        role: Role,
        region_id: RegionId,
        if_match: IfMatch = None,
    ) -> Response[None]:
        """The organization no longer has this role in this region."""

        async def remove(session: WriteSession, _: OrganizationRegionLink) -> None:
            await commands.delete_region_link(session, organization_id, role, region_id)
            _record_organization_change(session, organization_id, *_link_fields(role))

        target, load = (
            _link(organization_id, role, region_id),
            _link_loader(organization_id, role, region_id),
        )
        return await flow.delete(request, if_match, target, load, remove)

    @post(
        "/{organization_id:str}/relations",
        operation_id="createOrganizationRelation",
        summary="Relate an organization to another",
        **(CREATED | {"responses": CHILD_CREATE_ERRORS}),
    )
    async def create_relation(
        self,
        request: AnyRequest,
        organization_id: OrganizationId,
        data: JSONBody[RelationCreate],
        idempotency_key: IdempotencyKey = None,
    ) -> Response[RelationRead]:
        """The organization of the path is `kind` of `object`, as the citation says."""

        async def insert(session: WriteSession) -> tuple[Target, flow.Load[RelationRead]]:
            await links.ensure_organization(session.db, organization_id)
            await commands.create_relation(session, organization_id, data)
            for oid in (organization_id, data.object):
                _record_organization_change(session, oid, "relations")
            target = _relation(organization_id, data.kind, data.object)
            return target, _relation_loader(organization_id, data.kind, data.object)

        return await flow.create(request, idempotency_key, insert)

    @get(
        _RELATION_PATH,
        operation_id="getOrganizationRelation",
        summary="Get a relation",
        responses=_ITEM_ERRORS,
    )
    async def get_relation(
        self,
        db: NamedDependency[Database],
        organization_id: OrganizationId,
        kind: Kind,
        object_id: ObjectId,
    ) -> RelationRead:
        """One relation of which the organization is the subject."""
        return await _relation_loader(organization_id, kind, object_id)(db)

    @patch(
        _RELATION_PATH,
        operation_id="updateOrganizationRelation",
        summary="Cite a relation anew",
        **UPDATED,
    )
    async def update_relation(
        self,
        request: AnyRequest,
        organization_id: OrganizationId,
        kind: Kind,
        object_id: ObjectId,
        data: JSONBody[CitationUpdate],
        if_match: IfMatch = None,
    ) -> Response[RelationRead]:
        """Replace the relation's citation."""

        async def apply(session: WriteSession, _: RelationRead) -> None:
            await commands.recite_relation(session, organization_id, kind, object_id, data)
            for oid in (organization_id, object_id):
                _record_organization_change(session, oid, "relations")

        target, load = (
            _relation(organization_id, kind, object_id),
            _relation_loader(organization_id, kind, object_id),
        )
        return await flow.update(request, if_match, target, load, apply)

    @delete(
        _RELATION_PATH,
        operation_id="deleteOrganizationRelation",
        summary="Delete a relation",
        **DELETED,
    )
    async def delete_relation(
        self,
        request: AnyRequest,
        organization_id: OrganizationId,
        kind: Kind,
        object_id: ObjectId,
        if_match: IfMatch = None,
    ) -> Response[None]:
        """The organizations are no longer related this way."""

        async def remove(session: WriteSession, _: RelationRead) -> None:
            await commands.delete_relation(session, organization_id, kind, object_id)
            for oid in (organization_id, object_id):
                _record_organization_change(session, oid, "relations")

        target, load = (
            _relation(organization_id, kind, object_id),
            _relation_loader(organization_id, kind, object_id),
        )
        return await flow.delete(request, if_match, target, load, remove)
