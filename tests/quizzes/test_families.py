"""Each generator family on small evidence written for the test (no database)."""

import math
import random
import re

from quizzes.generator import computed, scenarios
from quizzes.generator.draft import problems
from quizzes.generator.evidence import Evidence, NoteData, SectionText
from quizzes.generator.gates import draft_gates


def evidence(**texts):
    """Evidence with one section per service slug."""
    return Evidence(
        sections={
            slug: [SectionText(number, slug, f"{slug} notes", text, f"{slug}.md:1-9")]
            for number, (slug, text) in enumerate(texts.items(), start=1)
        }
    )


def test_rcu_answers_follow_the_rounding_and_consistency_rules():
    for seed in range(200):
        problem = computed.rcu(random.Random(seed))
        reads, size = re.search(
            r"(\d+) \w+ consistent reads per second|(\d+) \w+ reads per", problem.stem
        ).group(1, 2)
        reads = int(reads or size)
        size = float(re.search(r"items that are ([\d.]+) KB", problem.stem).group(1))
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
    first = computed.generate(notes, kinds=computed.KINDS[:2])
    again = computed.generate(notes, kinds=computed.KINDS[:2])
    assert [d.stem for d in first] == [d.stem for d in again]
    assert len(first) == sum(kind.count for kind in computed.KINDS[:2])
    assert len({d.stem for d in first}) == len(first)
    for draft in first:
        assert problems(draft) == [], (draft.stem, problems(draft))
        texts = [o.text for o in draft.options]
        assert len(set(texts)) == 4


def note(kind, text, correct=(), incorrect=(), service="sqs", where="n.md:1-3"):
    return NoteData(1, kind, service, 7, "SQS notes", text, tuple(correct), tuple(incorrect), where)


def test_a_scenario_with_three_wrong_answers_of_its_own_becomes_a_question():
    text = (
        "A team's consumers process the same SQS message twice because processing takes "
        "longer than expected, and the team must stop the duplicates without losing messages"
    )
    notes = Evidence(
        notes=[
            note("scenario", text, ["Increase the visibility timeout"],
                 [("Use short polling", "it only changes empty receives"),
                  ("Delete the queue", "it loses messages"),
                  ("Lower the retention period", "it drops messages sooner")], where="n.md:1-3"),
            note("scenario", text.replace("team", "company"), ["Enable long polling"],
                 [("Use short polling", "")], where="n.md:5-6"),
        ]
    )  # fmt: skip
    drafts = scenarios.generate(notes)
    assert [d.key for d in drafts] == ["scenario:note:n.md:1-3"]
    first = drafts[0]
    assert problems(first) == [] and draft_gates(first) == []
    assert [o.text for o in first.options if o.correct] == ["Increase the visibility timeout"]
    assert {"Use short polling", "Delete the queue", "Lower the retention period"} <= {
        o.text for o in first.options
    }
    assert first.sections == [7] and "n.md:1-3" in first.explanation


def test_notes_that_say_why_an_option_is_wrong_make_no_meta_questions():
    notes = Evidence(
        notes=[note("explanation", "Option 0", incorrect=[("Option 0", "throttling gives 429")])]
    )
    assert scenarios.generate(notes) == []
