"""The units registry: what each unit code measures, and how values convert between scales.

A unit is a multiple of a base unit: `CNY_billion` is 1e9 `CNY`, `kV` is 1e3 `V`. Two units
convert into each other exactly when they share their base; `CNY` never becomes `USD` (that
needs an exchange rate of a date) nor `percent`. A code the registry does not know (written by a
client through the write API) is its own base, with scale 1: it converts only into itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, get_args

from msgspec import structs

from schemas.observations import ObservationRead

UnitCode = Literal[
    "CNY",
    "CNY_thousand",
    "CNY_ten_thousand",
    "CNY_million",
    "CNY_hundred_million",
    "CNY_billion",
    "CNY_trillion",
    "USD",
    "USD_thousand",
    "USD_million",
    "USD_billion",
    "USD_trillion",
    "EUR",
    "EUR_thousand",
    "EUR_million",
    "EUR_billion",
    "EUR_trillion",
    "percent",
    "count",
    "count_thousand",
    "count_ten_thousand",
    "count_million",
    "rank",
    "V",
    "kV",
    "W",
    "kW",
    "MW",
    "GW",
]

# Chinese sources count in 万 (1e4) and 亿 (1e8) as often as in thousands and millions.
_SCALES = {
    "": 1.0,
    "_thousand": 1e3,
    "_ten_thousand": 1e4,
    "_million": 1e6,
    "_hundred_million": 1e8,
    "_billion": 1e9,
    "_trillion": 1e12,
}
_METRIC = {"": 1.0, "k": 1e3, "M": 1e6, "G": 1e9}


@dataclass(frozen=True, slots=True)
class Unit:
    code: str
    base: str
    scale: float
    """Base units in one of this unit: value * scale is the value in `base`."""


def _registry() -> dict[str, Unit]:
    units = [Unit(code, code, 1.0) for code in ("percent", "rank")]
    for base in ("CNY", "USD", "EUR", "count"):
        units += [Unit(base + suffix, base, scale) for suffix, scale in _SCALES.items()]
    for base in ("V", "W"):
        units += [Unit(prefix + base, base, scale) for prefix, scale in _METRIC.items()]
    known = set(get_args(UnitCode))
    return {unit.code: unit for unit in units if unit.code in known}


UNITS = _registry()
UNIT_CODES: tuple[str, ...] = get_args(UnitCode)
assert set(UNITS) == set(UNIT_CODES), "every code of UnitCode has a scale, and only those"


class IncompatibleUnits(ValueError):
    def __init__(self, source: str, target: str) -> None:
        super().__init__(
            f"Values in {source!r} cannot be converted to {target!r}: "
            f"{source!r} is a multiple of {unit_of(source).base!r}, "
            f"{target!r} of {unit_of(target).base!r}."
        )
        self.source = source
        self.target = target


def unit_of(code: str) -> Unit:
    """The registry's unit, or for an unknown code a unit that is its own base."""
    return UNITS.get(code) or Unit(code, code, 1.0)


def unit_base(code: str) -> str:
    return unit_of(code).base


def unit_scale(code: str) -> float:
    return unit_of(code).scale


def unit_fields(code: str) -> dict[str, Any]:
    """The unit fields every value on the wire carries: `unit`, its `unit_base` and `unit_scale`."""
    unit = unit_of(code)
    return {"unit": code, "unit_base": unit.base, "unit_scale": unit.scale}


def convert_value(value: float, source: str, target: str) -> float:
    """`value` in `source` expressed in `target`; raises IncompatibleUnits across bases."""
    source_unit, target_unit = unit_of(source), unit_of(target)
    if source_unit.base != target_unit.base:
        raise IncompatibleUnits(source, target)
    # Multiply or divide by the ratio of scales, whichever is >= 1: powers of ten above one are
    # exact in binary floating point, their reciprocals are not (450e9 * 1e-9 != 450).
    if source_unit.scale >= target_unit.scale:
        return value * (source_unit.scale / target_unit.scale)
    return value / (target_unit.scale / source_unit.scale)


def in_unit(observation: ObservationRead, target: str) -> ObservationRead:
    """The observation with its value expressed in `target` (unchanged if already in it)."""
    if observation.unit == target:
        return observation
    return structs.replace(
        observation,
        value=convert_value(observation.value, observation.unit, target),
        **unit_fields(unit_of(target).code),
    )
