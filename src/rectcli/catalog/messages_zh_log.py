"""The Chinese of rect's messages about the progress log: marks on a part of a shared
measure, corrections, milestones (edits/transitions.py), the log's rules
(model/logrules.py), a mark's text edits (edits/mark.py), and the recurring duties and
incidents a measure's log fulfils (dates/duties.py). Part of the table in messages_zh.py
(same rules)."""

from __future__ import annotations

MESSAGES_ZH_LOG: list[tuple[str, str]] = [
    # marks on a part of a shared measure, corrections, milestones (edits/transitions.py)
    (
        "closing (销号) {} is for the whole measure, once every part is done: leave out --unit",
        "{0} 的销号针对整项措施，须各单位的分工都已完成：请去掉 --unit",
    ),
    (
        "{} is not shared by several units; --unit {} is not its unit: leave out --unit",
        "{0} 不是多个单位共同负责的措施；--unit {1} 不是其责任单位：请去掉 --unit",
    ),
    ("{}: {} is not one of its units ({})", "{0}：{1} 不是其责任单位之一（{2}）"),
    ("{}: '{}' is not one of its units ({})", "{0}：“{1}”不是其责任单位之一（{2}）"),
    ("no measure of problem '{}' is {}'s", "问题“{0}”没有由 {1} 负责的措施"),
    (
        "--correct {}: {} has no entry of that date to correct",
        "--correct {0}：{1} 没有该日期的记录可更正",
    ),
    (
        "correcting {}'s entry of {} needs --note saying what was wrong",
        "更正 {0} 在 {1} 的记录需要用 --note 说明错在哪里",
    ),
    (
        "--milestone records one measure's step",
        "--milestone 记录的是一项措施的阶段节点：请写措施编号，而不是问题编号",
    ),
    (
        "{} has no milestone '{}' (its milestones: none)",
        "{0} 没有阶段节点“{1}”（该措施没有阶段节点）",
    ),
    ("{} has no milestone '{}' (its milestones: {})", "{0} 没有阶段节点“{1}”（其阶段节点：{2}）"),
    (
        "{} has several milestones matching '{}' (its milestones: {}); name one by its deadline",
        "{0} 有多个阶段节点符合“{1}”（其阶段节点：{2}）：请写明其中一个的时限",
    ),
    ("{} has no milestone '{}'", "{0} 没有阶段节点“{1}”"),
    (
        "'{}' of {} has no due dates to make up (a response time is due per incident: record incidents with rect incident)",
        "{1} 的“{0}”没有可补报的到期日（限时处置按每次问题计时：请用 rect incident 记录问题）",
    ),
    (
        "{} has no recurring calendar duty whose due date --covers could name",
        "{0} 没有按日历周期的常态化要求，--covers 无到期日可指",
    ),
    (
        "cannot edit '{}' safely here (its lines do not read as one item); record this change by hand, then run rect check",
        "无法在此安全修改“{0}”（其各行读不成一个条目）；请手工记录这次变更，再运行 rect check",
    ),
    (
        "the progress log is written inline (progress: [...]); run rect fmt to write it as a list, then mark again",
        "进展记录写成了行内形式（progress: [...]）；请先运行 rect fmt 改写为列表，再重新记录",
    ),
    (
        "'{}' does not begin its item (its id must be the first key, on the '- ' line); run rect fmt to put it there, then mark it",
        "“{0}”不在其条目的开头（id 必须是第一个键，写在“- ”那一行）；请先运行 rect fmt 调整，再记录",
    ),
    (
        "'{}' is written in flow style ({id: …}); run rect fmt to write it in block style, then mark it",
        "“{0}”写成了流式（{{id: …}}）；请先运行 rect fmt 改写为块式，再记录",
    ),
    # the log is the truth (model/logrules.py)
    (
        "{} has one responsible unit; unit: is only for a part of a measure shared by several units",
        "{0} 只有一个责任单位；unit: 只用于多个单位共同负责的措施中某个单位的分工",
    ),
    (
        "{}: the entry of {} comes after one of {}; the log is kept oldest first (an entry recorded late says late: true)",
        "{0}：{1} 的记录排在 {2} 的记录之后；进展记录按时间先后保存（补录的记录写 late: true）",
    ),
    (
        "{}: corrects: {} names no earlier entry of that date",
        "{0}：corrects: {1} 所指的日期没有更早的记录",
    ),
    (
        "{} is closed on {} but no entry before it records it done",
        "{0} 于 {1} 销号，但此前没有记录表明它已完成",
    ),
    (
        "{} is closed for one unit on {} but no entry before it records it done",
        "{0} 于 {1} 为一个单位销号，但此前没有记录表明该单位已完成",
    ),
    (  # closed, or closed for one unit: the two above
        "{} is {} on {} but no entry before it records it done",
        "{0} 于 {2} 记为 {1}，但此前没有记录表明它已完成",
    ),
    (
        "{}: the closing (销号) entry of {} needs a note or evidence",
        "{0}：{1} 的销号记录需要说明（note）或佐证材料（evidence）",
    ),
    (
        "{}: closing (销号) is for the whole measure; leave out unit",
        "{0}：销号针对整项措施；请去掉 unit",
    ),
    ("{} is {} but no entry records it done", "{0} 的状态为 {1}，但没有记录表明它已完成"),
    ("{} is {} but its progress log says {}", "{0} 的状态为 {1}，但其进展记录表明为 {2}"),
    (  # a shared measure: each unit's part
        "{} is {} but its progress log says {} ({})",
        "{0} 的状态为 {1}，但其进展记录表明为 {2}（{3}）",
    ),
    (
        "{}: an extension (延期) entry has action: 延期 and the approved deadline: together",
        "{0}：延期记录须同时写 action: 延期 和批准的新时限 deadline:",
    ),
    # helpers (配合单位) and a lead that finishes a measure alone (model/roles.py)
    (
        "{} is finished by {} alone (finished_by); {} has no part of its own: leave out --unit",
        "{0} 由牵头单位 {1} 完成即整项完成（finished_by）；{2} 没有自己的分工进度：请去掉 --unit",
    ),
    (
        "{} is finished by {} alone (finished_by): {} has no part of its own",
        "{0} 由牵头单位 {1} 完成即整项完成（finished_by）：{2} 没有自己的分工进度",
    ),
    ("finished_by: unknown unit '{}'{}", "finished_by：未知单位“{0}”{1}"),
    (
        "finished_by: '{}' is a group; the lead that finishes {} alone is one unit",
        "finished_by：“{0}”是单位组；独自完成 {1} 的牵头单位须是一个单位",
    ),
    (
        "finished_by: {} is not one of {}'s units ({})",
        "finished_by：{0} 不是 {1} 的责任单位（{2}）",
    ),
    (
        "helpers: {} is one of {}'s responsible units; a helper (配合单位) assists, with no "
        "part of its own: list it in one place",
        "helpers：{0} 已是 {1} 的责任单位；配合单位只配合、没有自己的分工进度：请只写在一处",
    ),
    (
        "{} is {} ({}); a fill-in sheet does not reopen a finished measure: leave its "
        "status, or reopen it with rect mark {} {} --reopen --note …",
        "{0} 已是{2}；填报表不能重新打开已完成的措施：请保持其状态不变，或用 "
        "rect mark {3} {4} --reopen --note … 重新打开",
    ),
    (
        "{} {} is before {}'s last progress entry ({}); the log is kept oldest first: fill "
        "in a later date, or record it late (补录) with rect mark {} {} --date {} --late",
        "{0} {1} 早于 {2} 的最后一条进展记录（{3}）；进展记录按时间先后保存：请填写更晚的日期，"
        "或用 rect mark {4} {5} --date {6} --late 补录",
    ),
    # recurring duties and incidents, as loading reads them (dates/duties.py)
    (
        "'{}' is a response time per incident, not a calendar; remove the rrule",
        "“{0}”是逐次限时处置，不是日历周期；请删去 rrule",
    ),
    (
        "rrule: {} does not agree with every: {}; write rrule: {}",
        "rrule: {0} 与 every: {1} 不一致；请改为 rrule: {2}",
    ),
    (
        "the duty '{}' counts from plan.issued or the measure's start; set one (e.g. start: 2024-04-12)",
        "常态化要求“{0}”从 plan.issued 或措施的 start 起算；请设置其一（如 start: 2024-04-12）",
    ),
    ("'{}' falls due on no day in the 4 years from {}", "“{0}”在 {1} 起的 4 年内没有到期日"),
    (
        "incidents belong to a response-time duty such as 7个工作日内, not to '{}'",
        "问题处置记录属于限时处置要求（如 7个工作日内），不属于“{0}”",
    ),
    ("before the incident was found", "早于问题的发现日期"),
    (
        "'{}' is not the duty this incident is listed under ({}); move it to the measure's incidents",
        "“{0}”不是该记录所在的常态化要求（{1}）；请把它移到措施的 incidents 中",
    ),
    (
        "this measure has no response-time duty (such as 7个工作日内) for an incident; add one to its recurring: items",
        "本措施没有可记录问题的限时处置要求（如 7个工作日内）；请在其 recurring: 中添加一项",
    ),
    (
        "this measure has several response-time duties ({}); name the incident's one with duty:",
        "本措施有多项限时处置要求（{0}）；请用 duty: 写明该问题属于哪一项",
    ),
    (
        "'{}' is a calendar duty; an incident belongs to a response-time duty such as 7个工作日内",
        "“{0}”是周期性要求；问题处置记录属于限时处置要求（如 7个工作日内）",
    ),
    ("'{}' is not one of this measure's recurring duties", "“{0}”不是本措施的常态化要求"),
    (
        "'{}' is not one of this measure's recurring duties ({})",
        "“{0}”不是本措施的常态化要求（其常态化要求：{1}）",
    ),
    (
        "'{}' is not one of this measure's recurring duties (it has none)",
        "“{0}”不是本措施的常态化要求（本措施没有常态化要求）",
    ),
    ("this measure has no calendar duty to make up", "本措施没有可补报的周期性要求"),
    # --covers and covers: naming a due date that is none (dates/naming.py, dates/duties.py)
    (
        "--covers {} is not a due date of {} (the nearest: {})",
        "--covers {0} 不是“{1}”的应完成日期（最近的应完成日期：{2}）",
    ),
    ("--covers {} is not a due date of {}", "--covers {0} 不是“{1}”的应完成日期"),
    (
        "covers: {} is not a due date of {}; the next one is {}",
        "covers：{0} 不是“{1}”的应完成日期；下一个是 {2}",
    ),
    ("covers: {} is not a due date of {}", "covers：{0} 不是“{1}”的应完成日期"),
    ("the next one is {}", "下一个是 {0}"),
]
