"""python manage.py createinstructor USERNAME [--email E] (asks for the password)"""

import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from quizzes.taxonomy import INSTRUCTORS, taxonomy_sync


class Command(BaseCommand):
    help = "Create (or promote) a user who can manage questions in the admin, and nothing else."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--password-from-env",
            metavar="VAR",
            help="Read the password from this environment variable instead of asking.",
        )

    def handle(self, *args, username, email, password_from_env, **options):
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            if password_from_env:
                password = os.environ.get(password_from_env, "")
            else:
                password = getpass.getpass("Password: ")
            user = User(username=username, email=email)
            try:
                validate_password(password, user)
            except ValidationError as exc:
                raise CommandError("; ".join(exc.messages)) from None
            user.set_password(password)
        taxonomy_sync()
        user.is_staff = True  # may log in to the admin; the group decides what it sees
        user.save()
        user.groups.add(Group.objects.get(name=INSTRUCTORS))
        self.stdout.write(f"{username} is an instructor.")
