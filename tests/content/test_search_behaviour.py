"""Search behaviour on small notes written for the test: exact ranking, snippets, htmx."""

import pytest

from content.importer.run import notes_import
from content.search import search
from tests.notes import import_notes

ORDERED = {
    "a.md": "# SQS\n\n## Visibility timeout\nThe visibility timeout hides a message while "
    "a consumer works on it.\n\n## Long polling\nWaits up to 20 seconds.\n",
    "b.md": "# Lambda\n\n## Event source mapping\nSet the SQS visibility timeout to six "
    "times the function timeout.\n\n## Throttling\nRequests are throttled above the limit.\n",
}


@pytest.fixture
def small_notes(tmp_path, db):
    import_notes(tmp_path, ORDERED)


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


RULES = {
    "apigw.md": "# API Gateway\n\n## Error codes\n502 Bad Gateway: the integration returned an "
    "invalid response. 504 Gateway Timeout: the integration took longer than 29 seconds.\n\n"
    "## Throttling\n429 is returned above the rate limit; a 502 can also follow a crash.\n\n"
    "## Timeouts\nA 504 means the backend was too slow.\n",
    "s3.md": "# S3\n\n## Sharing objects\nA pre-signed URL grants temporary access to one "
    "object.\n\n## Encryption\nSSE-S3 uses S3 managed keys; SSE-KMS uses a KMS key.\n",
    "cognito.md": "# Cognito\n\n## User pools\nA directory of users who sign in.\n\n"
    "## Identity pools\nTemporary AWS credentials.\n\n## Cognito Sync\nSyncs user data "
    "between devices (replaced by AppSync).\n",
}


@pytest.fixture
def rule_notes(tmp_path, db):
    import_notes(tmp_path, RULES)


def test_a_comparison_finds_either_side_and_ranks_sections_with_both_first(rule_notes):
    results = search("502 vs 504")
    titles = [section.title for section in results.results]
    assert titles[0] == "Error codes" and set(titles) == {"Error codes", "Throttling", "Timeouts"}
    assert results.comparison and not results.partial


def test_question_words_need_not_match(rule_notes):
    results = search("how do I share an object with a pre-signed URL?")
    assert [section.title for section in results.results][:1] == ["Sharing objects"]


@pytest.mark.parametrize("query", ["presigned url", "pre signed url", "pre-signed url"])
def test_hyphen_space_and_compound_variants_match_each_other(rule_notes, query):
    assert [section.title for section in search(query).results] == ["Sharing objects"]


def test_when_no_section_has_every_word_the_closest_come_first_and_the_page_says_so(
    rule_notes, client
):
    results = search("gateway timeout for my kubernetes cluster")
    # Both sections with "gateway" and "timeout" before those with one of the words.
    titles = [section.title for section in results.results]
    assert results.partial and set(titles[:2]) == {"Error codes", "Timeouts"}
    page = client.get("/search/?q=gateway+timeout+for+my+kubernetes+cluster").content.decode()
    assert "No section has all the words; closest matches first." in page


def test_an_alias_weighs_only_where_it_is_mentioned_and_a_title_match_comes_first(rule_notes):
    from content.models import Service

    Service.objects.filter(slug="cognito").update(aliases=["Cognito Sync", "Cognito"])
    from content.search import sections_index

    sections_index()
    results = search("Cognito Sync")
    # Only the section that mentions "Cognito Sync" has both words; the others follow.
    assert [section.title for section in results.results][0] == "Cognito Sync"
    assert search('"Cognito Sync"').total == 1


def test_a_long_query_is_shortened_with_a_message_and_typo_lookups_are_bounded(
    rule_notes, client, django_assert_max_num_queries
):
    from content.search import MAX_CORRECTED_WORDS

    unknown = " ".join(f"zqx{chr(97 + n % 26)}{chr(97 + n // 26)}word" for n in range(60))
    # one query each: vocabulary, count (all words), count (any word), typo lookups (bounded)
    with django_assert_max_num_queries(12 + MAX_CORRECTED_WORDS):
        results = search(unknown)
    assert results.shortened and results.total == 0
    page = client.get("/search/", {"q": unknown}).content.decode()
    assert "only its first 200 characters were used" in page


def test_the_same_search_again_is_remembered_until_the_notes_change(
    small_notes, client, tmp_path, django_assert_max_num_queries
):
    htmx = {"HX-Request": "true"}
    first = client.get("/search/?q=visibility+timeout", headers=htmx).content.decode()
    with django_assert_max_num_queries(2):  # the content version, the service filter list
        again = client.get("/search/?q=visibility+timeout", headers=htmx).content.decode()
    assert again == first and "Event source mapping" in again
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "c.md").write_text("# SQS\n\n## Visibility timeout FAQ\nMore.\n")
    notes_import(paths=[tmp_path / "more"])
    assert "Visibility timeout FAQ" in client.get("/search/?q=visibility+timeout").content.decode()


WEIGHTS = {
    "lambda.md": "# Lambda\n\n## Retries\nThe function retries twice.\n\n## Idempotency\nAn "
    "idempotent function is safe to run again.\n\n## Limits\nThe maximum memory is 10 GB.\n",
    "sqs.md": "# SQS\n\n## Redrive\nFailed receives are retries.\n\n## Consumers\nA consumer "
    "retries after the visibility timeout.\n\n## Requester pays\nSend the "
    "x-amx-request-payer header.\n",
    "sns.md": "# SNS\n\n## Delivery\nDelivery retries follow a policy.\n\n## Limits\n"
    "Maximum message size.\n",
}


@pytest.fixture
def weight_notes(tmp_path, db):
    import_notes(tmp_path, WEIGHTS)


def test_closest_matches_weigh_rare_words_above_common_ones(weight_notes):
    # No section has "backoff"; "idempotent" is in one section, "retries" in four.
    results = search("idempotent function retries backoff")
    assert results.partial
    assert [section.title for section in results.results][:2] == ["Idempotency", "Retries"]


def test_shorthand_finds_the_long_form(weight_notes):
    results = search("lambda max memory")
    assert (results.results[0].service.slug, results.results[0].title) == ("lambda", "Limits")
    assert not results.partial


def test_a_compound_no_section_has_is_matched_by_its_parts(weight_notes):
    results = search("x-amz-request-payer")
    assert results.partial and results.results[0].title == "Requester pays"
