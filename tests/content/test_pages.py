"""Service index and service pages, rendered from imported notes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.importer.run import notes_import
from content.models import Section
from tests.notes import import_notes

LAMBDA = """# Lambda

## Concurrency
Reserved concurrency caps a function. Poll SQS with an event source mapping.

## Security
Run <script>alert(1)</script> as `<function-name>`; the bucket is {{bucket}} and $LATEST is mutable.
"""
SQS = """# SQS

## Visibility timeout
Set it to six times the Lambda timeout.
"""


@pytest.fixture
def notes(tmp_path, db):
    import_notes(tmp_path / "notes", {"lambda.md": LAMBDA, "sqs.md": SQS})
    return tmp_path / "notes"


def test_topics_index_groups_services_with_counts_and_domains(client, notes):
    html = client.get("/topics/").content.decode()
    assert "Compute and serverless" in html and "Application integration and messaging" in html
    assert 'href="/topics/lambda/">AWS Lambda</a>' in html
    assert "2 topics · 2 sections" in html
    assert "Domain 1" in html
    filtered = client.get("/topics/?domain=2").content.decode()
    assert "AWS Lambda" not in filtered


def test_service_page_renders_sections_with_provenance_and_anchors(client, notes):
    response = client.get("/topics/lambda/")
    html = response.content.decode()
    assert '<section class="note" id="concurrency">' in html
    assert 'href="#topic-concurrency"' in html
    assert "lambda.md, lines 3–4" in html
    assert '<a href="/topics/sqs/" class="service-link"' in html
    assert "Topics</a> › <span>Compute and serverless</span> › " in html


def test_notes_render_inert_and_placeholders_as_text(client, notes):
    html = client.get("/topics/lambda/").content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<code>&lt;function-name&gt;</code>" in html
    assert "{{bucket}}" in html and "$LATEST" in html


def test_mentioned_in_and_related_services(client, notes):
    html = client.get("/topics/sqs/").content.decode()
    assert "Mentioned in" in html
    assert 'href="/topics/lambda/#concurrency">Lambda › Concurrency</a>' in html
    assert "Related services" in html and 'href="/topics/lambda/">AWS Lambda</a>' in html


def test_unknown_service_is_404(client, db):
    assert client.get("/topics/no-such-service/").status_code == 404


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_page_queries_do_not_grow_with_the_number_of_sections(
    client, tmp_path, db, django_assert_num_queries
):
    import_notes(tmp_path / "small", {"lambda.md": LAMBDA, "sqs.md": SQS})
    small_service = count_queries(client, "/topics/lambda/")
    small_index = count_queries(client, "/topics/")
    many = "# Lambda\n\n" + "".join(
        f"## Topic {n}\nSQS and SNS and DynamoDB, note {n}.\n\n" for n in range(60)
    )
    import_notes(tmp_path / "big", {"more.md": many, "sqs2.md": SQS.replace("# SQS", "# SNS")})
    assert Section.objects.filter(service__slug="lambda").count() > 60
    with django_assert_num_queries(small_service):
        client.get("/topics/lambda/")
    with django_assert_num_queries(small_index):
        client.get("/topics/")
    assert small_service <= 7 and small_index <= 2


def test_cached_service_page_changes_with_the_next_import(client, notes):
    assert "Set it to six times" in client.get("/topics/sqs/").content.decode()
    (notes / "sqs.md").write_text(SQS.replace("six times", "at least six times"))
    notes_import(paths=[notes])
    assert "at least six times" in client.get("/topics/sqs/").content.decode()
