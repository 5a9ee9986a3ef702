"""`?unit=`: check once that every selected observation converts, then convert each batch."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from schemas.observations import ObservationRead
from service.db.connection import Database
from service.errors import InvalidParameterError
from service.observations.queries import ObservationFilters, observation_units
from service.units import IncompatibleUnits, in_unit, unit_base

Conversion = Callable[[Sequence[ObservationRead]], list[ObservationRead]]


def _unchanged(rows: Sequence[ObservationRead]) -> list[ObservationRead]:
    return list(rows)


async def checked_conversion(
    db: Database, filters: ObservationFilters, unit: str | None
) -> Conversion:
    """The conversion into `unit` of what `filters` select; a 400 naming both units if any
    selected observation is in a unit that does not convert (percent into CNY_billion).

    The whole selection is checked, not one page, so a client never meets the refusal midway
    through its pages or an export.
    """
    if unit is None:
        return _unchanged
    for source in await observation_units(db, filters):
        if unit_base(source) != unit_base(unit):
            raise InvalidParameterError("unit", str(IncompatibleUnits(source, unit)))

    def convert(rows: Sequence[ObservationRead]) -> list[ObservationRead]:
        return [in_unit(observation, unit) for observation in rows]

    return convert
