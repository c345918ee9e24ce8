"""Instructors curate the question bank here."""

from django import forms
from django.contrib import admin, messages
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from quizzes.models import Choice, Domain, ProblemReport, Question, TaskStatement
from quizzes.reports import problem_reports_resolve
from quizzes.validation import choice_problems
from quizzes.versions import versions_current, versions_with_statistics


class ChoiceFormSet(forms.BaseInlineFormSet):
    """Single: exactly one correct option; multiple: as many correct as the stem asks, and at
    least five options."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        choices = [
            (form.cleaned_data.get("text", ""), form.cleaned_data.get("is_correct", False))
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        kind = self.instance.kind
        choose = self.instance.choose
        problems = choice_problems(kind, choose, choices)
        if problems:
            raise forms.ValidationError(problems)


class ChoiceInline(admin.TabularInline):
    model = Choice
    formset = ChoiceFormSet
    extra = 0
    min_num = 3
    fields = ["position", "text", "is_correct", "rationale"]
    ordering = ["position", "id"]


class ProblemReportInlineForm(forms.ModelForm):
    resolve = forms.BooleanField(
        required=False, label="Resolve", help_text="Tick when the question is fixed or retired."
    )

    class Meta:
        model = ProblemReport
        fields = ["resolution"]
        widgets = {"resolution": forms.Textarea(attrs={"rows": 2, "cols": 40})}


class ProblemReportInline(admin.TabularInline):
    """Learners' reports on this question: open ones first; tick "Resolve" after editing or
    retiring the question."""

    model = ProblemReport
    form = ProblemReportInlineForm
    extra = 0
    max_num = 0
    can_delete = False
    fields = ["reason", "comment", "version_seen", "created_at", "resolved_at", "resolve",
              "resolution"]  # fmt: skip
    readonly_fields = ["reason", "comment", "version_seen", "created_at", "resolved_at"]
    ordering = ["-resolved_at", "-created_at"]
    verbose_name = "problem report from a learner"

    @admin.display(description="Version seen")
    def version_seen(self, report):
        return f"v{report.version.number}"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("version")


class OpenReportsFilter(admin.SimpleListFilter):
    title = "problem reports"
    parameter_name = "reports"

    def lookups(self, request, model_admin):
        return [("open", "Open reports"), ("none", "No open reports")]

    def queryset(self, request, queryset):
        if self.value() == "open":
            return queryset.filter(open_reports__gt=0)
        if self.value() == "none":
            return queryset.filter(open_reports=0)
        return queryset


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = [
            "stem", "kind", "choose", "domain", "task", "service", "status", "difficulty",
            "review_note", "explanation", "sections", "edited",
        ]  # fmt: skip

    def clean(self):
        data = super().clean()
        kind, choose = data.get("kind"), data.get("choose")
        if kind == Question.Kind.SINGLE and choose != 1:
            self.add_error("choose", "A single-answer question picks exactly one option.")
        if kind == Question.Kind.MULTIPLE and (choose or 0) < 2:
            self.add_error("choose", "A multiple-response question asks for at least two.")
        task, domain = data.get("task"), data.get("domain")
        if task and domain and task.domain_id != domain.pk:
            self.add_error("task", f"Task {task.code} belongs to domain {task.domain.number}.")
        return data


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    form = QuestionForm
    inlines = [ChoiceInline, ProblemReportInline]

    def get_inlines(self, request, obj):
        """Learners' reports only on questions that have some."""
        if obj is None or not obj.reports.exists():
            return [ChoiceInline]
        return self.inlines

    list_display = [
        "short_stem", "domain", "task", "service", "kind", "status", "origin", "edited",
        "open_report_count",
    ]  # fmt: skip
    list_filter = [OpenReportsFilter, "status", "origin", "kind", "domain", "task", "service",
                   "family", "model"]  # fmt: skip
    list_select_related = ["domain", "task", "service"]
    search_fields = ["stem", "explanation", "choices__text", "generator_key"]
    actions = ["publish", "retire", "back_to_draft"]
    readonly_fields = [
        "preview", "statistics", "source_sections", "origin", "family", "model", "decision",
        "generator_key",
    ]  # fmt: skip
    autocomplete_fields = ["service"]
    filter_horizontal = ["sections"]
    fieldsets = [
        (None, {"fields": ["stem", ("kind", "choose"), ("domain", "task"), "service"]}),
        ("Review", {"fields": ["status", "difficulty", "review_note", "explanation"]}),
        ("As learners see it", {"fields": ["preview"]}),
        ("Versions and item statistics", {"fields": ["statistics"]}),
        ("Where it comes from", {"fields": ["source_sections", "sections", "origin", "family",
                                            "model", "decision", "generator_key", "edited"]}),
    ]  # fmt: skip
    list_per_page = 50

    def get_queryset(self, request):
        open_reports = Count("reports", filter=Q(reports__resolved_at__isnull=True))
        return super().get_queryset(request).annotate(open_reports=open_reports)

    @admin.display(description="Question")
    def short_stem(self, question):
        return question.stem[:110]

    @admin.display(description="Open reports", ordering="open_reports")
    def open_report_count(self, question):
        return question.open_reports or ""

    def save_formset(self, request, form, formset, change):
        if formset.model is not ProblemReport:
            return super().save_formset(request, form, formset, change)
        for report_form in formset.forms:
            report = report_form.instance
            if report_form.cleaned_data.get("resolve") and report.resolved_at is None:
                problem_reports_resolve(
                    ProblemReport.objects.filter(pk=report.pk),
                    by=request.user,
                    resolution=report_form.cleaned_data.get("resolution", ""),
                )
            elif report_form.has_changed():
                report.save(update_fields=["resolution"])

    @admin.display(description="Preview")
    def preview(self, question):
        if not question.pk:
            return "Save the question to see a preview."
        return render_to_string("quizzes/_question_preview.html", {"question": question})

    @admin.display(description="Versions")
    def statistics(self, question):
        if not question.pk:
            return "—"
        versions, total = versions_with_statistics(question)
        return render_to_string(
            "quizzes/_item_statistics.html", {"versions": versions, "total": total}
        )

    @admin.display(description="Source sections")
    def source_sections(self, question):
        sections = question.sections.select_related("service", "source")
        if not question.pk or not sections:
            return "—"
        return format_html_join(
            format_html("<br>"),
            '<a href="{}#{}">{} › {}</a> ({}, lines {}–{})',
            (
                (
                    reverse("content:service_detail", args=[s.service.slug]),
                    s.slug,
                    s.service.short_name,
                    s.title,
                    s.source.name,
                    s.line_start,
                    s.line_end,
                )
                for s in sections
            ),
        )

    def save_model(self, request, obj, form, change):
        if change and obj.origin == Question.Origin.GENERATED:
            obj.edited = True  # regeneration leaves it alone from now on
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        """After the choices are saved: a new version when the content changed (attempts that
        showed an earlier version keep it)."""
        super().save_related(request, form, formsets, change)
        question = form.instance
        before = question.versions.order_by("-number").first()
        version = versions_current([question.pk])[question.pk]
        if before is None or version.pk == before.pk:
            return
        shown = before.attempt_items.count()
        if shown:
            message = (
                f"Saved as version {version.number}. The {shown} attempt(s) that showed version "
                f"{before.number} keep it in their review and results; new attempts show "
                f"version {version.number}."
            )
        else:
            message = (
                f"Saved as version {version.number} (version {before.number} was never shown "
                "to a learner)."
            )
        self.message_user(request, message, messages.INFO)

    def get_deleted_objects(self, objs, request):
        """A question that learners have seen cannot be deleted (their attempts keep it): say
        so, and what to do instead, rather than list every attempt item."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        if protected:
            shown = [(question, question.attempt_items.count()) for question in objs]
            protected = [
                f"“{question.stem[:80]}” was shown in {count} attempt item(s): retire it instead "
                "(“Retire selected questions”), so that learners' results keep it and new exams "
                "no longer draw it."
                for question, count in shown
                if count
            ] or protected
        return deleted, counts, perms_needed, protected

    @admin.action(description="Publish selected questions")
    def publish(self, request, queryset):
        incomplete = [q for q in queryset.prefetch_related("choices") if _problems(q)]
        ready = queryset.exclude(pk__in=[q.pk for q in incomplete])
        count = ready.update(status=Question.Status.PUBLISHED)
        self.message_user(request, f"Published {count} questions.", messages.SUCCESS)
        for question in incomplete:
            self.message_user(
                request,
                f"Not published: “{question.stem[:60]}”: {'; '.join(_problems(question))}",
                messages.WARNING,
            )

    @admin.action(description="Retire selected questions")
    def retire(self, request, queryset):
        count = queryset.update(status=Question.Status.RETIRED)
        self.message_user(request, f"Retired {count} questions.", messages.SUCCESS)

    @admin.action(description="Send selected questions back to draft")
    def back_to_draft(self, request, queryset):
        count = queryset.update(status=Question.Status.DRAFT)
        self.message_user(request, f"{count} questions are drafts again.", messages.SUCCESS)


def _problems(question: Question) -> list[str]:
    choices = [(choice.text, choice.is_correct) for choice in question.choices.all()]
    return choice_problems(question.kind, question.choose, choices)


@admin.register(Domain)
class DomainAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "weight", "question_count"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(questions_total=Count("questions"))

    @admin.display(description="Questions", ordering="questions_total")
    def question_count(self, domain):
        return domain.questions_total


@admin.register(TaskStatement)
class TaskStatementAdmin(admin.ModelAdmin):
    list_display = ["code", "text", "domain"]
    list_filter = ["domain"]


@admin.register(ProblemReport)
class ProblemReportAdmin(admin.ModelAdmin):
    """Every report, open ones first; resolve by editing or retiring the question, then here
    or in the question's own page."""

    list_display = ["question_link", "reason", "short_comment", "version_number", "user",
                    "created_at", "resolved_at"]  # fmt: skip
    list_filter = [("resolved_at", admin.EmptyFieldListFilter), "reason"]
    list_select_related = ["question", "version", "user"]
    search_fields = ["comment", "question__stem"]
    readonly_fields = ["question", "version", "user", "reason", "comment", "created_at",
                       "resolved_at", "resolved_by"]  # fmt: skip
    fields = [*readonly_fields, "resolution"]
    actions = ["resolve"]
    ordering = ["-resolved_at", "-created_at"]

    def has_add_permission(self, request):
        return False  # learners report from the exam pages

    def has_delete_permission(self, request, obj=None):
        return False  # a report is part of the question's history

    @admin.display(description="Question")
    def question_link(self, report):
        url = reverse("admin:quizzes_question_change", args=[report.question_id])
        return format_html('<a href="{}">{}</a>', url, report.question.stem[:80])

    @admin.display(description="Comment")
    def short_comment(self, report):
        return report.comment[:80]

    @admin.display(description="Version")
    def version_number(self, report):
        return f"v{report.version.number}"

    @admin.action(description="Mark selected reports resolved")
    def resolve(self, request, queryset):
        count = problem_reports_resolve(queryset, by=request.user)
        self.message_user(request, f"Resolved {count} reports.", messages.SUCCESS)
