"""Word weights for search (issue 13): how many sections hold each indexed word, filled from
the sections already imported (the importer keeps it up to date)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0008_search_weights"),
    ]

    operations = [
        migrations.CreateModel(
            name="Lexeme",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("lexeme", models.TextField(unique=True)),
                ("documents", models.PositiveIntegerField()),
            ],
        ),
        migrations.RunSQL(
            "INSERT INTO content_lexeme (lexeme, documents) SELECT word, ndoc FROM ts_stat("
            "'SELECT search_vector FROM content_section WHERE search_vector IS NOT NULL')",
            migrations.RunSQL.noop,
        ),
    ]
