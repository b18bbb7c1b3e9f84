"""The accuracy benchmarks as floors: the figures they reach now must not drop.

Raise a floor when the extractor improves; never lower one to make a change pass.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"
SCORER = BENCHMARKS / "events_score.py"
TEMPEVAL_DATA = Path(__file__).parent.parent.parent / "shared" / "benchmarks" / "tempeval3-platinum"
TEMPEVAL_FLOORS = {"overall": 0.86, "date": 0.89}
FLOORS = {
    "seeds": {"recall": 1.0, "precision": 0.97, "date_share": 1.0, "actors": 0.72,
              "topics": 0.69},
    "articles": {"recall": 0.98, "precision": 1.0, "date_share": 1.0, "actors": 0.65,
                 "topics": 0.55},
}  # fmt: skip
CEILINGS = {
    "seeds": {"non_events": 0, "duplicates": 0},
    "articles": {"non_events": 0, "duplicates": 0},
}


@pytest.mark.parametrize("gold", sorted(FLOORS))
def test_event_figures_stay_at_or_above_their_floor(gold: str) -> None:
    done = subprocess.run(
        [sys.executable, str(SCORER), "--json", "--gold", gold],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    ours = json.loads(done.stdout)["overall"]["ours"]
    for name, floor in FLOORS[gold].items():
        assert ours[name] >= floor, (name, ours[name])
    for name, ceiling in CEILINGS[gold].items():
        assert ours[name] <= ceiling, (name, ours[name])


def test_tempeval_value_f1_stays_at_or_above_its_floor() -> None:
    if not TEMPEVAL_DATA.is_dir():
        pytest.skip(f"the TempEval-3 data is not at {TEMPEVAL_DATA}")
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "tempeval3.py"), "--no-heideltime", "--json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    ours = json.loads(done.stdout)["systems"][0]
    for part, floor in TEMPEVAL_FLOORS.items():
        assert ours[part]["scores"]["value_f1"] >= floor, (part, ours[part]["scores"])
