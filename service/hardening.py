"""Security headers on every response, and the CORS policy (off unless origins are configured)."""

from __future__ import annotations

from litestar.config.cors import CORSConfig

# API responses are data, never a page: nothing may load, run or frame them.
API_POLICY = "default-src 'none'; frame-ancestors 'none'"
# The reference page loads only its own assets (served by this service) and the contract.
# Swagger UI draws icons from data: URIs in its stylesheet and sets inline styles on elements.
DOCS_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; font-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
# The HTML pages: their own stylesheet and scripts only, nothing inline; their scripts call the
# API of this origin; their forms submit only here.
PAGES_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
PAGE_PREFIXES = ("/sources/", "/regions/", "/organizations/", "/search", "/static/")
_COMMON = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)

_FIRST_ERROR = 400
_NO_STORE = (b"cache-control", b"no-store")

# What a browser client of the API needs to send and to read, when CORS is on.
CORS_REQUEST_HEADERS = [
    "Authorization",
    "Content-Type",
    "If-Match",
    "If-None-Match",
    "Idempotency-Key",
]
CORS_EXPOSED_HEADERS = [
    "ETag",
    "Link",
    "Location",
    "Retry-After",
    "RateLimit-Limit",
    "RateLimit-Remaining",
    "RateLimit-Reset",
    "X-Request-ID",
]


_API_HEADERS = [*_COMMON, (b"content-security-policy", API_POLICY.encode())]
_DOCS_HEADERS = [*_COMMON, (b"content-security-policy", DOCS_POLICY.encode())]
_PAGES_HEADERS = [*_COMMON, (b"content-security-policy", PAGES_POLICY.encode())]


def security_headers(path: str) -> list[tuple[bytes, bytes]]:
    """The headers every HTTP response to `path` carries, errors and unknown routes included
    (service/edge.py adds them)."""
    if path == "/docs" or path.startswith("/docs/"):
        return _DOCS_HEADERS
    return _PAGES_HEADERS if is_page(path) else _API_HEADERS


def uncacheable_if_error(
    status: int, headers: list[tuple[bytes, bytes]]
) -> list[tuple[bytes, bytes]]:
    """Errors get `Cache-Control: no-store`, replacing whatever was set: a problem is an answer
    about this moment (a limit, a precondition, a fault), never about the resource. Applied by
    service/edge.py around the whole app, so it covers what Litestar answers before any handler
    or middleware runs (an unknown path, a 405) and what a middleware raises (401, 429)."""
    if status < _FIRST_ERROR:
        return headers
    return [*(h for h in headers if h[0].lower() != b"cache-control"), _NO_STORE]


def is_page(path: str) -> bool:
    """Whether `path` is one of the HTML pages (outside /v1) or their assets."""
    return path == "/" or path.startswith(PAGE_PREFIXES)


def error_headers() -> list[tuple[bytes, bytes]]:
    """The headers of an error answered outside the app (by the HTTP server itself)."""
    return [*_COMMON, (b"content-security-policy", API_POLICY.encode()), _NO_STORE]


def cors_config(allow_origins: tuple[str, ...]) -> CORSConfig | None:
    """Litestar's CORS for the configured origins; None (no CORS headers at all) without any.

    Keys travel in the Authorization header, never in cookies, so credentials stay disallowed.
    """
    if not allow_origins:
        return None
    return CORSConfig(
        allow_origins=list(allow_origins),
        allow_methods=["GET", "POST", "PATCH", "DELETE", "OPTIONS"],
        allow_headers=CORS_REQUEST_HEADERS,
        expose_headers=CORS_EXPOSED_HEADERS,
        allow_credentials=False,
        max_age=600,
    )
