"""The shape of a workspace file (workspace.yaml, see docs/workspace.md), as pydantic models.

A workspace names the member lists read together (each a git repository fetched into
a mirror, or a working copy on this machine) and, optionally, the upper list their
items implement (``parent:``). Apart from shapes.py: only ``--workspace`` builds them.
"""

from __future__ import annotations

from pydantic import ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from rectcli.model.shapes import StrictModel

DEFAULT_REF = "main"
DEFAULT_FILE = "data/tasks.yaml"


class Source(StrictModel):
    """Where one list is: ``git`` (with ``ref`` and ``file``) or ``path``, not both."""

    model_config = ConfigDict(
        json_schema_extra={"oneOf": [{"required": ["git"]}, {"required": ["path"]}]}
    )

    git: str | None = Field(
        default=None,
        min_length=1,
        title="Git (仓库)",
        description="A path or URL git can fetch; rect keeps a bare mirror of it.",
    )
    ref: str | None = Field(
        default=None,
        min_length=1,
        title="Ref (分支)",
        description=f"The branch or tag read (default {DEFAULT_REF}); only with git.",
    )
    file: str | None = Field(
        default=None,
        min_length=1,
        title="File (文件)",
        description=f"The list inside the repository (default {DEFAULT_FILE}); only with git.",
    )
    path: str | None = Field(
        default=None,
        min_length=1,
        title="Path (路径)",
        description="A task list on this machine, relative to the workspace file.",
    )

    @model_validator(mode="after")
    def _one_place(self) -> Source:
        if (self.git is None) == (self.path is None):
            raise PydanticCustomError("source", "give either git: or path:, not both or neither")
        if self.path is not None and (self.ref is not None or self.file is not None):
            raise PydanticCustomError("source", "ref: and file: go with git:, not with path:")
        return self


class Member(Source):
    """One member list (a city's, a county's)."""

    name: str = Field(
        min_length=1,
        title="Name (名称)",
        description="The member's name: shown in every row, and the unit name the upper "
        "list assigns its items to.",
    )


class WorkspaceFile(StrictModel):
    """workspace.yaml: the lists read together, and the upper list they implement."""

    title: str = Field(title="Title (名称)", description="The workspace's title.")
    members: list[Member] = Field(
        min_length=1, title="Members (成员清单)", description="The member lists, in order."
    )
    upper: Source | None = Field(
        default=None,
        title="Upper (上级清单)",
        description="The upper list whose ids `parent:` names (git: or path:).",
    )
