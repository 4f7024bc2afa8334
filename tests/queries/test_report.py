"""rect report: the computed report (report.py) and every format, each read back."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pytest

from rectcli.errors import RectError
from rectcli.queries.report import (
    Bar,
    build_report,
    chart_bars,
    chinese_ordinal,
    is_behind,
    mask_personal,
    measure_ordinal,
    unit_bars,
)
from rectcli.store import load
from tests.helpers import AS_OF, Invoke, crowded, lines, markdown_table, report_copy


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of tests/fixtures/report; returns its tasks.yaml."""
    return report_copy(tmp_path)


D = date


@pytest.fixture(autouse=True)
def _behind(monkeypatch: pytest.MonkeyPatch) -> None:
    # 序时进度 is the deadline policy's call, tested with it; here 2.1 is simply behind
    monkeypatch.setattr("rectcli.queries.report.is_behind", lambda row: row.id == "2.1")


# ---- the computed report ---------------------------------------------------------


def test_units_ranked_most_behind_first(data: Path) -> None:
    report = build_report(load(data), D(2024, 5, 25))
    assert [(s.unit, s.total, s.finished) for s in report.units] == [
        ("池北区", 2, 0),  # one measure overdue
        ("池南区", 4, 1),
        ("住建局", 3, 2),
    ]
    assert (report.total, report.finished, report.overdue, report.due_soon) == (7, 3, 1, 1)
    north, south, housing = report.units
    assert [i.row.id for i in north.overdue] == ["1.1"]
    assert north.days_overdue == 86
    assert [i.row.id for i in south.due_soon] == ["1.4"]
    # done since the last report (2024-04-25 by default), latest first
    assert [(i.row.id, i.done_on) for i in housing.done] == [
        ("1.2", D(2024, 5, 20)),
        ("3.1", D(2024, 5, 1)),
    ]
    assert [(i.row.id, i.done_on) for i in south.done] == [("2.2", D(2024, 4, 30))]


def test_a_groups_measure_counts_for_each_member(data: Path) -> None:
    # 1.3 belongs to task 1's units: 各区 (池北区 + 池南区) and 住建部门 (住建局)
    for unit, total in (("池北区", 2), ("池南区", 4), ("住建局", 3)):
        report = build_report(load(data), D(2024, 5, 25), unit=unit)
        assert [(s.unit, s.total) for s in report.units] == [(unit, total)]


@pytest.mark.parametrize(
    ("since", "done"),
    [
        (D(2024, 4, 25), {"1.2", "2.2", "3.1"}),
        (D(2024, 4, 30), {"1.2", "3.1"}),  # an entry on the since day belonged to that report
        (D(2024, 5, 19), {"1.2"}),
        (D(2024, 5, 20), set()),
    ],
)
def test_done_since(data: Path, since: date, done: set[str]) -> None:
    report = build_report(load(data), D(2024, 5, 25), since=since)
    assert {i.row.id for s in report.units for i in s.done} == done
    assert report.done == len(done)


def test_entries_after_the_report_day_are_not_known_yet(data: Path) -> None:
    report = build_report(load(data), D(2024, 5, 15), since=D(2024, 5, 1))
    assert {i.row.id for s in report.units for i in s.done} == set()  # 3.1 is on 05-01 itself
    report = build_report(load(data), D(2024, 5, 15), since=D(2024, 4, 30))
    assert {i.row.id for s in report.units for i in s.done} == {"3.1"}


def test_unit_filter_shows_that_unit_or_its_members(data: Path) -> None:
    checklist = load(data)
    assert [s.unit for s in build_report(checklist, D(2024, 5, 25), unit="各区").units] == [
        "池北区",
        "池南区",
    ]
    housing = build_report(checklist, D(2024, 5, 25), unit="住建部门")  # an alias
    assert housing.unit == "住建局"
    assert [s.unit for s in housing.units] == ["住建局"]
    assert housing.total == 3
    with pytest.raises(RectError, match="unknown unit '住建'; did you mean '住建局'"):
        build_report(checklist, D(2024, 5, 25), unit="住建")


def test_behind_comes_from_the_row() -> None:
    assert is_behind(SimpleNamespace(behind=True)) is True
    assert is_behind(SimpleNamespace(behind=False)) is False
    assert is_behind(SimpleNamespace()) is False  # a row from before 序时进度


def test_due_within_widens_due_soon(data: Path) -> None:
    report = build_report(load(data), D(2024, 5, 25), soon_days=40)
    assert {i.row.id for s in report.units for i in s.due_soon} == {"1.4", "2.1"}  # 1.2 is done


@pytest.mark.parametrize(
    ("note", "public"),
    [
        ("联系人：王五，电话13812345678", "联系人：***，电话***"),
        ("请拨0433-5712345或010-12345678", "请拨***或***"),
        ("手机 138-1234-5678。", "手机 ***。"),
        ("经办人: 李四 已上报", "经办人: *** 已上报"),
        ("清运2500立方米，20240301号文，12345678901234", None),  # no phone numbers here
        ("负责人约谈已完成", None),  # a role, not a named contact
    ],
)
def test_mask_personal(note: str, public: str | None) -> None:
    assert mask_personal(note) == (public if public is not None else note)


@pytest.mark.parametrize(
    ("number", "text"),
    [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (23, "二十三"), (105, "105")],
)
def test_chinese_ordinal(number: int, text: str) -> None:
    assert chinese_ordinal(number) == text


def test_measure_ordinal() -> None:
    assert measure_ordinal("3", "3.2") == "（二）"
    assert measure_ordinal("3", "3.12") == "（十二）"
    assert measure_ordinal("3", "3.a") == "（a）"


def test_chart_keeps_the_least_advanced_in_order() -> None:
    bars = [Bar(str(n), str(n), finished=n % 3, total=2, overdue=0) for n in range(6)]
    assert chart_bars(bars) == bars
    assert [b.key for b in chart_bars(bars, limit=2)] == ["0", "3"]  # 0/2 each, in order


def test_public_rows(data: Path) -> None:
    report = build_report(load(data), D(2024, 5, 25), public=True)
    first = report.public[0]
    assert (first.number, first.task, first.finished, first.total) == (1, "1", 1, 4)
    assert [s.ordinal for s in first.steps] == ["（一）", "（二）", "（三）", "（四）"]
    assert first.steps[0].note == "已清运约一半，联系人：***，电话***"
    assert report.public[2].ongoing and report.public[2].finished == 1


# ---- the command, each format read back --------------------------------------------


def test_terminal_report(invoke: Invoke, data: Path) -> None:
    result = invoke("report", file=data, as_of=AS_OF)
    assert result.exit_code == 0, result.output
    assert lines(result.stdout) == [
        "测试整改方案",
        "调度通报 · 截至 2024-05-25，新完成自 2024-04-25 起计",
        "共 7 项 · 完成 3 · 逾期 1 · 即将到期 1 · 序时滞后 1 · 新完成 3",
        "",
        "各单位进度",
        "排名  单位    进度        完成  逾期  即将到期  序时滞后  新完成",
        "   1  池北区  ░░░░░░░░░░   0/2     1         0         0       0",
        "   2  池南区  ██░░░░░░░░   1/4     0         1         1       1",
        "   3  住建局  ███████░░░   2/3     0         0         0       2",
        "",
        "各问题进度",
        "编号  进度        完成  逾期  问题",
        "1     ██░░░░░░░░   1/4     1  建筑垃圾混堆乱倒",
        "2     █████░░░░░   1/2     0  渗滤液积存<i>问题</i>",
        "3     ██████████   1/1     0  长期坚持问题",
        "",
        "1. 池北区  0/2 (0%)",
        "逾期  1.1  2024-02-29  +86  2024年2月底前，池北区组织对老粮库院内堆存垃圾分类处…",
        "",
        "2. 池南区  1/4 (25%)",
        "即将到期  1.4  2024-05-31       剩6天  池南区制定<b>整治</b>方案 & 上报。",
        "序时滞后  2.1  2024-06-30              池南区完成积存渗滤液处理。",
        "新完成    2.2  2024-03-31  2024-04-30  池南区清理渗滤液调节池。",
        "",
        "3. 住建局  2/3 (67%)",
        "新完成  1.2  2024-12-31  2024-05-20  住建局制定建筑垃圾管理工作方案。",
        "新完成  3.1  —           2024-05-01  住建局建立长效监管机制。",
    ]


def test_terminal_public_in_english(invoke: Invoke, data: Path) -> None:
    result = invoke("report", "--public", "--unit", "住建局", file=data, as_of=AS_OF, lang="en")
    assert result.exit_code == 0, result.output
    assert lines(result.stdout) == [
        "测试整改方案",
        "rectification progress · as of 2024-05-25",
        "",
        "No.        1",
        "problem    建筑垃圾混堆乱倒",
        "goal       完成垃圾堆放点整治。",
        "deadline   2024年12月底前",
        "measures   （二）住建局制定建筑垃圾管理工作方案。",
        "           （三）各区加强巡查，发现问题立行立改。",
        "progress   （二）2024-05-20 done: 方案已印发",
        "           （三）to do",
        "completion in progress (1 of 2 measures done)",
        "",
        "No.        2",
        "problem    长期坚持问题",
        "goal",
        "deadline   立行立改，长期坚持",
        "measures   （一）住建局建立长效监管机制。",
        "progress   （一）2024-05-01 done: 机制已建立",
        "completion done, ongoing",
    ]


def test_markdown_report(invoke: Invoke, data: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    result = invoke("report", "-o", str(target), file=data, as_of=AS_OF)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"已写入 {target}\n"
    text = target.read_text(encoding="utf-8")
    assert text.startswith(
        "# 测试整改方案\n\n**调度通报** · 截至 2024-05-25，新完成自 2024-04-25 起计\n"
    )
    units = markdown_table(text, "## 各单位进度")
    assert units[0] == ["排名", "单位", "进度", "完成", "逾期", "即将到期", "序时滞后", "新完成"]
    assert [row[1] for row in units[1:]] == ["池北区", "池南区", "住建局"]
    assert units[2][2] == "██░░░░░░░░ 25%"
    # markup typed into the data is shown, never interpreted
    assert "渗滤液积存&lt;i&gt;问题&lt;/i&gt;" in text
    assert "<b>" not in text and "<i>" not in text
    south = markdown_table(text, "### 2. 池南区 · 1/4 (25%)")
    assert [row[:4] for row in south[1:]] == [
        ["即将到期", "1.4", "2024-05-31", "剩6天"],
        ["序时滞后", "2.1", "2024-06-30", ""],
        ["新完成", "2.2", "2024-03-31", "2024-04-30"],
    ]


def test_markdown_escapes_table_breaks() -> None:
    from rectcli.reports.text import md_cell

    assert md_cell("a | b\nc <x> & d") == "a \\| b c &lt;x&gt; &amp; d"


def test_csv_report(invoke: Invoke, data: Path) -> None:
    result = invoke("report", "--format", "csv", file=data, as_of=AS_OF)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["rank"], r["unit"], r["kind"], r["id"]) for r in rows] == [
        ("1", "池北区", "overdue", "1.1"),
        ("2", "池南区", "due_soon", "1.4"),
        ("2", "池南区", "behind", "2.1"),
        ("2", "池南区", "done", "2.2"),
        ("3", "住建局", "done", "1.2"),
        ("3", "住建局", "done", "3.1"),
    ]
    assert rows[0]["days_overdue"] == "86"
    assert rows[0]["latest"] == "2024-03-01 50% 已清运约一半，联系人：王五，电话13812345678 (李四)"
    assert rows[3]["done_on"] == "2024-04-30"


def test_xlsx_report(invoke: Invoke, data: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"
    result = invoke("report", "-o", str(target), file=data, as_of=AS_OF)
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["各单位进度", "各单位事项"]
    units = [list(r) for r in book["各单位进度"].iter_rows(values_only=True)]
    assert units[0][:5] == ["排名", "单位", "措施总数", "完成", "%"]
    assert units[1:] == [
        [1, "池北区", 2, 0, 0, 1, 0, 0, 0],
        [2, "池南区", 4, 1, 25, 0, 1, 1, 1],
        [3, "住建局", 3, 2, 67, 0, 0, 0, 2],
    ]
    assert len(book["各单位进度"]._charts) == 1
    details = list(book["各单位事项"].iter_rows(values_only=True))
    assert [r[:4] for r in details[1:3]] == [
        (1, "池北区", "逾期", "1.1"),
        (2, "池南区", "即将到期", "1.4"),
    ]
    assert book["各单位事项"].freeze_panes == "A2"


def test_public_csv_has_the_standard_columns_and_nothing_personal(
    invoke: Invoke, data: Path
) -> None:
    result = invoke("report", "--public", "--format", "csv", file=data, as_of=AS_OF)
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["序号", "问题", "整改目标", "整改时限", "整改措施", "整改进展", "完成情况"]
    assert [r[0] for r in rows[1:]] == ["1", "2", "3"]
    assert (
        rows[1][5].splitlines()[0] == "（一）2024-03-01 推进中：已清运约一半，联系人：***，电话***"
    )
    assert rows[1][6] == "推进中（1/4 项措施已完成）"
    assert rows[3][6] == "已完成，长期坚持"
    for name in ("李四", "王五", "赵六", "张三", "13812345678", "5712345", "验收单", "fa.pdf"):
        assert name not in result.stdout


def test_public_markdown_and_xlsx(invoke: Invoke, data: Path, tmp_path: Path) -> None:
    result = invoke("report", "--public", "--format", "markdown", file=data, as_of=AS_OF)
    table = markdown_table(result.stdout, "**整改落实情况**")
    assert table[0] == ["序号", "问题", "整改目标", "整改时限", "整改措施", "整改进展", "完成情况"]
    assert table[2][1] == "渗滤液积存&lt;i&gt;问题&lt;/i&gt;"
    assert table[2][4] == "（一）池南区完成积存渗滤液处理。<br>（二）池南区清理渗滤液调节池。"
    target = tmp_path / "public.xlsx"
    assert invoke("report", "--public", "-o", str(target), file=data, as_of=AS_OF).exit_code == 0
    sheet = openpyxl.load_workbook(target).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("序号", "问题", "整改目标", "整改时限", "整改措施", "整改进展", "完成情况")
    assert rows[3][6] == "已完成，长期坚持"
    assert sheet.print_title_rows == "$1:$1"
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4


def test_table_to_a_file_is_plain_text(invoke: Invoke, data: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    assert invoke("report", "-o", str(target), file=data, as_of=AS_OF).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert "1. 池北区  0/2 (0%)" in text
    assert "\x1b[" not in text


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["-o", "report.odt"],
            "error: -o report.odt: cannot tell the format from '.odt'; add --format "
            "table|markdown|html|xlsx|csv|json|docx|pdf or name the file .txt, .md, .markdown, "
            ".html, .htm, .xlsx, .csv, .json, .docx or .pdf",
        ),
        (
            ["--format", "xlsx"],
            "error: --format xlsx writes a file: name it with -o report.xlsx",
        ),
        (["--format", "pdf"], "error: --format pdf writes a file: name it with -o report.pdf"),
        (
            ["--format", "odt"],
            "error: --format odt: use one of table|markdown|html|xlsx|csv|json|docx|pdf",
        ),
        (
            ["--since", "2024-13-01"],
            "error: --since: '2024-13-01' is not a date; write it as 2024-06-30",
        ),
        (["--since", AS_OF], f"error: --since {AS_OF} is not before the report's day {AS_OF}"),
        (
            ["--due-within", "soon"],
            "error: cannot read the period 'soon'; write days as 30d or weeks as 2w",
        ),
        (["--unit", "住建"], "error: unknown unit '住建'; did you mean '住建局'?"),
        (["-o", "no/such/dir/r.html"], "no/such/dir/r.html: error: no directory no/such/dir"),
    ],
)
def test_report_refusals(
    invoke: Invoke,
    data: Path,
    args: list[str],
    message: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("report", *args, file=data, as_of=AS_OF)
    assert result.exit_code == 2
    assert result.stderr == message + "\n"
    assert result.stdout == ""


# ---- missed occurrences of recurring duties ------------------------------------------

LATER = "2024-07-15"  # 1.3's 每季度 (2024-06-30) missed; 2.1 and 1.4 overdue


def test_a_missed_duty_is_overdue_in_each_of_its_units_sections(data: Path) -> None:
    report = build_report(load(data), D(2024, 7, 15))
    assert (report.total, report.overdue, report.duties_overdue) == (7, 3, 1)
    overdue = {
        s.unit: [(i.label, i.row.due, i.row.days_overdue) for i in s.overdue] for s in report.units
    }
    quarter = ("1.3 每季度", D(2024, 6, 30), 15)
    assert overdue == {
        "池南区": [("1.4", D(2024, 5, 31), 45), ("2.1", D(2024, 6, 30), 15), quarter],
        "池北区": [("1.1", D(2024, 2, 29), 137), quarter],
        "住建局": [quarter],
    }
    # a duty is no measure: the chart's bars and the totals count measures only
    assert [(b.key, b.total, b.overdue) for b in unit_bars(report)] == [
        ("池南区", 4, 2),
        ("池北区", 2, 1),
        ("住建局", 3, 0),
    ]
    assert [(b.key, b.overdue) for b in report.tasks] == [("1", 2), ("2", 1), ("3", 0)]


def test_a_duty_fulfilled_in_its_period_is_not_listed(data: Path) -> None:
    text = data.read_text(encoding="utf-8")
    data.write_text(
        text.replace(
            "          - {every: 7个工作日内, text: 新发现的问题及时清理}\n",
            "          - {every: 7个工作日内, text: 新发现的问题及时清理}\n"
            "        progress:\n"
            "          - {date: 2024-06-20, status: todo, note: 二季度巡查, duty: 每季度}\n",
        ),
        encoding="utf-8",
    )
    report = build_report(load(data), D(2024, 7, 15))
    assert report.duties_overdue == 0
    assert [i.label for s in report.units for i in s.overdue] == ["1.4", "2.1", "1.1"]


def test_terminal_report_labels_the_duty(invoke: Invoke, data: Path) -> None:
    result = invoke("report", "--unit", "住建局", file=data, as_of=LATER)
    assert result.exit_code == 0, result.output
    assert lines(result.stdout)[:3] == [
        "测试整改方案",
        "调度通报 · 截至 2024-07-15，新完成自 2024-06-15 起计 · 责任单位 住建局",
        "共 3 项 · 完成 2 · 逾期 0 · 即将到期 0 · 序时滞后 0 · 新完成 0 · 常态化逾期 1",
    ]
    assert lines(result.stdout)[-2:] == [
        "1. 住建局  2/3 (67%)",
        "逾期  1.3 每季度  2024-06-30  +15  开展建筑垃圾巡查",
    ]


def test_every_file_format_lists_the_missed_duty(
    invoke: Invoke, data: Path, tmp_path: Path
) -> None:
    result = invoke("report", "--format", "csv", "--unit", "池北区", file=data, as_of=LATER)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["kind"], r["id"], r["deadline"], r["due"], r["duty"]) for r in rows] == [
        ("overdue", "1.1", "2024年2月底前", "2024-02-29", ""),
        ("overdue", "1.3", "每季度", "2024-06-30", "每季度"),
    ]
    assert rows[1]["days_overdue"] == "15" and rows[1]["text"] == "开展建筑垃圾巡查"
    markdown = invoke("report", "--format", "markdown", "--unit", "池北区", file=data, as_of=LATER)
    assert markdown_table(markdown.stdout, "**调度通报**")[0][-1] == "常态化逾期"
    section = markdown_table(markdown.stdout, "### 1. 池北区")
    assert [row[:4] for row in section[1:]] == [
        ["逾期", "1.1", "2024-02-29", "+137"],
        ["逾期", "1.3 每季度", "2024-06-30", "+15"],
    ]
    html = invoke("report", "--format", "html", "--unit", "池北区", file=data, as_of=LATER)
    assert (
        '<tr class="overdue" data-id="1.3"><td class=\'kind nowrap\'>逾期</td>'
        "<td class='nowrap'>1.3 每季度</td><td class='nowrap'>2024-06-30</td>"
    ) in html.stdout
    target = tmp_path / "r.xlsx"
    assert invoke("report", "-o", str(target), file=data, as_of=LATER).exit_code == 0
    details = list(openpyxl.load_workbook(target)["各单位事项"].iter_rows(values_only=True))
    assert len(details[0]) == 13  # the duty is shown with the id, in no column of its own
    assert [r[1:4] for r in details if r[3] == "1.3 每季度"] == [
        ("池南区", "逾期", "1.3 每季度"),
        ("池北区", "逾期", "1.3 每季度"),
        ("住建局", "逾期", "1.3 每季度"),
    ]


def test_a_crowded_report_in_csv_and_public(invoke: Invoke, tmp_path: Path) -> None:
    data = crowded(tmp_path / "crowded")
    result = invoke("report", "--format", "csv", file=data, as_of=AS_OF)
    rows = [r for r in csv.DictReader(io.StringIO(result.stdout)) if r["kind"] == "overdue"]
    assert len(rows) == 51  # files list every item
    assert [(r["id"], r["latest"]) for r in rows[:2]] == [("1.1", "2024-03-01"), ("2.1", "")]
    public = invoke("report", "--public", file=data, as_of=AS_OF, lang="en")
    completions = [line for line in lines(public.stdout) if line.startswith("completion")]
    assert completions[:3] == [
        "completion in progress (0 of 1 measures done)",
        "completion to do",
        "completion to do",
    ]
