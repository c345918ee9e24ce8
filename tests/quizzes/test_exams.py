"""Taking practice exams through the views: saving, deadlines, privacy, feedback."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

from portal.auth import SessionUser
from quizzes import exams
from quizzes.models import (
    Attempt,
    Choice,
    LearnerSettings,
    Question,
    TaskStatement,
    VersionChoice,
)
from quizzes.taxonomy import taxonomy_sync


@pytest.fixture
def bank(db):
    """25 published questions per domain; the keyed choice's text starts with 'Key'."""
    taxonomy_sync()
    for domain in (1, 2, 3, 4):
        task = TaskStatement.objects.get(code=f"{domain}.1")
        for number in range(25):
            question = Question.objects.create(
                stem=f"D{domain} question {number}?", domain=task.domain, task=task,
                status="published", explanation=f"Explanation {domain}-{number}.",
            )  # fmt: skip
            Choice.objects.bulk_create(
                Choice(question=question, text=text, is_correct=text.startswith("Key"),
                       rationale="Why.", position=i)
                for i, text in enumerate([f"Key {domain}-{number}", "Wrong A", "Wrong B", "Wrong"])
            )  # fmt: skip


@pytest.fixture
def learner(db, client):
    user = User.objects.create_user("learner", password="pw-long-enough-42")
    client.force_login(user)
    return user


def expire(attempt, *, seconds_ago):
    """Move the attempt into the past so that its deadline has passed."""
    now = timezone.now()
    Attempt.objects.filter(pk=attempt.pk).update(
        started_at=now - timedelta(minutes=30), deadline=now - timedelta(seconds=seconds_ago)
    )


def keyed(attempt, position):
    item = attempt.items.get(position=position)
    return item, VersionChoice.objects.get(version=item.version, is_correct=True)


def test_full_exam_draws_by_blueprint(bank, learner):
    attempt = exams.attempt_start(user=learner, kind="full", seed=1)
    domains = [
        item.question.domain.number for item in attempt.items.select_related("question__domain")
    ]
    assert [domains.count(n) for n in (1, 2, 3, 4)] == [21, 17, 15, 12]
    assert attempt.deadline - attempt.started_at == timedelta(minutes=130)
    orders = [item.choice_order for item in attempt.items.all()]
    assert any(order != sorted(order) for order in orders)  # shuffled per attempt


def test_extended_time_gives_one_and_a_half_times(bank, learner):
    LearnerSettings.objects.create(user=learner, extended_time=True)
    attempt = exams.attempt_start(user=learner, kind="custom", count=5, minutes=20)
    assert attempt.deadline - attempt.started_at == timedelta(minutes=30)


def test_answer_is_saved_and_survives_reload(bank, learner, client):
    client.post("/exams/start/", {"kind": "custom", "count": 3, "minutes": 10, "mode": "exam"})
    attempt = Attempt.objects.get(user=learner)
    item, choice = keyed(attempt, 1)
    response = client.post(
        f"/exams/{attempt.pk}/q/1/answer/", {"choice": [choice.pk]}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200 and "Saved" in response.content.decode()
    page = client.get(f"/exams/{attempt.pk}/q/1/").content.decode()
    assert f'value="{choice.pk}" checked' in page
    # Without JavaScript, the same form post saves and moves on.
    item2, choice2 = keyed(attempt, 2)
    response = client.post(f"/exams/{attempt.pk}/q/2/answer/", {"choice": [choice2.pk], "next": ""})
    assert response["Location"] == f"/exams/{attempt.pk}/q/3/"
    item2.refresh_from_db()
    assert item2.selected == [choice2.pk]


def test_exam_mode_html_never_contains_the_key(bank, learner, client):
    attempt = exams.attempt_start(user=learner, kind="custom", count=3, minutes=10)
    item, choice = keyed(attempt, 1)
    html = client.get(f"/exams/{attempt.pk}/q/1/").content.decode()
    assert choice.text in html  # shown as an option …
    assert "keyed" not in html and "is_correct" not in html and "Why." not in html
    assert "Explanation" not in html
    client.post(f"/exams/{attempt.pk}/q/1/answer/", {"choice": [choice.pk]})
    html = client.get(f"/exams/{attempt.pk}/q/1/").content.decode()
    assert "Correct." not in html and "Explanation 1" not in html  # … with no feedback


def test_practice_mode_shows_feedback_after_each_answer(bank, learner, client):
    attempt = exams.attempt_start(user=learner, kind="custom", mode="practice", count=3, minutes=0)
    item, choice = keyed(attempt, 1)
    wrong = VersionChoice.objects.filter(version=item.version, is_correct=False).first()
    response = client.post(
        f"/exams/{attempt.pk}/q/1/answer/", {"choice": [wrong.pk]}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert "Not quite." in html and choice.text in html and item.question.explanation in html


def test_answer_after_the_deadline_is_refused_and_saved_answers_count(bank, learner, client):
    attempt = exams.attempt_start(user=learner, kind="custom", count=3, minutes=10)
    item, choice = keyed(attempt, 1)
    exams.attempt_answer(attempt_id=attempt.pk, user=learner, position=1, choice_ids=[choice.pk])
    expire(attempt, seconds_ago=1)
    _, late = keyed(attempt, 2)
    response = client.post(
        f"/exams/{attempt.pk}/q/2/answer/", {"choice": [late.pk]}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 409
    assert "Time is up: the answer was not saved" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.is_finished and attempt.finished_by_deadline
    assert attempt.items.get(position=2).selected == []
    assert attempt.items.get(position=1).is_correct is True
    assert sum(row["correct"] for row in attempt.domain_scores) == 1


def test_expired_attempt_is_finished_on_the_next_request(bank, learner, client):
    attempt = exams.attempt_start(user=learner, kind="custom", count=2, minutes=10)
    item, choice = keyed(attempt, 1)
    exams.attempt_answer(attempt_id=attempt.pk, user=learner, position=1, choice_ids=[choice.pk])
    expire(attempt, seconds_ago=60)
    response = client.get(f"/exams/{attempt.pk}/q/2/")
    assert response["Location"] == f"/exams/{attempt.pk}/results/"
    attempt.refresh_from_db()
    assert attempt.finished_by_deadline and attempt.finished_at == attempt.deadline
    assert attempt.items.get(position=1).is_correct


def test_finish_expired_attempts_command(bank, learner):
    attempt = exams.attempt_start(user=learner, kind="custom", count=2, minutes=10)
    expire(attempt, seconds_ago=60)
    call_command("finish_expired_attempts", stdout=None)
    attempt.refresh_from_db()
    assert attempt.is_finished


def test_other_learners_get_404(bank, learner, client):
    attempt = exams.attempt_start(user=learner, kind="custom", count=2, minutes=10)
    other = User.objects.create_user("other", password="pw-long-enough-42")
    client.force_login(other)
    for url in [f"/exams/{attempt.pk}/q/1/", f"/exams/{attempt.pk}/results/",
                f"/exams/{attempt.pk}/review/", f"/exams/{attempt.pk}/time/"]:  # fmt: skip
        assert client.get(url).status_code == 404
    assert client.post(f"/exams/{attempt.pk}/q/1/answer/", {"choice": [1]}).status_code == 404
    assert client.post(f"/exams/{attempt.pk}/submit/").status_code == 404


def test_results_show_per_domain_scores_and_filters(bank, learner, client):
    attempt = exams.attempt_start(user=learner, kind="custom", count=4, minutes=10, seed=3)
    item, choice = keyed(attempt, 1)
    exams.attempt_answer(attempt_id=attempt.pk, user=learner, position=1, choice_ids=[choice.pk])
    exams.attempt_flag(attempt=attempt, position=2, flagged=True)
    client.post(f"/exams/{attempt.pk}/submit/")
    html = client.get(f"/exams/{attempt.pk}/results/").content.decode()
    assert "(720 passes)" in html and "domain-bars" in html
    assert "Correct (1)" in html and "Incorrect (3)" in html and "Flagged (1)" in html
    assert "Unanswered (3)" in html
    flagged = client.get(f"/exams/{attempt.pk}/results/?show=flagged").content.decode()
    assert flagged.count('<li class="result-item') == 1


def test_weak_areas_start_with_the_weakest_domain(bank, learner):
    past = exams.attempt_start(user=learner, kind="full", seed=2)
    for item in past.items.select_related("question__domain"):
        key = VersionChoice.objects.get(version=item.version, is_correct=True)
        if item.question.domain.number != 3:  # domain 3 answered wrong (left empty)
            exams.attempt_answer(
                attempt_id=past.pk, user=learner, position=item.position, choice_ids=[key.pk]
            )
    exams.attempt_finish(attempt=past)
    weak = exams.attempt_start(user=learner, kind="weak", count=10, minutes=0)
    domains = [i.question.domain.number for i in weak.items.select_related("question__domain")]
    assert domains == [3] * 10


def test_question_page_queries_are_constant(bank, learner, client, django_assert_max_num_queries):
    attempt = exams.attempt_start(user=learner, kind="full", seed=4)
    with django_assert_max_num_queries(12):
        client.get(f"/exams/{attempt.pk}/q/30/")


def test_an_answer_that_is_not_an_option_is_refused_and_changes_nothing(bank, learner, client):
    attempt = exams.attempt_start(user=learner, kind="custom", count=2, minutes=10)
    item, choice = keyed(attempt, 1)
    client.post(f"/exams/{attempt.pk}/q/1/answer/", {"choice": [choice.pk]})
    other_question = VersionChoice.objects.exclude(version=item.version).first()
    response = client.post(
        f"/exams/{attempt.pk}/q/1/answer/",
        {"choice": [other_question.pk]},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 409 and "not one of this question" in response.content.decode()
    item.refresh_from_db()
    assert item.selected == [choice.pk]


def answer_by_htmx(client, attempt, position, choice):
    return client.post(
        f"/exams/{attempt.pk}/q/{position}/answer/", {"choice": [choice.pk]},
        headers={"HX-Request": "true"},
    )  # fmt: skip


def test_saving_an_answer_costs_one_query_once_the_session_is_checked(
    bank, learner, client, django_assert_num_queries
):
    """The hot path: the first answer of a session in a process loads the session and the user
    (Django's full check); later answers are one UPDATE that checks both itself."""
    attempt = exams.attempt_start(user=learner, kind="custom", count=2, minutes=10)
    first, first_key = keyed(attempt, 1)
    item, choice = keyed(attempt, 2)
    with django_assert_num_queries(3):
        assert answer_by_htmx(client, attempt, 1, first_key).status_code == 200
    with django_assert_num_queries(1) as queries:
        assert answer_by_htmx(client, attempt, 2, choice).status_code == 200
    assert queries.captured_queries[0]["sql"].lstrip().startswith("UPDATE quizzes_attemptquestion")
    item.refresh_from_db()
    assert item.selected == [choice.pk]


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda user: (user.set_password("changed-elsewhere-43"), user.save()),
                     id="password changed in another browser"),
        pytest.param(lambda user: User.objects.filter(pk=user.pk).update(is_active=False),
                     id="account deactivated"),
        pytest.param(lambda user: Session.objects.all().delete(),
                     id="signed out by another server process"),
        pytest.param(lambda user: Session.objects.update(expire_date=timezone.now()),
                     id="session expired"),
    ],
)  # fmt: skip
def test_a_changed_session_or_account_can_no_longer_save_answers(bank, learner, client, change):
    attempt = exams.attempt_start(user=learner, kind="custom", count=2, minutes=10)
    _, first_key = keyed(attempt, 1)
    item, choice = keyed(attempt, 2)
    assert answer_by_htmx(client, attempt, 1, first_key).status_code == 200  # checked, remembered
    change(learner)
    response = answer_by_htmx(client, attempt, 2, choice)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    item.refresh_from_db()
    assert item.selected == []
    assert client.get("/exams/").status_code == 302  # signed out


def test_an_account_changed_during_the_request_gets_the_login_page(
    bank, learner, client, monkeypatch
):
    """The full check passed, then the account changed before the answer's statement ran."""
    attempt = exams.attempt_start(user=learner, kind="custom", count=1, minutes=10)
    item, choice = keyed(attempt, 1)
    stale = SessionUser(pk=learner.pk, password="a hash from before the change")
    monkeypatch.setattr("portal.auth.session_user_checked", lambda request: stale)
    response = client.post(f"/exams/{attempt.pk}/q/1/answer/", {"choice": [choice.pk]})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    item.refresh_from_db()
    attempt.refresh_from_db()
    assert item.selected == [] and not attempt.is_finished


def test_a_deleted_account_saves_nothing(bank, learner, client):
    attempt = exams.attempt_start(user=learner, kind="custom", count=2, minutes=10)
    _, first_key = keyed(attempt, 1)
    _, choice = keyed(attempt, 2)
    assert answer_by_htmx(client, attempt, 1, first_key).status_code == 200
    learner.delete()  # and with it the attempt
    assert answer_by_htmx(client, attempt, 2, choice).status_code == 302


def test_a_stale_session_does_not_finish_an_expired_attempt(bank, learner, client):
    """Only the attempt's own signed-in learner's requests finish it."""
    attempt = exams.attempt_start(user=learner, kind="custom", count=2, minutes=10)
    _, first_key = keyed(attempt, 1)
    _, choice = keyed(attempt, 2)
    assert answer_by_htmx(client, attempt, 1, first_key).status_code == 200
    expire(attempt, seconds_ago=1)
    Session.objects.all().delete()
    assert answer_by_htmx(client, attempt, 2, choice).status_code == 302
    attempt.refresh_from_db()
    assert not attempt.is_finished


def test_another_learner_in_the_same_browser_gets_404(bank, learner, client):
    attempt = exams.attempt_start(user=learner, kind="custom", count=2, minutes=10)
    item, choice = keyed(attempt, 1)
    assert answer_by_htmx(client, attempt, 1, choice).status_code == 200
    client.post("/accounts/logout/")
    other = User.objects.create_user("other", password="pw-long-enough-42")
    client.force_login(other)
    assert answer_by_htmx(client, attempt, 1, choice).status_code == 404  # full check
    assert answer_by_htmx(client, attempt, 1, choice).status_code == 404  # remembered


def test_signed_out_sessions_save_nothing(bank, learner, client):
    attempt = exams.attempt_start(user=learner, kind="custom", count=2, minutes=10)
    _, first_key = keyed(attempt, 1)
    item, choice = keyed(attempt, 2)
    assert answer_by_htmx(client, attempt, 1, first_key).status_code == 200
    client.post("/accounts/logout/")
    assert answer_by_htmx(client, attempt, 2, choice).status_code == 302
    item.refresh_from_db()
    assert item.selected == []


def test_changing_ones_own_password_keeps_the_exam_going(bank, learner, client):
    attempt = exams.attempt_start(user=learner, kind="custom", count=2, minutes=10)
    _, first_key = keyed(attempt, 1)
    item, choice = keyed(attempt, 2)
    assert answer_by_htmx(client, attempt, 1, first_key).status_code == 200
    new = "another-long-password-43"
    form = {"old_password": "pw-long-enough-42", "new_password1": new, "new_password2": new}
    assert client.post("/accounts/password/", form).status_code == 302
    assert answer_by_htmx(client, attempt, 2, choice).status_code == 200
    item.refresh_from_db()
    assert item.selected == [choice.pk]


def test_flagging_by_htmx_updates_the_navigator_cell(bank, learner, client):
    attempt = exams.attempt_start(user=learner, kind="custom", count=3, minutes=10)
    response = client.post(
        f"/exams/{attempt.pk}/q/2/flag/", {"flagged": "1"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert 'aria-pressed="true"' in html
    assert 'id="nav-q2"' in html and 'hx-swap-oob="true"' in html
    assert "unanswered flagged current" in html and "flagged</a>" not in html
    page = client.get(f"/exams/{attempt.pk}/q/2/").content.decode()
    assert page.count('id="nav-q2"') == 1 and "hx-swap-oob" not in page


def post_answer(client, attempt, values):
    return client.post(
        f"/exams/{attempt.pk}/q/1/answer/", {"choice": values}, headers={"HX-Request": "true"}
    )


@pytest.mark.parametrize(
    "value", [str(2**63), "9" * 40, "9" * 5000, "-3", "0", "abc", "", "1.5", "١٢", "１２"]
)
def test_a_value_that_is_no_choice_id_is_not_an_option(bank, learner, client, value):
    attempt = exams.attempt_start(user=learner, kind="custom", count=1, minutes=10)
    response = post_answer(client, attempt, [value])
    assert response.status_code == 409
    assert "not one of this question" in response.content.decode()
    assert attempt.items.get().selected == []


def test_a_single_response_question_takes_one_choice(bank, learner, client):
    attempt = exams.attempt_start(user=learner, kind="custom", count=1, minutes=10)
    item, key = keyed(attempt, 1)
    response = post_answer(client, attempt, item.choice_order[:2])
    assert response.status_code == 409 and "Select one option." in response.content.decode()
    assert "See your results" not in response.content.decode()  # the attempt is still open
    assert post_answer(client, attempt, [key.pk]).status_code == 200
    assert attempt.items.get().selected == [key.pk]


def test_a_choose_two_question_takes_at_most_two(db, learner, client):
    taxonomy_sync()
    task = TaskStatement.objects.get(code="1.1")
    question = Question.objects.create(
        stem="Which TWO?", kind="multiple", choose=2, domain=task.domain, task=task,
        status="published",
    )  # fmt: skip
    for position, text in enumerate(["Key A", "Key B", "Wrong C", "Wrong D", "Wrong E"]):
        question.choices.create(text=text, is_correct=text.startswith("Key"), position=position)
    attempt = exams.attempt_start(user=learner, kind="custom", count=1, minutes=10)
    order = attempt.items.get().choice_order
    response = post_answer(client, attempt, order)
    assert response.status_code == 409
    assert "Select at most 2 options." in response.content.decode()
    assert attempt.items.get().selected == []
    assert post_answer(client, attempt, order[:1]).status_code == 200  # one of two, for now
    assert post_answer(client, attempt, order[:2]).status_code == 200
    assert attempt.items.get().selected == sorted(order[:2])
