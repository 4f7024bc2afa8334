"""The four statuses of a measure (整改状态), apart from the models: a cached run names
them without importing pydantic."""

from __future__ import annotations

from typing import Literal

Status = Literal["todo", "doing", "done", "closed"]
STATUSES: tuple[Status, ...] = ("todo", "doing", "done", "closed")
FINISHED: frozenset[str] = frozenset({"done", "closed"})
