"""Upgrading keeps every source: migration 0006 turns absolute paths into identities."""

import pytest
from django.utils import timezone

from tests.migrating import migrate, migrated_back

BEFORE = [("content", "0004_fuzzystrmatch")]
AFTER = [("content", "0007_source_unique_identity")]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_sources_get_identities_and_nothing_is_deleted():
    with migrated_back(BEFORE) as apps:
        Source = apps.get_model("content", "Source")
        for path in ["/a/notes/x.md", "/b/notes/x.md", "/a/notes/aws/y.txt"]:
            Source.objects.create(
                path=path, name=path.rsplit("/", 1)[1], content_hash="h", format="markdown",
                imported_at=timezone.now(),
            )  # fmt: skip
        Source = migrate(AFTER).get_model("content", "Source")
        rows = sorted(Source.objects.values_list("collection", "path", "location"))
        assert rows == [
            ("aws", "y.txt", "/a/notes/aws/y.txt"),
            ("notes", "x.md", "/a/notes/x.md"),
            ("notes (2)", "x.md", "/b/notes/x.md"),
        ]
