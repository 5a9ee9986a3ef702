"""The image without Docker: the Dockerfile's steps replayed into a directory, then run the way
Kubernetes runs the container (read-only root filesystem, a tmpfs at /tmp, UID 10001, no new
privileges), to show that a non-editable install finds its migrations and seeds, migrates, seeds,
serves, and drains on SIGTERM, with the extractor compiled by mypyc.

The wheel is built from exactly the files the build stage copies and installed without
dependencies; those come from the test environment (a .pth line), which is what keeps this fast.
The extractor's build is the one the build stage's command (tools/compile_extraction.py) makes
from those files, and is put where the Dockerfile puts it: `make compiled`'s build when its
recorded hash is that of the copied sources (`make pytest` compiles first), else compiled once
per source hash under .tools/mypyc/.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import tempfile
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from service import compiled
from tests.databases import require_backend, temporary_database
from tests.deploy.conftest import Manifest, find
from tests.deploy.docker import DockerIgnore, Stage, stages
from tests.deploy.tooling import ROOT, TOOLS, run
from tests.requirements import require

BUILD_TIMEOUT = 600.0
STARTUP_TIMEOUT = 90.0
DRAIN_TIMEOUT = 30.0  # uvicorn's 20 s graceful shutdown, and some
VENV = "/opt/venv"
COMPILE = "tools/compile_extraction.py"


@pytest.fixture(scope="module")
def dockerfile() -> list[Stage]:
    return stages()


@pytest.fixture(scope="module")
def context(dockerfile: list[Stage], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The files the build stage copies, as the build context holds them."""
    context = tmp_path_factory.mktemp("context")
    ignore = DockerIgnore()
    for item in dockerfile[0].all("COPY"):
        for source in item.paths()[:-1]:
            for path in [ROOT / source, *(ROOT / source).rglob("*")]:
                relative = path.relative_to(ROOT)
                if path.is_file() and not ignore.excluded(str(relative)):
                    (context / relative).parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(path, context / relative)
    return context


@pytest.fixture(scope="module")
def wheel(context: Path) -> Path:
    """`pip install .` of the build stage."""
    # A wheel is a function of its context: one built from the same files is reused.
    out = TOOLS / "wheels" / _digest(context)
    if not out.is_dir():
        out.parent.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(dir=out.parent))
        build = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir"]
        result = run([*build, scratch, context], timeout=BUILD_TIMEOUT)
        assert result.returncode == 0, result.stderr[-3000:]
        try:
            os.replace(scratch, out)
        except OSError:  # another run put the same wheel there first
            shutil.rmtree(scratch)
    (built,) = out.glob("growth_atlas-*.whl")
    return built


@pytest.fixture(scope="module")
def extractor_build(context: Path, dockerfile: list[Stage]) -> Path:
    """build/mypyc/ as the build stage's compile command leaves it in /src."""
    (command,) = [i.arguments for i in dockerfile[0].all("RUN") if COMPILE in i.arguments]
    assert "python tools/compile_extraction.py" in command
    wanted = compiled.source_hash(context)
    if _recorded(compiled.build_dir(ROOT)) == wanted:
        return ROOT / compiled.BUILD  # `make compiled` ran the same command on the same files
    key = hashlib.sha256(f"{sys.version}\0{wanted}".encode()).hexdigest()[:24]
    out = TOOLS / "mypyc" / key
    if _recorded(out / compiled.PACKAGE) != wanted:
        result = run([sys.executable, context / COMPILE], timeout=BUILD_TIMEOUT, cwd=context)
        assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
        out.parent.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(dir=out.parent))
        shutil.copytree(context / compiled.BUILD, scratch, dirs_exist_ok=True)
        try:
            os.replace(scratch, out)
        except OSError:  # another run put the same build there first
            shutil.rmtree(scratch)
    return out


def _recorded(directory: Path) -> str | None:
    try:
        return (directory / compiled.MANIFEST).read_text().strip()
    except OSError:
        return None


def _placement(dockerfile: list[Stage]) -> str:
    """Where the build stage copies build/mypyc (an image path)."""
    (command,) = [i.arguments for i in dockerfile[0].all("RUN") if COMPILE in i.arguments]
    match = re.search(rf"cp -R {compiled.BUILD.as_posix()} (\S+)", command)
    assert match, command
    return match.group(1)


def _digest(context: Path) -> str:
    """What the build reads: every file of the context (path and bytes), and the interpreter."""
    digest = hashlib.sha256(sys.version.encode())
    for path in sorted(p for p in context.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(context)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:24]


@pytest.fixture(scope="module")
def image_root(wheel: Path, extractor_build: Path, dockerfile: list[Stage]) -> Iterator[Path]:
    """A directory laid out like the final stage: /opt/venv with the wheel and the extractor's
    build, seeds, /app, /tmp."""
    # Under /tmp and world-traversable: the unprivileged UID must reach it.
    root = Path(tempfile.mkdtemp(prefix="growth-atlas-image-", dir="/tmp"))
    try:
        root.chmod(0o755)
        venv = root / VENV.lstrip("/")
        result = run([sys.executable, "-m", "venv", venv], timeout=120)
        assert result.returncode == 0, result.stderr
        install = [venv / "bin" / "python", "-m", "pip", "install", "--quiet", "--no-deps"]
        result = run([*install, "--no-index", wheel], timeout=BUILD_TIMEOUT)
        assert result.returncode == 0, result.stderr[-3000:]
        shutil.copytree(extractor_build, _in_image(root, venv, _placement(dockerfile)))
        site = _site_packages(venv)
        (site / "_deploy_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
        for item in dockerfile[-1].all("COPY"):
            if "from" not in item.flags():
                *sources, destination = item.paths()
                for source in sources:
                    shutil.copytree(ROOT / source, _in_image(root, venv, destination))
        for directory in ("app", "tmp"):
            (root / directory).mkdir(exist_ok=True)
        yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _site_packages(venv: Path) -> Path:
    (site,) = (venv / "lib").glob("python3.*/site-packages")
    return site


def _in_image(root: Path, venv: Path, destination: str) -> Path:
    """An image path under `root`; the image's python3.11 site-packages is this venv's."""
    prefix = f"{VENV}/lib/python3.11/site-packages/"
    if destination.startswith(prefix):
        return _site_packages(venv) / destination.removeprefix(prefix)
    return root / destination.lstrip("/")


def test_the_wheel_carries_every_module_and_migration(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for package in ("service", "schemas"):
        for path in (ROOT / package).rglob("*.py"):
            assert str(path.relative_to(ROOT)) in names, path
    migrations = ROOT / "service" / "db" / "migrations"
    for path in [migrations / "script.py.mako", *migrations.rglob("*.py")]:
        assert str(path.relative_to(ROOT)) in names, path


def test_the_installed_package_finds_its_seeds_and_migrations(
    image_root: Path, dockerfile: list[Stage]
) -> None:
    probe = (
        "import json, service, service.db.migrate as m; from service.settings import Settings as S;"
        "print(json.dumps([service.__file__, S.from_env().seeds_dir, str(m.MIGRATIONS_DIR)]))"
    )
    python = image_root / VENV.lstrip("/") / "bin" / "python"
    seeds_in_image = dockerfile[-1].env()["GROWTH_ATLAS_SEEDS_DIR"]
    env = {"GROWTH_ATLAS_SEEDS_DIR": str(image_root / seeds_in_image.lstrip("/"))}
    result = run([python, "-c", probe], timeout=60, cwd=image_root / "app", env=env)
    assert result.returncode == 0, result.stderr
    module, seeds, migrations = (Path(p) for p in json.loads(result.stdout))
    site = _site_packages(image_root / VENV.lstrip("/"))
    assert module.is_relative_to(site), "the wheel, not the work tree, is imported"
    assert seeds == image_root / "app" / "seeds"
    assert (seeds / "facts.yaml").is_file()
    assert list((seeds / "articles").iterdir())
    assert (migrations / "env.py").is_file()
    assert list((migrations / "versions").glob("0*.py"))


def _compiled_dir(image_root: Path, dockerfile: list[Stage]) -> Path:
    """Where the image holds the extractor's compiled modules."""
    venv = image_root / VENV.lstrip("/")
    return _in_image(image_root, venv, _placement(dockerfile)) / compiled.PACKAGE


EXTRACTOR_MODULES = (
    "import json, sys; from service.extraction import extract;"
    "from service.extraction.gazetteer import Gazetteer;"
    "extract('Exports rose 9 percent in 2023.', None, Gazetteer());"
    "print(json.dumps({n: m.__file__ for n, m in sys.modules.items()"
    " if n.startswith('service.extraction.') or n.partition('.')[0] in"
    " ('mypy', 'mypyc', 'mypy_extensions', 'librt')}))"
)


def _extractor_modules(image_root: Path) -> dict[str, Path]:
    """The image's python, the way the entry point starts: the extractor's modules it loads."""
    python = image_root / VENV.lstrip("/") / "bin" / "python"
    command = [python, "-I", "-W", "error::RuntimeWarning", "-c", EXTRACTOR_MODULES]
    result = run(command, timeout=60, cwd=image_root / "app")
    assert result.returncode == 0, result.stderr
    return {name: Path(path) for name, path in json.loads(result.stdout).items()}


def test_the_installed_package_runs_its_extractor_compiled(
    image_root: Path, dockerfile: list[Stage]
) -> None:
    build = _compiled_dir(image_root, dockerfile)
    loaded = _extractor_modules(image_root)
    package = _site_packages(image_root / VENV.lstrip("/")) / compiled.PACKAGE
    rules = {f"service.extraction.{p.stem}" for p in package.glob("*.py")} - {
        "service.extraction.__init__"
    }
    assert rules <= set(loaded), "every module of the package is imported"
    assert "service.extraction.compiled__mypyc" in loaded
    # Nothing of the compiler is needed to run (the final stage has none of it).
    assert not [name for name in loaded if not name.startswith("service.")]
    # (mypyc gives the modules of its shared library a __file__ in a folder named after their
    # package inside the build's.)
    not_compiled = {
        name: path
        for name, path in loaded.items()
        if not path.is_relative_to(build) or path.suffix != ".so"
    }
    assert not not_compiled, f"loaded from outside the build: {not_compiled}"


def test_an_edited_installed_module_runs_as_python(
    image_root: Path, dockerfile: list[Stage]
) -> None:
    # The build is matched to the installed .py files, not to the files it was compiled from.
    words = _site_packages(image_root / VENV.lstrip("/")) / compiled.PACKAGE / "words.py"
    original = words.read_bytes()
    try:
        words.write_bytes(original + b"# one more rule\n")
        python = image_root / VENV.lstrip("/") / "bin" / "python"
        command = [python, "-I", "-c", EXTRACTOR_MODULES]
        result = run(command, timeout=60, cwd=image_root / "app")
        assert result.returncode == 0, result.stderr
        assert "compiled from other sources" in result.stderr
        loaded = {Path(path).suffix for path in json.loads(result.stdout).values()}
        assert loaded == {".py"}
    finally:
        words.write_bytes(original)
    assert _extractor_modules(image_root)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _untraversable(path: Path) -> tuple[Path, Path] | None:
    """(the outermost directory others may not enter on `path`, its child towards `path`)."""
    for parent in [*reversed(path.parents), path][1:]:
        if not parent.stat().st_mode & 0o001:
            child = path.parents[len(path.parents) - len(parent.parts) - 1]
            return parent, child if child != parent else path
    return None


def _container_script(root: Path, staging: Path, uid: int, gid: int, command: str) -> str:
    """Mounts of a private namespace, then the command as `uid` with no way back to root."""
    lines = ["set -eu"]
    # The interpreter may live under a directory closed to others (pyenv in /root): show the
    # unprivileged user only the path it needs, as the image would have it in /usr/local.
    needed = {Path(sys.base_prefix).resolve(), Path(sysconfig.get_paths()["purelib"]).resolve()}
    for index, (closed, child) in enumerate(
        sorted({c for p in needed if (c := _untraversable(p))})
    ):
        staged = staging / str(index)
        lines += [
            f"mkdir -p '{staged}' && mount --bind '{child}' '{staged}'",
            f"mount -t tmpfs -o size=1m,mode=755 tmpfs '{closed}'",
            f"mkdir -p '{child}' && mount --move '{staged}' '{child}'",
        ]
    lines += [
        f"mount --bind '{root}' '{root}' && mount -o remount,bind,ro '{root}'",
        "mount -o remount,bind,ro /",
        # The emptyDir that Kubernetes mounts at /tmp.
        f"mount -t tmpfs -o size=64m,mode=1777 tmpfs '{root}/tmp'",
        f"cd '{root}/app'",
        f"exec setpriv --reuid={uid} --regid={gid} --clear-groups --no-new-privs -- "
        f"sh -c '{command}'",
    ]
    return "\n".join(lines)


def _can_isolate() -> bool:
    if os.geteuid() != 0 or not (shutil.which("unshare") and shutil.which("setpriv")):
        return False
    probe = run(["unshare", "--mount", "--propagation", "private", "true"], timeout=30)
    return probe.returncode == 0


def _production_settings(rendered: dict[str, list[Manifest]]) -> dict[str, str]:
    (config,) = find(rendered["production"], "ConfigMap", "growth-atlas-config")
    settings: dict[str, str] = config["data"]
    return settings


@pytest.mark.parametrize("backend", ["postgresql", "sqlite"])
def test_the_image_migrates_seeds_serves_and_drains_read_only(
    image_root: Path,
    dockerfile: list[Stage],
    rendered: dict[str, list[Manifest]],
    backend: str,
    tmp_path: Path,
) -> None:
    require(_can_isolate(), "needs root, unshare and setpriv (util-linux) to mimic the container")
    require_backend(backend)
    final = dockerfile[-1]
    uid, gid = (int(part) for part in final.one("USER").arguments.split(":"))
    port = _free_port()
    serve = final.one("ENTRYPOINT").exec_form + final.one("CMD").exec_form  # type: ignore[operator]
    serve = [part if part != "0.0.0.0" else "127.0.0.1" for part in serve]
    serve[serve.index("--port") + 1] = str(port)
    before = sorted(str(p.relative_to(image_root)) for p in image_root.rglob("*"))
    with temporary_database(backend, image_root / "tmp") as database:
        env = {
            "PATH": f"{image_root}{VENV}/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "HOME": "/nonexistent",
            "TMPDIR": f"{image_root}/tmp",
            **{key: value for key, value in final.env().items() if key != "PATH"},
            # The image's absolute paths live under image_root here (no chroot).
            "GROWTH_ATLAS_SEEDS_DIR": f"{image_root}{final.env()['GROWTH_ATLAS_SEEDS_DIR']}",
            **_production_settings(rendered),
            "GROWTH_ATLAS_DATABASE_URL": database.database_url,
            "GROWTH_ATLAS_CURSOR_SECRET": secrets.token_urlsafe(32),
        }
        command = f"growth-atlas migrate && growth-atlas seed && exec {' '.join(serve)}"
        script = _container_script(image_root, tmp_path / "shim", uid, gid, command)
        log = tmp_path / "container.log"
        with log.open("wb") as output:
            process = subprocess.Popen(
                ["unshare", "--mount", "--propagation", "private", "sh", "-c", script],
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        try:
            _exercise(process, f"http://127.0.0.1:{port}", log, uid)
            _serves_compiled(process.pid, _compiled_dir(image_root, dockerfile))
            _healthcheck(final, image_root, port)
            _terminate(process, log)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=10)
    after = sorted(str(p.relative_to(image_root)) for p in image_root.rglob("*"))
    assert after == before, "the container wrote to its root filesystem"


def _healthcheck(final: Stage, image_root: Path, port: int) -> None:
    """The image's HEALTHCHECK command, with the image's python, against the running server."""
    probe = final.one("HEALTHCHECK").exec_form
    assert probe is not None
    command = [part.replace("127.0.0.1:8000", f"127.0.0.1:{port}") for part in probe]
    command[0] = str(image_root / VENV.lstrip("/") / "bin" / command[0])
    assert run(command, timeout=10).returncode == 0
    stopped = [part.replace(f":{port}/", f":{_free_port()}/") for part in command]
    assert run(stopped, timeout=10).returncode != 0, "a dead server fails the check"


def _exercise(process: subprocess.Popen[bytes], base_url: str, log: Path, uid: int) -> None:
    with httpx.Client(base_url=base_url, timeout=5.0, trust_env=False) as client:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while True:
            assert process.poll() is None, f"the container exited:\n{log.read_text()}"
            assert time.monotonic() < deadline, f"not live in time:\n{log.read_text()}"
            try:
                if client.get("/health/live").status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.25)
        # The server is the process the runtime signals (exec all the way down), as UID 10001.
        status = Path(f"/proc/{process.pid}/status").read_text()
        assert f"Uid:\t{uid}\t" in status, status
        assert "serve" in Path(f"/proc/{process.pid}/cmdline").read_text()
        assert client.get("/health/ready").json() == {"status": "ready"}
        metrics = client.get("/metrics").text
        assert "growth_atlas_seed_info{facts_sha256=" in metrics
        assert "growth_atlas_schema_revision_info{revision=" in metrics
        assert client.get("/v1/regions/hunan").status_code == 200, "migrated and seeded"
        article = {"text": "Hunan's exports rose 9 percent in 2023.", "published_on": "2024-03-01"}
        facts = client.post("/v1/extract", json=article)
        assert facts.status_code == 200, facts.text
        assert facts.json()["facts"], "the extractor ran"


def _serves_compiled(pid: int, build: Path) -> None:
    """The server has the extractor's compiled modules mapped: the build, not the .py files."""
    mapped = {
        Path(line.split(maxsplit=5)[-1].strip())
        for line in Path(f"/proc/{pid}/maps").read_text().splitlines()
        if line.count(" ") >= 5 and ".so" in line
    }
    names = {path.name.split(".")[0] for path in mapped if path.parent == build}
    # The package imports `reader`; the other modules load from the shared library, unmapped.
    assert {"compiled__mypyc", "reader"} <= names, sorted(map(str, mapped))


def _terminate(process: subprocess.Popen[bytes], log: Path) -> None:
    process.send_signal(signal.SIGTERM)
    # uvicorn drains, runs the app shutdown (closing the pool), then re-raises the signal it
    # caught, so the process ends "killed by SIGTERM" (exit code 143 in a container).
    assert process.wait(timeout=DRAIN_TIMEOUT) in {0, -signal.SIGTERM}
    text = log.read_text()
    assert "Application shutdown complete." in text, text
    assert "Finished server process" in text, text
    assert "Traceback" not in text, text
    assert "Read-only file system" not in text, text
    assert "RuntimeWarning" not in text, text
