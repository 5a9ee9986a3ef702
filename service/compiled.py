"""The extractor compiled with mypyc, used only while it is a build of the current sources.

`make compiled` (a prerequisite of `make run` and `make test`; see tools/compile_extraction.py)
compiles the modules of service/extraction/ into build/mypyc/service/extraction/ and records
there, in `SOURCES`, the SHA-256 of the files it compiled them from. The .py files stay the one
source: nothing compiled ever sits beside them. At import, service/extraction/__init__.py asks
`extension_path()` for that directory and puts it before its own on the package's `__path__`
only when the recorded hash is that of the files as they are now (hashing them takes about a
millisecond); otherwise the package runs its .py files, so an edited rule runs, and is
tested, as written even before anything is rebuilt. The hash covers every .py file of the
package (so an added or deleted module counts) and the modules the compiled code was
type-checked against, whose types mypyc builds in. A machine without a C compiler has no build
and runs the .py files; so does `EXTRACTOR_PURE_PYTHON=1`.
"""

from __future__ import annotations

import hashlib
import os
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "service/extraction"
# Imported by the compiled modules: mypyc reads their types at build time (a NamedTuple's
# fields by position, for one), so a build is stale once they change too.
DEPENDENCIES = ("service/units.py", "schemas/extraction.py", "schemas/types.py")
BUILD = Path("build") / "mypyc"
MANIFEST = "SOURCES"


def sources(root: Path = ROOT) -> list[Path]:
    """The files a build is compiled from, relative to `root`, in a fixed order."""
    package = sorted(path.relative_to(root) for path in (root / PACKAGE).glob("*.py"))
    return [*package, *(Path(name) for name in DEPENDENCIES)]


def source_hash(root: Path = ROOT) -> str:
    """SHA-256 over the name and the bytes of every source file."""
    digest = hashlib.sha256()
    for path in sources(root):
        content = (root / path).read_bytes()
        digest.update(f"{path.as_posix()}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()


def build_dir(root: Path = ROOT) -> Path:
    """Where the compiled modules of the package are (whether built or not)."""
    return root / BUILD / PACKAGE


def extension_path(root: Path = ROOT) -> list[str]:
    """The directory of compiled modules to search before the package's own: empty when there
    is no build, when it is stale (with a warning) or when pure Python is asked for."""
    if os.environ.get("EXTRACTOR_PURE_PYTHON", "") not in ("", "0"):
        return []
    directory = build_dir(root)
    try:
        recorded = (directory / MANIFEST).read_text().strip()
    except OSError:
        return []
    if recorded != source_hash(root):
        warnings.warn(
            f"{directory} was compiled from other sources than the current ones: running the "
            "extractor's .py files (`make compiled` rebuilds it)",
            RuntimeWarning,
            stacklevel=2,
        )
        return []
    return [str(directory)]
