"""The reference pages as a person uses them, in headless Chromium."""

import pytest

from tests.notes import import_notes

NOTES = {
    "sqs.md": "# SQS\n\n## Visibility timeout\nHides a message while a consumer works on it.\n\n"
    "## Long polling\nWaits up to 20 seconds for messages.\n",
    "lambda.md": "# Lambda\n\n## Event source mapping\nPolls SQS; set the visibility timeout "
    "to six times the function timeout.\n",
}


@pytest.fixture
def imported(tmp_path, django_db_serialized_rollback):
    import_notes(tmp_path, NOTES)


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


def test_typing_replaces_the_history_entry_a_pause_keeps_it_and_back_restores_box_and_results(
    imported, live_server, browser_page
):
    page = browser_page
    page.goto(f"{live_server.url}/search/")
    start = page.evaluate("history.length")
    box = page.locator("#search-q")
    box.press_sequentially("visib", delay=30)
    page.wait_for_selector(".result h2 a")
    box.press_sequentially("ility timeout", delay=30)
    page.wait_for_function("document.title.startsWith('visibility timeout')")
    # Typing made one entry, not one per pause of the htmx trigger.
    assert page.evaluate("history.length") == start + 1
    page.wait_for_timeout(1800)  # a pause keeps the entry
    box.fill("")
    box.press_sequentially("long polling", delay=30)
    page.wait_for_function("document.title.startsWith('long polling')")
    assert page.locator(".result h2").all_inner_texts()[0] == "Long polling"
    assert page.evaluate("history.length") == start + 2 and "q=long+polling" in page.url

    page.go_back()
    page.wait_for_function("document.title.startsWith('visibility timeout')")
    assert box.input_value() == "visibility timeout" and "q=visibility+timeout" in page.url
    assert page.locator(".result h2").all_inner_texts() == [
        "Visibility timeout",
        "Event source mapping",
    ]
    page.go_back()
    page.wait_for_function("document.title.startsWith('Search')")
    assert box.input_value() == "" and page.locator(".result").count() == 0
