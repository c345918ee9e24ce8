"""Question versions: what a learner saw and answered survives edits, regeneration and imports."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction

from quizzes import exams
from quizzes.generator.run import questions_generate
from quizzes.models import AttemptQuestion, Question, QuestionVersion, TaskStatement, VersionChoice
from quizzes.taxonomy import taxonomy_sync
from quizzes.versions import versions_current
from tests.quizzes.test_admin import question_form


@pytest.fixture
def question(db):
    taxonomy_sync()
    task = TaskStatement.objects.get(code="1.1")
    question = Question.objects.create(
        stem="Which service queues messages?", domain=task.domain, task=task, status="published",
        explanation="SQS queues.",
    )  # fmt: skip
    for position, (text, correct) in enumerate(
        [("Amazon SQS", True), ("Amazon SNS", False), ("Amazon MQ", False)]
    ):
        question.choices.create(text=text, is_correct=correct, position=position)
    return question


@pytest.fixture
def learner(db, client):
    user = User.objects.create_user("learner", password="pw-long-enough-42")
    client.force_login(user)
    return user


def finished_attempt(user, *, kind="custom", count=1, seed=None):
    """An attempt in which every question got its keyed answer, then finished."""
    attempt = exams.attempt_start(user=user, kind=kind, count=count, minutes=30, seed=seed)
    for item in attempt.items.select_related("version"):
        keys = [c.pk for c in item.version.choices.all() if c.is_correct]
        exams.attempt_answer(
            attempt_id=attempt.pk, user=user, position=item.position, choice_ids=keys
        )
    return exams.attempt_finish(attempt=attempt)


def items_as_stored(attempt):
    return list(
        attempt.items.order_by("position").values_list(
            "version_id", "choice_order", "selected", "is_correct"
        )
    )


def test_unchanged_content_keeps_its_version(question):
    first = versions_current([question.pk])[question.pk]
    question.status = Question.Status.DRAFT  # curation, not content
    question.save()
    assert versions_current([question.pk])[question.pk] == first
    assert first.number == 1 and first.choices.count() == 3


def test_changed_content_gets_a_new_version_and_the_old_one_stays(question):
    first = versions_current([question.pk])[question.pk]
    question.choices.filter(text="Amazon MQ").update(text="Amazon Kinesis")
    second = versions_current([question.pk])[question.pk]
    assert second.number == 2
    assert sorted(second.choices.values_list("text", flat=True)) == [
        "Amazon Kinesis", "Amazon SNS", "Amazon SQS",
    ]  # fmt: skip
    first.refresh_from_db()
    assert "Amazon MQ" in first.choices.values_list("text", flat=True)


def test_admin_edit_of_a_used_question_creates_a_version_and_the_attempt_shows_the_old_one(
    question, learner, client
):
    attempt = finished_attempt(learner)
    shown = attempt.items.get().version
    instructor = User.objects.create_superuser("ines", password="pw-long-enough-42")
    client.force_login(instructor)
    choices = list(question.choices.order_by("position"))
    data = question_form(
        "Which service buffers messages between producers and consumers?", choices=[]
    )
    data.update({"choices-TOTAL_FORMS": 3, "choices-INITIAL_FORMS": 3})
    for index, (choice, text) in enumerate(
        zip(choices, ["Amazon SQS", "Amazon SNS", "Amazon Kinesis Data Streams"], strict=True)
    ):
        data.update({f"choices-{index}-id": choice.pk, f"choices-{index}-question": question.pk})
        data.update({f"choices-{index}-text": text, f"choices-{index}-position": index})
        if choice.is_correct:
            data[f"choices-{index}-is_correct"] = "on"
    response = client.post(f"/admin/quizzes/question/{question.pk}/change/", data, follow=True)
    assert "Saved as version 2. The 1 attempt(s) that showed version 1 keep it" in (
        response.content.decode()
    )
    assert question.versions.count() == 2

    client.force_login(learner)
    results = client.get(f"/exams/{attempt.pk}/results/").content.decode()
    assert "Which service queues messages?" in results and "Amazon MQ" in results
    assert "Kinesis" not in results and "buffers messages" not in results
    assert attempt.items.get().version == shown and shown.choices.count() == 3
    new = exams.attempt_start(user=learner, kind="custom", count=1, minutes=5)
    assert new.items.get().version.number == 2


def test_a_version_an_attempt_showed_cannot_be_changed_or_deleted(question, learner):
    attempt = finished_attempt(learner)
    version = attempt.items.get().version
    choice = version.choices.first()
    for statement, params in [
        ("DELETE FROM quizzes_versionchoice WHERE id = %s", [choice.pk]),
        ("UPDATE quizzes_versionchoice SET text = 'changed' WHERE id = %s", [choice.pk]),
        ("UPDATE quizzes_questionversion SET stem = 'changed' WHERE id = %s", [version.pk]),
        ("DELETE FROM quizzes_questionversion WHERE id = %s", [version.pk]),
    ]:
        with (
            pytest.raises(IntegrityError, match="was shown in an attempt"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement, params)
    assert version.choices.count() == 3


def test_what_an_attempt_showed_and_finished_answers_cannot_be_rewritten(question, learner):
    attempt = finished_attempt(learner)
    item = attempt.items.get()
    for statement in [
        "UPDATE quizzes_attemptquestion SET choice_order = '{1,2,3}'",
        "UPDATE quizzes_attemptquestion SET position = 2",
        "UPDATE quizzes_attemptquestion SET selected = '{}'",
        "UPDATE quizzes_attemptquestion SET flagged = true",
    ]:
        with (
            pytest.raises(IntegrityError, match="attempt item"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement)
    assert attempt.items.get().selected == item.selected != []


def test_a_question_never_shown_can_be_deleted_with_its_versions(question):
    versions_current([question.pk])
    question.delete()
    assert not QuestionVersion.objects.exists() and not VersionChoice.objects.exists()


def test_regeneration_updating_a_used_question_keeps_the_attempt_on_its_version(seed_bank, learner):
    attempt = finished_attempt(learner, kind="full", seed=3)
    before = items_as_stored(attempt)
    question = attempt.items.filter(question__family="item").first().question
    generated_stem = question.stem
    question.stem = "A stem the generator no longer writes?"  # as if a template changed
    question.save()
    versions_current([question.pk])
    report = questions_generate()  # the generator writes its own stem back
    assert report.updated == 1
    question.refresh_from_db()
    assert question.stem == generated_stem and question.versions.count() == 3
    assert items_as_stored(attempt) == before


def test_regeneration_after_a_forced_reimport_keeps_every_attempt_and_updates_nothing(
    seed_bank, learner, client
):
    attempt = finished_attempt(learner, kind="full", seed=11)
    before = items_as_stored(attempt)
    assert len(before) == 65 and all(correct for *_, correct in before)
    call_command("import_notes", str(seed_bank), "--force", stdout=None)
    report = questions_generate()
    assert (report.created, report.updated) == (0, 0)
    assert items_as_stored(attempt) == before
    for item in AttemptQuestion.objects.filter(attempt=attempt).select_related("version"):
        assert set(item.choice_order) == set(item.version.choices.values_list("id", flat=True))
    results = client.get(f"/exams/{attempt.pk}/results/").content.decode()
    assert results.count("(your answer)") >= 65


@pytest.fixture(scope="module")
def _seed_questions(seed_notes, django_db_blocker):
    with django_db_blocker.unblock():
        questions_generate()
    yield seed_notes
    with django_db_blocker.unblock():
        Question.objects.all().delete()


@pytest.fixture
def seed_bank(_seed_questions, db):
    """The seed notes imported and the bank generated (once for the module)."""
    return _seed_questions


def test_notes_removed_and_imported_again_bring_questions_back_without_new_versions(seed_bank):
    versions = QuestionVersion.objects.count()
    call_command("import_notes", "--remove", seed_bank.name, stdout=None)
    retired = questions_generate().retired
    assert retired >= 400
    call_command("import_notes", str(seed_bank), stdout=None)
    report = questions_generate()
    assert (report.created, report.updated, report.curated) == (0, 0, retired)
    assert QuestionVersion.objects.count() == versions


def test_deleting_a_question_learners_saw_is_refused_with_advice(question, learner, client):
    Question.objects.exclude(pk=question.pk).update(status=Question.Status.DRAFT)
    finished_attempt(learner)  # draws the one published question
    client.force_login(User.objects.create_superuser("ines", password="pw-long-enough-42"))
    page = client.get(f"/admin/quizzes/question/{question.pk}/delete/").content.decode()
    assert "was shown in 1 attempt item(s): retire it instead" in page
    client.post(f"/admin/quizzes/question/{question.pk}/delete/", {"post": "yes"})
    assert Question.objects.filter(pk=question.pk).exists()
