"""Importing question banks written by people: Markdown task lists or CSV."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from django.db import transaction

from content.importer.classify import ServiceMatcher
from content.models import Service
from quizzes.generator.rules import task_for
from quizzes.models import Choice, Question, TaskStatement
from quizzes.taxonomy import taxonomy_sync
from quizzes.validation import choice_problems
from quizzes.versions import versions_current

HEADING = re.compile(r"^#{2,6}\s+(.+?)\s*$")
TASK_ITEM = re.compile(r"^\s*[-*]\s+\[([ xX])\]\s+(.+?)\s*$")
META = re.compile(r"^(task|service|explanation)\s*:\s*(.+)$", re.I)
CSV_COLUMNS = {"stem", "choices", "correct"}


@dataclass
class ItemDraft:
    line: int
    stem: str
    choices: list[tuple[str, bool]] = field(default_factory=list)
    explanation: str = ""
    task: str = ""
    service: str = ""
    problem: str = ""  # what the parser already found wrong


@dataclass
class ImportResult:
    created: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (line, reason)


def parse_markdown(text: str) -> list[ItemDraft]:
    """`### stem` then `- [x] right` / `- [ ] wrong`; optional `> explanation`, `Task: 2.1`,
    `Service: sqs` lines."""
    items: list[ItemDraft] = []
    for number, line in enumerate(text.splitlines(), start=1):
        heading = HEADING.match(line)
        if heading:
            items.append(ItemDraft(line=number, stem=heading.group(1)))
            continue
        if not items:
            continue
        item = items[-1]
        if choice := TASK_ITEM.match(line):
            item.choices.append((choice.group(2), choice.group(1).lower() == "x"))
        elif line.startswith(">"):
            item.explanation += line.lstrip("> ").rstrip() + "\n"
        elif meta := META.match(line.strip()):
            setattr(item, meta.group(1).lower(), meta.group(2).strip())
        elif line.strip() and not item.choices:
            item.stem += "\n" + line.strip()  # the stem goes on
    return items


def parse_csv(text: str) -> list[ItemDraft]:
    """Columns stem, choices (separated by |), correct (1-based numbers separated by ;), and
    optionally explanation, task, service."""
    reader = csv.DictReader(io.StringIO(text))
    columns = {name.strip().lower() for name in reader.fieldnames or []}
    if not columns >= CSV_COLUMNS:
        missing = ", ".join(sorted(CSV_COLUMNS - columns))
        raise ValueError(f"the CSV header lacks the column(s): {missing}")
    items = []
    for number, row in enumerate(reader, start=2):
        row = {key.strip().lower(): (value or "").strip() for key, value in row.items() if key}
        options = [option.strip() for option in row["choices"].split("|") if option.strip()]
        values = [value for value in re.split(r"[;,\s]+", row["correct"]) if value]
        numbers = [str(number) for number in range(1, len(options) + 1)]
        correct = {int(value) for value in values if value in numbers}
        problem = ""
        if len(correct) != len(set(values)):
            problem = (
                f"the correct column must list option numbers 1–{len(options)} separated by ; "
                f"(got {row['correct']!r})"
            )
        items.append(
            ItemDraft(
                line=number,
                stem=row["stem"],
                choices=[(text, index in correct) for index, text in enumerate(options, 1)],
                explanation=row.get("explanation", ""),
                task=row.get("task", ""),
                service=row.get("service", ""),
                problem=problem,
            )
        )
    return items


@transaction.atomic
def questions_import(*, text: str, fmt: str) -> ImportResult:
    """Validate every item; store the good ones as published questions; report the rest."""
    items = parse_csv(text) if fmt == "csv" else parse_markdown(text)
    taxonomy_sync()
    tasks = {task.code: task for task in TaskStatement.objects.select_related("domain")}
    services = {}
    for service in Service.objects.all():
        for name in (service.slug, service.name, service.short_name):
            services[name.lower()] = service
    matcher = ServiceMatcher.from_services(Service.objects.all())
    existing = set(Question.objects.values_list("stem", flat=True))
    result = ImportResult()
    created = []
    for item in items:
        reason = _reason(item, tasks, services, existing)
        if reason:
            result.skipped.append((item.line, reason))
            continue
        correct = sum(1 for _, is_correct in item.choices if is_correct)
        task = tasks[item.task or task_for(item.stem)]
        question = Question.objects.create(
            stem=item.stem.strip(),
            kind=Question.Kind.MULTIPLE if correct > 1 else Question.Kind.SINGLE,
            choose=max(correct, 1),
            domain=task.domain,
            task=task,
            service=services.get(item.service.lower())
            if item.service
            else _service_named(matcher, item, services),
            explanation=item.explanation.strip(),
            origin=Question.Origin.IMPORTED,
            status=Question.Status.PUBLISHED,
        )
        Choice.objects.bulk_create(
            Choice(question=question, text=text, is_correct=is_correct, position=position)
            for position, (text, is_correct) in enumerate(item.choices)
        )
        existing.add(question.stem)
        created.append(question.pk)
        result.created += 1
    versions_current(created)
    return result


def _service_named(matcher: ServiceMatcher, item: ItemDraft, services) -> Service | None:
    """The service a question is about, by the importer's service matcher: mentions in the
    stem count twice those in the correct options and the explanation."""
    keyed = " ".join(text for text, is_correct in item.choices if is_correct)
    counts = matcher.mentions(item.stem)
    counts.update(counts)  # the stem twice
    counts.update(matcher.mentions(f"{keyed}\n{item.explanation}"))
    if not counts:
        return None
    (slug, top), *rest = counts.most_common(2)
    if rest and rest[0][1] == top:
        return None  # two services equally: leave it to an instructor
    return services.get(slug)


def _reason(item: ItemDraft, tasks, services, existing) -> str:
    if item.problem:
        return item.problem
    if not item.stem.strip():
        return "the question has no stem"
    if item.stem.strip() in existing:
        return "the same question is already in the bank"
    if item.task and item.task not in tasks:
        return f"unknown task statement {item.task!r} (use 1.1 … 4.3)"
    if item.service and item.service.lower() not in services:
        return f"unknown service {item.service!r}"
    if any(len(text) > 500 for text, _ in item.choices):
        return "an option is longer than 500 characters"
    correct = sum(1 for _, is_correct in item.choices if is_correct)
    kind = "multiple" if correct > 1 else "single"
    problems = choice_problems(kind, max(correct, 1), item.choices)
    return "; ".join(problems)
