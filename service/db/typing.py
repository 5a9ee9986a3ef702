"""Type aliases for SQLAlchemy statements and rows whose columns vary."""

from __future__ import annotations

from typing import Any, TypeAlias

from sqlalchemy import Result, Row, Select

AnySelect: TypeAlias = Select[*tuple[Any, ...]]
AnyRow: TypeAlias = Row[*tuple[Any, ...]]
AnyResult: TypeAlias = Result[*tuple[Any, ...]]
