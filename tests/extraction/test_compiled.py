"""A compiled extractor (mypyc, `make compiled`) runs only while it is a build of the current
sources: an edited rule is never tested, or served, as it was before the edit."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

import service.extraction
from service import compiled


def test_the_loaded_extractor_modules_are_the_current_sources_or_their_build() -> None:
    source = Path(service.extraction.__file__).parent
    loaded = {
        name: Path(module.__file__)
        for name, module in sys.modules.items()
        if name.startswith("service.extraction.") and getattr(module, "__file__", None)
    }
    assert "service.extraction.reader" in loaded
    built = {name: path for name, path in loaded.items() if path.suffix != ".py"}
    assert {path.parent for name, path in loaded.items() if name not in built} <= {source}
    if built:
        # Loaded from the build, which records the hash of the sources it was compiled from.
        # (mypyc names the modules of its shared library as if in a folder named after their
        # package inside the build's.)
        assert all(path.is_relative_to(compiled.build_dir()) for path in built.values())
        manifest = compiled.build_dir() / compiled.MANIFEST
        assert manifest.read_text().strip() == compiled.source_hash(), (
            "compiled extractor modules were loaded from a build of other sources"
        )
        # The whole package runs compiled, not a mix of builds and sources.
        assert not {name for name in loaded if name not in built} - {
            "service.extraction.compiled__mypyc"
        }


def _tree(root: Path) -> None:
    """A copy of the files a build is compiled from, and a build that records their hash."""
    for path in compiled.sources():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(compiled.ROOT / path, root / path)
    compiled.build_dir(root).mkdir(parents=True)
    (compiled.build_dir(root) / compiled.MANIFEST).write_text(compiled.source_hash(root) + "\n")


@pytest.mark.parametrize("change", ["edit a rule", "add a module", "delete a module", "edit units"])
def test_a_build_of_other_sources_is_not_used(
    tmp_path: Path, change: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("EXTRACTOR_PURE_PYTHON", raising=False)
    _tree(tmp_path)
    assert compiled.extension_path(tmp_path) == [str(compiled.build_dir(tmp_path))]
    package = tmp_path / compiled.PACKAGE
    if change == "edit a rule":
        with (package / "words.py").open("a") as file:
            file.write("# one more rule\n")
    elif change == "add a module":
        (package / "new_layer.py").write_text('"""A layer added since the build."""\n')
    elif change == "delete a module":
        (package / "ignored.py").unlink()
    else:
        with (tmp_path / "service" / "units.py").open("a") as file:
            file.write("# another unit\n")
    with pytest.warns(RuntimeWarning, match="compiled from other sources"):
        assert compiled.extension_path(tmp_path) == []


def test_pure_python_can_be_asked_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _tree(tmp_path)
    monkeypatch.setenv("EXTRACTOR_PURE_PYTHON", "1")
    assert compiled.extension_path(tmp_path) == []
    monkeypatch.setenv("EXTRACTOR_PURE_PYTHON", "0")
    assert compiled.extension_path(tmp_path) == [str(compiled.build_dir(tmp_path))]
