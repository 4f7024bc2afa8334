"""A file left mid-merge: the marker lines of a git merge conflict, found as text.

Every writer refuses such a file (the markers would end up in the result), and the
loader reports each marker at its line, before YAML's own, less helpful, error.
"""

from __future__ import annotations

from rectcli.errors import Problem

CONFLICT_MARKERS = ("<<<<<<< ", "||||||| ", "=======", ">>>>>>> ")  # ||||||| : diff3 style


def conflict_markers(text: str, path: str) -> list[Problem]:
    """A located problem for each marker line of a git merge conflict left in ``text``."""
    if "<<<<<<<" not in text:
        return []
    return [
        Problem(
            path,
            n,
            1,
            "unresolved merge conflict; keep the right lines and delete "
            "the <<<<<<< ======= >>>>>>> markers",
        )
        for n, line in enumerate(text.splitlines(), 1)
        if line.startswith(CONFLICT_MARKERS)
    ]
