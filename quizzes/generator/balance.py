"""Which of the generated questions the bank publishes: in proportion to the exam.

The exam weighs its domains 32 / 26 / 24 / 18 %; the bank follows, with each domain's share
split evenly over its task statements. Within a task statement the questions are taken in turns
from each model, every decision's first question before any decision comes back in another
context; no service takes more than 12 % of the bank, and arithmetic (the computed family) at
most 10 %.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from quizzes.generator.draft import Draft
from quizzes.taxonomy import DOMAINS

BANK_SIZE = 460
MAX_SERVICE_SHARE = 0.12
MAX_ARITHMETIC_SHARE = 0.10
ARITHMETIC_FAMILIES = {"computed"}


@dataclass
class Selection:
    kept: list[Draft] = field(default_factory=list)
    left_out: Counter = field(default_factory=Counter)  # reason → drafts not published
    short: dict[str, tuple[int, int]] = field(default_factory=dict)  # task → (quota, got)


def task_quotas(total: int = BANK_SIZE) -> dict[str, int]:
    """How many questions each task statement gets, by the domain weights (largest
    remainder, so the quotas add up to the total)."""
    shares = {}
    for _, _, weight, tasks in DOMAINS:
        for code, _ in tasks:
            shares[code] = total * weight / 100 / len(tasks)
    quotas = {code: int(share) for code, share in shares.items()}
    by_remainder = sorted(shares, key=lambda code: shares[code] - quotas[code], reverse=True)
    for code in by_remainder[: total - sum(quotas.values())]:
        quotas[code] += 1
    return quotas


def bank_select(drafts: list[Draft], total: int = BANK_SIZE) -> Selection:
    """The drafts to publish, in turns per model within each task's quota."""
    selection = Selection()
    quotas = task_quotas(total)
    max_service = int(total * MAX_SERVICE_SHARE)
    max_arithmetic = int(total * MAX_ARITHMETIC_SHARE)
    services: Counter = Counter()
    arithmetic = 0
    for task, quota in quotas.items():
        # Rounds: every decision's first question, from each model in turn, before any
        # decision comes back in another context.
        rounds: dict[int, dict[str, list[Draft]]] = defaultdict(lambda: defaultdict(list))
        for draft in drafts:
            if draft.task == task:
                rounds[draft.round][draft.model or draft.family].append(draft)
        queues = [rounds[number] for number in sorted(rounds)]
        taken = 0
        for queue in queues:
            while taken < quota and any(queue.values()):
                for model in list(queue):
                    if taken == quota or not queue[model]:
                        continue
                    draft = queue[model].pop(0)
                    counted = draft.family in ARITHMETIC_FAMILIES
                    if services[draft.service] >= max_service:
                        selection.left_out["service above 12 % of the bank"] += 1
                    elif counted and arithmetic >= max_arithmetic:
                        selection.left_out["arithmetic above 10 % of the bank"] += 1
                    else:
                        selection.kept.append(draft)
                        services[draft.service] += 1
                        arithmetic += counted
                        taken += 1
        left = sum(len(drafts) for queue in queues for drafts in queue.values())
        if left:
            selection.left_out[f"task {task} quota of {quota} reached"] += left
        if taken < quota:
            selection.short[task] = (quota, taken)
    return selection
