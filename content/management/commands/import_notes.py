"""python manage.py import_notes PATH [PATH ...] | --remove NAME"""

import json
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from content.importer.run import notes_import
from content.importer.sources import sources_remove

COLUMNS = [
    ("source", "source"),
    ("status", "status"),
    ("format", "format"),
    ("sections", "sections"),
    ("topics", "topics"),
    ("services", "services"),
    ("exam notes", "exam_notes"),
    ("warnings", "warnings"),
]


class Command(BaseCommand):
    help = (
        "Import study notes (files, or folders searched recursively for .md, .markdown and "
        ".txt) into structured services, topics and sections. A file is identified by its "
        "folder's name and its path inside it (notes/dynamodb/streams.md), so importing a moved "
        "or copied folder updates the same sources. Re-running is safe: unchanged files are "
        "skipped, changed files replace only their own sections, and files removed from an "
        "imported folder lose their sections. --remove drops sources by name."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="Notes files or folders.")
        parser.add_argument("--json", action="store_true", help="Print the report as JSON.")
        parser.add_argument(
            "--max-bytes",
            type=int,
            default=settings.NOTES_MAX_BYTES,
            help="Refuse files larger than this (default %(default)s).",
        )
        parser.add_argument("--force", action="store_true", help="Re-import unchanged files.")
        parser.add_argument(
            "--collection",
            help="Name the imported sources' folder this instead of the folder's own name.",
        )
        parser.add_argument(
            "--remove",
            action="append",
            default=[],
            metavar="NAME",
            help="Remove a source (notes/dynamodb/streams.md) or every source of a folder "
            "(notes), with their sections. May be repeated.",
        )

    def handle(self, *args, **options):
        if not options["paths"] and not options["remove"]:
            raise CommandError("Give notes files or folders to import, or --remove NAME.")
        show_progress = sys.stderr.isatty() and not options["json"]

        def progress(files):
            return tqdm(files, desc="Importing notes", unit="file", disable=not show_progress)

        reports = sources_remove(names=options["remove"])
        if options["paths"]:
            reports += notes_import(
                paths=options["paths"],
                max_bytes=options["max_bytes"],
                force=options["force"],
                collection=options["collection"],
                progress=progress,
            )
        if options["json"]:
            self.stdout.write(json.dumps([report.as_dict() for report in reports], indent=2))
        else:
            self.stdout.write(_table(reports))
        if options["paths"] and not any(r.status not in ("skipped", "removed") for r in reports):
            self.stdout.write(f"No note files found in {', '.join(options['paths'])}.")
        failed = [report for report in reports if report.status == "failed"]
        for report in failed:
            self.stderr.write(f"error: {report.path}: {report.error}")
        if failed:
            tried = sum(1 for report in reports if report.status != "skipped")
            raise CommandError(
                f"{len(failed)} of {tried} files could not be imported or removed; "
                "their earlier content is unchanged."
            )


def _table(reports) -> str:
    headers = [header for header, _ in COLUMNS]
    rows = []
    for report in reports:
        row = [str(getattr(report, attribute)) for _, attribute in COLUMNS[:-1]]
        row[0] = _shortened(report.source or report.path)
        row.append("; ".join(report.warnings) or report.error)
        rows.append(row)
    widths = [max([len(headers[i])] + [len(row[i]) for row in rows]) for i in range(len(headers))]
    lines = [
        "  ".join(h.ljust(w) for h, w in zip(headers[:-1], widths, strict=False)) + "  warnings"
    ]
    for row in rows:
        cells = "  ".join(c.ljust(w) for c, w in zip(row[:-1], widths, strict=False))
        lines.append(f"{cells}  {row[-1]}".rstrip())
    sections = sum(report.sections for report in reports)
    notes = sum(report.exam_notes for report in reports)
    imported = sum(1 for report in reports if report.status not in ("skipped", "removed"))
    skipped = len(reports) - imported
    lines.append(
        f"{imported} files, {sections} sections, {notes} exam notes; {skipped} skipped or removed"
    )
    return "\n".join(lines)


def _shortened(text: str, limit: int = 60) -> str:
    """A long path cut in the middle, so that the table stays readable (JSON has it whole)."""
    return text if len(text) <= limit else f"{text[: limit // 2 - 1]}…{text[-(limit // 2) :]}"
