"""Units: every code the extractor can emit is one the units registry knows, base and scale."""

from __future__ import annotations

import re
from typing import get_args

import pytest

from schemas import types
from service.extraction import cues
from service.units import is_known, price_unit, unit_of
from tests.extraction.conftest import Read, only_quantity

# Codes the quantity rules write themselves rather than read from a table of cues.
_WRITTEN_BY_RULES = ("count", "rank", "percent", "JPY")


def _codes_the_extractor_can_emit() -> set[str]:
    read = set(cues.CURRENCY_BEFORE.values()) | set(cues.UNIT_AFTER.values())
    per_units = cues.PER_UNIT.values()
    prices = {price_unit(currency, per) for currency in cues.CURRENCIES for per in per_units}
    return read | prices | set(_WRITTEN_BY_RULES)


def test_every_unit_the_extractor_can_emit_is_known_to_the_registry() -> None:
    unknown = sorted(code for code in _codes_the_extractor_can_emit() if not is_known(code))
    assert unknown == []


def test_every_unit_the_extractor_can_emit_is_accepted_by_the_write_api() -> None:
    pattern = re.compile(get_args(types.UnitCode)[1].pattern)
    rejected = sorted(code for code in _codes_the_extractor_can_emit() if not pattern.match(code))
    assert rejected == []


def test_the_extractors_currencies_are_the_registrys() -> None:
    assert all(is_known(code) and unit_of(code).base == code for code in cues.CURRENCIES)


@pytest.mark.parametrize("sentence", ["AMD 9950X chips sold well.", "a six-acre farm"])
def test_a_code_that_names_something_else_and_a_size_adjective_are_no_quantity(
    read: Read, sentence: str
) -> None:
    assert read(sentence).quantities == []


@pytest.mark.parametrize(
    ("sentence", "unit", "base", "scale"),
    [
        ("The port handled 9.3 million TEUs last year.", "TEU", "TEU", 1.0),
        ("The mine shipped 2.1 million tonnes of ore.", "t", "kg", 1e3),
        ("The wind farm will generate 4.2 GWh a day.", "GWh", "Wh", 1e9),
        ("The park covers 1,200 hectares.", "ha", "m2", 1e4),
        (
            "The refinery processes 650,000 barrels per day.",
            "bbl_per_d",
            "m3_per_d",
            0.158987294928,
        ),
        ("Growth slowed by 0.4 percentage point.", "percentage_point", "percentage_point", 1),
        ("Maize yields averaged 2.7 tonnes per hectare.", "t_per_ha", "t_per_ha", 1.0),
        (
            "The shale producer pumped 118,500 barrels of oil equivalent per day.",
            "bbl_per_d",
            "m3_per_d",
            0.158987294928,
        ),
        ("The state received 8,000 crore rupees in orders.", "INR", "INR", 1.0),
        # the units of grain, land and wine that regional papers write
        ("The region shipped 2.1 Mt of grain.", "Mt", "kg", 1e9),
        ("The state harvested 41 million quintals of wheat.", "q", "kg", 100.0),
        ("The county planted 120,000 acres of corn.", "acre", "m2", 4046.8564224),
        ("The governorate planted 90,000 feddans of cane.", "feddan", "m2", 4200.0),
        ("The co-operative made 310,000 hectolitres of wine.", "hl", "m3", 0.1),
        # currencies of the Caucasus, Central Asia, southern Africa and Latin America
        ("Georgia's exports rose to 4.2 billion lari.", "GEL", "GEL", 1.0),
        ("Erongo earned N$3.2 billion.", "NAD", "NAD", 1.0),
        ("Paraguay's soy earned 20 trillion guaranis.", "PYG", "PYG", 1.0),
        ("The budget is 5.4 trillion Uzbek soums.", "UZS", "UZS", 1.0),
    ],
)
def test_quantities_carry_the_registrys_base_and_scale(
    read: Read, sentence: str, unit: str, base: str, scale: float
) -> None:
    quantity = only_quantity(read(sentence))
    assert (quantity.unit, quantity.unit_base, quantity.unit_scale) == (unit, base, scale)
