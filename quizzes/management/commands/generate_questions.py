"""python manage.py generate_questions"""

from django.core.management.base import BaseCommand
from django.db.models import Count

from quizzes.generator.run import questions_generate
from quizzes.models import Question


class Command(BaseCommand):
    help = (
        "Generate exam-style questions from the imported notes. Re-running creates no "
        "duplicates and never changes a question an instructor edited."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--show-rejected", action="store_true", help="List drafts that failed the checks."
        )

    def handle(self, *args, **options):
        report = questions_generate()
        self.stdout.write(
            f"created {report.created}, updated {report.updated} (new versions), status or "
            f"review note changed {report.curated}, relinked to their sections "
            f"{report.relinked}, unchanged {report.unchanged}, "
            f"kept (edited by instructors) {report.kept_edited}, retired {report.retired}, "
            f"drafts for review {report.drafts}, rejected {len(report.rejected)}"
        )
        self.stdout.write(
            "by family: " + ", ".join(f"{k} {v}" for k, v in sorted(report.by_family.items()))
        )
        published = Question.objects.published()
        total = published.count()
        by_domain = published.values("domain__number", "domain__name").annotate(n=Count("id"))
        for row in by_domain.order_by("domain__number"):
            share = 100 * row["n"] / total if total else 0
            name = f"{row['domain__number']} {row['domain__name']}"
            self.stdout.write(f"  domain {name}: {row['n']} ({share:.0f} %)")
        multiple = published.filter(kind=Question.Kind.MULTIPLE).count()
        self.stdout.write(f"published {total}, multiple response {multiple}")
        if options["show_rejected"]:
            for key, reasons in report.rejected:
                self.stdout.write(f"rejected {key}: {'; '.join(reasons)}")
