"""Ids made from names: the readable lowercase slugs every resource is known by."""

from __future__ import annotations

import re
import unicodedata

SLUG_MAX_LENGTH = 64
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str, max_length: int = SLUG_MAX_LENGTH) -> str:
    """`text` as a slug ("Hunan Province" -> "hunan-province"); "" when no letter or digit is
    Latin (a name in Chinese has no slug of its own: the caller asks for an id)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    return slug[:max_length].rstrip("-")


def numbered(slug: str, number: int) -> str:
    """`slug` with `-number`, shortened so that the whole stays a slug of the maximum length."""
    suffix = f"-{number}"
    return slug[: SLUG_MAX_LENGTH - len(suffix)].rstrip("-") + suffix
