"""The shape of targets.yaml (see docs/targets.md), as pydantic models.

Apart from models.py so that commands which never read targets (``rect status``)
do not build these classes when they start (~1 ms).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from rectcli.model.shapes import Day, DeadlineText, StrictModel


class Reading(StrictModel):
    """One measured value of a target's indicator (监测数据)."""

    date: Day = Field(
        title="Date (日期)", description="The last day of the period measured (2024-12-31)."
    )
    value: Annotated[float, Field(strict=True)] = Field(
        title="Value (数值)", description="The measured value, in the target's unit."
    )
    period: str | None = Field(
        default=None, title="Period (统计期)", description="The period, as the source says: 2024年."
    )
    source: str | None = Field(
        default=None, title="Source (数据来源)", description="Where it is from."
    )
    note: str | None = Field(default=None, title="Note (备注)", description="Free text.")


class Target(StrictModel):
    """A quantitative target (主要目标) of the plan, with readings over time."""

    id: str = Field(min_length=1, title="Id (编号)", description="A short, stable name.")
    name: str = Field(title="Indicator (指标)", description="The indicator, as the plan names it.")
    scope: str | None = Field(default=None, title="Scope (范围)", description="全区, 各区, …")
    at_least: Annotated[float, Field(strict=True)] | None = Field(
        default=None, title="At least (不低于)", description="Met when a reading is ≥ this value."
    )
    at_most: Annotated[float, Field(strict=True)] | None = Field(
        default=None, title="At most (不高于)", description="Met when a reading is ≤ this value."
    )
    unit: str = Field(title="Unit (单位)", description="%, μg/m³, …")
    by: DeadlineText = Field(title="By (目标年限)", description="A deadline phrase: 2025年底.")
    text: str | None = Field(
        default=None, title="Text (原文)", description="The plan's words, verbatim."
    )
    source: str | None = Field(
        default=None, title="Source (出处)", description="Where the plan says it."
    )
    note: str | None = Field(default=None, title="Note (备注)", description="Free text.")
    readings: list[Reading] = Field(
        default=[], title="Readings (监测数据)", description="Measured values, oldest first."
    )


class TargetFile(StrictModel):
    """targets.yaml: the plan's quantitative targets (主要目标), see docs/targets.md."""

    targets: list[Target] = Field(title="Targets (主要目标)", description="The targets.")
