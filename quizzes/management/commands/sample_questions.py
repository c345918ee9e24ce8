"""python manage.py sample_questions --seed N [--count 50]: published questions drawn at
random, as Markdown for a reviewer (stem, options with the key marked, explanation, domain,
task statement, service, family and model)."""

import random

from django.core.management.base import BaseCommand

from quizzes.models import Question


class Command(BaseCommand):
    help = "Print a random sample of published questions for review against the rubric."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, required=True, help="Say it in the review.")
        parser.add_argument("--count", type=int, default=50)

    def handle(self, *args, seed, count, **options):
        ids = sorted(Question.objects.published().values_list("id", flat=True))
        chosen = random.Random(seed).sample(ids, min(count, len(ids)))
        questions = Question.objects.filter(pk__in=chosen).select_related(
            "domain", "task", "service"
        )
        by_id = {question.pk: question for question in questions}
        for number, pk in enumerate(chosen, start=1):
            question = by_id[pk]
            version = question.versions.order_by("-number").first()
            service = question.service.slug if question.service else "—"
            self.stdout.write(f"## Q{number} (id {pk})\n")
            self.stdout.write(
                f"Domain {question.domain}; task {question.task}; service {service}; "
                f"family {question.family or question.origin}; model {question.model or '—'}\n"
            )
            self.stdout.write(f"{version.stem}\n")
            for letter, choice in zip("ABCDEFGH", version.choices.all(), strict=False):
                mark = "KEY" if choice.is_correct else "   "
                self.stdout.write(f"- {letter}. [{mark}] {choice.text}")
            self.stdout.write(f"\nExplanation:\n{version.explanation}\n\n")
