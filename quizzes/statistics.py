"""Item statistics for instructors (pure): how a question behaves in finished attempts.

- facility: the share of learners who got it right (useful range about 0.3–0.7);
- discrimination: facility among the top 27 % of attempts (by score) minus the bottom 27 %
  (want 0.25 or more: good learners should get it right more often);
- weak distractors: wrong options picked by under 5 % of the learners who answered.
"""

from __future__ import annotations

from dataclasses import dataclass

GROUP_SHARE = 0.27
WEAK_DISTRACTOR = 0.05


@dataclass(frozen=True)
class Response:
    attempt_score: float
    correct: bool
    selected: frozenset[int]


@dataclass(frozen=True)
class ItemStatistics:
    responses: int
    facility: float | None
    discrimination: float | None
    picked: dict[int, float]  # choice id -> share of answered responses that picked it
    weak_distractors: list[int]


def item_statistics(responses: list[Response], wrong_choices: list[int]) -> ItemStatistics:
    if not responses:
        return ItemStatistics(0, None, None, {}, [])
    facility = sum(r.correct for r in responses) / len(responses)
    discrimination = None
    size = int(len(responses) * GROUP_SHARE)
    if size >= 1:
        ranked = sorted(responses, key=lambda r: r.attempt_score)
        bottom, top = ranked[:size], ranked[-size:]
        discrimination = sum(r.correct for r in top) / size - sum(r.correct for r in bottom) / size
    answered = [r for r in responses if r.selected]
    picked = {}
    if answered:
        for choice in wrong_choices:
            picked[choice] = sum(choice in r.selected for r in answered) / len(answered)
    weak = [choice for choice, share in picked.items() if share < WEAK_DISTRACTOR]
    return ItemStatistics(len(responses), facility, discrimination, picked, weak)
