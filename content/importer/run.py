"""Importing notes files into the database: one transaction per file, nothing lost on failure."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

from django.db import DatabaseError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from content.importer.catalog import catalog_entries
from content.importer.classify import ServiceMatcher
from content.importer.files import FileReport, NoteFile, find_note_files
from content.importer.parse import ParsedNotes, parse_notes
from content.importer.sources import (
    source_for,
    source_identify,
    sources_delete,
    sources_missing,
)
from content.importer.text import NotesError, decode
from content.models import ExamNote, Mention, Section, Service, Source, Topic
from content.rendering import render_section
from content.search import sections_index, vocabulary_rebuild

DEFAULT_MAX_BYTES = 5 * 1024 * 1024


@cache
def importer_version() -> bytes:
    """A digest of the importer's own code, part of every file's content hash: when the
    importer changes, the next import re-reads files whose text did not change."""
    digest = hashlib.sha256()
    for module in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(module.read_bytes())
    return digest.digest()


def catalog_sync() -> int:
    """Create the catalog's services that are missing; never touch existing ones."""
    existing = set(Service.objects.values_list("slug", flat=True))
    missing = [Service(**entry) for entry in catalog_entries() if entry["slug"] not in existing]
    Service.objects.bulk_create(missing)
    return len(missing)


def service_matcher() -> ServiceMatcher:
    """A matcher over the services as they are in the database (admin edits included)."""
    return ServiceMatcher.from_services(Service.objects.all())


def notes_import(
    *,
    paths: Iterable[str | Path],
    max_bytes: int = DEFAULT_MAX_BYTES,
    force: bool = False,
    collection: str | None = None,
    progress: Callable[[Iterable], Iterable] = lambda items: items,
) -> list[FileReport]:
    """Import note files and folders. A folder import also removes the content of files
    that are no longer in it. Each file is its own transaction: a broken file is reported
    and keeps its previous content, and the others still import."""
    catalog_sync()
    matcher = service_matcher()
    found = find_note_files(paths, collection=collection)
    gone = sources_missing(found)
    reports = [
        file_import(note=note, matcher=matcher, max_bytes=max_bytes, force=force, moved=gone)
        for note in progress(found.files)
    ]
    reports.extend(
        FileReport(path=item.location, name=Path(item.location).name, status="skipped",
                   error=item.reason)
        for item in found.skipped
    )  # fmt: skip
    reports.extend(sources_delete(gone))
    if any(report.status in ("imported", "removed") for report in reports):
        vocabulary_rebuild()
    return reports


def service_url(slug: str) -> str:
    return reverse("content:service_detail", args=[slug])


def file_import(
    *,
    note: NoteFile,
    matcher: ServiceMatcher,
    max_bytes: int,
    force: bool = False,
    moved: dict[int, Source] | None = None,
) -> FileReport:
    """Import one file: parse it fully first, then replace its sections in one transaction.
    `moved`: sources whose files are gone from their folder; one with the same content is
    this file under a new name, and keeps its sections (and their ids) as it moves."""
    report = FileReport(
        path=note.where, name=Path(note.where).name, status="failed", source=note.identity
    )
    try:
        data = _read(note.location, max_bytes)
        digest = hashlib.sha256(importer_version() + data).hexdigest()
        source = source_for(note, digest, moved if moved is not None else {})
        if source and source.content_hash == digest and not force:
            status = "unchanged" if source.identity == note.identity else "moved"
            source_identify(source, note)
            return _twins(_report_from_source(report, source, status=status), source)
        parsed = parse_notes(decode(data), matcher)
    except NotesError as exc:
        report.error = str(exc)
        return report
    except Exception as exc:  # a parser bug must not stop the other files
        report.error = f"could not be parsed ({type(exc).__name__}: {exc})"
        return report
    try:
        with transaction.atomic():
            source = _store(note, source, digest, parsed, matcher)
    except DatabaseError as exc:  # e.g. text the database refuses: this file only
        report.error = f"could not be stored ({type(exc).__name__}: {_first_line(exc)})"
        return report
    return _twins(_report_from_source(report, source, status="imported"), source)


def _twins(report: FileReport, source: Source) -> FileReport:
    """Warn when the same text is imported under another identity too (a copy of the folder
    under another name): its sections would show twice."""
    twins = Source.objects.filter(content_hash=source.content_hash).exclude(pk=source.pk)
    for twin in twins[:3]:
        report.warnings.append(
            f"the same text is imported as {twin.identity} too (import_notes --remove one)"
        )
    return report


def _first_line(exc: Exception) -> str:
    return str(exc).strip().split("\n", 1)[0][:300]


def _read(path: Path, max_bytes: int) -> bytes:
    if not path.exists():
        raise NotesError("no such file")
    if not path.is_file():
        raise NotesError("not a regular file")
    size = path.stat().st_size
    if size > max_bytes:
        raise NotesError(f"the file is {size:,} bytes, over the {max_bytes:,}-byte limit")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise NotesError(f"cannot be read ({exc.strerror})") from None


def _store(
    note: NoteFile, source: Source | None, digest: str, parsed: ParsedNotes, matcher: ServiceMatcher
) -> Source:
    """Replace the file's sections. A section whose service and slug (its URL) stay the same
    keeps its row and id, so links to it (questions' sources) survive a re-import."""
    if source is None:
        source = Source.objects.create(
            collection=note.collection, path=note.path, content_hash=digest,
            imported_at=timezone.now(),
        )  # fmt: skip
    source = Source.objects.select_for_update().get(pk=source.pk)
    source_identify(source, note)
    ExamNote.objects.filter(source=source).delete()
    Mention.objects.filter(section__source=source).delete()
    services = Service.objects.in_bulk(
        {section.service for section in parsed.sections}, field_name="slug"
    )
    topics = _topics_for(parsed, services)
    taken = _taken_section_slugs(services.values(), source)
    sections, notes, mentions = [], [], []
    all_services = Service.objects.in_bulk(field_name="slug")
    for position, parsed_section in enumerate(parsed.sections):
        service = services[parsed_section.service]
        rendered = render_section(
            parsed_section.body, matcher=matcher, own_service=service.slug, url_for=service_url
        )
        section = Section(
            source=source,
            service=service,
            topic=topics[(service.pk, parsed_section.topic_key)],
            title=parsed_section.title,
            slug=taken[service.pk].unique(parsed_section.title, Path(note.path).stem),
            body=parsed_section.body,
            html=rendered.html,
            text=rendered.text,
            heading_path=parsed_section.heading_path,
            line_start=parsed_section.line_start,
            line_end=parsed_section.line_end,
            position=position,
            flags=parsed_section.flags,
        )
        sections.append(section)
        mentions.extend(
            Mention(section=section, service=all_services[slug], snippet=snippet[:300])
            for slug, snippet in rendered.mentions.items()
        )
        notes.extend(
            ExamNote(
                source=source,
                section=section,
                service=service,
                kind=note.kind,
                text=note.text,
                correct=note.correct,
                incorrect=note.incorrect,
                line_start=note.line_start,
                line_end=note.line_end,
            )
            for note in parsed_section.exam_notes
        )
    _sections_replace(source, sections)
    ExamNote.objects.bulk_create(notes)
    Mention.objects.bulk_create(mentions)
    sections_index(source=source)
    Topic.objects.filter(sections__isnull=True).delete()
    source.content_hash = digest
    source.format = parsed.format
    source.imported_at = timezone.now()
    source.line_count = parsed.line_count
    source.section_count = len(sections)
    source.topic_count = len({section.topic_id for section in sections})
    source.service_count = len({section.service_id for section in sections})
    source.exam_note_count = len(notes)
    source.warnings = parsed.warnings
    source.save()
    return source


SECTION_FIELDS = [
    "source", "topic", "title", "body", "html", "text", "heading_path", "line_start", "line_end",
    "position", "flags",
]  # fmt: skip


def _sections_replace(source: Source, sections: list[Section]) -> None:
    """Store the file's new sections over its old ones: the same (service, slug) updates the
    row in place; old sections not among the new ones are deleted."""
    Section.objects.bulk_create(
        sections,
        update_conflicts=True,
        unique_fields=["service", "slug"],
        update_fields=SECTION_FIELDS,
    )
    source.sections.exclude(pk__in=[section.pk for section in sections]).delete()


def _topics_for(parsed: ParsedNotes, services: dict[str, Service]) -> dict[tuple[int, str], Topic]:
    """The topic for every (service, subject key) in the file, created when new."""
    wanted: dict[tuple[int, str], str] = {}
    for section in parsed.sections:
        wanted.setdefault((services[section.service].pk, section.topic_key), section.topic_title)
    service_ids = {service_id for service_id, _ in wanted}
    existing = Topic.objects.filter(service_id__in=service_ids)
    topics = {(topic.service_id, topic.key): topic for topic in existing}
    slugs = {service_id: Slugs() for service_id in service_ids}
    subjects = {service_id: Subjects() for service_id in service_ids}
    positions: dict[int, int] = dict.fromkeys(service_ids, 0)
    for topic in topics.values():
        slugs[topic.service_id].taken.add(topic.slug)
        subjects[topic.service_id].add(topic)
        positions[topic.service_id] = max(positions[topic.service_id], topic.position + 1)
    new = []
    for (service_id, key), title in wanted.items():
        if (service_id, key) in topics:
            continue
        same_subject = subjects[service_id].similar(key)
        if same_subject:
            topics[(service_id, key)] = same_subject
            continue
        topic = Topic(
            service_id=service_id,
            key=key,
            title=title,
            slug=slugs[service_id].unique(title, ""),
            position=positions[service_id],
        )
        positions[service_id] += 1
        topics[(service_id, key)] = topic
        subjects[service_id].add(topic)
        new.append(topic)
    Topic.objects.bulk_create(new)
    return topics


class Subjects:
    """A service's topics, found by the pairs of words in their keys: a similar topic shares
    at least two words, so only topics sharing a pair are compared (not all of them)."""

    def __init__(self):
        self.by_pair: dict[tuple[str, str], list[Topic]] = {}

    def add(self, topic: Topic) -> None:
        for pair in _pairs(topic.key):
            self.by_pair.setdefault(pair, []).append(topic)

    def similar(self, key: str) -> Topic | None:
        """An existing topic on the same subject: "How Global Tables Work" and "Global
        Tables" share most of their words. One-word subjects merge only when equal."""
        words = set(key.split())
        best, best_score = None, 0.0
        seen = set()
        for pair in _pairs(key):
            for topic in self.by_pair.get(pair, ()):
                if id(topic) in seen:
                    continue
                seen.add(id(topic))
                other = set(topic.key.split())
                score = len(words & other) / len(words | other)
                if score >= 0.6 and score > best_score:
                    best, best_score = topic, score
        return best


def _pairs(key: str) -> list[tuple[str, str]]:
    words = sorted(set(key.split()))
    return [(a, b) for index, a in enumerate(words) for b in words[index + 1 :]]


class Slugs:
    """Slugs in use (in one service), and for each base the next number to try."""

    def __init__(self, taken: Iterable[str] = ()):
        self.taken = set(taken)
        self.numbers: dict[str, int] = {}

    def unique(self, title: str, qualifier: str) -> str:
        """A slug not taken yet (now taken): the title's, else qualified by the file, else
        numbered."""
        base = slugify(title)[:100].strip("-") or "section"
        candidates = [base]
        if qualifier:
            candidates.append(f"{base}-{slugify(qualifier)[:24]}".strip("-"))
        for candidate in candidates:
            if candidate not in self.taken:
                self.taken.add(candidate)
                return candidate
        stem = candidates[-1]
        number = self.numbers.get(stem, 2)
        while f"{stem}-{number}" in self.taken:
            number += 1
        self.numbers[stem] = number + 1
        self.taken.add(f"{stem}-{number}")
        return f"{stem}-{number}"


def _taken_section_slugs(services, source: Source) -> dict[int, Slugs]:
    taken = {service.pk: Slugs() for service in services}
    rows = Section.objects.filter(service__in=list(services)).exclude(source=source)
    for service_id, slug in rows.values_list("service_id", "slug"):
        taken[service_id].taken.add(slug)
    return taken


def _report_from_source(report: FileReport, source: Source, *, status: str) -> FileReport:
    report.status = status
    report.format = source.format
    report.sections = source.section_count
    report.topics = source.topic_count
    report.services = source.service_count
    report.exam_notes = source.exam_note_count
    report.warnings = list(source.warnings)
    return report
