"""python manage.py import_notes PATH [PATH ...]"""

import json
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from content.importer.run import notes_import

COLUMNS = [
    ("file", "name"),
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
        ".txt) into structured services, topics and sections. Re-running is safe: unchanged "
        "files are skipped, changed files replace only their own sections, and files removed "
        "from an imported folder lose their sections."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Notes files or folders.")
        parser.add_argument("--json", action="store_true", help="Print the report as JSON.")
        parser.add_argument(
            "--max-bytes",
            type=int,
            default=settings.NOTES_MAX_BYTES,
            help="Refuse files larger than this (default %(default)s).",
        )
        parser.add_argument("--force", action="store_true", help="Re-import unchanged files.")

    def handle(self, *args, **options):
        show_progress = sys.stderr.isatty() and not options["json"]

        def progress(files):
            return tqdm(files, desc="Importing notes", unit="file", disable=not show_progress)

        reports = notes_import(
            paths=options["paths"],
            max_bytes=options["max_bytes"],
            force=options["force"],
            progress=progress,
        )
        if options["json"]:
            self.stdout.write(json.dumps([report.as_dict() for report in reports], indent=2))
        else:
            self.stdout.write(_table(reports))
        failed = [report for report in reports if report.status == "failed"]
        for report in failed:
            self.stderr.write(f"error: {report.path}: {report.error}")
        if failed:
            raise CommandError(
                f"{len(failed)} of {len(reports)} files could not be imported; "
                "their earlier content is unchanged."
            )


def _table(reports) -> str:
    rows = []
    for report in reports:
        row = []
        for _, attribute in COLUMNS:
            value = getattr(report, attribute)
            if attribute == "warnings":
                value = "; ".join(value) if value else (report.error or "")
            row.append(str(value))
        rows.append(row)
    headers = [header for header, _ in COLUMNS]
    widths = [max(len(headers[i]), *(len(row[i]) for row in rows)) for i in range(len(headers) - 1)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=False)) + "  warnings"]
    for row in rows:
        lines.append(
            "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)) + "  " + row[-1]
        )
    totals = [
        sum(getattr(report, attr) for report in reports) for attr in ("sections", "exam_notes")
    ]
    lines.append(f"{len(reports)} files, {totals[0]} sections, {totals[1]} exam notes")
    return "\n".join(lines)
