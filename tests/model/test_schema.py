"""rect schema: the JSON Schema of the YAML files, shipped in docs/ and named by the data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from tests.helpers import ROOT, SHIPPED_DATA, Invoke

SCHEMA_LINE = "# yaml-language-server: $schema=../docs/{}.schema.json"


class EditorLoader(yaml.SafeLoader):
    """YAML as an editor's language server reads it for a schema: dates stay text."""


EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if not tag.endswith(":timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def editor_data(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=EditorLoader)


def shipped_schema(which: str) -> Any:
    return json.loads((ROOT / "docs" / f"{which}.schema.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("which", ["tasks", "targets"])
def test_shipped_schema_is_rect_schema(invoke: Invoke, which: str) -> None:
    result = invoke("schema", which)
    assert result.exit_code == 0
    shipped = (ROOT / "docs" / f"{which}.schema.json").read_text(encoding="utf-8")
    assert result.stdout == shipped, f"regenerate: rect schema {which} > docs/{which}.schema.json"


def test_schema_defaults_to_tasks(invoke: Invoke) -> None:
    assert invoke("schema").stdout == invoke("schema", "tasks").stdout


@pytest.mark.parametrize("which", ["tasks", "targets"])
def test_the_data_names_its_schema(which: str) -> None:
    path = SHIPPED_DATA / f"{which}.yaml"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == SCHEMA_LINE.format(which)
    named = (path.parent / first.partition("$schema=")[2]).resolve()
    assert named == (ROOT / "docs" / f"{which}.schema.json").resolve()


@pytest.mark.parametrize("which", ["tasks", "units", "targets"])
def test_the_schema_validates_the_shipped_data(invoke: Invoke, which: str) -> None:
    schema = json.loads(invoke("schema", which).stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(editor_data(SHIPPED_DATA / f"{which}.yaml"))


def test_the_schema_catches_what_rect_check_would(shipped: Path) -> None:
    data = editor_data(shipped)
    measure = data["tasks"][2]["measures"][1]
    measure["colour"] = "red"
    measure["status"] = "finished"
    del data["tasks"][0]["deadline"]
    validator = jsonschema.Draft202012Validator(shipped_schema("tasks"))
    found = sorted(
        (list(error.absolute_path), error.validator) for error in validator.iter_errors(data)
    )
    assert found == [
        (["tasks", 0], "required"),
        (["tasks", 2, "measures", 1], "additionalProperties"),
        (["tasks", 2, "measures", 1, "status"], "enum"),
    ]


def _properties(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (model, name, prop)
        for model, definition in schema["$defs"].items()
        for name, prop in definition.get("properties", {}).items()
    ] + [("top", name, prop) for name, prop in schema["properties"].items()]


@pytest.mark.parametrize("which", ["tasks", "targets"])
def test_every_field_is_documented_in_english_and_chinese(which: str) -> None:
    undocumented = [
        f"{model}.{name}"
        for model, name, prop in _properties(shipped_schema(which))
        if not prop.get("description")
        or not any("\u4e00" <= char <= "\u9fff" for char in prop.get("title", ""))
    ]
    assert undocumented == [], "give these Field(title='Name (中文)', description=…)"


def test_a_field_reads_as_documented() -> None:
    deadline = shipped_schema("tasks")["$defs"]["Task"]["properties"]["deadline"]
    assert deadline["title"] == "Deadline (整改时限)"
    assert deadline["description"].startswith("A Chinese phrase as the plan writes it")


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_unknown_schema(invoke: Invoke) -> None:
    result = invoke("schema", "task")
    assert result.exit_code == 2
    assert result.stderr == "error: no schema 'task'; use tasks, units or targets\n"
