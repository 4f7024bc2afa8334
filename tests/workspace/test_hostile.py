"""A member repository is untrusted: nothing of it runs when rect syncs and reads it.

The member's .gitattributes names filter, diff (textconv) and merge drivers, and hooks
are set up, all of which write a marker file if they ever run. To know the test can
fail, the drivers are defined where git honours them (the user's global config, as
git-lfs's are) and a plain `git clone` is shown to run them first.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import Invoke
from tests.workspace.conftest import Setup, git

HOOKS = (
    "reference-transaction",
    "post-checkout",
    "post-merge",
    "post-rewrite",
    "pre-auto-gc",
    "post-index-change",
    "pre-push",
    "pre-receive",
    "update",
    "post-receive",
    "post-update",
    "push-to-checkout",
)


def hostile(root: Path, marker: Path) -> Path:
    """A script that leaves ``marker`` and passes its input on; global config using it."""
    script = root / "evil.sh"
    script.write_text(f'#!/bin/sh\necho "$0 $*" >> "{marker}"\ncat\n', "utf-8")
    script.chmod(0o755)
    hooks = root / "evil-hooks"
    hooks.mkdir()
    for name in HOOKS:
        (hooks / name).symlink_to(script)
    config = root / "hostile.gitconfig"
    config.write_text(
        "[user]\n\tname = t\n\temail = t@example.org\n"
        f'[filter "evil"]\n\tsmudge = {script}\n\tclean = {script}\n\trequired = true\n'
        f'[diff "evil"]\n\ttextconv = {script}\n\tcommand = {script}\n'
        f'[merge "evil"]\n\tdriver = {script} %O %A %B\n'
        f"[core]\n\thooksPath = {hooks}\n\tfsmonitor = {script}\n",
        "utf-8",
    )
    return config


def test_a_hostile_member_runs_nothing(
    invoke: Invoke, setup: Setup, monkeypatch: pytest.MonkeyPatch
) -> None:
    marker = setup.root / "MARKER"
    jia = setup.members["甲市"]
    (jia.work / ".gitattributes").write_text(
        "* filter=evil diff=evil merge=evil\n*.yaml filter=evil diff=evil merge=evil\n", "utf-8"
    )
    git("add", ".gitattributes", cwd=jia.work)
    jia.edit("    status: doing\n", "    status: doing # 再提交一次\n")
    jia.commit("hostile attributes")
    remote_hooks = jia.remote / "hooks"
    remote_hooks.mkdir(exist_ok=True)
    config = hostile(setup.root, marker)
    for name in HOOKS:
        (remote_hooks / name).symlink_to(setup.root / "evil.sh")
    with (jia.remote / "config").open("a", encoding="utf-8") as handle:
        handle.write(
            f"[uploadpack]\n\tpackObjectsHook = {setup.root / 'evil.sh'}\n"
            f"[core]\n\thooksPath = {setup.root / 'evil-hooks'}\n"
        )
    clean = os.environ["GIT_CONFIG_GLOBAL"]
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))

    # The set-up is live: an ordinary clone runs the member's filter and hooks.
    subprocess.run(
        ["git", "clone", "-q", str(jia.remote), str(setup.root / "control")],
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert marker.exists(), "the hostile set-up must run under a plain git clone"
    marker.unlink()

    ws = ["--workspace", str(setup.workspace)]
    assert invoke(*ws, "sync").exit_code == 0
    jia.edit("    status: doing # 再提交一次\n", "    status: doing # 第三次\n")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", clean)  # the test's own commit runs nothing
    git("commit", "-qam", "again", cwd=jia.work)  # for a second fetch into the mirror
    git("--git-dir", str(jia.remote), "-c", "core.hooksPath=/dev/null", "fetch", "-q",
        str(jia.work), "+main:main", cwd=setup.root)  # fmt: skip
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    second = invoke(*ws, "sync")
    assert second.exit_code == 0
    assert "→" in second.stdout.splitlines()[0]  # 甲市: a new commit fetched
    listed = invoke(*ws, "list", "--member", "甲市", "--format", "json", as_of="2024-08-01")
    assert listed.exit_code == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == 4
    assert invoke(*ws, "status", as_of="2024-08-01").exit_code == 0
    assert invoke(*ws, "rollup", as_of="2024-08-01").exit_code == 0
    assert invoke(*ws, "check", as_of="2024-08-01").exit_code == 1
    assert not marker.exists(), marker.read_text("utf-8")


def test_the_ext_transport_is_refused(invoke: Invoke, setup: Setup) -> None:
    marker = setup.root / "EXT-MARKER"
    text = setup.workspace.read_text("utf-8") + (
        f"  - name: 丁市\n    git: 'ext::sh -c touch% {marker}'\n"
    )
    setup.workspace.write_text(text, "utf-8")
    result = invoke("--workspace", str(setup.workspace), "sync")
    assert result.exit_code == 1
    assert result.stderr.startswith("丁市: 无法同步：")
    assert not marker.exists()
