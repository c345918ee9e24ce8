"""Item models: the files load, bad ones are refused with file, model and reason, and each
model yields valid questions when the notes state its facts."""

from pathlib import Path
from unittest import mock

import pytest
from django.core.management import CommandError, call_command

from quizzes.generator import items
from quizzes.generator.check_items import main as check_items
from quizzes.generator.check_items import notes_evidence
from quizzes.generator.draft import problems
from quizzes.generator.evidence import Evidence, SectionText
from quizzes.generator.gates import draft_gates
from quizzes.generator.item_models import ItemModelError, item_models_load, variants
from quizzes.models import Question
from tests.conftest import SEED_NOTES

MODEL = (Path(__file__).parent / "data" / "item_model.toml").read_text()
NOTES = "Set the visibility timeout longer than processing.\nUse long polling to cut cost."


def write(tmp_path, text, name="1.1-test.toml"):
    (tmp_path / name).write_text(text)
    return tmp_path


def evidence(text=NOTES, service="sqs"):
    return Evidence(sections={service: [SectionText(5, service, "SQS", text, "sqs.md:1-2")]})


def test_a_model_yields_one_question_per_context_and_case(tmp_path):
    [model] = item_models_load(write(tmp_path, MODEL))
    found = variants(model)
    assert len(found) == 4
    # Every decision comes before any repeats in another context.
    assert [v.case.number for v in found[:2]] == [0, 1]
    assert len({v.key for v in found}) == 4
    assert {v.decision for v in found} == {
        "sqs-duplicates:visibility",
        "sqs-duplicates:long-polling",
    }


def test_a_variant_becomes_a_valid_question_that_quotes_and_links_the_notes(tmp_path):
    [model] = item_models_load(write(tmp_path, MODEL))
    draft = items.variant_draft(variants(model)[0], evidence())
    assert problems(draft) == [] and draft_gates(draft) == []
    assert draft.stem.startswith("A logistics company") and draft.stem.endswith(
        "Which change meets these requirements?"
    )
    assert [o.text for o in draft.options if o.correct] == [model.options["visibility"].text]
    assert draft.sections == [5] and draft.model == "sqs-duplicates"
    assert "“Set the visibility timeout longer than processing.”" in draft.explanation
    assert "A delay postpones the first delivery only." in draft.explanation  # the case's why


def test_a_variant_whose_fact_the_notes_do_not_state_is_rejected(tmp_path):
    [model] = item_models_load(write(tmp_path, MODEL))
    draft = items.variant_draft(variants(model)[0], evidence("Nothing about queues."))
    assert "the notes do not state the deciding fact" in draft_gates(draft)
    assert draft.sections == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("key = \"visibility\"", "key = \"nope\""), "case 1: 'nope' is not one of the model"),
        (("task = \"1.1\"", "task = \"5.1\""), "task '5.1' is not a task statement"),
        (("terms = ['long polling']", "terms = ['long (polling']"), "is not a pattern"),
        (("because = \"the receive", "reason = \"the receive"), "case 2: 'because' is missing"),
        (("contexts = [", "contexts = [\"Only one.\"]\nunused = ["), "at least 2 contexts"),
        (('why = { delay = "A delay postpones the first delivery only.", ', "why = { "),
         "only 2 distractor(s)"),
    ],
)  # fmt: skip
def test_a_bad_model_is_refused_with_its_file_model_and_reason(tmp_path, change, message):
    text = MODEL.replace(*change)
    with pytest.raises(ItemModelError) as error:
        item_models_load(write(tmp_path, text))
    assert "1.1-test.toml, model sqs-duplicates:" in str(error.value)
    assert message in str(error.value)


def test_invalid_toml_and_duplicate_ids_are_named(tmp_path):
    write(tmp_path, MODEL, "a.toml")
    write(tmp_path, MODEL, "b.toml")
    write(tmp_path, "[[model]\n", "c.toml")
    with pytest.raises(ItemModelError) as error:
        item_models_load(tmp_path)
    assert "b.toml, model sqs-duplicates: the id is also used in a.toml" in str(error.value)
    assert "c.toml: not valid TOML" in str(error.value)


def test_every_shipped_model_loads_and_yields_valid_questions_on_the_seed_notes():
    if not SEED_NOTES.is_dir():
        pytest.skip("../shared/notes is not beside the checkout")
    notes = notes_evidence(SEED_NOTES)
    models = item_models_load()
    assert len(models) >= 80
    for model in (model for model in models if model.cases):  # skip fully retired models
        drafts = [items.variant_draft(variant, notes) for variant in variants(model)]
        good = [d for d in drafts if not problems(d) and not draft_gates(d)]
        assert good, f"{model.where} {model.id}: no variant passes the gates"


def test_the_checker_prints_questions_and_rejections(tmp_path, capsys):
    write(tmp_path, MODEL)
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "sqs.md").write_text("Only the visibility timeout is here.")
    assert check_items([str(tmp_path / "1.1-test.toml"), "--notes", str(notes), "--show"]) == 0
    out = capsys.readouterr().out
    assert "[x] Raise the queue's visibility timeout to 5 minutes" in out
    assert "the notes do not state the deciding fact" in out  # the long-polling case
    assert "2 of 4 variants pass" in out


def test_generation_with_a_broken_model_file_changes_nothing_and_says_why(db, tmp_path):
    write(tmp_path, MODEL.replace('key = "visibility"', 'key = "nope"'))
    with (
        mock.patch("quizzes.generator.item_models.FOLDER", tmp_path),
        pytest.raises(CommandError) as error,
    ):
        call_command("generate_questions")
    assert "the bank is unchanged" in str(error.value)
    assert "1.1-test.toml, model sqs-duplicates: case 1: 'nope'" in str(error.value)
    assert not Question.objects.exists()
