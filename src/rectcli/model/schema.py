"""JSON Schemas of rect's YAML files, generated from the pydantic models (``rect schema``).

Editors read them through the ``# yaml-language-server: $schema=…`` line at the top of a
file, to complete and check keys. They check shape only: unit names, deadline phrases
and ids are checked by ``rect check``.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from rectcli.model.shapes import TaskFile, UnitFile
from rectcli.model.target_shapes import TargetFile
from rectcli.model.workspace_shapes import WorkspaceFile

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "tasks": (TaskFile, "rect tasks.yaml: 整改任务清单 (rectification task list)"),
    "units": (UnitFile, "rect units.yaml: 责任单位 (responsible units)"),
    "targets": (TargetFile, "rect targets.yaml: 主要目标 (quantitative targets)"),
    "workspace": (WorkspaceFile, "rect workspace.yaml: 多级清单汇总 (member lists read together)"),
}


def schema(which: str) -> dict[str, Any]:
    """The JSON Schema of one file kind: "tasks", "units", "targets" or "workspace"."""
    model, title = SCHEMAS[which]
    generated = model.model_json_schema()
    generated.pop("title", None)
    return {"$schema": DIALECT, "title": title, **generated}


def schema_json(which: str) -> str:
    return json.dumps(schema(which), ensure_ascii=False, indent=2) + "\n"
