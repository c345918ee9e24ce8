"""Attempt items must point to a version, and a version an attempt showed (or any of its
choices) can be neither changed nor deleted: enforced by the database, whoever writes."""

import django.db.models.deletion
from django.db import migrations, models

REFUSE_CHANGE = """
CREATE FUNCTION quizzes_refuse_shown_version_change() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    shown_version bigint := CASE TG_TABLE_NAME
        WHEN 'quizzes_questionversion' THEN (to_jsonb(OLD) ->> 'id')::bigint
        ELSE (to_jsonb(OLD) ->> 'version_id')::bigint END;
BEGIN
    IF EXISTS (SELECT 1 FROM quizzes_attemptquestion WHERE version_id = shown_version) THEN
        RAISE EXCEPTION 'question version % was shown in an attempt: it cannot be changed or deleted (%.%)',
            shown_version, TG_TABLE_NAME, TG_OP
            USING ERRCODE = 'restrict_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER questionversion_immutable_once_shown
    BEFORE UPDATE OR DELETE ON quizzes_questionversion
    FOR EACH ROW EXECUTE FUNCTION quizzes_refuse_shown_version_change();
CREATE TRIGGER versionchoice_immutable_once_shown
    BEFORE UPDATE OR DELETE ON quizzes_versionchoice
    FOR EACH ROW EXECUTE FUNCTION quizzes_refuse_shown_version_change();
"""

ALLOW_CHANGE = """
DROP TRIGGER versionchoice_immutable_once_shown ON quizzes_versionchoice;
DROP TRIGGER questionversion_immutable_once_shown ON quizzes_questionversion;
DROP FUNCTION quizzes_refuse_shown_version_change();
"""


class Migration(migrations.Migration):
    dependencies = [("quizzes", "0005_backfill_versions")]

    operations = [
        migrations.AlterField(
            model_name="attemptquestion",
            name="version",
            field=models.ForeignKey(
                help_text="The version shown: what review, results, scoring and statistics read.",
                on_delete=django.db.models.deletion.PROTECT,
                related_name="attempt_items",
                to="quizzes.questionversion",
            ),
        ),
        migrations.RunSQL(REFUSE_CHANGE, ALLOW_CHANGE),
    ]
