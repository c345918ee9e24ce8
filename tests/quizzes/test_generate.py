"""generate_questions on the seed notes: the bank's size, spread and quality."""

import pytest
from django.core.management import call_command

from quizzes.generator.coverage import bank_coverage
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


def test_the_bank_meets_the_coverage_goals_on_the_seed_notes(bank, db):
    coverage = bank_coverage()
    assert coverage.misses() == []
    assert coverage.item_models >= 80 and coverage.item_services >= 35
    assert coverage.total >= 13 * 25
    published = Question.objects.published()
    assert published.filter(kind=Question.Kind.MULTIPLE).count() >= 20
    assert not published.filter(family="scenario", stem__contains="In a practice question")


def test_every_question_passes_the_validators(bank, db):
    for question in Question.objects.prefetch_related("choices"):
        choices = [(c.text, c.is_correct) for c in question.choices.all()]
        assert choice_problems(question.kind, question.choose, choices) == [], question.stem
        assert question.explanation and question.task.domain_id == question.domain_id
        assert question.sections.exists(), question.generator_key


def test_the_502_vs_504_and_sse_header_questions_exist(bank, db):
    published = Question.objects.published()
    for code in ["502", "504"]:  # "502 or 504?": what each status code means about the cause
        assert published.filter(stem__contains=f"HTTP {code}").exists(), code
    keys = published.filter(choices__is_correct=True)
    assert keys.filter(choices__text__contains="x-amz-server-side-encryption").exists()


def test_every_published_generated_question_quotes_and_links_its_notes(bank, db):
    for question in Question.objects.published().filter(family="item"):
        assert "From your notes (" in question.explanation, question.generator_key
        assert "Why not the others:" in question.explanation, question.generator_key


def test_conflicting_facts_are_drafts_with_the_conflict_shown(bank, db):
    for question in Question.objects.exclude(review_note=""):
        assert question.status == Question.Status.DRAFT


def test_regeneration_creates_nothing_new(bank, db):
    before = sorted(Question.objects.values_list("id", "generator_key", "updated_at"))
    report = questions_generate()
    assert report.created == report.updated == 0
    assert sorted(Question.objects.values_list("id", "generator_key", "updated_at")) == before


def test_instructor_edits_survive_regeneration(bank, db):
    question = Question.objects.filter(family="item").first()
    question.stem = "Edited by an instructor: " + question.stem
    question.edited = True
    question.save()
    left = question.choices.count() - 1
    question.choices.filter(is_correct=False).first().delete()
    report = questions_generate()
    question.refresh_from_db()
    assert question.stem.startswith("Edited by an instructor")
    assert question.choices.count() == left
    assert report.kept_edited >= 1


def test_command_reports_the_bank(bank, db, capsys):
    call_command("generate_questions")
    out = capsys.readouterr().out
    assert "created 0" in out and "domain 2 Security" in out
    assert "rejected by the quality gates" in out and "task 3.3:" in out
    assert "by service:" in out and "by model:" in out and "goals: all met" in out
