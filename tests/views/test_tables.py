"""render.py's views through rect list, show and overdue: the parts a fuller item shows.

The common cases are tests/test_read.py's.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from rich.console import Console

from rectcli.labels import Labels
from rectcli.queries.rows import measure_rows
from rectcli.store import load
from rectcli.views.tables import show_view
from tests.helpers import Invoke, lines

# A task with only the keys it must have, and a measure of it with a start date (序时进度)
# and an entry with a percentage and evidence.
BARE_TASK = """\
  - id: "3"
    title: 新问题
    units: [池北区]
    deadline: 2024年12月底前
    measures:
      - id: "3.1"
        text: 池北区建设处理设施。
        start: 2024-01-01
        status: doing
        progress:
          - {date: 2024-04-01, status: doing, percent: 10, evidence: 合同.pdf}
"""


@pytest.fixture
def fuller(mini: Path) -> Path:
    with mini.open("a", encoding="utf-8") as file:
        file.write(BARE_TASK)
    return mini


def test_a_task_of_only_the_required_keys(invoke: Invoke, fuller: Path) -> None:
    result = invoke("show", "3", file=fuller, as_of="2024-07-01")
    assert lines(result.stdout) == [
        "编号     3",
        "问题     新问题",
        "责任单位 池北区",
        "整改时限 2024年12月底前 → 2024-12-31",
        "",
        "编号  状态    整改措施",
        "3.1   推进中  池北区建设处理设施。",
    ]


def test_a_measure_behind_its_time_share(invoke: Invoke, fuller: Path) -> None:
    # by 2024-07-01 49% of 2024-01-01 → 2024-12-31 has passed; 10% is done
    result = invoke("show", "3.1", file=fuller, as_of="2024-07-01")
    assert lines(result.stdout) == [
        "编号     3.1  (问题 3: 新问题)",
        "状态     推进中 10%/49% 滞后",
        "整改措施 池北区建设处理设施。",
        "责任单位 池北区",
        "整改时限 2024年12月底前 → 2024-12-31",
        "",
        "进展记录",
        "日期        状态    记录人  说明",
        "2024-04-01  推进中          10% [合同.pdf]",
    ]


def test_the_duties_of_a_closed_measure_have_no_open_dates(invoke: Invoke, mini: Path) -> None:
    text = mini.read_text(encoding="utf-8")
    entry = (
        "          - {date: 2024-05-20, status: done, note: 方案已印发, by: 住建局, percent: 100}\n"
    )
    closed = text.replace(
        f"        status: done\n        progress:\n{entry}",
        "        recurring:\n          - {every: 每季度, text: 检查方案执行}\n"
        f"        status: closed\n        progress:\n{entry}"
        "          - {date: 2024-06-20, status: closed, note: 销号, by: 住建局}\n",
    )
    assert closed != text
    mini.write_text(closed, encoding="utf-8")
    result = invoke("show", "1.2", file=mini, as_of="2024-07-01")
    assert lines(result.stdout)[1:8] == [
        "状态       已销号",
        "整改措施   住建局制定建筑垃圾管理工作方案。",
        "责任单位   住建局",
        "责任人     各区、住建局主要负责同志",
        "督导单位   办公室",
        "整改时限   2024年12月底前 → 2024-12-31",
        "常态化要求 每季度: 检查方案执行",
    ]


def test_tasks_without_a_matching_measure_are_left_out(invoke: Invoke, mini: Path) -> None:
    result = invoke("list", "--tasks", "--status", "done", file=mini)
    assert lines(result.stdout) == [
        "编号  完成  逾期  整改时限        问题",
        "1      1/1     0  2024年12月底前  建筑垃圾混堆乱倒",
    ]


def test_overdue_limit_per_unit(invoke: Invoke, fuller: Path) -> None:
    result = invoke("overdue", "--limit", "1", file=fuller, as_of="2025-02-01")
    assert lines(result.stdout) == [
        "池北区 (2)",
        "编号  到期日      逾期天数  等级  督导单位  整改措施",
        "1.1   2024-02-29       338  约谈  办公室    2024年2月底前，池北区组织对老粮库院…",
        "…                                           还有 1 项（--limit 0 列出全部）",
        "",
        "池南区 (1)",
        "编号  到期日      逾期天数  等级  督导单位  整改措施",
        "2.1   2024-06-30       216  约谈  办公室    池南区完成积存渗滤液处理。",
    ]


def test_an_item_without_a_known_deadline_shows_a_dash(mini: Path) -> None:
    checklist = load(mini, use_cache=False)
    del checklist.deadlines["2"]
    task = checklist.file.tasks[1]
    console = Console(width=80, record=True)
    console.print(show_view(checklist, task, None, None, Labels("en")))
    assert "deadline   —" in console.export_text()
    rows = {r.id: r for r in measure_rows(checklist, date(2024, 5, 1))}
    assert rows["2.1"].deadline  # the measure's own row is not affected
