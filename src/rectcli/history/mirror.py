"""Bare mirrors of other repositories (a workspace's members, issue 17): fetch, then read
blobs. Beside git.py, which runs git in the user's own repository.

A member repository is untrusted. Nothing of it may run here: the mirror is bare (no
checkout, so no filter, smudge or textconv of its ``.gitattributes`` and no checkout
hook), made without templates, fetched with hooks pointed at /dev/null, and read with
``git cat-file blob`` (which applies no attribute at all). System config is not read;
the ``ext::`` transport (which runs a command) is refused; local paths are allowed.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from rectcli.errors import RectError

# Every git run here gets these; the user's global config (credentials, proxies,
# url.insteadOf) still applies, as it does to their own git fetch.
SAFE_CONFIG = (
    "core.hooksPath=/dev/null",
    "core.fsmonitor=false",
    "protocol.ext.allow=never",
    "protocol.file.allow=always",
    "fetch.recurseSubmodules=false",
    "transfer.fsckObjects=false",
)
SYNCED_REF = "refs/rect/synced"
FETCH_TIMEOUT = 120  # seconds: a member that does not answer in this time is unreachable
MAX_BLOB = 64 * 1024 * 1024  # a task list larger than this is refused, never read


class MirrorError(Exception):
    """git could not do it (an unreachable remote, an unknown ref): the message says why."""


# Set by a git that runs rect (in a hook, say): they would point git at another repository
# or carry that git's -c settings. The user's own settings (GIT_CONFIG_GLOBAL, GIT_SSH_*)
# are kept.
_LEAKED = (
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_COMMON_DIR",
    "GIT_NAMESPACE",
    "GIT_PREFIX",
    "GIT_CONFIG_PARAMETERS",
    "GIT_CONFIG_COUNT",
    "GIT_CONFIG",
    "GIT_TEMPLATE_DIR",
)


def _environment() -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in _LEAKED and not k.startswith(("GIT_CONFIG_KEY_", "GIT_CONFIG_VALUE_"))
    }
    env.update(
        GIT_CONFIG_NOSYSTEM="1",
        GIT_TERMINAL_PROMPT="0",  # never wait for a password on a terminal
        GIT_ASKPASS="/bin/true",
        SSH_ASKPASS="/bin/true",
        GIT_ATTR_NOSYSTEM="1",
        LC_ALL="C",
    )
    return env


def _run(args: list[str], mirror: Path, timeout: int = 60) -> subprocess.CompletedProcess[bytes]:
    config = [part for item in SAFE_CONFIG for part in ("-c", item)]
    try:
        return subprocess.run(
            ["git", *config, f"--git-dir={mirror}", *args],
            capture_output=True,
            check=False,
            timeout=timeout,
            env=_environment(),
            stdin=subprocess.DEVNULL,
        )
    except FileNotFoundError:  # pragma: no cover - no git on this machine
        raise RectError("git is not installed (or not on PATH); this command needs it") from None
    except subprocess.TimeoutExpired:  # pragma: no cover - a hung remote
        raise MirrorError(f"git {args[0]} did not finish within {timeout} s") from None


def _failed(result: subprocess.CompletedProcess[bytes]) -> str:
    lines = result.stderr.decode("utf-8", "replace").strip().splitlines()
    return " ".join(line.strip() for line in lines[-2:]) or f"git exited {result.returncode}"


def _checked(args: list[str], mirror: Path, timeout: int = 60) -> bytes:
    """git's output, or a MirrorError with its last words."""
    result = _run(args, mirror, timeout)
    if result.returncode != 0:
        raise MirrorError(_failed(result))
    return result.stdout


def fetch(mirror: Path, remote: str, ref: str) -> str:
    """Fetch ``ref`` of ``remote`` into the bare ``mirror`` (made if missing); the commit.

    ``--`` ends the options: a remote or ref starting with ``-`` is never one."""
    if not (mirror / "HEAD").is_file():
        mirror.mkdir(parents=True, exist_ok=True)
        _checked(["init", "--quiet", "--bare", "--template="], mirror)
    refspec = f"+{ref}:{SYNCED_REF}"
    fetching = ["fetch", "--quiet", "--no-tags", "--no-write-fetch-head", "--force"]
    _checked([*fetching, "--", remote, refspec], mirror, FETCH_TIMEOUT)
    found = _checked(["rev-parse", "--verify", f"{SYNCED_REF}^{{commit}}"], mirror)
    return found.decode().strip()


@dataclass(frozen=True)
class Entry:
    """One entry of a tree: a plain file (blob), a directory (tree), or something else."""

    name: str
    kind: str  # blob | tree | commit (a submodule)
    mode: str  # 100644, 100755, 120000 (a symbolic link), 040000
    size: int

    @property
    def plain_file(self) -> bool:
        return self.kind == "blob" and self.mode in ("100644", "100755")


def tree(mirror: Path, commit: str, directory: str) -> list[Entry] | None:
    """The entries of ``directory`` ("" the root) in ``commit``; None if it is no tree."""
    where = f"{commit}:{directory}" if directory else f"{commit}^{{tree}}"
    result = _run(["ls-tree", "-z", "-l", "--full-tree", where], mirror)
    if result.returncode != 0:
        return None
    entries = []
    for item in result.stdout.split(b"\0"):
        if not item:
            continue
        info, _, name = item.partition(b"\t")
        mode, kind, _, size = info.split(maxsplit=3)
        entries.append(
            Entry(
                name.decode("utf-8", "surrogateescape"),
                kind.decode(),
                mode.decode(),
                int(size) if size.strip().isdigit() else 0,
            )
        )
    return entries


def blob(mirror: Path, commit: str, path: str) -> bytes:
    """The bytes of ``path`` in ``commit``, exactly as committed (no filter, no textconv)."""
    return _checked(["cat-file", "blob", f"{commit}:{path}"], mirror)
