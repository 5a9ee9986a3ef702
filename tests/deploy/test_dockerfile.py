"""The Dockerfile: hadolint-clean, and the image it describes is the one the manifests expect."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.deploy.docker import DOCKERFILE, DockerIgnore, Stage, stages
from tests.deploy.tooling import ROOT, run

SERVE = ["growth-atlas", "serve", "--host", "0.0.0.0", "--port", "8000"]
PINNED_BASE = re.compile(r"^python:3\.11\.\d+-slim-bookworm(@sha256:[0-9a-f]{64})?$")
BUILD_TOOLS = re.compile(r"\b(apt-get|apt|gcc|g\+\+|make|build-essential|cc|clang)\b")


@pytest.fixture(scope="module")
def dockerfile() -> list[Stage]:
    return stages()


@pytest.fixture(scope="module")
def final(dockerfile: list[Stage]) -> Stage:
    return dockerfile[-1]


def test_hadolint_reports_nothing(hadolint: Path) -> None:
    result = run([hadolint, "--no-color", DOCKERFILE.name], timeout=60)
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_every_stage_is_the_pinned_slim_python_311(dockerfile: list[Stage]) -> None:
    assert len(dockerfile) >= 2, "multi-stage: build, then a runtime stage"
    for stage in dockerfile:
        assert PINNED_BASE.match(stage.base), stage.base


def test_the_build_stage_installs_the_project_without_dev_extras(dockerfile: list[Stage]) -> None:
    build = dockerfile[0]
    installs = [
        item.arguments for item in build.all("RUN") if "venv/bin/pip install" in item.arguments
    ]
    assert installs, "the build stage runs pip install"
    for command in installs:
        assert "/opt/venv/bin/pip install" in command
        assert re.search(r"pip install( --no-cache-dir)? \.(\s|$)", command), command
        assert "[" not in command, "no extras"
        assert " -e " not in command, "no editable install"


def test_the_extractor_is_compiled_by_pinned_tools_outside_the_image_venv(
    dockerfile: list[Stage],
) -> None:
    (compile_run,) = [
        i.arguments for i in dockerfile[0].all("RUN") if "compile_extraction" in i.arguments
    ]
    (tools,) = re.findall(r"(/opt/\S+)/bin/pip install --no-cache-dir ([^&]+)", compile_run)
    venv, packages = tools
    assert venv != "/opt/venv", "mypy and setuptools never enter the venv the image gets"
    assert sorted(p.split("==")[0] for p in packages.split()) == ["mypy", "setuptools"]
    assert all(re.fullmatch(r"[\w-]+==[\d.]+", p) for p in packages.split()), packages
    # The image fails to build unless the installed package loads the build it was given.
    assert "reader.__file__.endswith('.so')" in compile_run


def test_the_final_stage_copies_only_the_venv_and_the_seeds(final: Stage) -> None:
    copies = final.all("COPY")
    from_build = [item for item in copies if "from" in item.flags()]
    assert [item.paths() for item in from_build] == [["/opt/venv", "/opt/venv"]]
    from_context = [item.paths() for item in copies if "from" not in item.flags()]
    assert from_context == [["seeds/", "/app/seeds/"]]
    assert not final.all("ADD")


def test_no_compiler_or_package_manager_runs_in_the_final_stage(final: Stage) -> None:
    for item in final.all("RUN"):
        assert not BUILD_TOOLS.search(item.arguments), item.arguments


def test_runs_as_a_fixed_unprivileged_uid(final: Stage) -> None:
    user = final.one("USER").arguments
    assert re.fullmatch(r"\d+:\d+", user), "numeric UID:GID, so runAsNonRoot can verify it"
    uid, gid = (int(part) for part in user.split(":"))
    assert uid >= 10000
    assert gid >= 10000
    (created,) = [item.arguments for item in final.all("RUN") if "useradd" in item.arguments]
    assert f"--uid {uid}" in created
    assert f"--gid {gid}" in created


def test_entrypoint_is_the_readme_serve_command_in_exec_form(final: Stage) -> None:
    entrypoint, command = final.one("ENTRYPOINT").exec_form, final.one("CMD").exec_form
    assert entrypoint is not None, "exec form: uvicorn is PID 1"
    assert command is not None, "exec form"
    assert entrypoint + command == SERVE
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert " ".join(SERVE) in readme


def test_signals_ports_environment_and_healthcheck(final: Stage) -> None:
    assert final.one("STOPSIGNAL").arguments == "SIGTERM"
    assert final.one("EXPOSE").arguments == "8000"
    env = final.env()
    assert env["PYTHONDONTWRITEBYTECODE"] == "1"
    assert env["PYTHONUNBUFFERED"] == "1"
    assert env["PATH"].startswith("/opt/venv/bin:")
    healthcheck = final.one("HEALTHCHECK")
    probe = healthcheck.exec_form
    assert probe is not None, "exec form"
    assert probe[0] == "python", "slim has no curl: python asks"
    assert "http://127.0.0.1:8000/health/live" in probe[-1]
    assert "--timeout=" in healthcheck.arguments
    assert "--interval=" in healthcheck.arguments


def test_workdir_is_not_a_place_the_process_writes(final: Stage) -> None:
    # The UID of USER owns nothing in the image: a read-only root filesystem changes nothing.
    assert "chown" not in " ".join(item.arguments for item in final.all("RUN"))
    assert all("chown" not in item.flags() for item in final.all("COPY"))


IGNORED = [
    ".git/HEAD",
    ".venv/bin/python",
    "var/growth-atlas.db",
    ".tools/checkov-3.3.30/bin/checkov",
    ".pytest_cache/v/cache/nodeids",
    ".mypy_cache/3.11/service/app.data.json",
    ".ruff_cache/CACHEDIR.TAG",
    ".hypothesis/examples/x",
    "service/__pycache__/app.cpython-311.pyc",
    "node_modules/x/index.js",
    "tools/npm/node_modules/@stoplight/spectral-cli/package.json",
    "growth_atlas.egg-info/PKG-INFO",
    ".env",
]


@pytest.mark.parametrize("path", IGNORED)
def test_dockerignore_keeps_local_state_out_of_the_context(path: str) -> None:
    assert DockerIgnore().excluded(path)


def test_dockerignore_keeps_everything_the_dockerfile_copies(dockerfile: list[Stage]) -> None:
    ignore = DockerIgnore()
    sources = [
        source
        for stage in dockerfile
        for item in stage.all("COPY")
        if "from" not in item.flags()
        for source in item.paths()[:-1]
    ]
    assert sources, "the Dockerfile copies from the context"
    for source in sources:
        path = ROOT / source
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        copied = [f for f in files if "__pycache__" not in f.parts]
        assert copied, source
        assert not [f for f in copied if ignore.excluded(str(f.relative_to(ROOT)))], source


def test_files_the_unprivileged_user_reads_are_world_readable() -> None:
    # COPY keeps the context's file modes; the runtime UID owns none of them.
    for source in ("seeds", "service", "schemas"):
        for path in (ROOT / source).rglob("*"):
            if "__pycache__" in path.parts:
                continue
            needed = 0o005 if path.is_dir() else 0o004
            assert path.stat().st_mode & needed == needed, path
