# Growth Atlas: the API server image. Build: docker build -t growth-atlas:1.0.0 .
# Two stages: `build` installs the project into a virtualenv and compiles its extractor there; the
# final stage gets only that venv and the seed files, runs as an unprivileged user and writes
# nothing (read-only root works).

# ---- build: pip install . into /opt/venv, the extractor compiled beside it ---------------------
FROM python:3.11.14-slim-bookworm AS build

ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PYTHONDONTWRITEBYTECODE=1

# Every dependency ships wheels for CPython 3.11 on amd64 and arm64; gcc and the C library's
# headers (the image has Python's) are for mypyc alone. Unpinned: libc6-dev must match the base
# image's libc6, which Debian's point releases move; none of it reaches the final stage.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install --yes --no-install-recommends gcc libc6-dev \
    && rm -rf /var/lib/apt/lists/*

RUN python -m venv /opt/venv

WORKDIR /src
# Only what the wheel is built from (pyproject names README.md as the long description).
COPY pyproject.toml README.md ./
COPY schemas/ schemas/
COPY service/ service/

# A non-editable install; then pip and setuptools leave the venv, the image needs neither.
RUN /opt/venv/bin/pip install --no-cache-dir . \
    && /opt/venv/bin/python -m pip uninstall --yes pip setuptools

# The extractor compiled with mypyc (README: "The compiled extractor"), by a venv of its own that
# sees the installed project through a .pth line, so no compiler tool enters /opt/venv. The
# build goes where the installed service/compiled.py looks (build/mypyc/ beside the package),
# which uses it only while its hash is that of the installed .py files (copies of these); the
# last command fails the build unless the installed package loads it. mypy and setuptools are
# the versions `make compiled` was last checked with.
COPY tools/compile_extraction.py tools/
RUN python -m venv /opt/mypyc \
    && /opt/mypyc/bin/pip install --no-cache-dir mypy==2.4.1 setuptools==84.2.1 \
    && echo /opt/venv/lib/python3.11/site-packages \
       > /opt/mypyc/lib/python3.11/site-packages/growth-atlas.pth \
    && /opt/mypyc/bin/python tools/compile_extraction.py \
    && mkdir /opt/venv/lib/python3.11/site-packages/build \
    && cp -R build/mypyc /opt/venv/lib/python3.11/site-packages/build/mypyc \
    && /opt/venv/bin/python -I -W error::RuntimeWarning -c \
       "from service.extraction import reader; assert reader.__file__.endswith('.so')"

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
