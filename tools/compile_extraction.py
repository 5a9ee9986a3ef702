"""Compile the extractor (service/extraction/) with mypyc into build/mypyc/.

    .venv/bin/python tools/compile_extraction.py            # `make compiled` runs this
    .venv/bin/python tools/compile_extraction.py --force    # compile again whatever happened

The same .py files run compiled, about a fifth less CPU per 1,000 words (benchmarks/README.md).
Nothing here is needed to run: without a build, or with a stale one, the package runs its .py
files (see service/compiled.py, which also says how a build is matched to its sources).

Compiles only when the sources' hash differs from the one the build records (a no-op otherwise,
in a fraction of a second), into a new directory that replaces the old one once it imports; the
hash is taken before and after compiling, and a build of files edited meanwhile is thrown away.
Where there is no C compiler or Python headers, or mypyc fails, it says so and exits 1 (the
Makefile prints that as a warning and goes on); a failure is remembered for its sources, so that
the next `make` does not spend a minute failing again (`--force` tries anyway).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from service import compiled  # noqa: E402

BUILD = ROOT / compiled.BUILD
WORK = ROOT / "build" / "mypyc-work"
"""Generated C, object files and mypy's cache, kept between builds."""
FAILED = WORK / "FAILED"
"""The hash of sources whose compilation failed."""
# The shared library of all the compiled modules, in the package: service.extraction.compiled__mypyc
GROUP = "service.extraction.compiled"


def compile_into(output: Path) -> None:
    """Run mypyc and the C compiler; extension modules land under `output` (in this process,
    which `main` runs apart to keep its output for when it fails)."""
    from mypyc.build import mypycify
    from setuptools import Distribution

    modules = [
        path.as_posix()
        for path in compiled.sources(ROOT)
        if path.parent.as_posix() == compiled.PACKAGE and path.name != "__init__.py"
    ]
    extensions = mypycify(
        ["--cache-dir", str(WORK / "mypy-cache"), *modules],
        opt_level="3",
        target_dir=str(WORK / "c"),
        group_name=GROUP,
    )
    # A bare Distribution: setup() would also read pyproject.toml's [project].
    distribution = Distribution({"name": "growth-atlas-extraction", "ext_modules": extensions})
    command = distribution.get_command_obj("build_ext")
    command.build_lib = str(output)  # type: ignore[attr-defined]
    command.build_temp = str(WORK / "temp")  # type: ignore[attr-defined]
    distribution.run_command("build_ext")


def missing_toolchain() -> str | None:
    """What compiling would need and this machine lacks, if anything."""
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        return f"no C compiler ({compiler})"
    if not (Path(sysconfig.get_paths()["include"]) / "Python.h").is_file():
        return "no Python headers (Python.h)"
    try:
        import mypyc.build  # noqa: F401
        import setuptools  # noqa: F401
    except ImportError as error:
        return f"no {error.name} in this environment"
    return None


def imports(output: Path) -> str | None:
    """Why the new build fails to import and run, if it does."""
    probe = (
        "import sys, service.compiled as c; from pathlib import Path\n"
        f"c.BUILD = Path({str(output.relative_to(ROOT))!r})\n"
        "from service.extraction import extract, reader\n"
        "from service.extraction.gazetteer import Gazetteer\n"
        "assert reader.__file__.endswith(('.so', '.pyd')), reader.__file__\n"
        "extract('Exports rose 9 percent in 2023.', None, Gazetteer())\n"
    )
    run = subprocess.run(
        [sys.executable, "-W", "error::RuntimeWarning", "-c", probe],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    return None if run.returncode == 0 else (run.stderr.strip() or "the probe failed")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--force", action="store_true", help="compile even if up to date")
    parser.add_argument("--into", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.into:
        compile_into(args.into)
        return 0
    wanted = compiled.source_hash()
    manifest = compiled.build_dir() / compiled.MANIFEST
    if not args.force and manifest.is_file() and manifest.read_text().strip() == wanted:
        return 0
    # A stale build is never used; gone, it is not warned about at every import either.
    shutil.rmtree(BUILD, ignore_errors=True)
    if reason := missing_toolchain():
        print(f"compile_extraction: {reason}: the extractor runs as Python", file=sys.stderr)
        return 1
    if not args.force and FAILED.is_file() and FAILED.read_text().strip() == wanted:
        print(
            "compile_extraction: these sources failed to compile before (--force tries again)",
            file=sys.stderr,
        )
        return 1
    print("compile_extraction: compiling service/extraction with mypyc (about two minutes)")
    started = time.monotonic()
    fresh = BUILD.with_name("mypyc.new")
    shutil.rmtree(fresh, ignore_errors=True)
    WORK.mkdir(parents=True, exist_ok=True)
    run = subprocess.run(
        [sys.executable, __file__, "--into", str(fresh)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    failure = None
    if run.returncode != 0:
        failure = "\n".join((run.stdout + run.stderr).strip().splitlines()[-40:])
    elif compiled.source_hash() != wanted:
        print("compile_extraction: the sources changed while compiling", file=sys.stderr)
        shutil.rmtree(fresh, ignore_errors=True)
        return 1
    else:
        (fresh / compiled.PACKAGE / compiled.MANIFEST).write_text(wanted + "\n")
        failure = imports(fresh)
    if failure is not None:
        shutil.rmtree(fresh, ignore_errors=True)
        FAILED.write_text(wanted + "\n")
        print(f"{failure}\ncompile_extraction: mypyc failed", file=sys.stderr)
        return 1
    FAILED.unlink(missing_ok=True)
    fresh.rename(BUILD)
    print(f"compile_extraction: compiled in {time.monotonic() - started:.0f} s into {BUILD}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
