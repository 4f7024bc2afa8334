"""Time ``rect mark`` (and, with --fmt, ``rect fmt --check``) on a big generated list.

Issue 3 asks for ``rect mark`` on a 10,000-task list (about 39 MB, 50,000 measures) to
finish in about a second: it finds the measure by its ``- id:`` line and reads only that
measure as YAML. Each run is a whole ``rect`` process, start-up included.

    python benchmarks/bench_mark.py                  # 10,000 tasks, 5 marks
    python benchmarks/bench_mark.py --tasks 1000 --runs 3 --fmt
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import write_list  # benchmarks/generate.py, beside this file

RECT = [sys.executable, "-m", "rectcli"]


def run(args: list[str]) -> float:
    """Seconds one ``rect`` process takes; it must succeed."""
    start = time.perf_counter()
    done = subprocess.run([*RECT, *args], capture_output=True, text=True, check=False)
    took = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"rect {' '.join(args)} failed:\n{done.stderr}")
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tasks", type=int, default=10_000, help="tasks to generate")
    parser.add_argument("--runs", type=int, default=5, help="marks to time")
    parser.add_argument("--fmt", action="store_true", help="also time rect fmt --check")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tasks = write_list(Path(tmp), args.tasks)
        size = tasks.stat().st_size / 1e6
        lines = tasks.read_text(encoding="utf-8").count("\n")
        print(f"{tasks}: {args.tasks} tasks, {size:.1f} MB, {lines} lines")
        base = ["--file", str(tasks), "--as-of", "2030-01-01"]
        times = []
        for run_index in range(args.runs):
            # Measures spread over the file, so the search cannot stop early.
            task = max(1, args.tasks * (run_index + 1) // (args.runs + 1))
            times.append(
                run([*base, "mark", f"{task}.1", "doing", "--note", "bench", "--by", "bench"])
            )
        print(
            f"rect mark: median {statistics.median(times):.2f} s "
            f"(min {min(times):.2f}, max {max(times):.2f}, {len(times)} runs)"
        )
        startup = run(["--help"])
        print(f"rect --help (start-up alone): {startup:.2f} s")
        if args.fmt:
            print(f"rect fmt --check: {run([*base, 'fmt', '--check', str(tasks)]):.2f} s")


if __name__ == "__main__":
    main()
