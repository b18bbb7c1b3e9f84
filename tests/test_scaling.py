"""docs/scaling.md: its Dask example runs as written and gives the store extract gives."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app

PROJECT = Path(__file__).parent.parent
GUIDE = PROJECT / "docs" / "scaling.md"


def python_example() -> str:
    blocks = re.findall(r"```python\n(.*?)```", GUIDE.read_text(), re.S)
    assert len(blocks) == 1, "the guide has one Python example"
    return blocks[0]


def test_the_dask_example_gives_the_store_extract_gives(tmp_path: Path) -> None:
    pytest.importorskip(
        "dask.bag", reason="the dask extra is not installed: pip install -e '.[dask]'"
    )
    shutil.copytree(PROJECT / "benchmarks" / "articles", tmp_path / "articles")
    script = tmp_path / "example.py"
    script.write_text(python_example())
    done = subprocess.run(
        [sys.executable, str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert len((tmp_path / "results.jsonl").read_text().splitlines()) == 4
    runner = CliRunner()
    merged = runner.invoke(app, ["merge", "results.jsonl", "--store", "merged.yaml"])
    assert merged.exit_code == 0, merged.stderr
    runner.invoke(app, ["extract", "articles", "--store", "direct.yaml"])
    assert Path("merged.yaml").read_bytes() == Path("direct.yaml").read_bytes()
