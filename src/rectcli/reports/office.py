"""What the office documents (Word, PDF) say, as plain strings: the summary sentence and
the rows of their tables. The layouts are in ``docx`` / ``wordstyle`` and ``pdf``."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from rectcli.labels import Labels
from rectcli.queries.report import Report, UnitSection, item_note
from rectcli.reports.text import kinds_of, when_text


def chinese_date(day: date, labels: Labels) -> str:
    """2024年10月9日 (the standard writes the days without leading zeros)."""
    return labels("doc_date", year=day.year, month=day.month, day=day.day)


def date_line(report: Report, labels: Labels) -> str:
    """The line under the title: （截至2024年5月25日）, or a period's days."""
    if report.period is not None:
        first, last = chinese_date(report.since, labels), chinese_date(report.as_of, labels)
        return labels("doc_period_line", first=first, last=last)
    return labels("doc_as_of_line", day=chinese_date(report.as_of, labels))


def issuer_of(report: Report) -> str | None:
    """署名: plan.issuer (or --issuer)."""
    return report.plan.issuer if report.plan else None


def doc_number(report: Report) -> str | None:
    """发文字号: plan.number."""
    return report.plan.number if report.plan else None


def section_line(rank: int, section: UnitSection, labels: Labels) -> str:
    """（一）池北区：共2项，已完成0项（0%）"""
    from rectcli.queries.report import chinese_ordinal

    line = labels(
        "doc_unit_line",
        unit=section.unit,
        total=section.total,
        finished=section.finished,
        percent=section.percent,
    )
    ordinal = f"（{chinese_ordinal(rank)}）" if labels.lang == "zh" else f"({rank}) "
    return ordinal + line


def summary_text(report: Report, labels: Labels) -> str:
    """The summary as the sentence an office writes (截至…，共有整改措施…项…)."""
    pct = round(100 * report.finished / report.total) if report.total else 0
    text = labels(
        "doc_summary",
        as_of=chinese_date(report.as_of, labels),
        since=chinese_date(report.since, labels),
        total=report.total,
        finished=report.finished,
        percent=pct,
        overdue=report.overdue,
        soon_days=report.soon_days,
        due_soon=report.due_soon,
        behind=report.behind,
        done=report.done,
    )
    if report.duties_overdue:
        text += labels("doc_duties", n=report.duties_overdue)
    return text


def unit_rows(report: Report) -> list[list[str]]:
    return [
        [
            str(rank),
            s.unit,
            f"{s.finished}/{s.total}",
            f"{s.percent}%",
            str(len(s.overdue)),
            str(len(s.due_soon)),
            str(len(s.behind)),
            str(len(s.done)),
        ]
        for rank, s in enumerate(report.units, 1)
    ]


def unit_head(labels: Labels) -> list[str]:
    return [
        labels("report_rank"),
        labels("report_unit"),
        labels("finished"),
        "%",
        labels("overdue"),
        labels("report_due_soon"),
        labels("report_behind"),
        labels("report_done"),
    ]


def item_head(labels: Labels) -> list[str]:
    return [
        labels("report_kind"),
        labels("id"),
        labels("due"),
        labels("report_when"),
        labels("text"),
        labels("report_latest"),
    ]


def item_rows(section: UnitSection, labels: Labels) -> list[list[str]]:
    """One line per overdue, due-soon, behind and newly done measure of a unit."""
    return [
        [
            labels(key),
            item.label,
            item.row.due.isoformat() if item.row.due else item.row.deadline or "—",
            when_text(kind, item, labels),
            " ".join(item.row.text.split()),
            item_note(item),
        ]
        for kind, key, item in kinds_of(section)
    ]


def heading_extent(text: str, size: float, extent: Callable[[str, float], float]) -> int:
    """How narrow a column may be for its heading: half of it (Chinese breaks anywhere,
    so a heading may take two lines), but never narrower than a Latin word in it."""
    words = re.findall(r"[A-Za-z0-9%]+", text)
    return int(max([(extent(text, size) + size) / 2, *(extent(w, size) for w in words)]))
