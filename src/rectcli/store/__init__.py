"""The one package that touches files: find, read and (atomically) write task lists.

Callers use the names below (``store.load``, ``from .store import display_path``);
the submodules divide the work by topic:

- ``files``: one file at a time: read text, raw text or bytes; replace it atomically.
- ``layout``: where the files of a list are (shards, units.yaml and other side files).
- ``locks``: the writers' lock that makes concurrent edits take turns.
- ``loading``: parse a list into a Checklist, through the parse cache's files.
- ``documents``: reports, sheets and calendars written; workbooks and plans read.
"""

from __future__ import annotations

from rectcli.store.documents import read_office, read_workbook, write_output, write_workbook
from rectcli.store.files import (
    decode_raw,
    decode_text,
    display_path,
    read_bytes,
    read_raw,
    read_text,
    read_with_status,
    write_atomic,
)
from rectcli.store.layout import (
    SIDE_NAMES,
    TARGETS_NAME,
    TASKS_FILE,
    UNITS_NAME,
    files_holding,
    find_tasks_file,
    main_path,
    shards_dir,
    side_dir,
    targets_file_for,
    task_files,
    units_file_for,
)
from rectcli.store.loading import (
    load,
    load_calendar,
    load_targets,
    load_units,
    patch_cache,
    read_raw_stamped,
    write_stamped,
)
from rectcli.store.locks import LOCK_TIMEOUT, lock_file_for, locked

__all__ = [
    "LOCK_TIMEOUT",
    "SIDE_NAMES",
    "TARGETS_NAME",
    "TASKS_FILE",
    "UNITS_NAME",
    "decode_raw",
    "decode_text",
    "display_path",
    "files_holding",
    "find_tasks_file",
    "load",
    "load_calendar",
    "load_targets",
    "load_units",
    "lock_file_for",
    "locked",
    "main_path",
    "patch_cache",
    "read_bytes",
    "read_office",
    "read_raw",
    "read_raw_stamped",
    "read_text",
    "read_with_status",
    "read_workbook",
    "shards_dir",
    "side_dir",
    "targets_file_for",
    "task_files",
    "units_file_for",
    "write_atomic",
    "write_output",
    "write_stamped",
    "write_workbook",
]
