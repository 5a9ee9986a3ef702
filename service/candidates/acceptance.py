"""Accepting a candidate: the observation it states, written by the observation commands.

A proposed subject or indicator the curator accepts is created by the region, organization or
indicator commands in the same transaction, each recorded as its own revision, so the change
feed shows what appeared in the order it appeared.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeVar, get_args

import msgspec
from msgspec import UNSET
from sqlalchemy import select
from sqlmodel import col

from schemas.candidates import (
    CandidateAcceptInput,
    CandidateRead,
    NewIndicatorInput,
    NewOrganizationInput,
    NewRegionInput,
)
from schemas.indicators import IndicatorCreate, IndicatorRead
from schemas.observations import ObservationCreate
from schemas.organizations import OrganizationCreate, OrganizationRead
from schemas.regions import RegionCreate, RegionRead
from schemas.types import OrganizationKind, RegionKind
from service.candidates import commands
from service.candidates.slugs import numbered, slugify
from service.curation.transaction import WriteSession
from service.db.tables import Indicator, Observation
from service.errors import ConflictError, UnprocessableError
from service.indicators.commands import create_indicator
from service.observations.commands import create_observation
from service.organizations.commands import create_organization
from service.regions.commands import create_region
from service.units import unit_base, unit_scale

T = TypeVar("T")
Subject = tuple[str | None, str | None]
"""(region, organization): exactly one is set."""

_SUBJECT_FIELDS = ("region", "organization", "new_region", "new_organization")
_INDICATOR_FIELDS = ("indicator", "new_indicator")
_FREE_ID_ATTEMPTS = 50


async def accept(session: WriteSession, candidate_id: int, data: CandidateAcceptInput) -> str:
    """Make the candidate an observation, corrected by `data`; returns the observation's id."""
    candidate = await commands.proposed(session, candidate_id)
    for fields in (_SUBJECT_FIELDS, _INDICATOR_FIELDS):
        if len(sent := [name for name in fields if getattr(data, name) is not UNSET]) > 1:
            raise UnprocessableError(sent[1], f"give at most one of {', '.join(fields)}")
    region, organization = await _subject(session, candidate, data)
    indicator = await _indicator(session, candidate, data)
    # A unit that does not fit the value is the fault of the indicator the curator named, or of
    # the unit given to the one created.
    unit_field = "indicator" if data.new_indicator is UNSET else "new_indicator.unit"
    value = data.value
    if value is UNSET:
        value = await _value(session, candidate, indicator, unit_field)
    period = {
        name: getattr(data, name) if getattr(data, name) is not UNSET else getattr(candidate, name)
        for name in ("period_start", "period_end", "period_label")
    }
    observation_id = data.observation_id or await _free_id(
        session, region or organization or "", indicator, period["period_label"]
    )
    observation = _checked(
        ObservationCreate,
        {
            "id": observation_id,
            "indicator": indicator,
            "region": region,
            "organization": organization,
            **period,
            "value": value,
            "comparator": data.comparator or candidate.comparator,
            "as_reported": data.as_reported or candidate.as_reported,
            "citation": _sentence(candidate),
        },
        "",
    )
    await create_observation(session, observation)
    await commands.mark_accepted(session, candidate.id, observation.id)
    return observation.id


async def _subject(
    session: WriteSession, candidate: CandidateRead, data: CandidateAcceptInput
) -> Subject:
    if data.region is not UNSET:
        return data.region, None
    if data.organization is not UNSET:
        return None, data.organization
    if data.new_region is not UNSET:
        return await _new_region(session, candidate, data.new_region), None
    if data.new_organization is not UNSET:
        return None, await _new_organization(session, candidate, data.new_organization)
    subject = candidate.subject
    if subject.kind == "region":
        return subject.id or await _new_region(session, candidate, NewRegionInput()), None
    return None, subject.id or await _new_organization(session, candidate, NewOrganizationInput())


async def _new_region(
    session: WriteSession, candidate: CandidateRead, given: NewRegionInput
) -> str:
    name = given.name or candidate.subject.name
    kind = given.kind or _kind(candidate, get_args(RegionKind), "new_region.kind")
    region_id = given.id or _slug_of(name, "new_region.id")
    body = {"id": region_id, "name": name, "kind": kind, "parent": given.parent}
    data = _checked(RegionCreate, body | {"citations": [_sentence(candidate)]}, "new_region")
    with _fields_under("new_region"):
        await create_region(session, data)
    session.record("regions", data.id, f"/v1/regions/{data.id}", "create", _fields(RegionRead))
    return data.id


async def _new_organization(
    session: WriteSession, candidate: CandidateRead, given: NewOrganizationInput
) -> str:
    name = given.name or candidate.subject.name
    kind = given.kind or _kind(candidate, get_args(OrganizationKind), "new_organization.kind")
    organization_id = given.id or _slug_of(name, "new_organization.id")
    body = {"id": organization_id, "name": name, "short_name": given.short_name, "kind": kind}
    data = _checked(
        OrganizationCreate, body | {"citations": [_sentence(candidate)]}, "new_organization"
    )
    with _fields_under("new_organization"):
        await create_organization(session, data)
    path = f"/v1/organizations/{data.id}"
    session.record("organizations", data.id, path, "create", _fields(OrganizationRead))
    return data.id


async def _indicator(
    session: WriteSession, candidate: CandidateRead, data: CandidateAcceptInput
) -> str:
    if data.indicator is not UNSET:
        return data.indicator
    if data.new_indicator is not UNSET:
        return await _new_indicator(session, candidate, data.new_indicator)
    return candidate.indicator.id or await _new_indicator(session, candidate, NewIndicatorInput())


async def _new_indicator(
    session: WriteSession, candidate: CandidateRead, given: NewIndicatorInput
) -> str:
    name = given.name or candidate.indicator.name
    body = {
        "id": given.id or _slug_of(name, "new_indicator.id"),
        "name": name,
        "description": given.description or f"{name}, as first read in {candidate.source}.",
        "unit": given.unit or candidate.unit_base,
    }
    data = _checked(IndicatorCreate, body, "new_indicator")
    with _fields_under("new_indicator"):
        await create_indicator(session, data)
    session.record(
        "indicators", data.id, f"/v1/indicators/{data.id}", "create", _fields(IndicatorRead)
    )
    return data.id


async def _value(
    session: WriteSession, candidate: CandidateRead, indicator: str, field: str
) -> float:
    """The candidate's value in the indicator's unit: same base, another scale at most."""
    unit = await session.connection.scalar(
        select(col(Indicator.unit)).where(col(Indicator.id) == indicator)
    )
    if unit is None:
        raise UnprocessableError("indicator", f"no indicator has the id {indicator!r}")
    if unit_base(unit) != candidate.unit_base:
        raise UnprocessableError(
            field,
            f"indicator {indicator!r} counts in {unit}, the candidate's value is in "
            f"{candidate.unit}: choose or create an indicator in {candidate.unit_base}",
        )
    # Twelve significant digits drop the float noise of the scaling (62.6 * 1e9), so the value
    # equals the one its words state when the write path checks them.
    return float(f"{candidate.value * candidate.unit_scale / unit_scale(unit):.12g}")


async def _free_id(
    session: WriteSession, subject: str, indicator: str, period_label: str | None
) -> str:
    """subject-indicator-period, numbered when taken: readable, and new."""
    base = slugify(f"{subject} {indicator} {period_label or ''}")
    for attempt in range(1, _FREE_ID_ATTEMPTS + 1):
        candidate_id = base if attempt == 1 else numbered(base, attempt)
        taken = await session.connection.scalar(
            select(col(Observation.id)).where(col(Observation.id) == candidate_id)
        )
        if taken is None:
            return candidate_id
    raise ConflictError(f"Observation ids {base!r} to -{_FREE_ID_ATTEMPTS} are taken; give one.")


def _kind(candidate: CandidateRead, kinds: tuple[str, ...], field: str) -> str:
    if candidate.subject_suggested_kind in kinds:
        return candidate.subject_suggested_kind
    raise UnprocessableError(
        field, f"say which kind {candidate.subject.name!r} is: one of {', '.join(kinds)}"
    )


def _slug_of(name: str, field: str) -> str:
    if slug := slugify(name):
        return slug
    raise UnprocessableError(field, f"{name!r} makes no id of Latin letters and digits; give one")


def _sentence(candidate: CandidateRead) -> dict[str, Any]:
    citation = candidate.citation
    return {"source": citation.source, "quote": citation.quote, "start": citation.start}


def _fields(read_type: type[msgspec.Struct]) -> list[str]:
    return list(read_type.__struct_fields__)


@contextmanager
def _fields_under(prefix: str) -> Iterator[None]:
    """Name a field a command refuses (`parent`) as the body has it (`new_region.parent`)."""
    try:
        yield
    except UnprocessableError as exc:
        if not exc.errors:
            raise
        raise UnprocessableError(f"{prefix}.{exc.errors[0].name}", exc.errors[0].reason) from None


def _checked(body_type: type[T], body: dict[str, Any], field: str) -> T:
    """`body` as `body_type`, every constraint of the wire contract checked (422 naming it)."""
    try:
        return msgspec.convert(body, body_type)
    except msgspec.ValidationError as exc:
        # msgspec says where: "... - at `$.citations[0].quote`".
        where = str(exc).rpartition("`$")[2].rstrip("`").lstrip(".")
        name = ".".join(part for part in (field, where) if part) or field
        raise UnprocessableError(name, str(exc).partition(" - at")[0]) from None
