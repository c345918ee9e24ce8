"""Search vectors weigh a service's aliases only on sections that mention them (issue 13), and
the vocabulary gains compound words ("presigned" → "pre-signed"): rebuild both."""

from django.db import migrations, models

# The index statement as of this migration (content.search.INDEX_SQL may change later).
INDEX_SQL = """
UPDATE content_section AS section SET search_vector =
    setweight(to_tsvector('english', section.title), 'A')
    || setweight(to_tsvector('english', concat_ws(' ', topic.title, service.name,
        service.short_name, array_to_string(ARRAY(SELECT alias FROM unnest(service.aliases) AS alias
        WHERE strpos(lower(section.title || ' ' || section.text), lower(alias)) > 0), ' '))), 'B')
    || setweight(to_tsvector('english', section.text), 'C')
FROM content_service AS service, content_topic AS topic
WHERE service.id = section.service_id AND topic.id = section.topic_id
"""


def reindex(apps, schema_editor):
    schema_editor.execute(INDEX_SQL)


def rebuild_terms(apps, schema_editor):
    # The vocabulary is derived data; the next import or `import_notes --force` rebuilds it
    # too. Rebuilt here so that an upgrade alone gives compounds their variants.
    from content.search import terms_rebuild

    if apps.get_model("content", "Section").objects.exists():
        terms_rebuild()


class Migration(migrations.Migration):
    dependencies = [("content", "0007_source_unique_identity")]

    operations = [
        migrations.AlterField(
            model_name="term",
            name="expansion",
            field=models.CharField(
                blank=True,
                help_text="What an acronym stands for (GSI), or a compound's hyphenated form.",
                max_length=200,
            ),
        ),
        migrations.RunPython(reindex, migrations.RunPython.noop),
        migrations.RunPython(rebuild_terms, migrations.RunPython.noop),
    ]
