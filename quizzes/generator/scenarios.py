"""Family 2: scenarios written in the notes ("Scenario / Correct / Incorrect") and
"X is incorrect because …" explanations."""

from __future__ import annotations

import random
import re

from quizzes.generator.draft import Draft, Option, normalized, shuffled
from quizzes.generator.evidence import Evidence, NoteData
from quizzes.generator.rules import task_for

FAMILY = "scenario"
LEAD = re.compile(r"^(?:solution|answer|correct|use)\s*[:\-–]\s*", re.I)
MAX_OPTION = 240
MIN_STEM_WORDS = 6
CONTINUATION = re.compile(r"^(?:then|however|also|and|but|so|this|it)\b", re.I)
NOT_AN_OPTION = re.compile(r"^(?:[^\w(\"“]|(?:in)?correct options?\b)", re.I)


def generate(evidence: Evidence) -> list[Draft]:
    scenarios = [note for note in evidence.notes if note.kind == "scenario" and note.correct]
    explanations = [note for note in evidence.notes if note.kind == "explanation"]
    by_service: dict[str, list[str]] = {}
    by_task: dict[str, list[str]] = {}
    for note in scenarios:
        answer = _clean(note.correct[0])
        by_service.setdefault(note.service, []).append(answer)
        by_task.setdefault(_task(note), []).append(answer)
    drafts = [
        _scenario(note, by_service.get(note.service, []) + by_task.get(_task(note), []))
        for note in scenarios
        if len(note.text.split()) >= MIN_STEM_WORDS
    ]
    reasons = [_clean(note.incorrect[0][1]) for note in explanations if note.incorrect]
    drafts += [_explanation(note, reasons) for note in explanations if note.incorrect]
    return [draft for draft in drafts if draft]


def _task(note: NoteData) -> str:
    return task_for(f"{note.service} {note.text} {' '.join(note.correct)}")


def _scenario(note: NoteData, related_answers: list[str]) -> Draft | None:
    """The notes' answer is the key; wrong options are the notes' Incorrect lines, then the
    answers to other scenarios on the same service or task."""
    answers = [_clean(text) for text in note.correct if _usable(text)]
    if not answers or CONTINUATION.match(answers[0]):
        return None
    stem = _sentence(note.text)
    key = f"{FAMILY}:note:{note.where}"
    wrong = [(_clean(text), reason) for text, reason in note.incorrect if _usable(text)]
    pool = [answer for answer in related_answers if answer not in answers]
    # Several "correct" lines in the notes are usually steps of one answer, not separate
    # answers: the first one is the key.
    answers = answers[:1]
    needed = 3 - len(wrong)
    rng = random.Random(key)
    fillers = _similar_length(
        pool, answers[0], rng, max(0, needed), exclude=answers + [w for w, _ in wrong]
    )
    options = [Option(answer, True, "This is the answer the notes give.") for answer in answers]
    options += [
        Option(text, False, reason or "The notes list this as incorrect.") for text, reason in wrong
    ]
    options += [
        Option(text, False, "This answers a different scenario in the notes.") for text in fillers
    ]
    options = options[:4]
    ask = "Which solution meets the requirement?"
    explanation = "The notes answer: " + "; ".join(f"**{a}**" for a in answers) + "."
    for text, reason in wrong:
        explanation += f" {text} is incorrect" + (f": {reason}." if reason else ".")
    explanation += f"\n\nFrom your notes ({note.where})."
    return Draft(
        key=key,
        family=FAMILY,
        stem=f"{stem} {ask}",
        options=shuffled(options, key),
        explanation=explanation,
        service=note.service,
        task=_task(note),
        sections=[note.section],
        fact=f"{stem} {' '.join(answers)} {' '.join(reason for _, reason in wrong)}",
    )


def _explanation(note: NoteData, reasons: list[str]) -> Draft | None:
    option, reason = note.incorrect[0]
    reason = _clean(reason)
    if not reason or not _usable(option) or len(reason) > MAX_OPTION:
        return None
    key = f"{FAMILY}:why:{note.where}"
    rng = random.Random(key)
    others = [other for other in reasons if normalized(other) != normalized(reason)]
    fillers = _similar_length(others, reason, rng, 3, exclude=[reason])
    options = [Option(reason, True, "The reason the notes give.")]
    options += [
        Option(text, False, "This explains why a different option is wrong.") for text in fillers
    ]
    return Draft(
        key=key,
        family=FAMILY,
        stem=f"In a practice question on {note.section_title}, the option “{_clean(option)}” is "
        "wrong. Why?",
        options=shuffled(options, key),
        explanation=(
            f"{_clean(option)} is incorrect because {reason}\n\nFrom your notes ({note.where})."
        ),
        service=note.service,
        task=task_for(f"{note.service} {option} {reason}"),
        sections=[note.section],
        fact=f"{option} {reason}",
    )


def _similar_length(pool, reference, rng, count, exclude):
    """Pick `count` distinct texts from the pool, closest in length to the reference."""
    seen = {normalized(text) for text in exclude}
    candidates = []
    for text in pool:
        if normalized(text) not in seen and _usable(text):
            seen.add(normalized(text))
            candidates.append(text)
    rng.shuffle(candidates)
    candidates.sort(key=lambda text: abs(len(text) - len(reference)))
    return candidates[:count]


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
