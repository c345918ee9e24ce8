"""A notes file has one identity, and no file can abort or leak out of an import."""

import os
import shutil

import pytest
from django.core.management import CommandError, call_command
from django.db import DataError

from content.importer import run
from content.importer.run import notes_import
from content.models import Section, Source
from tests.content.test_import import LAMBDA_NOTES, SQS_NOTES, _Sink, run_import

pytestmark = pytest.mark.django_db


@pytest.fixture
def notes(tmp_path):
    folder = tmp_path / "first" / "notes"
    (folder / "aws").mkdir(parents=True)
    (folder / "lambda.md").write_text(LAMBDA_NOTES)
    (folder / "aws" / "sqs.txt").write_text(SQS_NOTES)
    return folder


def sections():
    return sorted(Section.objects.values_list("id", "service__slug", "slug", "source__path"))


def statuses(reports):
    return {report.source or report.path: report.status for report in reports}


def test_the_same_folder_from_another_location_updates_in_place(notes, tmp_path):
    notes_import(paths=[notes])
    before = sections()
    copy = tmp_path / "second" / "notes"
    shutil.copytree(notes, copy)
    reports = notes_import(paths=[copy])
    assert statuses(reports) == {"notes/lambda.md": "unchanged", "notes/aws/sqs.txt": "unchanged"}
    assert sections() == before and Source.objects.count() == 2
    assert Source.objects.get(path="lambda.md").location == str(copy / "lambda.md")
    notes_import(paths=[copy], force=True)  # re-parsed: still one copy, same ids and URLs
    assert sections() == before


def test_a_moved_folder_keeps_its_urls_and_a_changed_file_updates(notes, tmp_path):
    notes_import(paths=[notes])
    before = sections()
    moved = tmp_path / "elsewhere" / "notes"
    shutil.move(notes, moved)
    (moved / "lambda.md").write_text(LAMBDA_NOTES.replace("1,000", "1000"))
    notes_import(paths=[moved])
    assert sections() == before  # same rows, same slugs
    assert "1000 per Region" in Section.objects.get(slug="concurrency").body


def test_a_file_renamed_inside_the_folder_keeps_its_sections(notes):
    notes_import(paths=[notes])
    before = sorted(Section.objects.filter(service__slug="lambda").values_list("id", "slug"))
    (notes / "lambda.md").rename(notes / "aws" / "functions.md")
    reports = notes_import(paths=[notes])
    assert statuses(reports)["notes/aws/functions.md"] == "moved"
    assert "removed" not in statuses(reports).values()
    after = sorted(Section.objects.filter(service__slug="lambda").values_list("id", "slug"))
    assert after == before
    assert Source.objects.filter(path="aws/functions.md").exists()


def test_remove_drops_one_source_or_a_whole_folder(notes):
    notes_import(paths=[notes])
    call_command("import_notes", "--remove", "notes/aws/sqs.txt", stdout=_Sink())
    assert list(Source.objects.values_list("path", flat=True)) == ["lambda.md"]
    assert not Section.objects.filter(service__slug="sqs").exists()
    with pytest.raises(CommandError, match="1 of 1 files"):
        call_command("import_notes", "--remove", "notes/aws/sqs.txt", stdout=_Sink())
    call_command("import_notes", "--remove", "notes", stdout=_Sink())
    assert not Source.objects.exists() and not Section.objects.exists()


def test_sources_imported_before_identities_are_taken_over_not_doubled(notes):
    """A source stored by an earlier version (absolute path; migration 0006 named it after its
    parent folder) is found again by where it was read from."""
    notes_import(paths=[notes])
    before = sections()
    Source.objects.filter(path="aws/sqs.txt").update(
        collection="aws", path="sqs.txt", location=str(notes / "aws" / "sqs.txt")
    )
    reports = notes_import(paths=[notes])
    assert statuses(reports)["notes/aws/sqs.txt"] == "moved"
    assert sections() == before
    assert sorted(Source.objects.values_list("collection", "path")) == [
        ("notes", "aws/sqs.txt"), ("notes", "lambda.md"),
    ]  # fmt: skip


def test_an_empty_folder_says_so_and_succeeds(tmp_path):
    (tmp_path / "empty").mkdir()
    sink = _Sink()
    call_command("import_notes", str(tmp_path / "empty"), stdout=sink)
    assert "No note files found" in sink.text and "0 files, 0 sections" in sink.text


def test_links_leaving_the_folder_fifos_and_other_files_are_skipped_with_a_reason(notes, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text("# Secrets\n\n## Password\nhunter2 is the admin password.\n")
    (notes / "leak.md").symlink_to(secret)
    (notes / "outside").symlink_to(tmp_path, target_is_directory=True)
    (notes / "again.md").symlink_to(notes / "lambda.md")
    os.mkfifo(notes / "pipe.md")
    (notes / "deploy.sh").write_text("echo hi\n")
    (notes / "config.yaml").write_text("a: 1\n")
    reports = {report.name: report for report in notes_import(paths=[notes])}
    reasons = {name: report.error for name, report in reports.items() if report.status == "skipped"}
    assert reasons == {
        "leak.md": "a link to a file outside the imported folder: not followed",
        "outside": "a link to a folder: not followed",
        "again.md": "a link to lambda.md, which is imported as itself",
        "pipe.md": "not a regular file (a FIFO)",
        "deploy.sh": "not a notes file (.sh; notes are .md, .markdown, .txt)",
        "config.yaml": "not a notes file (.yaml; notes are .md, .markdown, .txt)",
    }
    assert not Section.objects.filter(body__contains="hunter2").exists()
    assert {reports["lambda.md"].status, reports["sqs.txt"].status} == {"imported"}


def test_bad_files_are_reported_and_the_rest_still_imports_and_removes(notes, capsys):
    notes_import(paths=[notes])
    sqs_before = sorted(Section.objects.filter(source__path="aws/sqs.txt").values_list("body"))
    late_nul = SQS_NOTES.encode() + b"x" * 9000 + b"\x00 late\n"
    (notes / "aws" / "sqs.txt").write_bytes(late_nul)
    deep = notes.joinpath(*["d" * 200] * 4)
    deep.mkdir(parents=True)
    (deep / ("n" * 200 + ".md")).write_text("# DynamoDB\n\n## Streams\nOrdered per item.\n")
    (notes / "undecodable.md").write_bytes(b"# Notes\n\xff\xfe broken \xc3\x28\n")
    (notes / "lambda.md").unlink()
    with pytest.raises(CommandError, match="2 of 4 files could not be imported"):
        run_import(notes)
    err = capsys.readouterr().err
    sqs_error = next(line for line in err.splitlines() if "sqs.txt" in line)
    assert sqs_error.startswith(f"error: {notes / 'aws' / 'sqs.txt'}: ") and "NUL" in sqs_error
    assert f"{notes / 'undecodable.md'}: the file is not valid UTF-8" in err
    assert sorted(Section.objects.filter(source__path="aws/sqs.txt").values_list("body")) == (
        sqs_before
    )
    long_path = Source.objects.get(name="n" * 200 + ".md")
    assert len(long_path.path) > 800 and long_path.sections.get().title == "Streams"
    assert not Source.objects.filter(path="lambda.md").exists()  # removal still ran


def test_a_database_error_on_one_file_fails_that_file_only(notes, monkeypatch):
    real_store = run._store

    def store(note, *args):
        if note.path == "lambda.md":
            raise DataError("value too long for type character varying(255)")
        return real_store(note, *args)

    monkeypatch.setattr(run, "_store", store)
    reports = {report.name: report for report in notes_import(paths=[notes])}
    assert reports["lambda.md"].status == "failed"
    assert reports["lambda.md"].error == (
        "could not be stored (DataError: value too long for type character varying(255))"
    )
    assert reports["sqs.txt"].status == "imported"


def test_the_admin_removes_selected_sources(notes, client):
    from django.contrib.auth.models import User

    notes_import(paths=[notes])
    client.force_login(User.objects.create_superuser("admin", password="pw-long-enough-42"))
    sqs = Source.objects.get(path="aws/sqs.txt")
    response = client.post(
        "/admin/content/source/", {"action": "remove", "_selected_action": [sqs.pk]}
    )
    assert response.status_code == 302
    assert list(Source.objects.values_list("path", flat=True)) == ["lambda.md"]
    assert not Section.objects.filter(service__slug="sqs").exists()


def test_a_file_name_that_is_not_utf8_is_skipped_and_the_rest_imports(notes):
    bad = os.fsencode(notes) + b"/caf\xe9.md"
    with open(bad, "w") as file:
        file.write("# SNS\n\n## Topics\nFan-out.\n")
    reports = notes_import(paths=[notes])
    skipped = [r for r in reports if r.status == "skipped"]
    assert [(r.path, r.error) for r in skipped] == [
        (f"{notes}/caf\\xe9.md", "the file name is not valid UTF-8: rename it")
    ]
    assert {r.source for r in reports if r.status == "imported"} == {
        "notes/lambda.md", "notes/aws/sqs.txt",
    }  # fmt: skip


def test_a_fifo_or_a_dangling_link_in_place_of_a_notes_file_keeps_its_sections(notes):
    notes_import(paths=[notes])
    before = sections()
    (notes / "lambda.md").unlink()
    os.mkfifo(notes / "lambda.md")
    (notes / "aws" / "sqs.txt").unlink()
    (notes / "aws" / "sqs.txt").symlink_to(notes / "gone.txt")
    reports = {report.name: report for report in notes_import(paths=[notes])}
    assert reports["lambda.md"].error == "not a regular file (a FIFO)"
    assert reports["sqs.txt"].error == "a link to a file that does not exist"
    assert sections() == before


def test_the_same_text_under_another_folder_name_is_flagged(notes, tmp_path):
    notes_import(paths=[notes])
    copy = tmp_path / "notes-copy"
    shutil.copytree(notes, copy)
    reports = {report.source: report for report in notes_import(paths=[copy])}
    assert reports["notes-copy/lambda.md"].warnings == [
        "the same text is imported as notes/lambda.md too (import_notes --remove one)"
    ]


def test_remove_accepts_the_path_a_source_was_imported_from(notes):
    notes_import(paths=[notes])
    call_command("import_notes", "--remove", str(notes / "aws"), stdout=_Sink())
    assert list(Source.objects.values_list("path", flat=True)) == ["lambda.md"]


def test_empty_and_blank_files_say_which(notes):
    (notes / "empty.md").write_bytes(b"")
    (notes / "blank.md").write_text(" " * 50_000 + "\n\n\t\n")
    reports = {report.name: report.error for report in notes_import(paths=[notes])}
    assert reports["empty.md"] == "the file is empty"
    assert reports["blank.md"] == "the file holds only blank space"
