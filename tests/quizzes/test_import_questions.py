import pytest
from django.core.management import CommandError, call_command

from content.importer.run import catalog_sync
from quizzes.models import Question


@pytest.fixture(autouse=True)
def _services(db):
    """The catalog's services, which the items name (not left over from other modules)."""
    catalog_sync()


MARKDOWN = """# My SQS questions

### Which queue type keeps messages in order?
- [x] FIFO queue
- [ ] Standard queue
- [ ] SNS topic
> FIFO queues preserve order within a message group.
Task: 1.1
Service: sqs

### Which TWO settings reduce empty receives and duplicates?
- [x] Long polling
- [x] A longer visibility timeout
- [ ] Short polling
- [ ] A delay queue of 0 seconds
- [ ] Smaller messages

### A question with two keys but only single-choice options
- [x] A
- [x] B
- [ ] C

### Unknown task
- [x] A
- [ ] B
- [ ] C
Task: 9.9
"""

CSV = """stem,choices,correct,explanation,task,service
Which service sends push notifications?,Amazon SNS|Amazon SQS|Amazon MQ,1,SNS pushes.,1.1,sns
Which code means throttled?,429|502|504,,,4.1,
"""


def run(tmp_path, name, text, capsys):
    path = tmp_path / name
    path.write_text(text)
    call_command("import_questions", str(path))
    return capsys.readouterr().out


@pytest.mark.django_db
def test_markdown_task_lists_import_and_bad_items_are_reported(tmp_path, capsys):
    out = run(tmp_path, "bank.md", MARKDOWN, capsys)
    assert "imported 2, skipped 2" in out
    assert "bank.md:18: skipped: a multiple-response question needs at least 5 options" in out
    assert "bank.md:23: skipped: unknown task statement '9.9'" in out
    fifo = Question.objects.get(stem="Which queue type keeps messages in order?")
    assert (fifo.kind, fifo.task.code, fifo.service.slug, fifo.origin) == (
        "single", "1.1", "sqs", "imported"
    )  # fmt: skip
    assert fifo.explanation == "FIFO queues preserve order within a message group."
    two = Question.objects.get(stem__startswith="Which TWO settings")
    assert (two.kind, two.choose, two.choices.count()) == ("multiple", 2, 5)
    assert "imported 0, skipped 4" in run(tmp_path, "bank.md", MARKDOWN, capsys)  # no duplicates


@pytest.mark.django_db
def test_csv_imports_and_reports_rows_without_a_key(tmp_path, capsys):
    out = run(tmp_path, "bank.csv", CSV, capsys)
    assert "imported 1, skipped 1" in out
    assert "bank.csv:3: skipped: a single-answer question needs exactly one correct option" in out
    assert Question.objects.get(stem__startswith="Which service sends").service.slug == "sns"


@pytest.mark.django_db
@pytest.mark.parametrize("correct", ["abc", "4", "0", "-1", "1;x", "99999999999"])
def test_csv_keys_that_are_not_option_numbers_are_named(tmp_path, capsys, correct):
    text = f"stem,choices,correct\nWhich code means throttled?,429|502|504,{correct}\n"
    out = run(tmp_path, "bank.csv", text, capsys)
    assert "imported 0, skipped 1" in out
    assert (
        f"bank.csv:2: skipped: the correct column must list option numbers 1–3 separated by ; "
        f"(got {correct!r})"
    ) in out


@pytest.mark.django_db
def test_malformed_csv_fails_clearly(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("question,answer\nWhat?,Yes\n")
    with pytest.raises(CommandError):
        call_command("import_questions", str(path))


def test_imported_questions_without_a_service_get_one_from_their_text(tmp_path):
    path = tmp_path / "bank.md"
    path.write_text(
        "### A Lambda function must read items from a DynamoDB table. What does it need?\n"
        "- [x] An execution role that allows dynamodb:GetItem on the DynamoDB table\n"
        "- [ ] An access key stored in the code\n"
        "- [ ] A security group rule\n\n"
        "### Which queue type keeps messages in order?\n"
        "- [x] An Amazon SQS FIFO queue\n"
        "- [ ] A standard queue\n"
        "- [ ] A topic\n\n"
        "### Which option is right?\n"
        "- [x] A\n"
        "- [ ] B\n"
        "- [ ] C\n"
    )
    call_command("import_questions", str(path))
    services = dict(Question.objects.values_list("stem", "service__slug"))
    assert services["Which queue type keeps messages in order?"] == "sqs"
    lambda_stem = next(stem for stem in services if stem.startswith("A Lambda function"))
    assert services[lambda_stem] == "dynamodb"  # named twice in the stem and once in the key
    assert services["Which option is right?"] is None
