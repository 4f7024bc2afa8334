"""The report formats rect knows: a registry, in the manner of yamllint's ``rules``.

Each format names the module and the functions that render it, the file suffixes that
choose it for ``-o`` and what its renderer hands back. Nothing here imports a renderer:
``render`` imports the one module asked for, when asked, so that ``rect --help`` and a
cached ``rect status`` never load python-docx, openpyxl or a PDF library.

Every renderer takes ``(report, labels)``; those that need no words (the CSV detail with
its English keys, JSON) say so and are called with the report alone.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, cast

if TYPE_CHECKING:
    from rectcli.labels import Labels
    from rectcli.queries.report import Report

Output = Literal["text", "bytes", "workbook", "rich"]


@dataclass(frozen=True)
class ReportFormat:
    """One ``--format``: where its renderers live and what they return."""

    name: str
    module: str  # imported by render(), never before
    report: str  # the 调度/通报 report's function
    public: str  # the 信息公开 table's function (--public)
    suffixes: tuple[str, ...]  # -o FILE.suffix picks this format; the first is its own
    output: Output = "text"  # text: str; bytes: a finished file; workbook: openpyxl; rich
    report_labels: bool = True  # the report's function takes the labels as its 2nd argument
    public_labels: bool = True  # and the public table's

    @property
    def binary(self) -> bool:
        """A file that cannot go to a terminal: -o FILE is required."""
        return self.output in ("bytes", "workbook")


FORMATS: dict[str, ReportFormat] = {
    f.name: f
    for f in (
        ReportFormat(
            "table",
            "rectcli.reports.terminal",
            "report_view",
            "public_view",
            (".txt",),
            output="rich",
        ),
        ReportFormat(
            "markdown",
            "rectcli.reports.text",
            "report_markdown",
            "public_markdown",
            (".md", ".markdown"),
        ),
        ReportFormat(
            "html", "rectcli.reports.html", "report_html", "public_html", (".html", ".htm")
        ),
        ReportFormat(
            "xlsx",
            "rectcli.reports.xlsx",
            "report_workbook",
            "public_workbook",
            (".xlsx",),
            output="workbook",
        ),
        ReportFormat(
            "csv",
            "rectcli.reports.text",
            "report_csv",
            "public_csv",
            (".csv",),
            report_labels=False,
        ),
        ReportFormat(
            "json",
            "rectcli.reports.json_doc",
            "report_json",
            "public_json",
            (".json",),
            report_labels=False,
            public_labels=False,
        ),
        ReportFormat(
            "docx", "rectcli.reports.docx", "report_docx", "public_docx", (".docx",), output="bytes"
        ),
        ReportFormat(
            "pdf", "rectcli.reports.pdf", "report_pdf", "public_pdf", (".pdf",), output="bytes"
        ),
    )
}
NAMES = tuple(FORMATS)


def get(name: str) -> ReportFormat:
    """The format called ``name``; KeyError if rect knows none."""
    return FORMATS[name]


def by_suffix(suffix: str) -> ReportFormat | None:
    """The format a file name's suffix (``.docx``, any case) asks for, if any."""
    wanted = suffix.lower()
    for fmt in FORMATS.values():
        if wanted in fmt.suffixes:
            return fmt
    return None


def suffixes() -> list[str]:
    """Every suffix -o understands, in the formats' order: for messages."""
    return [s for f in FORMATS.values() for s in f.suffixes]


def renderer(fmt: ReportFormat, public: bool) -> Callable[[Report, Labels], object]:
    """The function that renders ``fmt``, its module imported now."""
    module = importlib.import_module(fmt.module)
    function = getattr(module, fmt.public if public else fmt.report)
    if fmt.public_labels if public else fmt.report_labels:
        return cast("Callable[[Report, Labels], object]", function)
    alone = cast("Callable[[Report], object]", function)
    return lambda report, _labels: alone(report)


def render(fmt: ReportFormat, report: Report, labels: Labels, *, public: bool = False) -> object:
    """The report rendered as ``fmt`` says: a str, bytes, a Workbook or a Rich renderable."""
    return renderer(fmt, public)(report, labels)
