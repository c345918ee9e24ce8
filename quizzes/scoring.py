"""Scoring an attempt: pure functions over plain values, no database.

- A question is right only if exactly the keyed choices are selected (multiple response is
  all-or-nothing); an unanswered question is wrong.
- Per domain: correct / total and a percentage.
- Overall: the domain percentages weighted by the exam's domain weights (over the domains the
  attempt covers), so a full practice exam scores like the blueprint.
- Estimated scaled score: 100 + 900 × overall, rounded: 0 % → 100, 100 % → 1000, and 720 (the
  pass line) at about 69 %. AWS equates each exam form, so this is only an estimate.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

PASS_SCALED = 720
SCALE_MIN, SCALE_MAX = 100, 1000
PASS_PERCENT = 100 * (PASS_SCALED - SCALE_MIN) / (SCALE_MAX - SCALE_MIN)  # about 68.9 %


@dataclass(frozen=True)
class Item:
    domain: int
    keyed: frozenset[int]
    selected: frozenset[int]

    @property
    def answered(self) -> bool:
        return bool(self.selected)

    @property
    def correct(self) -> bool:
        return self.answered and self.selected == self.keyed


@dataclass(frozen=True)
class DomainScore:
    domain: int
    correct: int
    total: int

    @property
    def percent(self) -> float:
        return 100 * self.correct / self.total if self.total else 0.0


@dataclass(frozen=True)
class Score:
    domains: list[DomainScore]
    percent: float
    scaled: int
    passed: bool
    correct: int
    total: int


def largest_remainder(total: int, weights: dict[int, float]) -> dict[int, int]:
    """Split `total` questions by weight; the largest remainders get the leftovers."""
    weight_sum = sum(weights.values())
    exact = {key: total * weight / weight_sum for key, weight in weights.items()}
    counts = {key: math.floor(value) for key, value in exact.items()}
    leftovers = total - sum(counts.values())
    by_remainder = sorted(exact, key=lambda key: (exact[key] - counts[key], -key), reverse=True)
    for key in by_remainder[:leftovers]:
        counts[key] += 1
    return counts


def scaled_score(percent: float) -> int:
    """The estimated 100–1000 scaled score for an overall percentage."""
    return round(SCALE_MIN + (SCALE_MAX - SCALE_MIN) * percent / 100)


def score(items: list[Item], weights: dict[int, float]) -> Score:
    """Score the items of an attempt (see the module docstring for the rules)."""
    by_domain: dict[int, list[Item]] = {}
    for item in items:
        by_domain.setdefault(item.domain, []).append(item)
    domains = [
        DomainScore(domain, sum(item.correct for item in group), len(group))
        for domain, group in sorted(by_domain.items())
    ]
    covered = {d.domain: weights.get(d.domain, 0) for d in domains}
    weight_sum = sum(covered.values())
    if weight_sum:
        percent = sum(d.percent * covered[d.domain] for d in domains) / weight_sum
    else:
        percent = 100 * sum(d.correct for d in domains) / len(items) if items else 0.0
    scaled = scaled_score(percent)
    return Score(
        domains=domains,
        percent=percent,
        scaled=scaled,
        passed=scaled >= PASS_SCALED,
        correct=sum(d.correct for d in domains),
        total=len(items),
    )
