"""python manage.py generate_questions"""

from django.core.management.base import BaseCommand, CommandError

from quizzes.generator.coverage import bank_coverage
from quizzes.generator.item_models import ItemModelError
from quizzes.generator.run import questions_generate
from quizzes.taxonomy import DOMAINS


class Command(BaseCommand):
    help = (
        "Generate exam-style questions from the item models and the imported notes, and print "
        "what the published bank covers. Re-running creates no duplicates and never changes a "
        "question an instructor edited."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--show-rejected", action="store_true", help="List drafts that failed the gates."
        )

    def handle(self, *args, **options):
        try:
            report = questions_generate()
        except ItemModelError as error:
            raise CommandError(
                f"The item models have problems; the bank is unchanged.\n{error}"
            ) from None
        write = self.stdout.write
        write(
            f"created {report.created}, updated {report.updated} (new versions), status or "
            f"review note changed {report.curated}, relinked to their sections "
            f"{report.relinked}, unchanged {report.unchanged}, "
            f"kept (edited by instructors) {report.kept_edited}, retired {report.retired}, "
            f"drafts for review {report.drafts}"
        )
        write(f"rejected by the quality gates: {len(report.rejected)}")
        for reason, count in report.rejections.most_common():
            write(f"  {count:4}  {reason}")
        if report.left_out:
            write("passed the gates, left out to keep the bank in proportion:")
            for reason, count in report.left_out.most_common():
                write(f"  {count:4}  {reason}")
        for task, (quota, got) in sorted(report.short.items()):
            write(f"  task {task} has {got} of its {quota} places: write more models for it")
        self._coverage()
        if options["show_rejected"]:
            for key, reasons in report.rejected:
                write(f"rejected {key}: {'; '.join(reasons)}")

    def _coverage(self):
        write = self.stdout.write
        coverage = bank_coverage()
        write(
            f"published {coverage.total}: {coverage.item_models} item models over "
            f"{coverage.item_services} services"
        )
        for number, name, weight, tasks in DOMAINS:
            share = coverage.domains.get(number, 0.0)
            write(f"  domain {number} {name}: {share:.1f} % (weight {weight} %)")
            for code, _ in tasks:
                write(
                    f"    task {code}: {coverage.tasks.get(code, 0)} questions from "
                    f"{coverage.task_models.get(code, 0)} models"
                )
        services = ", ".join(
            f"{service} {coverage.share(count):.1f} %"
            for service, count in coverage.services.most_common()
        )
        write(f"  by service: {services}")
        families = ", ".join(f"{name} {count}" for name, count in coverage.families.most_common())
        write(f"  by family: {families}")
        models = ", ".join(f"{name} {count}" for name, count in coverage.models.most_common())
        write(f"  by model: {models}")
        misses = coverage.misses()
        write("goals: " + ("all met" if not misses else "missed: " + "; ".join(misses)))
