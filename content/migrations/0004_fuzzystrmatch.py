from django.contrib.postgres.operations import CreateExtension
from django.db import migrations


class Migration(migrations.Migration):
    """levenshtein() for "did you mean": trigrams miss swapped letters in short words."""

    dependencies = [("content", "0003_search_and_links")]

    operations = [CreateExtension("fuzzystrmatch")]
