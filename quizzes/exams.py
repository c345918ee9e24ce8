"""Practice exams: drawing questions, saving answers, deadlines and finishing. The server owns
time: the deadline is stored at the start and every write checks it."""

from __future__ import annotations

import random
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from functools import cache

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from portal.auth import (
    SessionUser,
    StaleSessionUser,
    session_user_holds,
    session_user_params,
    session_user_sql,
)
from portal.db import server_bound_cursor
from quizzes.models import (
    Attempt,
    AttemptQuestion,
    Domain,
    LearnerSettings,
    Question,
    VersionChoice,
)
from quizzes.scoring import Item, largest_remainder, score
from quizzes.validation import stem_signature
from quizzes.versions import versions_current

FULL_EXAM_QUESTIONS = 65
FULL_EXAM_MINUTES = 130


class AttemptError(Exception):
    """A request on an attempt that cannot be honoured; the message says why."""


class AttemptOver(AttemptError):
    """The attempt is finished or out of time: its results are the place to go."""


class DeadlinePassed(AttemptOver):
    pass


class NotYours(AttemptError):
    """The attempt does not exist or belongs to someone else (the view answers 404)."""


class NotAnOption(AttemptError):
    """A submitted value that is not one of the question's choices."""

    def __init__(self):
        super().__init__("That answer is not one of this question's options.")


BIGINT_MAX = 2**63 - 1
BIGINT_DIGITS = len(str(BIGINT_MAX))


def choice_ids_parse(values: list[str]) -> list[int]:
    """Submitted choice values as ids; anything else is not an option (raises NotAnOption)."""
    ids = []
    for value in values:
        value = value.strip()
        if not (value.isascii() and value.isdigit() and len(value) <= BIGINT_DIGITS):
            raise NotAnOption
        if not 0 < int(value) <= BIGINT_MAX:
            raise NotAnOption
        ids.append(int(value))
    return ids


@dataclass(frozen=True)
class AnswerResult:
    position: int
    selected: list[int]
    correct: bool | None  # practice mode only


def attempt_start(
    *,
    user,
    kind: str,
    mode: str = Attempt.Mode.EXAM,
    domains: list[int] | None = None,
    services: list[int] | None = None,
    count: int = FULL_EXAM_QUESTIONS,
    minutes: int | None = FULL_EXAM_MINUTES,
    seed: int | None = None,
) -> Attempt:
    """Draw the questions, shuffle each question's choices, and store the deadline."""
    rng = random.Random(seed)
    if kind == Attempt.Kind.FULL:
        questions = _draw_by_blueprint(rng, FULL_EXAM_QUESTIONS)
        title, count, minutes = "Full practice exam", FULL_EXAM_QUESTIONS, FULL_EXAM_MINUTES
    elif kind == Attempt.Kind.WEAK:
        questions = _draw_weak_areas(rng, user, count)
        title = "Weak areas"
    else:
        pool = Question.objects.published()
        if domains:
            pool = pool.filter(domain__number__in=domains)
        if services:
            pool = pool.filter(service_id__in=services)
        rows = list(pool.values_list("id", "decision", "stem"))
        rng.shuffle(rows)
        questions = _distinct(rows, count, set())
        title = "Custom quiz"
    if not questions:
        raise AttemptError("No published questions match this choice.")
    now = timezone.now()
    deadline = None
    if minutes:
        factor = LearnerSettings.EXTENDED_FACTOR if _extended(user) else 1
        deadline = now + timedelta(minutes=minutes * factor)
    versions = versions_current(questions)  # what this attempt shows, frozen
    choices = _choice_ids([version.pk for version in versions.values()])
    with transaction.atomic():
        attempt = Attempt.objects.create(
            user=user, kind=kind, mode=mode, title=title, started_at=now, deadline=deadline
        )
        AttemptQuestion.objects.bulk_create(
            AttemptQuestion(
                attempt=attempt,
                question_id=question_id,
                version=versions[question_id],
                position=position,
                choice_order=_shuffled(rng, choices[versions[question_id].pk]),
            )
            for position, question_id in enumerate(questions, start=1)
        )
    return attempt


@cache
def _save_answer_sql() -> str:
    return f"""
UPDATE quizzes_attemptquestion AS item SET selected = %(selected)s, answered_at = %(at)s
FROM quizzes_attempt AS attempt, quizzes_questionversion AS version
WHERE item.attempt_id = attempt.id AND attempt.id = %(attempt)s AND attempt.user_id = %(user)s
  AND item.position = %(position)s AND attempt.finished_at IS NULL
  AND (attempt.deadline IS NULL OR attempt.deadline > %(now)s)
  AND item.choice_order @> %(selected)s::bigint[]
  AND version.id = item.version_id AND cardinality(%(selected)s::bigint[]) <= version.choose
  AND {session_user_sql("attempt.user_id")}
RETURNING attempt.mode
"""


def attempt_answer(
    *, attempt_id: int, user: SessionUser, position: int, choice_ids: list[int]
) -> AnswerResult:
    """Save an answer now; refused (and the attempt finished) after the deadline.

    The hot path is one UPDATE whose conditions are the rules: the learner's own attempt, still
    open, before its deadline, choices that belong to the question version shown and no more
    of them than it asks for, and the learner's account
    unchanged since the session was checked (`user` is a SessionUser or a User: a pk and the
    password hash). Only a refused answer costs more queries, to say why.
    """
    choice_ids = sorted(set(choice_ids))
    now = timezone.now()
    with server_bound_cursor() as cursor:
        cursor.execute(
            _save_answer_sql(),
            {
                "selected": choice_ids,
                "at": now if choice_ids else None,
                "attempt": attempt_id,
                "user": user.pk,
                **session_user_params(user, now=now),
                "position": position,
                "now": now,
            },
        )
        row = cursor.fetchone()
    if row is None:
        if not session_user_holds(user):
            raise StaleSessionUser
        _refusal(attempt_id, user.pk, position, choice_ids)
    correct = None
    if row[0] == Attempt.Mode.PRACTICE and choice_ids:
        correct = _keyed(attempt_id, position) == frozenset(choice_ids)
    return AnswerResult(position=position, selected=choice_ids, correct=correct)


def _refusal(attempt_id: int, user_id: int, position: int, choice_ids: list[int]):
    """Why an answer was not saved (raises), finishing the attempt if it is late."""
    try:
        attempt = Attempt.objects.get(pk=attempt_id, user_id=user_id)
    except Attempt.DoesNotExist:
        raise NotYours("No such attempt.") from None
    with _finishing_when_late(attempt):
        _check_open(attempt)
    item = _item(attempt, position)
    if not set(choice_ids) <= set(item.choice_order):
        raise NotAnOption
    choose = item.version.choose
    raise AttemptError("Select one option." if choose == 1 else f"Select at most {choose} options.")


def attempt_flag(*, attempt: Attempt, position: int, flagged: bool) -> AttemptQuestion:
    with _finishing_when_late(attempt), transaction.atomic():
        attempt = Attempt.objects.select_for_update().get(pk=attempt.pk)
        _check_open(attempt)
        item = _item(attempt, position)
        item.flagged = flagged
        item.save(update_fields=["flagged"])
    return item


@transaction.atomic
def attempt_finish(*, attempt: Attempt, by_deadline: bool = False) -> Attempt:
    """Score every answer saved so far and close the attempt (idempotent)."""
    attempt = Attempt.objects.select_for_update().get(pk=attempt.pk)
    if attempt.is_finished:
        return attempt
    items = list(
        attempt.items.select_related("version__domain").prefetch_related("version__choices")
    )
    scored = []
    for item in items:
        keyed = frozenset(c.pk for c in item.version.choices.all() if c.is_correct)
        result = Item(item.version.domain.number, keyed, frozenset(item.selected))
        item.is_correct = result.correct
        scored.append(result)
    AttemptQuestion.objects.bulk_update(items, ["is_correct"])
    weights = dict(Domain.objects.values_list("number", "weight"))
    result = score(scored, weights)
    attempt.finished_at = timezone.now()
    if attempt.deadline and attempt.finished_at > attempt.deadline:
        attempt.finished_at = attempt.deadline
    attempt.finished_by_deadline = by_deadline
    attempt.score_percent = result.percent
    attempt.scaled_score = result.scaled
    attempt.passed = result.passed
    attempt.domain_scores = [
        {"domain": d.domain, "correct": d.correct, "total": d.total, "percent": d.percent}
        for d in result.domains
    ]
    attempt.save()
    return attempt


def finish_if_expired(attempt: Attempt) -> Attempt:
    """An attempt past its deadline is finished on the next request, answers kept."""
    if not attempt.is_finished and attempt.deadline and timezone.now() >= attempt.deadline:
        return attempt_finish(attempt=attempt, by_deadline=True)
    return attempt


def attempts_finish_expired() -> int:
    """Finish every open attempt whose deadline has passed."""
    expired = Attempt.objects.open().filter(deadline__lte=timezone.now())
    count = 0
    for attempt in expired:
        attempt_finish(attempt=attempt, by_deadline=True)
        count += 1
    return count


def remaining_seconds(attempt: Attempt) -> int | None:
    if attempt.deadline is None:
        return None
    return max(0, int((attempt.deadline - timezone.now()).total_seconds()))


def domain_accuracy(user) -> dict[int, tuple[int, int]]:
    """(correct, answered) per domain over the learner's finished attempts (the domain of the
    version each question was shown in)."""
    rows = (
        AttemptQuestion.objects.filter(attempt__user=user, attempt__finished_at__isnull=False)
        .values("version__domain__number")
        .annotate(total=Count("id"), correct=Count("id", filter=Q(is_correct=True)))
    )
    return {row["version__domain__number"]: (row["correct"], row["total"]) for row in rows}


def _draw_by_blueprint(rng: random.Random, total: int) -> list[int]:
    weights = dict(Domain.objects.values_list("number", "weight"))
    counts = largest_remainder(total, weights)
    pool: dict[int, list[tuple]] = {}
    rows = Question.objects.published().values_list("id", "decision", "stem", "domain__number")
    for pk, decision, stem, domain in rows:
        pool.setdefault(domain, []).append((pk, decision, stem))
    drawn, seen = [], set()
    for domain, wanted in sorted(counts.items()):
        rows = pool.get(domain, [])
        rng.shuffle(rows)
        drawn += _distinct(rows, wanted, seen)
    rng.shuffle(drawn)
    return drawn


def _distinct(rows: list[tuple], count: int, seen: set[str]) -> list[int]:
    """The first `count` question ids of (id, decision, stem) rows that repeat no question
    already taken: not the same model and decision, not the same stem."""
    taken = []
    for pk, decision, stem in rows:
        if len(taken) == count:
            break
        twins = {f"stem:{stem_signature(stem)}", *([f"decision:{decision}"] if decision else [])}
        if twins & seen:
            continue
        seen |= twins
        taken.append(pk)
    return taken


def _draw_weak_areas(rng: random.Random, user, count: int) -> list[int]:
    """Questions answered wrong before first, then the weakest domains and services."""
    wrong = list(
        AttemptQuestion.objects.filter(
            attempt__user=user, attempt__finished_at__isnull=False, is_correct=False,
            question__status=Question.Status.PUBLISHED,
        ).values_list("question_id", flat=True).distinct()
    )  # fmt: skip
    rng.shuffle(wrong)
    accuracy = domain_accuracy(user)
    service_rows = (
        AttemptQuestion.objects.filter(attempt__user=user, attempt__finished_at__isnull=False)
        .exclude(question__service=None)
        .values("question__service")
        .annotate(total=Count("id"), correct=Count("id", filter=Q(is_correct=True)))
    )
    service_accuracy = {r["question__service"]: r["correct"] / r["total"] for r in service_rows}

    def weakness(row) -> tuple:
        correct, total = accuracy.get(row[1], (0, 0))
        domain_rate = correct / total if total else 0.5
        service_rate = service_accuracy.get(row[2], 0.5)
        return (domain_rate, service_rate, rng.random())

    rows = Question.objects.published().values_list(
        "id", "domain__number", "service_id", "decision", "stem"
    )
    texts = {row[0]: (row[3], row[4]) for row in rows}
    ordered = [row[0] for row in sorted(rows, key=weakness)]
    drawn = [(pk, *texts[pk]) for pk in dict.fromkeys(wrong + ordered) if pk in texts]
    return _distinct(drawn, count, set())


def _choice_ids(version_ids: list[int]) -> dict[int, list[int]]:
    """Each version's choice ids, in their stored order."""
    choices: dict[int, list[int]] = {pk: [] for pk in version_ids}
    rows = VersionChoice.objects.filter(version_id__in=version_ids).order_by("position", "id")
    for pk, version_id in rows.values_list("id", "version_id"):
        choices[version_id].append(pk)
    return choices


def _shuffled(rng: random.Random, ids: list[int]) -> list[int]:
    return rng.sample(ids, len(ids))


def _extended(user) -> bool:
    return LearnerSettings.objects.filter(user=user, extended_time=True).exists()


@contextmanager
def _finishing_when_late(attempt: Attempt):
    """A write refused for lateness finishes the attempt, in its own transaction (the
    refused write's transaction is rolled back)."""
    try:
        yield
    except DeadlinePassed:
        attempt_finish(attempt=attempt, by_deadline=True)
        raise


def _check_open(attempt: Attempt) -> None:
    if attempt.is_finished:
        raise AttemptOver("This attempt is finished; answers can no longer change.")
    if attempt.deadline and timezone.now() >= attempt.deadline:
        raise DeadlinePassed(
            "Time is up: the answer was not saved. Your exam was submitted with every answer "
            "saved before the deadline."
        )


def _item(attempt: Attempt, position: int) -> AttemptQuestion:
    try:
        return attempt.items.select_related("version").get(position=position)
    except AttemptQuestion.DoesNotExist:
        raise AttemptError(f"This attempt has no question {position}.") from None


def _keyed(attempt_id: int, position: int) -> frozenset[int]:
    return frozenset(
        VersionChoice.objects.filter(
            version__attempt_items__attempt_id=attempt_id,
            version__attempt_items__position=position,
            is_correct=True,
        ).values_list("id", flat=True)
    )
