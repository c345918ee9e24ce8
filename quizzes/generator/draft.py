"""A generated question before it is stored, and the checks every question must pass."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from quizzes.validation import choice_problems


@dataclass
class Option:
    text: str
    correct: bool = False
    rationale: str = ""


@dataclass
class Draft:
    key: str  # stable generator key
    family: str
    stem: str
    options: list[Option]
    explanation: str
    service: str | None  # content.Service slug
    task: str  # task statement code, e.g. "2.2"
    sections: list[int] = field(default_factory=list)
    difficulty: int = 2
    choose: int = 1
    fact: str = ""  # the deciding fact, checked against known conflicts
    review_note: str = ""
    model: str = ""  # the item model (or family part) it comes from, for the report
    decision: str = ""  # same model and key: an attempt holds at most one of these
    quote: str = ""  # the line of the notes the explanation quotes
    terms: tuple[str, ...] = ()  # the key's deciding terms (patterns) the quote must contain
    round: int = 0  # 0: the first question of its decision; 1, 2, …: the same in other contexts

    @property
    def kind(self) -> str:
        return "multiple" if self.choose > 1 else "single"


def shuffled(options: list[Option], seed: str) -> list[Option]:
    """Options in a stable pseudo-random order (the same for the same key)."""
    ordered = list(options)
    random.Random(seed).shuffle(ordered)
    return ordered


def normalized(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


def problems(draft: Draft) -> list[str]:
    """What makes a generated question invalid (empty when it is valid). The quality gates,
    which judge whether it is good enough, are in `gates.py`."""
    found = choice_problems(
        draft.kind, draft.choose, [(option.text, option.correct) for option in draft.options]
    )
    if not draft.stem.strip():
        found.append("the stem is empty")
    if not draft.explanation.strip():
        found.append("there is no explanation")
    if draft.kind == "single" and len(draft.options) != 4:
        found.append("a generated single-answer question has one key and three distractors")
    return found
