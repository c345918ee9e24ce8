"""Sources were identified by absolute path. Now: the folder's name and the path inside it.
The folder a file was imported from is not recorded, so its parent folder stands in; the old
path is kept in `location`, and the next import of a file from there takes that source over
under its full identity (content/importer/run.py). Nothing is deleted here: two sources that
would share an identity (the same folder imported from two places) get distinct collection
names until the next import merges them."""

from pathlib import PurePosixPath

from django.db import migrations


def identify_sources(apps, schema_editor):
    Source = apps.get_model("content", "Source")
    taken = set()
    for source in Source.objects.order_by("pk"):
        old = PurePosixPath(source.path)
        collection, path = old.parent.name, old.name
        number = 1
        while (collection if number == 1 else f"{collection} ({number})", path) in taken:
            number += 1
        if number > 1:
            collection = f"{collection} ({number})"
        taken.add((collection, path))
        Source.objects.filter(pk=source.pk).update(
            collection=collection, path=path, location=str(old)
        )


def restore_paths(apps, schema_editor):
    Source = apps.get_model("content", "Source")
    for source in Source.objects.all():
        Source.objects.filter(pk=source.pk).update(path=source.location or source.path)


class Migration(migrations.Migration):
    dependencies = [("content", "0005_source_identity")]

    operations = [migrations.RunPython(identify_sources, restore_paths)]
