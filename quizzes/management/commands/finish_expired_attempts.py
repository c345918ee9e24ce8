"""python manage.py finish_expired_attempts (run it from cron, e.g. every minute)"""

from django.core.management.base import BaseCommand

from quizzes.exams import attempts_finish_expired


class Command(BaseCommand):
    help = "Finish every attempt whose deadline has passed, counting answers saved in time."

    def handle(self, *args, **options):
        self.stdout.write(f"finished {attempts_finish_expired()} expired attempts")
