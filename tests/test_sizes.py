"""bin/check-sizes: a module over 300 lines or a function over 60 fails `make lint`; small ones pass."""

import subprocess
import sys
import textwrap
from importlib.machinery import SourceFileLoader
from importlib.util import module_from_spec, spec_from_loader

from tests.conftest import ROOT

SCRIPT = ROOT / "bin" / "check-sizes"
_loader = SourceFileLoader("check_sizes", str(SCRIPT))
check_sizes = module_from_spec(spec_from_loader("check_sizes", _loader))
_loader.exec_module(check_sizes)


def _run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True, timeout=60)


def _function(name: str, body_lines: int, *, decorators: int = 0, indent: str = "") -> str:
    """A function whose def line and body take 1 + body_lines lines, after its decorators."""
    lines = [f"{indent}@staticmethod" for _ in range(decorators)] + [f"{indent}def {name}():"]
    lines += [f"{indent}    x = {i}" for i in range(body_lines)]
    return "\n".join(lines) + "\n"


def test_a_function_over_60_lines_fails_with_its_path_line_and_size(tmp_path):
    """61 lines from `def` to its last line is one too many: reported as path:line: name is N lines."""
    (tmp_path / "long.py").write_text('"""A module."""\n\n\n' + _function("too_long", 60))
    result = _run(tmp_path)
    assert result.returncode == 1
    assert result.stdout == f"{tmp_path / 'long.py'}:4: too_long is 61 lines (limit 60)\n"


def test_a_module_over_300_lines_fails(tmp_path):
    (tmp_path / "big.py").write_text("".join(f"X{i} = {i}\n" for i in range(301)))
    result = _run(tmp_path)
    assert result.returncode == 1
    assert result.stdout == f"{tmp_path / 'big.py'}:1: module is 301 lines (limit 300)\n"


def test_files_within_the_limits_pass(tmp_path):
    """300 lines of module, 60 of function (decorators not counted) and nothing else: exit 0, silent."""
    source = _function("exactly_sixty", 59, decorators=3)
    source += "".join(f"Y{i} = {i}\n" for i in range(300 - source.count("\n")))
    (tmp_path / "fine.py").write_text(source)
    (tmp_path / "empty.py").write_text("")
    result = _run(tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_methods_and_nested_functions_are_named_by_their_place(tmp_path):
    """A long method is `Class.method`; a long inner function is reported, and so is its outer one."""
    source = "class Report:\n" + _function("render", 61, indent="    ")
    source += "def outer():\n" + _function("inner", 61, indent="    ") + "    return inner\n"
    (tmp_path / "nested.py").write_text(source)
    messages = [line.split(": ", 1)[1] for line in _run(tmp_path).stdout.splitlines()]
    assert messages == [
        "Report.render is 62 lines (limit 60)",
        "outer is 64 lines (limit 60)",
        "outer.inner is 62 lines (limit 60)",
    ]


def test_migrations_and_the_virtualenv_are_exempt(tmp_path):
    for folder in ("app/migrations", ".venv/lib"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "generated.py").write_text(_function("operations", 400))
    assert _run(tmp_path).returncode == 0


def test_the_project_walk_takes_git_s_python_files_and_scripts_only(tmp_path):
    """Tracked *.py files and Python scripts of bin/; not migrations, other scripts or untracked files."""
    files = {
        "app/models.py": "X = 1\n",
        "app/migrations/0001_initial.py": "X = 1\n",
        "bin/tool": "#!/usr/bin/env python3\nX = 1\n",
        "bin/backup": "#!/bin/sh\necho\n",
        "README.md": "# Readme\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run(["git", "add", "."], cwd=tmp_path, check=True)
    (tmp_path / "app" / "scratch.py").write_text("X = 1\n")  # not tracked
    found = check_sizes.tracked_python_files(tmp_path)
    assert [path.relative_to(tmp_path).as_posix() for path in found] == ["app/models.py", "bin/tool"]


def test_a_file_that_does_not_parse_fails(tmp_path):
    (tmp_path / "broken.py").write_text(textwrap.dedent("def broken(:\n    pass\n"))
    result = _run(tmp_path)
    assert result.returncode == 1 and "broken.py:1: cannot be parsed" in result.stdout
