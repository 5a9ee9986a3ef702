"""Entity tags: a pure function of a representation's bytes, so every replica agrees on them.

A strong tag is the SHA-256 of the uncompressed body; the same resource in JSON and in another
media type has two tags, as RFC 9110 requires of strong validators.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable

_TAG_BYTES = 18  # 144 bits: collisions are not a concern, and the header stays short


def etag_of(body: bytes) -> str:
    """The strong entity tag of `body`, quoted as it goes into `ETag`: "q1w2..."."""
    digest = hashlib.sha256(body).digest()[:_TAG_BYTES]
    return '"' + base64.urlsafe_b64encode(digest).decode("ascii") + '"'


def parse_tags(header: str) -> list[str]:
    """The entity tags listed in an `If-Match` / `If-None-Match` value, `*` kept as is."""
    return [tag.strip() for tag in header.split(",") if tag.strip()]


def strong_match(header: str, current: Iterable[str]) -> bool:
    """`If-Match`: strong comparison; weak tags (W/"...") never match, `*` matches anything."""
    tags = parse_tags(header)
    if "*" in tags:
        return True
    candidates = set(current)
    return any(not tag.startswith("W/") and tag in candidates for tag in tags)


def weak_match(header: str, current: str) -> bool:
    """`If-None-Match`: weak comparison, so W/"x" matches "x"; `*` matches anything."""
    tags = parse_tags(header)
    return "*" in tags or current.removeprefix("W/") in {tag.removeprefix("W/") for tag in tags}
