"""rect import: the official text format (and .docx) read into tasks.yaml."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from rectcli.errors import RectError
from rectcli.exchange.measure_text import UnitFinder, analyse
from rectcli.exchange.plan_docx import read_docx
from rectcli.exchange.plan_text import cn_number, parse_plan
from rectcli.exchange.plan_yaml import add_units, tasks_yaml
from rectcli.model.shapes import TaskFile
from rectcli.model.units import UnitRegistry
from rectcli.model.validate import parse_units
from rectcli.store import load, read_office, read_text
from tests.helpers import SEED_PLAN, SHIPPED_DATA, Invoke

ISSUED = date(2024, 4, 12)
SEED_TEXT = SEED_PLAN.read_text(encoding="utf-8")

# Where importing the seed and data/tasks.yaml disagree (none: the data was corrected to
# the importer's reading of 6.1's owners and 7.3's 立即).
KNOWN_DIFFERENCES: dict[tuple[str, str], tuple[Any, Any]] = {}


@pytest.fixture(scope="module")
def units() -> UnitRegistry:
    return parse_units(read_text(SHIPPED_DATA / "units.yaml"), "units.yaml")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A directory holding only the shipped units.yaml; returns where tasks.yaml goes."""
    shutil.copy(SHIPPED_DATA / "units.yaml", tmp_path / "units.yaml")
    return tmp_path / "tasks.yaml"


def differences(imported: TaskFile, shipped: TaskFile) -> dict[tuple[str, str], tuple[Any, Any]]:
    """(id, field) → (imported, shipped) for every field that differs, status/progress aside."""
    found: dict[tuple[str, str], tuple[Any, Any]] = {}
    assert [t.id for t in imported.tasks] == [t.id for t in shipped.tasks]
    for mine, theirs in zip(imported.tasks, shipped.tasks, strict=True):
        a, b = mine.model_dump(exclude={"measures"}), theirs.model_dump(exclude={"measures"})
        found |= {(mine.id, k): (a[k], b[k]) for k in a if a[k] != b[k]}
        assert [m.id for m in mine.measures] == [m.id for m in theirs.measures]
        for m_mine, m_theirs in zip(mine.measures, theirs.measures, strict=True):
            skip = {"status", "progress"}
            a, b = m_mine.model_dump(exclude=skip), m_theirs.model_dump(exclude=skip)
            found |= {(m_mine.id, k): (a[k], b[k]) for k in a if a[k] != b[k]}
    return found


def test_seed_reproduces_the_shipped_task_list(units: UnitRegistry) -> None:
    imported = parse_plan(SEED_TEXT, "plan.txt", units).file
    shipped = load(SHIPPED_DATA / "tasks.yaml", use_cache=False).file
    assert imported.plan == shipped.plan
    assert len(imported.tasks) == 10
    assert sum(len(t.measures) for t in imported.tasks) == 43
    assert differences(imported, shipped) == KNOWN_DIFFERENCES


def test_import_writes_a_task_list_that_loads(invoke: Invoke, project: Path) -> None:
    result = invoke("import", str(SEED_PLAN), "-o", str(project))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"已导入 10 个问题、43 项措施 → {project}\n"
    text = project.read_text(encoding="utf-8")
    assert text.splitlines()[:14] == [
        "# Imported by `rect import` from plan_2024-04-12.txt.",
        "# Each measure's units, deadline, milestones and recurring duties were read",
        "# from its text: check them against the plan (docs/import.md).",
        "plan:",
        "  title: 长白山保护开发区贯彻落实第二轮省级生态环境保护督察报告整改方案",
        "  issued: 2024-04-12",
        "  issuer: 中共长白山保护开发区工委办公室",
        "tasks:",
        '  - id: "1"',
        "    title: 贯彻落实习近平生态文明思想有差距",
        "    finding: " + SEED_TEXT.splitlines()[45].partition("。")[2],
        "    units: [党工委, 管委会, 各区, 各相关部门]",
        "    persons: 长白山党工委、管委会，各区、各相关部门主要负责同志",
        "    supervisor: 办公室",
    ]
    assert text.count("\n  - id: ") == 10
    assert text.count("\n      - id: ") == 43
    assert '      - id: "10.5"\n' in text
    assert (
        "        milestones:\n"
        "          - {deadline: 2024年2月底前, text: 解决污水处理厂污泥脱水后含水量高于80%的问题}\n"
        "          - {deadline: 2024年6月底前, text: 研究制定解决措施和“一厂一策”方案}\n"
        "          - {deadline: 2025年12月底前, text: 完成整改}\n"
    ) in text
    assert (
        "        recurring:\n"
        "          - {every: 每年至少2次, rrule: FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=-1, "
        "text: 生态文明建设和生态环境理论中心组学习会}\n"
        '          - {every: 每半年, rrule: "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1", '
        "text: 研究生态文明建设和生态环境保护相关工作}\n"
    ) in text
    checklist = load(project, use_cache=False)
    assert checklist.deadlines["10.5"].due == date(2024, 2, 29)  # the first open milestone
    assert checklist.deadlines["7.3"].due == ISSUED


def test_import_prints_the_same_yaml_without_output(invoke: Invoke, project: Path) -> None:
    assert invoke("import", str(SEED_PLAN), "-o", str(project)).exit_code == 0
    result = invoke("import", str(SEED_PLAN), file=project)  # units.yaml beside --file
    assert result.exit_code == 0
    assert result.stdout == project.read_text(encoding="utf-8")


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_import_refuses_to_replace_a_file_without_force(invoke: Invoke, project: Path) -> None:
    project.write_text("keep me\n", encoding="utf-8")
    result = invoke("import", str(SEED_PLAN), "-o", str(project))
    assert result.exit_code == 2
    assert result.stderr == f"{project}: error: exists; pass --force to replace it\n"
    assert project.read_text(encoding="utf-8") == "keep me\n"
    assert invoke("import", str(SEED_PLAN), "-o", str(project), "--force").exit_code == 0
    assert project.read_text(encoding="utf-8").startswith("# Imported by")


def _with_units(text: str, units: str) -> str:
    old = "责任单位：各区、住建局、综合执法支队"  # problem 三, line 78
    assert text.count(old) == 1
    return text.replace(old, f"责任单位：{units}")


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_unknown_units_are_located_with_suggestions(invoke: Invoke, project: Path) -> None:
    plan = project.parent / "plan.txt"
    plan.write_text(_with_units(SEED_TEXT, "各区、住建厅、城管局"), encoding="utf-8")
    result = invoke("import", str(plan), "-o", str(project))
    assert result.exit_code == 2
    units = project.parent / "units.yaml"
    assert result.stderr == (
        f"{plan}:78:9: error: unknown unit '住建厅'; did you mean '住建局'? If not, "
        f"add it to {units} or import with --add-units\n"
        f"{plan}:78:13: error: unknown unit '城管局'; add it to {units} or import with "
        "--add-units\n"
    )
    assert not project.exists()


def test_add_units_appends_them_to_units_yaml(invoke: Invoke, project: Path) -> None:
    plan = project.parent / "plan.txt"
    plan.write_text(_with_units(SEED_TEXT, "各区、住建厅、城管局"), encoding="utf-8")
    units_path = project.parent / "units.yaml"
    before = units_path.read_text(encoding="utf-8").splitlines(keepends=True)
    result = invoke("import", str(plan), "-o", str(project), "--add-units")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"已在 {units_path} 中添加 2 个单位：住建厅、城管局（请补充全称 full 和类型 kind）\n"
        f"已导入 10 个问题、43 项措施 → {project}\n"
    )
    groups = before.index("groups:\n")
    assert units_path.read_text(encoding="utf-8").splitlines(keepends=True) == [
        *before[:groups],
        f"  - name: 住建厅   # added by rect import ({plan}:78:9): set full and kind\n",
        "    aliases: []\n",
        f"  - name: 城管局   # added by rect import ({plan}:78:13): set full and kind\n",
        "    aliases: []\n",
        *before[groups:],
    ]
    task = load(project, use_cache=False).file.tasks[2]
    assert task.units == ["各区", "住建厅", "城管局"]


def test_add_units_starts_a_units_file() -> None:
    assert add_units(None, [("池北区", "new")], "units.yaml") == (
        "units:\n  - name: 池北区   # new\n    aliases: []\n"
    )


def test_docx_reads_like_the_text(tmp_path: Path, units: UnitRegistry) -> None:
    from docx import Document

    document = Document()
    for line in SEED_TEXT.split("\n"):
        document.add_paragraph(line)
    path = tmp_path / "plan.docx"
    document.save(str(path))
    text = "\n".join(read_docx(read_office(path), "plan.docx").paragraphs)
    assert text == SEED_TEXT
    from_docx = parse_plan(text, "plan.docx", units).file
    assert from_docx == parse_plan(SEED_TEXT, "plan.txt", units).file


def test_docx_import_through_the_cli(invoke: Invoke, project: Path) -> None:
    from docx import Document

    document = Document()
    for line in SEED_TEXT.split("\n"):
        document.add_paragraph(line)
    plan = project.parent / "plan.docx"
    document.save(str(plan))
    result = invoke("import", str(plan), "-o", str(project))
    assert result.exit_code == 0, result.output
    assert load(project, use_cache=False).file.tasks[9].measures[4].milestones[2].text == "完成整改"


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "plan.docx",
            b"not a zip",
            "not a Word .docx document (a text or CSV file); "
            "save it as .docx (Word: File > Save As > Word Document)",
        ),
        ("plan.doc", b"\xd0\xcf\x11\xe0", "an old Word .doc file; save it as .docx"),
    ],
)
def test_unreadable_documents(
    invoke: Invoke, project: Path, name: str, content: bytes, message: str
) -> None:
    plan = project.parent / name
    plan.write_bytes(content)
    result = invoke("import", str(plan), "-o", str(project))
    assert result.exit_code == 2
    assert result.stderr == f"{plan}: error: {message}\n"


SMALL = """\
测试整改方案
整改任务清单
一、建筑垃圾混堆乱倒。池北区老粮库院内堆存建筑垃圾，
督察还发现住建部门管理不到位。
责任单位:各区、住建局
责任人 : 各区、住建局主要负责同志
督导单位：办公室
整改目标：完成整改。
整改时限：2024年12月底前。
整改措施：
1. 住建局牵头，2024年第三季度末前完成建筑垃圾管理办法，
印发各区执行。
2．各区每月底前报送进展情况。
(3) 池北区对老粮库“2023年6月底前”堆存的垃圾立即清运。
十一、渗滤液积存。
责 任 单 位：池北区
整改时限：立行立改，长期坚持
整改措施：池北区每年10月末处理完成当年渗滤液。
抄送：驻区单位。
"""


def test_format_variants(units: UnitRegistry) -> None:
    file = parse_plan(SMALL, "small.txt", units, issued=ISSUED).file
    assert file.plan.title == "测试整改方案"
    assert file.plan.issued == ISSUED
    one, eleven = file.tasks
    assert (one.id, one.title) == ("1", "建筑垃圾混堆乱倒")
    assert one.finding == "池北区老粮库院内堆存建筑垃圾，督察还发现住建部门管理不到位。"
    assert (one.units, one.persons, one.supervisor) == (
        ["各区", "住建局"],
        "各区、住建局主要负责同志",
        "办公室",
    )
    assert (one.goal, one.deadline) == ("完成整改。", "2024年12月底前")
    assert [m.model_dump(exclude_defaults=True) for m in one.measures] == [
        {
            "id": "1.1",
            "text": "住建局牵头，2024年第三季度末前完成建筑垃圾管理办法，印发各区执行。",
            "units": ["住建局"],
            "deadline": "2024年第三季度末前",
        },
        {
            "id": "1.2",
            "text": "各区每月底前报送进展情况。",
            "units": ["各区"],
            "recurring": [
                {"every": "每月底前", "rrule": "FREQ=MONTHLY;BYMONTHDAY=-1", "text": "报送进展情况"}
            ],
        },
        {
            "id": "1.3",
            "text": "池北区对老粮库“2023年6月底前”堆存的垃圾立即清运。",
            "units": ["池北区"],
            "deadline": "立即",
        },
    ]
    assert (eleven.id, eleven.units, eleven.deadline) == ("11", ["池北区"], "立行立改，长期坚持")
    assert [m.model_dump(exclude_defaults=True) for m in eleven.measures] == [
        {
            "id": "11.1",
            "text": "池北区每年10月末处理完成当年渗滤液。",
            "recurring": [
                {
                    "every": "每年10月末",
                    "rrule": "FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=-1",
                    "text": "处理完成当年渗滤液",
                }
            ],
        }
    ]


def test_the_output_round_trips_text_yaml_would_misread(units: UnitRegistry) -> None:
    plan = SMALL.replace("完成整改。", "- 完成: 整改 #1").replace("测试整改方案", "2024-01-01")
    file = parse_plan(plan, "small.txt", units, issued=ISSUED).file
    text = tasks_yaml(file)
    assert '    goal: "- 完成: 整改 #1"\n' in text
    assert 'title: "2024-01-01"\n' in text
    data = yaml.safe_load(text)
    assert data["tasks"][0]["goal"] == "- 完成: 整改 #1"
    assert TaskFile.model_validate(data) == file


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("1. 住建局牵头，2024年第三季度末前", "1. 住建局牵头，2024年2月30日前"),
            "small.txt:11:10: error: impossible date 2024年2月30日前: February 2024 has 29 days",
        ),
        (
            ("整改时限：2024年12月底前。", "整改时限：2024年13月底前。"),
            "small.txt:9:6: error: 整改时限: impossible date 2024年13月底前: there is no month 13 "
            "(months run 1-12)",
        ),
        (
            ("督导单位：办公室", "督导单位：办公室、住建局"),
            "small.txt:7:6: error: 督导单位 names more than one unit",
        ),
    ],
)
def test_problems_are_located_in_the_plan(
    units: UnitRegistry, change: tuple[str, str], expected: str
) -> None:
    assert SMALL.count(change[0]) == 1
    with pytest.raises(RectError) as caught:
        parse_plan(SMALL.replace(*change), "small.txt", units, issued=ISSUED)
    assert str(caught.value) == expected


def test_an_immediate_measure_needs_the_issue_date(units: UnitRegistry) -> None:
    plan = SMALL.replace("整改时限：立行立改，长期坚持", "整改时限：长期坚持")
    with pytest.raises(RectError) as caught:
        parse_plan(plan, "small.txt", units)  # no …印发 line, no --issued
    assert str(caught.value) == (
        "small.txt:14:28: error: deadline '立即' is due on the plan's issue date: "
        "import with --issued DATE (e.g. --issued 2024-04-12)"
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (  # 每旬 (every ten days) is not in the schedule grammar
            ("池北区每年10月末处理完成当年渗滤液。", "池北区每旬巡查一次。"),
            "small.txt:18:9: error: cannot read the recurring duty '每旬'; write e.g. 每年10月末, "
            "每半年, 每季度, 每月, 每年至少2次 or 7个工作日内, or give the rule as rrule: FREQ=…",
        ),
        (
            ("十一、渗滤液积存。", "一、渗滤液积存。"),
            "small.txt:15:1: error: problem 1 again (first on line 3)",
        ),
        (
            ("2．各区每月底前报送进展情况。", "1．各区每月底前报送进展情况。"),
            "small.txt:13:1: error: measure 1.1 again in problem 1",
        ),
        (  # an unknown unit on a continued line is placed there, and named once
            ("责任单位:各区、住建局", "责任单位:各区、\n住建厅、住建厅、各区"),
            "small.txt:6:1: error: unknown unit '住建厅'; did you mean '住建局'? If not, add it "
            "to units.yaml or import with --add-units",
        ),
    ],
)
def test_more_problems_located_in_the_plan(
    units: UnitRegistry, change: tuple[str, str], expected: str
) -> None:
    assert SMALL.count(change[0]) == 1
    with pytest.raises(RectError) as caught:
        parse_plan(SMALL.replace(*change), "small.txt", units, issued=ISSUED)
    assert str(caught.value) == expected


def test_the_issue_date_skips_a_garbled_one_and_an_empty_supervisor(
    units: UnitRegistry,
) -> None:
    plan = SMALL.replace("督导单位：办公室", "督导单位：") + (
        "长白山党工委 2024年4月12日印发\n长白山管委会 2024年2月30日印发\n"
    )
    file = parse_plan(plan, "small.txt", units).file
    assert (file.plan.issued, file.plan.issuer) == (ISSUED, "长白山党工委")
    assert file.tasks[0].supervisor is None


def test_a_plan_without_the_annex_label(units: UnitRegistry) -> None:
    # the headings are found all the same; the lines before the first one are the title
    file = parse_plan(SMALL.replace("整改任务清单\n", ""), "small.txt", units, issued=ISSUED).file
    assert file.plan.title == "测试整改方案"
    assert [t.id for t in file.tasks] == ["1", "11"]


def test_a_document_of_title_lines_only(units: UnitRegistry) -> None:
    with pytest.raises(RectError, match="no problems found"):
        parse_plan("某某整改方案\n附件\n", "p.txt", units)


def test_span_places_offsets_across_lines() -> None:
    from rectcli.exchange.plan_text import Span

    span = Span()
    span.add(3, 5, "  各区、")
    span.add(4, 1, "住建局 ")
    span.add(5, 1, "   ")  # a blank line adds nothing
    assert span.text == "各区、住建局"
    assert [span.at(i) for i in (0, 2, 3, 5)] == [(3, 7), (3, 9), (4, 1), (4, 3)]
    assert span.at(6) == (4, 4)  # just past the end: after its last character
    assert Span().at(0) == (0, 0)


def test_a_document_without_problems(units: UnitRegistry) -> None:
    with pytest.raises(RectError) as caught:
        parse_plan("一、指导思想\n坚持以习近平新时代中国特色社会主义思想为指导。\n", "p.txt", units)
    assert str(caught.value) == (
        "p.txt: error: no problems found: headings 指导思想, none followed by a label line; "
        "rect reads headings 一、… followed by 责任单位：, 整改时限： and 整改措施： lines, "
        "sites 1. … with (1)… findings, or a table (see docs/import.md)"
    )


TASK_UNITS = ["各区", "规划资源局", "生态环境局", "农业水利局", "公安局", "保护中心"]


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        # the subject after a date; the object of 组织/督促 is not an owner
        ("2024年4月底前，规划资源局组织各区学习，督促各区整改。", ["规划资源局"]),
        # 监督/责令 X: X must act
        ("规划资源局监督池南区进行整改。", ["规划资源局", "池南区"]),
        ("农业水利局责令池南区经发局撤消批复。", ["农业水利局", "池南区经发局"]),
        # a listed subject, and a sentence without one continues the previous
        ("公安局、保护中心开展排查。对发现的问题，依法处理。", ["公安局", "保护中心"]),
        # no subject at the start: the task's units, plus any named later
        ("严格落实考核。组织部将其纳入培训计划。", [*TASK_UNITS, "组织部"]),
        ("严格落实考核。住建局将其纳入计划。", [*TASK_UNITS, "住建局"]),
        # a measure naming exactly the task's units keeps none of its own
        ("各区、规划资源局、生态环境局、农业水利局、公安局、保护中心开展排查。", None),
        # 各相关部门单位: this task's own units, the districts aside
        ("各相关部门单位开展排查。", TASK_UNITS[1:]),
        # quoted text is a citation
        ("保护中心落实“谁管辖、住建局负责”原则。", ["保护中心"]),
        # an alias resolves; an owner is listed once
        ("执法支队强化监管；执法支队及时处理。", ["综合执法支队"]),
        # spaces around the opening date do not hide the subject
        ("2024年4月底前 公安局开展排查。", ["公安局"]),
        ("2024年4月底前， 公安局开展排查。", ["公安局"]),
    ],
)
def test_owners(units: UnitRegistry, text: str, owners: list[str] | None) -> None:
    assert analyse(text, UnitFinder(units), TASK_UNITS, ISSUED).owners == owners


def test_relevant_departments_of_a_task_of_districts_only(units: UnitRegistry) -> None:
    # no department of its own to stand for: 各相关部门 stays itself
    facts = analyse("各相关部门开展排查。", UnitFinder(units), ["池北区", "池南区"], ISSUED)
    assert facts.owners == ["各相关部门"]


@pytest.mark.parametrize(
    ("text", "deadline", "steps"),
    [
        ("住建局牵头，2024年第三季度末前完成排查。", "2024年第三季度末前", []),
        ("到2025年，基本完成入河排污口整治。", "2025年", []),
        ("梳理2023年以来案件线索，6月底前完成。", "6月底前", []),
        ("2024年4月底前完成巡查，发现问题立行立改。", "2024年4月底前", []),
        ("建立即时通报机制。", None, []),
        (
            "2024年2月底前，池北区要完成A。2024年6月底前完成B。",  # 要: what must be done
            None,
            [("2024年2月底前", "完成A"), ("2024年6月底前", "完成B")],
        ),
        ("池北区确保在每年10月末处理完成渗滤液。", None, []),
        (
            "2024年2月底前，池北区完成A，确保B。2024年6月底前，池北区通过多种方式查找原因，"
            "研究制定方案；2025年12月底前，完成整改。",
            None,
            [
                ("2024年2月底前", "完成A"),
                ("2024年6月底前", "研究制定方案"),
                ("2025年12月底前", "完成整改"),
            ],
        ),
    ],
)
def test_deadlines_and_milestones(
    units: UnitRegistry, text: str, deadline: str | None, steps: list[tuple[str, str]]
) -> None:
    facts = analyse(text, UnitFinder(units), ["池北区"], ISSUED)
    assert (facts.deadline.text if facts.deadline else None) == deadline
    assert [(d.text, step) for d, step in facts.milestones] == steps
    assert facts.errors == []


@pytest.mark.parametrize(
    ("text", "duties"),
    [
        ("每年至少召开2次学习会，加强研讨。", [("每年至少2次", "学习会")]),
        (
            "党委每半年、管委会每季度研究相关工作。",
            [("每半年", "研究相关工作"), ("每季度", "研究相关工作")],
        ),
        (
            "对新产生的问题要在7个工作日内清理完毕，做到及时处理。",
            [("7个工作日内", "对新产生的问题要在7个工作日内清理完毕")],
        ),
        ("定期开展联合执法。", []),
        # the phrase closing its clause: the duty is what comes before it
        ("管委会研究生态环境工作每季度。", [("每季度", "管委会研究生态环境工作")]),
        # the same duty said twice is one duty
        ("每季度研究，每季度研究。", [("每季度", "研究")]),
    ],
)
def test_recurring_duties(units: UnitRegistry, text: str, duties: list[tuple[str, str]]) -> None:
    facts = analyse(text, UnitFinder(units), ["池北区"], ISSUED)
    assert [(every.text, duty) for every, duty in facts.recurring] == duties


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("一", 1),
        ("十", 10),
        ("十一", 11),
        ("二十", 20),
        ("九十九", 99),
        ("一百零五", 105),
        ("一千", 1000),
        ("一万零二十", 10020),
        ("两万三千四百五十六", 23456),
    ],
)
def test_cn_number(text: str, number: int) -> None:
    assert cn_number(text) == number


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_import_refuses_a_bad_issued_date(invoke: Invoke, project: Path) -> None:
    result = invoke("import", str(SEED_PLAN), "-o", str(project), "--force", "--issued", "4/12")
    assert (result.exit_code, result.stderr) == (
        2,
        "error: --issued: '4/12' is not a date; write it as 2024-06-30\n",
    )


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_import_into_a_missing_directory(invoke: Invoke, project: Path) -> None:
    target = project.parent / "nowhere" / "tasks.yaml"
    result = invoke("import", str(SEED_PLAN), "-o", str(target))
    assert (result.exit_code, result.stderr) == (
        2,
        f"{target}: error: no directory {target.parent}\n",
    )


def test_import_without_a_units_file(invoke: Invoke, tmp_path: Path) -> None:
    tasks, units = tmp_path / "tasks.yaml", tmp_path / "units.yaml"
    refused = invoke("import", str(SEED_PLAN), file=tasks)
    assert (refused.exit_code, refused.stdout, refused.stderr) == (
        2,
        "",
        f"{units}: error: 没有这个文件；请编写它（见 docs/format.md），或导入时加 --add-units\n",
    )
    assert not units.exists()
    result = invoke("import", str(SEED_PLAN), "--add-units", file=tasks)
    assert result.exit_code == 0, result.output
    # printed, not written: what was done goes to stderr, the task list to stdout
    assert result.stderr == (
        f"已在 {units} 中添加 15 个单位：长白山党工委、长白山管委会、各区、各相关部门、办公室、"
        "规划资源局、住建局、农业水利局、检察室、保护中心、综合执法支队、池北区、生态环境局、"
        "公安局、池南区（请补充全称 full 和类型 kind）\n"
    )
    assert not tasks.exists()
    tasks.write_text(result.stdout, encoding="utf-8")
    checklist = load(tasks, use_cache=False)  # it loads with the units.yaml just started
    assert (len(checklist.file.tasks), len(checklist.units.canonical)) == (10, 15)
