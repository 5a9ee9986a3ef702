"""The interactive API reference at /docs: Swagger UI served entirely by this service, no CDN."""

from __future__ import annotations

from litestar import Router, get
from litestar.enums import MediaType
from litestar.static_files import create_static_files_router
from swagger_ui_bundle import swagger_ui_path

from service.openapi import OPENAPI_JSON_PATH

_ASSETS = "/docs/assets"

_PAGE = f"""<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Growth Atlas API reference</title>
    <link rel="icon" type="image/png" href="{_ASSETS}/favicon-32x32.png">
    <link rel="stylesheet" href="{_ASSETS}/swagger-ui.css">
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="{_ASSETS}/swagger-ui-bundle.js"></script>
    <script src="/docs/init.js"></script>
  </body>
</html>
"""

# An external script rather than an inline one, so a strict Content-Security-Policy can hold.
# `validatorUrl: null` stops Swagger UI from sending the document to a public validator.
_INIT = f"""window.ui = SwaggerUIBundle({{
  url: "{OPENAPI_JSON_PATH}",
  dom_id: "#swagger-ui",
  validatorUrl: null,
  deepLinking: true,
  tryItOutEnabled: true,
}});
"""


@get("/docs", media_type=MediaType.HTML, include_in_schema=False, sync_to_thread=False)
def docs_page() -> str:
    return _PAGE


@get("/docs/init.js", media_type="text/javascript", include_in_schema=False, sync_to_thread=False)
def docs_init() -> str:
    return _INIT


def docs_router() -> Router:
    assets = create_static_files_router(
        path=_ASSETS, directories=[swagger_ui_path], include_in_schema=False
    )
    return Router(path="/", route_handlers=[docs_page, docs_init, assets], include_in_schema=False)
