"""Speed of `timeline` at archive scale, beside dateparser.search_dates.

Every figure is the wall-clock time of a whole `timeline` process (the installed
script, or `python -m timeline`), the median of several runs, with the peak
resident memory of its largest process. Documents come from corpus.py, so the
same sizes give the same texts on every machine.

Example:
    python benchmarks/speed.py                                  # 100 and 1,000 documents
    python benchmarks/speed.py --sizes 100 1000 10000 --runs 1
    python benchmarks/speed.py --store-sizes 1000 10000 100000
    python benchmarks/speed.py --tiny                           # one pass, seconds
    python benchmarks/speed.py --json                           # figures for machines
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from corpus import make_store, write_corpus

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEEDS_STORE = ROOT / "events.yaml"
DEFAULT_SIZES = (100, 1000)
DEFAULT_STORE_SIZES = (1000, 10_000, 100_000)
DEFAULT_RUNS = 3
DEFAULT_BASELINE_DOCUMENTS = 100
TINY_SIZES, TINY_STORE_SIZES, TINY_BASELINE_DOCUMENTS = (5,), (50,), 1
# Dates resolve against this day in the baseline; it changes what is found, not how fast.
BASELINE_REFERENCE = date(2020, 1, 1)
EVENTS_LINE = re.compile(r"(\d+) events")

# MB of text per CPU-second; seconds for 10,000 unchanged documents, 100,000 events, start-up;
# the speed-up of N workers over one, as a share of N ("near-linear").
TARGETS = {"extract": 2.0, "reextract": 3.0, "show": 2.0, "startup": 0.3, "scaling": 0.8}
# Documents the --workers figure is measured on, at most.
SCALING_DOCUMENTS = 1000


class BenchmarkFailed(Exception):
    """A `timeline` process exited with an error; the message carries its stderr."""


@dataclass
class Timing:
    """A command's median wall and CPU seconds over `runs`, and its peak memory."""

    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    runs: int


@dataclass
class ExtractFigures:
    """Extraction of one corpus size into a new store, then again with nothing changed."""

    documents: int
    megabytes: float
    events: int
    extract: Timing
    reextract: Timing

    @property
    def mb_per_second(self) -> float:
        return self.megabytes / self.extract.seconds

    @property
    def mb_per_cpu_second(self) -> float:
        """Throughput per core: text read per second of CPU over every process."""
        return self.megabytes / self.extract.cpu_seconds


@dataclass
class StoreFigures:
    """Reading a store of `events` events and rendering it as JSON and as markdown."""

    events: int
    megabytes: float
    show_json: Timing
    markdown: Timing


@dataclass
class BaselineFigures:
    """dateparser.search_dates over each naive sentence of a sample, in this process."""

    documents: int
    megabytes: float
    sentences: int
    seconds: float

    @property
    def mb_per_second(self) -> float:
        return self.megabytes / self.seconds


@dataclass
class ScalingFigures:
    """The same documents extracted with one worker and with `workers`, and whether the
    two stores came out byte for byte the same."""

    documents: int
    workers: int
    one: Timing
    many: Timing
    same_store: bool

    @property
    def speedup(self) -> float:
        return self.one.seconds / self.many.seconds


@dataclass
class Report:
    """Every figure of one benchmark run, with the machine and the command measured."""

    machine: dict[str, str]
    command: list[str]
    workers: int | None
    incremental: bool
    extract: list[ExtractFigures] = field(default_factory=list)
    stores: list[StoreFigures] = field(default_factory=list)
    startup: dict[str, Timing] = field(default_factory=dict)
    scaling: ScalingFigures | None = None
    baseline: BaselineFigures | None = None
    baseline_note: str = ""


# --- the machine and the command ------------------------------------------------


def describe_machine() -> dict[str, str]:
    """CPU model, core count and Python version, as the top of the report shows them."""
    model = platform.processor() or "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(errors="replace").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {
        "cpu": model,
        "cores": str(os.cpu_count() or 1),
        "python": platform.python_version(),
        "system": platform.platform(),
    }


def timeline_command() -> list[str]:
    """The installed `timeline` script beside this Python, else `python -m timeline`.

    The script beside the interpreter is preferred to the one on PATH, which may be
    a version manager's wrapper that adds its own start-up time.
    """
    beside = Path(sys.executable).parent / "timeline"
    if beside.is_file() and os.access(beside, os.X_OK):
        return [str(beside)]
    found = shutil.which("timeline")
    return [found] if found else [sys.executable, "-m", "timeline"]


def extract_options(command: list[str], workers: int) -> tuple[list[str], bool]:
    """The options that pick the worker count, and whether re-extraction is incremental."""
    done = subprocess.run(
        [*command, "extract", "--help"], capture_output=True, text=True, check=True
    )
    pool = ["--workers", str(workers)] if "--workers" in done.stdout else []
    return pool, "--force" in done.stdout


# --- timing a process -------------------------------------------------------------


def run_once(command: list[str], cwd: Path) -> tuple[float, float, float, str]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one process, and its stderr.

    `wait4` gives the usage of that process and of the children it waited for
    (a worker pool), so CPU time covers every worker; peak RSS is that of the
    largest single process among them, not their sum.
    """
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        stderr = errors.read().decode("utf-8", errors="replace")
    if process.returncode != 0:
        raise BenchmarkFailed(f"{' '.join(command)} exited {process.returncode}:\n{stderr}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stderr


def measure(
    command: list[str], cwd: Path, runs: int, before: Callable[[], None] | None = None
) -> tuple[Timing, str]:
    """The median of `runs` runs of `command`, calling `before` ahead of each; last stderr."""
    results = []
    for _ in range(runs):
        if before is not None:
            before()
        results.append(run_once(command, cwd))
    timing = Timing(
        seconds=statistics.median(r[0] for r in results),
        cpu_seconds=statistics.median(r[1] for r in results),
        peak_rss_mb=max(r[2] for r in results),
        runs=runs,
    )
    return timing, results[-1][3]


# --- the measures -----------------------------------------------------------------


def megabytes(paths: list[Path]) -> float:
    return sum(path.stat().st_size for path in paths) / 1e6


def corpus_of(size: int, work: Path) -> list[Path]:
    """The generated corpus of `size` documents in `work`, written when first asked for."""
    corpus = work / f"corpus-{size}"
    if corpus.is_dir():
        return sorted(corpus.iterdir())
    return write_corpus(size, corpus)


def extract_into_new_store(extract: list[str], store: Path, runs: int) -> tuple[Timing, str]:
    """Run `extract` (whose store is `store`) `runs` times, the store removed before each."""
    return measure(extract, store.parent, runs, before=lambda: store.unlink(missing_ok=True))


def measure_extract(
    size: int, work: Path, command: list[str], pool: list[str], runs: int
) -> ExtractFigures:
    """Extract `size` documents into a new store `runs` times, then re-extract unchanged."""
    paths = corpus_of(size, work)
    store = work / f"extract-{size}.yaml"
    extract = [*command, "extract", str(paths[0].parent), "--store", str(store), *pool]
    fresh, summary = extract_into_new_store(extract, store, runs)
    again, _ = measure(extract, work, runs)
    found = EVENTS_LINE.search(summary)
    return ExtractFigures(size, megabytes(paths), int(found[1]) if found else 0, fresh, again)


def measure_scaling(
    size: int, work: Path, command: list[str], workers: int, runs: int
) -> ScalingFigures:
    """Extract `size` documents with one worker, then with `workers`, into new stores."""
    corpus = str(corpus_of(size, work)[0].parent)
    timings, stores = [], []
    for count in (1, workers):
        store = work / f"workers-{count}.yaml"
        extract = [*command, "extract", corpus, "--store", str(store), "--workers", str(count)]
        timings.append(extract_into_new_store(extract, store, runs)[0])
        stores.append(store.read_bytes())
    return ScalingFigures(size, workers, *timings, same_store=stores[0] == stores[1])


def measure_store(size: int, work: Path, command: list[str], runs: int) -> StoreFigures:
    """Render a made-up store of `size` events as JSON and as markdown."""
    store = work / f"store-{size}.yaml"
    make_store(size, store)
    show, _ = measure([*command, "show", "--store", str(store), "--format", "json"], work, runs)
    markdown, _ = measure([*command, "markdown", "--store", str(store)], work, runs)
    return StoreFigures(size, megabytes([store]), show, markdown)


def seeds_store(work: Path, command: list[str]) -> Path:
    """The seeds' store at the project root, or one extracted from the seeds if it is missing."""
    if SEEDS_STORE.is_file():
        return SEEDS_STORE
    store = work / "seeds.yaml"
    run_once([*command, "extract", str(SEEDS), "--store", str(store)], work)
    return store


def measure_startup(work: Path, command: list[str], runs: int) -> dict[str, Timing]:
    """Start-up: a bare interpreter as the floor, `--help`, and `show` on the seeds' store."""
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "timeline --help": [*command, "--help"],
        "timeline show (seeds)": [*command, "show", "--store", str(seeds_store(work, command))],
    }
    return {name: measure(argv, work, runs)[0] for name, argv in commands.items()}


def measure_baseline(paths: list[Path]) -> BaselineFigures:
    """Time dateparser.search_dates over each naive sentence of `paths`, after a warm-up.

    It is what events_score.py's baseline does; the first call loads dateparser's
    language data, which is left out of the time.
    """
    from events_score import baseline_candidates, naive_sentences

    texts = [path.read_text(encoding="utf-8") for path in paths]
    baseline_candidates("The talks resumed on Friday.", BASELINE_REFERENCE)
    start = time.perf_counter()
    for text in texts:
        baseline_candidates(text, BASELINE_REFERENCE)
    seconds = time.perf_counter() - start
    sentences = sum(len(naive_sentences(text)) for text in texts)
    return BaselineFigures(len(texts), megabytes(paths), sentences, seconds)


def run_benchmarks(args: argparse.Namespace, work: Path) -> Report:
    command = timeline_command()
    pool, incremental = extract_options(command, args.workers)
    report = Report(describe_machine(), command, args.workers if pool else None, incremental)
    report.startup = measure_startup(work, command, args.runs)
    for size in args.sizes:
        report.extract.append(measure_extract(size, work, command, pool, args.runs))
    if pool and args.sizes and args.workers > 1:
        size = min(args.sizes[-1], SCALING_DOCUMENTS)
        report.scaling = measure_scaling(size, work, command, args.workers, args.runs)
    for size in args.store_sizes:
        report.stores.append(measure_store(size, work, command, args.runs))
    if importlib.util.find_spec("dateparser") is None:
        report.baseline_note = "dateparser is not installed: pip install dateparser"
    elif report.extract:
        corpus = work / f"corpus-{args.sizes[-1]}"
        sample = sorted(corpus.iterdir())[: args.baseline_documents]
        report.baseline = measure_baseline(sample)
    return report


# --- reading the figures ---------------------------------------------------------


def curve(report: Report) -> list[dict[str, float]]:
    """Seconds per corpus size, per document, and per document less start-up time."""
    startup = report.startup["timeline --help"].seconds
    return [
        {
            "documents": f.documents,
            "seconds": f.extract.seconds,
            "seconds_per_document": f.extract.seconds / f.documents,
            "net_seconds_per_document": max(f.extract.seconds - startup, 0.0) / f.documents,
        }
        for f in report.extract
    ]


def linearity(points: list[dict[str, float]]) -> float | None:
    """Net seconds per document at the largest size over that at the smallest: 1 is linear."""
    if len(points) < 2 or points[0]["net_seconds_per_document"] == 0:
        return None
    return points[-1]["net_seconds_per_document"] / points[0]["net_seconds_per_document"]


def at_size(points: list[tuple[int, float]], size: int, startup: float) -> tuple[float, bool]:
    """Seconds at `size`, and whether measured: else the largest size's run scaled linearly.

    Only the time beyond start-up is scaled, so a small run does not lend its
    start-up cost to every document of a large one.
    """
    measured = dict(points)
    if size in measured:
        return measured[size], True
    largest, seconds = max(points)
    return startup + max(seconds - startup, 0.0) * size / largest, False


@dataclass
class TargetCheck:
    """One speed target and the figure held against it."""

    label: str
    value: float
    target: float
    at_most: bool
    estimated: bool = False

    @property
    def met(self) -> bool:
        return self.value < self.target if self.at_most else self.value >= self.target

    def line(self) -> str:
        sign = "<" if self.at_most else "≥"
        estimate = " (linear estimate from the largest size run)" if self.estimated else ""
        verdict = "met" if self.met else "MISSED"
        return (
            f"- {self.label}: {self.value:.3f} (target {sign} {self.target:g}) {verdict}{estimate}"
        )


def target_checks(report: Report) -> list[TargetCheck]:
    """Every target the figures of `report` can be held against."""
    startup = report.startup["timeline --help"].seconds
    checks = []
    if report.extract:
        largest = report.extract[-1]
        label = f"extract MB per CPU-second at {largest.documents} documents"
        checks.append(TargetCheck(label, largest.mb_per_cpu_second, TARGETS["extract"], False))
        points = [(f.documents, f.reextract.seconds) for f in report.extract]
        seconds, measured = at_size(points, 10_000, startup)
        label = "re-extract of 10,000 unchanged documents, s"
        checks.append(TargetCheck(label, seconds, TARGETS["reextract"], True, not measured))
    if report.stores:
        points = [(s.events, s.show_json.seconds) for s in report.stores]
        seconds, measured = at_size(points, 100_000, startup)
        label = "show --format json on 100,000 events, s"
        checks.append(TargetCheck(label, seconds, TARGETS["show"], True, not measured))
    for name in ("timeline --help", "timeline show (seeds)"):
        seconds = report.startup[name].seconds
        checks.append(TargetCheck(f"{name}, s", seconds, TARGETS["startup"], True))
    if report.scaling is not None:
        scaling = report.scaling
        label = f"--workers {scaling.workers} speed-up over one worker ÷ {scaling.workers}"
        checks.append(
            TargetCheck(label, scaling.speedup / scaling.workers, TARGETS["scaling"], False)
        )
    return checks


def table(header: str, rows: list[str]) -> list[str]:
    """A markdown table from its header and rows, cells separated by ` | `."""
    rule = "|" + "---|" * (header.count("|") + 1)
    return [f"| {header} |", rule, *(f"| {row} |" for row in rows)]


def extract_table(report: Report) -> list[str]:
    header = "documents | MB | events | extract s | docs/s | MB/s | MB/CPU-s | peak RSS MB"
    rows = [
        f"{f.documents} | {f.megabytes:.2f} | {f.events} | {f.extract.seconds:.2f} "
        f"| {f.documents / f.extract.seconds:.1f} | {f.mb_per_second:.3f} "
        f"| {f.mb_per_cpu_second:.3f} | {f.extract.peak_rss_mb:.0f} | {f.reextract.seconds:.2f}"
        for f in report.extract
    ]
    return table(f"{header} | re-extract s", rows)


def store_table(report: Report) -> list[str]:
    header = "events | store MB | show --format json s | events/s | markdown s | peak RSS MB"
    rows = [
        f"{s.events} | {s.megabytes:.1f} | {s.show_json.seconds:.2f} "
        f"| {s.events / s.show_json.seconds:.0f} | {s.markdown.seconds:.2f} "
        f"| {max(s.show_json.peak_rss_mb, s.markdown.peak_rss_mb):.0f}"
        for s in report.stores
    ]
    return table(header, rows)


def scaling_lines(report: Report) -> list[str]:
    scaling = report.scaling
    if scaling is None:
        return ["not run: one worker, no --workers option, or no corpus"]
    row = (
        f"{scaling.documents} | {scaling.one.seconds:.2f} | {scaling.many.seconds:.2f} "
        f"| {scaling.speedup:.2f}× | {scaling.many.peak_rss_mb:.0f} "
        f"| {'yes' if scaling.same_store else 'NO'}"
    )
    header = (
        f"documents | 1 worker s | {scaling.workers} workers s | speed-up | peak RSS MB "
        "| same store"
    )
    return table(header, [row])


def startup_table(report: Report) -> list[str]:
    rows = [f"{name} | {t.seconds:.3f} | {t.peak_rss_mb:.0f}" for name, t in report.startup.items()]
    return table("command | s | peak RSS MB", rows)


def curve_lines(report: Report) -> list[str]:
    points = curve(report)
    rows = [
        f"{p['documents']} | {p['seconds']:.2f} | {p['seconds_per_document']:.4f} "
        f"| {p['net_seconds_per_document']:.4f}"
        for p in points
    ]
    ratio = linearity(points)
    shown = "n/a" if ratio is None else f"{ratio:.2f}"
    return [
        *table("documents | s | s/doc | s/doc less start-up", rows),
        "",
        f"linearity (s/doc less start-up, largest ÷ smallest size; 1 is linear): {shown}",
    ]


def format_report(report: Report) -> str:
    """The figures as markdown tables, ready for benchmarks/README.md."""
    machine = report.machine
    workers = f"--workers {report.workers}" if report.workers else "no --workers option"
    rereading = "incremental" if report.incremental else "reads every document"
    sections = [
        [
            f"Machine: {machine['cpu']}, {machine['cores']} cores, Python {machine['python']}, "
            f"{machine['system']}",
            f"Command: {' '.join(report.command)} ({workers}; re-extract {rereading})",
        ],
        ["### extract", "", *extract_table(report)],
        ["### --workers", "", *scaling_lines(report)],
        ["### show and markdown", "", *store_table(report)],
        ["### start-up", "", *startup_table(report)],
        ["### dateparser.search_dates", "", *baseline_lines(report)],
        ["### cost curve", "", *curve_lines(report)],
        ["### targets", "", *(check.line() for check in target_checks(report))],
    ]
    return "\n\n".join("\n".join(section) for section in sections) + "\n"


def baseline_lines(report: Report) -> list[str]:
    base = report.baseline
    if base is None:
        return [report.baseline_note or "not run: no corpus was extracted"]
    lines = [
        f"{base.documents} documents, {base.megabytes:.3f} MB, {base.sentences} sentences: "
        f"{base.seconds:.2f} s in-process, {base.mb_per_second:.4f} MB/s",
    ]
    if report.extract:
        ours = report.extract[-1]
        lines.append(
            f"ours at {ours.documents} documents, whole process: {ours.mb_per_cpu_second:.3f} "
            f"MB/CPU-s = {ours.mb_per_cpu_second / base.mb_per_second:.1f}× dateparser; "
            f"{ours.mb_per_second:.3f} MB/s wall = {ours.mb_per_second / base.mb_per_second:.1f}×"
        )
    return lines


def report_as_json(report: Report) -> str:
    data = asdict(report)
    for figures, item in zip(data["extract"], report.extract, strict=True):
        figures["mb_per_second"] = item.mb_per_second
        figures["mb_per_cpu_second"] = item.mb_per_cpu_second
    if report.baseline is not None:
        data["baseline"]["mb_per_second"] = report.baseline.mb_per_second
    if report.scaling is not None:
        data["scaling"]["speedup"] = report.scaling.speedup
    points = curve(report)
    data["curve"] = {"points": points, "linearity": linearity(points)}
    data["targets"] = [{**asdict(c), "met": c.met} for c in target_checks(report)]
    return json.dumps(data, indent=2, ensure_ascii=False)


# --- command line -----------------------------------------------------------------


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sizes = {"type": int, "nargs": "*"}
    parser.add_argument("--sizes", **sizes, default=list(DEFAULT_SIZES), help="documents")
    parser.add_argument("--store-sizes", **sizes, default=list(DEFAULT_STORE_SIZES), help="events")
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS, help="runs of each command")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="extract pool")
    parser.add_argument(
        "--baseline-documents", type=int, default=DEFAULT_BASELINE_DOCUMENTS, help="dateparser's"
    )
    parser.add_argument("--tiny", action="store_true", help="5 documents, 50 events, one run")
    parser.add_argument("--json", action="store_true", help="figures as JSON")
    args = parser.parse_args(argv)
    if args.tiny:
        args.sizes, args.store_sizes = list(TINY_SIZES), list(TINY_STORE_SIZES)
        args.runs, args.baseline_documents = 1, TINY_BASELINE_DOCUMENTS
    args.sizes.sort()
    args.store_sizes.sort()
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_arguments(argv)
    with tempfile.TemporaryDirectory(prefix="timeline-speed-") as folder:
        try:
            report = run_benchmarks(args, Path(folder))
        except BenchmarkFailed as error:
            print(f"speed.py: {error}", file=sys.stderr)
            return 1
    print(report_as_json(report) if args.json else format_report(report), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
