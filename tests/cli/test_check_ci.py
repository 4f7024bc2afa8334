"""rect check in CI (issue 16): invalid data in every format, escaping, paths relative to
the repository root, side files validated, and the gate a progress commit passes."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from lxml import etree

from tests.conftest import ROOT, SHIPPED_DATA, Invoke

# The rules of the common JUnit schema (Jenkins' junit-10.xsd, which GitLab also reads),
# restated: testsuite needs name, tests, failures and errors; a testcase has only name,
# classname, time and group; failure and error carry type and message, and text.
JUNIT_XSD = b"""<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:complexType name="problem" mixed="true">
    <xs:attribute name="type" type="xs:string"/>
    <xs:attribute name="message" type="xs:string"/>
  </xs:complexType>
  <xs:element name="failure" type="problem"/>
  <xs:element name="error" type="problem"/>
  <xs:element name="testcase">
    <xs:complexType>
      <xs:choice minOccurs="0" maxOccurs="unbounded">
        <xs:element ref="failure"/>
        <xs:element ref="error"/>
      </xs:choice>
      <xs:attribute name="name" type="xs:string" use="required"/>
      <xs:attribute name="classname" type="xs:string"/>
      <xs:attribute name="time" type="xs:string"/>
      <xs:attribute name="group" type="xs:string"/>
    </xs:complexType>
  </xs:element>
  <xs:element name="testsuite">
    <xs:complexType>
      <xs:choice minOccurs="0" maxOccurs="unbounded">
        <xs:element ref="testcase"/>
      </xs:choice>
      <xs:attribute name="name" type="xs:string" use="required"/>
      <xs:attribute name="tests" type="xs:string" use="required"/>
      <xs:attribute name="failures" type="xs:string" use="required"/>
      <xs:attribute name="errors" type="xs:string" use="required"/>
      <xs:attribute name="skipped" type="xs:string"/>
      <xs:attribute name="time" type="xs:string"/>
      <xs:attribute name="file" type="xs:string"/>
    </xs:complexType>
  </xs:element>
  <xs:element name="testsuites">
    <xs:complexType>
      <xs:sequence>
        <xs:element ref="testsuite" minOccurs="0" maxOccurs="unbounded"/>
      </xs:sequence>
      <xs:attribute name="name" type="xs:string"/>
      <xs:attribute name="tests" type="xs:string"/>
      <xs:attribute name="failures" type="xs:string"/>
      <xs:attribute name="errors" type="xs:string"/>
      <xs:attribute name="time" type="xs:string"/>
    </xs:complexType>
  </xs:element>
</xs:schema>
"""


def valid_junit(text: str) -> etree._Element:
    schema = etree.XMLSchema(etree.fromstring(JUNIT_XSD))
    document = etree.fromstring(text.encode())
    schema.assertValid(document)
    return document


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    done = subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def rect(cwd: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "RECT_TODAY": "2024-05-01", "RECT_NO_CACHE": "1"}
    for name in ("RECT_FILE", "RECT_LANG"):
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "-m", "rectcli", *args],
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository keeping the shipped list in data/, committed."""
    root = tmp_path / "repo"
    shutil.copytree(SHIPPED_DATA, root / "data")
    (root / "sub").mkdir()
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "data")
    git(root, "commit", "-qm", "list")
    return root


def break_unit(tasks: Path) -> int:
    """Give measure 3.2 an unknown unit; the line it is on."""
    text = tasks.read_text(encoding="utf-8")
    text = text.replace("units: [池北区]", "units: [池北区x]", 1)
    tasks.write_text(text, encoding="utf-8")
    return text.splitlines().index("        units: [池北区x]") + 1


MESSAGE = "unknown unit '池北区x'; did you mean '池北区'? (units are listed in units.yaml)"


def test_github_annotations_of_invalid_data_from_a_subdirectory(repo: Path) -> None:
    line = break_unit(repo / "data" / "tasks.yaml")
    done = rect(repo / "sub", "--lang", "en", "check", "--format", "github")
    assert done.returncode == 2
    assert done.stdout == f"::error file=data/tasks.yaml,line={line},col=17::{MESSAGE}\n"


def test_github_properties_and_data_are_escaped(tmp_path: Path) -> None:
    odd = tmp_path / "a,b:c%"
    shutil.copytree(SHIPPED_DATA, odd)
    line = break_unit(odd / "tasks.yaml")
    done = rect(
        tmp_path, "--lang", "en", "check", "--file", str(odd / "tasks.yaml"), "--format", "github"
    )
    assert done.returncode == 2
    assert done.stdout == f"::error file=a%2Cb%3Ac%25/tasks.yaml,line={line},col=17::{MESSAGE}\n"


def test_github_escapes_a_message() -> None:
    from rectcli.errors import Problem
    from rectcli.views.ci import problems_github

    problem = Problem("x,y:z.yaml", 3, 1, "50% done\r\nnext: a, b")
    assert problems_github([problem]) == (
        "::error file=x%2Cy%3Az.yaml,line=3,col=1::50%25 done%0D%0Anext: a, b\n"
    )


def test_junit_reports_invalid_data_as_errors(repo: Path) -> None:
    line = break_unit(repo / "data" / "tasks.yaml")
    done = rect(repo, "--lang", "en", "check", "--format", "junit")
    assert done.returncode == 2
    report = valid_junit(done.stdout)
    assert (report.get("tests"), report.get("errors"), report.get("failures")) == ("1", "1", "0")
    error = report.find("testsuite/testcase/error")
    assert error is not None
    assert error.get("message") == MESSAGE
    assert error.text == f"data/tasks.yaml:{line}:17: error: {MESSAGE}"


def test_json_reports_invalid_data(repo: Path) -> None:
    line = break_unit(repo / "data" / "tasks.yaml")
    done = rect(repo, "--lang", "en", "check", "--format", "json")
    assert done.returncode == 2
    assert json.loads(done.stdout) == {
        "valid": False,
        "errors": [{"path": "data/tasks.yaml", "line": line, "col": 17, "message": MESSAGE}],
    }


def test_text_keeps_errors_on_stderr(repo: Path) -> None:
    line = break_unit(repo / "data" / "tasks.yaml")
    done = rect(repo, "--lang", "en", "check")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"data/tasks.yaml:{line}:17: error: {MESSAGE}\n"


def test_a_valid_junit_report_validates(repo: Path) -> None:
    done = rect(repo, "check", "--format", "junit")
    assert done.returncode == 1
    report = valid_junit(done.stdout)
    assert (report.get("tests"), report.get("failures"), report.get("errors")) == ("48", "11", "0")
    failure = next(c for c in report.iter("testcase") if c.get("name") == "3.2").find("failure")
    assert failure is not None and failure.text is not None
    assert failure.text.startswith("data/tasks.yaml:85: 3.2 逾期 62 天（到期日 2024-02-29")


def test_check_validates_targets(repo: Path) -> None:
    targets = repo / "data" / "targets.yaml"
    text = targets.read_text(encoding="utf-8").replace("at_least: 92.3", "at_least: many", 1)
    targets.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    at_least: many") + 1
    done = rect(repo, "check", "--format", "json", "--fail-on", "never")
    assert done.returncode == 2
    [error] = json.loads(done.stdout)["errors"]
    assert (error["path"], error["line"]) == ("data/targets.yaml", line)


def test_new_overdue_passes_a_progress_commit_and_fails_a_late_change(repo: Path) -> None:
    assert rect(repo, "check").returncode == 1  # 11 measures overdue on 2024-05-01
    assert (
        rect(
            repo, "mark", "3.2", "doing", "--note", "已清运一半", "--date", "2024-04-30"
        ).returncode
        == 0
    )
    git(repo, "commit", "-qam", "progress")
    gate = ("check", "--fail-on", "new-overdue", "--since", "HEAD~1")
    passed = rect(repo, "--lang", "en", *gate)
    assert passed.returncode == 0, passed.stdout
    assert passed.stdout.endswith("0 of them became overdue since the --since revision.\n")
    # moving 3.4's deadline (2024年6月底前) before today makes it newly overdue
    tasks = repo / "data" / "tasks.yaml"
    text = tasks.read_text(encoding="utf-8")
    start = text.index('- id: "3.4"')
    end = text.index("deadline: 2024年6月底前", start)
    text = text[:end] + text[end:].replace("2024年6月底前", "2024年3月底前", 1)
    tasks.write_text(text, encoding="utf-8")
    failed = rect(repo, "--lang", "en", *gate)
    assert failed.returncode == 1
    assert failed.stdout.endswith("1 of them became overdue since the --since revision.\n")
    junit = valid_junit(rect(repo, *gate[:-1], "HEAD", "--format", "junit").stdout)
    assert [c.get("name") for c in junit.iter("testcase") if len(c)] == ["3.4"]


def test_new_overdue_needs_since(repo: Path) -> None:
    done = rect(repo, "--lang", "en", "check", "--fail-on", "new-overdue")
    assert done.returncode == 2
    assert "needs --since REV" in done.stderr


def test_the_pull_request_example_runs_as_written(repo: Path) -> None:
    doc = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", doc, re.DOTALL)]
    workflow = next(b for b in blocks if b.get("name") == "rect-pr")
    steps = workflow["jobs"]["check"]["steps"]
    [line] = [s["run"] for s in steps if s.get("run", "").startswith("rect ")]
    git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")
    rect(repo, "mark", "3.2", "doing", "--date", "2024-04-30")
    git(repo, "commit", "-qam", "progress")
    env = {**os.environ, "GITHUB_BASE_REF": "main", "RECT_TODAY": "2024-05-01"}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    done = subprocess.run(line, shell=True, cwd=repo, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("::error file=data/tasks.yaml,line=")  # still reported


def test_hooks_stop_invalid_data_at_its_line(repo: Path) -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    entry = next(h["entry"] for h in hooks if h["id"] == "rect-check")
    line = break_unit(repo / "data" / "tasks.yaml")
    done = rect(repo, "--lang", "en", *entry.split()[1:])
    assert done.returncode == 2
    assert done.stderr.startswith(f"data/tasks.yaml:{line}:17: error: ")


def test_file_after_the_command(invoke: Invoke, shipped: Path) -> None:
    before = invoke("--file", str(shipped), "check", "--format", "json", as_of=None)
    after = invoke("check", "--file", str(shipped), "--format", "json", as_of=None)
    assert after.exit_code == before.exit_code == 1
    assert after.stdout == before.stdout
    assert invoke("status", "-f", str(shipped)).exit_code == 0


def test_file_dash_reads_stdin(repo: Path) -> None:
    listed = git(repo, "show", "HEAD:data/tasks.yaml")
    done = rect(repo / "sub", "--file", "-", "list", "--format", "json", stdin=listed)
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)) == 43
    broken = listed.replace("units: [池北区]", "units: [池北区x]", 1)
    done = rect(repo, "--lang", "en", "--file", "-", "check", "--format", "github", stdin=broken)
    assert done.returncode == 2
    assert done.stdout.startswith("::error file=<stdin>,line=87,col=17::unknown unit")
    done = rect(repo, "--lang", "en", "--file", "-", "mark", "3.2", "done", stdin=listed)
    assert done.returncode == 2
    assert "standard input can only be read" in done.stderr
