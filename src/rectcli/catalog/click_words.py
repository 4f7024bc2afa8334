"""Typer's and click's own words in help and usage errors, in Chinese."""

from __future__ import annotations

CLICK_ZH: dict[str, str] = {
    # typer.core's gettext words
    "Usage: ": "用法：",
    "Arguments": "参数",
    "Options": "选项",
    "Commands": "命令",
    "default: {default}": "默认：{default}",
    "env var: {var}": "环境变量：{var}",
    "required": "必填",
    "(dynamic)": "（动态）",
    "Aborted!": "已中止！",
    "Missing command.": "缺少命令。",
    "No such command {name!r}.": "没有命令“{name}”。",
    # the help of options typer and click add to every app
    "Show this message and exit.": "显示本帮助并退出。",
    "Install completion for the current shell.": "为当前 shell 安装命令补全。",
    "Show completion for the current shell, to copy it or customize the installation.": (
        "显示当前 shell 的命令补全脚本，以便复制或自定义安装。"
    ),
    # usage errors
    "Error: ": "错误：",
    "Try '{command} {option}' for help.": "运行 '{command} {option}' 查看帮助。",
}

# click's and typer's usage-error messages, as messages.py reads them ({} a part)
USAGE_ZH: list[tuple[str, str]] = [
    ("Missing argument '{}'.", "缺少参数 {0}。"),
    ("Missing option '{}'.", "缺少选项 {0}。"),
    ("No such option: {} (Possible options: {})", "没有选项 {0}（可用：{1}）"),
    ("No such option: {} Did you mean {}?", "没有选项 {0}，是否要写 {1}？"),
    ("No such option: {}", "没有选项 {0}"),
    ("No such command '{}'.", "没有命令“{0}”。"),
    ("Option '{}' requires an argument.", "选项 {0} 需要一个值。"),
    ("Invalid value for '{}': '{}' is not one of {}.", "{0} 的值无效：“{1}”不是 {2} 之一。"),
    ("Invalid value for '{}': {}", "{0} 的值无效：{1}"),
    ("Got unexpected extra argument(s) ({})", "多余的参数（{0}）"),
    ("Value error, '{}' is not one of {}.", "“{0}”不是 {1} 之一。"),
    ("'{}' is not one of {}.", "“{0}”不是 {1} 之一。"),
]
