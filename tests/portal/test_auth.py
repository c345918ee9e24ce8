"""The authentication backend's per-request user lookup (portal/auth.py)."""

from django.contrib.auth import get_user_model

from portal.auth import user_by_pk


def test_user_by_pk_gives_the_same_user_as_the_orm(db):
    User = get_user_model()
    made = User.objects.create_user(
        "ada", email="ada@example.com", password="pw-long-enough-42", first_name="Ada"
    )
    made.last_login = made.date_joined
    made.save()
    expected = User.objects.get(pk=made.pk)
    found = user_by_pk(made.pk)
    assert isinstance(found, User) and found.pk == made.pk
    for field in User._meta.concrete_fields:
        assert getattr(found, field.attname) == getattr(expected, field.attname), field.name
    assert not found._state.adding and found._state.db == "default"
    assert found.check_password("pw-long-enough-42")
    assert user_by_pk(made.pk + 1000) is None


def test_a_password_change_signs_out_other_sessions(db, client):
    User = get_user_model()
    user = User.objects.create_user("grace", password="pw-long-enough-42")
    client.force_login(user)
    assert client.get("/exams/").status_code == 200
    user.set_password("another-long-password-43")
    user.save()  # elsewhere, e.g. another browser: this session's hash no longer matches
    assert client.get("/exams/").status_code == 302


def test_a_deactivated_account_is_signed_out(db, client):
    User = get_user_model()
    user = User.objects.create_user("linus", password="pw-long-enough-42")
    client.force_login(user)
    User.objects.filter(pk=user.pk).update(is_active=False)
    assert client.get("/exams/").status_code == 302


def test_a_user_model_with_converted_fields_keeps_the_orm_lookup(db, monkeypatch):
    User = get_user_model()
    made = User.objects.create_user("edsger", password="pw-long-enough-42")
    monkeypatch.setattr("portal.auth._user_select", lambda: None)
    assert user_by_pk(made.pk) == made
    assert user_by_pk(made.pk + 1000) is None


def test_a_logout_in_another_server_process_signs_the_session_out_here(db, client):
    """Sessions live in the database only: a per-process cache would keep serving a session
    that another gunicorn worker deleted at logout."""
    from django.contrib.sessions.models import Session

    User = get_user_model()
    client.force_login(User.objects.create_user("ken", password="pw-long-enough-42"))
    assert client.get("/exams/").status_code == 200
    Session.objects.all().delete()  # what a logout in another process does
    assert client.get("/exams/").status_code == 302
