"""`Idempotency-Key` on POST: a retry replays the first response instead of writing again.

Records are written in the write's own transaction, so a response is remembered exactly when
its write committed; writes being serialised, a concurrent retry waits and then replays.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

import msgspec
from sqlalchemy import bindparam, delete, insert, select
from sqlmodel import col

from service.curation.transaction import WriteSession
from service.db.tables import IdempotencyRecord
from service.errors import UnprocessableError

HEADER = "Idempotency-Key"

_FIND = select(
    col(IdempotencyRecord.fingerprint),
    col(IdempotencyRecord.status),
    col(IdempotencyRecord.location),
    col(IdempotencyRecord.body),
).where(
    col(IdempotencyRecord.actor) == bindparam("actor"),
    col(IdempotencyRecord.key) == bindparam("key"),
    col(IdempotencyRecord.expires_at) > bindparam("now"),
)


@dataclass(frozen=True, slots=True)
class StoredResponse:
    status: int
    location: str | None
    body: bytes


def fingerprint(method: str, path: str, body: bytes) -> str:
    """What makes two requests the same request: method, path and the body's JSON value.

    The value, not the bytes: a client that retries with other white space or key order (another
    serializer, a pretty-printed log replay) sends the same request and must get the replay.
    """
    digest = hashlib.sha256()
    for part in (method.encode(), path.encode(), _canonical(body)):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


def _canonical(body: bytes) -> bytes:
    """The body's JSON with keys sorted and no white space (bodies reach here validated)."""
    try:
        return msgspec.json.encode(msgspec.json.decode(body), order="sorted")
    except msgspec.DecodeError:
        return body


async def replay(
    session: WriteSession, key: str, request_fingerprint: str
) -> StoredResponse | None:
    """The remembered response for `key`, or None; 422 when the key came with another request."""
    await session.execute(
        delete(IdempotencyRecord).where(col(IdempotencyRecord.expires_at) <= session.now)
    )
    params = {"actor": session.actor, "key": key, "now": session.now}
    row = (await session.execute(_FIND, params)).first()
    if row is None:
        return None
    if row.fingerprint != request_fingerprint:
        raise UnprocessableError(
            HEADER,
            "this key was used with a different request; use a new key for a new request",
            "header",
        )
    return StoredResponse(status=row.status, location=row.location, body=row.body)


async def remember(
    session: WriteSession,
    key: str,
    request_fingerprint: str,
    response: StoredResponse,
    ttl_seconds: float,
) -> None:
    await session.execute(
        insert(IdempotencyRecord).values(
            actor=session.actor,
            key=key,
            fingerprint=request_fingerprint,
            status=response.status,
            location=response.location,
            body=response.body,
            expires_at=session.now + dt.timedelta(seconds=ttl_seconds),
        )
    )
