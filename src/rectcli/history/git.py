"""The one module that runs git: a file's text at a revision, and who the user is.

Kept apart from ``store`` (which reads and writes the working tree) because talking to
git is its own concern: a subprocess, its own failures (no git, not a repository, an
unknown revision) and their messages.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from rectcli.errors import Problem, RectError


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False, timeout=60)
    except FileNotFoundError:
        raise RectError("git is not installed (or not on PATH); this command needs it") from None
    except subprocess.TimeoutExpired:  # pragma: no cover - a hung git
        raise RectError(f"git {' '.join(args)} did not finish within 60 s") from None


def user_name(directory: Path) -> str | None:
    """``git config user.name`` as seen from ``directory``; None if git or the name is missing."""
    try:
        result = _git(["config", "user.name"], directory)
    except RectError:
        return None
    name = result.stdout.decode("utf-8", "replace").strip()
    return name if result.returncode == 0 and name else None


def user_email(directory: Path) -> str | None:
    """``git config user.email`` as seen from ``directory``; None if missing."""
    try:
        result = _git(["config", "user.email"], directory)
    except RectError:
        return None
    email = result.stdout.decode("utf-8", "replace").strip()
    return email if result.returncode == 0 and email else None


@dataclass(frozen=True)
class Commit:
    """A commit as ``rect audit`` judges it: who wrote it, and what it came from."""

    sha: str
    author: str  # "name <email>"
    email: str
    parent: str | None  # the first parent; None for a root commit


def commits_since(directory: Path, base: str, paths: list[str]) -> list[Commit]:
    """The commits of ``base..HEAD`` that touch ``paths`` (relative to ``directory``),
    oldest first, merges left out (what they bring is in the commits merged)."""
    args = ["log", "--no-merges", "--reverse", "--format=%H%x00%P%x00%an%x00%ae%x00"]
    result = _git([*args, f"{base}..HEAD", "--", *paths], directory)
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip()
        raise RectError(f"git log {base}..HEAD failed: {message}")
    commits = []
    fields = result.stdout.decode("utf-8", "replace").split("\0")
    for index in range(0, len(fields) - 4, 4):
        sha, parents, name, email = (f.strip() for f in fields[index : index + 4])
        commits.append(
            Commit(sha, f"{name} <{email}>", email, parents.split()[0] if parents else None)
        )
    return commits


def resolve(path: Path, rev: str, where: Path | None = None) -> str:
    """The commit ``rev`` names, in the repository holding ``path`` (git runs in
    ``where``, default its directory); a RectError if none."""
    from rectcli.store import display_path

    where = path.parent if where is None else where
    result = _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], where)
    if result.returncode == 0:
        return result.stdout.decode().strip()
    inside = _git(["rev-parse", "--is-inside-work-tree"], where)
    if inside.returncode != 0:
        raise RectError(
            [
                Problem(
                    display_path(path),
                    0,
                    0,
                    "not in a git repository; rect diff compares git revisions",
                )
            ]
        )
    raise RectError(f"unknown git revision '{rev}'; name a commit, branch or tag (e.g. HEAD~1)")


def show_under(directory: Path, relative: str, rev: str) -> bytes | None:
    """The bytes of ``directory/relative`` as committed in ``rev`` (``directory`` must
    exist now; ``relative`` need not); None if it was not there. ``rev`` is resolved."""
    result = _git(["show", f"{rev}:./{relative}"], directory)
    if result.returncode == 0:
        return result.stdout
    message = result.stderr.decode("utf-8", "replace")
    if "does not exist" in message or "exists on disk, but not in" in message:
        return None
    raise RectError(f"git show {rev}:{relative} failed: {message.strip()}")  # pragma: no cover


def files_under(directory: Path, relative: str, rev: str) -> list[str]:
    """The names of the files directly in ``directory/relative`` as committed in ``rev``
    (none if it was not a directory then). ``rev`` is resolved."""
    # --full-tree: in a subdirectory ls-tree would list only paths under it
    result = _git(["ls-tree", "-z", "--full-tree", f"{rev}:./{relative}"], directory)
    if result.returncode != 0:  # no such tree in rev
        return []
    names = []
    for entry in result.stdout.split(b"\0"):
        info, _, name = entry.partition(b"\t")
        if info.split(b" ")[1:2] == [b"blob"]:
            names.append(name.decode("utf-8", "surrogateescape"))
    return sorted(names)


# ---- the merge driver and its set-up (issue 7) ----


def merge_file(
    base: bytes, ours: bytes, theirs: bytes, marker_size: int = 7, cwd: Path | None = None
) -> tuple[bytes, int]:
    """``git merge-file -p``: ours with theirs' changes since base merged in line by line,
    conflicts marked ``<<<<<<< ours`` / ``>>>>>>> theirs``; and the number of conflicts.

    Run in ``cwd`` (the repository) so that its ``merge.conflictStyle`` applies.
    """
    import tempfile

    with tempfile.TemporaryDirectory(prefix="rect-merge-") as tmp:
        names = []
        for name, data in (("ours", ours), ("base", base), ("theirs", theirs)):
            (Path(tmp) / name).write_bytes(data)
            names.append(str(Path(tmp) / name))
        labels = ["-L", "ours", "-L", "base", "-L", "theirs"]
        args = ["merge-file", "-p", "-q", f"--marker-size={marker_size}", *labels, *names]
        result = _git(args, cwd or Path(tmp))
    if result.returncode > 127:  # git merge-file exits with -1 (255) when it cannot merge
        # -q silences git's own reason, which is nearly always a NUL byte (binary content)
        message = result.stderr.decode("utf-8", "replace").strip() or (
            "it cannot merge binary files (a NUL byte in one of the versions)"
        )
        raise RectError(f"git merge-file failed: {message}")
    return result.stdout, result.returncode


def toplevel(directory: Path) -> Path:
    """The root of the git working tree holding ``directory``; a RectError if none."""
    result = _git(["rev-parse", "--show-toplevel"], directory)
    if result.returncode != 0:
        raise RectError(f"{directory} is not in a git repository; run git init (or clone) first")
    return Path(result.stdout.decode("utf-8").strip())


def set_config(directory: Path, key: str, value: str) -> None:
    """``git config key value`` in the repository holding ``directory``."""
    result = _git(["config", key, value], directory)
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip()
        raise RectError(f"git config {key} failed: {message}")


def get_config(directory: Path, key: str) -> str | None:
    """``git config key`` in the repository holding ``directory``; None if unset."""
    result = _git(["config", key], directory)
    return result.stdout.decode("utf-8").strip() if result.returncode == 0 else None
