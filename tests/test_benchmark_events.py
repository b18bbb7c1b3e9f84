"""The event benchmark: gold files, the matcher and its figures, and one-document runs."""

from __future__ import annotations

import importlib
import importlib.util
import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.model import Block, Event, Source

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT / "benchmarks"
SCRIPT = BENCHMARKS / "events_score.py"


def _load(name: str) -> ModuleType:
    """Load a benchmark module by path; benchmarks/ is scripts, not a package."""
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


matching = _load("event_matching")
score_script = _load("events_score")
GoldEvent = matching.GoldEvent
GoldDocument = matching.GoldDocument
NonEvent = matching.NonEvent
Candidate = matching.Candidate
Quote = matching.Quote


def gold_event(day: str, precision: str, match: str, required: bool = True, **more) -> GoldEvent:
    return GoldEvent(
        date=day, precision=precision, match=match, what=match, required=required, **more
    )


def candidate(day: str, quote: str, expression: str, precision: str = "day", **more) -> Candidate:
    return Candidate(date=day, precision=precision, quotes=(Quote(quote, expression),), **more)


def gold_document(events, non_events=()) -> GoldDocument:
    return GoldDocument(
        path="made/up.txt",
        title="made up",
        published=date(2023, 5, 5),
        published_window=(date(2023, 5, 5), date(2023, 5, 6)),
        published_how="by hand",
        events=tuple(events),
        non_events=tuple(non_events),
    )


# ---- the matcher and the figures -----------------------------------------------------

HAND_GOLD = gold_document(
    [
        gold_event("2023-05-02", "day", "signed the accord", actors=("Chile", "Peru")),
        gold_event(
            "2023-05", "month", "talks collapsed", actors=("Chile",), topics=("statements",)
        ),
        gold_event("2023-05-01", "day", "minister arrived", required=False),
        gold_event("2023-W18", "week", "farmers protested"),
    ],
    [NonEvent("Posted May 3, 2023", "byline")],
)

HAND_CANDIDATES = [
    candidate(
        "2023-05-02",
        "The two sides signed the accord on Tuesday.",
        "on Tuesday",
        actors=("Chile", "Peru"),
    ),
    candidate(
        "2023-05-02", "In Lima on Tuesday, the ministers finally Signed the Accord.", "on Tuesday"
    ),
    candidate(
        "2023-05-03",
        "Talks collapsed early in May, a spokesman said.",
        "early in May",
        actors=("Chile", "Bolivia"),
        topics=("statements",),
    ),
    candidate("2023-05-01", "The minister arrived on Monday.", "on Monday"),
    candidate("2023-05-03", "Posted May 3, 2023", "May 3, 2023"),
    candidate("2023-05-04", "The weather was fine on Thursday.", "on Thursday"),
]


def test_hand_made_figures_are_exact():
    score = matching.score_document(HAND_GOLD, HAND_CANDIDATES)
    figures = score.figures
    assert (figures.gold, figures.required, figures.extracted) == (4, 3, 6)
    assert (figures.found_required, figures.found_optional) == (2, 1)
    assert figures.matched_extracted == 4
    assert (figures.date_right, figures.precision_right) == (2, 2)
    assert figures.duplicates == 1
    assert figures.non_events == 1
    # actors: 1 (same pair) + 1/2 (Chile of Chile and Bolivia) + 1 (both empty)
    assert figures.actors_sum == pytest.approx(2.5)
    # topics: 1 (none on either side) + 1 (statements) + 1
    assert figures.topics_sum == pytest.approx(3.0)
    ratios = figures.ratios()
    assert ratios["recall"] == pytest.approx(2 / 3)
    assert ratios["precision"] == pytest.approx(4 / 6)
    assert ratios["date_share"] == pytest.approx(2 / 3)
    assert figures.as_dict()["date_right"] == 2


def test_hand_made_errors_name_what_went_wrong():
    score = matching.score_document(HAND_GOLD, HAND_CANDIDATES)
    assert [event.match for event in score.missed] == ["farmers protested"]
    assert [cand.date for cand in score.false] == ["2023-05-03", "2023-05-04"]
    assert [(event.match, cand.quotes[0].text) for event, cand in score.duplicates] == [
        ("signed the accord", "In Lima on Tuesday, the ministers finally Signed the Accord.")
    ]
    assert [(event.match, cand.date) for event, cand in score.wrong_dates] == [
        ("talks collapsed", "2023-05-03")
    ]
    assert [reason for _, reason in score.non_event_hits] == ["byline: 'Posted May 3, 2023'"]


def test_match_words_may_come_in_any_order_and_across_curly_quotes():
    event = gold_event("2023-05-02", "day", "minister's accord signed")
    found = candidate("2023-05-02", "The accord was signed by the minister\u2019s deputy.", "")
    assert matching.matching_quote(event, found) is not None
    assert (
        matching.matching_quote(event, candidate("2023-05-02", "The accord was signed.", ""))
        is None
    )


def test_two_events_in_one_sentence_go_to_the_candidates_with_their_dates():
    sentence = "Yesterday evening the cabinet approved fuel, the minister told reporters on Friday."
    document = gold_document(
        [
            gold_event("2023-11-16", "day", "cabinet approved"),
            gold_event("2023-11-17", "day", "minister told reporters"),
        ]
    )
    friday = candidate("2023-11-17", sentence, "on Friday")
    evening = candidate("2023-11-16", sentence, "Yesterday evening")
    score = matching.score_document(document, [friday, evening])
    assert [(event.match, cand.date) for event, cand in score.pairs] == [
        ("cabinet approved", "2023-11-16"),
        ("minister told reporters", "2023-11-17"),
    ]
    alone = matching.score_document(document, [friday])
    assert [event.match for event in alone.missed] == ["cabinet approved"]
    assert alone.figures.date_right == 1


def test_a_real_event_beside_a_byline_is_no_non_event_unless_dated_by_it():
    document = gold_document(
        [gold_event("2023-05-01", "day", "minister arrived")],
        [NonEvent("Posted May 3, 2023", "byline")],
    )
    quote = "Posted May 3, 2023 The minister arrived on Monday."
    dated_right = candidate("2023-05-01", quote, "on Monday")
    dated_by_byline = candidate("2023-05-03", quote, "May 3, 2023")
    assert matching.score_document(document, [dated_right]).figures.non_events == 0
    assert matching.score_document(document, [dated_by_byline]).figures.non_events == 1


def test_an_expression_in_a_furniture_block_is_a_non_event_but_not_in_a_post():
    text = "Body text. Jane - May 4, 2023 9:10 am"
    comment_at = text.index("Jane")
    found = Candidate(
        date="2023-05-04",
        precision="day",
        quotes=(Quote("Jane - May 4, 2023 9:10 am", "May 4, 2023", comment_at),),
    )
    document = gold_document([])
    in_comment = [Block(0, comment_at, "body"), Block(comment_at, len(text), "comment")]
    in_post = [Block(0, comment_at, "body"), Block(comment_at, len(text), "post")]
    assert matching.score_document(document, [found], in_comment).non_event_hits[0][1] == (
        "dated in a comment block"
    )
    assert matching.score_document(document, [found], in_post).figures.non_events == 0


def test_one_event_stands_for_every_mention_of_its_happening():
    document = gold_document(
        [
            gold_event("2023-05-01", "day", "freed two", happening="release"),
            gold_event("2023-05-01", "day", "agreed to release", happening="release"),
            gold_event("2023-05-01", "day", "met the envoy"),
        ]
    )
    joined = Candidate(
        date="2023-05-01",
        precision="day",
        quotes=(
            Quote("The rebels freed two on Monday.", "Monday"),
            Quote("On May 1 they agreed to release them.", "May 1"),
        ),
    )
    envoy = candidate("2023-05-01", "He met the envoy on Monday.", "Monday")
    score = matching.score_document(document, [joined, envoy])
    assert score.figures.found == 3 and score.figures.duplicates == 0
    assert not score.missed


def test_topics_outside_the_gold_vocabulary_are_not_judged():
    document = gold_document([gold_event("2023-05-01", "day", "freed", topics=("hostages",))])
    found = candidate("2023-05-01", "They freed them.", "", topics=("hostages", "courts and legal"))
    assert matching.score_document(document, [found]).figures.topics_sum == 1.0


def test_jaccard_of_names():
    assert matching.jaccard([], []) == 1.0
    assert matching.jaccard(["Qatar"], []) == 0.0
    assert matching.jaccard(["Qatar", "Egypt"], ["qatar"]) == 0.5


def test_figures_add_up_and_have_no_ratio_without_a_denominator():
    empty = matching.Figures()
    assert empty.ratios()["recall"] is None
    both = matching.score_document(HAND_GOLD, HAND_CANDIDATES).figures + empty
    assert both.found == 3
    assert both.as_dict()["found"] == 3


small_text = st.text(alphabet="abc ", max_size=12)


@settings(max_examples=60, deadline=None)
@given(
    matches=st.lists(st.sampled_from(["a", "b", "c", "a b", "b c"]), max_size=5),
    quotes=st.lists(small_text, max_size=6),
    days=st.lists(st.sampled_from(["2023-05-01", "2023-05-02"]), min_size=6, max_size=6),
)
def test_matching_never_pairs_anything_twice(matches, quotes, days):
    document = gold_document(
        [
            gold_event("2023-05-01", "day", match, required=n % 2 == 0)
            for n, match in enumerate(matches)
        ]
    )
    candidates = [candidate(days[n], quote, "") for n, quote in enumerate(quotes)]
    score = matching.score_document(document, candidates)
    paired = [id(cand) for _, cand in score.pairs]
    assert len(paired) == len(set(paired))
    figures = score.figures
    assert figures.found == len(score.pairs) <= min(figures.gold, figures.matched_extracted)
    assert figures.matched_extracted + len(score.false) == figures.extracted
    assert figures.duplicates <= figures.found


# ---- the gold files ------------------------------------------------------------------

GOLD_FILES = sorted((BENCHMARKS / "gold").glob("*.yaml"))
GOLD_DOCUMENTS = [
    pytest.param(document, id=document.path)
    for path in GOLD_FILES
    for document in matching.load_gold(path)
]


def test_both_gold_files_are_there():
    assert [path.name for path in GOLD_FILES] == ["articles.yaml", "seeds.yaml"]
    assert len(GOLD_DOCUMENTS) == 9


@pytest.mark.parametrize("document", GOLD_DOCUMENTS)
def test_every_match_and_non_event_occurs_in_its_document(document):
    text = matching.normalise((ROOT / document.path).read_text(encoding="utf-8"))
    for event in document.events:
        assert matching.normalise(event.match) in text, event.match
        assert matching.event_problems(event) == [], event.match
    for non_event in document.non_events:
        assert matching.normalise(non_event.text) in text, non_event.text


@pytest.mark.parametrize("document", GOLD_DOCUMENTS)
def test_every_document_has_required_events_and_a_reasoned_date(document):
    assert any(event.required for event in document.events)
    assert document.non_events
    assert document.published_how
    assert document.accepts_published(document.published)


def test_a_happening_key_is_shared_by_events_that_can_be_merged():
    members: dict[str, list[str]] = {}
    for param in GOLD_DOCUMENTS:
        for event in param.values[0].events:
            if event.happening:
                members.setdefault(event.happening, []).append(event.date)
    assert len(members["oct7-attack"]) == 7
    assert set(members["oct7-attack"]) == {"2023-10-07"}
    assert set(members["raanan-release"]) == {"2023-10-20", "2023-10-23"}


def test_a_bad_gold_file_is_refused_with_every_problem(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "documents:\n"
        "  - path: x.txt\n"
        "    published: '2024-13-01'\n"
        "    events:\n"
        "      - {date: '2024-03', precision: day, match: talks, what: w, required: true}\n"
        "      - {date: '2024-03-01', precision: day, match: talks, what: w, topics: [sport]}\n",
        encoding="utf-8",
    )
    with pytest.raises(matching.GoldError) as caught:
        matching.load_gold(bad)
    message = str(caught.value)
    assert "'2024-13-01' is not a YYYY-MM-DD date" in message
    assert "date '2024-03' is not of day form" in message
    assert "unknown topic 'sport'" in message
    assert "required must be true or false" in message


# ---- the baseline and the script -----------------------------------------------------


def test_naive_sentences_keep_their_offsets():
    text = "Talks ended. The envoy left on Friday!\n\nA new round? Maybe in May."
    sentences = score_script.naive_sentences(text)
    assert [sentence for _, sentence in sentences] == [
        "Talks ended.",
        "The envoy left on Friday!",
        "A new round?",
        "Maybe in May.",
    ]
    assert all(text[start : start + len(sentence)] == sentence for start, sentence in sentences)


def test_baseline_dates_the_first_date_of_each_sentence_against_the_true_publication():
    text = "The envoy left on Friday. Nothing else happened here."
    found = score_script.baseline_candidates(text, date(2024, 3, 7))
    assert [(cand.date, cand.precision, cand.quotes[0].expression) for cand in found] == [
        ("2024-03-01", "day", "on Friday")
    ]


def test_missing_extractor_is_reported_with_a_way_out(monkeypatch):
    def refuse(name):
        raise ImportError(f"No module named {name!r}")

    monkeypatch.setattr(score_script, "importlib", SimpleNamespace(import_module=refuse))
    with pytest.raises(score_script.ExtractorMissing, match="--baseline-only"):
        score_script.load_extractor()


def test_a_bad_gold_file_stops_the_script(tmp_path, monkeypatch, capsys):
    bad = tmp_path / "seeds.yaml"
    bad.write_text("documents: []\n", encoding="utf-8")
    monkeypatch.setitem(score_script.GOLD_FILES, "seeds", bad)
    assert score_script.main(["--gold", "seeds", "--baseline-only"]) == score_script.EXIT_BAD_GOLD
    assert "bad gold file" in capsys.readouterr().err


def _seed_gold(name: str) -> GoldDocument:
    documents = matching.load_gold(BENCHMARKS / "gold" / "seeds.yaml")
    return next(document for document in documents if document.path.endswith(name))


def test_our_events_go_through_the_document_path_and_the_report():
    gold = _seed_gold("001_3c6ce62528b1b6a2.txt")
    text = (ROOT / gold.path).read_text(encoding="utf-8")
    sentence = "the truce was extended by two days on Monday"
    caption = "November 28, 2023"
    at, caption_at = text.index(sentence), text.index(caption)
    extension = Event(
        id="e1",
        date="2023-11-27",
        precision="day",
        title="Truce extended",
        actors=["Israel"],
        topics=["truce and ceasefire"],
        # offset given at the dating words: the scorer must still find the quote
        sources=[
            Source("d1", "2023-11-27", "on Monday", sentence, at + sentence.index("on Monday"))
        ],
    )
    photo = Event(
        id="e2",
        date="2023-11-28",
        precision="day",
        title="Caption",
        sources=[Source("d1", "2023-11-28", caption, caption, caption_at)],
    )
    document = SimpleNamespace(
        id="d1",
        text=text,
        blocks=[Block(caption_at, caption_at + len(caption), "credit")],
        published=date(2023, 11, 28),
        published_from="latest dated mention",
    )
    extractor = score_script.Extractor(
        read_document=lambda path: document,
        estimate_published=lambda documents: None,
        extract_events=lambda doc, lexicon: [extension, photo],
        lexicon=None,
    )
    [run] = score_script.run_corpus([gold], extractor)
    figures = run.ours.figures
    assert (figures.found_required, figures.date_right, figures.extracted) == (1, 1, 2)
    assert (figures.actors_sum, figures.topics_sum) == (1.0, 1.0)
    assert run.ours.non_event_hits[0][1] == "dated in a credit block"
    report = score_script.report([run], errors=True)
    assert "found 2023-11-28 (latest dated mention): right" in report
    assert "    missed: 2023-11-28 [was in qatar on tuesday]" in report
    assert score_script.as_json([run], "seeds")["overall"]["published_right"] == 1


def _run_tiny(*options: str) -> dict:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--tiny", "--json", *options],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_tiny_baseline_run():
    figures = _run_tiny("--baseline-only")
    assert len(figures["documents"]) == 1
    baseline = figures["overall"]["baseline"]
    assert baseline["gold"] > 0
    assert 0 <= baseline["recall"] <= 1
    assert figures["overall"]["ours"] is None


def test_tiny_run_of_the_extractor():
    try:
        score_script.load_extractor()
    except score_script.ExtractorMissing as missing:
        pytest.skip(f"extractor not written yet: {missing}")
    figures = _run_tiny()
    ours = figures["overall"]["ours"]
    assert ours is not None
    assert ours["gold"] == figures["overall"]["baseline"]["gold"]
    assert figures["documents"][0]["published_right"] in (True, False)
