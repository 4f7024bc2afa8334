"""The Chinese of rect's error and warning messages.

Each entry is the message as the code raises it — its variable parts written ``{}`` — and
its Chinese, where ``{0}``, ``{1}`` … are those parts in order. A message made of parts
(``a; b``, ``key: message``) is translated part by part (see messages.py), so the parts
are entries of their own. tests/catalog/test_catalog.py fails on a message raised in
the code that no entry matches.
"""

from __future__ import annotations

from rectcli.catalog.messages_zh_io import MESSAGES_ZH_DATES_FILES_GIT
from rectcli.catalog.messages_zh_log import MESSAGES_ZH_LOG

MESSAGES_ZH: list[tuple[str, str]] = [
    # parts that end or follow many messages
    ("did you mean '{}'?", "是否要写“{0}”？"),
    (
        "did you mean '{}'? (units are listed in units.yaml)",
        "是否要写“{0}”？（单位列在 units.yaml 中）",
    ),
    (
        "write e.g. 2024年6月30日, 2024年6月底前, 2024年第三季度末, 2024-06-30, 立行立改 or 长期坚持",
        "可写作 2024年6月30日、2024年6月底前、2024年第三季度末、2024-06-30、立行立改或长期坚持",
    ),
    (
        "write e.g. 2024年6月30日, 2024年6月底前, 2024年第三季度末, 2024-06-30, 立行立改 or 长期坚持, or give the rule as rrule: FREQ=…",
        "可写作 2024年6月30日、2024年6月底前、2024年第三季度末、2024-06-30、立行立改或长期坚持，或用 rrule: FREQ=… 给出规则",
    ),
    ("known keys: {}", "可用的键：{0}"),
    # usage: options and arguments
    ("standard input can only be read", "标准输入只能读取"),
    (
        "rect fmt -: standard input is only checked (--check); name the files",
        "rect fmt -：标准输入只能检查（--check）；要改写请指明文件",
    ),
    (
        "--file -: standard input can only be read; name the file to change",
        "--file -：标准输入只能读取；要修改请指明文件",
    ),
    ("{}: '{}' is not a date; write it as 2024-06-30", "{0}：“{1}”不是日期；请写成 2024-06-30"),
    (
        "--date: '{}' is not a date; write it as 2024-06-30",
        "--date：“{0}”不是日期；请写成 2024-06-30",
    ),
    ("--percent: '{}' is not a whole number from 0 to 100", "--percent：“{0}”不是 0 到 100 的整数"),
    (
        "--date {} is after today ({}); record progress once it has happened",
        "--date {0} 晚于今天（{1}）；请在进展发生后再记录",
    ),
    (
        "{} {} is after today ({}); record it once it has happened",
        "{0} {1} 晚于今天（{2}）；请在发生后再记录",
    ),
    (
        "mark needs a STATUS (todo doing done closed, or 未启动 推进中 已完成 已销号); only an entry for a recurring duty (--duty, --covers) or a milestone (--milestone) may leave it out",
        "mark 需要 STATUS（未启动 推进中 已完成 已销号，或 todo doing done closed）；只有常态化要求的记录（--duty、--covers）或阶段节点的记录（--milestone）可以省略",
    ),
    (
        "--duty, --covers and --milestone record one measure's entry; leave out --all",
        "--duty、--covers 和 --milestone 记录一项措施的一条记录；请去掉 --all",
    ),
    (
        "{} has a progress entry dated {}, after today ({}); record progress once it has happened",
        "{0} 有一条进展记录的日期为 {1}，晚于今天（{2}）；请在事情发生后再记录",
    ),
    (
        "unknown action '{}'; use 通报, 督办 or 约谈",
        "未知的问责措施“{0}”；请用 通报、督办 或 约谈",
    ),
    (
        "--duty, --covers and a mark without STATUS record one measure's duty; name the measure, not the problem with --all",
        "--duty、--covers 和不带 STATUS 的 mark 记录一项措施的常态化要求；请指明措施，而不是用 --all 指明问题",
    ),
    ("unknown status '{}'; use one of {}", "未知状态“{0}”；可用：{1}"),
    ("unknown language '{}'; use zh or en", "未知语言“{0}”；请用 zh 或 en"),
    (
        "cannot read the period '{}'; write days as 30d or weeks as 2w",
        "无法识别期限“{0}”；天数写作 30d，周数写作 2w",
    ),
    (
        "--fail-on new-overdue needs --since REV (the git revision to compare with)",
        "--fail-on new-overdue 需要 --since REV（与之比较的 git 版本）",
    ),
    ("--since {} is not before the report's day {}", "--since {0} 不早于通报日期 {1}"),
    (
        "-o {}: a fill-in sheet is an .xlsx workbook; name it {}.xlsx",
        "-o {0}：填报表是 .xlsx 工作簿；请命名为 {1}.xlsx",
    ),
    (
        "-o {}: cannot tell the format from '{}'; add --format {} or name the file {} or {}",
        "-o {0}：无法从“{1}”判断格式；请加 --format {2}，或把文件命名为 {3} 或 {4}",
    ),
    ("--cleared {} is before --found {}", "--cleared {0} 早于 --found {1}"),
    (
        "--covers {} is after the entry's date ({}); a make-up covers an occurrence already due",
        "--covers {0} 晚于这条记录的日期（{1}）；补报只能补已到期的一期",
    ),
    (
        "--as-of: '{}' is out of range; use a date from {} to {}",
        "--as-of：“{0}”超出范围；请用 {1} 到 {2} 之间的日期",
    ),
    ("{}: longer than {} characters; shorten it", "{0}：超过 {1} 个字符；请删减"),
    ("--format {}: use one of {}", "--format {0}：请用 {1} 之一"),
    ("'{}' is not text or json", "“{0}”不是 text 或 json"),
    (
        "--format {} writes a file: name it with -o report{}",
        "--format {0} 生成文件：请用 -o report{1} 指明文件",
    ),
    ("-o {}: name the notice .docx, .md or .html", "-o {0}：公示文件请命名为 .docx、.md 或 .html"),
    (
        "--format docx writes a file: name it with -o notice.docx",
        "--format docx 生成文件：请用 -o notice.docx 指明文件",
    ),
    ("-o {}: no directory {}", "-o {0}：没有目录 {1}"),
    (
        "--period sets --since itself (its first day): give one of them",
        "--period 已确定 --since（该期第一天）：两者只能给一个",
    ),
    (
        "--period {}: use a month 2024-06, a quarter 2024-Q2, a half year 2024-H1, a year 2024, or 本月 / 上月",
        "--period {0}：请写月份 2024-06、季度 2024-Q2、半年 2024-H1、年份 2024，或 本月 / 上月",
    ),
    ("--period {}: there is no month {}", "--period {0}：没有 {1} 月"),
    ("the period '{}' is too long; at most {}d (100 years)", "期限“{0}”太长；最多 {1}d（100 年）"),
    # items
    ("no problem or measure '{}'", "没有问题或措施“{0}”"),
    ("no task '{}'", "没有问题“{0}”"),
    ("no task or measure '{}'; see rect list", "没有问题或措施“{0}”；见 rect list"),
    (
        "'{}' is a problem (task), not a measure; mark one of its measures ({}), or add --all to mark all {}",
        "“{0}”是问题，不是措施；请标记其中一项措施（{1}），或加 --all 标记全部 {2} 项",
    ),
    (
        "'{}' is a problem (task), not a measure; record the {} on one of its measures ({})",
        "“{0}”是问题，不是措施；{1}请记在其中一项措施上（{2}）",
    ),
    (
        "'{}' is a problem (task), not a measure; an incident belongs to a measure's response-time duty (such as 7个工作日内)",
        "“{0}”是问题，不是措施；问题处置记录属于措施的限时处置要求（如 7个工作日内）",
    ),
    ("problem '{}' has no measures", "问题“{0}”没有措施"),
    (
        "{} is {} ({}); only a done ({}) measure can be closed ({}): mark it done first",
        "{0} 的状态是 {1}（{2}）；只有已完成的措施才能销号：请先标记为已完成",
    ),
    (  # --note and --evidence, or the sheet's columns
        "closing {} needs {} or {}: say what shows it is finished",
        "{0} 销号需要 {1} 或 {2}：说明完成的依据",
    ),
    (  # {} is --note, or the sheet's column (import-sheet)
        "{} is {} ({}); reopening it needs --reopen and {} saying why",
        "{0} 的状态是 {1}（{2}）；重新打开需要 --reopen，并用 {3} 说明原因",
    ),
    (  # --date, or the sheet's column
        "{} {} is before {}'s last progress entry ({}); the log is kept oldest first: record an entry made late (补录) with --late",
        "{0} {1} 早于 {2} 的最后一条进展记录（{3}）；进展记录按时间先后保存：补录的记录请加 --late",
    ),
    (
        "{} is closed ({}): its duties have ended; to record more, reopen it with a STATUS and --note",
        "{0} 已销号（{1}）：其常态化要求已结束；如需继续记录，请用 STATUS 和 --note 重新打开",
    ),
    (
        "{} is closed (已销号): its duties have ended; to record more, reopen it (rect mark {} doing --note …)",
        "{0} 已销号：其常态化要求已结束；如需继续记录，请先重新打开（rect mark {1} doing --note …）",
    ),
    (
        "{} has no recurring duties; {} names one of a measure's recurring: items (docs/deadlines.md)",
        "{0} 没有常态化要求；{1} 指的是措施 recurring: 中的一项（见 docs/deadlines.md）",
    ),
    ("{} has no recurring duty '{}'", "{0} 没有常态化要求“{1}”"),
    (
        "{} '{}' fits several duties of {} ({}); name one by its phrase",
        "{0}“{1}”符合 {2} 的多项常态化要求（{3}）；请用其时限用语指明一项",
    ),
    (
        "'{}' of {} is a calendar duty, not a response time per incident; record it with rect mark {} --duty {}",
        "{1} 的“{0}”是周期性要求，不是逐次限时处置；请用 rect mark {2} --duty {3} 记录",
    ),
    (
        "{} has no response-time duty (such as 7个工作日内) to record an incident for (docs/deadlines.md)",
        "{0} 没有可记录问题的限时处置要求（如 7个工作日内）（见 docs/deadlines.md）",
    ),
    (
        "{} has several response-time duties ({}); name one with --duty",
        "{0} 有多项限时处置要求（{1}）；请用 --duty 指明一项",
    ),
    (
        "{} open incidents were found on {} ({}); name the one cleared with its --note",
        "{1} 发现了 {0} 个未处置的问题（{2}）；请用 --note 指明处置的是哪一个",
    ),
    ("this incident is already recorded (found {})", "这个问题已经记录过（发现于 {0}）"),
    *MESSAGES_ZH_LOG,
    # units
    ("unknown unit '{}'", "未知单位“{0}”"),
    ("(units are listed in units.yaml)", "（单位列在 units.yaml 中）"),
    (
        "unknown unit '{}' (units are listed in units.yaml)",
        "未知单位“{0}”（单位列在 units.yaml 中）",
    ),
    ("group member '{}' is not a unit name", "组成员“{0}”不是单位名称"),
    ("the name '{}' is used twice (first on line {})", "名称“{0}”用了两次（第一次在第 {1} 行）"),
    ("cannot add units: expected a block list under 'units:'", "无法添加单位：units: 下应为块列表"),
    (
        "people: '{}' is no git identity; write name <email> or email",
        "people：“{0}”不是 git 身份；请写成 姓名 <邮箱> 或 邮箱",
    ),
    (
        "people: {} records for {} already (line {}); a person records for one unit",
        "people：{0} 已为 {1} 填报（第 {2} 行）；一人只能为一个单位填报",
    ),
    # the list's shape
    ("missing required key '{}'", "缺少必填的键“{0}”"),
    ("unknown key '{}'", "未知的键“{0}”"),
    (
        "duplicate id '{}' (first on line {}); ids must be unique",
        "编号“{0}”重复（第一次在第 {1} 行）；编号必须唯一",
    ),
    (
        "duplicate id '{}' (first on {} line {}); ids must be unique",
        "编号“{0}”重复（第一次在 {1} 第 {2} 行）；编号必须唯一",
    ),
    (
        "measure id '{}' must start with its task's id: '{}.N'",
        "措施编号“{0}”必须以所属问题的编号开头：“{1}.N”",
    ),
    (
        "no plan: in any file of the list; write it once, in {}",
        "清单的各文件中都没有 plan:；请在 {0} 中写一次",
    ),
    ("the file is empty; it should start with {}", "文件是空的；应以 {0} 开头"),
    (
        "{}: a full-width colon '：' does not make a key; use ':' followed by a space",
        "{0}：全角冒号“：”不能作为键的分隔符；请用半角“:”加一个空格",
    ),
    (
        '{}: YAML reads {} as {}, not text; quote it: {}: "{}"',
        '{0}：YAML 会把 {1} 读成 {2}，而不是文本；请加引号：{3}: "{4}"',
    ),
    ("{}: a percentage runs from 0 to 100, not {}", "{0}：百分比在 0 到 100 之间，不能是 {1}"),
    ("value: a percentage runs from 0 to 100, not {}", "value：百分比在 0 到 100 之间，不能是 {0}"),
    ("counting {} from {}: {}", "从 {1} 起算 {0}：{2}"),
    (
        "duplicate id '{}' (first on {}line {}); ids must be unique",
        "编号“{0}”重复（第一次在 {1}第 {2} 行）；编号必须唯一",
    ),
    (
        "a second plan: (the first is in {}); write it in one file only",
        "第二个 plan:（第一个在 {0}）；只在一个文件中写",
    ),
    ("expected a mapping of keys at the top of the file", "文件顶层应为“键: 值”的映射"),
    ("expected a mapping with 'targets:' at the top of the file", "文件顶层应为含 targets: 的映射"),
    ("deadline: {}", "deadline：{0}"),
    (
        "{} cannot hold a control, bidi or line-break character ({}): it would change how a terminal or a CI log shows it",
        "{0}不能含控制字符、双向控制字符或换行符（{1}）：它会改变终端或 CI 日志的显示",
    ),
    ("a unit name", "单位名称"),
    ("an id", "编号"),
    ("the YAML tag {} is not allowed here", "这里不允许 YAML 标签 {0}"),
    ("a key must be plain text", "键必须是普通文本"),
    (
        "full-width space (U+3000) in the indentation; indent with ASCII spaces",
        "缩进中有全角空格（U+3000）；请用半角空格缩进",
    ),
    (
        "duplicate key '{}' (first on line {}); YAML would silently keep only the last one",
        "键“{0}”重复（第一次在第 {1} 行）；YAML 会悄悄只保留最后一个",
    ),
    (
        "YAML anchors, aliases and merge keys are not allowed in rect files; write the value out",
        "rect 文件中不允许 YAML 锚点、别名和合并键；请把值完整写出",
    ),
    ("warn: a tier of 0 days warns of nothing", "warn：0 天的预警档位不起作用"),
    (
        "escalate: {} must start later than the level before it (after more than {} days overdue)",
        "escalate：{0} 必须晚于上一级开始（逾期超过 {1} 天之后）",
    ),
    ("year {} is listed twice", "{0} 年列了两次"),
    ("holidays: {}..{} is not a span of days in {}", "holidays：{0}..{1} 不是 {2} 年内的日期区间"),
    (
        "workdays: {} is not a Saturday or Sunday of {}; list only the weekend days worked in exchange (调休)",
        "workdays：{0} 不是 {1} 年的周六或周日；只列调休上班的周末",
    ),
    (
        "a full-width colon '：' does not make a key; use ':' followed by a space",
        "全角冒号“：”不能构成键；请用“:”并在其后加一个空格",
    ),
    (
        "a tab character in the indentation; YAML indents with spaces only",
        "缩进中有制表符；YAML 只能用空格缩进",
    ),
    (
        "nested more than {} levels deep; a rect file nests about ten (is a bracket or an indent out of place?)",
        "嵌套超过 {0} 层；rect 文件大约只嵌套十层（是否有括号或缩进放错了位置？）",
    ),
    ("unknown label '{}': its lines are not read", "未知的标签“{0}”：其各行未读取"),
    # pydantic's words, as validate.py words them
    ("must be 'todo', 'doing', 'done' or 'closed'", "必须是 'todo'、'doing'、'done' 或 'closed'"),
    ("must be a valid string", "必须是文本"),
    ("must be a valid list", "必须是列表"),
    ("must be a valid integer, unable to parse string as an integer", "必须是整数"),
    ("must be a valid integer", "必须是整数"),
    ("must be a valid number, unable to parse string as a number", "必须是数字"),
    ("must be a valid number", "必须是数字"),
    ("must be a valid dictionary", "必须是映射（键: 值）"),
    ("must be a valid boolean", "必须是 true 或 false"),
    ("must be a valid date or datetime, {}", "必须是日期（如 2024-06-30）"),
    ("must be a valid date", "必须是日期（如 2024-06-30）"),
    ("must be greater than or equal to {}", "必须大于或等于 {0}"),
    ("must be less than or equal to {}", "必须小于或等于 {0}"),
    ("string should have at least {} character", "至少要有 {0} 个字符"),
    ("string should have at least {} characters", "至少要有 {0} 个字符"),
    (
        "list should have at least {} item after validation, not {}",
        "至少要有 {0} 项，现在是 {1} 项",
    ),
    ("field required", "必填"),
    ("extra inputs are not permitted", "不允许有这个键"),
    *MESSAGES_ZH_DATES_FILES_GIT,
]
