"""Content codings: gzip always, brotli when the client asks for it and `brotli` is installed.

Compression happens last, after the entity tag was computed from the identity body, so an
`ETag` names the representation whatever coding carried it (see caching.py beside this).
"""

from __future__ import annotations

import zlib
from typing import Protocol

from service.representations.quality import q_value

try:
    import brotli

    HAS_BROTLI = True
except ImportError:  # optional: gzip serves every client that asks for a coding
    HAS_BROTLI = False

# Below this a response fits in a packet or two: compressing saves no round trip.
MINIMUM_SIZE = 1024
# Text compresses well; msgpack and already compressed types hardly do.
COMPRESSIBLE = ("application/json", "application/problem+json", "application/x-ndjson", "text/")
# Speed over ratio: a response is compressed on every request, not once.
GZIP_LEVEL = 6
BROTLI_QUALITY = 4
# Streams (exports) of hundreds of megabytes: the fastest levels still shrink NDJSON/CSV ~5x.
STREAM_GZIP_LEVEL = 1
STREAM_BROTLI_QUALITY = 1


class Encoder(Protocol):
    def compress(self, chunk: bytes) -> bytes: ...

    def finish(self) -> bytes: ...


class _Gzip:
    def __init__(self, level: int) -> None:
        self._compressor = zlib.compressobj(level, zlib.DEFLATED, 16 + zlib.MAX_WBITS)

    def compress(self, chunk: bytes) -> bytes:
        # A sync flush per chunk: a streaming client gets each batch as it is made.
        return self._compressor.compress(chunk) + self._compressor.flush(zlib.Z_SYNC_FLUSH)

    def finish(self) -> bytes:
        return self._compressor.flush(zlib.Z_FINISH)


class _Brotli:
    def __init__(self, quality: int) -> None:
        self._compressor = brotli.Compressor(quality=quality)

    def compress(self, chunk: bytes) -> bytes:
        return bytes(self._compressor.process(chunk)) + bytes(self._compressor.flush())

    def finish(self) -> bytes:
        return bytes(self._compressor.finish())


def compressible(content_type: str) -> bool:
    return content_type.lower().startswith(COMPRESSIBLE)


def choose_coding(accept_encoding: str | None) -> str | None:
    """ "br", "gzip" or None (identity), by the client's q-values; br wins a tie."""
    if not accept_encoding:
        return None
    qualities: dict[str, float] = {}
    for part in accept_encoding.split(","):
        name, *parameters = (piece.strip().lower() for piece in part.split(";"))
        quality = q_value(parameters)
        if quality is not None:
            qualities[name] = quality
    offered = ["br", "gzip"] if HAS_BROTLI else ["gzip"]
    best, best_quality = None, 0.0
    for coding in offered:
        quality = qualities.get(coding, qualities.get("*", 0.0))
        if quality > best_quality:
            best, best_quality = coding, quality
    return best


def compress(body: bytes, coding: str) -> bytes:
    """The whole body in `coding`."""
    if coding == "br":
        return bytes(brotli.compress(body, quality=BROTLI_QUALITY))
    return zlib.compress(body, GZIP_LEVEL, wbits=16 + zlib.MAX_WBITS)


def stream_encoder(coding: str) -> Encoder:
    """An incremental encoder for a streamed body."""
    if coding == "br":
        return _Brotli(STREAM_BROTLI_QUALITY)
    return _Gzip(STREAM_GZIP_LEVEL)
