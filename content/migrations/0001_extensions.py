from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    """PostgreSQL extensions the reference search relies on (typo tolerance)."""

    dependencies = []

    operations = [TrigramExtension()]
