"""Reference content: AWS services, the topics within them, and the note sections they hold."""

from django.contrib.postgres.fields import ArrayField
from django.db import models


class Category(models.TextChoices):
    COMPUTE = "compute", "Compute and serverless"
    CONTAINERS = "containers", "Containers"
    STORAGE = "storage", "Storage"
    DATABASE = "database", "Databases"
    INTEGRATION = "integration", "Application integration and messaging"
    ANALYTICS = "analytics", "Analytics and streaming"
    NETWORKING = "networking", "Networking and content delivery"
    DEVTOOLS = "devtools", "Developer tools and infrastructure as code"
    SECURITY = "security", "Security, identity and compliance"
    MONITORING = "monitoring", "Monitoring and management"
    FRONTEND = "frontend", "Front-end and mobile"
    GENERAL = "general", "General"


class ServiceQuerySet(models.QuerySet):
    def with_content(self):
        return self.filter(sections__isnull=False).distinct()


class Service(models.Model):
    """A canonical AWS service ("Amazon DynamoDB"), with the names notes use for it."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    short_name = models.CharField(max_length=60, help_text="Name in running text, e.g. DynamoDB.")
    category = models.CharField(max_length=20, choices=Category, default=Category.GENERAL)
    domains = ArrayField(
        models.PositiveSmallIntegerField(),
        default=list,
        blank=True,
        help_text="Default DVA-C02 exam domain numbers (1-4) for material on this service.",
    )
    aliases = ArrayField(
        models.CharField(max_length=120),
        default=list,
        blank=True,
        help_text="Other names and acronyms (SQS, Route53, Kinesis Data Firehose ...). "
        "All-capital acronyms match case-sensitively.",
    )
    keywords = ArrayField(
        models.CharField(max_length=120),
        default=list,
        blank=True,
        help_text="Distinctive terms that point to this service (buildspec, appspec ...).",
    )
    description = models.TextField(blank=True)

    objects = ServiceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Source(models.Model):
    """One imported notes file."""

    class Format(models.TextChoices):
        MARKDOWN = "markdown", "Markdown with headings"
        STRIPPED = "stripped", "Markdown with stripped sub-headings"
        SLIDES = "slides", "Slide deck"
        OUTLINE = "outline", "Bullet outline"
        ESSAY = "essay", "Plain-text essays"
        PLAIN = "plain", "Plain text"

    path = models.CharField(max_length=500, unique=True, help_text="Path as given to the importer.")
    name = models.CharField(max_length=255, help_text="File name shown to readers.")
    content_hash = models.CharField(max_length=64)
    format = models.CharField(max_length=20, choices=Format)
    imported_at = models.DateTimeField()
    line_count = models.PositiveIntegerField(default=0)
    section_count = models.PositiveIntegerField(default=0)
    topic_count = models.PositiveIntegerField(default=0)
    service_count = models.PositiveIntegerField(default=0)
    exam_note_count = models.PositiveIntegerField(default=0)
    warnings = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class LineRange(models.Model):
    """Where in its source file something was written (1-based, inclusive)."""

    line_start = models.PositiveIntegerField()
    line_end = models.PositiveIntegerField()

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=models.Q(line_end__gte=models.F("line_start")),
                name="%(class)s_line_range",
            ),
        ]


class Topic(models.Model):
    """A subject within a service, merging sections on it from every file."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="topics")
    title = models.CharField(max_length=255)
    slug = models.SlugField(max_length=120)
    key = models.CharField(max_length=255, help_text="Normalized subject used to merge sections.")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["service", "position", "title"]
        constraints = [
            models.UniqueConstraint(fields=["service", "slug"], name="topic_unique_slug"),
            models.UniqueConstraint(fields=["service", "key"], name="topic_unique_key"),
        ]

    def __str__(self):
        return f"{self.service.short_name}: {self.title}"


class Section(LineRange):
    """One fragment of one source file, with where it came from."""

    class Flag(models.TextChoices):
        INCOMPLETE = "incomplete", "Content lost in the notes"
        CODE_FRAGMENT = "code_fragment", "Broken code fragment"
        CONFLICT = "conflict", "Disagrees with another source"
        OPEN_QUESTION = "open_question", "Author's open question"

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="sections")
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="sections")
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="sections")
    title = models.CharField(max_length=255)
    slug = models.SlugField(max_length=160)
    body = models.TextField(help_text="Normalized Markdown.")
    heading_path = ArrayField(models.CharField(max_length=255), default=list, blank=True)
    position = models.PositiveIntegerField(help_text="Order within its source file.")
    flags = ArrayField(models.CharField(max_length=20, choices=Flag), default=list, blank=True)

    class Meta:
        ordering = ["topic__position", "source__name", "line_start"]
        constraints = [
            *LineRange.Meta.constraints,
            models.UniqueConstraint(fields=["service", "slug"], name="section_unique_slug"),
        ]
        indexes = [models.Index(fields=["source", "position"], name="section_source_position")]

    def __str__(self):
        return f"{self.title} ({self.source.name}:{self.line_start}-{self.line_end})"


class ExamNote(LineRange):
    """Question material written in the notes, kept with its source lines for the generator."""

    class Kind(models.TextChoices):
        SCENARIO = "scenario", "Scenario with correct / incorrect answers"
        EXPLANATION = "explanation", "Why an answer is incorrect"
        CUE = "cue", "Cue → answer"

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="exam_notes")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="exam_notes")
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="exam_notes")
    kind = models.CharField(max_length=20, choices=Kind)
    text = models.TextField(help_text="The scenario stem, the explained option, or the cue.")
    correct = models.JSONField(default=list, blank=True, help_text="Correct answers as written.")
    incorrect = models.JSONField(
        default=list, blank=True, help_text='Wrong answers: [{"text": ..., "reason": ...}].'
    )

    class Meta:
        ordering = ["source__name", "line_start"]
        constraints = LineRange.Meta.constraints

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:60]}"
