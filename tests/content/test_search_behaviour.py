"""Search behaviour on small notes written for the test: exact ranking, snippets, htmx."""

import pytest

from content.importer.run import notes_import
from content.search import search

ORDERED = {
    "a.md": "# SQS\n\n## Visibility timeout\nThe visibility timeout hides a message while "
    "a consumer works on it.\n\n## Long polling\nWaits up to 20 seconds.\n",
    "b.md": "# Lambda\n\n## Event source mapping\nSet the SQS visibility timeout to six "
    "times the function timeout.\n\n## Throttling\nRequests are throttled above the limit.\n",
}


@pytest.fixture
def small_notes(tmp_path, db):
    for name, text in ORDERED.items():
        (tmp_path / name).write_text(text)
    notes_import(paths=[tmp_path])


def test_results_are_ranked_title_matches_first(small_notes):
    results = search("visibility timeout")
    assert [(s.service.slug, s.title) for s in results.results] == [
        ("sqs", "Visibility timeout"),
        ("lambda", "Event source mapping"),
    ]


def test_snippets_highlight_stemmed_matches(small_notes):
    (result,) = search("throttling").results
    assert "<mark>throttled</mark>" in result.snippet


def test_search_page_works_without_javascript_and_as_an_htmx_fragment(small_notes, client):
    page = client.get("/search/?q=long+polling").content.decode()
    assert "<h1>Search the notes</h1>" in page and 'href="/topics/sqs/#long-polling"' in page
    fragment = client.get("/search/?q=long+polling", headers={"HX-Request": "true"})
    assert "<h1>" not in fragment.content.decode()
    assert 'href="/topics/sqs/#long-polling"' in fragment.content.decode()
    assert "HX-Request" in fragment["Vary"]
