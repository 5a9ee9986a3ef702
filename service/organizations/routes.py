"""HTTP for organizations, their region links and their relations: the declarations their
writes are made from, and their reads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from litestar import Response, Router, get
from litestar.di import NamedDependency
from litestar.openapi.spec import Example
from litestar.params import PathParameter

from schemas.organizations import (
    OrganizationCreate,
    OrganizationPage,
    OrganizationRead,
    OrganizationRegionLink,
    OrganizationUpdate,
    RegionLinkCreate,
    RelationCreate,
    RelationPage,
    RelationRead,
)
from schemas.types import RegionRole, RelationKind
from service.changes.since import parse_since
from service.curation.edges import CitedEdge, Doc, EdgeDocs, Touched, edge_handlers
from service.curation.resource import Resource, Structs, Writes, write_handlers
from service.db.connection import Database
from service.organizations import commands, links, queries
from service.organizations.queries import OrganizationFilters
from service.pagination import LINK_HEADER, Key, Pager
from service.params import (
    OrganizationId,
    OrganizationKindFilter,
    RegionFilter,
    RegionId,
    SearchText,
    SectorFilter,
    UpdatedSince,
)
from service.reads import ITEM_ERRORS, Listing, item_handler, list_handler
from service.representations.openapi import negotiated
from service.representations.respond import Representation

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

ORGANIZATIONS = Resource(
    name="organization",
    id_type=OrganizationId,
    structs=Structs(OrganizationRead, OrganizationCreate, OrganizationUpdate),
    load=queries.get_organization,
    writes=Writes(
        commands.create_organization, commands.update_organization, commands.delete_organization
    ),
)


def _link_touches(organization_id: str, role: str, _: str, recited: bool) -> Touched:
    # A headquarters link is also the organization's `headquarters`.
    if recited or role != "headquarters":
        return [(organization_id, ("regions",))]
    return [(organization_id, ("headquarters", "regions"))]


REGION_LINKS = CitedEdge(
    owner=ORGANIZATIONS,
    name="region_link",
    segment="region-links",
    key=(("role", Role), ("region_id", RegionId)),
    read=OrganizationRegionLink,
    create=RegionLinkCreate,
    key_of=lambda data: (data.role, data.region),
    owner_exists=links.ensure_organization,
    load=links.get_region_link,
    insert=commands.create_region_link,
    recite=commands.recite_region_link,
    remove=commands.delete_region_link,
    touches=_link_touches,
    docs=EdgeDocs(
        create=Doc(
            "Place an organization in a region",
            "The organization has `role` in `region`, as the citation says.",
        ),
        get=Doc("Get a region link", "The organization's `role` in the region, with its citation."),
        update=Doc("Cite a region link anew", "Replace the link's citation."),
        delete=Doc(
            "Delete a region link", "The organization no longer has this role in this region."
        ),
    ),
)


def _relation_touches(subject_id: str, _: str, object_id: str, __: bool) -> Touched:
    return [(subject_id, ("relations",)), (object_id, ("relations",))]


RELATIONS = CitedEdge(
    owner=ORGANIZATIONS,
    name="relation",
    segment="relations",
    key=(("kind", Kind), ("object_id", OrganizationId)),
    read=RelationRead,
    create=RelationCreate,
    key_of=lambda data: (data.kind, data.object),
    owner_exists=links.ensure_organization,
    load=links.get_relation,
    insert=commands.create_relation,
    recite=commands.recite_relation,
    remove=commands.delete_relation,
    touches=_relation_touches,
    docs=EdgeDocs(
        create=Doc(
            "Relate an organization to another",
            "The organization of the path is `kind` of `object`, as the citation says.",
        ),
        get=Doc("Get a relation", "One relation of which the organization is the subject."),
        update=Doc("Cite a relation anew", "Replace the relation's citation."),
        delete=Doc("Delete a relation", "The organizations are no longer related this way."),
    ),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class OrganizationSelection:
    """The parameters of the export: which organizations."""

    q: SearchText = None
    kind: OrganizationKindFilter = None
    sector: SectorFilter = None
    region: RegionFilter = None

    def filters(self) -> OrganizationFilters:
        return OrganizationFilters(q=self.q, kind=self.kind, sector=self.sector, region=self.region)


@dataclass(frozen=True, slots=True, kw_only=True)
class OrganizationQuery(OrganizationSelection):
    """The parameters of the list: the export's, and what changed since a moment."""

    updated_since: UpdatedSince = None

    def filters(self) -> OrganizationFilters:
        return OrganizationFilters(
            q=self.q,
            kind=self.kind,
            sector=self.sector,
            region=self.region,
            updated_since=parse_since(self.updated_since),
        )


async def _page(
    db: Database, query: OrganizationQuery, after: Key | None, limit: int
) -> list[OrganizationRead]:
    return await queries.list_organizations(db, query.filters(), after, limit)


@get(
    "/{organization_id:str}/relations",
    operation_id="listOrganizationRelations",
    response_headers=[LINK_HEADER],
    summary="List an organization's relations",
    responses=ITEM_ERRORS,
    operation_class=negotiated(RelationPage),
)
async def list_relations(
    db: NamedDependency[Database],
    pager: NamedDependency[Pager],
    representation: NamedDependency[Representation],
    organization_id: OrganizationId,
) -> Response[RelationPage]:
    """Relations in which the organization is the subject or the object."""
    rows = await queries.list_relations(db, organization_id, pager.after, pager.fetch)
    # Paged by the relations' row ids: a relation is listed under both its organizations.
    keyed, cursor = pager.split(rows, lambda row: (row[0],))
    page = RelationPage(items=[relation for _, relation in keyed], next_cursor=cursor)
    return representation.respond(pager.respond(page, cursor))


router = Router(
    "/v1/organizations",
    tags=["organizations"],
    route_handlers=[
        item_handler(ORGANIZATIONS),
        list_handler(
            Listing(
                name="list_organizations",
                operation_id="listOrganizations",
                summary="List organizations",
                doc=(
                    "Organizations in id order; `region` matches headquarters or locations in "
                    "its subtree."
                ),
                page=OrganizationPage,
                query=OrganizationQuery,
                fetch=_page,
            )
        ),
        list_relations,
        *write_handlers(ORGANIZATIONS),
        *edge_handlers(REGION_LINKS),
        *edge_handlers(RELATIONS),
    ],
)
