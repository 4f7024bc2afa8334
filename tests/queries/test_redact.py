"""The one redaction policy for --public (issue 14): the leak table, case by case."""

from __future__ import annotations

from pathlib import Path

import pytest

from rectcli.queries.redact import redact
from tests.conftest import Invoke

LEAKS = [
    # phones
    ("电话+8613812345678", "电话***"),
    ("手机号0086 138 1234 5678已通知", "手机号***已通知"),
    ("请拨+86-13812345678", "请拨***"),
    ("联系：１３８１２３４５６７８", "联系：***"),  # full-width digits
    ("拨打＋８６１３８１２３４５６７８", "拨打***"),
    ("请拨(0431)88881234", "请拨***"),
    ("请拨（0431）8888-1234", "请拨***"),
    ("请拨 0431 88881234 咨询", "请拨 *** 咨询"),
    ("请拨[0431]88881234", "请拨***"),
    ("请拨【0431】88881234", "请拨***"),
    ("请拨０４３１－８８８８１２３４", "请拨***"),
    ("座机：88881234", "座机：***"),
    ("电话 5712345", "电话 ***"),
    ("请拨0433-5712345或010-12345678", "请拨***或***"),
    # as published (the 值班电话 of inspection teams: freewechat.com/a/MzA4MzQ0MjYyMg==/
    # 2652205249/1, m.bbnews.cn/p/19617.html, tongshan.cjyun.org/p/35598.html)
    ("值班电话:0311—87801028", "值班电话:***"),
    ("值班电话:025--83585266", "值班电话:***"),
    ("值班电话:020- 87766710", "值班电话:***"),
    ("专门值班电话:0551—62651086,专门邮政信箱", "专门值班电话:***,专门邮政信箱"),
    ("电话:0564-3215450、0564-3216707;", "电话:***、***;"),
    ("举报电话0715-8908156(08:00-20:00)", "举报电话***(08:00-20:00)"),
    # ID cards (check digit right) and bank cards (Luhn right)
    ("身份证号11010519491231002X", "身份证号***"),
    ("身份证号11010519491231002x已核", "身份证号***已核"),
    ("卡号6222 0212 3456 7890 128", "卡号***"),
    ("卡号4111111111111111", "卡号***"),
    # e-mail
    ("发送至 zhangsan@example.gov.cn 备案", "发送至 *** 备案"),
    ("邮箱：li.si+rect@mail.example.com", "邮箱：***"),
    # names
    ("联系人张三", "联系人***"),
    ("联系人：张三", "联系人：***"),
    ("联系人: 王五，电话13812345678", "联系人: ***，电话***"),
    ("填报人：张三、李四", "填报人：***、***"),
    ("填报人：张三、李四、欧阳小明", "填报人：***、***、***"),
    ("负责同志：王小明", "负责同志：***"),
    ("负责同志：王小明、赵六已到场", "负责同志：***、***已到场"),
    ("经办人李四已上报", "经办人***已上报"),
    ("负责人：赵六", "负责人：***"),
    ("负责同志：任小明", "负责同志：***"),  # with a colon, 任 is a surname
    ("联系人任小明", "联系人***"),
    ("负责人赵六电话13812345678", "负责人***电话***"),
    ("经办人: 李四 已上报", "经办人: *** 已上报"),
]

KEPT = [
    "清运2500立方米，20240301号文，12345678901234",
    "负责人约谈已完成",
    "由主要负责同志牵头落实",
    "党工委、管委会主要负责同志任组长，相关负责同志任副组长",  # the seed plan's own words
    "各部门主要领导要担起第一责任人责任",
    "2024-03-01 已清运约一半",
    "身份证号110105194912310021",  # wrong check digit: no ID number
    "编号4111111111111112",  # wrong Luhn digit: no card number
    "完成率 95%，共 12 处",
]


@pytest.mark.parametrize(("text", "public"), LEAKS)
def test_the_leak_table_is_masked(text: str, public: str) -> None:
    assert redact(text) == public


@pytest.mark.parametrize("text", KEPT)
def test_what_is_no_personal_data_is_kept(text: str) -> None:
    assert redact(text) == text


SECRETS = ["13812345678", "１３８", "88881234", "11010519491231002X", "example", "张三", "李四"]


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "json"],
        ["--format", "csv"],
        ["--format", "markdown"],
        ["--format", "html"],
        ["--format", "table"],
    ],
)
def test_public_reports_hold_none_of_it(mini: Path, invoke: Invoke, args: list[str]) -> None:
    leak = "联系人张三，电话+8613812345678；填报人：王五、李四；身份证号11010519491231002X"
    text = mini.read_text(encoding="utf-8")
    text = text.replace("note: 已清运约一半", f"note: {leak}，邮箱a@example.com")
    text = text.replace("goal: 完成垃圾堆放点整治。", "goal: 联系人：张三（0431）88881234")
    text = text.replace(
        "text: 住建局制定建筑垃圾管理工作方案。",
        "text: 负责同志：张三、李四，１３８１２３４５６７８",
    )
    mini.write_text(text, encoding="utf-8")
    result = invoke("report", "--public", *args, file=mini, env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    for secret in SECRETS:
        assert secret not in result.stdout
    assert "***" in result.stdout.replace("\\*", "*")  # Markdown escapes the stars
