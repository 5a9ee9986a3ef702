"""Reading citations back: the columns every query selects for one, and the Struct they make."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlmodel import col

from schemas.citations import Citation as CitationOut
from service.db.tables import (
    Citation,
    Observation,
    OrganizationCitation,
    OrganizationRegion,
    OrganizationRelation,
    RegionCitation,
)

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


@dataclass(frozen=True, slots=True)
class Citer:
    """A table whose rows cite: the citation column, and the id a client knows a row by."""

    label: str
    owner: Any
    citation: Any


# Everything that can cite a citation. A citation none of them uses is removed; a source one
# of them cites cannot be deleted.
CITERS = (
    Citer("observations", col(Observation.id), col(Observation.citation_id)),
    Citer("regions", col(RegionCitation.region_id), col(RegionCitation.citation_id)),
    Citer(
        "organizations",
        col(OrganizationCitation.organization_id),
        col(OrganizationCitation.citation_id),
    ),
    Citer(
        "region links of",
        col(OrganizationRegion.organization_id),
        col(OrganizationRegion.citation_id),
    ),
    Citer(
        "relations of", col(OrganizationRelation.subject_id), col(OrganizationRelation.citation_id)
    ),
)
