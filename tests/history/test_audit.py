"""Who may record what (issue 14): units.yaml people:, `rect mark` filling `by` from
the git identity, and `rect audit --since REV` judging each added entry by its commit."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, Invoke

PEOPLE = {
    "池北区": "北区填报员 <bei@example.gov.cn>",
    "池南区": "nan@example.gov.cn",
    "住建局": "zhu@example.gov.cn",
    "办公室": "办公室 <office@example.gov.cn>",
}


def git(repo: Path, *args: str, email: str = "office@example.gov.cn") -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": email.split("@")[0],
        "GIT_AUTHOR_EMAIL": email,
        "GIT_COMMITTER_NAME": "ci",
        "GIT_COMMITTER_EMAIL": "ci@example.gov.cn",
    }
    result = subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The mini list in a git repository, units with people:, one commit (the base)."""
    root = tmp_path / "repo"
    shutil.copytree(FIXTURES / "mini", root / "data")
    units = root / "data" / "units.yaml"
    text = units.read_text(encoding="utf-8")
    for unit, person in PEOPLE.items():
        text = text.replace(f"  - name: {unit}\n", f'  - name: {unit}\n    people: ["{person}"]\n')
    units.write_text(text, encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "base")
    monkeypatch.chdir(root)
    return root / "data" / "tasks.yaml"


def mark(invoke: Invoke, repo: Path, email: str, *args: str) -> None:
    result = invoke("mark", *args, "--by", "x", as_of="2024-06-01")
    assert result.exit_code == 0, result.output
    text = repo.read_text(encoding="utf-8").replace("by: x}", "}").replace(", by: x", "")
    repo.write_text(text, encoding="utf-8")
    git(repo.parent, "commit", "-q", "-am", " ".join(args), email=email)


def test_mark_fills_by_from_the_identitys_unit(repo: Path, invoke: Invoke) -> None:
    git(repo.parent, "config", "user.email", "BEI@example.gov.cn")
    assert invoke("mark", "1.1", "doing", "--note", "过半", as_of="2024-06-01").exit_code == 0
    assert "by: 池北区" in repo.read_text(encoding="utf-8")
    git(repo.parent, "config", "user.email", "stranger@example.com")
    git(repo.parent, "config", "user.name", "王五")
    assert invoke("mark", "2.1", "doing", as_of="2024-06-01").exit_code == 0
    assert "by: 王五" in repo.read_text(encoding="utf-8")


def test_own_marks_and_a_supervisors_close_pass(repo: Path, invoke: Invoke) -> None:
    mark(invoke, repo, "bei@example.gov.cn", "1.1", "doing", "--note", "清运过半")
    mark(invoke, repo, "office@example.gov.cn", "1.2", "closed", "--note", "验收通过")
    mark(invoke, repo, "nan@example.gov.cn", "2.1", "doing", "--note", "处理中")
    result = invoke("audit", "--since", "HEAD~3", lang="en")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "audit: the 3 progress entries added in 3 commits were recorded by their units.\n"
    )


def test_a_unit_marking_anothers_measure_or_closing_its_own_fails(
    repo: Path, invoke: Invoke
) -> None:
    mark(invoke, repo, "nan@example.gov.cn", "1.1", "doing", "--note", "代填")
    other = git(repo.parent, "rev-parse", "HEAD")
    mark(invoke, repo, "zhu@example.gov.cn", "1.2", "closed", "--note", "自行销号")
    closing = git(repo.parent, "rev-parse", "HEAD")
    mark(invoke, repo, "stranger@example.com", "2.1", "doing", "--note", "冒名")
    stranger = git(repo.parent, "rev-parse", "HEAD")
    result = invoke("audit", "--since", "HEAD~3", lang="en")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"data/tasks.yaml:22:13: error: 1.1: commit {other[:12]} by nan <nan@example.gov.cn> "
        "(池南区) records progress on a measure of 池北区",
        f"data/tasks.yaml:29:13: error: 1.2: only the supervising unit (办公室) closes (销号) a "
        f"measure; commit {closing[:12]} by zhu <zhu@example.gov.cn> (住建局) records closed",
        f"data/tasks.yaml:44:13: error: 2.1: commit {stranger[:12]} by stranger "
        "<stranger@example.com>, who is in no unit's people: in units.yaml, records progress",
    ]
    github = invoke("audit", "--since", "HEAD~3", "--format", "github", lang="en")
    assert github.exit_code == 1
    assert github.stdout.splitlines()[0].startswith(
        "::error file=data/tasks.yaml,line=22,col=13,title=rect audit 1.1::1.1: commit "
    )
    rows = json.loads(invoke("audit", "--since", "HEAD~3", "--format", "json").stdout)
    assert [(r["measure"], r["kind"], r["commit"]) for r in rows] == [
        ("1.1", "not_theirs", other),
        ("1.2", "close", closing),
        ("2.1", "unknown_author", stranger),
    ]


def test_recording_in_another_units_name_fails(repo: Path, invoke: Invoke) -> None:
    result = invoke("mark", "1.1", "doing", "--by", "池北区", as_of="2024-06-01")
    assert result.exit_code == 0
    git(repo.parent, "commit", "-q", "-am", "x", email="office@example.gov.cn")  # supervisor: ok
    result = invoke("mark", "1.3", "doing", "--by", "池南区", as_of="2024-06-01")
    assert result.exit_code == 0
    git(repo.parent, "commit", "-q", "-am", "y", email="bei@example.gov.cn")  # 各区: 北区's too
    audit = invoke("audit", "--since", "HEAD~2", lang="en")
    assert audit.exit_code == 1
    assert audit.stdout.endswith("records it as '池南区'\n")
    assert audit.stdout.count("error:") == 1


def test_people_are_read_as_the_base_has_them(repo: Path, invoke: Invoke) -> None:
    units = repo.with_name("units.yaml")
    text = units.read_text(encoding="utf-8")
    units.write_text(
        text.replace(
            'people: ["nan@example.gov.cn"]', 'people: ["nan@example.gov.cn", "evil@x.cn"]'
        ),
        "utf-8",
    )
    git(repo.parent, "commit", "-q", "-am", "add myself", email="evil@x.cn")
    mark(invoke, repo, "evil@x.cn", "2.1", "doing", "--note", "x")
    result = invoke("audit", "--since", "HEAD~2", "--format", "json")
    assert result.exit_code == 1
    assert [r["kind"] for r in json.loads(result.stdout)] == ["unknown_author"]


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "nosuch"], "error: unknown git revision 'nosuch'"),
        (["--since", "HEAD", "--format", "xml"], "Invalid value for '--format'"),
    ],
)
def test_audit_usage_errors_exit_2(
    repo: Path, invoke: Invoke, args: list[str], message: str
) -> None:
    result = invoke("audit", *args)
    assert result.exit_code == 2
    assert message in result.stderr


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_audit_without_people_is_invalid(repo: Path, invoke: Invoke) -> None:
    units = repo.with_name("units.yaml")
    lines = units.read_text(encoding="utf-8").splitlines(keepends=True)
    units.write_text("".join(x for x in lines if "people:" not in x), encoding="utf-8")
    git(repo.parent, "commit", "-q", "-am", "no people")
    result = invoke("audit", "--since", "HEAD")
    assert result.exit_code == 2
    assert "no unit lists people:" in result.stderr


@pytest.mark.usefixtures("english")  # English messages (zh default: issue 16)
def test_people_must_be_git_identities_of_one_unit(repo: Path, invoke: Invoke) -> None:
    units = repo.with_name("units.yaml")
    text = units.read_text(encoding="utf-8")
    text = text.replace('people: ["zhu@example.gov.cn"]', 'people: ["张三", "nan@example.gov.cn"]')
    units.write_text(text, encoding="utf-8")
    result = invoke("check")
    assert result.exit_code == 2
    assert "people: '张三' is no git identity; write name <email> or email" in result.stderr
    assert "people: nan@example.gov.cn records for 池南区 already" in result.stderr


def test_only_the_lead_records_a_measure_it_finishes_alone(repo: Path, invoke: Invoke) -> None:
    text = repo.read_text(encoding="utf-8")
    at = text.index("        deadline: 长期坚持\n")  # 1.3, of 各区 and 住建部门
    repo.write_text(text[:at] + "        finished_by: 住建局\n" + text[at:], encoding="utf-8")
    git(repo.parent, "commit", "-q", "-am", "住建局 leads 1.3")
    mark(invoke, repo, "zhu@example.gov.cn", "1.3", "doing", "--note", "已部署")  # the lead
    mark(invoke, repo, "nan@example.gov.cn", "1.3", "done", "--note", "已巡查")  # a district
    nan = git(repo.parent, "rev-parse", "HEAD")
    rows = json.loads(invoke("audit", "--since", "HEAD~2", "--format", "json").stdout)
    assert [(r["measure"], r["kind"], r["commit"]) for r in rows] == [("1.3", "not_theirs", nan)]
