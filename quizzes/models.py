"""The question bank: exam domains and task statements, questions and their choices, and the
immutable versions of them that attempts show (as in Moodle's question bank).

`Question` and `Choice` are the working copy that instructors, the generator and
`import_questions` change. `QuestionVersion` and `VersionChoice` are snapshots of it: an attempt
points to the version it showed, so nothing a learner saw or answered changes afterwards.
"""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q


class Domain(models.Model):
    """A DVA-C02 exam domain with its weight in the exam."""

    number = models.PositiveSmallIntegerField(unique=True)
    name = models.CharField(max_length=120)
    weight = models.PositiveSmallIntegerField(help_text="Percent of the scored exam.")

    class Meta:
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {self.name}"


class TaskStatement(models.Model):
    domain = models.ForeignKey(Domain, on_delete=models.CASCADE, related_name="tasks")
    code = models.CharField(max_length=8, unique=True, help_text="e.g. 2.2")
    text = models.CharField(max_length=200)

    class Meta:
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.text}"


class QuestionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Question.Status.PUBLISHED)


class Question(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", "Multiple choice (one answer)"
        MULTIPLE = "multiple", "Multiple response (choose N)"

    class Origin(models.TextChoices):
        GENERATED = "generated", "Generated from the notes"
        IMPORTED = "imported", "Imported from a file"
        INSTRUCTOR = "instructor", "Written by an instructor"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"
        RETIRED = "retired", "Retired"

    class Difficulty(models.IntegerChoices):
        EASY = 1, "Easy"
        MEDIUM = 2, "Medium"
        HARD = 3, "Hard"

    stem = models.TextField(help_text="The question, in Markdown.")
    kind = models.CharField(max_length=10, choices=Kind, default=Kind.SINGLE)
    choose = models.PositiveSmallIntegerField(default=1, help_text="How many answers to pick.")
    domain = models.ForeignKey(Domain, on_delete=models.PROTECT, related_name="questions")
    task = models.ForeignKey(
        TaskStatement, on_delete=models.PROTECT, related_name="questions", null=True, blank=True
    )
    service = models.ForeignKey(
        "content.Service",
        on_delete=models.SET_NULL,
        related_name="questions",
        null=True,
        blank=True,
    )
    sections = models.ManyToManyField(
        "content.Section", related_name="questions", blank=True, help_text="Where the fact is."
    )
    explanation = models.TextField(blank=True, help_text="Why the key is right, in Markdown.")
    difficulty = models.PositiveSmallIntegerField(choices=Difficulty, default=Difficulty.MEDIUM)
    origin = models.CharField(max_length=12, choices=Origin, default=Origin.INSTRUCTOR)
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    family = models.CharField(max_length=40, blank=True, help_text="Generator family.")
    model = models.CharField(
        max_length=100, blank=True, help_text="The item model it was generated from."
    )
    decision = models.CharField(
        max_length=200,
        blank=True,
        help_text="Model and right answer: an attempt never holds two questions with the same.",
    )
    generator_key = models.CharField(max_length=200, null=True, blank=True, unique=True)
    edited = models.BooleanField(
        default=False, help_text="Changed by an instructor: regeneration leaves it alone."
    )
    review_note = models.TextField(
        blank=True, help_text="Why it needs review (e.g. the notes disagree on the fact)."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["domain__number", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="single", choose=1) | Q(kind="multiple", choose__gte=2),
                name="question_choose_matches_kind",
            ),
        ]
        indexes = [models.Index(fields=["status", "domain"], name="question_status_domain")]

    def __str__(self):
        return self.stem[:80]


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(max_length=500)
    is_correct = models.BooleanField(default=False)
    rationale = models.TextField(blank=True, help_text="Why this option is right or wrong.")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["question", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["question", "text"], name="choice_unique_text"),
        ]

    def __str__(self):
        return self.text


class QuestionVersionQuerySet(models.QuerySet):
    def latest_per_question(self, question_ids):
        """The newest version of each of these questions."""
        return (
            self.filter(question_id__in=question_ids)
            .order_by("question_id", "-number")
            .distinct("question_id")
        )


class QuestionVersion(models.Model):
    """A question's content as learners saw it: stem, choices, explanation, domain and task.

    Created by `quizzes.versions.versions_current`, never changed afterwards. Database triggers
    (migration 0004) refuse to change or delete a version, or its choices, once an attempt
    refers to it.
    """

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    stem = models.TextField()
    kind = models.CharField(max_length=10, choices=Question.Kind)
    choose = models.PositiveSmallIntegerField()
    domain = models.ForeignKey(Domain, on_delete=models.PROTECT, related_name="+")
    task = models.ForeignKey(
        TaskStatement, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    explanation = models.TextField(blank=True)
    signature = models.CharField(max_length=64, help_text="Digest of the content above.")
    created_at = models.DateTimeField()

    objects = QuestionVersionQuerySet.as_manager()

    class Meta:
        ordering = ["question", "number"]
        constraints = [
            models.UniqueConstraint(fields=["question", "number"], name="version_unique_number"),
            models.CheckConstraint(
                condition=Q(kind="single", choose=1) | Q(kind="multiple", choose__gte=2),
                name="version_choose_matches_kind",
            ),
        ]

    def __str__(self):
        return f"v{self.number}: {self.stem[:70]}"


class VersionChoice(models.Model):
    """One option of a question version; attempts store these ids."""

    version = models.ForeignKey(QuestionVersion, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField(max_length=500)
    is_correct = models.BooleanField(default=False)
    rationale = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["version", "position", "id"]

    def __str__(self):
        return self.text


class ProblemReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)


class ProblemReport(models.Model):
    """A learner's report that a question is wrong or unclear, for instructors to resolve
    (by editing the question, which makes a new version, or by retiring it)."""

    class Reason(models.TextChoices):
        WRONG_KEY = "wrong-key", "The marked answer is wrong"
        AMBIGUOUS = "ambiguous", "More than one answer is right"
        UNCLEAR = "unclear", "The question or an option is unclear"
        TYPO = "typo", "Typo or formatting"
        OTHER = "other", "Something else"

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="reports")
    version = models.ForeignKey(
        QuestionVersion, on_delete=models.PROTECT, related_name="reports",
        help_text="The version the learner saw.",
    )  # fmt: skip
    user = models.ForeignKey(
        "auth.User", on_delete=models.SET_NULL, null=True, related_name="problem_reports"
    )
    reason = models.CharField(max_length=12, choices=Reason)
    comment = models.TextField(blank=True, max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        "auth.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resolution = models.TextField(blank=True, help_text="What was done about it.")

    objects = ProblemReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["question", "resolved_at"], name="report_question_open")]

    def __str__(self):
        return f"{self.get_reason_display()} (question {self.question_id})"


class LearnerSettings(models.Model):
    """Per-learner preferences: extended time (WCAG 2.2.1)."""

    EXTENDED_FACTOR = 1.5

    user = models.OneToOneField(
        "auth.User", on_delete=models.CASCADE, related_name="learner_settings"
    )
    extended_time = models.BooleanField(
        default=False, help_text="Give 1.5 times the time on timed exams."
    )

    def __str__(self):
        return f"Settings of {self.user}"


class AttemptQuerySet(models.QuerySet):
    def open(self):
        return self.filter(finished_at__isnull=True)

    def finished(self):
        return self.filter(finished_at__isnull=False)


class Attempt(models.Model):
    """One learner's practice exam or quiz: the questions drawn, the deadline, the result."""

    class Kind(models.TextChoices):
        FULL = "full", "Full practice exam"
        CUSTOM = "custom", "Custom quiz"
        WEAK = "weak", "Weak areas"

    class Mode(models.TextChoices):
        EXAM = "exam", "Exam mode (results at the end)"
        PRACTICE = "practice", "Practice mode (feedback after each answer)"

    user = models.ForeignKey("auth.User", on_delete=models.CASCADE, related_name="attempts")
    kind = models.CharField(max_length=10, choices=Kind)
    mode = models.CharField(max_length=10, choices=Mode, default=Mode.EXAM)
    title = models.CharField(max_length=200)
    started_at = models.DateTimeField()
    deadline = models.DateTimeField(null=True, blank=True, help_text="None: untimed.")
    finished_at = models.DateTimeField(null=True, blank=True)
    finished_by_deadline = models.BooleanField(default=False)
    score_percent = models.FloatField(null=True, blank=True)
    scaled_score = models.PositiveSmallIntegerField(null=True, blank=True)
    passed = models.BooleanField(null=True, blank=True)
    domain_scores = models.JSONField(default=list, blank=True)

    objects = AttemptQuerySet.as_manager()

    class Meta:
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["user", "-started_at"], name="attempt_user_started")]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__isnull=True) | Q(deadline__gt=models.F("started_at")),
                name="attempt_deadline_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.user}, {self.started_at:%Y-%m-%d %H:%M})"

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None


class AttemptQuestion(models.Model):
    """A question as drawn for one attempt: the version shown, its place, its shuffled choices
    and the answer."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="items")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="attempt_items")
    version = models.ForeignKey(
        QuestionVersion,
        on_delete=models.PROTECT,
        related_name="attempt_items",
        help_text="The version shown: what review, results, scoring and statistics read.",
    )
    position = models.PositiveSmallIntegerField()
    choice_order = ArrayField(models.BigIntegerField(), help_text="VersionChoice ids as shown.")
    selected = ArrayField(models.BigIntegerField(), default=list, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    flagged = models.BooleanField(default=False)
    is_correct = models.BooleanField(null=True, blank=True, help_text="Set when scored.")

    class Meta:
        ordering = ["attempt", "position"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "position"], name="item_unique_position"),
            models.UniqueConstraint(fields=["attempt", "question"], name="item_unique_question"),
        ]

    def __str__(self):
        return f"{self.attempt_id} #{self.position}"
