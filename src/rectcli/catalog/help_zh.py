"""``--help`` in Chinese: each command's description and each option's, keyed
``help.COMMAND`` and ``help.COMMAND.--option`` (an argument by its name:
``help.show.item_id``); the root's as ``help`` and ``help.--option``. The English is the
help written in the command modules; tests/catalog/test_catalog.py keeps the two in step.
A paragraph that begins with ``\\b`` is printed as written (no rewrapping)."""

from __future__ import annotations

_FORMAT = "输出格式。"
_MEMBER = "配合 --workspace：只看该成员清单。"
_UNIT = "只看该单位的事项（名称或别名；单位组匹配其成员，成员也匹配其所在的组）。"
_PER_UNIT = "表格格式：每个单位最多列 N 行（0：全部）。JSON 和 CSV 列出全部。"

HELP_ZH: dict[str, str] = {
    "help": "rect：管理以 YAML 保存在 git 中的整改任务清单。\n\n"
    "退出码：0 成功；1 rect check 发现逾期措施；2 数据无效或用法错误；"
    "70 内部错误（rect 的缺陷，请报告）。\n\n"
    "环境变量：RECT_FILE（同 --file）、RECT_TODAY（同 --as-of）、RECT_LANG（同 --lang；"
    "未设置时按 LC_ALL/LC_MESSAGES/LANG 区域设置，英文区域用英文，否则中文）、RECT_NO_CACHE"
    "（同 --no-cache）、RECT_DEBUG（同 --debug）、RECT_CACHE_DIR（解析缓存目录，默认 ~/.cache/rect）、NO_COLOR"
    "（不用颜色）、TZ（决定“今天”的时区）。",
    "help.--file": "任务清单文件（默认：当前目录或上级目录中的 data/tasks.yaml；- 表示从标准输入读取）。",
    "help.--as-of": "把这个 ISO 日期当作今天（默认：实际日期）。",
    "help.--lang": "标签和消息的语言：zh（默认）或 en。",
    "help.--no-cache": "重新解析文件，不读也不写解析缓存（~/.cache/rect，或 $RECT_CACHE_DIR）。",
    "help.--debug": "发生内部错误时显示 Python 调用栈；不使用解析缓存时说明原因。",
    "help.--version": "显示 rect 的版本并退出。",
    "help.--workspace": "读取该工作区文件列出的各成员清单（status、list、overdue、upcoming、check、report、calendar；sync、rollup），见 docs/workspace.md。",
    # read
    "help.status": "总览：各状态数量、各问题进度、逾期和即将到期的数量。",
    "help.status.--format": "输出格式：table 或 json。",
    "help.list": "列出整改措施（每项一行），筛选条件可以组合。",
    "help.list.--task": "只看该问题的措施。",
    "help.list.--unit": _UNIT,
    "help.list.--status": "只看该状态：未启动 推进中 已完成 已销号（或 todo doing done closed）。",
    "help.list.--overdue": "只看逾期的措施。",
    "help.list.--due-within": "只看在此期限内到期的措施（30d、2w）。",
    "help.list.--search": "只看内容包含 TEXT 的措施。",
    "help.list.--tasks": "改为每个问题一行。",
    "help.list.--format": _FORMAT,
    "help.list.--limit": "表格格式：最多列 N 行（0：全部）。JSON 和 CSV 列出全部。",
    "help.show": "显示一个问题或一项措施的全部内容及进展记录。",
    "help.show.item_id": "问题编号（3）或措施编号（3.2）。",
    "help.show.--format": "输出格式：table 或 json。",
    "help.overdue": "按责任单位分组（单位组展开：各区分列）列出逾期措施和逾期未完成的常态化要求，"
    "含逾期天数、问责等级（通报 督办 约谈）和督导单位。多个单位共同负责的措施，"
    "哪个单位的分工未完成，就对哪个单位逾期。",
    "help.overdue.--unit": _UNIT,
    "help.overdue.--format": _FORMAT,
    "help.overdue.--limit": _PER_UNIT,
    # edit
    "help.mark": "记录进展：设置措施的状态，并在其进展记录中追加一条。\n\n"
    "只改动该措施所在的行。销号需要措施已完成，并有 --note 或 --evidence；"
    "重新打开已完成或已销号的措施需要 --reopen 和 --note。多个单位共同负责的措施，"
    "用 --unit 记录其中一个单位的分工；措施的状态由各分工得出（全部完成才算完成）。"
    "用 --duty（补报时再加 --covers）时，这条记录用于完成一项常态化要求，此时可以不写 STATUS。",
    "help.mark.item_id": "措施编号（3.2）；与 --all 一起用时为问题编号（3）。",
    "help.mark.status": "未启动 推进中 已完成 已销号（或 todo doing done closed）；"
    "用 --duty、--covers 或 --milestone 时可省略，状态保持不变。",
    "help.mark.--note": "做了什么；销号、重新打开已完成或已销号的措施时必填。",
    "help.mark.--by": "填报人（默认：git config user.name，否则为登录名）。",
    "help.mark.--date": "日期，如 2024-06-30（默认：今天）。",
    "help.mark.--percent": "完成百分比，0 到 100。",
    "help.mark.--evidence": "佐证材料所在：文件路径或网址（销号时需要它或 --note）。",
    "help.mark.--duty": "这条记录完成的常态化要求：其时限用语（每季度）或内容，或其中一部分。",
    "help.mark.--covers": "补报：所补那一期的到期日（2024-09-30）。",
    "help.mark.--all": "与问题编号一起用：标记该问题的每项措施（已完成和已销号的措施跳过，"
    "除非用 --reopen）。",
    "help.mark.--milestone": "这条记录完成的阶段节点：其时限用语（2024年6月底前）或其中一部分，"
    "或其内容的一部分；此时可以不写 STATUS。",
    "help.mark.--unit": "多个单位共同负责的措施：记录该单位的分工（默认：--by 是其责任单位之一时"
    "即为该单位；否则记录整项措施）。",
    "help.mark.--reopen": "重新打开已完成或已销号的措施（用 --note 说明理由）。",
    "help.mark.--late": "补录：日期早于最后一条记录的进展；保留在记录时的位置，并标明为补录。",
    "help.mark.--correct": "以一条新记录更正该日期的记录（用 --note 说明错在哪里）；记录从不改写。",
    "help.undo": "撤销最近一次尚未提交的记录（rect mark、import-sheet）。\n\n"
    "只把它写入的行恢复原样；之后文件又被改动过，或该记录已提交（请用 git revert）时拒绝。"
    "只撤销一步：其余由 git 保存。",
    "help.fmt": "把任务清单改写为唯一的规范格式，保留注释。\n\n"
    "这样手工修改和工具修改在 diff 中看起来一样。用 --check（CI、pre-commit）时："
    "有文件不规范则退出码为 1。",
    "help.fmt.files": "要格式化的文件（默认：任务清单及其旁边的 units.yaml；- 表示标准输入）。",
    "help.fmt.--check": "不做改动；列出需要改动的文件，退出码 1。",
    "help.fmt.--diff": "同时以统一 diff 格式显示改动。",
    "help.diff": "两个 git 版本之间任务清单的变化，按审阅者的读法列出。\n\n"
    "状态变化及其最新记录、新增或删除的措施、调整的时限（延后的标为“延期，需审批”）、"
    "调整的责任单位、修改的内容。",
    "help.diff.rev1": "比较的起点 git 版本。",
    "help.diff.rev2": "比较的终点版本（默认：当前文件）。",
    "help.diff.--format": _FORMAT,
    "help.textconv": "把任务清单按“每个事实一行”输出，供 git diff 使用（diff.rect.textconv）。\n\n"
    "见 docs/editing.md：在 .gitattributes 中写 data/*.yaml diff=rect，并执行 "
    'git config diff.rect.textconv "rect textconv"，git diff 就显示事实而不是排版。',
    "help.textconv.file": "任务清单（或 units.yaml）；- 表示标准输入。",
    "help.audit": "填报权限审核：逐条核对 REV..HEAD 中新增的进展记录与其提交作者"
    "（按 REV 时 units.yaml 的 people:）。\n\n"
    "单位只能以本单位名义记录本单位的措施；只有督导单位可以记录销号（closed）。"
    "退出码 0：无问题；1：有越权记录（各在其所在行指出，并附提交）；2：数据无效。"
    "在合并请求的 CI 中使用：见 docs/security.md。",
    "help.audit.--since": "核对这个 git 版本之后新增的记录。",
    "help.audit.--format": "text（路径:行:列: error: …）、json 或 github。",
    # deadlines
    "help.upcoming": "即将到期的事项（预警），按单位分组、先到期的在前，并标出预警档位。\n\n"
    "包括整改措施和尚未完成的常态化要求。",
    "help.upcoming.--within": "只看在此期限内到期的事项（30d、2w）。"
    "默认：每个事项自己的预警档位（policy.yaml 的，或措施的 lead）。",
    "help.upcoming.--unit": _UNIT,
    "help.upcoming.--format": _FORMAT,
    "help.upcoming.--limit": _PER_UNIT,
    "help.review": "回头看：长期没有进展的长期坚持事项，以及需要回头看的已完成事项。\n\n"
    "长期坚持的事项永远不会“完成”：超过 --stale 期限没有进展记录时列出。"
    "已完成或已销号的事项，最后一条记录超过 --look-back 时列出；"
    "记录回头看（rect mark … --note 回头看：…）后重新计算。",
    "help.review.--stale": "长期坚持事项多久没有报送进展即列出（默认：policy.yaml，90d）。",
    "help.review.--look-back": "已完成或已销号事项最后一条记录多久后列出（默认：policy.yaml，180d）。",
    "help.review.--format": _FORMAT,
    "help.review.--limit": "表格格式：每个列表最多 N 行（0：全部）。JSON 和 CSV 列出全部。",
    "help.calc": "rect 如何理解一个时限用语：类型、到期日或 RRULE、接下来的到期日、工作日。\n\n"
    "不需要数据文件；在项目内会使用 plan.issued、data/holidays.yaml 和 data/policy.yaml。",
    "help.calc.phrase": "整改时限（2024年6月底前、立行立改、7个工作日内）或常态化要求（每季度、每年至少2次）。",
    "help.calc.--from": "相对期限（7个工作日内）从这一天起算，或常态化要求的周期从这里开始"
    "（默认：今天；常态化要求为 plan.issued）。",
    "help.calc.--issued": "方案印发日期，用于立行立改和不带年份的用语（默认：数据中的 plan.issued）。",
    "help.calc.--count": "常态化要求显示几个到期日。",
    "help.calc.--format": _FORMAT,
    "help.check": "CI 检查：先校验数据，再检查整改时限和常态化要求。\n\n"
    "没有逾期时退出码 0，有逾期时为 1（按 --fail-on），数据无效时为 2（任何 --format 都是）。",
    "help.check.--format": "text（路径:行:列: 级别: 消息）、json、github 或 junit。",
    "help.check.--warn-within": "对在此期限内到期的事项给出警告（30d、2w；0：今天到期）。",
    "help.check.--fail-on": "何时退出码为 1：有逾期（overdue，默认）；只在自 --since REV "
    "以来新增逾期时（new-overdue）；有逾期或即将到期（warning）；从不（never，只报告）。",
    "help.check.--since": "与 --fail-on new-overdue 一起用：与之比较的 git 版本（origin/main、HEAD）。",
    # report
    "help.report": "调度/通报：每个单位一节，最落后的在前，列出逾期、即将到期、"
    "序时滞后和上次通报以来新完成的事项，并附进度图。用 -o 写出的 .csv 文件"
    "以 UTF-8 BOM 开头，便于 Excel 打开。",
    "help.report.--format": "table、markdown、html、xlsx、csv、json、docx 或 pdf"
    "（默认：按 -o 文件的后缀；没有 -o 时输出到终端）。"
    "json：英文键，措施与 rect list --format json 相同。docx 和 pdf：供打印的 A4 文档。",
    "help.report.--output": "写入 FILE（- 表示标准输出）。",
    "help.report.--unit": _UNIT,
    "help.report.--public": "改为信息公开表：标准各列（序号 问题 整改目标 整改时限 整改措施 "
    "整改进展 完成情况），不含姓名和电话。",
    "help.report.--since": "统计这一天之后完成的措施，即上次通报以来（默认：--as-of 前 30 天）。",
    "help.report.--period": "月报/季报：2024-06、2024-Q2、2024-H1、2024、本月或上月。"
    "通报截至该期最后一天，统计自其第一天起完成的事项，标题写明该期"
    "（2024年6月整改进展情况）。不能与 --since 同用。",
    "help.report.--issuer": "docx/pdf 通报的发文单位（默认：plan.issuer）。",
    "help.report.--due-within": "多久内到期算“即将到期”（默认 14d）。",
    "help.export-sheet": "生成某单位未完成措施的调度填报表（.xlsx），由该单位填写状态、"
    "进展、完成百分比、佐证材料、填报人和日期；用 import-sheet 读回。",
    "help.export-sheet.--unit": "填报表包含哪个单位的未完成措施（单位组：其全部成员的）。",
    "help.export-sheet.--output": "要写入的 .xlsx 文件（默认：当前目录下的 单位.xlsx；- 表示标准输出）。",
    "help.import-sheet": "把填好的填报表逐行记为进展，与 rect mark 相同：要么全部记录，"
    "要么一条不记，有误的行指明单元格（FILE.xlsx!F7）。",
    "help.import-sheet.sheet": "由 export-sheet 生成并已填写的填报表。",
    "help.import-sheet.--unit": "填报单位（默认：units.yaml 设有 people: 时为您的 git 身份所属单位；"
    "否则为填报表导出时的单位）。其他单位措施的行被拒绝；填报人为空时记为该单位。",
    "help.import-sheet.--dry-run": "只检查填报表，列出将要记录的内容。",
    "help.calendar": "把整改时限导出为 iCalendar（.ics）文件，可在 Outlook 或手机上订阅："
    "每个到期日一个全天日程，每项常态化要求一个重复日程（RRULE）。",
    "help.calendar.--output": "要写入的 .ics 文件（默认：输出到屏幕；- 表示标准输出）。",
    "help.calendar.--unit": _UNIT,
    "help.calendar.--open": "不包括已完成或已销号的措施。",
    # plan
    "help.import": "读入整改任务清单：文本方案、Word 表格或 Excel 台账。",
    "help.import.plan": "方案文件：UTF-8 文本（.txt）、Word（.docx：表格或段落）"
    "或 Excel 台账（.xlsx）；- 表示标准输入。",
    "help.import.--output": "把任务清单写入 FILE，units.yaml 写在其旁边"
    "（默认或 -：输出到屏幕，units.yaml 用项目的）。",
    "help.import.--add-units": "把未知的责任单位/督导单位名称加入 units.yaml，而不是报错。",
    "help.import.--force": "FILE 已存在时覆盖它（其中的进展会丢失）。",
    "help.import.--issued": "方案印发日期（ISO），文件中没有“…印发”行时使用。",
    "help.schema": "输出 tasks.yaml（或 units.yaml、targets.yaml）的 JSON Schema，供编辑器使用。",
    "help.schema.which": "哪个文件的 schema：tasks、units 或 targets。",
    "help.targets": "方案的主要目标（量化指标）：最新值、目标值、是否达标或有风险。",
    "help.targets.--format": _FORMAT,
    # merge
    "help.merge-driver": "按问题和措施合并任务清单的两个版本（git 的合并驱动）。\n\n"
    "由 git 调用（用 rect init-git 设置，见 docs/merging.md）：进展记录取并集，"
    "只有一方改动的以改动为准，双方对同一状态、时限或内容做了不同改动时，"
    "只在该措施处标出冲突。退出码 0：已合并；1：冲突留在 OURS 中，每处在 stderr 上一行。",
    "help.merge-driver.base": "%O：共同祖先版本。",
    "help.merge-driver.ours": "%A：我方版本；合并结果写在这里。",
    "help.merge-driver.theirs": "%B：对方版本。",
    "help.merge-driver.name": "%P：文件路径，用于消息。",
    "help.merge-driver.marker_size": "%L：冲突标记长度（7）。",
    "help.init-git": "设置本 git 仓库用 rect 合并（和比较）任务清单。\n\n"
    "在 .gitattributes 中加入 data/*.yaml merge=rect diff=rect（请提交它；分多个文件保存的"
    "清单还要加 data/tasks/*.yaml …），并在本克隆中设置 git config merge.rect.driver"
    "（rect merge-driver）和 diff.rect.textconv（rect textconv）：每个克隆运行一次。"
    "再次运行不做任何改动。",
    "help.incident": "记录一次限时处置要求（N个工作日内）对应的问题，或销掉一次未处置的。\n\n"
    "每次发现的问题应在发现后 N 个（工作）日内处置；超期未处置即为逾期。"
    "与 rect mark 一样，只改动该措施所在的行。",
    "help.incident.item_id": "该问题所属限时处置要求（7个工作日内）的措施。",
    "help.incident.--found": "发现问题的日期。",
    "help.incident.--cleared": "处置完毕的日期：销掉 --found 那天发现的未处置问题"
    "（或记录一个新的、已发现并已处置的问题）。",
    "help.incident.--note": "问题的地点或内容；与 --cleared 一起用时，在同一天发现多个问题时指明销哪一个。",
    "help.incident.--duty": "措施有多项限时处置要求时，指明哪一项（其用语或内容）。",
    "help.escalate": "把对措施采取的问责措施（通报、督办、约谈）记为其进展记录中的一条。\n\n"
    "措施状态不变；与 rect mark 一样，只改动该措施所在的行。",
    "help.escalate.item_id": "措施编号（3.2）。",
    "help.escalate.action": "通报、督办（发督办函）或约谈（或 notice、supervise、summon）。",
    "help.escalate.--note": "做了什么（函号、约谈对象）。",
    "help.escalate.--by": "采取问责的单位或人员（默认：git config user.name）。",
    "help.escalate.--date": "日期，如 2024-06-30（默认：今天）。",
    "help.escalate.--evidence": "函件或会议纪要。",
    "help.extend": "把经批准的延期记为一条进展记录：新的时限自此适用。\n\n"
    "措施自身的整改时限仍按方案原文；rect diff 显示为已批准的延期，并附批准文件。",
    "help.extend.item_id": "措施编号（3.2）。",
    "help.extend.deadline": "批准的新时限（2024年9月底前）。",
    "help.extend.--evidence": "批准文件（批复）：文件路径或网址。",
    "help.extend.--note": "延期理由。",
    "help.extend.--by": "批准单位（默认：git config user.name）。",
    "help.extend.--date": "批准日期（默认：今天）。",
    # publication
    "help.notice": "已完成措施（或其措施已全部完成的问题）的销号公示：整改问题、"
    "整改实施主体、整改措施、目标任务、完成时限、整改完成情况和公示期（工作日）；"
    "联系方式取自 plan.contact。尚未完成的拒绝公示（退出码 2）。",
    "help.notice.item_id": "已完成的措施（3.2）或问题（3）。",
    "help.notice.--output": "写入 FILE：.docx、.md 或 .html（默认：以 Markdown 输出到标准输出）。",
    "help.notice.--format": "markdown、html 或 docx（默认：按 -o）。",
    "help.notice.--days": "公示期（工作日），自 --as-of（公示之日）起算。",
    "help.site": "静态信息公开网站：index.html（各问题及其进展）和每个问题一页，"
    "只含 --public 的数据（不含个人信息），自成一体：没有脚本，不从别处加载任何内容。"
    "可用任何静态网站服务器发布该目录。",
    "help.site.--output": "要写入的目录（不存在时创建；其上级目录必须存在）。",
    "help.holidays": "显示 rect 计算 YEAR 年工作日所用的节假日安排及其来源："
    "data/holidays.yaml、官方安排（chinese-calendar），或两者都没有的年份只算周末"
    "（并说明如何补充）。",
    "help.holidays.year": "年份。",
    "help.holidays.--format": "text（默认）或 json。",
    "help.status.--member": _MEMBER,
    "help.list.--member": _MEMBER,
    "help.overdue.--member": _MEMBER,
    "help.upcoming.--member": _MEMBER,
    "help.check.--member": _MEMBER,
    "help.report.--member": _MEMBER,
    "help.calendar.--member": _MEMBER,
    # workspaces (issue 17)
    "help.sync": "把工作区（--workspace）中每个 git 成员拉取到缓存目录下的裸镜像；之后的读取都用拉取到的内容。"
    "成员的任何东西都不会运行：不检出，不执行钩子、过滤器或驱动。有成员拉取失败时退出码为 1。",
    "help.rollup": "上级清单（工作区的 upper:）的每一项，以及各成员中 parent: 指向它的事项和状态，"
    "还有分到了该项却没有关联事项的成员（缺项）。",
    "help.rollup.--member": "只看该成员的事项和缺项。",
    "help.rollup.--format": "table 或 json。",
}
