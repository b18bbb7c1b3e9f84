"""Shared fixtures: every test runs in its own folder, never in the user's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
PROJECT = Path(__file__).parent.parent


@pytest.fixture(autouse=True)
def isolated_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in a temporary folder so the default ./events.yaml is never the user's."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("COLUMNS", "80")
    return tmp_path


@pytest.fixture
def fixture_store(tmp_path: Path) -> Path:
    """A copy of the hand-written test store, as ./events.yaml."""
    target = tmp_path / "events.yaml"
    shutil.copy(DATA / "store.yaml", target)
    return target


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """A copy of the seed documents in ./seeds."""
    target = tmp_path / "seeds"
    shutil.copytree(PROJECT / "seeds", target)
    return target
