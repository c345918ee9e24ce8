"""generate_questions on the seed notes: the bank's size, spread and quality."""

import pytest
from django.core.management import call_command
from django.db.models import Count

from quizzes.generator.run import questions_generate
from quizzes.models import Question
from quizzes.validation import choice_problems


@pytest.fixture(scope="module")
def bank(seed_notes, django_db_blocker):
    """The bank generated once for the module from the seed notes."""
    with django_db_blocker.unblock():
        report = questions_generate()
    yield report
    with django_db_blocker.unblock():
        Question.objects.all().delete()


def test_bank_size_and_spread(bank, db):
    published = Question.objects.published()
    total = published.count()
    assert total >= 400
    shares = dict(published.values_list("domain__number").annotate(n=Count("id")))
    assert set(shares) == {1, 2, 3, 4}
    assert all(count / total >= 0.15 for count in shares.values()), shares
    assert published.filter(kind=Question.Kind.MULTIPLE).count() >= 60
    assert published.filter(family="computed").count() >= 100


def test_every_question_passes_the_validators(bank, db):
    for question in Question.objects.prefetch_related("choices"):
        choices = [(c.text, c.is_correct) for c in question.choices.all()]
        assert choice_problems(question.kind, question.choose, choices) == [], question.stem
        assert question.explanation and question.task.domain_id == question.domain_id
        assert question.sections.exists(), question.generator_key


def test_the_502_vs_504_and_sse_header_questions_exist(bank, db):
    xml = Question.objects.published().get(stem__contains="returns XML instead of the JSON")
    assert list(xml.choices.filter(is_correct=True).values_list("text", flat=True)) == [
        "502 Bad Gateway"
    ]
    assert xml.choices.filter(text="504 Gateway Timeout").exists() or xml.choices.count() == 4
    header = Question.objects.published().filter(
        choices__is_correct=True, choices__text__startswith="x-amz-server-side-encryption"
    )
    assert header.exists()


def test_conflicting_facts_are_drafts_with_the_conflict_shown(bank, db):
    for question in Question.objects.exclude(review_note=""):
        assert question.status == Question.Status.DRAFT


def test_regeneration_creates_nothing_new(bank, db):
    before = sorted(Question.objects.values_list("id", "generator_key", "updated_at"))
    report = questions_generate()
    assert report.created == report.updated == 0
    assert sorted(Question.objects.values_list("id", "generator_key", "updated_at")) == before


def test_instructor_edits_survive_regeneration(bank, db):
    question = Question.objects.filter(family="confusable").first()
    question.stem = "Edited by an instructor: " + question.stem
    question.edited = True
    question.save()
    question.choices.filter(is_correct=False).first().delete()
    report = questions_generate()
    question.refresh_from_db()
    assert question.stem.startswith("Edited by an instructor")
    assert question.choices.count() == 3
    assert report.kept_edited >= 1


def test_command_reports_the_bank(bank, db, capsys):
    call_command("generate_questions")
    out = capsys.readouterr().out
    assert "created 0" in out and "domain 2 Security" in out
