"""Reading documents: files and folders, decoding, page segmentation, publication dates."""

from __future__ import annotations

import hashlib
import os
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.documents import (
    estimate_publication_dates,
    iter_document_paths,
    load_sources_metadata,
    read_document,
)
from timeline.documents.furniture import date_marks
from timeline.documents.page import segment_page
from timeline.errors import InputError
from timeline.model import PUBLISHED_FROM, Block, Document

DATA = Path(__file__).parent / "data" / "documents"
SEEDS = Path(__file__).parent.parent / "seeds"
KINDS = {
    "body", "byline", "stamp", "banner", "credit", "ad", "comment",
    "footer", "citation", "faq", "post", "caption",
}  # fmt: skip


def block_at(document: Document, fragment: str) -> Block:
    """The block holding the first character of `fragment` in the document's text."""
    offset = document.text.index(fragment)
    return next(b for b in document.blocks if b.start <= offset < b.end)


def kind_at(document: Document, fragment: str) -> str:
    """The kind of the block holding `fragment`."""
    return block_at(document, fragment).kind


def assert_blocks_cover(text: str, blocks: list[Block]) -> None:
    """Blocks run from the first character to the last, in order, without gap or overlap."""
    assert blocks, "a text with words has blocks"
    assert blocks[0].start == 0
    assert blocks[-1].end == len(text)
    for before, after in pairwise(blocks):
        assert before.end == after.start
        assert (before.kind, before.reference) != (after.kind, after.reference)
    assert all(b.start < b.end and b.kind in KINDS for b in blocks)


def write(folder: Path, name: str, content: str | bytes) -> Path:
    """A file of ours in a temporary folder."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# --- a saved news page: banner, byline, credits, adverts, comments, footer ---


@pytest.fixture(scope="module")
def saved_page() -> Document:
    return read_document(DATA / "saved_page.txt")


@pytest.mark.parametrize(
    ("fragment", "kind"),
    [
        ("World | Climate Talks in Focus", "banner"),
        ("Skip to content", "banner"),
        ("Delegates agree on shared river", "body"),
        ("By Henrik Aalto", "byline"),
        ("Updated: 14-09-2021", "byline"),
        ("Officials inspect a gauging station", "caption"),
        ("AFP/Marta Ferreira", "credit"),
        ("Negotiators from the two riverside states", "body"),
        ("Solar kits for every roof", "ad"),
        ("Critics said the plan leaves", "body"),
        ("Subscribe to The River Courier", "banner"),
        ("Get unlimited access", "ad"),
        ("- Cancel anytime", "ad"),
        ("Related stories", "ad"),
        ("Drought forces farmers", "ad"),
        ("Upstream dam nears completion", "ad"),
        ("olga_k September 15, 2021", "comment"),
        ("Let us wait and see", "comment"),
        ("Leave a Reply", "banner"),
        ("The River Courier is an independent news site", "footer"),
        ("© 2021 The River Courier", "footer"),
    ],
)
def test_saved_page_furniture_is_told_from_the_article(
    saved_page: Document, fragment: str, kind: str
) -> None:
    assert kind_at(saved_page, fragment) == kind


def test_saved_page_headline_date_and_comment_references(saved_page: Document) -> None:
    assert saved_page.title == "Delegates agree on shared river monitoring plan"
    assert (saved_page.published, saved_page.published_from) == (date(2021, 9, 14), "byline")
    assert saved_page.warnings == []
    assert block_at(saved_page, "Finally some good news").reference == date(2021, 9, 15)
    assert_blocks_cover(saved_page.text, saved_page.blocks)


def test_text_is_the_file_exactly(saved_page: Document) -> None:
    raw = (DATA / "saved_page.txt").read_bytes()
    assert saved_page.text == raw.decode("utf-8")
    assert saved_page.sha256 == hashlib.sha256(raw).hexdigest()
    assert saved_page.id == "saved_page"


# --- a question-and-answer page: comment stamps, quoted post, citations ---


@pytest.fixture(scope="module")
def questions() -> Document:
    return read_document(DATA / "questions.txt")


@pytest.mark.parametrize(
    ("fragment", "kind"),
    [
        ("Who actually owns the ferry terminal", "body"),
        ("• 3", "comment"),
        ("The port authority's annual report", "comment"),
        ("2 Answers 2", "comment"),
        ("The land belongs to the port authority", "body"),
        ("(Lindqvist & Moreau, 2008, p. 12)", "citation"),
        (". Others disagree", "body"),
        ("(Oyelaran, 2015)", "citation"),
        ("Mayor Ana Ruiz @anaruiz", "post"),
        ("I met yesterday with the port", "post"),
        ("Mayor Ana Ruiz on X", "stamp"),
        ("You must log in", "comment"),
        ("Not the answer you're looking for?", "comment"),
    ],
)
def test_questions_page_kinds(questions: Document, fragment: str, kind: str) -> None:
    assert kind_at(questions, fragment) == kind


def test_citation_block_is_exactly_the_parenthesis(questions: Document) -> None:
    block = block_at(questions, "(Lindqvist")
    assert questions.text[block.start : block.end] == "(Lindqvist & Moreau, 2008, p. 12)"


def test_post_block_resolves_against_the_post_date(questions: Document) -> None:
    assert block_at(questions, "I met yesterday").reference == date(2022, 3, 3)
    assert block_at(questions, "The port authority's annual").reference == date(2022, 3, 4)


def test_questions_page_date_is_bounded_by_its_own_stamps(questions: Document) -> None:
    # Latest day named in full (the quoted post) and not after the first comment.
    assert questions.published == date(2022, 3, 3)
    assert questions.published_from == "latest dated mention"
    assert any("bound" in warning for warning in questions.warnings)
    assert questions.title == "The city council voted to close the old ferry terminal last week."


def test_first_comment_caps_the_latest_mention(tmp_path: Path) -> None:
    page = write(
        tmp_path,
        "capped.txt",
        "The committee met again to review the harbour plans and the dredging costs.\n\n"
        "Its next session was set for a date that was later moved, April 30, 2024.\n\n"
        "The previous session had ended without a vote on March 2, 2024.\n\n"
        "kai_m March 20, 2024 - 8:15 am\n\n"
        "Another meeting, another delay.\n",
    )
    document = read_document(page)
    assert document.published == date(2024, 3, 2)
    assert document.published_from == "latest dated mention"


def test_days_announced_as_future_do_not_bound_the_date(tmp_path: Path) -> None:
    page = write(
        tmp_path,
        "future.txt",
        "The ministers met in Vienna on January 12, 2022 to settle the remaining points.\n\n"
        "A final round will be held in Rome on June 1, 2022 if the drafts are ready.\n",
    )
    assert read_document(page).published == date(2022, 1, 12)


# --- datelines ---


def test_dateline_with_full_date() -> None:
    document = read_document(DATA / "dateline.txt")
    assert (document.published, document.published_from) == (date(2020, 2, 9), "dateline")
    assert document.warnings == []
    assert document.title == "Port workers end strike after pay deal"


def test_dateline_without_year_takes_it_from_the_page(tmp_path: Path) -> None:
    page = write(
        tmp_path,
        "wire.txt",
        "Coalition partners sign budget accord\n\n"
        "OSLO, June 14 (Reuters) - The two coalition partners signed a budget accord on "
        "Friday after weeks of talks that nearly split the government.\n\n"
        "The previous round of talks had collapsed on June 2, 2019 over fuel taxes.\n",
    )
    document = read_document(page)
    assert (document.published, document.published_from) == (date(2019, 6, 14), "dateline")
    assert any("no year" in warning for warning in document.warnings)


def test_all_caps_words_without_agency_or_date_are_not_a_dateline(tmp_path: Path) -> None:
    page = write(
        tmp_path,
        "acronym.txt",
        "NATO — the alliance of thirty-one states — met in Brussels to discuss supplies.\n",
    )
    document = read_document(page)
    assert document.published is None
    assert document.published_from == "unknown"
    assert document.warnings == [
        "no publication date in the page: give one in sources.yaml or with --published"
    ]


# --- top of the page: bylines and stamps ---


@pytest.mark.parametrize(
    ("top", "expected"),
    [
        ("Written by [Maya Lind](#) on April 3, 2022", date(2022, 4, 3)),
        ("Published April 3, 2022, updated April 5, 2022", date(2022, 4, 3)),
        ("date 2022-10-31", date(2022, 10, 31)),
        ("Updated: 20-01-2024 17:57", date(2024, 1, 20)),
        ("Ivo Marek April 3, 2022", date(2022, 4, 3)),
    ],
)
def test_byline_or_stamp_at_the_top_dates_the_page(
    tmp_path: Path, top: str, expected: date
) -> None:
    page = write(
        tmp_path,
        "top.txt",
        f"Harbour fees to rise next spring\n\n{top}\n\n"
        "The port board approved higher fees for cargo ships after a long debate, "
        "citing the cost of repairs to the northern quay.\n",
    )
    document = read_document(page)
    assert (document.published, document.published_from) == (expected, "byline")
    assert kind_at(document, top) in ("byline", "stamp")
    assert document.title == "Harbour fees to rise next spring"


@pytest.mark.parametrize(
    "line",
    [
        "By May 2, 2022, the two sides had already agreed on most points.",
        "By contrast, the smaller parties said nothing about it.",
    ],
)
def test_sentences_starting_with_by_are_not_bylines(tmp_path: Path, line: str) -> None:
    page = write(
        tmp_path,
        "by.txt",
        f"The opposition parties met for a second day of talks in the capital.\n\n{line}\n",
    )
    assert kind_at(read_document(page), line) == "body"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Photo: Lena Ortiz", "credit"),
        ("AP Photo/Sam Okafor", "credit"),
        ("EPA/Jonas Weber", "credit"),
        ("deltaimages/iStock/Getty Images Plus", "credit"),
        ("Additional reporting by Omar Haddad; editing by Ruth Klein", "credit"),
        ("Back to top", "banner"),
        ("Most Read", "banner"),
        ("Advertisement", "ad"),
        ("You might also like", "ad"),
        ("Copyright 2022 Harbour Weekly. All rights reserved.", "footer"),
        ("TL;DR: fees go up, ships may go elsewhere.", "faq"),
        ("© Lena Ortiz/Harbour Weekly", "credit"),
        ("(c) the third condition of the lease applies to the northern quay", "body"),
        ("Ferry deals this weekFerry deals this weekFerry deals this week", "ad"),
        ("Harbour Talks March 3, 2022", "body"),
        ("Blinken arrives March 3, 2022 - 10:45 am", "body"),
    ],
)
def test_furniture_lines_in_the_article(tmp_path: Path, line: str, kind: str) -> None:
    page = write(
        tmp_path,
        "lines.txt",
        "Harbour fees to rise next spring\n\n"
        "The port board approved higher fees for cargo ships after a long debate.\n\n"
        f"{line}\n\n"
        "Shipping lines said they would study the new tariff before deciding on routes.\n",
    )
    assert kind_at(read_document(page), line) == kind


def test_faq_section_runs_over_questions_and_answers(tmp_path: Path) -> None:
    page = write(
        tmp_path,
        "faq.txt",
        "The port board approved higher fees for cargo ships after a long debate.\n\n"
        "Key takeaways\n\n"
        "What changes for shippers?\n\n"
        "Fees rise by a tenth for every ship over two hundred metres.\n\n"
        "When do the fees apply?\n\n"
        "From the first of next month, according to the board.\n\n"
        "More from Harbour Weekly\n",
    )
    document = read_document(page)
    assert kind_at(document, "Key takeaways") == "faq"
    assert kind_at(document, "Fees rise by a tenth") == "faq"
    assert kind_at(document, "From the first of next month") == "faq"
    assert kind_at(document, "More from Harbour Weekly") == "ad"
    assert kind_at(document, "The port board approved") == "body"


def test_comment_link_at_the_top_or_in_the_middle_does_not_end_the_article(
    tmp_path: Path,
) -> None:
    paragraphs = [
        f"Paragraph {n} of the report on the harbour works describes one more delay."
        for n in range(1, 6)
    ]
    page = write(
        tmp_path,
        "links.txt",
        "Comments\n\nHarbour works fall behind\n\n"
        + "\n\nLeave a comment\n\n".join([paragraphs[0], "\n\n".join(paragraphs[1:])]),
    )
    document = read_document(page)
    assert document.title == "Harbour works fall behind"
    assert kind_at(document, "Comments") == "banner"
    assert all(kind_at(document, paragraph) == "body" for paragraph in paragraphs)


def test_reference_list_and_comment_section_end_the_article(tmp_path: Path) -> None:
    page = write(
        tmp_path,
        "paper.txt",
        "Port authorities act as landlords more often than as operators, a survey finds.\n\n"
        "References\n\n"
        "Roe, J. (2001). Harbours and trade. Port Press.\n"
        "Doe, A. and Lin, B. (2010). Leasing the waterfront. Coastal Studies 4, 12-30.\n\n"
        "mira_t May 5, 2022 - 6:30 pm\n\n"
        "Useful summary, thanks for the sources.\n\n"
        "Harbour Notes is a blog about ports and the people who run them.\n",
    )
    document = read_document(page)
    assert kind_at(document, "References") == "citation"
    assert kind_at(document, "Doe, A. and Lin") == "citation"
    assert kind_at(document, "Useful summary") == "comment"
    assert block_at(document, "Useful summary").reference == date(2022, 5, 5)
    assert kind_at(document, "Port authorities act") == "body"


def test_post_without_account_line_is_the_paragraph_above_its_attribution(
    tmp_path: Path,
) -> None:
    page = write(
        tmp_path,
        "embed.txt",
        "The minister answered her critics online within the hour, in a brief message.\n\n"
        "We signed the accord yesterday and we will keep every word of it.\n"
        "— Carla Menez (@carlamenez) September 9, 2021\n\n"
        "Her office declined to add anything to the statement when asked by reporters.\n",
    )
    document = read_document(page)
    post = block_at(document, "We signed the accord")
    assert (post.kind, post.reference) == ("post", date(2021, 9, 9))
    assert kind_at(document, "— Carla Menez") == "stamp"
    assert kind_at(document, "Her office declined") == "body"


def test_section_headings_above_the_headline_are_banners(tmp_path: Path) -> None:
    page = write(
        tmp_path,
        "sections.txt",
        "Elections 2024: Live results\n\nCity budget passes after all-night session\n\n"
        "Councillors passed the city budget at dawn after an all-night session marked by "
        "sharp exchanges over transport spending.\n",
    )
    document = read_document(page)
    assert kind_at(document, "Elections 2024") == "banner"
    assert document.title == "City budget passes after all-night session"


def test_crlf_text_is_kept_and_segmented(tmp_path: Path) -> None:
    content = (
        "Harbour fees to rise\r\n\r\nBy Ana Silva\r\n\r\n"
        "The port board approved higher fees for cargo ships after a long debate.\r\n"
    )
    document = read_document(write(tmp_path, "crlf.txt", content.encode("utf-8")))
    assert document.text == content
    assert kind_at(document, "By Ana Silva") == "byline"
    assert_blocks_cover(document.text, document.blocks)


# --- decoding and unreadable files ---


def test_cp1252_file_is_read_with_a_warning() -> None:
    document = read_document(DATA / "cp1252.txt")
    assert "Café owners in São Paulo said the “new rules”" in document.text
    assert any("not valid UTF-8" in warning for warning in document.warnings)


def test_utf8_byte_order_mark_is_dropped_without_warning(tmp_path: Path) -> None:
    path = write(tmp_path, "bom.txt", "\ufeffTalks resumed in Cairo.\n".encode())
    document = read_document(path)
    assert document.text == "Talks resumed in Cairo.\n"
    assert not any("UTF-8" in warning for warning in document.warnings)


def test_binary_file_is_refused_with_its_name() -> None:
    with pytest.raises(InputError, match=r"binary\.bin is a binary file, not a text document"):
        read_document(DATA / "binary.bin")


def test_empty_file_is_refused_with_its_name() -> None:
    with pytest.raises(InputError, match=r"empty\.txt is empty"):
        read_document(DATA / "empty.txt")


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="gone.txt does not exist"):
        read_document(tmp_path / "gone.txt")


def test_html_file_gives_its_visible_text(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "page.html",
        "<html><head><title>Ferry talks</title><style>p {color: red}</style></head>"
        "<body><h1>Ferry   talks resume</h1><script>var x = 1;</script>"
        "<p>Both sides met on <b>May 4, 2021</b> in Tallinn &amp; Helsinki.</p></body></html>",
    )
    document = read_document(path)
    assert "Both sides met on May 4, 2021 in Tallinn & Helsinki." in document.text
    assert "var x" not in document.text and "color" not in document.text
    assert "Ferry talks resume" in document.text


# --- what the caller knows wins over the page ---


def test_published_argument_wins(saved_page: Document) -> None:
    document = read_document(DATA / "saved_page.txt", published=date(2021, 9, 20))
    assert (document.published, document.published_from) == (date(2021, 9, 20), "user")


def test_metadata_gives_date_title_and_url() -> None:
    metadata = {"published": date(2021, 1, 5), "title": "Given title", "url": "https://x.test/a"}
    document = read_document(DATA / "dateline.txt", metadata=metadata)
    assert (document.published, document.published_from) == (date(2021, 1, 5), "user")
    assert (document.title, document.url) == ("Given title", "https://x.test/a")


def test_path_is_relative_to_root_with_forward_slashes(tmp_path: Path) -> None:
    path = write(tmp_path, "deep/er/article.txt", "Talks resumed in Cairo on May 3, 2021.\n")
    assert read_document(path, root=tmp_path).path == "deep/er/article.txt"
    assert read_document(path).path == path.as_posix()


# --- sources.yaml ---


def test_sources_metadata_is_read_by_file_name() -> None:
    metadata = load_sources_metadata(DATA / "sources")
    assert metadata["briefing.txt"] == {
        "published": date(2020, 5, 17),
        "title": "Council briefing on the harbour budget",
        "url": "https://example.org/harbour-briefing",
    }
    assert metadata["notes.md"] == {"title": "Notes without a date"}


def test_folder_without_sources_has_no_metadata(tmp_path: Path) -> None:
    assert load_sources_metadata(tmp_path) == {}


def test_malformed_sources_names_file_and_line(tmp_path: Path) -> None:
    write(tmp_path, "sources.yaml", "a.txt:\n  published: 2020-01-01\n  title: [unclosed\n")
    with pytest.raises(InputError, match=r"sources\.yaml line \d+: not valid YAML"):
        load_sources_metadata(tmp_path)


def test_bad_date_in_sources_names_its_entry_line(tmp_path: Path) -> None:
    write(tmp_path, "sources.yaml", "a.txt:\n  title: A\nb.txt:\n  published: last week\n")
    with pytest.raises(InputError, match=r"sources\.yaml line 3: published is not a date"):
        load_sources_metadata(tmp_path)


def test_sources_must_be_a_mapping(tmp_path: Path) -> None:
    write(tmp_path, "sources.yaml", "- a.txt\n- b.txt\n")
    with pytest.raises(InputError, match="expected a mapping"):
        load_sources_metadata(tmp_path)


# --- estimating missing dates ---


def dated(identifier: str, day: date | None) -> Document:
    """A document with only an id and a publication date."""
    source = "byline" if day else "unknown"
    return Document(identifier, identifier, "text", "0", published=day, published_from=source)


def test_undated_document_gets_the_median_of_the_others() -> None:
    documents = [
        dated("a", date(2023, 1, 1)),
        dated("b", None),
        dated("c", date(2023, 1, 9)),
        dated("d", date(2023, 1, 3)),
    ]
    estimate_publication_dates(documents)
    assert (documents[1].published, documents[1].published_from) == (
        date(2023, 1, 3),
        "estimated",
    )
    assert any("estimated" in warning for warning in documents[1].warnings)
    assert documents[0].warnings == []


def test_nothing_to_estimate_from_leaves_dates_unknown() -> None:
    documents = [dated("a", None), dated("b", None)]
    estimate_publication_dates(documents)
    assert [d.published_from for d in documents] == ["unknown", "unknown"]


# --- finding the files ---


def test_folders_are_walked_sorted_and_filtered(tmp_path: Path) -> None:
    for name in ("b/z.txt", "b/a.md", "a.txt", "c/d/e.htm", "notes", ".hidden.txt",
                 ".git/x.txt", "events.yaml", "sources.yaml", "image.png"):  # fmt: skip
        write(tmp_path, name, "Talks resumed in Cairo.\n")
    write(tmp_path, "blob", b"\x00\x01\x02binary")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_document_paths([tmp_path])]
    assert found == ["a.txt", "b/a.md", "b/z.txt", "c/d/e.htm", "notes"]


def test_symlink_loop_is_walked_once(tmp_path: Path) -> None:
    write(tmp_path, "docs/one.txt", "Talks resumed in Cairo.\n")
    os.symlink(tmp_path / "docs", tmp_path / "docs" / "again")
    os.symlink(tmp_path / "docs" / "self", tmp_path / "docs" / "self")
    found = list(iter_document_paths([tmp_path / "docs", tmp_path / "docs" / "one.txt"]))
    assert found == [tmp_path / "docs" / "one.txt"]


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nowhere does not exist"):
        list(iter_document_paths([tmp_path / "nowhere"]))


def test_dangling_link_is_named_as_such(tmp_path: Path) -> None:
    os.symlink(tmp_path / "missing", tmp_path / "link")
    with pytest.raises(InputError, match="link is a symbolic link to nothing"):
        list(iter_document_paths([tmp_path / "link"]))


# --- any text at all ---

LINE_PIECES = st.sampled_from(
    [
        "By Tomas Berg", "Updated: 03-04-2022 10:00", "REUTERS/Ana Lopez", "Related articles",
        "sam_k March 4, 2024 - 9:15 pm", "Jane Roe on X, 1:25 PM · May 2, 2023",
        "Jane Roe @janeroe", "(Roe & Doe, 2001, p. 3)", "© 2020 Site", "Key takeaways",
        "• 4", "Subscribe", "Leave a comment", "What now?", "OSLO, June 14 (AP) - Talks.",
        "The talks resumed on Monday, May 3, 2021, in a hotel outside the capital city.",
    ]
)  # fmt: skip
LINES = st.one_of(LINE_PIECES, st.text(alphabet=st.characters(exclude_categories=["Cs"])))


@settings(max_examples=200, deadline=None)
@given(st.lists(LINES, max_size=12), st.sampled_from(["\n", "\n\n", "\r\n"]))
def test_any_text_is_segmented_whole(lines: list[str], newline: str) -> None:
    text = newline.join(lines)
    page = segment_page(text, date_marks(text))
    if text.strip():
        assert_blocks_cover(text, page.blocks)
    else:
        assert page.blocks == []


# --- the seed corpus: only general properties ---


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem[:3])
def test_seeds_are_read_whole_and_dated_or_warned(seed: Path) -> None:
    document = read_document(seed)
    assert_blocks_cover(document.text, document.blocks)
    assert document.published_from in PUBLISHED_FROM
    assert document.title
    if document.published_from not in ("byline", "dateline"):
        assert document.warnings
    assert any(b.kind == "body" for b in document.blocks)


def test_metadata_date_that_is_not_a_date_is_an_input_error() -> None:
    with pytest.raises(InputError, match="published 'soon' is not a date"):
        read_document(DATA / "dateline.txt", metadata={"published": "soon"})


def test_pathological_lines_are_read_in_linear_time() -> None:
    # Patterns with nested repetition would take ages on these; the test only has to finish.
    text = "- " * 20000 + "x May 2, 2021 y\n" + "ab" * 50000 + "c\n" + "Jane " * 5000 + "@jr\n"
    page = segment_page(text, date_marks(text))
    assert_blocks_cover(text, page.blocks)


def test_headline_followed_by_byline_and_share_line(tmp_path: Path) -> None:
    page = write(
        tmp_path,
        "stacked.txt",
        "Opinion\nRail strike talks collapse again\nBy Dana Whit\nTransport correspondent\n"
        "Share\n\nUnion leaders walked out of the talks on Thursday evening, saying the "
        "operators had not moved on pay.\n",
    )
    document = read_document(page)
    assert document.title == "Rail strike talks collapse again"
    assert kind_at(document, "Opinion") == "banner"
    assert kind_at(document, "Transport correspondent") == "byline"
    assert kind_at(document, "Share") == "banner"


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_give_a_document_or_an_input_error(tmp_path_factory, content: bytes) -> None:
    path = tmp_path_factory.mktemp("bytes") / "any.txt"
    path.write_bytes(content)
    try:
        document = read_document(path)
    except InputError as error:
        assert str(path) in error.message and "\n" not in error.message
    else:
        assert_blocks_cover(document.text, document.blocks)
        assert document.published_from in PUBLISHED_FROM
