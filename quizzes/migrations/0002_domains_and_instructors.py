"""The DVA-C02 domains and task statements, and the Instructors group."""

from django.db import migrations

from quizzes.taxonomy import taxonomy_sync


def load(apps, schema_editor):
    taxonomy_sync(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0001_questions"),
        ("content", "0004_fuzzystrmatch"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
