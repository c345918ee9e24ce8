"""Reference content: AWS services, the topics within them, and the note sections they hold."""

from __future__ import annotations

from collections import Counter

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
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


# The DVA-C02 exam domains (../shared/reference/exam-blueprint.md).
EXAM_DOMAINS = {
    1: "Development with AWS Services",
    2: "Security",
    3: "Deployment",
    4: "Troubleshooting and Optimization",
}


class ServiceQuerySet(models.QuerySet):
    def with_content(self):
        return self.filter(sections__isnull=False).distinct()

    def with_counts(self):
        """Services with content, annotated with their topic and section counts."""
        return self.filter(sections__isnull=False).annotate(
            topic_count=models.Count("topics", distinct=True),
            section_count=models.Count("sections", distinct=True),
        )

    def in_domain(self, domain: int | None):
        return self.filter(domains__contains=[domain]) if domain else self


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

    @property
    def domain_names(self) -> list[tuple[int, str]]:
        return [(number, EXAM_DOMAINS[number]) for number in self.domains if number in EXAM_DOMAINS]

    def related_services(self, limit: int = 8) -> list[Service]:
        """Services linked to this one by mentions, in either direction, most linked first."""
        outgoing = Mention.objects.filter(section__service=self).values_list("service_id")
        incoming = Mention.objects.filter(service=self).values_list("section__service_id")
        weights = Counter(pk for (pk,) in outgoing.union(incoming, all=True) if pk != self.pk)
        services = Service.objects.in_bulk([pk for pk, _ in weights.most_common(limit)])
        return [services[pk] for pk, _ in weights.most_common(limit) if pk in services]


class SourceQuerySet(models.QuerySet):
    def content_version(self) -> str:
        """Changes whenever an import adds, replaces or removes content (cache keys)."""
        latest = self.aggregate(latest=models.Max("imported_at"), files=models.Count("id"))
        stamp = latest["latest"].timestamp() if latest["latest"] else 0
        return f"{latest['files']}-{stamp}"


class Source(models.Model):
    """One imported notes file, identified by the folder it belongs to and its path inside
    that folder (not by where the folder is), so that a moved or copied folder updates the
    same sources."""

    class Format(models.TextChoices):
        MARKDOWN = "markdown", "Markdown with headings"
        STRIPPED = "stripped", "Markdown with stripped sub-headings"
        SLIDES = "slides", "Slide deck"
        OUTLINE = "outline", "Bullet outline"
        ESSAY = "essay", "Plain-text essays"
        PLAIN = "plain", "Plain text"

    collection = models.CharField(
        max_length=255, help_text="Name of the folder it was imported from, e.g. notes."
    )
    path = models.TextField(help_text="Path inside that folder, e.g. dynamodb/streams.md.")
    location = models.TextField(
        blank=True, help_text="Where on disk it was last read from (information only)."
    )
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

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["collection", "path"], name="source_unique_identity"),
        ]

    def __str__(self):
        return self.identity

    @property
    def identity(self) -> str:
        """ "notes/dynamodb/streams.md": how import_notes --remove names it."""
        return f"{self.collection}/{self.path}"


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
    html = models.TextField(
        blank=True, help_text="The body rendered, sanitized and cross-linked at import time."
    )
    text = models.TextField(blank=True, help_text="The body as plain text, for search snippets.")
    search_vector = SearchVectorField(null=True, editable=False)
    heading_path = ArrayField(models.CharField(max_length=255), default=list, blank=True)
    position = models.PositiveIntegerField(help_text="Order within its source file.")
    flags = ArrayField(models.CharField(max_length=20, choices=Flag), default=list, blank=True)

    class Meta:
        ordering = ["topic__position", "source__name", "line_start"]
        constraints = [
            *LineRange.Meta.constraints,
            models.UniqueConstraint(fields=["service", "slug"], name="section_unique_slug"),
        ]
        indexes = [
            models.Index(fields=["source", "position"], name="section_source_position"),
            GinIndex(fields=["search_vector"], name="section_search_vector"),
        ]

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


class Mention(models.Model):
    """A section that names another service: a cross-link, stored at import time."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="mentions")
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="mentions")
    snippet = models.CharField(max_length=300, help_text="The text around the first mention.")

    class Meta:
        ordering = ["section__service__name", "section__line_start"]
        constraints = [
            models.UniqueConstraint(fields=["section", "service"], name="mention_unique"),
        ]

    def __str__(self):
        return f"{self.section.title} → {self.service.short_name}"


class Term(models.Model):
    """Search vocabulary: words and names from the notes (for "did you mean"), and acronyms
    with what they stand for (for query expansion)."""

    term = models.CharField(max_length=120, unique=True)
    expansion = models.CharField(
        max_length=200,
        blank=True,
        help_text="What an acronym stands for (GSI), or a compound's hyphenated form.",
    )
    frequency = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["term"]
        indexes = [
            GinIndex(fields=["term"], opclasses=["gin_trgm_ops"], name="term_trigram"),
        ]

    def __str__(self):
        return f"{self.term} ({self.expansion})" if self.expansion else self.term


class Lexeme(models.Model):
    """How many sections hold each word of the search index (as PostgreSQL stems it): the
    weight of a query word, so that rare words count more (rebuilt with the vocabulary)."""

    lexeme = models.TextField(unique=True)
    documents = models.PositiveIntegerField()

    def __str__(self):
        return f"{self.lexeme} ({self.documents})"
