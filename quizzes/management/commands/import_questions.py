"""python manage.py import_questions FILE [FILE ...]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from quizzes.importing import questions_import


class Command(BaseCommand):
    help = (
        "Import questions from Markdown task lists (### stem, - [x] right, - [ ] wrong) or CSV "
        "(stem, choices separated by |, correct as 1-based numbers). Invalid items are skipped "
        "and reported with their line."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+")

    def handle(self, *args, files, **options):
        failed = False
        for name in files:
            path = Path(name)
            fmt = "csv" if path.suffix.lower() == ".csv" else "markdown"
            try:
                text = path.read_text(encoding="utf-8")
                result = questions_import(text=text, fmt=fmt)
            except (OSError, UnicodeDecodeError, ValueError) as exc:
                self.stderr.write(f"error: {path}: {exc}")
                failed = True
                continue
            self.stdout.write(f"{path}: imported {result.created}, skipped {len(result.skipped)}")
            for line, reason in result.skipped:
                self.stdout.write(f"  {path}:{line}: skipped: {reason}")
        if failed:
            raise CommandError("some files could not be imported")
