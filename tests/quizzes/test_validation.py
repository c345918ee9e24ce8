import pytest

from quizzes.generator.draft import Draft, Option, problems
from quizzes.generator.rules import task_for
from quizzes.validation import choice_problems


@pytest.mark.parametrize(
    ("kind", "choose", "choices", "expected"),
    [
        ("single", 1, [("a", True), ("b", False), ("c", False)], []),
        ("single", 1, [("a", True), ("b", True), ("c", False)], ["exactly one correct"]),
        ("single", 1, [("a", True), ("b", False)], ["at least 3 options"]),
        ("single", 1, [("Use SQS", True), ("use sqs.", False), ("c", False)], ["same thing"]),
        ("multiple", 2, [("a", True), ("b", True), ("c", False), ("d", False), ("e", False)], []),
        ("multiple", 2, [("a", True), ("b", False), ("c", False), ("d", False), ("e", False)],
         ["asks for 2 answers but 1"]),
        ("multiple", 2, [("a", True), ("b", True), ("c", False), ("d", False)], ["at least 5"]),
        ("multiple", 1, [("a", True), ("b", False), ("c", False), ("d", False), ("e", False)],
         ["at least two answers"]),
    ],
)  # fmt: skip
def test_choice_rules(kind, choose, choices, expected):
    found = choice_problems(kind, choose, choices)
    assert len(found) == len(expected)
    for problem, fragment in zip(found, expected, strict=True):
        assert fragment in problem


def draft(stem="Which code do clients get?", options=None, **kwargs):
    options = options or [Option("504", True), Option("502", False), Option("429", False),
                          Option("403", False)]  # fmt: skip
    return Draft(key="k", family="t", stem=stem, options=options, explanation="Because.",
                 service=None, task="4.1", **kwargs)  # fmt: skip


def test_a_good_draft_passes():
    assert problems(draft()) == []


def test_generated_single_answer_has_exactly_four_options():
    options = [Option("504", True), Option("502", False), Option("429", False)]
    assert any("three distractors" in p for p in problems(draft(options=options)))


@pytest.mark.parametrize(
    ("text", "task"),
    [
        ("kms Which key encrypts the S3 object?", "2.2"),
        ("secrets-manager Rotate the database password", "2.3"),
        ("cognito Users sign in with a user pool", "2.1"),
        ("codedeploy Blue/green deployment of the application", "3.4"),
        ("cloudformation Which template section", "3.1"),
        ("x-ray Trace requests across services", "4.2"),
        ("api-gateway Clients receive a 504 error", "4.1"),
        ("lambda Cold starts hurt latency", "4.3"),
        ("lambda Read the event in the handler", "1.2"),
        ("dynamodb Query the table by partition key", "1.3"),
        ("sqs Decouple the producer from the consumer", "1.1"),
    ],
)
def test_task_rules(text, task):
    assert task_for(text) == task
