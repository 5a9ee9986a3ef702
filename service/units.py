"""The units registry: what each unit code measures, and how values convert between scales.

A unit is a multiple of a base unit: `CNY_billion` is 1e9 `CNY`, `kV` is 1e3 `V`, `t` is 1e3
`kg`. Two units convert into each other exactly when they share their base; `CNY` never becomes
`USD` (that needs an exchange rate of a date) nor `percent`. This is the one place that knows
every unit code the extractor emits: currencies by ISO 4217 code, physical units, and prices of a
currency per physical unit (`USD_per_t`). A code the registry does not know (written by a client
through the write API) is its own base, with scale 1: it converts only into itself.
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
    "percentage_point",
    "AUD",
    "BRL",
    "CAD",
    "GBP",
    "GHS",
    "HKD",
    "HUF",
    "IDR",
    "INR",
    "JPY",
    "KES",
    "KRW",
    "MAD",
    "MOP",
    "MXN",
    "MYR",
    "NGN",
    "NZD",
    "PLN",
    "RUB",
    "SAR",
    "SGD",
    "THB",
    "TRY",
    "VND",
    "ZAR",
    "AED",
    "EGP",
    "CLP",
    "ETB",
    "CHF",
    "SEK",
    "NOK",
    "DKK",
    "CZK",
    "RON",
    "ILS",
    "QAR",
    "KWD",
    "OMR",
    "BHD",
    "JOD",
    "PKR",
    "BDT",
    "LKR",
    "NPR",
    "TWD",
    "PHP",
    "COP",
    "PEN",
    "ARS",
    "UGX",
    "TZS",
    "ZMW",
    "XOF",
    "UAH",
    "KZT",
    "TND",
    "DZD",
    "RWF",
    "GEL",
    "AZN",
    "AMD",
    "UZS",
    "KGS",
    "RSD",
    "MNT",
    "XAF",
    "MZN",
    "NAD",
    "KHR",
    "BOB",
    "PYG",
    "GTQ",
    "MGA",
    "MWK",
    "BWP",
    "IQD",
    "FJD",
    "AOA",
    "ISK",
    "MKD",
    "LSL",
    "SLE",
    "SZL",
    "GMD",
    "LRD",
    "CDF",
    "GNF",
    "BIF",
    "MRU",
    "LYD",
    "SOS",
    "SDG",
    "SSP",
    "MUR",
    "SCR",
    "BAM",
    "BGN",
    "MDL",
    "BYN",
    "ALL",
    "MMK",
    "LAK",
    "AFN",
    "IRR",
    "LBP",
    "SYP",
    "YER",
    "TJS",
    "BTN",
    "MVR",
    "PGK",
    "ERN",
    "DJF",
    "CVE",
    "ZWG",
    "HNL",
    "NIO",
    "CRC",
    "DOP",
    "UYU",
    "JMD",
    "TTD",
    "GYD",
    "Wh",
    "kWh",
    "MWh",
    "GWh",
    "TWh",
    "kg",
    "t",
    "lb",
    "oz",
    "m",
    "km",
    "m2",
    "km2",
    "ha",
    "ft2",
    "mu",
    "m3",
    "l",
    "gal",
    "bbl",
    "m3_per_d",
    "bbl_per_d",
    "bu",
    "TEU",
    "t_per_ha",
    "kt",
    "Mt",
    "q",
    "acre",
    "feddan",
    "rai",
    "hl",
]

# Currencies by ISO 4217 code, each its own base. The yuan, the dollar and the euro also come in
# the scales Chinese and Western statistics write them in (`_SCALES`).
CURRENCIES: tuple[str, ...] = (
    "CNY", "USD", "EUR", "AUD", "BRL", "CAD", "GBP", "GHS", "HKD", "HUF", "IDR", "INR", "JPY",
    "KES", "KRW", "MAD", "MOP", "MXN", "MYR", "NGN", "NZD", "PLN", "RUB", "SAR", "SGD", "THB",
    "TRY", "VND", "ZAR", "AED", "EGP", "CLP", "ETB", "CHF", "SEK", "NOK", "DKK", "CZK", "RON",
    "ILS", "QAR", "KWD", "OMR", "BHD", "JOD", "PKR", "BDT", "LKR", "NPR", "TWD", "PHP", "COP",
    "PEN", "ARS", "UGX", "TZS", "ZMW", "XOF", "UAH", "KZT", "TND", "DZD", "RWF", "GEL", "AZN",
    "AMD", "UZS", "KGS", "RSD", "MNT", "XAF", "MZN", "NAD", "KHR", "BOB", "PYG", "GTQ", "MGA",
    "MWK", "BWP", "IQD", "FJD",
    # More of Africa's, the Balkans', eastern Europe's, Asia's and the Americas' currencies, in
    # which their regional press writes its amounts.
    "AOA", "ISK", "MKD", "LSL", "SLE", "SZL", "GMD", "LRD", "CDF", "GNF", "BIF", "MRU",
    "LYD", "SOS", "SDG", "SSP", "MUR", "SCR", "BAM", "BGN", "MDL", "BYN", "ALL", "MMK",
    "LAK", "AFN", "IRR", "LBP", "SYP", "YER", "TJS", "BTN", "MVR", "PGK", "ERN", "DJF",
    "CVE", "ZWG", "HNL", "NIO", "CRC", "DOP", "UYU", "JMD", "TTD", "GYD",
)  # fmt: skip
_SCALED_CURRENCIES = ("CNY", "USD", "EUR")
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
_METRIC = {"": 1.0, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12}
# Physical units that are not a metric prefix of their base: (code, base, base units in one).
# Each scale is exact by definition; an ounce (troy or not), a bushel (of which grain) and a
# container are their own bases, since the text rarely says which one it means.
_PHYSICAL = (
    ("kg", "kg", 1.0), ("t", "kg", 1e3), ("kt", "kg", 1e6), ("Mt", "kg", 1e9),
    ("q", "kg", 100.0), ("lb", "kg", 0.45359237), ("oz", "oz", 1.0),
    ("m", "m", 1.0), ("km", "m", 1e3),
    ("m2", "m2", 1.0), ("km2", "m2", 1e6), ("ha", "m2", 1e4), ("ft2", "m2", 0.09290304),
    ("mu", "m2", 2000 / 3), ("acre", "m2", 4046.8564224), ("feddan", "m2", 4200.0),
    ("rai", "m2", 1600.0),
    ("m3", "m3", 1.0), ("l", "m3", 1e-3), ("hl", "m3", 0.1), ("gal", "m3", 0.003785411784),
    ("bbl", "m3", 0.158987294928), ("m3_per_d", "m3_per_d", 1.0),
    ("bbl_per_d", "m3_per_d", 0.158987294928),
    ("bu", "bu", 1.0), ("TEU", "TEU", 1.0),
    # A crop's yield, tonnes per hectare: its own base.
    ("t_per_ha", "t_per_ha", 1.0),
)  # fmt: skip
# What a price can be per ("US$18.20 a wet metric tonne" is in `USD_per_t`): each price unit, a
# currency per one of these, is its own base (a price per tonne is not turned into one per kg).
PRICED_PER: tuple[str, ...] = (
    "t", "kg", "lb", "oz", "bbl", "l", "gal", "bu", "m2", "ha", "ft2", "kWh", "MWh", "TEU",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Unit:
    code: str
    base: str
    scale: float
    """Base units in one of this unit: value * scale is the value in `base`."""


def _registry() -> dict[str, Unit]:
    units = [Unit(code, code, 1.0) for code in ("percent", "percentage_point", "rank")]
    units += [Unit(code, code, 1.0) for code in CURRENCIES]
    for base in (*_SCALED_CURRENCIES, "count"):
        units += [Unit(base + suffix, base, scale) for suffix, scale in _SCALES.items()]
    for base in ("V", "W", "Wh"):
        units += [Unit(prefix + base, base, scale) for prefix, scale in _METRIC.items()]
    units += [Unit(code, base, scale) for code, base, scale in _PHYSICAL]
    known = set(get_args(UnitCode))
    return {unit.code: unit for unit in units if unit.code in known}


UNITS = _registry()
UNIT_CODES: tuple[str, ...] = get_args(UnitCode)
assert set(UNITS) == set(UNIT_CODES), "every code of UnitCode has a scale, and only those"


def price_unit(currency: str, per: str) -> str:
    """The code of a price of `currency` per unit `per`: `USD_per_t` (no "/", which the write
    API's unit pattern rejects)."""
    return f"{currency}_per_{per}"


PRICE_UNITS = {
    code: Unit(code, code, 1.0)
    for code in (price_unit(currency, per) for currency in CURRENCIES for per in PRICED_PER)
}
assert set(PRICED_PER) <= set(UNITS), "a price is per a unit the registry knows"


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
    return UNITS.get(code) or PRICE_UNITS.get(code) or Unit(code, code, 1.0)


def is_known(code: str) -> bool:
    """Whether the registry knows `code`: a unit of `UnitCode` or a price per one."""
    return code in UNITS or code in PRICE_UNITS


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
