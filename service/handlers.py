"""Route handler functions made from declarations, with the concrete signatures Litestar reads.

Litestar builds a handler's parameters, request body type and OpenAPI operation from its
annotations. A handler a factory makes must therefore carry real ones: a generic base class
would leave `data` a plain dict. `make_handler` gives a function exactly the signature stated.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from litestar import Response
from litestar.params import JSONBody

Handler = Callable[..., Awaitable[Any]]


def json_body(struct: type) -> Any:
    """`JSONBody[struct]` for a Struct a declaration names at run time."""
    return JSONBody[struct]  # type: ignore[misc,valid-type]


def response_of(content: Any) -> Any:
    """`Response[content]` for a type a declaration names at run time."""
    return Response[content]


def parameter(
    name: str, annotation: Any, default: Any = inspect.Parameter.empty
) -> inspect.Parameter:
    """One named parameter of a made handler (Litestar passes every argument by name)."""
    return inspect.Parameter(
        name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default
    )


def describe(function: Callable[..., Any]) -> str:
    """The description of the operation `function` does: its docstring, which must say it."""
    doc = inspect.getdoc(function)
    if not doc:
        raise TypeError(f"{function.__qualname__} needs a docstring: it documents an operation")
    return doc


def make_handler(
    name: str, doc: str, parameters: Sequence[inspect.Parameter], returns: Any, body: Handler
) -> Handler:
    """A function called `name` whose signature and annotations are `parameters` and `returns`,
    and which runs `body` with the arguments it is given."""

    async def handler(**arguments: Any) -> Any:
        return await body(**arguments)

    handler.__name__ = handler.__qualname__ = name
    handler.__doc__ = doc
    handler.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        list(parameters), return_annotation=returns
    )
    handler.__annotations__ = {p.name: p.annotation for p in parameters} | {"return": returns}
    return handler
