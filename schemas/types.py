"""Constrained types shared by every area of the wire contract."""

from __future__ import annotations

from typing import Annotated, Literal

from msgspec import Meta

# The id rule, stated once: the contract's Structs, the path and query parameters and the
# database's columns all take it from here.
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SLUG_MAX_LENGTH = 64

Slug = Annotated[
    str,
    Meta(
        pattern=SLUG_PATTERN,
        min_length=1,
        max_length=SLUG_MAX_LENGTH,
        description="Stable lowercase identifier: letters, digits and single hyphens.",
        examples=["xiangjiang-new-area"],
    ),
]

RegionKind = Literal[
    "world_region",
    "country",
    "province",
    "prefecture_city",
    "district",
    "state_level_new_area",
]
OrganizationKind = Literal["company", "joint_venture", "government_body", "association"]
RegionRole = Literal["headquarters", "located_in", "operates_in", "has_offices_in", "exports_to"]
RelationKind = Literal["joint_venture_partner_of", "parent_of", "subsidiary_of", "partner_of"]
Comparator = Literal["eq", "gt", "gte", "lt", "lte", "approx"]

Iso3166Code = Annotated[
    str,
    Meta(
        pattern=r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$",
        description="ISO 3166-1 alpha-2 country code, or ISO 3166-2 subdivision code.",
        examples=["CN-HN"],
    ),
]

# Written text: any Unicode (Chinese and other non-BMP text included) except the NUL character,
# which PostgreSQL cannot store; one-line names also refuse other control characters.
_NO_CONTROL = r"^[^\x00-\x1f\x7f]*$"
_NO_NUL = r"^[^\x00]*$"

Name = Annotated[str, Meta(min_length=1, max_length=300, pattern=_NO_CONTROL)]
Label = Annotated[str, Meta(min_length=1, max_length=64, pattern=_NO_CONTROL)]
Description = Annotated[str, Meta(min_length=1, max_length=10_000, pattern=_NO_NUL)]
ArticleText = Annotated[
    str,
    Meta(
        min_length=1,
        max_length=500_000,
        description=(
            "The article's full text; citation offsets count its code points. The NUL "
            "character is refused (422)."
        ),
    ),
]
# `\s` differs between Python's and ECMAScript's regexes (U+0085, U+FEFF): both are named here,
# with the C0 and C1 controls, so the server and the contract's readers agree.
HttpUrl = Annotated[
    str, Meta(max_length=2048, pattern=r"^https?://[^\s\x00-\x1f\x7f-\x9f\ufeff]+$")
]
LanguageTag = Annotated[
    str, Meta(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", max_length=16, examples=["en"])
]
UnitCode = Annotated[str, Meta(pattern=r"^[A-Za-z][A-Za-z0-9_]*$", max_length=32, examples=["CNY"])]
