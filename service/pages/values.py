"""Values as a person reads them: "more than 140 countries", "450 billion yuan", "8%"."""

from __future__ import annotations

from service.units import unit_base, unit_scale

# How a sentence says the bound; `eq` says nothing.
_COMPARATOR_WORDS = {
    "eq": "",
    "gt": "more than",
    "gte": "at least",
    "lt": "less than",
    "lte": "up to",
    "approx": "about",
}
_COMPARATOR_SIGNS = {"eq": "", "gt": ">", "gte": "≥", "lt": "<", "lte": "≤", "approx": "≈"}
_LARGE = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_CURRENCIES = {"CNY": ("", " yuan"), "USD": ("US$", ""), "EUR": ("€", "")}


def number(value: float, digits: int = 2) -> str:
    """`value` with thousands separators and at most `digits` decimals, no trailing zeros."""
    text = f"{value:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def scaled(value: float) -> str:
    """Large magnitudes in words, as news writes them: 450000000000 -> "450 billion"."""
    for size, word in _LARGE:
        if abs(value) >= size:
            return f"{number(value / size)} {word}"
    return number(value)


def ordinal(value: float) -> str:
    whole = int(value)
    if whole != value:
        return number(value)
    suffix = "th" if 10 <= whole % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(whole % 10, "th")
    return f"{whole}{suffix}"


def readable(value: float, unit: str, comparator: str, counted: str = "") -> str:
    """The value in words: `counted` names what a count counts ("countries and regions")."""
    base = unit_base(unit)
    amount = value * unit_scale(unit)
    bound = _COMPARATOR_WORDS.get(comparator, "")
    if base == "rank":
        if comparator == "lte":
            return f"in the top {number(amount)}"  # "one of China's top 500 enterprises"
        return f"ranked {bound} {ordinal(amount)}".replace("  ", " ")
    if base in _CURRENCIES:
        prefix, suffix = _CURRENCIES[base]
        text = f"{prefix}{scaled(amount)}{suffix}"
    elif base == "percent":
        text = f"{number(amount)}%"
    elif base == "count":
        text = f"{scaled(amount)} {counted}".rstrip()
    else:
        text = f"{number(value)} {unit}"
    return f"{bound} {text}".strip()


def normalised(value: float, unit: str, comparator: str) -> str:
    """The stored value in its unit, exact: "> 140 count", "450,000,000,000 CNY"."""
    sign = _COMPARATOR_SIGNS.get(comparator, "")
    return f"{sign} {number(value, 6)} {unit}".strip()


def comparator_words(comparator: str) -> str:
    return _COMPARATOR_WORDS.get(comparator, "") or "exactly"
