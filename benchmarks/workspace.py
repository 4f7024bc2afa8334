"""A big workspace (issue 17): N member lists of T tasks each, and the times of reading it.

Each member is a list from generate.py (its own seed, units.yaml beside it). With
``--git`` each member is also a git repository pushed to a bare remote under the
directory, and the workspace names the remotes (``sync`` then fetches them all);
without it, the workspace names the lists by path. The timings are whole ``rect``
processes, start-up included; the parse cache is a temporary directory.

    python benchmarks/workspace.py /tmp/ws                     # 31 × 500, paths; time it
    python benchmarks/workspace.py /tmp/ws --git               # the same through git
    python benchmarks/workspace.py /tmp/ws --members 5 --tasks 100 --no-time
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import write_list  # benchmarks/generate.py, beside this file

RECT = [sys.executable, "-m", "rectcli"]
GIT_ENV = {
    "GIT_AUTHOR_NAME": "bench",
    "GIT_AUTHOR_EMAIL": "bench@example.org",
    "GIT_COMMITTER_NAME": "bench",
    "GIT_COMMITTER_EMAIL": "bench@example.org",
}


def write_workspace(root: Path, members: int, tasks: int, *, use_git: bool) -> Path:
    """Write the member lists and ``root/workspace.yaml``; return the workspace file."""
    lines = [f"title: 基准测试 {members} × {tasks}", "members:"]
    for index in range(members):
        name = f"成员{index + 1:02d}"
        work = root / "members" / f"m{index:02d}"
        tasks_file = write_list(work / "data", tasks, seed=index + 1)
        lines.append(f"  - name: {name}")
        if not use_git:
            lines.append(f"    path: {tasks_file.relative_to(root)}")
            continue
        remote = root / "remotes" / f"m{index:02d}.git"
        env = {**os.environ, **GIT_ENV}
        for args in (
            ["init", "-q", "-b", "main", str(work)],
            ["-C", str(work), "add", "."],
            ["-C", str(work), "commit", "-qm", "generated"],
            ["init", "-q", "--bare", "-b", "main", str(remote)],
            ["-C", str(work), "push", "-q", str(remote), "main"],
        ):
            subprocess.run(["git", *args], check=True, env=env, capture_output=True)
        lines.append(f"    git: {remote.relative_to(root)}")
    workspace = root / "workspace.yaml"
    workspace.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return workspace


def timed(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one ``rect`` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([*RECT, *args], capture_output=True, text=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"rect {' '.join(args)} failed:\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def show(what: str, args: list[str], env: dict[str, str], runs: int = 1) -> None:
    times = [timed(args, env) for _ in range(runs)]
    wall = statistics.median(t[0] for t in times)
    cpu = statistics.median(t[1] for t in times)
    print(
        f"{what}: wall {wall:.2f} s, CPU {cpu:.2f} s" + (f" (median of {runs})" if runs > 1 else "")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--members", type=int, default=31)
    parser.add_argument("--tasks", type=int, default=500)
    parser.add_argument("--git", action="store_true", help="members as git remotes")
    parser.add_argument("--runs", type=int, default=5, help="cached runs to take the median of")
    parser.add_argument("--no-time", action="store_true", help="only write the workspace")
    options = parser.parse_args()
    start = time.perf_counter()
    workspace = write_workspace(
        options.directory, options.members, options.tasks, use_git=options.git
    )
    print(f"{workspace}: {options.members} × {options.tasks} tasks "
          f"in {time.perf_counter() - start:.1f} s")  # fmt: skip
    if options.no_time:
        return
    with tempfile.TemporaryDirectory(prefix="rect-bench-cache-") as cache:
        env = {**os.environ, "RECT_CACHE_DIR": cache, "RECT_TODAY": "2024-08-01"}
        base = ["--workspace", str(workspace)]
        print(f"load average {os.getloadavg()[0]:.2f} at the start")
        if options.git:
            show(f"sync, first ({options.members} fetches)", [*base, "sync"], env)
            show("sync, nothing new", [*base, "sync"], env)
        show("status, first run (parses every list)", [*base, "status"], env)
        for command in (["status"], ["list", "--overdue", "--format", "json"], ["check"]):
            show(f"{' '.join(command)}, cached", [*base, *command], env, options.runs)
        print(f"load average {os.getloadavg()[0]:.2f} at the end")


if __name__ == "__main__":
    main()
