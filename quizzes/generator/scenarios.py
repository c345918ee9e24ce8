"""Family 2: scenarios written in the notes ("Scenario / Correct / Incorrect") whose options
are the notes' own complete alternatives."""

from __future__ import annotations

import re

from quizzes.generator.draft import Draft, Option, shuffled
from quizzes.generator.evidence import Evidence, NoteData
from quizzes.generator.rules import task_for

FAMILY = "scenario"
LEAD = re.compile(r"^(?:solution|answer|correct|use)\s*[:\-–]\s*", re.I)
MAX_OPTION = 240
WRONG_ANSWERS = 3
CONTINUATION = re.compile(r"^(?:then|however|also|and|but|so|this|it)\b", re.I)
NOT_AN_OPTION = re.compile(r"^(?:[^\w(\"“]|(?:in)?correct options?\b)", re.I)


def generate(evidence: Evidence) -> list[Draft]:
    """A scenario the notes write out becomes a question only when the notes also give three
    wrong answers of their own: answers borrowed from other scenarios are not alternatives of
    one kind. The quality gates then judge the stem (a requirement, 25 words or more)."""
    return [
        draft
        for note in evidence.notes
        if note.kind == "scenario" and note.correct
        for draft in [_scenario(note)]
        if draft
    ]


def _task(note: NoteData) -> str:
    return task_for(f"{note.service} {note.text} {' '.join(note.correct)}")


def _scenario(note: NoteData) -> Draft | None:
    """The notes' first answer is the key; the notes' Incorrect lines are the distractors."""
    answers = [_clean(text) for text in note.correct if _usable(text)]
    wrong = [(_clean(text), reason) for text, reason in note.incorrect if _usable(text)]
    if not answers or CONTINUATION.match(answers[0]) or len(wrong) < WRONG_ANSWERS:
        return None
    # Several "correct" lines in the notes are usually steps of one answer: the first is the key.
    key_text = answers[0]
    key = f"{FAMILY}:note:{note.where}"
    options = [Option(key_text, True, "This is the answer the notes give.")]
    options += [
        Option(text, False, reason or "The notes list this as incorrect.")
        for text, reason in wrong[:WRONG_ANSWERS]
    ]
    explanation = f"**{key_text}** is the answer the notes give."
    for text, reason in wrong[:WRONG_ANSWERS]:
        explanation += f" {text} is incorrect" + (f": {reason}." if reason else ".")
    explanation += f"\n\nFrom your notes ({note.section_title}, {note.where})."
    stem = _sentence(note.text)
    return Draft(
        key=key,
        family=FAMILY,
        stem=f"{stem} Which solution meets the requirement?",
        options=shuffled(options, key),
        explanation=explanation,
        service=note.service,
        task=_task(note),
        sections=[note.section],
        fact=f"{stem} {key_text} {' '.join(reason for _, reason in wrong)}",
        model=f"{FAMILY}:{note.service}",
    )


def _clean(text: str) -> str:
    text = re.sub(r"\*\*|`", "", text).strip()
    text = LEAD.sub("", text).strip().rstrip(":").strip()
    return text[:1].upper() + text[1:]


def _sentence(text: str) -> str:
    text = _clean(text).rstrip(" .:;,")
    return text + "."


def _usable(text: str) -> bool:
    text = _clean(text)
    return (
        2 <= len(text) <= MAX_OPTION
        and not text.lower().startswith(("note", "notes"))
        and not NOT_AN_OPTION.match(text)
    )
