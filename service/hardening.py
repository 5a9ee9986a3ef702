"""Security headers on every response, and the CORS policy (off unless origins are configured)."""

from __future__ import annotations

from litestar.config.cors import CORSConfig
from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send

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


class SecurityHeaders:
    """Adds the headers to every HTTP response, errors and unknown routes included.

    Errors also get `Cache-Control: no-store`, replacing whatever was set: a problem is an
    answer about this moment (a limit, a precondition, a fault), never about the resource. This
    layer wraps the whole app, so it covers what Litestar answers before any handler or middleware
    runs (an unknown path, a 405) and what a middleware raises (401, 429).
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.api = [*_COMMON, (b"content-security-policy", API_POLICY.encode())]
        self.docs = [*_COMMON, (b"content-security-policy", DOCS_POLICY.encode())]
        self.pages = [*_COMMON, (b"content-security-policy", PAGES_POLICY.encode())]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        extra = self._headers_for(path)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [*message.get("headers", ()), *extra]
                if message["status"] >= _FIRST_ERROR:
                    headers = [h for h in headers if h[0].lower() != b"cache-control"]
                    headers.append(_NO_STORE)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _headers_for(self, path: str) -> list[tuple[bytes, bytes]]:
        if path == "/docs" or path.startswith("/docs/"):
            return self.docs
        return self.pages if is_page(path) else self.api


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
