"""Every existing question gets version 1 (its content now), and every attempt item points to
the version of its question. Version 1's choices keep the ids of the choices they copy, so the
choice ids that attempts stored (shown order, answers) stay valid: no answer is lost."""

from django.db import migrations
from django.utils import timezone

from quizzes.versions import content_signature


def backfill_versions(apps, schema_editor):
    Question = apps.get_model("quizzes", "Question")
    QuestionVersion = apps.get_model("quizzes", "QuestionVersion")
    VersionChoice = apps.get_model("quizzes", "VersionChoice")
    AttemptQuestion = apps.get_model("quizzes", "AttemptQuestion")
    now = timezone.now()
    for question in Question.objects.prefetch_related("choices").order_by("pk").iterator(500):
        choices = sorted(question.choices.all(), key=lambda choice: (choice.position, choice.pk))
        version = QuestionVersion.objects.create(
            question=question,
            number=1,
            stem=question.stem,
            kind=question.kind,
            choose=question.choose,
            domain_id=question.domain_id,
            task_id=question.task_id,
            explanation=question.explanation,
            signature=content_signature(
                stem=question.stem,
                kind=question.kind,
                choose=question.choose,
                domain_id=question.domain_id,
                task_id=question.task_id,
                explanation=question.explanation,
                choices=[(c.text, c.is_correct, c.rationale) for c in choices],
            ),
            created_at=now,
        )
        VersionChoice.objects.bulk_create(
            VersionChoice(
                id=choice.pk,
                version=version,
                text=choice.text,
                is_correct=choice.is_correct,
                rationale=choice.rationale,
                position=position,
            )
            for position, choice in enumerate(choices)
        )
        AttemptQuestion.objects.filter(question=question).update(version=version)
    table = VersionChoice._meta.db_table
    with schema_editor.connection.cursor() as cursor:
        # The explicit ids above left the id sequence behind them.
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
            f" GREATEST((SELECT max(id) FROM {table}),"
            f" (SELECT max(id) FROM quizzes_choice), 1))"
        )


class Migration(migrations.Migration):
    dependencies = [("quizzes", "0004_versions")]

    operations = [migrations.RunPython(backfill_versions, migrations.RunPython.noop)]
