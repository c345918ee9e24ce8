"""The bank follows the exam's weights: quotas per task, turns per model, service and
arithmetic caps."""

from collections import Counter

from quizzes.generator.balance import bank_select, task_quotas
from quizzes.generator.draft import Draft, Option
from quizzes.taxonomy import DOMAINS


def draft(task, model, number, service="sqs", family="item"):
    options = [Option("a", True), Option("b"), Option("c"), Option("d")]
    return Draft(key=f"{model}:{number}", family=family, stem=f"{model} {number}",
                 options=options, explanation="e", service=service, task=task,
                 model=model)  # fmt: skip


def test_quotas_add_up_and_follow_the_domain_weights():
    quotas = task_quotas(460)
    assert sum(quotas.values()) == 460
    for number, _, weight, tasks in DOMAINS:
        share = sum(quotas[code] for code, _ in tasks) / 460
        assert abs(100 * share - weight) < 0.5, number


def test_each_model_takes_its_turn_before_any_repeats():
    drafts = [draft("1.1", "a", n) for n in range(10)] + [draft("1.1", "b", n) for n in range(2)]
    kept = bank_select(drafts, total=40).kept  # task 1.1's quota is 4
    assert [d.key for d in kept] == ["a:0", "b:0", "a:1", "b:1"]


def test_no_service_above_twelve_percent_and_arithmetic_at_most_ten():
    drafts = [
        draft(code, f"m{code}", n, service="lambda") for code in ("1.1", "1.2") for n in range(50)
    ]
    drafts += [draft("1.3", "rcu", n, service=f"s{n}", family="computed") for n in range(50)]
    selection = bank_select(drafts, total=100)
    services = Counter(d.service for d in selection.kept)
    assert services["lambda"] == 12
    assert sum(d.family == "computed" for d in selection.kept) == 10
    assert selection.left_out["service above 12 % of the bank"] > 0
    assert selection.left_out["arithmetic above 10 % of the bank"] > 0
    quota, got = selection.short["1.2"]  # said, not hidden
    assert got == 1 < quota
