"""Logs as one JSON object per line, on standard output, for the platform to collect."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import msgspec
from litestar.logging.config import LoggingConfig

from service.settings import Settings


class JsonFormatter(logging.Formatter):
    """`{"time", "level", "logger", "message", ...fields}`; exceptions as one escaped string."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update(getattr(record, "fields", {}))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return msgspec.json.encode(entry).decode()


def logging_config(settings: Settings) -> LoggingConfig:
    level = settings.log_level.upper()
    return LoggingConfig(
        formatters={"json": {"()": JsonFormatter}},
        handlers={
            "stdout": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stdout",
            }
        },
        root={"level": level, "handlers": ["stdout"]},
        loggers={
            "growth_atlas": {"level": level, "propagate": True},
            # Its own per-request lines would repeat ours.
            "uvicorn.access": {"level": "WARNING", "propagate": True},
            "httpx": {"level": "WARNING", "propagate": True},
        },
        # Unhandled errors are logged once, by our exception handler, with the request's route.
        log_exceptions="never",
    )
