from content.rendering import render_section


def render(matcher, body, own="lambda"):
    return render_section(body, matcher=matcher, own_service=own, url_for=lambda s: f"/topics/{s}/")


def test_html_in_notes_is_inert_and_placeholders_stay_text(matcher):
    rendered = render(
        matcher,
        "Run <script>alert(1)</script> with <function-name>, {{bucket}}, $LATEST and $connect.\n"
        '<img src=x onerror="alert(1)">',
    )
    assert "<script" not in rendered.html and "<img" not in rendered.html
    assert '&lt;img src=x onerror="alert(1)"&gt;' in rendered.html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered.html
    assert "&lt;function-name&gt;" in rendered.html
    assert (
        "{{bucket}}" in rendered.html and "$LATEST" in rendered.html and "$connect" in rendered.html
    )


def test_first_mention_of_other_services_links_but_not_in_code(matcher):
    rendered = render(
        matcher, "Poll SQS from Lambda, then SQS again.\n\n`SNS` in code, SNS outside."
    )
    assert rendered.html.count('href="/topics/sqs/"') == 1
    assert 'href="/topics/lambda/"' not in rendered.html  # the section's own service
    assert "<code>SNS</code>" in rendered.html
    assert 'href="/topics/sns/"' in rendered.html
    assert set(rendered.mentions) == {"sqs", "sns"}
    assert "Poll SQS from Lambda" in rendered.mentions["sqs"]


def test_code_is_highlighted_tables_render_and_headings_sit_below_the_section(matcher):
    rendered = render(
        matcher,
        "## Limits\n\n| limit | value |\n|---|---|\n| timeout | 900 s |\n\n"
        "```python\ndef handler(event, context):\n    return 1\n```\n\n![diagram](https://x/y.png)",
    )
    assert "<h5>Limits</h5>" in rendered.html
    assert "<td>timeout</td>" in rendered.html
    assert '<pre class="highlight"><code><span class="k">def</span>' in rendered.html
    assert '<span class="image-alt">[image: diagram]</span>' in rendered.html
    assert "https://x/y.png" not in rendered.html
    assert rendered.text.startswith("Limits")
