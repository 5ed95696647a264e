"""bin/audit-deps: a reported vulnerability fails CI, a waived one passes, an unreachable database warns.

pip-audit itself is faked (its JSON report), never the network.
"""

import json
import subprocess
import sys
from importlib.machinery import SourceFileLoader
from importlib.util import module_from_spec, spec_from_loader

import pytest

from tests.conftest import ROOT

SCRIPT = ROOT / "bin" / "audit-deps"
_loader = SourceFileLoader("audit_deps", str(SCRIPT))
audit_deps = module_from_spec(spec_from_loader("audit_deps", _loader))
_loader.exec_module(audit_deps)

WAIVERS = audit_deps.parse_waivers(
    "# comment line\nGHSA-aaaa-bbbb-cccc | celery | the affected broker transport is not used | 2026-11-23\n"
)


def _report(*dependencies) -> str:
    return json.dumps({"dependencies": list(dependencies), "fixes": []})


def _vulnerable(name="django", vuln_id="PYSEC-2026-1", aliases=()):
    return {
        "name": name,
        "version": "1.0",
        "vulns": [{"id": vuln_id, "fix_versions": ["1.1"], "aliases": list(aliases), "description": "…"}],
    }


def _clean(name="redis"):
    return {"name": name, "version": "8.1.0", "vulns": []}


def _skipped(name):
    return {"name": name, "skip_reason": f"Dependency not found on PyPI and could not be audited: {name} (1.0)"}


def test_an_unwaived_finding_fails_and_names_the_package_and_the_fix():
    verdict = audit_deps.judge(returncode=1, stdout=_report(_vulnerable(), _clean()), stderr="", waivers=WAIVERS)
    assert verdict.exit_code == 1
    assert any("django 1.0: PYSEC-2026-1" in line and "1.1" in line for line in verdict.lines)


def test_a_finding_waived_by_one_of_its_aliases_passes_and_is_reported_as_waived():
    finding = _vulnerable("celery", "PYSEC-2026-9", aliases=["GHSA-aaaa-bbbb-cccc"])
    verdict = audit_deps.judge(returncode=1, stdout=_report(finding, _clean()), stderr="", waivers=WAIVERS)
    assert verdict.exit_code == 0
    assert any(line.startswith("waived") and "broker transport" in line for line in verdict.lines)


def test_no_finding_passes():
    verdict = audit_deps.judge(returncode=0, stdout=_report(_clean(), _clean("rules")), stderr="", waivers={})
    assert verdict.exit_code == 0 and "2 dependencies audited" in verdict.lines[-1]


@pytest.mark.parametrize(
    "stdout, stderr",
    [
        (_report(_skipped("django"), _skipped("celery")), ""),  # the vulnerability service answered nothing
        ("", "requests.exceptions.ConnectionError: Max retries exceeded with url: /pypi/django/json"),
    ],
)
def test_an_unreachable_database_warns_plainly_without_failing(stdout, stderr):
    verdict = audit_deps.judge(returncode=0 if stdout else 1, stdout=stdout, stderr=stderr, waivers={})
    assert verdict.exit_code == 0
    assert verdict.lines == ["pip-audit: vulnerability database unreachable, dependencies NOT audited"]


def test_dependencies_left_unaudited_are_listed_and_findings_still_fail():
    verdict = audit_deps.judge(
        returncode=1, stdout=_report(_vulnerable(), _skipped("private-lib")), stderr="", waivers={}
    )
    assert verdict.exit_code == 1
    assert "pip-audit: 1 dependencies NOT audited (private-lib)" in verdict.lines


def test_pip_audit_crashing_fails():
    verdict = audit_deps.judge(returncode=2, stdout="", stderr="ResolutionImpossible: no version of x", waivers={})
    assert verdict.exit_code == 2 and "ResolutionImpossible" in verdict.lines[-1]


def test_a_waiver_without_its_reason_or_date_is_refused():
    with pytest.raises(ValueError, match="line 1"):
        audit_deps.parse_waivers("GHSA-aaaa-bbbb-cccc | celery\n")


FAKE_PIP_AUDIT = """
import json, sys
args = sys.argv[1:]
ignored = {args[i + 1] for i, a in enumerate(args) if a == "--ignore-vuln"}
vuln = {"id": "GHSA-aaaa-bbbb-cccc", "fix_versions": ["9"], "aliases": []}
vulns = [] if vuln["id"] in ignored else [vuln]
print(json.dumps({"dependencies": [{"name": "celery", "version": "5.7.0", "vulns": vulns}], "fixes": []}))
sys.exit(1 if vulns else 0)
"""


@pytest.mark.parametrize("waived, exit_code", [(True, 0), (False, 1)])
def test_the_script_passes_waivers_to_pip_audit_as_ignore_vuln(tmp_path, waived, exit_code):
    fake = tmp_path / "fake_pip_audit.py"
    fake.write_text(FAKE_PIP_AUDIT)
    waivers = tmp_path / "waivers.txt"
    waivers.write_text("GHSA-aaaa-bbbb-cccc | celery | not affected | 2026-11-23\n" if waived else "")
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "requirements.txt"],
        env={"PIP_AUDIT": f"{sys.executable} {fake}", "AUDIT_WAIVERS": str(waivers), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == exit_code, result.stdout + result.stderr
    assert ("GHSA-aaaa-bbbb-cccc" in result.stderr) is not waived
    if waived:  # pip-audit was told to ignore it (--ignore-vuln), so it reported nothing to waive
        assert "1 dependencies audited, no known vulnerability left unwaived" in result.stdout
        assert "waived   celery" not in result.stdout
