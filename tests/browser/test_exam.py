"""A learner takes a short timed exam in headless Chromium."""

import pytest

from quizzes.models import Choice, ProblemReport, Question, TaskStatement
from quizzes.taxonomy import taxonomy_sync


@pytest.fixture
def bank(django_db_serialized_rollback):
    """Eight published questions over the four domains (one multiple response)."""
    taxonomy_sync()
    for number in range(8):
        task = TaskStatement.objects.get(code=f"{number % 4 + 1}.1")
        multiple = number == 3
        question = Question.objects.create(
            stem=f"Question number {number}: which option is right?",
            kind="multiple" if multiple else "single",
            choose=2 if multiple else 1,
            domain=task.domain,
            task=task,
            explanation=f"Because option A{number} is right.",
            status="published",
        )
        options = 5 if multiple else 4
        Choice.objects.bulk_create(
            Choice(question=question, text=f"Option {chr(65 + i)}{number}",
                   is_correct=i == 0 or (multiple and i == 1), position=i)
            for i in range(options)
        )  # fmt: skip


def test_learner_signs_up_takes_a_timed_exam_and_sees_results(
    bank, live_server, browser_page, tmp_path
):
    page = browser_page
    page.goto(f"{live_server.url}/accounts/signup/")
    page.fill("#id_username", "learner")
    page.fill("#id_password1", "a-long-Passphrase-42")
    page.fill("#id_password2", "a-long-Passphrase-42")
    page.click("button[type=submit]")
    page.wait_for_url("**/exams/")
    custom = page.locator("form.card", has_text="Custom quiz")
    custom.locator("input[name=count]").fill("4")
    custom.locator("input[name=minutes]").fill("5")
    custom.locator("button[type=submit]").click()
    page.wait_for_url("**/q/1/")
    assert page.locator("[role=timer]").count() == 1
    assert "is_correct" not in page.content()

    # Question 1: answer by clicking; the answer is saved by htmx.
    page.locator(".option").first.click()
    page.wait_for_selector(".saved")
    first_answer = page.locator("input[name=choice]:checked").get_attribute("value")
    page.keyboard.press("n")
    page.wait_for_url("**/q/2/")
    # Question 2: answer by keyboard, flag it.
    # Keys go to the page (a click in the middle could land on an option and tick it).
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.keyboard.press("2")
    page.wait_for_selector(".saved")
    second_answer = page.locator("input[name=choice]:checked").get_attribute("value")
    page.keyboard.press("f")
    page.wait_for_selector("[data-flag-button][aria-pressed=true]")
    # The navigator follows without a reload: question 2 answered and flagged.
    page.wait_for_selector("#nav-q2.answered.flagged.current")
    assert "flagged" in page.locator("#nav-q2").get_attribute("title")
    page.screenshot(path=str(tmp_path / "exam-page.png"), full_page=True)

    # Reload mid-exam: the answers are still there.
    page.reload()
    assert page.locator("input[name=choice]:checked").get_attribute("value") == second_answer
    page.keyboard.press("p")
    page.wait_for_url("**/q/1/")
    assert page.locator("input[name=choice]:checked").get_attribute("value") == first_answer
    assert page.locator(".navigator a.flagged").count() == 1

    page.goto(page.url.replace("/q/1/", "/review/"))
    assert "2 unanswered, 1 flagged" in page.content()
    page.click('button:has-text("Submit")')
    page.wait_for_url("**/results/")
    assert page.locator(".domain-bars li").count() >= 1
    assert "(720 passes)" in page.content()
    page.screenshot(path=str(tmp_path / "results-page.png"), full_page=True)
    assert (tmp_path / "results-page.png").stat().st_size > 10_000

    # Report a problem with question 1, by htmx, without leaving the page.
    report = page.locator("#report-1")
    report.locator("summary").click()
    report.get_by_label("More than one answer is right").check()
    report.get_by_label("Details (optional)").fill("Option B is right too.")
    report.get_by_role("button", name="Send report").click()
    page.wait_for_selector("#report-1 >> text=reached the instructors")
    assert page.url.endswith("/results/")
    reported = ProblemReport.objects.get()
    assert (reported.reason, reported.comment) == ("ambiguous", "Option B is right too.")


def test_a_choose_two_question_takes_back_a_third_tick(bank, live_server, browser_page):
    from django.contrib.auth.models import User

    from quizzes import exams

    user = User.objects.create_user("learner", password="a-long-Passphrase-42")
    attempt = exams.attempt_start(user=user, kind="custom", domains=[4], count=2, minutes=0)
    item = attempt.items.get(version__kind="multiple")
    page = browser_page
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", "learner")
    page.fill("#id_password", "a-long-Passphrase-42")
    page.click("button[type=submit]")
    page.goto(f"{live_server.url}/exams/{attempt.pk}/q/{item.position}/")
    options = page.locator(".option")
    options.nth(0).click()
    page.wait_for_selector(".saved")
    options.nth(1).click()
    page.wait_for_load_state("networkidle")
    options.nth(2).click()
    page.wait_for_selector("text=Select at most 2 options")
    assert page.locator("input[name=choice]:checked").count() == 2
    page.wait_for_load_state("networkidle")
    item.refresh_from_db()
    assert item.selected == sorted(item.choice_order[:2])
