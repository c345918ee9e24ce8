"""Instructors in the Django admin: exactly the permissions to manage questions."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from quizzes.models import Domain, Question, TaskStatement


@pytest.fixture
def instructor(db, client, monkeypatch):
    monkeypatch.setenv("INSTRUCTOR_PASSWORD", "a-long-Passphrase-42")
    call_command(
        "createinstructor", "ines", "--password-from-env", "INSTRUCTOR_PASSWORD", stdout=None
    )
    user = User.objects.get(username="ines")
    client.force_login(user)
    return user


def question_form(stem, kind="single", choose=1, choices=()):
    task = TaskStatement.objects.get(code="1.1")
    data = {
        "stem": stem,
        "kind": kind,
        "choose": choose,
        "domain": task.domain_id,
        "task": task.pk,
        "status": "published",
        "difficulty": 2,
        "explanation": "Because.",
        "choices-TOTAL_FORMS": len(choices),
        "choices-INITIAL_FORMS": 0,
        "choices-MIN_NUM_FORMS": 0,
        "choices-MAX_NUM_FORMS": 1000,
    }
    for index, (text, correct) in enumerate(choices):
        data[f"choices-{index}-text"] = text
        data[f"choices-{index}-position"] = index
        if correct:
            data[f"choices-{index}-is_correct"] = "on"
    return data


def test_instructor_can_add_a_question(client, instructor):
    assert client.get("/admin/quizzes/question/add/").status_code == 200
    data = question_form(
        "Which service queues messages?",
        choices=[("Amazon SQS", True), ("Amazon SNS", False), ("Amazon MQ", False)],
    )
    response = client.post("/admin/quizzes/question/add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    question = Question.objects.get(stem="Which service queues messages?")
    assert question.origin == Question.Origin.INSTRUCTOR
    assert question.choices.filter(is_correct=True).count() == 1


def test_instructor_cannot_open_users_or_groups(client, instructor):
    assert client.get("/admin/auth/user/").status_code == 403
    assert client.get("/admin/auth/group/").status_code == 403
    assert client.get("/admin/quizzes/domain/").status_code == 200  # view only
    domain = Domain.objects.get(number=1)
    assert client.get(f"/admin/quizzes/domain/{domain.pk}/change/").status_code == 200
    client.post(f"/admin/quizzes/domain/{domain.pk}/change/", {"name": "x", "weight": 1})
    domain.refresh_from_db()
    assert domain.name == "Development with AWS Services"


@pytest.mark.parametrize(
    ("kind", "choose", "choices", "message"),
    [
        ("single", 1, [("A", True), ("B", True), ("C", False)], "exactly one correct option"),
        ("multiple", 2, [("A", True), ("B", True), ("C", False), ("D", False)],
         "at least 5 options"),
        ("multiple", 2, [("A", True), ("B", False), ("C", False), ("D", False), ("E", False)],
         "asks for 2 answers but 1"),
    ],
)  # fmt: skip
def test_admin_rejects_invalid_choices(client, instructor, kind, choose, choices, message):
    response = client.post(
        "/admin/quizzes/question/add/", question_form("Stem?", kind, choose, choices)
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Question.objects.filter(stem="Stem?").exists()


def test_editing_a_generated_question_protects_it_from_regeneration(client, instructor):
    task = TaskStatement.objects.get(code="4.1")
    question = Question.objects.create(
        stem="Old stem?", domain=task.domain, task=task, origin="generated",
        generator_key="confusable:test:x", status="published",
    )  # fmt: skip
    for position, (text, correct) in enumerate([("A", True), ("B", False), ("C", False)]):
        question.choices.create(text=text, is_correct=correct, position=position)
    data = question_form("New stem?", choices=[])
    data["domain"], data["task"] = task.domain_id, task.pk
    data.update({"choices-TOTAL_FORMS": 3, "choices-INITIAL_FORMS": 3})
    for index, choice in enumerate(question.choices.all()):
        data[f"choices-{index}-id"] = choice.pk
        data[f"choices-{index}-question"] = question.pk
        data[f"choices-{index}-text"] = choice.text
        data[f"choices-{index}-position"] = index
        if choice.is_correct:
            data[f"choices-{index}-is_correct"] = "on"
    response = client.post(f"/admin/quizzes/question/{question.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    question.refresh_from_db()
    assert question.edited and question.stem == "New stem?"


def test_preview_and_bulk_actions(client, instructor):
    task = TaskStatement.objects.get(code="1.1")
    question = Question.objects.create(stem="**Bold** stem?", domain=task.domain, task=task)
    for position, (text, correct) in enumerate([("A", True), ("B", False), ("C", False)]):
        question.choices.create(text=text, is_correct=correct, position=position)
    page = client.get(f"/admin/quizzes/question/{question.pk}/change/").content.decode()
    assert "<strong>Bold</strong> stem?" in page
    client.post(
        "/admin/quizzes/question/",
        {"action": "publish", "_selected_action": [question.pk]},
    )
    question.refresh_from_db()
    assert question.status == Question.Status.PUBLISHED
    client.post("/admin/quizzes/question/", {"action": "retire", "_selected_action": [question.pk]})
    question.refresh_from_db()
    assert question.status == Question.Status.RETIRED


def test_item_statistics_after_attempts(client, instructor):
    from quizzes import exams

    task = TaskStatement.objects.get(code="1.1")
    question = Question.objects.create(
        stem="Counted?", domain=task.domain, task=task, status="published"
    )
    for position, (text, correct) in enumerate([("A", True), ("B", False), ("C", False)]):
        question.choices.create(text=text, is_correct=correct, position=position)
    for number in range(4):
        learner = User.objects.create_user(f"l{number}", password="pw-long-enough-42")
        attempt = exams.attempt_start(user=learner, kind="custom", count=1, minutes=5)
        key = attempt.items.get().version.choices.get(is_correct=True)
        if number % 2:
            exams.attempt_answer(
                attempt_id=attempt.pk, user=learner, position=1, choice_ids=[key.pk]
            )
        exams.attempt_finish(attempt=attempt)
    page = client.get(f"/admin/quizzes/question/{question.pk}/change/").content.decode()
    assert "All versions together: answered in 4 finished attempts" in page
    assert "Version 1</strong> (current)" in page and "shown in 4 attempts" in page
    assert "Facility (share correct): <strong>0.50</strong>" in page
    assert "not working" in page
