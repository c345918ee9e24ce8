"""Upgrading keeps every answer: migration 0005 moves existing attempts onto versions."""

import pytest
from django.utils import timezone

from tests.migrating import migrate, migrated_back

BEFORE = [("quizzes", "0003_attempts")]
AFTER = [("quizzes", "0006_version_required")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_existing_attempts_move_onto_versions_with_every_answer():
    with migrated_back(BEFORE) as apps:
        User = apps.get_model("auth", "User")
        Domain = apps.get_model("quizzes", "Domain")
        Question = apps.get_model("quizzes", "Question")
        Choice = apps.get_model("quizzes", "Choice")
        Attempt = apps.get_model("quizzes", "Attempt")
        AttemptQuestion = apps.get_model("quizzes", "AttemptQuestion")
        domain, _ = Domain.objects.get_or_create(
            number=1, defaults={"name": "Development", "weight": 32}
        )
        question = Question.objects.create(stem="Old?", domain=domain, explanation="Why.")
        choices = [
            Choice.objects.create(question=question, text=text, is_correct=text == "Key",
                                  position=position)
            for position, text in enumerate(["Wrong", "Key", "Other"])
        ]  # fmt: skip
        user = User.objects.create(username="learner")
        now = timezone.now()
        attempt = Attempt.objects.create(
            user=user, kind="custom", title="Quiz", started_at=now, finished_at=now
        )
        order = [choices[2].pk, choices[0].pk, choices[1].pk]
        AttemptQuestion.objects.create(
            attempt=attempt, question=question, position=1, choice_order=order,
            selected=[choices[1].pk], answered_at=now, is_correct=True,
        )  # fmt: skip

        apps = migrate(AFTER)
        item = apps.get_model("quizzes", "AttemptQuestion").objects.get()
        assert (item.choice_order, item.selected, item.is_correct) == (order, [choices[1].pk], True)
        assert (item.version.number, item.version.stem, item.version.explanation) == (
            1, "Old?", "Why.",
        )  # fmt: skip
        shown = {c.pk: (c.text, c.is_correct) for c in item.version.choices.all()}
        assert shown == {
            choices[0].pk: ("Wrong", False), choices[1].pk: ("Key", True),
            choices[2].pk: ("Other", False),
        }  # fmt: skip
        VersionChoice = apps.get_model("quizzes", "VersionChoice")
        new = VersionChoice.objects.create(version=item.version, text="Later", position=9)
        assert new.pk > max(order)  # the id sequence moved past the copied ids
