"""Each format adapter on small notes written for the test, through the pure parse step."""

import textwrap

import pytest

from content.importer.parse import parse_notes


def parse(matcher, text):
    return parse_notes(textwrap.dedent(text).lstrip("\n"), matcher)


def summary(parsed):
    return [(section.service, section.topic_title, section.title) for section in parsed.sections]


MARKDOWN = """
# Lambda

## Cold starts
The DB connection is established once per execution environment:

```python
# The DB connection is established
# at every function invocation
def handler(event, context):
    return connect()
```

### Provisioned concurrency
Keeps environments initialised.

# DynamoDB

## LSI vs GSI
A local secondary index shares the partition key.
"""


def test_markdown_headings_give_service_topic_and_section(matcher):
    parsed = parse(matcher, MARKDOWN)
    assert parsed.format == "markdown"
    assert summary(parsed) == [
        ("lambda", "Cold starts", "Cold starts"),
        ("lambda", "Cold starts", "Provisioned concurrency"),
        ("dynamodb", "LSI vs GSI", "LSI vs GSI"),
    ]
    # A comment inside code is code, not a heading.
    assert "# The DB connection is established" in parsed.sections[0].body
    assert (parsed.sections[0].line_start, parsed.sections[0].line_end) == (3, 11)


STRIPPED = """
# Elastic BeanStalk

Elastic Beanstalk is a Platform as a Service that runs application code for you.

EB Platforms

- EB supports a list of languages natively
- Docker allows any runtime


SQS is a public, fully managed, highly-available queue service.

- Messages can live on an SQS queue for up to 14 days.
- The visibility timeout defaults to 30 seconds.


SNS topics are the base entity of SNS; subscribers receive every message.

# Todo

Revise CloudFormation
"""


def test_stripped_subheadings_are_reclassified_by_content(matcher):
    parsed = parse(matcher, STRIPPED)
    assert parsed.format == "stripped"
    assert [(section.service, section.title) for section in parsed.sections] == [
        ("elastic-beanstalk", "Elastic BeanStalk"),
        ("elastic-beanstalk", "EB Platforms"),
        ("sqs", "SQS"),
        ("sns", "SNS"),
    ]  # and the to-do list is not a topic
    sqs = parsed.sections[2]
    assert (sqs.line_start, sqs.line_end) == (11, 14)
    assert sqs.heading_path == ["Elastic BeanStalk"]


SLIDES = """
# SECTION 4

## Amazon VPC, EC2, and ELB

# Create an Auto Scaling Group

# Amazon EC2 Auto Scaling

---

- Launches EC2 instances to match demand

# Amazon EC2 Auto Scaling

---

- Scaling policies: target tracking, step and simple

# Amazon EBS vs Instance Store

Volume\tPersistence
EBS\tSurvives stop
Instance store\tLost on stop

# ELB Use Cases

- Application Load Balancer routes HTTP by path

# Target Groups

- Application Load Balancer routes HTTP by path

# Slide nine

# Slide ten

# Slide eleven
"""


def test_slide_runs_are_merged_and_empty_or_duplicate_slides_dropped(matcher):
    parsed = parse(matcher, SLIDES)
    assert parsed.format == "slides"
    assert summary(parsed) == [
        ("ec2-auto-scaling", "Overview", "Amazon EC2 Auto Scaling"),
        ("ebs", "Amazon EBS vs Instance Store", "Amazon EBS vs Instance Store"),
        ("elb", "ELB Use Cases", "ELB Use Cases"),
    ]
    scaling, storage, _ = parsed.sections
    assert "target tracking" in scaling.body and "match demand" in scaling.body
    assert "---" not in scaling.body
    assert "| Volume | Persistence |" in storage.body
    assert scaling.heading_path == ["Amazon VPC, EC2, and ELB"]


OUTLINE = """
- SQS:
  - max message size 256 KB
  - long polling waits up to 20 seconds
  - Scenario: consumers process the same message twice
    - Correct: increase the visibility timeout
    - Incorrect: use short polling -> it only changes how empty receives return
  - “Decouple with a buffer” → SQS
- Security tools:
  - AWS Secrets Manager:
    - rotates database credentials with a Lambda function
  - | Header | SSE |
    |---|---|
    | x-amz-server-side-encryption | SSE-S3 on S3 objects |
NLB:
  - Layer 4, static IP per AZ
  - handles millions of requests per second
"""


def test_outline_items_become_sections_and_scenarios_exam_notes(matcher):
    parsed = parse(matcher, OUTLINE)
    assert parsed.format == "outline"
    assert summary(parsed) == [
        ("sqs", "Key facts", "Key facts"),
        ("sqs", "Exam scenarios", "Scenario: consumers process the same message twice"),
        ("sqs", "Key facts", "Key facts"),
        ("secrets-manager", "Overview", "AWS Secrets Manager"),
        ("s3", "Key facts", "Key facts"),
        ("elb", "Key facts", "Key facts"),
    ]
    scenario = parsed.sections[1].exam_notes[0]
    assert scenario.kind == "scenario"
    assert scenario.text == "consumers process the same message twice"
    assert scenario.correct == ["increase the visibility timeout"]
    assert scenario.incorrect == [
        {"text": "use short polling", "reason": "it only changes how empty receives return"}
    ]
    assert (scenario.line_start, scenario.line_end) == (4, 6)
    cue = parsed.sections[2].exam_notes[0]
    assert (cue.kind, cue.text, cue.correct) == ("cue", "Decouple with a buffer", ["SQS"])
    assert parsed.sections[4].body.startswith("| Header | SSE |")


ESSAY = """


What are Nested Stacks in AWS CloudFormation?

Nested stacks are stacks created inside other stacks.

Why Use Nested Stacks?

- Modularity: break a large template into smaller ones.

ParentTemplate.yaml

yaml Copy code

```
Resources:
```

```
  Child:
    Type: AWS::CloudFormation::Stack
```

The formula is:

Caching in API Gateway

Caching reduces the number of calls made to your endpoint.
"""


def test_essay_titles_are_found_without_markup(matcher):
    parsed = parse(matcher, ESSAY)
    assert parsed.format == "essay"
    nested = "What are Nested Stacks in AWS CloudFormation?"
    assert summary(parsed) == [
        ("cloudformation", nested, nested),
        ("cloudformation", nested, "Why Use Nested Stacks?"),
        ("api-gateway", "Caching in API Gateway", "Caching in API Gateway"),
    ]
    body = parsed.sections[1].body
    # The caption stays in the body, and the two fence fragments are one snippet.
    assert "ParentTemplate.yaml\n\n```yaml\nResources:\n\n  Child:" in body
    assert "Copy code" not in body


ORDINARY_NOTES = """
---
title: My DynamoDB notes
tags: [aws]
---

Capacity
========

Provisioned mode needs RCU and WCU estimates.

Indexes
-------

### Global secondary indexes
Another partition key; eventually consistent.

### Local secondary indexes
Same partition key, created with the table.
"""


def test_ordinary_markdown_layout_with_front_matter_and_setext(matcher):
    parsed = parse(matcher, ORDINARY_NOTES)
    assert parsed.format == "markdown"
    assert summary(parsed) == [
        ("dynamodb", "Capacity", "Capacity"),
        ("dynamodb", "Indexes", "Global secondary indexes"),
        ("dynamodb", "Indexes", "Local secondary indexes"),
    ]
    assert parsed.sections[1].heading_path == ["My DynamoDB notes", "Capacity", "Indexes"]


def test_unstructured_text_falls_back_to_one_section(matcher):
    parsed = parse(matcher, "just a few words about amazon s3 buckets and their policies.\n")
    assert parsed.format == "plain"
    assert [
        (section.service, section.line_start, section.line_end) for section in parsed.sections
    ] == [("s3", 1, 1)]


@pytest.mark.parametrize("text", ["", "\n\n   \n"])
def test_text_with_nothing_in_it_is_refused(matcher, text):
    from content.importer.text import NotesError

    with pytest.raises(NotesError):
        parse_notes(text, matcher)


GRAB_BAG = """
# Misc

AWS CodeStar gives a project dashboard for commits, builds and deployments.

Amazon CodeGuru Reviewer recommends fixes for expensive lines of code.
CodeGuru Profiler finds hot paths.

WAF on API Gateway and on the ALB protects against common web attacks.

# DynamoDB

Tables store items.
"""


def test_grab_bag_heading_is_split_by_subject(matcher):
    parsed = parse(matcher, GRAB_BAG)
    assert [
        (section.service, section.line_start, section.line_end) for section in parsed.sections
    ] == [
        ("codestar", 1, 3),
        ("codeguru", 5, 6),
        ("waf", 8, 8),
        ("dynamodb", 10, 12),
    ]
