"""yamlout.py: a task list written in rect's layout reads back as the same list; units
appended to units.yaml leave the rest of it as it was."""

from __future__ import annotations

import pytest
import yaml

from rectcli.errors import RectError
from rectcli.exchange.plan_yaml import add_units, tasks_yaml
from rectcli.model.shapes import TaskFile
from tests.helpers import FIXTURES


def test_a_list_with_logs_persons_and_a_task_without_measures_round_trips() -> None:
    data = yaml.safe_load((FIXTURES / "mini" / "tasks.yaml").read_text(encoding="utf-8"))
    del data["plan"]["issued"]
    data["tasks"][0]["measures"][1]["persons"] = "住建局局长"
    data["tasks"].append(
        {"id": "3", "title": "新问题", "units": ["池北区"], "deadline": "长期坚持"}
    )
    file = TaskFile.model_validate(data)
    text = tasks_yaml(file)
    assert TaskFile.model_validate(yaml.safe_load(text)) == file
    assert "  issued:" not in text
    assert '  - id: "3"\n    title: 新问题\n    units: [池北区]\n    deadline: 长期坚持\n' in text
    assert (
        "        progress:\n"
        "          - {date: 2024-05-20, status: done, note: 方案已印发, by: 住建局, percent: 100}\n"
    ) in text


def test_units_appended_to_a_file_without_a_last_newline() -> None:
    assert add_units("units:\n  - name: 池北区", [("池南区", "new")], "units.yaml") == (
        "units:\n  - name: 池北区\n  - name: 池南区   # new\n    aliases: []\n"
    )


def test_units_appended_after_a_unit_written_as_a_name() -> None:
    # not a valid unit, but the text is kept and the new one goes after it
    assert add_units("units:\n  - 池北区\n# end\n", [("池南区", "new")], "units.yaml") == (
        "units:\n  - 池北区\n  - name: 池南区   # new\n    aliases: []\n# end\n"
    )


@pytest.mark.parametrize("text", ["units: []\n", "- name: 池北区\n", "groups: []\n"])
def test_units_are_added_only_to_a_block_list(text: str) -> None:
    with pytest.raises(RectError) as caught:
        add_units(text, [("池南区", "new")], "units.yaml")
    assert str(caught.value) == (
        "units.yaml:1:1: error: cannot add units: expected a block list under 'units:'"
    )
