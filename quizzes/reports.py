"""Learners report problems with a question; instructors resolve them in the admin."""

from __future__ import annotations

from django import forms
from django.utils import timezone

from quizzes.models import AttemptQuestion, ProblemReport


class ProblemReportForm(forms.ModelForm):
    class Meta:
        model = ProblemReport
        fields = ["reason", "comment"]
        widgets = {
            "reason": forms.RadioSelect,
            "comment": forms.Textarea(attrs={"rows": 3, "maxlength": 2000}),
        }
        labels = {"reason": "What is wrong?", "comment": "Details (optional)"}


def problem_report(*, item: AttemptQuestion, user, reason: str, comment: str) -> ProblemReport:
    """Record a learner's report on the version the item showed. A second report by the same
    learner on the same version, while the first is open, updates the first."""
    report, _ = ProblemReport.objects.update_or_create(
        question_id=item.question_id,
        version_id=item.version_id,
        user=user,
        resolved_at__isnull=True,
        defaults={"reason": reason, "comment": comment},
    )
    return report


def problem_reports_resolve(reports, *, by, resolution: str = "") -> int:
    """Mark open reports resolved by an instructor; the number resolved."""
    return reports.filter(resolved_at__isnull=True).update(
        resolved_at=timezone.now(), resolved_by=by, resolution=resolution
    )
