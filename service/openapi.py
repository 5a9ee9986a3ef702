"""What the OpenAPI document says beyond the handlers: metadata, and error responses."""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from http import HTTPStatus
from typing import Any

import msgspec
from litestar import Request
from litestar.openapi import OpenAPIConfig
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.plugins import JsonRenderPlugin
from litestar.openapi.spec import Components, Contact, License, SecurityScheme, Server, Tag

from schemas.base import WireStruct
from schemas.problems import Problem
from service.auth.guards import SECURITY_SCHEME
from service.errors import PROBLEM_MEDIA_TYPE

API_VERSION = "1.0.0"
OPENAPI_JSON_PATH = "/schema/openapi.json"
PAGES_TAG = "pages"

DESCRIPTION = """\
Growth Atlas tells what the news says about regions, organizations and their economic
indicators. Every observation carries a citation: the source article and the exact span of its
text (`source.text[start:end] == quote`) that states the number.

Lists are paged with an opaque `cursor` (keyset pagination): follow `next_cursor`, or the
`Link: <...>; rel="next"` header, until it is null. Errors are RFC 9457 problem details
(`application/problem+json`).
"""

TAGS = [
    Tag(name="regions", description="Countries, provinces, cities, new areas and world regions."),
    Tag(
        name="organizations",
        description="Companies and joint ventures, where they are, and how they relate.",
    ),
    Tag(name="indicators", description="What an observation measures, and its unit."),
    Tag(name="observations", description="Values stated by the sources, each with its citation."),
    Tag(name="sources", description="The news articles every fact is read from."),
    Tag(
        name="changes",
        description="Every write in commit order, for clients that mirror the dataset.",
    ),
    Tag(name="search", description="Find regions, organizations and indicators by name."),
    Tag(
        name="extraction",
        description="Read any text: its quantities, entities and facts, each with its span.",
    ),
    Tag(
        name="candidates",
        description="Facts proposed from stored sources, for curators to accept or reject.",
    ),
    Tag(
        name=PAGES_TAG,
        description=(
            "HTML pages for people: articles with their facts highlighted, regions, "
            "organizations, search and the curator's review. Data clients use the JSON "
            "operations under /v1."
        ),
    ),
]

_DESCRIPTIONS = {
    HTTPStatus.BAD_REQUEST: "A parameter is malformed or out of bounds; `errors` names each one.",
    HTTPStatus.NOT_FOUND: "No resource has this id.",
    HTTPStatus.UNAUTHORIZED: "No valid API key was sent: `Authorization: Bearer <key>`.",
    HTTPStatus.FORBIDDEN: "The API key is valid but lacks the scope this operation needs.",
    HTTPStatus.REQUEST_ENTITY_TOO_LARGE: "The request body is larger than the service accepts.",
    HTTPStatus.TOO_MANY_REQUESTS: "Rate limit exceeded; retry after `Retry-After` seconds.",
    HTTPStatus.NOT_ACCEPTABLE: "No media type in `Accept` is one this operation returns.",
    HTTPStatus.CONFLICT: "The write contradicts stored data: a taken id, or dependents in place.",
    HTTPStatus.PRECONDITION_FAILED: "If-Match does not name the current ETag: read, then retry.",
    HTTPStatus.UNPROCESSABLE_ENTITY: "Well-formed, but refused: `errors` names the field.",
    HTTPStatus.PRECONDITION_REQUIRED: "This write needs If-Match with the resource's ETag.",
    HTTPStatus.INTERNAL_SERVER_ERROR: "The server failed; the problem says no more than that.",
    HTTPStatus.SERVICE_UNAVAILABLE: "The database is unreachable; retry after `Retry-After`.",
}


RETRY_AFTER_HEADER = {
    "description": "Seconds to wait before retrying.",
    "schema": {"type": "integer", "minimum": 0},
}

RATE_LIMIT_HEADERS = {
    "RateLimit-Limit": {
        "description": "Requests allowed per window (one minute).",
        "schema": {"type": "integer", "minimum": 0},
    },
    "RateLimit-Remaining": {
        "description": "Requests left in the current window.",
        "schema": {"type": "integer", "minimum": 0},
    },
    "RateLimit-Reset": {
        "description": "Seconds until the current window ends.",
        "schema": {"type": "integer", "minimum": 0},
    },
}

WWW_AUTHENTICATE_HEADER = {
    "description": 'The scheme to use: `Bearer realm="growth-atlas"`, with `error="invalid_token"` '
    "when the key sent is malformed, unknown or revoked.",
    "schema": {"type": "string"},
}

# Any operation can fail on our side, lose its database, or be rate limited.
ALWAYS_POSSIBLE = (
    HTTPStatus.TOO_MANY_REQUESTS,
    HTTPStatus.INTERNAL_SERVER_ERROR,
    HTTPStatus.SERVICE_UNAVAILABLE,
)


def problem_responses(
    *statuses: HTTPStatus, descriptions: Mapping[HTTPStatus, str] | None = None
) -> dict[int, ResponseSpec]:
    """OpenAPI responses for error statuses, documented as `application/problem+json`;
    `descriptions` replaces the usual ones where an operation has more to say."""
    described = {**_DESCRIPTIONS, **(descriptions or {})}
    return {
        int(status): ResponseSpec(
            data_container=Problem,
            description=described.get(status, status.phrase),
            media_type=PROBLEM_MEDIA_TYPE,
            generate_examples=False,
        )
        for status in (*statuses, *ALWAYS_POSSIBLE)
    }


def openapi_config(public_url: str) -> OpenAPIConfig:
    return OpenAPIConfig(
        title="Growth Atlas",
        version=API_VERSION,
        description=DESCRIPTION,
        contact=Contact(name="Growth Atlas maintainers", email="maintainers@growth-atlas.dev"),
        license=License(name="Apache-2.0", identifier="Apache-2.0"),
        servers=[Server(url=public_url, description="This deployment")],
        tags=TAGS,
        use_handler_docstrings=True,
        path="/schema",
        render_plugins=[ContractJsonPlugin(path="/openapi.json")],
        create_examples=False,
        components=Components(
            security_schemes={
                SECURITY_SCHEME: SecurityScheme(
                    type="http",
                    scheme="bearer",
                    bearer_format="ga_<prefix>_<secret>",
                    description="An API key from `growth-atlas keys create`; writes need one.",
                )
            }
        ),
    )


class ContractJsonPlugin(JsonRenderPlugin):
    """Serves `contract_document`, the same bytes `growth-atlas openapi` commits."""

    _rendered: bytes | None = None

    def render(self, request: Request[Any, Any, Any], openapi_schema: dict[str, Any]) -> bytes:
        if self._rendered is None:
            self._rendered = self.render_json(request, contract_document(openapi_schema))
        return self._rendered


def contract_document(generated: dict[str, Any]) -> dict[str, Any]:
    """The published contract: Litestar's document with its imprecisions corrected.

    Litestar writes an optional value as `oneOf: [{type: string}, {type: null}]` and leaves the
    string's own constraints beside the `oneOf`, where generators and fuzzers ignore them; it
    also lets query and path parameters be null, which a URL cannot express.
    """
    document = copy.deepcopy(generated)
    for schema in _walk(document):
        _collapse_nullable(schema)
    _restore_item_constraints(document.get("components", {}).get("schemas", {}))
    for path_item in document.get("paths", {}).values():
        for operation in path_item.values():
            for parameter in operation.get("parameters", []):
                _drop_null(parameter["schema"])
            if unavailable := operation["responses"].get("503"):
                unavailable["headers"] = {"Retry-After": RETRY_AFTER_HEADER}
            if limited := operation["responses"].get("429"):
                limited["headers"] = {"Retry-After": RETRY_AFTER_HEADER, **RATE_LIMIT_HEADERS}
            if unauthorized := operation["responses"].get("401"):
                unauthorized["headers"] = {"WWW-Authenticate": WWW_AUTHENTICATE_HEADER}
            _sort_headers(operation["responses"])
    return document


def _sort_headers(responses: dict[str, Any]) -> None:
    """Litestar collects a handler's response headers in a set: their order would change from
    one run to the next, and with it the committed document."""
    for response in responses.values():
        if headers := response.get("headers"):
            response["headers"] = dict(sorted(headers.items()))


_REQUEST_BODY_ROLES = ("Create", "Update", "Input", "Request")


def _restore_item_constraints(components: dict[str, Any]) -> None:
    """Say what msgspec enforces on request bodies and Litestar's document leaves out.

    Litestar drops an item type's `Annotated` constraints (`list[Name]`: each name 1..300
    characters), numeric bounds of 0 and `forbid_unknown_fields`; msgspec's own JSON Schema has
    the first two. Responses
    keep `additionalProperties` open, so that adding a field to them is not a breaking change.
    """
    structs = {struct.__name__: struct for struct in _subclasses(WireStruct)}
    for name, component in components.items():
        if (struct := structs.get(name)) is None:
            continue
        _, definitions = msgspec.json.schema_components([struct])
        enforced = definitions[name].get("properties", {})
        for field, schema in component.get("properties", {}).items():
            items = _array_items(enforced.get(field, {}))
            if "items" in schema and items is not None and "$ref" not in items:
                schema["items"] = items
            schema.update(_bounds(enforced.get(field, {})))
        if name.endswith(_REQUEST_BODY_ROLES):
            component["additionalProperties"] = False  # unknown fields are refused (400)


_BOUNDS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")


def _bounds(schema: dict[str, Any]) -> dict[str, Any]:
    """Numeric bounds of `schema` or of its non-null member (Litestar drops a bound of 0)."""
    for member in (schema, *schema.get("anyOf", ())):
        if found := {key: member[key] for key in _BOUNDS if key in member}:
            return found
    return {}


def _array_items(schema: dict[str, Any]) -> dict[str, Any] | None:
    for member in (schema, *schema.get("anyOf", ())):
        if "items" in member:
            items: dict[str, Any] = member["items"]
            return items
    return None


def _subclasses(base: type) -> Iterator[type]:
    subclass: type
    for subclass in base.__subclasses__():
        yield subclass
        yield from _subclasses(subclass)


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in the document, children before parents."""
    if isinstance(node, dict):
        for value in node.values():
            yield from _walk(value)
        yield node
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _collapse_nullable(schema: dict[str, Any]) -> None:
    """`oneOf: [{type: T, ...}, {type: null}]` plus siblings -> `type: [T, null]`, one schema.

    A one-variant `oneOf` (an optional field that is never null) becomes that variant.
    """
    variants = schema.get("oneOf")
    if isinstance(variants, list) and len(variants) == 1:
        del schema["oneOf"]
        schema.update(variants[0])
        return
    if not isinstance(variants, list) or len(variants) != 2 or {"type": "null"} not in variants:
        return
    (other,) = [v for v in variants if v != {"type": "null"}]
    if not isinstance(other.get("type"), str):
        return
    del schema["oneOf"]
    schema.update({**other, "type": [other["type"], "null"]})


def _drop_null(schema: dict[str, Any]) -> None:
    if isinstance(schema.get("type"), list):
        types = [t for t in schema["type"] if t != "null"]
        schema["type"] = types[0] if len(types) == 1 else types
    if isinstance(schema.get("enum"), list):
        schema["enum"] = [value for value in schema["enum"] if value is not None]
