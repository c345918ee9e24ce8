"""An attempt never holds two questions with the same stem or the same model and decision;
learners report problems and instructors see and resolve them in the admin."""

import pytest
from django.contrib.auth.models import Group, User

from quizzes import exams
from quizzes.models import Choice, ProblemReport, Question, TaskStatement
from quizzes.taxonomy import INSTRUCTORS, taxonomy_sync


def make(task, stem, decision=""):
    question = Question.objects.create(
        stem=stem, domain=task.domain, task=task, status="published", explanation="Because.",
        decision=decision,
    )  # fmt: skip
    for position, text in enumerate(["Key", "Wrong A", "Wrong B", "Wrong C"]):
        Choice.objects.create(
            question=question, text=text, is_correct=position == 0, position=position
        )
    return question


@pytest.fixture
def twins(db):
    """Per domain: 10 questions of one model and decision, 10 with one stem (written
    differently), and 10 different ones."""
    taxonomy_sync()
    for domain in (1, 2, 3, 4):
        task = TaskStatement.objects.get(code=f"{domain}.1")
        for number in range(10):
            make(task, f"Context {domain}-{number}: which policy?", decision=f"model-{domain}:key")
            make(task, f"Same stem {domain}, " + "again " * 0 + ("." * number))
            make(task, f"Different question {domain}-{number}?")


@pytest.fixture
def learner(db, client):
    user = User.objects.create_user("learner", password="pw-long-enough-42")
    client.force_login(user)
    return user


def _twins_in(attempt):
    rows = attempt.items.values_list("question__decision", "question__stem")
    decisions = [decision for decision, _ in rows if decision]
    stems = [stem.rstrip(".") for _, stem in rows]
    return len(decisions) - len(set(decisions)), len(stems) - len(set(stems))


@pytest.mark.parametrize("kind", ["full", "custom", "weak"])
def test_duplicates_never_share_an_attempt(twins, learner, kind):
    for seed in range(20):
        attempt = exams.attempt_start(user=learner, kind=kind, count=40, seed=seed, minutes=0)
        assert _twins_in(attempt) == (0, 0), (kind, seed)
        # One of each twin group per domain, and the 10 different ones, fit.
        assert attempt.items.count() >= (12 if kind != "full" else 40)


@pytest.fixture
def finished(db, learner):
    taxonomy_sync()
    task = TaskStatement.objects.get(code="1.1")
    for number in range(3):
        make(task, f"Question {number}?")
    attempt = exams.attempt_start(user=learner, kind="custom", count=3, minutes=0, seed=1)
    return exams.attempt_finish(attempt=attempt)


def test_results_offer_a_report_form_per_question(finished, client):
    html = client.get(f"/exams/{finished.pk}/results/").content.decode()
    assert html.count("Report a problem with this question") == 3
    assert 'name="report-2-reason"' in html and "More than one answer is right" in html


def test_a_report_reaches_the_admin_and_is_resolved_there(finished, learner, client):
    item = finished.items.get(position=2)
    response = client.post(
        f"/exams/{finished.pk}/q/2/report/",
        {"report-2-reason": "ambiguous", "report-2-comment": "B is right too."},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200 and "reached the instructors" in response.content.decode()
    report = ProblemReport.objects.get()
    assert (report.question_id, report.version_id) == (item.question_id, item.version_id)
    assert (report.user, report.reason, report.comment) == (learner, "ambiguous", "B is right too.")

    teacher = User.objects.create_user("teacher", password="pw-long-enough-42", is_staff=True)
    teacher.groups.add(Group.objects.get(name=INSTRUCTORS))
    client.force_login(teacher)
    listing = client.get("/admin/quizzes/question/?reports=open").content.decode()
    assert item.question.stem in listing and "Open reports" in listing
    for other in Question.objects.exclude(pk=item.question_id):
        assert other.stem not in listing
    page = client.get(f"/admin/quizzes/question/{item.question_id}/change/").content.decode()
    assert "B is right too." in page and "v1" in page

    resolved = client.post(
        "/admin/quizzes/problemreport/",
        {"action": "resolve", "_selected_action": [report.pk]},
    )
    assert resolved.status_code == 302
    report.refresh_from_db()
    assert report.resolved_at and report.resolved_by == teacher
    assert (
        item.question.stem
        not in client.get("/admin/quizzes/question/?reports=open").content.decode()
    )


def test_a_report_without_a_reason_is_refused_and_stores_nothing(finished, client):
    response = client.post(
        f"/exams/{finished.pk}/q/1/report/",
        {"report-1-comment": "?"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 400 and "Choose what is wrong" in response.content.decode()
    assert not ProblemReport.objects.exists()


def test_another_learner_cannot_report_on_my_attempt(finished, client):
    other = User.objects.create_user("other", password="pw-long-enough-42")
    client.force_login(other)
    response = client.post(f"/exams/{finished.pk}/q/1/report/", {"report-1-reason": "typo"})
    assert response.status_code == 404 and not ProblemReport.objects.exists()


def test_practice_feedback_offers_the_report_form(db, learner, client):
    taxonomy_sync()
    task = TaskStatement.objects.get(code="1.1")
    make(task, "Practice question?")
    attempt = exams.attempt_start(user=learner, kind="custom", mode="practice", count=1, minutes=0)
    item = attempt.items.get()
    key = item.version.choices.get(is_correct=True)
    html = client.post(
        f"/exams/{attempt.pk}/q/1/answer/", {"choice": [key.pk]}, headers={"HX-Request": "true"}
    ).content.decode()
    assert "Correct." in html and "Report a problem with this question" in html
