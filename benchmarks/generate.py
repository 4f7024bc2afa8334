"""Realistic synthetic task lists for benchmarks and fuzzing.

``generate(n_tasks, seed)`` returns the text of a tasks.yaml with ``n_tasks`` tasks of
about five measures each: Chinese text of the seed plan's lengths, units and groups from
the repository's ``data/units.yaml``, deadlines in the phrase forms real plans use,
progress logs of 0-4 entries and a few comments. The same (n_tasks, seed) always gives
the same text. 1,000 tasks make about 3.9 MB; 10,000 about 39 MB.

    python benchmarks/generate.py 10000 /tmp/big          # writes tasks.yaml + units.yaml
    python benchmarks/generate.py 1000 /tmp/small --seed 7
"""

from __future__ import annotations

import argparse
import random
import shutil
from datetime import date, timedelta
from pathlib import Path

import yaml

UNITS_YAML = Path(__file__).resolve().parent.parent / "data" / "units.yaml"
ISSUED = date(2024, 4, 12)

# Clauses in the register of a 整改方案; sentences are drawn from them.
_SUBJECTS = (
    "各区",
    "住建部门",
    "生态环境部门",
    "农业水利部门",
    "综合执法支队",
    "管委会相关职能部门",
    "池北区管理委员会",
    "保护中心",
)
_CLAUSES = (
    "深入贯彻习近平生态文明思想",
    "切实提高政治站位",
    "坚决扛起生态环境保护政治责任",
    "严格落实党政同责、一岗双责",
    "组织开展专项排查整治行动",
    "建立问题清单、任务清单和责任清单",
    "对排查发现的问题逐一登记造册",
    "明确整改责任人和整改时限",
    "加强日常监管和执法巡查",
    "依法依规严肃查处违法违规行为",
    "完善长效管理机制",
    "健全部门协调联动机制",
    "定期调度整改进展情况",
    "对整改不力的单位和个人严肃追责问责",
    "加快推进污水处理设施提标改造",
    "完成垃圾堆放点清理整治",
    "规范建筑垃圾收集、转运和处置",
    "加强供热企业煤灰煤渣管理",
    "推进矿山生态修复治理",
    "严厉打击非法采砂、偷采超采等行为",
    "强化饮用水水源地保护",
    "持续开展河湖“清四乱”专项行动",
    "落实河长制、林长制工作要求",
    "加强自然保护地监督管理",
    "做好生态环境损害赔偿线索排查",
    "将整改工作纳入年度考核",
    "强化考核结果运用",
    "及时向社会公开整改情况",
    "主动接受群众监督",
    "建立整改销号制度",
    "确保整改工作取得实效",
    "巩固提升整改成效",
    "防止问题反弹回潮",
    "研究出台相关工作制度",
    "形成专题会议纪要",
    "开展“回头看”检查",
    "对已完成整改的问题组织验收",
    "加大资金投入力度",
    "加快项目建设进度",
    "完成年度目标任务",
)
_FINDINGS = (
    "督察发现，部分区域存在生活垃圾、建筑垃圾混堆乱倒现象",
    "个别部门对生态环境保护工作重视不够，主体责任落实不到位",
    "污水处理厂污泥脱水后含水量高于80%，不能稳定达标",
    "部分河道存在乱占、乱采、乱堆、乱建问题",
    "集中供热企业煤灰、煤渣露天堆放，扬尘污染问题突出",
    "生态环境损害赔偿案件立案数量少，与应赔尽赔要求有差距",
    "自然保护地内仍有违规建设项目未完成清理",
    "饮用水水源保护区内存在环境风险隐患",
    "部分矿山生态修复进度滞后，治理效果不明显",
    "群众反映强烈的噪声、油烟扰民问题仍未彻底解决",
)
_NOTES = (
    "已召开专题会议部署",
    "已完成现场排查",
    "已清运约一半",
    "已制定整改方案",
    "整改工作有序推进",
    "已完成整改，待验收",
    "已通过验收",
    "资金已落实，正在施工",
    "已印发工作制度",
    "已建立问题台账",
)
_NUMERALS = "〇一二三四五六七八九"


def _cn_year(year: int) -> str:
    return "".join(_NUMERALS[int(d)] for d in str(year))


def _cn_month(month: int) -> str:
    return ("", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二")[month]


def _deadline(rng: random.Random) -> str:
    """A deadline phrase in one of the forms real plans use."""
    year = rng.choice((2024, 2024, 2024, 2025, 2025, 2026))
    month = rng.randint(1, 12)
    form = rng.random()
    if form < 0.40:
        return f"{year}年{month}月底前"
    if form < 0.48:
        return f"{year}-{month:02d}-{rng.randint(1, 28):02d}"
    if form < 0.54:
        return f"{year}年{month}月{rng.randint(1, 28)}日前"
    if form < 0.60:
        return f"{year}年第{'一二三四'[rng.randint(0, 3)]}季度末"
    if form < 0.64:
        return f"{year}年{rng.choice('上下')}半年"
    if form < 0.68:
        return f"{year}年底前"
    if form < 0.71:
        return f"{year}年{month}月{rng.choice('上中下')}旬"
    if form < 0.74:
        return f"{_cn_year(year)}年{_cn_month(month)}月底前"
    if form < 0.77:
        return f"{year}年{month}月末"
    if form < 0.84:
        return "立行立改"
    if form < 0.90:
        return "立行立改，长期坚持"
    if form < 0.95:
        return "长期坚持"
    return f"立行立改，{year}年{month}月底前"


def _sentence(rng: random.Random, n_clauses: int) -> str:
    parts = [rng.choice(_CLAUSES) for _ in range(n_clauses)]
    return f"{rng.choice(_SUBJECTS)}{'，'.join(parts)}。"


def _text(rng: random.Random, n_chars: int) -> str:
    """About ``n_chars`` characters of plan prose."""
    out: list[str] = []
    length = 0
    while length < n_chars:
        sentence = _sentence(rng, rng.randint(2, 5))
        out.append(sentence)
        length += len(sentence)
    return "".join(out)


def _quote(text: str) -> str:
    # Plain scalars are safe for this vocabulary; quote only what YAML would misread.
    return f'"{text}"' if text[:1] in "-?:,[]{}#&*!|>'\"%@`" or ": " in text else text


def _units(rng: random.Random, names: list[str], groups: list[str]) -> list[str]:
    picked = rng.sample(names, rng.randint(1, 3))
    if rng.random() < 0.3:
        picked.insert(0, rng.choice(groups))
    return picked


def _progress(rng: random.Random, lines: list[str], owner: str) -> str:
    """Append 0-4 progress entries; return the measure's resulting status."""
    entries = rng.choice((0, 0, 1, 1, 2, 3, 4))
    if not entries:
        return "todo"
    lines.append("        progress:")
    day = ISSUED + timedelta(days=rng.randint(1, 60))
    status = "doing"
    for index in range(entries):
        last = index == entries - 1
        status = rng.choice(("done", "done", "closed", "doing")) if last else "doing"
        if status == "closed" and index == 0:
            status = "done"  # the log is the truth: closing (销号) follows a done entry
        elif status == "closed":  # the entry before it says done
            lines[-1] = lines[-1].replace("status: doing,", "status: done,")
        lines.append(
            f"          - {{date: {day.isoformat()}, status: {status}, "
            f"note: {rng.choice(_NOTES)}, by: {owner}}}"
        )
        day += timedelta(days=rng.randint(7, 90))
    return status


def _unit_names() -> tuple[list[str], list[str], list[str]]:
    """(unit names, group names, aliases) of the repository's units.yaml."""
    data = yaml.safe_load(UNITS_YAML.read_text(encoding="utf-8"))
    units = [u["name"] for u in data["units"]]
    groups = [g["name"] for g in data.get("groups") or []]
    aliases = [a for u in data["units"] for a in u.get("aliases") or []]
    return units, groups, aliases


def generate(n_tasks: int, seed: int = 0) -> str:
    """The text of a valid tasks.yaml with ``n_tasks`` tasks (about 5 measures each)."""
    rng = random.Random(seed)
    units, groups, aliases = _unit_names()
    lines = [
        f"# Synthetic 整改任务清单: {n_tasks} tasks, seed {seed} (benchmarks/generate.py)",
        "plan:",
        "  title: 某省贯彻落实第二轮省级生态环境保护督察报告整改方案（合成数据）",
        f"  issued: {ISSUED.isoformat()}",
        "  issuer: 某省生态环境保护督察整改工作领导小组办公室",
        "tasks:",
    ]
    for t in range(1, n_tasks + 1):
        task_units = _units(rng, units, groups)
        if rng.random() < 0.1:
            task_units.append(rng.choice(aliases))
        lines += [
            f'  - id: "{t}"',
            f"    title: {_quote(rng.choice(_FINDINGS))}",
            f"    finding: {_quote(_text(rng, rng.randint(90, 170)))}",
            f"    units: [{', '.join(task_units)}]",
            f"    persons: {'、'.join(task_units)}主要负责同志",
            "    supervisor: 办公室",
            f"    goal: {_quote(_text(rng, rng.randint(40, 90)))}",
            f"    deadline: {_deadline(rng)}",
            "    measures:",
        ]
        for m in range(1, rng.choice((3, 4, 5, 5, 6, 7)) + 1):
            lines.append(f'      - id: "{t}.{m}"')
            if rng.random() < 0.05:
                lines.append("        # the measure's owners are read from its own text")
            lines.append(f"        text: {_quote(_text(rng, rng.randint(40, 130)))}")
            own_units = _units(rng, units, groups) if rng.random() < 0.4 else None
            if own_units:
                lines.append(f"        units: [{', '.join(own_units)}]")
            if rng.random() < 0.5:
                lines.append(f"        deadline: {_deadline(rng)}")
            at = len(lines)
            status = _progress(rng, lines, (own_units or task_units)[0])
            lines.insert(at, f"        status: {status}")
    return "\n".join(lines) + "\n"


def write_list(directory: Path, n_tasks: int, seed: int = 0) -> Path:
    """Write tasks.yaml (generated) and units.yaml (the repository's) into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    tasks = directory / "tasks.yaml"
    tasks.write_text(generate(n_tasks, seed), encoding="utf-8")
    shutil.copyfile(UNITS_YAML, directory / "units.yaml")
    return tasks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tasks", type=int, help="number of tasks (about 5 measures each)")
    parser.add_argument("directory", type=Path, help="where to write tasks.yaml and units.yaml")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args()
    path = write_list(args.directory, args.tasks, args.seed)
    print(f"{path}: {path.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
