"""Practice exams: start, answer (htmx or plain forms), review, submit, results, history."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from content.models import Service
from portal.auth import login_required_session_user
from quizzes import exams
from quizzes.models import Attempt, AttemptQuestion, Domain, Question, VersionChoice
from quizzes.reports import ProblemReportForm, problem_report
from quizzes.scoring import PASS_PERCENT

RESULT_FILTERS = ["all", "correct", "incorrect", "flagged", "unanswered"]


class StartForm(forms.Form):
    kind = forms.ChoiceField(choices=Attempt.Kind.choices)
    mode = forms.ChoiceField(choices=Attempt.Mode.choices, required=False)
    domains = forms.TypedMultipleChoiceField(
        choices=[(n, n) for n in range(1, 5)], coerce=int, required=False
    )
    services = forms.ModelMultipleChoiceField(queryset=Service.objects.all(), required=False)
    count = forms.IntegerField(min_value=1, max_value=65, required=False)
    minutes = forms.IntegerField(min_value=0, max_value=240, required=False)


@login_required
@require_GET
def exam_list(request: HttpRequest) -> HttpResponse:
    attempts = Attempt.objects.filter(user=request.user)
    context = {
        "open_attempts": attempts.open()[:10],
        "recent": attempts.finished()[:5],
        "domains": Domain.objects.all(),
        "services": Service.objects.filter(questions__status="published").distinct(),
        "published": Question.objects.published().count(),
        "modes": Attempt.Mode.choices,
        "preselected": request.GET.get("service", ""),
    }
    return render(request, "quizzes/exam_list.html", context)


@login_required
@require_POST
def exam_start(request: HttpRequest) -> HttpResponse:
    form = StartForm(request.POST)
    if not form.is_valid():
        messages.error(request, f"Could not start: {form.errors.as_text()}")
        return redirect("quizzes:exam_list")
    data = form.cleaned_data
    try:
        attempt = exams.attempt_start(
            user=request.user,
            kind=data["kind"],
            mode=data["mode"] or Attempt.Mode.EXAM,
            domains=data["domains"],
            services=[service.pk for service in data["services"]],
            count=data["count"] or 10,
            minutes=data["minutes"] if data["kind"] != Attempt.Kind.FULL else None,
        )
    except exams.AttemptError as exc:
        messages.error(request, str(exc))
        return redirect("quizzes:exam_list")
    return redirect("quizzes:question", pk=attempt.pk, position=1)


def _attempt(request: HttpRequest, pk: int) -> Attempt:
    """The learner's own attempt (404 for anyone else's), finished if its time is up."""
    attempt = get_object_or_404(Attempt, pk=pk, user=request.user)
    return exams.finish_if_expired(attempt)


@login_required
@require_GET
def attempt_resume(request: HttpRequest, pk: int) -> HttpResponse:
    attempt = _attempt(request, pk)
    if attempt.is_finished:
        return redirect("quizzes:results", pk=pk)
    first_open = attempt.items.filter(answered_at__isnull=True).order_by("position").first()
    return redirect("quizzes:question", pk=pk, position=first_open.position if first_open else 1)


@login_required
@require_GET
def question(request: HttpRequest, pk: int, position: int) -> HttpResponse:
    attempt = _attempt(request, pk)
    if attempt.is_finished:
        return redirect("quizzes:results", pk=pk)
    return render(request, "quizzes/question.html", _question_context(attempt, position))


def _question_context(attempt: Attempt, position: int, **extra) -> dict:
    items = list(
        attempt.items.only("id", "attempt_id", "position", "answered_at", "flagged", "selected")
    )
    item = next((i for i in items if i.position == position), None)
    if item is None:
        raise Http404("No such question in this attempt.")
    item = AttemptQuestion.objects.select_related("version").get(pk=item.pk)
    choices = {c.pk: c for c in VersionChoice.objects.filter(version_id=item.version_id)}
    ordered = [choices[pk] for pk in item.choice_order if pk in choices]
    feedback = None
    if attempt.mode == Attempt.Mode.PRACTICE and item.selected:
        feedback = {
            "correct": {c.pk for c in ordered if c.is_correct} == set(item.selected),
            "keyed": [c for c in ordered if c.is_correct],
        }
    return {
        "attempt": attempt,
        "item": item,
        "question": item.version,  # the version this attempt shows
        "choices": ordered,
        "items": items,
        "total": len(items),
        "previous": position - 1 if position > 1 else None,
        "next": position + 1 if position < len(items) else None,
        "remaining": exams.remaining_seconds(attempt),
        "feedback": feedback,
        "report_form": _report_form(position) if feedback else None,
        **extra,
    }


@login_required_session_user
@require_POST
def answer(request: HttpRequest, pk: int, position: int, *, session_user) -> HttpResponse:
    """Save an answer (the hot path: one UPDATE that checks the learner, ownership and the
    deadline; see portal.auth.login_required_session_user)."""
    try:
        choice_ids = exams.choice_ids_parse(request.POST.getlist("choice"))
        result = exams.attempt_answer(
            attempt_id=pk, user=session_user, position=position, choice_ids=choice_ids
        )
    except exams.NotYours:
        raise Http404("No such attempt.") from None
    except exams.AttemptError as exc:
        message = str(exc)
        if request.htmx:
            # A link to the results only where the attempt is over.
            over = isinstance(exc, exams.AttemptOver)
            context = {"error": message, "attempt_pk": pk if over else None}
            return render(request, "quizzes/_answer_status.html", context, status=409)
        messages.error(request, message)
        if isinstance(exc, exams.AttemptOver):
            return redirect("quizzes:results", pk=pk)
        return redirect("quizzes:question", pk=pk, position=position)
    if request.htmx:
        if result.correct is not None:  # practice mode: the feedback too
            attempt = get_object_or_404(Attempt, pk=pk, user_id=session_user.pk)
            context = _question_context(attempt, position, saved=True)
            return render(request, "quizzes/_answer_status.html", context)
        # The hot path: a fragment that needs no request context (no context processors).
        context = {"saved": True, "selected": bool(result.selected)}
        return HttpResponse(render_to_string("quizzes/_answer_status.html", context))
    target = position + 1 if "next" in request.POST else position
    return redirect("quizzes:question", pk=pk, position=target)


@login_required
@require_POST
def flag(request: HttpRequest, pk: int, position: int) -> HttpResponse:
    attempt = get_object_or_404(Attempt, pk=pk, user=request.user)
    try:
        item = exams.attempt_flag(
            attempt=attempt, position=position, flagged=request.POST.get("flagged") == "1"
        )
    except exams.AttemptError as exc:
        messages.error(request, str(exc))
        return redirect("quizzes:results", pk=pk)
    if request.htmx:
        # The navigator's cell for this question follows, swapped out of band.
        context = {"attempt": attempt, "item": item, "oob_navigator": True}
        return render(request, "quizzes/_flag.html", context)
    return redirect("quizzes:question", pk=pk, position=position)


@login_required
@require_POST
def report_problem(request: HttpRequest, pk: int, position: int) -> HttpResponse:
    """A learner reports a problem with a question (from practice feedback or the results)."""
    attempt = _attempt(request, pk)
    item = get_object_or_404(AttemptQuestion, attempt=attempt, position=position)
    form = _report_form(position, request.POST)
    if form.is_valid():
        problem_report(item=item, user=request.user, **form.cleaned_data)
    context = {"attempt": attempt, "position": position, "report_form": form}
    if request.htmx:
        context["sent"] = form.is_valid()
        status = 200 if form.is_valid() else 400
        return render(request, "quizzes/_report_problem.html", context, status=status)
    if form.is_valid():
        messages.success(request, "Thank you: your report reached the instructors.")
    else:
        messages.error(request, "Choose what is wrong with the question, then send the report.")
    target = "quizzes:results" if attempt.is_finished else "quizzes:question"
    return redirect(reverse(target, args=[pk] if attempt.is_finished else [pk, position])
                    + f"#q{position}")  # fmt: skip


def _report_form(position: int, data=None) -> ProblemReportForm:
    return ProblemReportForm(data, prefix=f"report-{position}")


@login_required
@require_GET
def review(request: HttpRequest, pk: int) -> HttpResponse:
    attempt = _attempt(request, pk)
    if attempt.is_finished:
        return redirect("quizzes:results", pk=pk)
    items = list(attempt.items.select_related("version"))
    context = {
        "attempt": attempt,
        "items": items,
        "unanswered": sum(1 for item in items if not item.selected),
        "flagged": sum(1 for item in items if item.flagged),
        "remaining": exams.remaining_seconds(attempt),
    }
    return render(request, "quizzes/review.html", context)


@login_required
@require_POST
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    attempt = _attempt(request, pk)
    exams.attempt_finish(attempt=attempt)
    return redirect("quizzes:results", pk=pk)


@login_required
@require_GET
def results(request: HttpRequest, pk: int) -> HttpResponse:
    attempt = _attempt(request, pk)
    if not attempt.is_finished:
        return redirect("quizzes:review", pk=pk)
    shown = request.GET.get("show", "all")
    shown = shown if shown in RESULT_FILTERS else "all"
    items = attempt.items.select_related("version__domain").prefetch_related(
        "version__choices", Prefetch("question__sections", queryset=_sections())
    )
    rows = [{**_result_row(item), "report_form": _report_form(item.position)} for item in items]
    counts = {name: sum(1 for row in rows if name in row["tags"]) for name in RESULT_FILTERS}
    visible = [row for row in rows if shown in row["tags"]]
    domains = dict(Domain.objects.values_list("number", "name"))
    domain_rows = [{**row, "name": domains.get(row["domain"], "")} for row in attempt.domain_scores]
    used = (attempt.finished_at - attempt.started_at).total_seconds()
    context = {
        "attempt": attempt,
        "rows": visible,
        "counts": counts,
        "shown": shown,
        "filters": RESULT_FILTERS,
        "domain_rows": domain_rows,
        "minutes_used": int(used // 60),
        "seconds_used": int(used % 60),
    }
    return render(request, "quizzes/results.html", context)


def _sections():
    from content.models import Section

    return Section.objects.select_related("service").only(
        "id", "slug", "title", "service__slug", "service__short_name"
    )


def _result_row(item: AttemptQuestion) -> dict:
    choices = {c.pk: c for c in item.version.choices.all()}
    ordered = [choices[pk] for pk in item.choice_order if pk in choices]
    tags = {"all", "flagged"} if item.flagged else {"all"}
    if not item.selected:
        tags.add("unanswered")
    tags.add("correct" if item.is_correct else "incorrect")
    return {
        "item": item,
        "choices": [
            {
                "text": c.text,
                "keyed": c.is_correct,
                "picked": c.pk in item.selected,
                "rationale": c.rationale,
            }
            for c in ordered
        ],  # fmt: skip
        "tags": tags,
    }


@login_required
@require_GET
def time_left(request: HttpRequest, pk: int) -> JsonResponse:
    attempt = _attempt(request, pk)
    return JsonResponse(
        {
            "remaining": exams.remaining_seconds(attempt),
            "finished": attempt.is_finished,
            "results": reverse("quizzes:results", args=[pk]),
        }
    )


@login_required
@require_GET
def history(request: HttpRequest) -> HttpResponse:
    attempts = list(Attempt.objects.filter(user=request.user).finished().order_by("started_at"))
    return render(
        request,
        "quizzes/history.html",
        {
            "attempts": list(reversed(attempts)),
            "chart": history_chart(attempts),
            "accuracy": exams.domain_accuracy(request.user),
            "domains": Domain.objects.all(),
        },
    )


CHART_WIDTH, CHART_HEIGHT, CHART_PAD = 640, 220, 30
DOMAIN_COLOURS = {1: "#0b62c4", 2: "#c62828", 3: "#1a7f37", 4: "#9a6700"}


def history_chart(attempts: list[Attempt]) -> dict:
    """Per-domain accuracy over the attempts, as SVG polyline points (server-rendered)."""
    series: dict[int, list[tuple[int, float]]] = {}
    for index, attempt in enumerate(attempts):
        for row in attempt.domain_scores:
            series.setdefault(row["domain"], []).append((index, row["percent"]))
    steps = max(1, len(attempts) - 1)
    inner_w, inner_h = CHART_WIDTH - 2 * CHART_PAD, CHART_HEIGHT - 2 * CHART_PAD

    def point(index, percent):
        x = CHART_PAD + inner_w * index / steps
        y = CHART_PAD + inner_h * (1 - percent / 100)
        return f"{x:.1f},{y:.1f}"

    return {
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "pad": CHART_PAD,
        "lines": [
            {
                "domain": domain,
                "colour": DOMAIN_COLOURS.get(domain, "#555"),
                "points": " ".join(point(i, p) for i, p in values),
                "dots": [
                    {"x": point(i, p).split(",")[0], "y": point(i, p).split(",")[1], "p": p}
                    for i, p in values
                ],
            }
            for domain, values in sorted(series.items())
        ],
        "grid": [
            {"y": CHART_PAD + inner_h * (1 - level / 100), "label": level}
            for level in (0, 50, round(PASS_PERCENT), 100)
        ],
    }
