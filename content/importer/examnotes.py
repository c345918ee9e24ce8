"""Question material written in the notes: scenarios with answers, "X is incorrect because
Y" explanations and "cue → answer" lines. Kept with their line numbers for the generator."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from content.importer.text import Line

# These run on lines of any length, so each is linear in it: none gives back a run of blanks
# to a second `\s*` (hence `++`), and none searches unanchored for a pattern that starts with
# `\s+` except from a run's first blank (`(?<!\s)`): from every blank it rescanned the rest.
BULLET_PREFIX = re.compile(r"^\s*+(?:[-*+]|\d{1,3}[.)])\s+")
SCENARIO = re.compile(r"^\W*+scenario\s*\d*\s*[:\-–—]?\s*(.*)$", re.I)
CORRECT = re.compile(
    r"^(?:✅\s*|✔\s*)?(?:\*\*)?correct(?: but not [\w ]++)?(?:\*\*)?\s*[:\-–—]\s*(.+)$", re.I
)
INCORRECT = re.compile(
    r"^(?:❌\s*|✗\s*)?(?:\*\*)?(?:incorrect|wrong)(?:\*\*)?\s*[:\-–—]\s*(.+)$", re.I
)
EMOJI_CORRECT = re.compile(r"^(?:✅|✔)\s*(.+)$")
EMOJI_INCORRECT = re.compile(r"^❌\s*(.+)$")
INLINE_CORRECT = re.compile(r"(?<!\s)\s+(?:✅\s*)?correct\s*[:\-–—]\s*", re.I)
REASON_SPLIT = re.compile(r"(?<!\s)\s+(?:->|→|-->|–|—|-)\s+|(?<!\s)\s+because\s+", re.I)
# "X is incorrect because Y". The option (3 to 300 characters, as few as will do) ends after
# its third character or where a run of [.\s] starts: ending inside a run would only repeat
# the try made at its start. After "Likewise," it may take at most four of the blanks: with
# more it would only repeat the fourth try (and it tried every blank of a long run).
EXPLANATION = re.compile(
    r"^(?:(?:likewise|also),\s*(?=\s{0,4}(?!\s)))?(?P<option>.{3}|.{4,300}?(?<![.\s]))[.\s]+"
    r"(?:is|are)\s+(?:also\s+)?incorrect\b[\s,:;]*(?:because|since|as)?\s*(?P<reason>.*)$",
    re.I,
)
CUE = re.compile(r"^[“\"]([^”\"]{2,160})[”\"]\s*(?:→|->|-->|=>)\s*(.+)$")


@dataclass
class ExamNoteData:
    kind: str
    text: str
    line_start: int
    line_end: int
    correct: list[str] = field(default_factory=list)
    incorrect: list[dict] = field(default_factory=list)


def extract(lines: list[Line]) -> list[ExamNoteData]:
    """Find every scenario, explanation and cue in a section's lines."""
    notes: list[ExamNoteData] = []
    consumed: set[int] = set()
    for index, line in enumerate(lines):
        if index in consumed or line.blank:
            continue
        text = BULLET_PREFIX.sub("", line.text).strip()
        if text.startswith("|"):
            continue  # a table row, not a statement
        scenario = SCENARIO.match(text)
        if scenario and scenario.group(1):
            note, used = _scenario(lines, index, scenario.group(1))
            consumed.update(used)
            notes.append(note)
            continue
        explanation = EXPLANATION.match(text)
        if explanation:
            option = explanation.group("option").replace("**", "").strip(" `\"'")
            option = option[:1].upper() + option[1:]
            notes.append(
                ExamNoteData(
                    kind="explanation",
                    text=option,
                    line_start=line.no,
                    line_end=line.no,
                    incorrect=[{"text": option, "reason": explanation.group("reason").strip()}],
                )
            )
            continue
        cue = CUE.match(text)
        if cue:
            notes.append(
                ExamNoteData(
                    kind="cue",
                    text=cue.group(1).strip(),
                    line_start=line.no,
                    line_end=line.no,
                    correct=[cue.group(2).strip()],
                )
            )
    return notes


def _scenario(lines: list[Line], index: int, stem: str) -> tuple[ExamNoteData, set[int]]:
    base = lines[index].indent
    correct: list[str] = []
    incorrect: list[dict] = []
    plain: list[str] = []
    inline = INLINE_CORRECT.split(stem, maxsplit=1)
    if len(inline) == 2:
        stem, answer = inline
        correct.append(answer.strip())
    used = {index}
    end = lines[index].no
    child_indent = None
    for following in range(index + 1, len(lines)):
        line = lines[following]
        if line.blank:
            continue
        if line.indent <= base:
            break
        used.add(following)
        end = line.no
        text = BULLET_PREFIX.sub("", line.text).strip()
        if child_indent is None:
            child_indent = line.indent
        if match := CORRECT.match(text) or EMOJI_CORRECT.match(text):
            correct.append(match.group(1).strip())
        elif match := INCORRECT.match(text) or EMOJI_INCORRECT.match(text):
            option, *reason = REASON_SPLIT.split(match.group(1), maxsplit=1)
            incorrect.append(
                {"text": option.strip(), "reason": reason[0].strip() if reason else ""}
            )
        elif line.indent == child_indent:
            plain.append(text)
    if not correct and not incorrect:
        correct = plain  # the answer written as plain child bullets
    note = ExamNoteData(
        kind="scenario",
        text=stem.strip(),
        line_start=lines[index].no,
        line_end=end,
        correct=correct,
        incorrect=incorrect,
    )
    return note, used
