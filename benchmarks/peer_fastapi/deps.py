"""Engine and per-request session, as the template's `core/db.py` and `api/deps.py` have them."""

import os
from collections.abc import Generator
from typing import Annotated

from fastapi import Depends
from sqlmodel import Session, create_engine

DATABASE_URL = os.environ.get(
    "PEER_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/growth_atlas_bench_1m"
)

# The template's engine: default pool (5 + 10 overflow), no tuning.
engine = create_engine(DATABASE_URL)


def get_db() -> Generator[Session, None, None]:
    with Session(engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_db)]
