"""Each quality gate rejects a crafted bad item with its reason, and passes a good one."""

import pytest

from quizzes.generator.draft import Draft, Option
from quizzes.generator.gates import draft_gates, near_duplicates

CONTEXT = (
    "A team runs an order API on Amazon API Gateway with a Lambda integration, and customers "
    "in three countries call it from a mobile app."
)
GOOD_STEM = (
    f"{CONTEXT} Some calls fail after exactly 29 seconds, and the team must find the cause "
    "without adding new tooling. Which status code do the failing clients receive?"
)
CODES = ["504 Gateway Timeout", "502 Bad Gateway", "429 Too Many Requests", "403 Forbidden"]


def item(stem=GOOD_STEM, texts=CODES, family="item", **kwargs):
    options = [Option(text, index == 0, "Because.") for index, text in enumerate(texts)]
    defaults = {"quote": "504 means the integration timed out", "terms": (r"\b504\b",)}
    return Draft(key="k", family=family, stem=stem, options=options, explanation="Because.",
                 service="api-gateway", task="4.1", **{**defaults, **kwargs})  # fmt: skip


def test_a_good_item_passes_every_gate():
    assert draft_gates(item()) == []


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"stem": f"{CONTEXT} In a practice question on API Gateway, the option 504 is wrong. "
                  "Why must it be?"}, "meta stem"),
        ({"stem": "Which code means a timeout? The team must know."}, "under 25 words"),
        ({"stem": f"{CONTEXT} Some calls fail after exactly 29 seconds. Which status code do "
                  "the failing clients receive?"}, "states no requirement"),
        ({"texts": ["504 Gateway Timeout", "502 Bad Gateway", "429 Too Many Requests",
                    "Ask the backend team to look at the logs of the function."]},
         "options of mixed kind"),
        ({"texts": ["Use SQS.", "Use SNS.", "Use SES.",
                    "Use Amazon Kinesis Data Streams with enhanced fan-out consumers."]},
         "length ratio"),
        ({"stem": GOOD_STEM.replace("29 seconds", "29 seconds with a gateway timeout")},
         "distinctive word of the key"),
        ({"quote": ""}, "the notes do not state the deciding fact"),
        ({"quote": "429 means throttled"}, "the quote shares no deciding term with the key"),
        ({"texts": ["Use Amazon SWF for it.", "Use SNS for it.", "Use SQS for it.",
                    "Use SES for it."]}, "retired service or feature"),
        ({"stem": GOOD_STEM.replace("three countries", "1 countries")}, None),
        ({"stem": GOOD_STEM.replace("exactly 29 seconds", "1 minutes")}, "number agreement"),
        ({"stem": GOOD_STEM.replace("exactly 29 seconds", "2 minute")}, "number agreement"),
    ],
)  # fmt: skip
def test_each_gate_rejects_a_crafted_bad_item_with_its_reason(changes, reason):
    found = draft_gates(item(**changes))
    if reason is None:  # "countries" is not a counted noun the gate knows: no false alarm
        assert found == []
    else:
        assert any(reason in problem for problem in found), found


def test_computed_questions_are_not_held_to_the_scenario_length():
    stem = "A table needs 10 reads per second of 4 KB items. How many RCU must it have?"
    texts = ["10 RCU", "20 RCU", "5 RCU", "40 RCU"]
    assert draft_gates(item(stem=stem, texts=texts, family="computed", terms=())) == []


def test_exact_and_near_duplicate_stems_are_found_and_different_ones_are_not():
    other = GOOD_STEM.replace("order API", "booking API").replace("mobile app", "web site")
    stems = [
        GOOD_STEM,
        GOOD_STEM.upper().replace(".", "!"),  # the same after normalising
        GOOD_STEM.replace("three", "four"),  # one word changed: near-duplicate
        other,  # different enough
        "A completely different question about Amazon S3 storage classes and lifecycle rules.",
    ]
    assert near_duplicates(stems) == {1: 0, 2: 0}
    assert 3 not in near_duplicates(stems)
