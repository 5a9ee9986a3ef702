"""Runtime configuration: one Struct, read from `GROWTH_ATLAS_*` environment variables."""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Literal

import msgspec
from msgspec import Meta
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

ENV_PREFIX = "GROWTH_ATLAS_"
DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///var/growth-atlas.db"
# The checkout's seeds/; an installed package (a container image) is told where they are.
DEFAULT_SEEDS_DIR = str(Path(__file__).resolve().parents[1] / "seeds")

# Kubernetes injects `<SERVICE>_SERVICE_HOST`, `<SERVICE>_PORT_8000_TCP`, ... for a Service named
# growth-atlas; those are not settings and must not stop the process from starting.
_KUBERNETES_SERVICE_LINK = re.compile(
    rf"^{ENV_PREFIX}(SERVICE_HOST|SERVICE_PORT.*|PORT|PORT_\d+_.*)$"
)

_DATABASE_URL_VARIABLE = f"{ENV_PREFIX}DATABASE_URL"
_LOG_LEVEL_VARIABLE = f"{ENV_PREFIX}LOG_LEVEL"
# A setting whose name says it is a secret is never shown; neither is a password or a secret
# query parameter inside a URL setting.
_SECRET_NAME = re.compile(r"(^|_)(secret|password|passwd|pwd|token|credentials?|api_?key)(_|$)")
_SECRET_PARAMETER = re.compile(
    r"(pass|pwd|secret|token|credential|api_?key|auth|sig|signature)", re.IGNORECASE
)
MASK = "***"
LIST_FIELDS = ("cors_allow_origins", "trusted_proxies")
_TRUSTED_PROXIES_VARIABLE = f"{ENV_PREFIX}TRUSTED_PROXIES"
# An origin is a scheme, a host and maybe a port: no path, no trailing slash.
CorsOrigin = Annotated[str, Meta(pattern=r"^(\*|https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?)$")]


class SettingsError(ValueError):
    """A setting is missing or malformed; the message names the environment variable."""


class Settings(msgspec.Struct, kw_only=True, frozen=True, forbid_unknown_fields=True):
    """Everything the service can be told at start; each field is `GROWTH_ATLAS_<FIELD>`."""

    database_url: str = DEFAULT_DATABASE_URL
    # Public base URL used in `servers` of the OpenAPI document and in absolute links.
    public_url: str = "http://127.0.0.1:8000"
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    db_pool_size: Annotated[int, Meta(ge=1, le=200)] = 10
    db_max_overflow: Annotated[int, Meta(ge=0, le=200)] = 10
    db_pool_timeout_seconds: Annotated[float, Meta(gt=0, le=120)] = 5.0
    db_statement_timeout_seconds: Annotated[float, Meta(gt=0, le=600)] = 15.0
    echo_sql: bool = False
    # Where `growth-atlas seed` reads seeds/ (facts.yaml and the articles).
    seeds_dir: str = DEFAULT_SEEDS_DIR
    # Shared state across replicas; readiness checks it when set.
    redis_url: Annotated[str, Meta(pattern=r"^rediss?://")] | None = None
    # Keys the integrity check of pagination cursors; replicas behind one load balancer share it.
    # Unset, the service generates a random one and keeps it in the database (so every replica
    # and restart finds the same), rather than refusing to start: `make run` and a single
    # container then work as they are, and no deployment ever signs with a public key.
    cursor_secret: Annotated[str, Meta(min_length=16)] | None = None
    # How long a POST's `Idempotency-Key` replays its first response.
    idempotency_ttl_seconds: Annotated[int, Meta(ge=60, le=30 * 86400)] = 86400
    # Namespace of everything kept in Redis, so that deployments can share one server.
    redis_key_prefix: Annotated[str, Meta(pattern=r"^[A-Za-z0-9:._-]{1,64}$")] = "growth-atlas:"
    # Requests per minute under /v1: per client address without a key, per API key with one.
    # 0 turns that limit off.
    rate_limit_anonymous_per_minute: Annotated[int, Meta(ge=0, le=1_000_000)] = 600
    rate_limit_key_per_minute: Annotated[int, Meta(ge=0, le=1_000_000)] = 6_000
    # Larger request bodies are refused with 413, chunked ones as soon as they pass it. The
    # default fits the largest body the schemas accept: a 500,000-character article is at most
    # 3 MB of JSON (6 bytes for an escaped control character, 4 for a non-BMP one).
    max_request_body_bytes: Annotated[int, Meta(ge=1024, le=1 << 30)] = 4 << 20
    # The HTTP server's bounds (service/http_protocol.py): a request line and headers larger than
    # this, or with more header fields, are refused with 431 before they are buffered whole; a
    # head not complete in time gets a 408 and the connection is closed; an idle keep-alive
    # connection is closed; beyond `max_connections` per process, requests get a 503.
    max_request_head_bytes: Annotated[int, Meta(ge=1024, le=1 << 20)] = 16 << 10
    max_request_header_fields: Annotated[int, Meta(ge=8, le=1000)] = 100
    request_head_timeout_seconds: Annotated[float, Meta(gt=0, le=300)] = 10.0
    keep_alive_timeout_seconds: Annotated[int, Meta(ge=1, le=300)] = 5
    max_connections: Annotated[int, Meta(ge=1, le=100_000)] = 1000
    # Memory for answers to repeated GETs, dropped on any change (PostgreSQL: LISTEN/NOTIFY;
    # SQLite: `PRAGMA data_version` before each answer; see service/response_cache). 0 turns
    # the cache off.
    response_cache_bytes: Annotated[int, Meta(ge=0, le=1 << 34)] = 16 << 20
    # Exports one process streams at once, each on a connection of their own pool; more are
    # refused with 503 and `Retry-After`, so that they never starve the other reads.
    max_concurrent_exports: Annotated[int, Meta(ge=1, le=64)] = 4
    # Origins that browsers may call the API from (`*` for any); none means CORS stays off.
    cors_allow_origins: tuple[CorsOrigin, ...] = ()
    # Reads need no key by default (a public data API); false closes them: every GET under /v1
    # then needs a key (any scope includes `read`), for private deployments.
    anonymous_reads: bool = True
    # Addresses or networks (CIDR) of the proxies in front of the service, whose
    # X-Forwarded-For and X-Forwarded-Proto are believed. None by default: a client could
    # otherwise name any address it likes and so escape its rate limit. `*` trusts everyone,
    # for a service that only a proxy can reach.
    trusted_proxies: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        try:
            url = make_url(self.database_url)
        except ArgumentError:
            raise ValueError(f"{_DATABASE_URL_VARIABLE}: not a database URL") from None
        if url.get_backend_name() not in ("sqlite", "postgresql"):
            raise ValueError(f"{_DATABASE_URL_VARIABLE}: only sqlite and postgresql are supported")
        for proxy in self.trusted_proxies:
            _check_proxy(proxy)

    def masked(self) -> dict[str, object]:
        """The settings as `growth-atlas config` shows them: secrets and passwords hidden."""
        shown: dict[str, object] = msgspec.to_builtins(self)
        for name, value in shown.items():
            if _SECRET_NAME.search(name):
                shown[name] = MASK if value else "unset"
            elif name.endswith("_url") and isinstance(value, str):
                shown[name] = masked_url(value)
        return shown

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Build settings from the environment, rejecting unknown or malformed variables."""
        environ = os.environ if environ is None else environ
        raw: dict[str, object] = {
            key.removeprefix(ENV_PREFIX).lower(): value.lower()
            if key == _LOG_LEVEL_VARIABLE
            else value
            for key, value in environ.items()
            if key.startswith(ENV_PREFIX) and not _KUBERNETES_SERVICE_LINK.match(key)
        }
        try:
            for name in raw.keys() & LIST_FIELDS:
                raw[name] = _list_value(name, str(raw[name]))
            return msgspec.convert(raw, cls, strict=False)
        except msgspec.ValidationError as exc:
            raise SettingsError(_name_variable(str(exc))) from None


def _check_proxy(proxy: str) -> None:
    if proxy == "*":
        return
    try:
        ipaddress.ip_network(proxy, strict=False)
    except ValueError:
        raise ValueError(
            f"{_TRUSTED_PROXIES_VARIABLE}: {proxy!r} is not an IP address or network"
        ) from None


def _list_value(name: str, value: str) -> object:
    """A list setting: a JSON array, or comma-separated values."""
    if not value.lstrip().startswith("["):
        return [item.strip() for item in value.split(",") if item.strip()]
    try:
        return msgspec.json.decode(value)
    except msgspec.DecodeError:
        raise SettingsError(f"{ENV_PREFIX}{name.upper()}: not a JSON array") from None


def masked_url(url: str) -> str:
    """`url` with the password of its user information and its secret-looking query values hidden.

    The user information ends at the *last* `@` of the authority, as URL parsers read it, so a
    password holding an unencoded `@` (`redis://u:R3dis@Pw@host`) is hidden whole.
    """
    scheme, sep, rest = url.partition("://")
    if not sep:
        return MASK  # not a URL we can take apart: show nothing of it
    authority, slash, tail = _split_authority(rest)
    userinfo, at, host = authority.rpartition("@")
    if at:
        user, colon, _password = userinfo.partition(":")
        authority = f"{user}:{MASK}@{host}" if colon else authority
    path, question, query = tail.partition("?")
    if question:
        query = "&".join(_masked_parameter(part) for part in query.split("&"))
    return f"{scheme}://{authority}{slash}{path}{question}{query}"


def _split_authority(rest: str) -> tuple[str, str, str]:
    """("user:pw@host:port", "/", "path?query") from what follows `scheme://`."""
    # The authority ends at the first / or ? after the last @ (a password may hold either).
    at = rest.rfind("@")
    cut = min((i for i in (rest.find("/", at + 1), rest.find("?", at + 1)) if i >= 0), default=-1)
    if cut < 0:
        return rest, "", ""
    if rest[cut] == "/":
        return rest[:cut], "/", rest[cut + 1 :]
    return rest[:cut], "", rest[cut:]


def _masked_parameter(part: str) -> str:
    name, equals, _value = part.partition("=")
    return f"{name}={MASK}" if equals and _SECRET_PARAMETER.search(name) else part


def _name_variable(message: str) -> str:
    """Turn msgspec's `... - at `$.db_pool_size`` into a message naming the env variable."""
    head, sep, path = message.rpartition(" - at `$.")
    if not sep:
        field = message.rpartition("`")[0].rpartition("`")[2]
        if message.startswith("Object contains unknown field"):
            return f"unknown setting {ENV_PREFIX}{field.upper()}"
        return f"invalid settings: {message}"
    return f"{ENV_PREFIX}{path.rstrip('`').upper()}: {head}"
