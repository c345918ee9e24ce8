"""Each generator family on small evidence written for the test (no database)."""

import math
import random

from quizzes.generator import computed, confusables, scenarios
from quizzes.generator.confusables_data import GROUPS
from quizzes.generator.draft import problems
from quizzes.generator.evidence import Evidence, NoteData, SectionText


def evidence(**texts):
    """Evidence with one section per service slug."""
    return Evidence(
        sections={
            slug: [SectionText(number, slug, f"{slug} notes", text, f"{slug}.md:1-9")]
            for number, (slug, text) in enumerate(texts.items(), start=1)
        }
    )


APIGW = (
    "504 means INTEGRATION_TIMEOUT after 29 seconds; 502 is a bad proxy response; 429 throttled."
)


def test_confusable_sets_yield_scenarios_and_choose_two_when_the_notes_cover_them():
    group = next(group for group in GROUPS if group.key == "apigw-status")
    drafts = confusables.generate(evidence(**{"api-gateway": APIGW}), groups=[group])
    singles = [d for d in drafts if d.choose == 1]
    multiples = [d for d in drafts if d.choose == 2]
    assert len(singles) == len(group.members) and len(multiples) == 3
    assert all(problems(d) == [] for d in drafts)
    xml = next(d for d in singles if "returns XML" in d.stem)
    assert [o.text for o in xml.options if o.correct] == ["502 Bad Gateway"]
    assert "502" not in xml.stem and "29-second" not in xml.stem
    assert xml.sections == [1] and "From your notes (api-gateway.md:1-9)" in xml.explanation
    slow = next(d for d in singles if "45 seconds" in d.stem)
    assert [o.text for o in slow.options if o.correct] == ["504 Gateway Timeout"]
    for draft in multiples:
        assert len(draft.options) == 5 and sum(o.correct for o in draft.options) == 2
        assert draft.stem.endswith("(Choose TWO.)")


def test_a_set_the_notes_do_not_cover_yields_nothing():
    group = next(group for group in GROUPS if group.key == "apigw-status")
    assert confusables.generate(evidence(**{"api-gateway": "Nothing relevant."}), [group]) == []


def test_rcu_answers_follow_the_rounding_and_consistency_rules():
    for seed in range(200):
        problem = computed.rcu(random.Random(seed))
        size = float(problem.stem.split(" KB")[0].split()[-1])
        reads = int(problem.stem.split(" reads")[0].split()[3])
        factor = (
            0.5 if "eventually" in problem.stem else 2 if "transactional" in problem.stem else 1
        )
        assert problem.answer == math.ceil(math.ceil(size / 4) * reads * factor)


def test_known_worked_examples():
    # The notes' examples: 6 KB × 100 strongly consistent = 200 RCU; 4 KB × 50 writes = 200 WCU.
    assert math.ceil(math.ceil(6 / 4) * 100 * 1) == 200
    assert math.ceil(4) * 50 == 200


def test_computed_questions_have_four_distinct_options_and_are_stable():
    notes = evidence(dynamodb="RCU and WCU per partition")
    first = computed.generate(notes, kinds=computed.KINDS[:3])
    again = computed.generate(notes, kinds=computed.KINDS[:3])
    assert [d.stem for d in first] == [d.stem for d in again]
    assert len(first) == sum(kind.count for kind in computed.KINDS[:3])
    assert len({d.stem for d in first}) == len(first)
    for draft in first:
        assert problems(draft) == [], (draft.stem, problems(draft))
        texts = [o.text for o in draft.options]
        assert len(set(texts)) == 4


def note(kind, text, correct=(), incorrect=(), service="sqs", where="n.md:1-3"):
    return NoteData(1, kind, service, 7, "SQS notes", text, tuple(correct), tuple(incorrect), where)


def test_scenarios_in_the_notes_become_questions_with_their_incorrect_lines():
    notes = Evidence(
        notes=[
            note("scenario", "Consumers process the same message twice while still working on it",
                 ["Increase the visibility timeout"],
                 [("Use short polling", "it only changes empty receives"),
                  ("Delete the queue", "it loses messages")], where="n.md:1-3"),
            note("scenario", "Consumers make many empty receive calls that cost money",
                 ["Enable long polling"], where="n.md:5-6"),
            note("scenario", "A message keeps failing and blocks the other messages",
                 ["Add a dead-letter queue"], where="n.md:8-9"),
        ]
    )  # fmt: skip
    drafts = scenarios.generate(notes)
    first = next(d for d in drafts if d.key.endswith("n.md:1-3"))
    assert problems(first) == []
    assert [o.text for o in first.options if o.correct] == ["Increase the visibility timeout"]
    texts = {o.text for o in first.options}
    assert {"Use short polling", "Delete the queue"} <= texts
    assert first.sections == [7] and "n.md:1-3" in first.explanation


def test_is_incorrect_because_lines_ask_for_the_reason():
    notes = Evidence(
        notes=[
            note("explanation", f"Option {n}", incorrect=[(f"Option {n}", reason)],
                 where=f"e.md:{n}-{n}")
            for n, reason in enumerate([
                "throttling gives 429, not 504", "authorization failures give 403",
                "caching does not change timeouts", "the payload limit is 10 MB"])
        ]
    )  # fmt: skip
    drafts = scenarios.generate(notes)
    assert len(drafts) == 4
    first = drafts[0]
    assert "Why?" in first.stem and "Option 0" in first.stem
    assert [o.text for o in first.options if o.correct] == ["Throttling gives 429, not 504"]
    assert problems(first) == []
