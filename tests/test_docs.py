"""The README is checked against the program: commands, reference, sample and CI."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.cli import app
from timeline.cli.app import COMMAND_ORDER as COMMANDS

PROJECT = Path(__file__).parent.parent
README = PROJECT / "README.md"
SAMPLE_ARGS = ("show", "--store", str(PROJECT / "events.yaml"), "--topic", "hostages")
SAMPLE_LINES = 24
runner = CliRunner()


def help_text(*args: str) -> str:
    result = runner.invoke(
        app, [*args, "--help"], prog_name="timeline", env={"COLUMNS": "88"}, terminal_width=88
    )
    assert result.exit_code == 0
    return result.stdout.rstrip() + "\n"


def reference() -> str:
    """The README's command reference, made from each command's --help."""
    parts = ["```text", "$ timeline --help", help_text().rstrip(), "```"]
    for command in COMMANDS:
        parts += ["", "```text", f"$ timeline {command} --help", help_text(command).rstrip(), "```"]
    return "\n".join(parts)


def sample() -> str:
    """The README's sample: the start of a real chronology of the seeds."""
    result = runner.invoke(app, list(SAMPLE_ARGS), env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()[:SAMPLE_LINES]
    command = "timeline " + " ".join(
        a for a in SAMPLE_ARGS if a not in ("--store",) and not a.endswith("events.yaml")
    )
    return "\n".join(["```text", f"$ {command}", *lines, "…", "```"])


def block(name: str) -> str:
    match = re.search(rf"<!-- {name} -->\n(.*?)\n?<!-- /{name} -->", README.read_text(), re.S)
    assert match, f"README has no {name} block"
    return match.group(1).strip()


@pytest.mark.parametrize(("name", "make"), [("reference", reference), ("sample", sample)])
def test_generated_blocks_are_current(name: str, make: object) -> None:
    """UPDATE_README=1 rewrites the block after a reviewed change."""
    fresh = make()
    if os.environ.get("UPDATE_README"):
        text = README.read_text()
        text = re.sub(
            rf"(<!-- {name} -->\n).*?(<!-- /{name} -->)",
            lambda m: m.group(1) + fresh + "\n" + m.group(2),
            text,
            flags=re.S,
        )
        README.write_text(text)
    assert block(name) == fresh.strip()


def test_every_command_is_documented_in_the_readme() -> None:
    """Each command is shown in use before the generated reference."""
    guide = README.read_text().split("## Command reference", 1)[0]
    for command in COMMANDS:
        assert re.search(rf"timeline {command}\b", guide), command


def test_readme_gives_exactly_two_setup_commands_and_ci_runs_the_second() -> None:
    setup = README.read_text().split("## Set up", 1)[1].split("\n## ", 1)[0]
    commands = [c.strip() for c in re.findall(r"```sh\n(.*?)\n\s*```", setup, re.S)]
    assert len(commands) == 2
    assert "timeline extract seeds/" in commands[0] and "timeline show" in commands[0]
    ci = (PROJECT / ".ci" / "run").read_text()
    assert commands[1].strip() in ci.splitlines()
