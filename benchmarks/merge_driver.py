"""Time ``rect merge-driver`` on a big synthetic list, against ``git merge-file``.

Two offices each mark two measures of a generated list; one measure is marked by both
(git's line merge conflicts there, the driver keeps both entries). Prints wall-clock
seconds of the installed ``rect`` (start-up included) and of ``git merge-file``.

    python benchmarks/merge_driver.py 10000     # 10,000 tasks / ~50,000 measures, 39 MB
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate

from rectcli.edits.mark import Entry, mark


def marked(text: str, measure: str, day: str, note: str) -> str:
    entry = Entry(date.fromisoformat(day), "doing", note=note, by="池北区")
    return mark(text, "tasks.yaml", measure, entry).text


def timed(args: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    code = subprocess.run(args, capture_output=True, check=False).returncode
    return time.perf_counter() - start, code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tasks", type=int, nargs="?", default=10000, help="number of tasks")
    n = parser.parse_args().tasks
    base = generate(n)
    middle = f"{n // 2}.1"
    ours = marked(marked(base, middle, "2030-03-01", "甲"), f"{n}.1", "2030-03-01", "甲")
    theirs = marked(marked(base, middle, "2030-03-02", "乙"), "1.1", "2030-03-01", "乙")
    with tempfile.TemporaryDirectory() as tmp:
        files = {name: Path(tmp) / name for name in ("O", "A", "B", "A2")}
        for name, text in (("O", base), ("A", ours), ("B", theirs), ("A2", ours)):
            files[name].write_text(text, encoding="utf-8")
        o, a, b, a2 = (str(files[k]) for k in ("O", "A", "B", "A2"))
        seconds, code = timed(["rect", "merge-driver", o, a, b, "tasks.yaml"])
        size = len(base.encode()) / 1e6
        print(f"rect merge-driver: {seconds:.2f} s, exit {code} ({size:.0f} MB)")
        seconds, code = timed(["git", "merge-file", "-q", a2, o, b])
        print(f"git merge-file:    {seconds:.2f} s, exit {code} (= its conflicts)")


if __name__ == "__main__":
    main()
