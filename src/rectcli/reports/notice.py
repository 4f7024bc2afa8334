"""The 销号公示 rendered: Word (GB/T 9704 layout), Markdown or one HTML page.

Every format is the same list of blocks (``notice_blocks``): the title, the opening
sentence, the numbered sections, 特此公示 and the signature.
"""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Literal

from rectcli.labels import Labels
from rectcli.queries.notice import Notice
from rectcli.queries.report import chinese_ordinal
from rectcli.reports.office import chinese_date
from rectcli.reports.text import md_cell

Kind = Literal["title", "para", "heading", "item", "closing", "signature"]
Block = tuple[Kind, str]


def subject(notice: Notice, labels: Labels) -> str:
    """What the notice is about: “title”问题, or its measure （二）."""
    if notice.id == notice.task:
        return labels("notice_subject_task", title=notice.problem)
    step = notice.steps[0]
    return labels("notice_subject_measure", title=notice.problem, ordinal=step.ordinal)


def _number(index: int, labels: Labels) -> str:
    return f"{chinese_ordinal(index)}、" if labels.lang == "zh" else f"{index}. "


def notice_blocks(notice: Notice, labels: Labels) -> list[Block]:
    def day(when: date) -> str:
        return chinese_date(when, labels)

    units = "、".join(notice.units)
    blocks: list[Block] = [
        ("title", labels("notice_title", subject=subject(notice, labels))),
        ("para", labels("notice_intro", plan=notice.plan, units=units)),
    ]
    problem = [notice.problem] + ([notice.finding] if notice.finding else [])
    done: list[str] = []
    for step in notice.steps:
        lines = [f"{day(when)}，{note}" for when, note in step.notes]
        if step.finished_on is not None:
            lines.append(labels("notice_finished_on", day=day(step.finished_on)))
        if step.evidence:
            lines.append(labels("notice_evidence", n=step.evidence))
        prefix = step.ordinal if len(notice.steps) > 1 else ""
        done.append(prefix + labels("notice_sentence_sep").join(lines))
    sections: list[tuple[str, list[str]]] = [
        ("notice_problem", problem),
        ("notice_units", [units]),
        ("notice_measures", [s.ordinal + s.text for s in notice.steps]),
        ("notice_goal", [notice.goal or "—"]),
        ("notice_deadline", [notice.deadline]),
        ("notice_done", done),
    ]
    for index, (key, texts) in enumerate(sections, 1):
        blocks.append(("heading", _number(index, labels) + labels(key)))
        blocks += [("item", text) for text in texts]
    period = labels(
        "notice_period_text", first=day(notice.first), last=day(notice.last), n=notice.days
    )
    contact = notice.contact or labels("notice_no_contact")
    blocks += [
        ("heading", _number(len(sections) + 1, labels) + labels("notice_period")),
        ("item", period),
        ("item", f"{labels('notice_contact')}{labels('report_colon')}{contact}"),
        ("closing", labels("notice_closing")),
    ]
    if notice.issuer:
        blocks.append(("signature", notice.issuer))
    blocks.append(("signature", day(notice.published)))
    return blocks


def notice_markdown(notice: Notice, labels: Labels) -> str:
    lines: list[str] = []
    for kind, text in notice_blocks(notice, labels):
        cell = md_cell(text)
        if kind == "title":
            lines += [f"# {cell}", ""]
        elif kind == "heading":
            lines += [f"## {cell}", ""]
        elif kind == "signature":
            lines += [f'<p align="right">{cell}</p>', ""]
        else:
            lines += [cell, ""]
    return "\n".join(lines)


_CSS = """
body { font-family: "FangSong", "仿宋", "Noto Serif CJK SC", "Source Han Serif SC", serif;
       max-width: 42em; margin: 2em auto; padding: 0 1em; line-height: 1.8; font-size: 16pt; }
h1 { font-family: "方正小标宋简体", "Noto Serif CJK SC", serif; font-size: 22pt;
     text-align: center; font-weight: normal; }
h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 16pt;
     font-weight: normal; margin: 1em 0 0; }
p { margin: 0; text-indent: 2em; }
p.signature { text-align: right; margin-right: 4em; text-indent: 0; }
p.closing { margin-top: .5em; }
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@media print { body { margin: 0; max-width: none; } }
"""


def notice_html(notice: Notice, labels: Labels) -> str:
    """One self-contained page: inline CSS, no script, nothing fetched."""
    tags = {"title": "h1", "heading": "h2"}
    body = []
    title = ""
    for kind, text in notice_blocks(notice, labels):
        if kind == "title":
            title = text
        tag = tags.get(kind, "p")
        css = f' class="{kind}"' if kind in ("signature", "closing") else ""
        body.append(f"<{tag}{css}>{escape(text)}</{tag}>")
    lang = "zh-CN" if labels.lang == "zh" else "en"
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{lang}">',
            '<head><meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(title)}</title><style>{_CSS}</style></head>",
            "<body>",
            *body,
            "</body></html>",
            "",
        ]
    )


def notice_docx(notice: Notice, labels: Labels) -> bytes:
    """The notice as an official document: A4, 方正小标宋 title, 黑体 headings, 仿宋 text."""
    from rectcli.reports import wordstyle as ws

    doc = ws.new_document()
    signature: list[str] = []
    for kind, text in notice_blocks(notice, labels):
        if kind == "title":
            ws.title(doc, text)
        elif kind == "heading":
            ws.heading(doc, text)
        elif kind == "signature":
            signature.append(text)
        else:
            ws.paragraph(doc, text, indent=True)
    ws.sign(doc, signature)
    return ws.to_bytes(doc)
