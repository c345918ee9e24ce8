"""Question versions: immutable snapshots of a question's content, which attempts point to.

A question's working copy (`Question` and its `Choice` rows) may change at any time: an
instructor's edit, regeneration, an import. What an attempt showed may not. So every attempt
item points to a `QuestionVersion`, made from the working copy when the question is drawn (or
when it is saved), and a version is never changed afterwards: new content is a new version.
Versions that no attempt showed are just as immutable; they cost a few rows and keep the
history readable ("v3, never shown").
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from quizzes.models import AttemptQuestion, Question, QuestionVersion, VersionChoice
from quizzes.statistics import ItemStatistics, Response, item_statistics


def content_signature(
    *,
    stem: str,
    kind: str,
    choose: int,
    domain_id: int,
    task_id: int | None,
    explanation: str,
    choices: Iterable[tuple[str, bool, str]],
) -> str:
    """A digest of everything a learner sees or is scored on; choices in display order."""
    content = [stem, kind, choose, domain_id, task_id, explanation, [list(c) for c in choices]]
    return hashlib.sha256(json.dumps(content, ensure_ascii=False).encode()).hexdigest()


def question_signature(question: Question) -> str:
    """The signature of a question's working copy (prefetch `choices` for many)."""
    choices = _in_display_order(question)
    return content_signature(
        stem=question.stem,
        kind=question.kind,
        choose=question.choose,
        domain_id=question.domain_id,
        task_id=question.task_id,
        explanation=question.explanation,
        choices=[(choice.text, choice.is_correct, choice.rationale) for choice in choices],
    )


def _in_display_order(question: Question) -> list:
    """The working copy's choices as shown (prefetched `choices` stay one query)."""
    return sorted(question.choices.all(), key=lambda choice: (choice.position, choice.pk))


def versions_current(question_ids: Iterable[int]) -> dict[int, QuestionVersion]:
    """The version showing each question's content as it is now, by question id: its newest
    version, or a new one when the working copy changed since (or has none yet)."""
    ids = sorted(set(question_ids))
    questions = {q.pk: q for q in Question.objects.filter(pk__in=ids).prefetch_related("choices")}
    signatures = {pk: question_signature(question) for pk, question in questions.items()}
    latest = {v.question_id: v for v in QuestionVersion.objects.latest_per_question(ids)}
    stale = [pk for pk in questions if pk not in latest or latest[pk].signature != signatures[pk]]
    if stale:
        with transaction.atomic():
            # One writer per question at a time, so that version numbers never collide.
            list(Question.objects.select_for_update().filter(pk__in=stale).order_by("pk"))
            latest.update(
                (v.question_id, v) for v in QuestionVersion.objects.latest_per_question(stale)
            )
            for pk in stale:
                current = latest.get(pk)
                if current is None or current.signature != signatures[pk]:
                    latest[pk] = _version_create(questions[pk], signatures[pk], current)
    return {pk: latest[pk] for pk in questions}


def _version_create(
    question: Question, signature: str, previous: QuestionVersion | None
) -> QuestionVersion:
    version = QuestionVersion.objects.create(
        question=question,
        number=previous.number + 1 if previous else 1,
        stem=question.stem,
        kind=question.kind,
        choose=question.choose,
        domain_id=question.domain_id,
        task_id=question.task_id,
        explanation=question.explanation,
        signature=signature,
        created_at=timezone.now(),
    )
    choices = _in_display_order(question)
    VersionChoice.objects.bulk_create(
        VersionChoice(
            version=version,
            text=choice.text,
            is_correct=choice.is_correct,
            rationale=choice.rationale,
            position=position,
        )
        for position, choice in enumerate(choices)
    )
    return version


def versions_with_statistics(question: Question) -> tuple[list[dict], ItemStatistics]:
    """Each version of a question, newest first, with how often attempts showed it and its
    item statistics over finished attempts; and the statistics of all versions together."""
    responses: dict[int, list[Response]] = {}
    shown: dict[int, int] = {}
    rows = AttemptQuestion.objects.filter(question=question).values_list(
        "version_id", "attempt__finished_at", "attempt__score_percent", "is_correct", "selected"
    )
    for version_id, finished_at, score, correct, selected in rows:
        shown[version_id] = shown.get(version_id, 0) + 1
        if finished_at is not None:
            response = Response(score or 0, bool(correct), frozenset(selected))
            responses.setdefault(version_id, []).append(response)
    versions = []
    for version in question.versions.prefetch_related("choices").order_by("-number"):
        wrong = {
            choice.pk: choice.text for choice in version.choices.all() if not choice.is_correct
        }
        stats = item_statistics(responses.get(version.pk, []), list(wrong))
        picked = [
            (wrong[pk], share, pk in stats.weak_distractors) for pk, share in stats.picked.items()
        ]
        versions.append(
            {
                "version": version,
                "shown": shown.get(version.pk, 0),
                "stats": stats,
                "picked": picked,
            }
        )
    everything = [response for group in responses.values() for response in group]
    return versions, item_statistics(everything, [])
