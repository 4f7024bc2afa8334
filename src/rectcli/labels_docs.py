"""The words of the office documents (Word/PDF reports, the 销号公示, the site), merged
into :mod:`rectcli.labels`' catalog: zh and en, the same keys."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "zh": {
        "period_month": "{year}年{n}月整改进展情况",
        "period_quarter": "{year}年第{n}季度整改进展情况",
        "period_half_1": "{year}年上半年整改进展情况",
        "period_half_2": "{year}年下半年整改进展情况",
        "period_year": "{year}年度整改进展情况",
        "doc_date": "{year}年{month}月{day}日",
        "doc_summary": "截至{as_of}，共有整改措施{total}项，已完成{finished}项（{percent}%），"
        "逾期未完成{overdue}项，{soon_days}天内到期{due_soon}项，序时进度滞后{behind}项；"
        "{since}以来新完成{done}项。",
        "doc_duties": "常态化要求逾期未报{n}次。",
        "doc_units_heading": "一、各单位整改进度",
        "doc_details_heading": "二、各单位具体事项",
        "doc_public_heading": "整改落实情况公示",
        "doc_unit_line": "{unit}：共{total}项，已完成{finished}项（{percent}%）",
        "doc_page": "第 {n} 页",
        "notice_title": "关于{subject}整改完成情况的公示",
        "notice_intro": "根据{plan}要求，{units}已完成下列整改任务，现将整改完成情况予以公示，"
        "接受社会监督。",
        "notice_problem": "整改问题",
        "notice_units": "整改实施主体",
        "notice_measures": "整改措施",
        "notice_goal": "目标任务",
        "notice_deadline": "完成时限",
        "notice_done": "整改完成情况",
        "notice_evidence": "佐证材料：{n}份",
        "notice_period": "公示期",
        "notice_period_text": "{first}至{last}（{n}个工作日）。公示期间，如对整改完成情况有异议，"
        "请通过以下方式反映。",
        "notice_contact": "监督电话",
        "notice_no_contact": "（未设置：在 tasks.yaml 的 plan.contact 中填写）",
        "notice_not_done": "{id} 尚未完成（状态：{status}），不能公示销号；全部措施完成后再公示",
        "notice_not_done_task": "问题 {id} 尚有未完成的措施：{open}；全部完成后再公示销号",
        "notice_written": "已写入 {path}（公示期至 {last}）",
        "site_written": "已写入 {path}：{n} 个页面",
        "site_index": "整改落实情况",
        "site_back": "返回总览",
        "site_updated": "更新于 {as_of}",
    },
    "en": {
        "period_month": "Progress in {year}-{n:02d}",
        "period_quarter": "Progress in {year} Q{n}",
        "period_half_1": "Progress in the first half of {year}",
        "period_half_2": "Progress in the second half of {year}",
        "period_year": "Progress in {year}",
        "doc_date": "{year}-{month:02d}-{day:02d}",
        "doc_summary": "As of {as_of}: {total} measures, {finished} finished ({percent}%), "
        "{overdue} overdue, {due_soon} due within {soon_days} days, {behind} behind schedule; "
        "{done} done since {since}.",
        "doc_duties": "{n} recurring duties missed.",
        "doc_units_heading": "1. Progress by unit",
        "doc_details_heading": "2. Each unit in detail",
        "doc_public_heading": "Rectification progress, published",
        "doc_unit_line": "{unit}: {finished} of {total} finished ({percent}%)",
        "doc_page": "page {n}",
        "notice_title": "Notice: rectification of {subject} completed",
        "notice_intro": "Under {plan}, {units} have completed the rectification below; it is "
        "published here for public scrutiny.",
        "notice_problem": "Problem",
        "notice_units": "Responsible units",
        "notice_measures": "Measures",
        "notice_goal": "Goal",
        "notice_deadline": "Deadline",
        "notice_done": "What was done",
        "notice_evidence": "evidence: {n} item(s)",
        "notice_period": "Notice period",
        "notice_period_text": "{first} to {last} ({n} working days). Objections to the "
        "rectification may be raised during the period as below.",
        "notice_contact": "Contact",
        "notice_no_contact": "(not set: add plan.contact to tasks.yaml)",
        "notice_not_done": "{id} is not done (status: {status}): no 销号 notice before it is",
        "notice_not_done_task": "problem {id} still has measures not done: {open}; publish "
        "the notice when all are",
        "notice_written": "wrote {path} (notice period ends {last})",
        "site_written": "wrote {path}: {n} pages",
        "site_index": "Rectification progress",
        "site_back": "back to the overview",
        "site_updated": "updated {as_of}",
    },
}
