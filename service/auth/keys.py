"""The API key format, `ga_<prefix>_<secret>`, and the one-way hash that is stored of it."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

KEY_MARK = "ga"
PREFIX_BYTES = 6  # 12 hex digits: finds the row, and is safe to show in lists and logs
SECRET_BYTES = 32  # 256 random bits
_KEY_PATTERN = re.compile(r"^ga_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$")


@dataclass(frozen=True)
class NewKey:
    """A key as it is handed out once: the whole token, and what is stored of it."""

    token: str
    prefix: str
    key_hash: str


def generate_key() -> NewKey:
    prefix = secrets.token_hex(PREFIX_BYTES)
    token = f"{KEY_MARK}_{prefix}_{secrets.token_urlsafe(SECRET_BYTES)}"
    return NewKey(token=token, prefix=prefix, key_hash=hash_key(token))


def hash_key(token: str) -> str:
    """SHA-256, unsalted and fast on purpose.

    Salts and slow hashes protect guessable passwords; a key carries 256 random bits, so its
    hash reveals nothing guessable, and a slow hash would only tax every authenticated request.
    """
    return hashlib.sha256(token.encode()).hexdigest()


def prefix_of(token: str) -> str | None:
    """The key's public prefix, or None when `token` is not shaped like a key at all."""
    match = _KEY_PATTERN.match(token)
    return match.group(1) if match else None


def matches(token: str, key_hash: str) -> bool:
    """Whether `token` hashes to `key_hash`, in time that does not depend on where they differ."""
    return hmac.compare_digest(hash_key(token), key_hash)
