"""Files rect writes (issue 14): never over a YAML it reads, through a symlinked list to
its target, never through a planted lock symlink, never over a read-only file; Markdown
from data stays text; fmt rewrites nothing that check rejects."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.conftest import Invoke


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
@pytest.mark.parametrize(
    ("args", "target"),
    [
        (["report", "--format", "markdown", "-o"], "tasks.yaml"),
        (["report", "--format", "html", "-o"], "units.yaml"),
        (["calendar", "-o"], "tasks.yaml"),
        (["report", "--format", "csv", "-o"], "policy.yml"),
    ],
)
def test_outputs_never_overwrite_a_yaml_file(
    mini: Path, invoke: Invoke, args: list[str], target: str
) -> None:
    path = mini.with_name(target)
    if not path.exists():
        path.write_text("warn: [30]\n", encoding="utf-8")
    before = path.read_bytes()
    result = invoke(*args, str(path), file=mini)
    assert result.exit_code == 2
    assert result.stderr == (
        f"{path}: error: rect does not write a report, sheet or calendar to a .yaml file: "
        "it could be the task list or a file beside it; name another file\n"
    )
    assert path.read_bytes() == before


def test_a_symlinked_list_is_written_through_to_its_target(
    mini: Path, tmp_path: Path, invoke: Invoke
) -> None:
    elsewhere = tmp_path / "real"
    elsewhere.mkdir()
    target = elsewhere / "tasks.yaml"
    mini.rename(target)
    mini.symlink_to(target)
    result = invoke("mark", "2.1", "doing", "--by", "池南区", file=mini)
    assert result.exit_code == 0, result.output
    assert mini.is_symlink()
    assert "status: doing" in target.read_text(encoding="utf-8").split('id: "2.1"')[1]
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace('  - id: "2"', '  - id:   "2"'), encoding="utf-8")
    result = invoke("fmt", str(mini), file=mini)
    assert result.exit_code == 0, result.output
    assert mini.is_symlink()
    assert str(target) in result.stdout  # names the file it changed


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_a_planted_lock_symlink_creates_nothing(mini: Path, tmp_path: Path, invoke: Invoke) -> None:
    outside = tmp_path / "outside" / "planted"
    outside.parent.mkdir()
    mini.with_name(f".{mini.name}.lock").symlink_to(outside)
    before = mini.read_bytes()
    result = invoke("mark", "2.1", "doing", "--by", "池南区", file=mini)
    assert result.exit_code == 2
    assert "the lock file is a symbolic link" in result.stderr
    assert not outside.exists()
    assert mini.read_bytes() == before


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_a_read_only_list_is_refused_not_rewritten(mini: Path, invoke: Invoke) -> None:
    before = mini.read_bytes()
    mini.chmod(0o444)
    try:
        result = invoke("mark", "2.1", "doing", "--by", "池南区", file=mini)
        assert result.exit_code == 2
        assert result.stderr == (
            f"{mini}: error: is read-only; rect will not rewrite it (chmod u+w to allow)\n"
        )
        assert mini.read_bytes() == before
        assert stat.S_IMODE(os.stat(mini).st_mode) == 0o444
    finally:
        mini.chmod(0o644)


def test_markdown_from_data_is_text(mini: Path, invoke: Invoke) -> None:
    note = "[点我](http://evil.example) ![x](http://evil.example/t.png) *粗* `code`"
    text = mini.read_text(encoding="utf-8").replace("note: 已清运约一半", f"note: '{note}'")
    mini.write_text(text, encoding="utf-8")
    for args in (
        ["report", "--format", "markdown"],
        ["report", "--public", "--format", "markdown"],
    ):
        result = invoke(*args, file=mini, as_of="2024-03-05")
        assert result.exit_code == 0, result.output
        assert "](http" not in result.stdout.replace("\\](http", "")
        assert "\\[点我\\](http://evil.example) \\!\\[x\\]" in result.stdout
        assert "\\*粗\\* \\`code\\`" in result.stdout


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_fmt_rewrites_nothing_check_rejects(mini: Path, invoke: Invoke) -> None:
    text = mini.read_text(encoding="utf-8").replace("units: [池南区]", "units: [池东区]")
    text = text.replace('  - id: "2"', '  - id:    "2"')  # something fmt would change
    mini.write_text(text, encoding="utf-8")
    before = mini.read_bytes()
    result = invoke("fmt", file=mini)
    assert result.exit_code == 2
    assert "unknown unit '池东区'" in result.stderr
    assert mini.read_bytes() == before
    assert invoke("fmt", "--check", file=mini).exit_code == 1  # --check writes nothing anyway
