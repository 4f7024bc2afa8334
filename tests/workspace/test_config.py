"""The workspace file: validated like the task list, every problem at its line."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from tests.conftest import ROOT, Invoke


def run(invoke: Invoke, tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    workspace = tmp_path / "workspace.yaml"
    workspace.write_text(text, "utf-8")
    return invoke("--workspace", str(workspace), "status"), str(workspace)


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_problems_are_located(invoke: Invoke, tmp_path: Path) -> None:
    result, path = run(
        invoke,
        tmp_path,
        "title: 汇总\n"
        "members:\n"
        "  - name: 甲市\n"
        "    git: /srv/jia.git\n"
        "    path: ../jia\n"
        "  - name: 乙市\n"
        "    path: yi/data/tasks.yaml\n"
        "    ref: main\n"
        "  - name: 甲市\n"
        "    git: /srv/jia2.git\n"
        "    file: ../../etc/passwd\n"
        "  - nmae: 丙市\n"
        "    path: bing\n",
    )
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"{path}:3:5: error: members: give either git: or path:, not both or neither",
        f"{path}:6:5: error: members: ref: and file: go with git:, not with path:",
        f"{path}:12:5: error: missing required key 'name'",
        f"{path}:12:5: error: unknown key 'nmae'; did you mean 'name'?",
    ]


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_names_and_files_are_checked(invoke: Invoke, tmp_path: Path) -> None:
    result, path = run(
        invoke,
        tmp_path,
        "title: 汇总\n"
        "members:\n"
        "  - name: 甲市\n"
        "    git: /srv/jia.git\n"
        "  - name: 甲市\n"
        "    git: /srv/jia2.git\n"
        "    file: ../../etc/passwd\n",
    )
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"{path}:5:11: error: the member name '甲市' is used twice (first on line 3)",
        f"{path}:7:11: error: file: '../../etc/passwd' must be a relative path inside the "
        "repository, without '..'",
    ]


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_member_without_workspace_is_a_usage_error(invoke: Invoke, mini: Path) -> None:
    result = invoke("list", "--member", "甲市", file=mini)
    assert result.exit_code == 2
    assert (
        result.stderr
        == "error: --member picks a member list of a workspace: add --workspace FILE\n"
    )


def test_the_shipped_schema_is_rect_schema_and_checks_the_example(invoke: Invoke) -> None:
    result = invoke("schema", "workspace")
    assert result.exit_code == 0
    shipped = (ROOT / "docs" / "workspace.schema.json").read_text("utf-8")
    assert result.stdout == shipped, (
        "regenerate: rect schema workspace > docs/workspace.schema.json"
    )
    schema = json.loads(shipped)
    jsonschema.Draft202012Validator.check_schema(schema)
    docs = (ROOT / "docs" / "workspace.md").read_text("utf-8")
    example = docs.split("```yaml\n", 1)[1].split("```", 1)[0]
    jsonschema.Draft202012Validator(schema).validate(yaml.safe_load(example))
    bad = yaml.safe_load(example)
    bad["members"][0]["colour"] = "red"
    assert not jsonschema.Draft202012Validator(schema).is_valid(bad)


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_one_list_commands_refuse_a_workspace(invoke: Invoke, mini: Path, tmp_path: Path) -> None:
    workspace = tmp_path / "workspace.yaml"
    workspace.write_text("title: 汇总\nmembers:\n  - name: 甲市\n    path: x.yaml\n", "utf-8")
    before = mini.read_text("utf-8")
    for args in (["mark", "1.1", "done"], ["show", "1.1"]):
        result = invoke("--workspace", str(workspace), *args, file=mini)
        assert result.exit_code == 2
        assert result.stderr == (
            "error: this command reads or edits one list: leave out --workspace "
            "(and RECT_WORKSPACE)\n"
        )
    assert mini.read_text("utf-8") == before
    tasks = invoke("--workspace", str(workspace), "list", "--tasks")
    assert tasks.exit_code == 2
    assert (
        tasks.stderr == "error: --tasks lists one list's problems: leave it out with --workspace\n"
    )
