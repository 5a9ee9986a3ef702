"""Content negotiation: `?format=` first, then `Accept` with its q-values and wildcards."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from http import HTTPStatus

from schemas.problems import InvalidParam
from service.errors import DomainError
from service.representations.quality import q_value

JSON = "application/json"
MSGPACK = "application/msgpack"
CSV = "text/csv"
NDJSON = "application/x-ndjson"

# What `?format=` names, for clients that cannot set headers (a spreadsheet importing by URL).
FORMATS = {"json": JSON, "msgpack": MSGPACK, "csv": CSV, "ndjson": NDJSON}


class NotAcceptableError(DomainError):
    status = HTTPStatus.NOT_ACCEPTABLE

    def __init__(self, offered: Sequence[str]) -> None:
        reason = "lists no media type this operation returns: " + ", ".join(offered)
        super().__init__(
            f"The Accept header {reason}; or use ?format=.",
            [InvalidParam(name="Accept", location="header", reason=reason)],
        )


@dataclass(frozen=True, slots=True)
class MediaRange:
    kind: str  # "text", "application" or "*"
    subtype: str  # "csv", "json" or "*"
    quality: float

    @property
    def specificity(self) -> int:
        return (self.kind != "*") + (self.subtype != "*")

    def covers(self, media_type: str) -> bool:
        kind, _, subtype = media_type.partition("/")
        return self.kind in ("*", kind) and self.subtype in ("*", subtype)


def parse_accept(header: str) -> list[MediaRange]:
    """The media ranges of an `Accept` value; malformed ranges are skipped, not fatal."""
    ranges = []
    for part in header.split(","):
        media_type, *parameters = (piece.strip() for piece in part.split(";"))
        kind, slash, subtype = media_type.lower().partition("/")
        if not (kind and slash and subtype) or (kind == "*" and subtype != "*"):
            continue
        found = q_value(parameters)
        if found is not None:
            ranges.append(MediaRange(kind, subtype, found))
    return ranges


def choose(accept: str | None, offered: Sequence[str]) -> str | None:
    """The offered media type the client prefers, or None if it accepts none of them.

    Each offered type takes the quality of the most specific range covering it (RFC 9110
    12.5.1: `text/csv;q=0, */*` refuses CSV only); ties go to the first offered, the default.
    """
    if accept is None or not accept.strip():
        return offered[0]
    ranges = parse_accept(accept)
    best, best_quality = None, 0.0
    for media_type in offered:
        covering = [r for r in ranges if r.covers(media_type)]
        if not covering:
            continue
        quality = max(covering, key=lambda r: r.specificity).quality
        if quality > best_quality:
            best, best_quality = media_type, quality
    return best


def negotiate(format_name: str | None, accept: str | None, offered: Sequence[str]) -> str:
    """`?format=` wins over `Accept`; raises NotAcceptableError when nothing offered fits."""
    if format_name is not None:
        return FORMATS[format_name]
    chosen = choose(accept, offered)
    if chosen is None:
        raise NotAcceptableError(offered)
    return chosen
