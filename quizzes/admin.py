"""Instructors curate the question bank here."""

from django import forms
from django.contrib import admin, messages
from django.db.models import Count
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from quizzes.models import Choice, Domain, Question, TaskStatement
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
    inlines = [ChoiceInline]
    list_display = ["short_stem", "domain", "task", "service", "kind", "status", "origin", "edited"]
    list_filter = ["status", "origin", "kind", "domain", "task", "service", "family"]
    list_select_related = ["domain", "task", "service"]
    search_fields = ["stem", "explanation", "choices__text", "generator_key"]
    actions = ["publish", "retire", "back_to_draft"]
    readonly_fields = [
        "preview", "statistics", "source_sections", "origin", "family", "generator_key",
    ]  # fmt: skip
    autocomplete_fields = ["service"]
    filter_horizontal = ["sections"]
    fieldsets = [
        (None, {"fields": ["stem", ("kind", "choose"), ("domain", "task"), "service"]}),
        ("Review", {"fields": ["status", "difficulty", "review_note", "explanation"]}),
        ("As learners see it", {"fields": ["preview"]}),
        ("Versions and item statistics", {"fields": ["statistics"]}),
        ("Where it comes from", {"fields": ["source_sections", "sections", "origin", "family",
                                            "generator_key", "edited"]}),
    ]  # fmt: skip
    list_per_page = 50

    @admin.display(description="Question")
    def short_stem(self, question):
        return question.stem[:110]

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
