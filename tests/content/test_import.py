"""The import_notes command against the database: idempotent, safe, and faithful."""

import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from content.models import ExamNote, Section, Service, Source, Topic

LAMBDA_NOTES = """# Lambda

## Cold starts
Initialise SDK clients outside the handler so warm invocations reuse them.

## Concurrency
Reserved concurrency caps a function; the account default is 1,000 per Region.
"""

SQS_NOTES = """- SQS:
  - visibility timeout defaults to 30 seconds
  - Scenario: a message is processed twice
    - Correct: raise the visibility timeout above the processing time
  - long polling waits up to 20 seconds
"""


@pytest.fixture
def notes_dir(tmp_path):
    folder = tmp_path / "notes"
    (folder / "aws").mkdir(parents=True)
    (folder / "lambda.md").write_text(LAMBDA_NOTES)
    (folder / "aws" / "sqs.txt").write_text(SQS_NOTES)
    (folder / "picture.png").write_bytes(b"\x89PNG\x00")  # not a notes suffix: skipped
    return folder


def run_import(*paths, **options):
    call_command("import_notes", *map(str, paths), stdout=_Sink(), **options)


class _Sink:
    def __init__(self):
        self.text = ""

    def write(self, text):
        self.text += text

    def flush(self):
        pass


def snapshot():
    return {
        "sections": sorted(Section.objects.values_list("id", "slug", "body", "line_start")),
        "topics": sorted(Topic.objects.values_list("id", "slug")),
        "notes": sorted(ExamNote.objects.values_list("id", "text")),
        "sources": sorted(Source.objects.values_list("id", "content_hash", "imported_at")),
    }


@pytest.mark.django_db
def test_folder_import_builds_services_topics_sections(notes_dir):
    run_import(notes_dir)
    lambda_sections = Section.objects.filter(service__slug="lambda").order_by("line_start")
    assert [(s.title, s.topic.title, s.line_start, s.line_end) for s in lambda_sections] == [
        ("Cold starts", "Cold starts", 3, 4),
        ("Concurrency", "Concurrency", 6, 7),
    ]
    assert {s.source.name for s in lambda_sections} == {"lambda.md"}
    scenario = ExamNote.objects.get(kind="scenario")
    assert scenario.service.slug == "sqs"
    assert scenario.correct == ["raise the visibility timeout above the processing time"]
    assert (scenario.line_start, scenario.line_end) == (3, 4)
    assert Source.objects.get(name="sqs.txt").format == "outline"
    assert Service.objects.filter(slug="dynamodb").exists()  # the catalog is loaded


@pytest.mark.django_db
def test_reimport_creates_nothing_new(notes_dir):
    run_import(notes_dir)
    before = snapshot()
    run_import(notes_dir)
    assert snapshot() == before


@pytest.mark.django_db
def test_changed_file_replaces_only_its_sections(notes_dir):
    run_import(notes_dir)
    sqs_before = sorted(Section.objects.filter(source__name="sqs.txt").values_list("id", flat=True))
    slugs_before = sorted(Section.objects.values_list("slug", flat=True))
    (notes_dir / "lambda.md").write_text(LAMBDA_NOTES.replace("1,000", "1000"))
    run_import(notes_dir)
    sqs_after = sorted(Section.objects.filter(source__name="sqs.txt").values_list("id", flat=True))
    assert sqs_after == sqs_before
    assert "1000 per Region" in Section.objects.get(slug="concurrency").body
    assert sorted(Section.objects.values_list("slug", flat=True)) == slugs_before  # URLs stay


@pytest.mark.django_db
def test_file_removed_from_the_folder_loses_its_sections(notes_dir):
    run_import(notes_dir)
    (notes_dir / "aws" / "sqs.txt").unlink()
    run_import(notes_dir)
    assert not Source.objects.filter(name="sqs.txt").exists()
    assert not Section.objects.filter(service__slug="sqs").exists()
    assert not Topic.objects.filter(service__slug="sqs").exists()
    assert Section.objects.filter(service__slug="lambda").count() == 2


@pytest.mark.django_db
def test_broken_file_keeps_earlier_content_and_fails_clearly(notes_dir, capsys):
    run_import(notes_dir)
    before = sorted(Section.objects.filter(source__name="sqs.txt").values_list("id", "body"))
    (notes_dir / "aws" / "sqs.txt").write_bytes(b"\x00\x01binary\x00")
    (notes_dir / "lambda.md").write_text(LAMBDA_NOTES + "\n## Layers\nUp to five layers.\n")
    with pytest.raises(CommandError, match="1 of 2 files could not be imported"):
        run_import(notes_dir)
    assert f"{notes_dir / 'aws' / 'sqs.txt'}: the file is binary" in capsys.readouterr().err
    after = sorted(Section.objects.filter(source__name="sqs.txt").values_list("id", "body"))
    assert after == before
    assert Section.objects.filter(title="Layers").exists()  # the other file still imported


@pytest.mark.django_db
def test_oversized_and_missing_files_are_refused(tmp_path, notes_dir):
    with pytest.raises(CommandError):
        run_import(notes_dir / "lambda.md", tmp_path / "missing.md", max_bytes=50)
    assert not Section.objects.exists()


@pytest.mark.django_db
def test_json_report_lists_every_file(notes_dir):
    sink = _Sink()
    call_command("import_notes", str(notes_dir), "--json", stdout=sink)
    report = {row["name"]: row for row in json.loads(sink.text)}
    assert set(report) == {"lambda.md", "sqs.txt", "picture.png"}
    assert report["picture.png"]["status"] == "skipped"
    assert report["picture.png"]["error"].startswith("not a notes file (.png;")
    assert report["sqs.txt"]["source"] == "notes/aws/sqs.txt"
    assert report["sqs.txt"]["format"] == "outline"
    assert report["sqs.txt"]["exam_notes"] == 1
    assert report["lambda.md"]["status"] == "imported"


SEED_NOTES = Path(settings.NOTES_DIR)
MOJIBAKE = re.compile("‚Üí|‚Äô|‚Äì|‚Äú|√ó|\uf8ff")


@pytest.mark.django_db
@pytest.mark.skipif(not SEED_NOTES.is_dir(), reason="../shared/notes is not beside the checkout")
def test_seed_notes_import_faithfully():
    run_import(SEED_NOTES)
    assert Service.objects.with_content().count() >= 55
    assert Section.objects.count() >= 700
    line_counts = dict(Source.objects.values_list("id", "line_count"))
    for section in Section.objects.all():
        assert 1 <= section.line_start <= section.line_end <= line_counts[section.source_id]
        assert not MOJIBAKE.search(section.title + section.body), section
        assert "Copy code" not in section.title
    code_comments = {"The DB connection is established", "Build a copilot environment"}
    assert not Section.objects.filter(title__in=code_comments).exists()
    assert not Section.objects.filter(title__iregex=r"^(todo|to do)$").exists()
    scenarios = ExamNote.objects.filter(kind="scenario", source__format="outline")
    assert scenarios.count() >= 60
    assert ExamNote.objects.filter(kind="explanation", source__format="stripped").count() >= 18
    # File 001's stripped sub-headings: SQS text under "Elastic BeanStalk" lands on SQS.
    sqs = Section.objects.filter(service__slug="sqs", heading_path=["Elastic BeanStalk"])
    assert sqs.filter(body__contains="visibility timeout").exists()
    assert Section.objects.filter(
        service__slug="kms", heading_path=["Policy Interpretation"]
    ).exists()
    assert Section.objects.filter(service__slug="ebs", heading_path=["S3"]).exists()


@pytest.mark.django_db
def test_sections_on_one_subject_from_several_files_share_a_topic(tmp_path):
    (tmp_path / "a.md").write_text("# DynamoDB\n\n## Global Tables\nMulti-Region replication.\n")
    (tmp_path / "b.md").write_text(
        "# DynamoDB\n\n## How Global Tables Work\nLast writer wins.\n\n## Streams\nOrdered.\n"
    )
    run_import(tmp_path)
    topics = Topic.objects.filter(service__slug="dynamodb").order_by("position")
    assert [(topic.title, topic.sections.count()) for topic in topics] == [
        ("Global Tables", 2),
        ("Streams", 1),
    ]
