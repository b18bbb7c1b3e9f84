"""The installed `timeline` script, run as a user would run it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from timeline import __version__

DATA = Path(__file__).parent / "data"


def timeline_command() -> list[str]:
    script = shutil.which("timeline")
    if script is None:
        pytest.skip("the timeline script is not installed (pip install -e .)")
    return [script]


def test_installed_script_prints_version_and_a_chronology(tmp_path: Path) -> None:
    command = timeline_command()
    shutil.copy(DATA / "store.yaml", tmp_path / "events.yaml")
    version = subprocess.run([*command, "--version"], capture_output=True, text=True, check=True)
    assert version.stdout.strip() == f"timeline {__version__}"
    shown = subprocess.run(
        [*command, "show", "--actor", "Maria Lopez"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert shown.returncode == 0, shown.stderr
    assert "Mayor calls for talks" in shown.stdout
    assert "\x1b[" not in shown.stdout


def test_errors_exit_non_zero_with_one_line_and_no_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [*timeline_command(), "show"], capture_output=True, text=True, cwd=tmp_path
    )
    assert result.returncode == 3
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_python_dash_m_runs_the_same_command(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "timeline", "--version"], capture_output=True, text=True
    )
    assert result.stdout.strip() == f"timeline {__version__}"
