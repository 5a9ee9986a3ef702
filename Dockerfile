# Growth Atlas: the API server image. Build: docker build -t growth-atlas:1.0.0 .
# Two stages: `build` installs the project into a virtualenv; the final stage gets only that venv
# and the seed files, runs as an unprivileged user and writes nothing (read-only root works).

# ---- build: pip install . into /opt/venv ------------------------------------------------------
FROM python:3.11.14-slim-bookworm AS build

ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PYTHONDONTWRITEBYTECODE=1

# Every dependency ships wheels for CPython 3.11 on amd64 and arm64: no compiler is needed here.
RUN python -m venv /opt/venv

WORKDIR /src
# Only what the wheel is built from (pyproject names README.md as the long description).
COPY pyproject.toml README.md ./
COPY schemas/ schemas/
COPY service/ service/

# A non-editable install; then pip and setuptools leave the venv, the image needs neither.
RUN /opt/venv/bin/pip install --no-cache-dir . \
    && /opt/venv/bin/python -m pip uninstall --yes pip setuptools

# ---- run ----------------------------------------------------------------------------------------
FROM python:3.11.14-slim-bookworm

LABEL org.opencontainers.image.title="growth-atlas" \
      org.opencontainers.image.description="Growth Atlas REST API (Litestar, uvicorn)" \
      org.opencontainers.image.licenses="Apache-2.0"

ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    GROWTH_ATLAS_SEEDS_DIR=/app/seeds

# A fixed numeric UID/GID (k8s/ sets the same in runAsUser/runAsGroup); no home, no login shell.
RUN groupadd --system --gid 10001 growth-atlas \
    && useradd --system --uid 10001 --gid 10001 --no-create-home \
       --home-dir /nonexistent --shell /usr/sbin/nologin growth-atlas

COPY --from=build /opt/venv /opt/venv
# `growth-atlas seed` reads them from GROWTH_ATLAS_SEEDS_DIR (set below); read-only at run time.
COPY seeds/ /app/seeds/

# An empty, root-owned working directory: nothing is written to it.
WORKDIR /app
USER 10001:10001

EXPOSE 8000
# /health/live does no I/O; slim has no curl, so the standard library asks.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/health/live', timeout=3).status != 200)"]

# uvicorn is PID 1 (exec form, no shell): SIGTERM stops accepting, drains in-flight requests for up
# to 20 s, then runs the app shutdown that closes the database pool.
STOPSIGNAL SIGTERM
ENTRYPOINT ["growth-atlas"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8000"]
