"""Just enough of Dockerfile and .dockerignore syntax to check what the image is made of."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from tests.deploy.tooling import ROOT

DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"


@dataclass(frozen=True)
class Instruction:
    keyword: str
    arguments: str

    @property
    def exec_form(self) -> list[str] | None:
        """The JSON array of an exec-form instruction, or None for the shell form."""
        text = self.arguments
        if self.keyword == "HEALTHCHECK":
            text = text.partition("CMD")[2]
        try:
            value = json.loads(text)
        except ValueError:
            return None
        return value if isinstance(value, list) else None

    def flags(self) -> dict[str, str]:
        """`--from=build` style options."""
        options = [part[2:] for part in self.arguments.split() if part.startswith("--")]
        return dict(option.partition("=")[::2] for option in options)

    def paths(self) -> list[str]:
        """The sources and destination of a COPY, flags left out (last item: destination)."""
        return [part for part in self.arguments.split() if not part.startswith("--")]


@dataclass
class Stage:
    base: str
    name: str | None
    instructions: list[Instruction] = field(default_factory=list)

    def all(self, keyword: str) -> list[Instruction]:
        return [item for item in self.instructions if item.keyword == keyword]

    def one(self, keyword: str) -> Instruction:
        (found,) = self.all(keyword)
        return found

    def env(self) -> dict[str, str]:
        pairs: dict[str, str] = {}
        for item in self.all("ENV"):
            pairs |= dict(re.findall(r"(\w+)=(\S+)", item.arguments))
        return pairs


def instructions(text: str) -> list[Instruction]:
    """Logical lines: comments dropped, backslash continuations joined."""
    result: list[Instruction] = []
    pending = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1].strip() + " "
            continue
        logical = (pending + line).strip()
        pending = ""
        keyword, _, arguments = logical.partition(" ")
        result.append(Instruction(keyword.upper(), arguments.strip()))
    return result


def stages(path: Path = DOCKERFILE) -> list[Stage]:
    found: list[Stage] = []
    for item in instructions(path.read_text(encoding="utf-8")):
        if item.keyword == "FROM":
            base, *name = re.split(r"\s+as\s+", item.arguments, flags=re.IGNORECASE)
            found.append(Stage(base=base.strip(), name=name[0].strip() if name else None))
        else:
            found[-1].instructions.append(item)
    return found


class DockerIgnore:
    """Docker's matching: last matching pattern wins, `!` re-includes, a match covers a subtree."""

    def __init__(self, path: Path = DOCKERIGNORE) -> None:
        self.rules: list[tuple[re.Pattern[str], bool]] = []
        for raw in path.read_text(encoding="utf-8").splitlines():
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            include = line.startswith("!")
            pattern = line.removeprefix("!").strip().strip("/")
            self.rules.append((re.compile(_translate(pattern)), include))

    def excluded(self, relative: str) -> bool:
        parts = relative.strip("/").split("/")
        # A pattern matching a parent directory excludes everything below it.
        prefixes = ["/".join(parts[: index + 1]) for index in range(len(parts))]
        verdict = False
        for pattern, include in self.rules:
            if any(pattern.fullmatch(prefix) for prefix in prefixes):
                verdict = not include
        return verdict


def _translate(pattern: str) -> str:
    out = ""
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**/", index):
            out += "(?:.*/)?"
            index += 3
            continue
        if pattern.startswith("**", index):
            out += ".*"
            index += 2
            continue
        if char == "*":
            out += "[^/]*"
        elif char == "?":
            out += "[^/]"
        elif char == "[":
            end = pattern.index("]", index)
            out += pattern[index : end + 1]
            index = end
        else:
            out += re.escape(char)
        index += 1
    return out
