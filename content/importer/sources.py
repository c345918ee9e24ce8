"""Which source a notes file is: its identity (the folder's name and the path inside it),
files moved, renamed or imported under another identity before, and removing sources."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from django.db import transaction
from django.db.models import Q

from content.importer.files import FileReport, Found, NoteFile
from content.models import Source, Topic
from content.search import vocabulary_rebuild


def sources_remove(*, names: Iterable[str]) -> list[FileReport]:
    """Remove sources and their sections by identity ("notes/dynamodb/streams.md"), by folder
    ("notes": every source imported from it), or by the path on disk they were imported from."""
    reports = []
    for name in names:
        sources = _named(name.strip())
        if not sources.exists():
            known = ", ".join(sorted(set(Source.objects.values_list("collection", flat=True))))
            error = (
                f"no imported source is called {name!r} or was imported from there (folders: "
                f"{known or 'none'}; name a source as FOLDER/PATH, e.g. notes/dynamodb/streams.md)"
            )
            reports.append(FileReport(path=name, name=name, status="failed", error=error))
            continue
        reports.extend(sources_delete({source.pk: source for source in sources}))
    if any(report.status == "removed" for report in reports):
        vocabulary_rebuild()
    return reports


def _named(name: str):
    """Sources by identity or folder name; else by a path on disk (a file or folder they were
    last imported from)."""
    collection, _, path = name.strip("/").partition("/")
    sources = Source.objects.filter(collection=collection)
    sources = sources.filter(path=path) if path else sources
    if sources.exists():
        return sources
    location = os.path.abspath(os.path.expanduser(name))
    return Source.objects.filter(
        Q(location=location) | Q(location__startswith=location.rstrip("/") + "/")
    )


def source_for(note: NoteFile, digest: str, moved: dict[int, Source]) -> Source | None:
    """This file's source: by identity; else one last read from the same place (imported
    under another identity before); else a vanished file of the folder with the same content
    (renamed or moved inside the folder), which is then no longer removed."""
    source = Source.objects.filter(collection=note.collection, path=note.path).first()
    if source is None:
        source = Source.objects.filter(location=note.where).first()
    if source is None:
        source = next(
            (
                s
                for s in moved.values()
                if s.collection == note.collection and s.content_hash == digest
            ),
            None,
        )
    if source is not None:
        moved.pop(source.pk, None)
    return source


def source_identify(source: Source, note: NoteFile) -> None:
    """Record the file's identity and where it was read from, if they changed."""
    values = {
        "collection": note.collection,
        "path": note.path,
        "location": note.where,
        "name": Path(note.where).name[:255],
    }
    if any(getattr(source, name) != value for name, value in values.items()):
        Source.objects.filter(pk=source.pk).update(**values)
        for name, value in values.items():
            setattr(source, name, value)


def sources_missing(found: Found) -> dict[int, Source]:
    """Sources that a folder imported whole no longer holds, and sources imported from the
    same files under another identity before (duplicates), by id."""
    present: dict[str, set[str]] = {}
    for collection, path in [(note.collection, note.path) for note in found.files] + sorted(
        found.kept
    ):
        present.setdefault(collection, set()).add(path)
    missing = {}
    for folder in found.folders:
        if not folder.complete:  # part of it could not be listed: remove nothing
            continue
        sources = Source.objects.filter(collection=folder.collection)
        for source in sources.exclude(path__in=present.get(folder.collection, ())):
            missing[source.pk] = source
    locations = {note.where: note for note in found.files}
    for source in Source.objects.filter(location__in=list(locations)):
        note = locations[source.location]
        if (
            source.identity != note.identity
            and Source.objects.filter(collection=note.collection, path=note.path).exists()
        ):
            missing[source.pk] = source
    return missing


def sources_delete(sources: dict[int, Source]) -> list[FileReport]:
    """Delete sources with their sections (one transaction each)."""
    reports = []
    for source in sources.values():
        with transaction.atomic():
            source.delete()
            Topic.objects.filter(sections__isnull=True).delete()
        reports.append(
            FileReport(
                path=source.location or source.identity, name=source.name, status="removed",
                source=source.identity,
            )
        )  # fmt: skip
    return reports
