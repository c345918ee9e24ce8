"""What a search query asks for, from its words alone (content/query.py)."""

import pytest

from content.query import MAX_LENGTH, MAX_WORDS, understand


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("502 vs 504", [["502"], ["504"]]),
        ("gsi vs. lsi", [["gsi"], ["lsi"]]),
        ("GSI versus LSI", [["GSI"], ["LSI"]]),
        ("difference between SSE-S3 and SSE-KMS", [["SSE-S3"], ["SSE-KMS"]]),
        ("What is the difference between SQS and SNS?", [["SQS"], ["SNS"]]),
        ("standard or fifo?", [["standard"], ["fifo"]]),
        ("rolling vs immutable vs blue/green", [["rolling"], ["immutable"], ["blue/green"]]),
        ("elasticache write-through vs lazy loading",
         [["elasticache", "write-through"], ["lazy", "loading"]]),
    ],
)  # fmt: skip
def test_comparisons_have_one_side_per_alternative(text, sides):
    understood = understand(text)
    assert understood.sides == sides and understood.comparison


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("how do I trace requests across microservices",
         ["trace", "requests", "across", "microservices"]),
        ("what happens when a message fails processing many times",
         ["message", "fails", "processing", "many", "times"]),
        ("when should I use provisioned concurrency?", ["provisioned", "concurrency"]),
        ("what is", ["what", "is"]),  # nothing but filler: still searched
    ],
)  # fmt: skip
def test_question_words_and_filler_need_not_match(text, words):
    understood = understand(text)
    assert understood.words == words and not understood.comparison


def test_quoted_phrases_and_exclusions_keep_working():
    understood = understand('"visibility timeout" -FIFO -"long polling" sqs')
    assert understood.sides == [['"visibility timeout"', "sqs"]]
    assert understood.excluded == ["FIFO", "long polling"]
    assert not understand('"a vs b"').comparison  # a quoted vs is a phrase, not a comparison


def test_long_queries_are_shortened_at_a_word_and_capped_in_words():
    understood = understand("timeout " * 400)
    assert understood.shortened and len(understood.text) <= MAX_LENGTH
    assert not understood.text.endswith(" ")
    assert len(understood.words) == 1
    many = understand(" ".join(f"word{number}" for number in range(30)))
    assert len(many.words) == MAX_WORDS and not many.shortened


def test_a_repeated_word_is_searched_once_as_first_written():
    assert understand("SQS sqs visibility Timeout timeout").sides == [
        ["SQS", "visibility", "Timeout"]
    ]
    assert understand("timeout " * 20).sides == [["timeout"]]
