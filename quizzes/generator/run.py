"""Generate the question bank from the imported notes and store it, idempotently."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction

from content.models import Section, Service
from quizzes.generator import computed, items, scenarios
from quizzes.generator.balance import BANK_SIZE, bank_select
from quizzes.generator.conflicts import conflict_for
from quizzes.generator.draft import Draft, problems
from quizzes.generator.evidence import Evidence, load_evidence
from quizzes.generator.gates import draft_gates, near_duplicates
from quizzes.models import Choice, Question, TaskStatement
from quizzes.taxonomy import taxonomy_sync
from quizzes.versions import versions_current

FAMILIES = [items, scenarios, computed]


@dataclass
class GenerationReport:
    created: int = 0
    updated: int = 0  # the content changed: a new version for the next attempts
    relinked: int = 0  # same content, its source sections changed (not a new version)
    curated: int = 0  # same content, its status, service or review note changed
    unchanged: int = 0
    kept_edited: int = 0
    retired: int = 0
    drafts: int = 0  # stored as drafts for review (conflicting facts)
    rejected: list[tuple[str, list[str]]] = field(default_factory=list)
    rejections: Counter = field(default_factory=Counter)  # gate reason → drafts rejected
    left_out: Counter = field(default_factory=Counter)  # passed the gates, not in the bank
    short: dict[str, tuple[int, int]] = field(default_factory=dict)  # task → (quota, got)
    by_family: Counter = field(default_factory=Counter)
    by_model: Counter = field(default_factory=Counter)


def draft_questions(
    evidence: Evidence, bank_stems: list[str] = (), total: int = BANK_SIZE
) -> tuple[list[Draft], GenerationReport]:
    """Every family's drafts that pass the gates, balanced to the exam's weights, and a
    report of the rest. `bank_stems` are the stems of questions from elsewhere (imported,
    written by instructors): a draft that repeats one is a duplicate."""
    report = GenerationReport()
    passed, seen = [], set()
    for family in FAMILIES:
        for draft in family.generate(evidence):
            found = problems(draft) + draft_gates(draft)
            if draft.key in seen:
                found.append("duplicate generator key")
            if found:
                report.rejected.append((draft.key, found))
                continue
            seen.add(draft.key)
            passed.append(draft)
    stems = list(bank_stems) + [draft.stem for draft in passed]
    repeats = near_duplicates(stems)
    unique = []
    for index, draft in enumerate(passed, start=len(bank_stems)):
        if index in repeats:
            report.rejected.append((draft.key, ["exact or near-duplicate stem"]))
        else:
            unique.append(draft)
    for _, reasons in report.rejected:
        report.rejections.update(reasons)
    selection = bank_select(unique, total)
    report.left_out, report.short = selection.left_out, selection.short
    for draft in selection.kept:
        draft.review_note = conflict_for(draft.fact)
    return selection.kept, report


@transaction.atomic
def questions_generate() -> GenerationReport:
    """Create or update generated questions; never touch one an instructor edited.

    Questions are compared by content (what a learner sees), so a re-import that changes no
    text changes no question. A changed question gets a new version; attempts keep theirs."""
    taxonomy_sync()
    others = Question.objects.exclude(origin=Question.Origin.GENERATED).exclude(
        status=Question.Status.RETIRED
    )
    drafts, report = draft_questions(load_evidence(), list(others.values_list("stem", flat=True)))
    tasks = {task.code: task for task in TaskStatement.objects.select_related("domain")}
    services = dict(Service.objects.values_list("slug", "id"))
    valid_sections = set(Section.objects.values_list("id", flat=True))
    existing = {
        question.generator_key: question
        for question in Question.objects.filter(generator_key__isnull=False).prefetch_related(
            "choices", "sections"
        )
    }
    changed = []
    for draft in drafts:
        report.by_family[draft.family] += 1
        report.by_model[draft.model or draft.family] += 1
        question = existing.get(draft.key)
        if question and question.edited:
            report.kept_edited += 1
            continue
        values = _values(draft, tasks, services)
        sections = sorted(set(draft.sections) & valid_sections)
        if question is None:
            question = Question.objects.create(generator_key=draft.key, **values)
            _store_choices(question, draft)
            question.sections.set(sections)
            changed.append(question.pk)
            report.created += 1
        elif _content(question) != _draft_content(values, draft):
            for name, value in values.items():
                setattr(question, name, value)
            question.save()
            question.choices.all().delete()  # the working copy; versions keep theirs
            _store_choices(question, draft)
            question.sections.set(sections)
            changed.append(question.pk)
            report.updated += 1
        else:
            _curate(question, values, sections, report)
        report.drafts += values["status"] == Question.Status.DRAFT
    wanted = {draft.key for draft in drafts}
    stale = [
        question.pk
        for key, question in existing.items()
        if key not in wanted and not question.edited and question.status != Question.Status.RETIRED
    ]
    report.retired = Question.objects.filter(pk__in=stale).update(status=Question.Status.RETIRED)
    versions_current(changed)
    return report


def _values(draft: Draft, tasks, services) -> dict:
    task = tasks[draft.task]
    return {
        "stem": draft.stem,
        "kind": draft.kind,
        "choose": draft.choose,
        "domain": task.domain,
        "task": task,
        "service_id": services.get(draft.service),
        "explanation": draft.explanation,
        "difficulty": draft.difficulty,
        "origin": Question.Origin.GENERATED,
        "status": Question.Status.DRAFT if draft.review_note else Question.Status.PUBLISHED,
        "family": draft.family,
        "model": draft.model,
        "decision": draft.decision,
        "review_note": draft.review_note,
    }


def _store_choices(question: Question, draft: Draft) -> None:
    Choice.objects.bulk_create(
        Choice(
            question=question,
            text=option.text,
            is_correct=option.correct,
            rationale=option.rationale,
            position=position,
        )
        for position, option in enumerate(draft.options)
    )


# Not what a learner sees: changing these makes no new version.
CURATION = ["service_id", "status", "review_note", "model", "decision"]


def _curate(question: Question, values: dict, sections: list[int], report) -> None:
    """Same content: bring its curation fields (e.g. back from retired) and source links up
    to date, counting what changed."""
    curated = [name for name in CURATION if getattr(question, name) != values[name]]
    relinked = {section.pk for section in question.sections.all()} != set(sections)
    if curated:
        for name in curated:
            setattr(question, name, values[name])
        question.save(update_fields=[*curated, "updated_at"])
        report.curated += 1
    if relinked:
        question.sections.set(sections)
        report.relinked += 1
    if not curated and not relinked:
        report.unchanged += 1


def _content(question: Question) -> tuple:
    """What a learner sees of a question (a change is a new version)."""
    return (
        question.stem,
        question.kind,
        question.choose,
        question.task_id,
        question.explanation,
        tuple((c.text, c.is_correct, c.rationale) for c in question.choices.all()),
    )


def _draft_content(values: dict, draft: Draft) -> tuple:
    return (
        values["stem"],
        values["kind"],
        values["choose"],
        values["task"].pk,
        values["explanation"],
        tuple((option.text, option.correct, option.rationale) for option in draft.options),
    )
