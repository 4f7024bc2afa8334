"""What ``rect init-git`` writes: the .gitattributes line and the drivers' git config.

Pure: the commands module runs git and writes the file.
"""

from __future__ import annotations

from pathlib import PurePosixPath

# %L: git's conflict-marker size (the conflict-marker-size attribute), passed on.
DRIVER = "rect merge-driver %O %A %B %P %L"
ATTRIBUTES = ("merge=rect", "diff=rect")  # diff=rect: `rect textconv` (docs/editing.md)
CONFIG = (
    ("merge.rect.name", "rect: task lists merged by task and measure"),
    ("merge.rect.driver", DRIVER),
    ("diff.rect.textconv", "rect textconv"),
)


def pattern_for(data_dir: PurePosixPath) -> str:
    """The .gitattributes pattern of the YAML files in ``data_dir`` (relative to the root)."""
    return "/*.yaml" if str(data_dir) == "." else f"{data_dir}/*.yaml"


def with_attributes(text: str, pattern: str, attributes: tuple[str, ...]) -> tuple[str, str]:
    """``text`` (a .gitattributes file) with a line for those ``attributes`` that no line
    for ``pattern`` sets yet, and that line ('' when nothing was missing)."""
    present = {
        word
        for line in text.splitlines()
        if line.split()[:1] == [pattern]
        for word in line.split()[1:]
    }
    missing = [attribute for attribute in attributes if attribute not in present]
    if not missing:
        return text, ""
    line = " ".join([pattern, *missing])
    eol = "\r\n" if "\r\n" in text else "\n"
    if text and not text.endswith("\n"):
        text += eol
    return text + line + eol, line
