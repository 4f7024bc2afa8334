"""What several test modules share: paths, the CLI runner type, data builders, git repos."""

from __future__ import annotations

import os
import shutil
import subprocess
import sysconfig
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from typer.testing import Result

from rectcli.edits.mark import Entry, mark
from rectcli.history.git import merge_file
from rectcli.history.semdiff import Change, compare
from rectcli.labels import Labels
from rectcli.merge.driver import MergeResult, merge_files
from rectcli.model.validate import parse_tasks, parse_units
from rectcli.views.diff import changes_text

ROOT = Path(__file__).resolve().parent.parent


FIXTURES = Path(__file__).resolve().parent / "fixtures"


SHIPPED_DATA = ROOT / "data"


SEED_PLAN = FIXTURES / "plan_2024-04-12.txt"

MINI_TEXT = (FIXTURES / "mini" / "tasks.yaml").read_text(encoding="utf-8")


Invoke = Callable[..., Result]


def edit_measure(path: Path, measure: str, old: str, new: str) -> int:
    """Replace ``old`` by ``new`` inside ``measure``'s lines (a hand edit); the line of
    ``new``."""
    text = path.read_text(encoding="utf-8")
    start = text.index(f'      - id: "{measure}"\n')
    at = text.index(old, start)
    path.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")
    return text.count("\n", 0, at) + 1


def fill_row(sheet: Path, measure: str, cells: dict[str, str]) -> None:
    """Fill in ``measure``'s row of an exported fill-in sheet: column letter → value."""
    import openpyxl

    book = openpyxl.load_workbook(sheet)
    rows = {row[0].value: row[0].row for row in book.worksheets[0].iter_rows(min_row=2)}
    for column, value in cells.items():
        book.worksheets[0][f"{column}{rows[measure]}"] = value
    book.save(sheet)


def lines(text: str) -> list[str]:
    # Rich pads table lines to the table's width; the padding is not the point.
    return [line.rstrip() for line in text.splitlines()]


AS_OF = "2024-05-25"


def report_copy(tmp_path: Path) -> Path:
    """A copy of tests/fixtures/report; returns its tasks.yaml."""
    target = tmp_path / "report"
    shutil.copytree(FIXTURES / "report", target)
    return target / "tasks.yaml"


def crowded(directory: Path, tasks: int = 51) -> Path:
    """More problems than a chart draws (50), each with one overdue measure of 池北区; all
    to do but 1.1, whose entry says nothing but its status. Returns its tasks.yaml."""
    directory.mkdir(exist_ok=True)
    shutil.copy(FIXTURES / "report" / "units.yaml", directory / "units.yaml")
    text = "plan:\n  title: 测试整改方案\n  issued: 2024-04-12\ntasks:\n"
    for n in range(1, tasks + 1):
        text += (
            f'  - id: "{n}"\n    title: 问题{n}\n    units: [池北区]\n'
            f'    deadline: 2024年2月底前\n    measures:\n      - id: "{n}.1"\n'
            f"        text: 措施{n}。\n        status: todo\n"
        )
    text = text.replace(
        "        status: todo\n",
        "        status: doing\n        progress:\n          - {date: 2024-03-01, status: doing}\n",
        1,
    )
    (directory / "tasks.yaml").write_text(text, encoding="utf-8")
    return directory / "tasks.yaml"


def markdown_table(text: str, heading: str) -> list[list[str]]:
    """The cells of the first Markdown table after ``heading`` (its rule line dropped)."""
    after = text.split(heading, 1)[1].splitlines()
    first = next(i for i, line in enumerate(after) if line.startswith("| "))
    rows = []
    for line in after[first:]:
        if not line.startswith("| "):
            break
        if not line.startswith("| ---"):
            rows.append([cell.strip() for cell in line[2:-2].split(" | ")])
    return rows


BASE = (SHIPPED_DATA / "tasks.yaml").read_text(encoding="utf-8")


UNITS = (SHIPPED_DATA / "units.yaml").read_text(encoding="utf-8")


PATH = "data/tasks.yaml"


def marked(text: str, measure: str, status: str, day: str, note: str, by: str = "池北区") -> str:
    """``rect mark``'s own surgical edit (reopening where the story needs it)."""
    entry = Entry(date.fromisoformat(day), status, note=note, by=by)  # type: ignore[arg-type]
    return mark(text, PATH, measure, entry, reopen=True).text


def merge(base: str, ours: str, theirs: str, size: int = 7, path: str = PATH) -> MergeResult:
    def line_merge(o: bytes, a: bytes, b: bytes) -> tuple[bytes, int]:
        return merge_file(o, a, b, size)

    return merge_files(base.encode(), ours.encode(), theirs.encode(), path, line_merge, size)


def measure_lines(text: str, measure: str, following: str) -> str:
    start = text.index(f'      - id: "{measure}"\n')
    return text[start : text.index(following, start)]


def block(ours: str, theirs: str, size: int = 7) -> str:
    return f"{'<' * size} ours\n{ours}{'=' * size}\n{theirs}{'>' * size} theirs\n"


def line_of(text: str, line: str) -> int:
    return text.splitlines().index(line) + 1


SCRIPTS = Path(sysconfig.get_path("scripts"))


@dataclass
class Repo:
    root: Path
    env: dict[str, str]

    @property
    def tasks(self) -> Path:
        return self.root / "data" / "tasks.yaml"

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            args, cwd=self.root, env=self.env, capture_output=True, text=True, timeout=120
        )
        if check:
            assert result.returncode == 0, result.stdout + result.stderr
        return result

    def rect(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return self.run("rect", *args, check=check)

    def git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return self.run("git", *args, check=check)

    def edit(self, change: Callable[[str], str], name: str = "tasks.yaml") -> None:
        path = self.root / "data" / name
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")

    def diverge(
        self, ours: Callable[[], object], theirs: Callable[[], object]
    ) -> subprocess.CompletedProcess[str]:
        """Commit ``theirs`` on a branch and ``ours`` on main, then merge the branch."""
        self.git("checkout", "-q", "-b", "theirs")
        theirs()
        self.git("commit", "-q", "-a", "-m", "theirs")
        self.git("checkout", "-q", "main")
        ours()
        self.git("commit", "-q", "-a", "-m", "ours")
        return self.git("merge", "--no-edit", "theirs", check=False)


def git_environment(tmp_path: Path) -> dict[str, str]:
    assert (SCRIPTS / "rect").exists(), f"rect is not installed in {SCRIPTS}"
    (tmp_path / "gitconfig").write_text("", encoding="utf-8")
    return {
        **os.environ,
        "PATH": f"{SCRIPTS}{os.pathsep}{os.environ.get('PATH', '')}",
        "GIT_CONFIG_GLOBAL": str(tmp_path / "gitconfig"),  # no user settings
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CEILING_DIRECTORIES": str(tmp_path),
        "RECT_NO_CACHE": "1",
        "RECT_LANG": "en",
    }


TEXT = MINI_TEXT


MINI_UNITS = parse_units(
    (FIXTURES / "mini" / "units.yaml").read_text(encoding="utf-8"), "units.yaml"
)


def diff_of(old: str, new: str) -> list[Change]:
    """What changed between two versions of the mini list, as ``rect diff`` says it."""
    return compare(parse_tasks(old, "old", MINI_UNITS), parse_tasks(new, "new", MINI_UNITS))


def rendered(changes: list[Change], lang: str = "zh") -> str:
    return changes_text(changes, Labels(lang))


SPLIT = MINI_TEXT.index('  - id: "2"\n')


MAIN, SHARD = MINI_TEXT[:SPLIT], "tasks:\n" + MINI_TEXT[SPLIT:]  # task 2 moves to the shard


FUZZ = settings(
    max_examples=int(os.environ.get("RECT_FUZZ_EXAMPLES", "200")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


UNUSUAL = {
    "empty": "",
    "comments only": "# nothing\n",
    "null document": "~\n",
    "scalar document": "just text\n",
    "list document": "- a\n- b\n",
    "duplicate key": "a: 1\na: 2\n",
    "alias": "a: &x [1]\nb: *x\n",
    "undefined alias": "a: *x\n",
    "quoted merge-like key": "c:\n  '<<': {d: 2}\n",
    "unused anchor": "a: &x 1\n",
    "merge key": "a: {b: 1}\nc:\n  <<: {d: 2}\n",
    "explicit str tag": "a: !!str 1.10\n",
    "python tag": "a: !!python/object:os.system x\n",
    "set tag": "a: !!set {x}\n",
    "impossible date": "a: 2024-02-30\n",
    "timestamp": "a: 2024-02-03 10:00:00\n",
    "yaml 1.1 scalars": "a: [yes, no, on, off, 010, 0x1F, 1.10, 12:30, .inf, ~, '', null]\n",
    "int key": "1: a\n",
    "bool key": "yes: a\n",
    "null key": "~: a\n",
    "list key": "? [a]\n: b\n",
    "full-width space key": "\u3000- id: x\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "syntax error": "a: [1, 2\n",
    "tab": "a:\n\tb: 1\n",
    "equals": "a: =\n",
    "deep": "tasks:\n  - id: '1'\n    measures:\n      - id: '1.1'\n        progress:\n"
    "          - {date: 2024-03-01}\n",
}


LINES = MINI_TEXT.splitlines(keepends=True)

SNIPPETS = st.sampled_from(
    [
        "",
        "\t",
        "\ufeff",
        "\u3000",
        "：",
        "&a ",
        "*a",
        "<<: ",
        "!!str ",
        "- ",
        ": ",
        "[",
        "}",
        "#",
        "'",
        '"',
        "~",
        "yes",
        "1.10",
        "2024-02-30",
        "\r\n",
        "\n",
        "  ",
    ]
)


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """The mini list with a few lines deleted, duplicated, swapped or spliced."""
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "splice", "unicode"]))
        if action == "delete" and len(lines) > 1:
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        else:
            line = lines[i]
            at = draw(st.integers(0, len(line)))
            extra = draw(SNIPPETS if action == "splice" else st.text(max_size=4))
            lines[i] = line[:at] + extra + line[at:]
    return "".join(lines)
