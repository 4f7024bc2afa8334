"""The Chinese of rect's messages about deadlines and duties, targets, files, documents
in and out, and git: the second half of the table in messages_zh.py (same rules)."""

from __future__ import annotations

from rectcli.catalog.click_words import USAGE_ZH

MESSAGES_ZH_DATES_FILES_GIT: list[tuple[str, str]] = [
    # deadlines and duties
    ("cannot read deadline '{}'", "无法识别整改时限“{0}”"),
    ("cannot read deadline '{}': '{}' is not a date", "无法识别整改时限“{0}”：“{1}”不是日期"),
    ("empty deadline", "整改时限是空的"),
    (
        "deadline '{}' gives {} relative periods: keep one",
        "整改时限“{0}”给出了 {1} 个相对期限：只保留一个",
    ),
    ("deadline '{}' must allow at least 1 day", "整改时限“{0}”至少要有 1 天"),
    (
        "deadline '{}' has no year: write one, e.g. 2024年6月底前 (or set plan.issued, whose year it would take)",
        "整改时限“{0}”没有年份：请写上，如 2024年6月底前（或设置 plan.issued，取其年份）",
    ),
    (
        "deadline '{}' has no year: write one, e.g. 2024年{}前 (or set plan.issued, whose year it would take)",
        "整改时限“{0}”没有年份：请写上，如 2024年{1}前（或设置 plan.issued，取其年份）",
    ),
    ("deadline '{}': no calendar for {}", "整改时限“{0}”：没有 {1} 年的农历"),
    (
        "deadline '{}': '{}' differs from region to region; write the date, e.g. 2024年5月底前",
        "整改时限“{0}”：“{1}”各地不同；请写明日期，如 2024年5月底前",
    ),
    (
        "date {} is out of range: rect reads years {} to {}",
        "日期 {0} 超出范围：rect 只识别 {1} 年到 {2} 年",
    ),
    (
        "deadline '{}' is due on the plan's issue date and needs plan.issued (e.g. issued: 2024-04-12)",
        "整改时限“{0}”在方案印发之日到期，需要 plan.issued（如 issued: 2024-04-12）",
    ),
    ("impossible date {}: there is no year {}", "不存在的日期 {0}：没有 {1} 年"),
    (
        "impossible date {}: there is no month {} (months run 1-12)",
        "不存在的日期 {0}：没有 {1} 月（月份为 1-12）",
    ),
    ("impossible date {}: there is no day {}", "不存在的日期 {0}：没有 {1} 日"),
    ("impossible date {}: {} {} has {} days", "不存在的日期 {0}：该月只有 {3} 天"),
    (
        "impossible date {}: there is no quarter {} (quarters run 1-4, 一季度 to 四季度)",
        "不存在的日期 {0}：没有第 {1} 季度（一季度到四季度）",
    ),
    ("cannot read the recurring duty '{}'", "无法识别常态化要求“{0}”"),
    (
        "cannot read the recurring duty '{}'; {}, or give the rule as rrule: FREQ=…",
        "无法识别常态化要求“{0}”；{1}，或用 rrule: FREQ=… 给出规则",
    ),
    ("or give the rule as rrule: FREQ=…", "或用 rrule: FREQ=… 给出规则"),
    ("'{}' asks for {} times: at least 1", "“{0}”要求 {1} 次：至少 1 次"),
    ("cannot read '{}': name a month, e.g. 每年10月末", "无法识别“{0}”：请写明月份，如 每年10月末"),
    ("'{}': there is no month {} (months run 1-12)", "“{0}”：没有 {1} 月（月份为 1-12）"),
    ("'{}': month {} has no day {}", "“{0}”：{1} 月没有 {2} 日"),
    ("'{}' happens only in leap years; write 每年2月底", "“{0}”只在闰年出现；请写 每年2月底"),
    (
        "'{}': not every month has day {}; write 每月底 for the month's end",
        "“{0}”：不是每个月都有 {1} 日；月末请写 每月底",
    ),
    ("cannot read '{}': {} takes no date", "无法识别“{0}”：{1} 不带日期"),
    (
        "rrule: '{}' repeats within a day; the finest is FREQ=DAILY",
        "rrule：“{0}”在一天内重复；最细为 FREQ=DAILY",
    ),
    ("rrule: cannot read '{}': {}", "rrule：无法识别“{0}”：{1}"),
    (
        "rrule: give one RRULE value such as FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=-1 (the start is the measure's start or plan.issued)",
        "rrule：请给出一个 RRULE 值，如 FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=-1（起点为措施的 start 或 plan.issued）",
    ),
    ("impossible date {}: {}", "不存在的日期 {0}：{1}"),
    ("day is out of range for month", "该月没有这一天"),
    ("month must be in 1..12", "月份应为 1 到 12"),
    # targets
    ("duplicate target id '{}'; ids must be unique", "目标编号“{0}”重复；编号必须唯一"),
    (
        "target '{}' needs exactly one of at_least: or at_most:",
        "目标“{0}”需要且只能有 at_least: 或 at_most: 之一",
    ),
    (
        "readings must be oldest first, one per date: {} comes after {}",
        "监测值须按日期先后排列、每个日期一条：{0} 排在 {1} 之后",
    ),
    # files
    ("no such file", "没有这个文件"),
    ("no such file; see docs/targets.md", "没有这个文件；见 docs/targets.md"),
    (
        "no such file; write it (docs/format.md) or import with --add-units",
        "没有这个文件；请编写它（见 docs/format.md），或导入时加 --add-units",
    ),
    ("no directory {}", "没有目录 {0}"),
    (
        "no {} found in {} or any directory above it; run rect inside a project, or name the file with --file PATH",
        "在 {1} 及其上级目录中都没有找到 {0}；请在项目内运行 rect，或用 --file PATH 指明文件",
    ),
    ("no *.yaml task files in it", "其中没有 *.yaml 任务文件"),
    ("is a directory, not a YAML file", "是目录，不是 YAML 文件"),
    ("is a directory, not an .xlsx file", "是目录，不是 .xlsx 文件"),
    ("is a directory; name a file to write", "是目录；请指明要写入的文件"),
    (
        "is read-only; rect will not rewrite it (chmod u+w to allow)",
        "是只读文件；rect 不会改写它（如需改写，请 chmod u+w）",
    ),
    (
        "rect does not write a report, sheet or calendar to a .yaml file: it could be the task list or a file beside it; name another file",
        "rect 不把通报、填报表或日历写入 .yaml 文件：它可能是任务清单或其旁边的文件；请换一个文件",
    ),
    ("exists; pass --force to replace it", "已存在；加 --force 覆盖"),
    ("cannot read: {}", "无法读取：{0}"),
    ("cannot write: {}", "无法写入：{0}"),
    ("not UTF-8 text (byte 0x{})", "不是 UTF-8 文本（字节 0x{0}）"),
    (
        "it looks like GBK/GB18030; convert it: iconv -f GB18030 -t UTF-8",
        "看起来是 GBK/GB18030 编码；请转换：iconv -f GB18030 -t UTF-8",
    ),
    ("save it as UTF-8", "请另存为 UTF-8"),
    ("not UTF-8 text; merged line by line", "不是 UTF-8 文本；已逐行合并"),
    ("merged line by line", "已逐行合并"),
    ("{} on both sides", "双方都有{0}"),
    ("the {} list was moved", "{0} 列表被移动了"),
    ("the file is not a mapping of keys", "文件不是“键: 值”的映射"),
    ("{} {} used twice", "{0} {1} 用了两次"),
    ("a {} must be a mapping", "{0} 必须是“键: 值”的映射"),
    ("not valid YAML: {}", "不是有效的 YAML：{0}"),
    ("not valid YAML: a character YAML does not allow", "不是有效的 YAML：有 YAML 不允许的字符"),
    ("invalid YAML: {}", "无效的 YAML：{0}"),
    ("the {} U+{} is not allowed in YAML; delete it", "YAML 中不允许 {0} U+{1}；请删除"),
    (
        "unresolved merge conflict; keep the right lines and delete the <<<<<<< ======= >>>>>>> markers",
        "有未解决的合并冲突；请保留正确的行，并删除 <<<<<<< ======= >>>>>>> 标记",
    ),
    (
        "{}: rect fmt would change this file's data or lose a comment (a bug in rect; please report it); the file is left as it is",
        "{0}：rect fmt 会改变此文件的数据或丢失注释（这是 rect 的缺陷，请报告）；文件保持原样",
    ),
    ("cannot create lock file: {}", "无法创建锁文件：{0}"),
    (
        "another rect process has held this lock for {} s; wait for it to finish, or end it",
        "另一个 rect 进程已持有此锁 {0} 秒；请等它结束，或终止它",
    ),
    (
        "the lock file is a symbolic link; remove it (rect makes its own)",
        "锁文件是符号链接；请删除它（rect 会自己创建）",
    ),
    # documents in and out
    ("an old Word .doc file; save it as .docx", "旧版 Word .doc 文件；请另存为 .docx"),
    ("not a Word .docx document", "不是 Word .docx 文档"),
    ("an old Excel .xls file; save it as .xlsx", "旧版 Excel .xls 文件；请另存为 .xlsx"),
    ("not an Excel .xlsx workbook", "不是 Excel .xlsx 工作簿"),
    ("not a readable Excel .xlsx workbook ({}); {}", "不是可读取的 Excel .xlsx 工作簿（{0}）；{1}"),
    ("an Excel .xlsx workbook", "Excel .xlsx 工作簿"),
    ("a Word .docx document", "Word .docx 文档"),
    (
        "save it as .xlsx (Excel: File > Save As > Excel Workbook)",
        "请另存为 .xlsx（Excel：文件 > 另存为 > Excel 工作簿）",
    ),
    (
        "save it as .docx (Word: File > Save As > Word Document)",
        "请另存为 .docx（Word：文件 > 另存为 > Word 文档）",
    ),
    ("an old Office 97-2003 file, not {}; {}", "旧版 Office 97-2003 文件，不是 {0}；{1}"),
    ("not {} (unreadable); {}", "不是 {0}（无法读取）；{1}"),
    ("not {} (a damaged or truncated archive); {}", "不是 {0}（压缩包已损坏或不完整）；{1}"),
    ("not {} (a damaged archive); {}", "不是 {0}（压缩包已损坏）；{1}"),
    ("not {} (a text or CSV file); {}", "不是 {0}（是文本或 CSV 文件）；{1}"),
    ("not {} ({}); {}", "不是 {0}（{1}）；{2}"),  # the four above
    ("{} bytes: larger than {}; not {} rect reads", "{0} 字节：超过 {1}；不是 rect 能读取的 {2}"),
    ("{} rows: more than {}; not {} rect reads", "{0} 行：超过 {1}；不是 rect 能读取的 {2}"),
    (
        "unpacks to {} bytes ({} of XML) in {} parts: more than {} bytes, {} of XML or {} parts; not {} rect reads",
        "解压后为 {0} 字节（其中 XML {1}），共 {2} 个部件：超过 {3} 字节、XML {4} 或 {5} 个部件；不是 rect 能读取的 {6}",
    ),
    (
        "not a rect fill-in sheet: no {} column in row 1 (make one with rect export-sheet --unit UNIT -o FILE.xlsx)",
        "不是 rect 填报表：第 1 行没有“{0}”列（请用 rect export-sheet --unit 单位 -o 文件.xlsx 生成）",
    ),
    # a filled-in sheet's rows (exchange/sheet_in.py), each at its cell
    (
        "{} is filled in twice (first in row {}); keep one row per measure",
        "{0} 填了两次（第一次在第 {1} 行）；每项措施只填一行",
    ),
    ("{} is not {}: this sheet records for {} only", "{0} 不是 {1}：本表只为 {2} 填报"),
    (
        "the id {} is a number, and Excel may have changed it (3.10 → 3.1); type it as text: '{}",
        "编号 {0} 是数字，Excel 可能已改动它（3.10 → 3.1）；请按文本输入：'{1}",
    ),
    (
        "no measure id in a filled row; copy it from the exported sheet",
        "已填写的行没有措施编号；请从导出的表中复制",
    ),
    (
        "'{}' is a problem, not a measure: fill in one row per measure ({}.1, {}.2, …)",
        "“{0}”是问题，不是措施：请每项措施填一行（{1}.1、{2}.2 …）",
    ),
    ("measure {} belongs to {}, not {}", "措施 {0} 由 {1} 负责，不是 {2}"),
    ("no status for {}; choose one of {}", "{0} 没有填状态；请从中选择：{1}"),
    (
        "'{}' is not a percentage; write a whole number from 0 to 100",
        "“{0}”不是百分比；请写 0 到 100 的整数",
    ),
    ("'{}' is not a date; write it as 2024-06-30", "“{0}”不是日期；请写成 2024-06-30"),
    (
        "{} is after today ({}); record progress once it has happened",
        "{0} 晚于今天（{1}）；请在事情发生后再记录",
    ),
    ("longer than {} characters; shorten it or attach a file", "超过 {0} 个字符；请缩短或改为附件"),
    (
        "exported for {}, but --unit {}: a unit records only its own measures; import it with --unit of the unit that sent it",
        "本表是为 {0} 导出的，但 --unit 为 {1}：一个单位只能填报自己的措施；请用发来该表的单位作为 --unit 导入",
    ),
    (
        "no problems found: {}; rect reads headings 一、… followed by 责任单位：, 整改时限： and 整改措施： lines, sites 1. … with (1)… findings, or a table (see docs/import.md)",
        "没有找到问题：{0}；rect 读取“一、…”标题及其后的“责任单位：”“整改时限：”“整改措施：”行、“1. …”点位及其“(1)…”问题，或表格（见 docs/import.md）",
    ),
    ("no heading 一、…, no label line and no numbered site", "没有“一、…”标题、标签行或编号的点位"),
    (
        "headings {} and {} more, none followed by a label line",
        "有标题 {0} 等（另有 {1} 个），其后都没有标签行",
    ),
    ("headings {}, none followed by a label line", "有标题 {0}，其后都没有标签行"),
    (
        "rect reads a table with a header row (问题 | 整改措施 | 责任单位 | 整改时限 …) or headings 一、… followed by 责任单位：, 整改时限： and 整改措施： lines (see docs/import.md)",
        "rect 读取带表头行（问题 | 整改措施 | 责任单位 | 整改时限 …）的表格，或“一、…”标题及其后的“责任单位：”“整改时限：”“整改措施：”行（见 docs/import.md）",
    ),
    ("no problems found: {}", "没有找到问题：{0}"),
    ("no problems found: the table has no rows", "没有找到问题：表格没有数据行"),
    ("table {} has headers none", "表 {0} 没有表头"),
    ("sheet {} has headers none", "工作表 {0} 没有表头"),
    ("table {} has headers {}", "表 {0} 的表头为 {1}"),
    ("sheet {} has headers {}", "工作表 {0} 的表头为 {1}"),
    ("完成情况 '{}' is no status: kept todo", "完成情况“{0}”不是状态：保持未启动（todo）"),
    (
        "progress without a date: import with --as-of DATE",
        "整改进展没有日期：请加 --as-of DATE 导入",
    ),
    ("problem {} again (first on line {})", "问题 {0} 重复出现（第一次在第 {1} 行）"),
    ("problem {} has no {}： line", "问题 {0} 没有“{1}：”行"),
    ("measure {} again in problem {}", "措施 {0} 在问题 {1} 中重复出现"),
    ("督导单位 names more than one unit", "督导单位填写了多个单位"),
    (
        "序号 repeats or is not a number: problems numbered 1, 2, … in table order",
        "序号重复或不是数字：问题按表中顺序编为 1、2、…",
    ),
    ("problem {} has no 责任单位: fill in its units", "问题 {0} 没有责任单位：请补填"),
    ("problem {} has no problem text: fill in title", "问题 {0} 没有问题内容：请补填 title"),
    (
        "problem {} has no 整改时限: written as 长期坚持 (never overdue); set it",
        "问题 {0} 没有整改时限：已写作长期坚持（不会逾期）；请补填",
    ),
    ("problem {} has no 整改措施", "问题 {0} 没有整改措施"),
    (
        "problem {} has no 整改措施: its text is its one measure",
        "问题 {0} 没有整改措施：以问题内容作为其唯一一项措施",
    ),
    (
        "deadline '{}' has no year: write one, e.g. 2024年{}前 (or import with --issued DATE, whose year it takes)",
        "整改时限“{0}”没有年份：请写上，如 2024年{1}前（或导入时加 --issued DATE，取其年份）",
    ),
    (
        "deadline '{}' is due on the plan's issue date: import with --issued DATE (e.g. --issued 2024-04-12)",
        "整改时限“{0}”在方案印发之日到期：请导入时加 --issued DATE（如 --issued 2024-04-12）",
    ),
    (
        "'{}' differs from region to region: no deadline read from it",
        "“{0}”各地不同：未从中读取整改时限",
    ),
    ("write the date", "请写明日期"),
    (
        "'{}' in the closing note of who does it is no unit in units.yaml",
        "措施末尾分工说明中的“{0}”不是 units.yaml 中的单位",
    ),
    ("its owners are read from its words", "已按措施正文确定其责任单位"),
    ("add it to {} or import with --add-units", "请把它加入 {0}，或导入时加 --add-units"),
    (
        "did you mean '{}'? If not, add it to {} or import with --add-units",
        "是否要写“{0}”？如果不是，请把它加入 {1}，或导入时加 --add-units",
    ),
    ("cannot add '{}' to {}: {}; correct the plan", "无法把“{0}”加入 {1}：{2}；请修改方案"),
    ("no unit's name holds a label, a date or a sentence", "单位名称不能含标签、日期或句子"),
    ("no unit's name is longer than {} characters", "单位名称不能超过 {0} 个字符"),
    (
        "'{}' names no place; read as the existing unit '{}'",
        "“{0}”没有指明地方；按已有单位“{1}”处理",
    ),
    # git
    ("{} is outside the git repository {}", "{0} 不在 git 仓库 {1} 中"),
    ("changed on both sides (merged line by line)", "双方都有改动（已逐行合并）"),
    (
        "changed on both sides outside the tasks and measures (plan: or comments)",
        "双方都改动了问题和措施以外的内容（plan: 或注释）",
    ),
    (
        "unknown git revision '{}'; name a commit, branch or tag (e.g. HEAD~1)",
        "未知的 git 版本“{0}”；请指明提交、分支或标签（如 HEAD~1）",
    ),
    ("git show {}:{} failed: {}", "git show {0}:{1} 失败：{2}"),
    ("git merge-file failed: {}", "git merge-file 失败：{0}"),
    ("git log {}..HEAD failed: {}", "git log {0}..HEAD 失败：{1}"),
    (
        "{}: no unit lists people: (git identities); rect audit has no one to check commits against",
        "{0}：没有单位列出 people:（git 身份）；rect audit 无从核对提交",
    ),
    ("git config {} failed: {}", "git config {0} 失败：{1}"),
    (
        "{} is not in a git repository; run git init (or clone) first",
        "{0} 不在 git 仓库中；请先运行 git init（或 clone）",
    ),
    (
        "git is not installed (or not on PATH); this command needs it",
        "没有安装 git（或不在 PATH 中）；这个命令需要它",
    ),
    ("git {} did not finish within 60 s", "git {0} 在 60 秒内没有完成"),
    (
        "not in a git repository; rect diff compares git revisions",
        "不在 git 仓库中；rect diff 比较的是 git 版本",
    ),
    *USAGE_ZH,
    # import-sheet under people: (issue 14)
    (
        "name the unit that sent this sheet with --unit{}: with people: in units.yaml it is recorded for the unit given, or yours",
        "请用 --unit 指明报送此表的单位{0}：units.yaml 设有 people: 时，按所给单位或您本人所属单位记录",
    ),
    (" (the sheet says {})", "（表上写的是 {0}）"),
    (
        "exported for {}, but your git identity records for {}: a unit records only its own measures",
        "此表是为 {0} 导出的，但您的 git 身份属于 {1}：单位只能记录本单位的措施",
    ),
    # workspaces (issue 17)
    (
        "--unit reads one list: leave out --workspace, or use --member",
        "--unit 只针对一个清单：请去掉 --workspace，或改用 --member",
    ),
    ("no member '{}' in this workspace", "本工作区中没有成员“{0}”"),
    (
        "--tasks lists one list's problems: leave it out with --workspace",
        "--tasks 列出的是一个清单的问题：与 --workspace 一起使用时请去掉它",
    ),
    (
        "file: '{}' must be a relative path inside the repository, without '..'",
        "file:“{0}”必须是仓库内的相对路径，不能含“..”",
    ),
    ("never synced; run rect --workspace {} sync", "从未同步；请运行 rect --workspace {0} sync"),
    (
        "member '{}' was never synced; run rect --workspace {} sync",
        "成员“{0}”从未同步；请运行 rect --workspace {1} sync",
    ),
    ("no member list knows '{}'", "没有成员清单包含“{0}”"),
    (
        "no schema '{}'; use tasks, units, targets or workspace",
        "没有“{0}”的 schema；可用 tasks、units、targets 或 workspace",
    ),
    (
        "the member name '{}' is used twice (first on line {})",
        "成员名称“{0}”用了两次（第一次在第 {1} 行）",
    ),
    (
        "--member picks a member list of a workspace: add --workspace FILE",
        "--member 用于选择工作区中的成员清单：请加上 --workspace 文件",
    ),
    (
        "--public and --unit read one list: leave out --workspace",
        "--public 和 --unit 只针对一个清单：请去掉 --workspace",
    ),
    (
        "check --format junit and --fail-on new-overdue read one list: leave out --workspace",
        "check --format junit 和 --fail-on new-overdue 只针对一个清单：请去掉 --workspace",
    ),
    (
        "this command reads a workspace: name it with --workspace FILE (or RECT_WORKSPACE)",
        "此命令读取工作区：请用 --workspace 文件（或 RECT_WORKSPACE）指定",
    ),
    (
        "this command reads or edits one list: leave out --workspace (and RECT_WORKSPACE)",
        "此命令读取或修改一个清单：请去掉 --workspace（及 RECT_WORKSPACE）",
    ),
    (
        "{}: the workspace names no upper list; add upper: {path: …} or upper: {git: …}",
        "{0}：工作区没有指定上级清单；请加上 upper: {{path: …}} 或 upper: {{git: …}}",
    ),
]
