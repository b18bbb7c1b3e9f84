"""Score the event extractor against the gold chronologies, beside a naive baseline.

The extractor runs as the real pipeline does: each document is read with the
publication date it finds itself, and whether that date agrees with the gold is shown
on its own line. The baseline is what a user would script in a few lines: split the
raw text into sentences, keep every sentence in which dateparser finds a date (resolved
against the true publication date), date it by the first one, at day precision.

Example:
    python benchmarks/events_score.py --gold seeds --errors
    python benchmarks/events_score.py --tiny --json
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from event_matching import (
    Candidate,
    DocumentScore,
    Figures,
    GoldDocument,
    GoldError,
    Quote,
    load_gold,
    score_document,
)

ROOT = Path(__file__).resolve().parent.parent
GOLD_FILES = {
    "seeds": ROOT / "benchmarks" / "gold" / "seeds.yaml",
    "articles": ROOT / "benchmarks" / "gold" / "articles.yaml",
}
EXIT_NO_EXTRACTOR = 3
EXIT_BAD_GOLD = 2
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")
QUOTE_WIDTH = 90


@dataclass
class Extractor:
    """The pipeline pieces the score needs, loaded once."""

    read_document: Callable[..., Any]
    estimate_published: Callable[[list[Any]], None]
    extract_events: Callable[..., list[Any]]
    lexicon: Any


@dataclass
class DocumentRun:
    """Both systems' scores on one document, and the publication date ours found."""

    gold: GoldDocument
    baseline: DocumentScore
    ours: DocumentScore | None = None
    found_published: date | None = None
    published_from: str | None = None

    @property
    def published_right(self) -> bool:
        return self.gold.accepts_published(self.found_published)


class ExtractorMissing(RuntimeError):
    """The timeline extractor modules cannot be imported yet."""


def load_extractor() -> Extractor:
    """Import the document reader, the extractor and the lexicon, or say what is missing."""
    try:
        documents = importlib.import_module("timeline.documents")
        events = importlib.import_module("timeline.events")
        lexicon = importlib.import_module("timeline.lexicon")
        pieces = (
            documents.read_document,
            documents.estimate_publication_dates,
            events.extract_events,
            lexicon.Lexicon,
        )
    except (ImportError, AttributeError) as error:
        raise ExtractorMissing(
            f"the extractor is not importable yet ({error}); "
            "run with --baseline-only for the baseline's figures"
        ) from error
    read_document, estimate, extract_events, lexicon_class = pieces
    return Extractor(read_document, estimate, extract_events, lexicon_class.load())


# ---- turning each system's output into candidates --------------------------------------


def candidates_from_events(events: Sequence[Any], document: Any) -> list[Candidate]:
    """Our events for one document, each with the sources it has in that document."""
    candidates = []
    for event in events:
        sources = [s for s in event.sources if s.document == document.id] or list(event.sources)
        quotes = tuple(
            Quote(s.quote, s.expression, _quote_start(document.text, s)) for s in sources
        )
        candidates.append(
            Candidate(
                date=event.date,
                precision=event.precision,
                quotes=quotes,
                actors=tuple(event.actors),
                topics=tuple(event.topics),
                title=event.title,
            )
        )
    return candidates


def _quote_start(text: str, source: Any) -> int | None:
    """Where a source's quote starts in the document text, whether `offset` marks the
    quote or its dating expression; None when the quote cannot be found."""
    offset = source.offset
    if 0 <= offset and text.startswith(source.quote, offset):
        return offset
    inside = source.quote.find(source.expression)
    if inside >= 0 and 0 <= offset - inside and text.startswith(source.quote, offset - inside):
        return offset - inside
    found = text.find(source.quote)
    return found if found >= 0 else None


def naive_sentences(text: str) -> list[tuple[int, str]]:
    """Sentences as a quick script cuts them: at . ! ? followed by space, and at newlines."""
    sentences = []
    position = 0
    for piece in SENTENCE_BREAK.split(text):
        start = text.find(piece, position)
        position = start + len(piece)
        if piece.strip():
            sentences.append((start, piece))
    return sentences


def baseline_candidates(text: str, published: date) -> list[Candidate]:
    """One event per sentence in which dateparser finds a date: the first date, day precision.

    dateparser is a test dependency only, so it is imported here, not with the module.
    """
    from dateparser.search import search_dates

    settings = {
        "RELATIVE_BASE": datetime(published.year, published.month, published.day),
        "PREFER_DATES_FROM": "past",
    }
    candidates = []
    for start, sentence in naive_sentences(text):
        found = search_dates(sentence, languages=["en"], settings=settings)
        if found:
            expression, moment = found[0]
            candidates.append(
                Candidate(
                    date=moment.date().isoformat(),
                    precision="day",
                    quotes=(Quote(sentence, expression, start),),
                )
            )
    return candidates


# ---- running ---------------------------------------------------------------------------


def run_corpus(golds: Sequence[GoldDocument], extractor: Extractor | None) -> list[DocumentRun]:
    """Score the baseline, and ours when the extractor is there, on a corpus's documents.

    Ours reads the corpus together, as `timeline extract` does, so an undated document
    gets the publication date the reader estimates from the others.
    """
    runs = [run_baseline(gold) for gold in golds]
    if extractor is None:
        return runs
    documents = [extractor.read_document(ROOT / gold.path) for gold in golds]
    extractor.estimate_published(documents)
    for run, document in zip(runs, documents, strict=True):
        events = extractor.extract_events(document, extractor.lexicon)
        candidates = candidates_from_events(events, document)
        run.ours = score_document(run.gold, candidates, document.blocks)
        run.found_published = document.published
        run.published_from = document.published_from
    return runs


def run_baseline(gold: GoldDocument) -> DocumentRun:
    """Score the baseline on one document, read raw."""
    raw = (ROOT / gold.path).read_text(encoding="utf-8")
    return DocumentRun(gold, score_document(gold, baseline_candidates(raw, gold.published)))


def select_corpora(which: str, tiny: bool) -> list[list[GoldDocument]]:
    """The gold documents to score, one list per gold file, or only the shortest document."""
    names = list(GOLD_FILES) if which == "all" else [which]
    corpora = [load_gold(GOLD_FILES[name]) for name in names]
    if tiny:
        documents = [document for corpus in corpora for document in corpus]
        return [[min(documents, key=lambda document: (ROOT / document.path).stat().st_size)]]
    return corpora


def total(scores: Sequence[DocumentScore | None]) -> Figures | None:
    """The figures of several documents added up, None when a system did not run."""
    if any(score is None for score in scores):
        return None
    figures = Figures()
    for score in scores:
        figures = figures + score.figures
    return figures


# ---- reporting -------------------------------------------------------------------------


def _ratio(part: float, whole: int) -> str:
    return f"{part:g}/{whole} {part / whole:4.0%}" if whole else f"{part:g}/0   -"


def _mean(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


ROW_NAMES = (
    "gold events",
    "extracted",
    "found (recall, required)",
    "found (optional)",
    "precision",
    "right date (of found)",
    "right precision (of found)",
    "duplicated gold events",
    "non-events extracted",
    "actors / topics (Jaccard)",
)


def figure_rows(figures: Figures | None) -> list[str]:
    """One system's column, a cell per line of the table."""
    if figures is None:
        return ["not run"] + [""] * (len(ROW_NAMES) - 1)
    ratios = figures.ratios()
    return [
        f"{figures.gold} ({figures.required} required)",
        str(figures.extracted),
        _ratio(figures.found_required, figures.required),
        f"{figures.found_optional}/{figures.gold - figures.required}",
        _ratio(figures.matched_extracted, figures.extracted),
        _ratio(figures.date_right, figures.found),
        _ratio(figures.precision_right, figures.found),
        str(figures.duplicates),
        str(figures.non_events),
        f"{_mean(ratios['actors'])} / {_mean(ratios['topics'])}",
    ]


def table(ours: Figures | None, baseline: Figures) -> list[str]:
    """Ours and the baseline side by side."""
    lines = [f"  {'':28}{'ours':24}baseline"]
    for name, mine, theirs in zip(ROW_NAMES, figure_rows(ours), figure_rows(baseline), strict=True):
        lines.append(f"  {name:28}{mine:24}{theirs}")
    return lines


def published_line(run: DocumentRun) -> str:
    """Whether our reader found the publication date the gold gives."""
    if run.ours is None:
        return f"  publication date: gold {run.gold.published} (extractor not run)"
    verdict = "right" if run.published_right else "WRONG"
    found = run.found_published or "none"
    return (
        f"  publication date: gold {run.gold.published}, "
        f"found {found} ({run.published_from}): {verdict}"
    )


def _clip(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= QUOTE_WIDTH else flat[: QUOTE_WIDTH - 1] + "…"


def error_lines(score: DocumentScore) -> list[str]:
    """Missed gold events, false events, wrong dates, duplicates and non-events."""
    lines = []
    for event in score.missed:
        kind = "missed" if event.required else "missed (optional)"
        lines.append(f"    {kind}: {event.date} [{event.match}] {event.what}")
    for event, cand in score.wrong_dates:
        lines.append(f"    wrong date: {cand.date} for {event.date} [{event.match}]")
    for event, cand in score.duplicates:
        lines.append(f"    duplicate: {cand.date} of [{event.match}]: {_clip(_first_quote(cand))}")
    for cand, reason in score.non_event_hits:
        lines.append(f"    non-event ({reason}): {cand.date}: {_clip(_first_quote(cand))}")
    for cand in score.false:
        lines.append(
            f"    false: {cand.date} ({cand.quotes[0].expression if cand.quotes else ''}): "
            f"{_clip(_first_quote(cand))}"
        )
    return lines


def _first_quote(candidate: Candidate) -> str:
    return candidate.quotes[0].text if candidate.quotes else candidate.title


def report(runs: Sequence[DocumentRun], errors: bool) -> str:
    """The human-readable report: per document, then overall."""
    lines = [
        "Event extraction against gold chronologies",
        "baseline: one event per sentence in which dateparser finds a date",
        "",
    ]
    for run in runs:
        lines += [run.gold.path, published_line(run)]
        lines += table(run.ours and run.ours.figures, run.baseline.figures)
        if errors:
            shown = run.ours or run.baseline
            lines.append(f"  errors ({'ours' if run.ours else 'baseline'}):")
            lines += error_lines(shown) or ["    none"]
        lines.append("")
    lines.append(f"Overall, {len(runs)} documents")
    if runs[0].ours is not None:
        right = sum(run.published_right for run in runs)
        lines.append(f"  publication date right: {right}/{len(runs)}")
    lines += table(total([run.ours for run in runs]), total([run.baseline for run in runs]))
    return "\n".join(lines)


def as_json(runs: Sequence[DocumentRun], which: str) -> dict[str, Any]:
    """The same figures, machine-readable."""
    ours_total = total([run.ours for run in runs])
    return {
        "gold": which,
        "documents": [
            {
                "path": run.gold.path,
                "gold_published": run.gold.published.isoformat(),
                "found_published": run.found_published and run.found_published.isoformat(),
                "published_from": run.published_from,
                "published_right": run.published_right if run.ours else None,
                "ours": run.ours and run.ours.figures.as_dict(),
                "baseline": run.baseline.figures.as_dict(),
            }
            for run in runs
        ],
        "overall": {
            "documents": len(runs),
            "published_right": sum(run.published_right for run in runs) if ours_total else None,
            "ours": ours_total and ours_total.as_dict(),
            "baseline": total([run.baseline for run in runs]).as_dict(),
        },
    }


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", choices=["seeds", "articles", "all"], default="all")
    parser.add_argument("--json", action="store_true", help="print figures as JSON")
    parser.add_argument("--tiny", action="store_true", help="score only the shortest document")
    parser.add_argument("--errors", action="store_true", help="list every scoring error")
    parser.add_argument(
        "--baseline-only", action="store_true", help="score the baseline without the extractor"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    try:
        corpora = select_corpora(arguments.gold, arguments.tiny)
        extractor = None if arguments.baseline_only else load_extractor()
    except GoldError as error:
        print(f"events_score: bad gold file: {error}", file=sys.stderr)
        return EXIT_BAD_GOLD
    except ExtractorMissing as error:
        print(f"events_score: {error}", file=sys.stderr)
        return EXIT_NO_EXTRACTOR
    runs = [run for corpus in corpora for run in run_corpus(corpus, extractor)]
    if arguments.json:
        print(json.dumps(as_json(runs, arguments.gold), indent=2))
    else:
        print(report(runs, arguments.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
