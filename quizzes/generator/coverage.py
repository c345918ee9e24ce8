"""What the published bank covers: per task statement, domain, service, family and model,
against the goals (issue 12): every task 25+ questions from 4+ models, domains within 3 points
of their weights, no service above 12 %, arithmetic at most 10 %."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from quizzes.generator.balance import ARITHMETIC_FAMILIES, MAX_ARITHMETIC_SHARE, MAX_SERVICE_SHARE
from quizzes.models import Question
from quizzes.taxonomy import DOMAINS

MIN_TASK_QUESTIONS = 25
MIN_TASK_MODELS = 4
DOMAIN_TOLERANCE = 3  # percentage points


@dataclass
class Coverage:
    total: int = 0
    tasks: dict[str, int] = field(default_factory=dict)
    task_models: dict[str, int] = field(default_factory=dict)
    domains: dict[int, float] = field(default_factory=dict)  # percent of the bank
    services: Counter = field(default_factory=Counter)
    families: Counter = field(default_factory=Counter)
    models: Counter = field(default_factory=Counter)
    item_models: int = 0
    item_services: int = 0

    def share(self, count: int) -> float:
        return 100 * count / self.total if self.total else 0.0

    def misses(self) -> list[str]:
        """Each goal the bank misses, said in words (empty when it meets them all)."""
        found = []
        for _, _, _, tasks in DOMAINS:
            for code, _ in tasks:
                count, models = self.tasks.get(code, 0), self.task_models.get(code, 0)
                if count < MIN_TASK_QUESTIONS or models < MIN_TASK_MODELS:
                    found.append(f"task {code}: {count} questions from {models} models")
        for number, _, weight, _ in DOMAINS:
            share = self.domains.get(number, 0.0)
            if abs(share - weight) > DOMAIN_TOLERANCE:
                found.append(f"domain {number}: {share:.1f} % of the bank, weight {weight} %")
        for service, count in self.services.items():
            if self.share(count) > 100 * MAX_SERVICE_SHARE:
                found.append(f"service {service}: {self.share(count):.1f} % of the bank")
        arithmetic = sum(self.families[family] for family in ARITHMETIC_FAMILIES)
        if self.share(arithmetic) > 100 * MAX_ARITHMETIC_SHARE:
            found.append(f"arithmetic: {self.share(arithmetic):.1f} % of the bank")
        return found


def bank_coverage() -> Coverage:
    """The published bank's coverage, read from the database."""
    coverage = Coverage()
    rows = Question.objects.published().values_list(
        "task__code", "domain__number", "service__slug", "family", "model"
    )
    models_per_task = defaultdict(set)
    domains = Counter()
    item_services, item_models = set(), set()
    for task, domain, service, family, model in rows:
        coverage.total += 1
        coverage.tasks[task] = coverage.tasks.get(task, 0) + 1
        models_per_task[task].add(model or family or "written")
        domains[domain] += 1
        coverage.services[service or "(none)"] += 1
        coverage.families[family or "written"] += 1
        coverage.models[model or family or "written"] += 1
        if family == "item":
            item_services.add(service)
            item_models.add(model)
    coverage.task_models = {task: len(models) for task, models in models_per_task.items()}
    coverage.domains = {number: coverage.share(count) for number, count in domains.items()}
    coverage.item_models = len(item_models)
    coverage.item_services = len(item_services)
    return coverage
