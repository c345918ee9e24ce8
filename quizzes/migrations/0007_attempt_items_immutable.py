"""What an attempt showed never changes (the question, its version, its place, the order of
its options), and once the attempt is finished neither do its answers, flags and marks:
enforced by the database, whoever writes. Deleting a learner's account still deletes its
attempts."""

from django.db import migrations

REFUSE_REWRITE = """
CREATE FUNCTION quizzes_refuse_attempt_item_rewrite() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.attempt_id, NEW.question_id, NEW.version_id, NEW.position, NEW.choice_order)
        IS DISTINCT FROM
       (OLD.attempt_id, OLD.question_id, OLD.version_id, OLD.position, OLD.choice_order) THEN
        RAISE EXCEPTION 'attempt item %: what an attempt showed cannot change', OLD.id
            USING ERRCODE = 'restrict_violation';
    END IF;
    IF EXISTS (SELECT 1 FROM quizzes_attempt
               WHERE id = OLD.attempt_id AND finished_at IS NOT NULL) THEN
        RAISE EXCEPTION 'attempt item %: the attempt is finished, its answers cannot change',
            OLD.id USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER attemptquestion_history_immutable
    BEFORE UPDATE ON quizzes_attemptquestion
    FOR EACH ROW EXECUTE FUNCTION quizzes_refuse_attempt_item_rewrite();
"""

ALLOW_REWRITE = """
DROP TRIGGER attemptquestion_history_immutable ON quizzes_attemptquestion;
DROP FUNCTION quizzes_refuse_attempt_item_rewrite();
"""


class Migration(migrations.Migration):
    dependencies = [("quizzes", "0006_version_required")]

    operations = [migrations.RunSQL(REFUSE_REWRITE, ALLOW_REWRITE)]
