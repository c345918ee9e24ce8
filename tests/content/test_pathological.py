"""Pathological notes parse in time linear in their size, and the linear rewrites of the
importer's regexes behave exactly like the regexes they replaced.

The timings asserted here only guard against a hang; the figures are in
`bench/pathological.py`.
"""

import re
import time
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from content.importer import normalize, text
from content.importer.catalog import catalog_entries
from content.importer.classify import ServiceMatcher, _is_acronym, _term_key
from content.importer.examnotes import EXPLANATION
from content.importer.parse import parse_notes
from content.importer.structure import atx_heading, clean_title
from content.importer.text import NotesError, decode
from content.rendering import render_section
from content.search import DEFINITION_LONG_FIRST, definitions

HANG_GUARD_SECONDS = 10

# Lines built as prefix + unit × count + suffix: long runs of blanks and markup after the
# starts of headings, bullets, exam notes, watermarks and brackets that the importer looks for.
PREFIXES = [
    "", "x", "# x", "## ", "- ", "    - ", "1. ", "> ", "|", "```", "Likewise,", "abc",
    "- Scenario: a", "- correct but not a", "© a", "[How", "(Is ", '"cue"', "A-B",
]  # fmt: skip
UNITS = [
    " ", "\t", "*", "_", "#", "`", "-", "|", ">", "[", "(", "!", ":", "&", "<", ".", "~", "=",
    "\\", '"', "©", "a ", "*a ", "A-", "[How ", "<a ", "www.", "- ",
]  # fmt: skip
SUFFIXES = ["", "x", "!", "?]", " ##", ":", "(", " is incorrect", " -> x", " (AB)", "**"]
LINES = [
    "# DynamoDB",
    "## Indexes ##",
    "### LSI vs **GSI**",
    "=====",
    "---",
    "```json",
    "```",
    "- Scenario: orders arrive out of order",
    "  - Correct: a FIFO queue",
    "  - Incorrect: a standard queue -> no ordering",
    "Likewise, S3 is incorrect because it is object storage",
    "© Stephane Maarek www.datacumulus.com",
    "| a | b |",
    "a\tb",
    "",
]
adversarial = st.builds(
    lambda prefix, unit, count, suffix: prefix + unit * count + suffix,
    st.sampled_from(PREFIXES),
    st.sampled_from(UNITS),
    st.integers(10_000, 40_000),  # long enough for a quadratic step to show
    st.sampled_from(SUFFIXES),
)
deep = st.builds(
    lambda depth, line: " " * depth + line, st.integers(0, 4000), st.sampled_from(LINES)
)
lines = st.one_of(adversarial, adversarial, deep, st.sampled_from(LINES), st.text(max_size=80))
documents = st.lists(lines, min_size=1, max_size=4).map("\n".join)


@settings(
    deadline=timedelta(seconds=2),
    max_examples=80,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(notes=documents)
def test_any_text_parses_quickly_into_sections_inside_the_file(matcher, notes):
    try:
        parsed = parse_notes(notes, matcher)
    except NotesError as exc:
        assert str(exc) == "the file has no text"
        return
    assert parsed.line_count == notes.count("\n") + 1
    for section in parsed.sections:
        assert 1 <= section.line_start <= section.line_end <= parsed.line_count


def service_url(slug: str) -> str:
    return f"/topics/{slug}/"


def import_text(notes: str, matcher: ServiceMatcher):
    """What an import does with a file's text, without the database; and how long it took."""
    start = time.perf_counter()
    parsed = parse_notes(notes, matcher)
    for section in parsed.sections:
        render_section(
            section.body, matcher=matcher, own_service=section.service, url_for=service_url
        )
    return parsed, time.perf_counter() - start


# Each of these took from 15 s to hours before (a pattern retried a long run from each of its
# characters, or from each opening bracket); none may take more than moments now.
WORST_CASES = {
    "trailing blanks, watermark, copy button": "Notes\n" + " " * 100_000 + "x\n",
    "heading text then blanks": "# x" + " " * 100_000 + "y\n\ntext",
    "emphasis never closed in a heading": "# " + "*a " * 50_000 + "\n\ntext",
    "blanks after 'Likewise,'": "- Likewise," + " " * 50_000 + "x",
    "blanks in a scenario": "- Scenario: a" + " " * 100_000 + "x\n  - Correct: y",
    "blanks before a reason": "- Scenario: q\n  - Incorrect: a" + " " * 100_000 + "b",
    "blanks after 'correct but not'": "- Scenario: q\n  - correct but not a" + " " * 100_000 + "x",
    "blanks after '© a'": "Text © a" + " " * 100_000 + "!",
    "'www.' after '© a'": "Text © a " + "www." * 25_000 + "/ x",
    "open questions never closed": "(Is " * 100_000,
    "links never closed in a table cell": "a\tb\n" + "<a " * 100_000 + "\tx\nc\td",
    "blank lines, then text, under one heading": "# A\n\n# B\n" + "\n" * 30_000 + "t\n" * 30_000,
    "blanks inside a paragraph": "Text" + " " * 100_000 + "more text\nand a line",
}


@pytest.mark.parametrize("notes", WORST_CASES.values(), ids=WORST_CASES.keys())
def test_worst_cases_import_quickly(matcher, notes):
    parsed, seconds = import_text(notes, matcher)
    assert seconds < HANG_GUARD_SECONDS
    assert parsed.sections


def test_a_50_kb_line_of_spaces_imports_quickly(matcher):
    notes = "Notes on S3\n" + " " * 50_000 + "Buckets hold objects.\n"
    parsed, seconds = import_text(notes, matcher)
    assert seconds < HANG_GUARD_SECONDS  # it took 55 s
    (section,) = parsed.sections
    assert section.title == "Notes on S3"
    assert section.body.strip() == "Buckets hold objects."


def test_a_2200_level_indented_list_imports_quickly(matcher):
    lines, size, item = [], 0, 0
    while size < 3_000_000:
        line = " " * (2 * (item % 2200)) + f"- fact {item} about SQS"
        lines.append(line)
        size += len(line) + 1
        item += 1
    parsed, seconds = import_text("\n".join(lines), matcher)
    assert seconds < HANG_GUARD_SECONDS  # 4.9 MB did not finish in 300 s
    assert parsed.format == "outline"
    assert parsed.sections[-1].body.endswith(f"- fact {item - 1} about SQS")  # the last line
    assert parsed.sections[-1].line_end == len(lines)


def test_acronym_definitions_are_found_quickly_in_long_hyphenated_runs():
    start = time.perf_counter()
    found = definitions("A-" * 100_000 + "B (AB) and Global Secondary Index (GSI)")
    assert time.perf_counter() - start < HANG_GUARD_SECONDS
    assert found == [("GSI", "Global Secondary Index")]


def test_a_nul_byte_anywhere_is_refused_with_its_offset():
    data = b"# Notes\n" + b"x\n" * 100_000 + b"\x00 the rest\n"
    with pytest.raises(NotesError, match=r"binary \(a NUL byte at offset 200008\)"):
        decode(data)


# The regexes the linear code replaced, as the reference for what it must do.
ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
EMPHASIS = re.compile(r"(\*{1,3}|_{1,3})(\S(?:.*?\S)?)\1")
WATERMARK = re.compile(
    r"\s*(?:NOT FOR DISTRIBUTION\b.*|©\s*\w[\w .-]*(?:www\.\S+)?\s*$|All rights reserved\.?\s*$)",
    re.I,
)
OPEN_QUESTION = re.compile(r"\[(?:How|Why|What)[^\]]*\?\]|\((?:Is|Are|Does|Do|Can)\s[^)]*\?\)")
CELL_TAGS = re.compile(r"</?(?:b|p|strong|em|i)>|<a\s[^>]*>|</a>", re.I)
OLD_EXPLANATION = re.compile(
    r"^(?:likewise,\s*|also,\s*)?(?P<option>.{3,300}?)[.\s]+(?:is|are)\s+(?:also\s+)?incorrect\b"
    r"[\s,:;]*(?:because|since|as)?\s*(?P<reason>.*)$",
    re.I,
)
OLD_DEFINITION = re.compile(r"\b([A-Z][\w-]*(?:\s+[\w-]+){1,6}?)\s*\(([A-Z][A-Z0-9]{1,5})s?\)")


def made_of(*parts: str, max_size: int = 16):
    return st.lists(st.sampled_from(parts), max_size=max_size).map("".join)


equivalence = settings(max_examples=300, database=None)


@equivalence
@given(made_of(" ", "\t", "#", "# ", " #", "a", "b c", "\x0b"))
def test_atx_headings_are_read_as_before(line):
    match = ATX_HEADING.match(line)
    assert atx_heading(line) == (match and (len(match.group(1)), match.group(2)))


@equivalence
@given(made_of("*", "**", "***", "_", "__", "a", "b", " ", "\t", "*a", "a*"))
def test_emphasis_is_removed_from_titles_as_before(title):
    before = EMPHASIS.sub(r"\2", title.strip()).replace("**", "").replace("\\", "").strip()
    assert clean_title(title) == re.sub(r"\s+", " ", before).rstrip(":").strip()


@equivalence
@given(made_of(" ", "\t", "©", "a", "w", "www.", ".", "-", "/", "!", "NOT FOR DISTRIBUTION"))
def test_watermarks_are_found_as_before(line):
    start = text._watermark_start(line)
    assert WATERMARK.sub("", line) == (line if start is None else line[:start].rstrip())


@equivalence
@given(made_of("[", "]", "(", ")", "?", "How", "Is", "Does", " ", "a", "\t"))
def test_open_questions_are_found_as_before(line):
    assert normalize._asks_open_question(line) == bool(OPEN_QUESTION.search(line))


@equivalence
@given(made_of("<", ">", "a", "<a ", "</a>", "<b>", " ", "|", "/"))
def test_table_cells_lose_their_tags_as_before(cell):
    assert normalize._cell(cell) == CELL_TAGS.sub("", cell).strip().replace("|", "\\|")


@equivalence
@given(
    made_of(
        "Likewise,", "also,", " ", "  ", "\t", ".", " is", " are", " incorrect", "a", "S3",
        " because ", "x", max_size=12,
    )
)  # fmt: skip
def test_explanations_are_read_as_before(line):
    def groups(match):
        return match and (match.span(), match.groupdict())

    assert groups(EXPLANATION.match(line)) == groups(OLD_EXPLANATION.match(line))


@equivalence
@given(made_of("A", "B", "b", "-", " ", "(", ")", "AB", "(AB)", "(ABs)", "_", "Ab", max_size=20))
def test_acronym_definitions_are_found_as_before(phrase):
    assert DEFINITION_LONG_FIRST.findall(phrase) == OLD_DEFINITION.findall(phrase)


def flat_service_regex() -> re.Pattern:
    """The matcher's regex before its names were grouped: one flat list, longest first."""
    seen, patterns = set(), []
    for entry in catalog_entries():
        for term in (entry["name"], *entry["aliases"], *entry["keywords"]):
            if not term.strip() or _term_key(term) in seen:
                continue
            seen.add(_term_key(term))
            escaped = re.escape(term).replace(r"\ ", r"\s+")
            patterns.append((term, escaped if _is_acronym(term) else f"(?i:{escaped})"))
    patterns.sort(key=lambda item: len(item[0]), reverse=True)
    alternation = "|".join(pattern for _, pattern in patterns)
    return re.compile(rf"(?<![\w@/-])(?:{alternation})(?![\w@])")


FLAT_SERVICE_REGEX = flat_service_regex()
NAME_WORDS = sorted(
    {
        word
        for entry in catalog_entries()
        for term in (entry["name"], *entry["aliases"], *entry["keywords"])
        for word in term.split()
    }
)


@equivalence
@given(
    st.lists(
        st.sampled_from([*NAME_WORDS, " ", "  ", "\t", "-", "@", "/", "(", "x"]), max_size=12
    ).map("".join)
)
def test_services_are_found_as_before(matcher, phrase):
    for phrase_in_case in (phrase, phrase.swapcase()):
        found = [(match.span(), match.group()) for match in matcher._regex.finditer(phrase_in_case)]
        before = FLAT_SERVICE_REGEX.finditer(phrase_in_case)
        assert found == [(match.span(), match.group()) for match in before]
