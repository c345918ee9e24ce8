"""The reference pages as a person uses them, in headless Chromium."""

import pytest

from content.importer.run import notes_import

NOTES = {
    "sqs.md": "# SQS\n\n## Visibility timeout\nHides a message while a consumer works on it.\n\n"
    "## Long polling\nWaits up to 20 seconds for messages.\n",
    "lambda.md": "# Lambda\n\n## Event source mapping\nPolls SQS; set the visibility timeout "
    "to six times the function timeout.\n",
}


@pytest.fixture
def imported(tmp_path, django_db_serialized_rollback):
    for name, text in NOTES.items():
        (tmp_path / name).write_text(text)
    notes_import(paths=[tmp_path])


def test_search_as_you_type_pushes_the_url_and_links_to_the_section(
    imported, live_server, browser_page, tmp_path
):
    page = browser_page
    page.goto(f"{live_server.url}/topics/sqs/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.name") == "q"
    page.goto(f"{live_server.url}/search/")
    page.fill("#search-q", "visibility timeout")
    page.wait_for_selector(".result h2 a")
    assert "q=visibility" in page.url
    titles = page.locator(".result h2").all_inner_texts()
    assert titles == ["Visibility timeout", "Event source mapping"]
    page.screenshot(path=str(tmp_path / "search.png"), full_page=True)
    page.locator(".result h2 a").first.click()
    page.wait_for_url("**/topics/sqs/#visibility-timeout")
    assert page.locator("#visibility-timeout h3").inner_text().startswith("Visibility timeout")
    page.screenshot(path=str(tmp_path / "service.png"), full_page=True)
    assert (tmp_path / "search.png").stat().st_size > 10_000
