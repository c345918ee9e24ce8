"""Facts the notes disagree on (../shared/reference/seed-notes-analysis.md §7). A question
whose deciding fact touches one is created as a draft, with the conflict shown to
instructors, instead of being published."""

import re

CONFLICTS = [
    (r"\b(?:128 ?MB to 3 ?GB|3 ?GB.*64 ?MB)", "Lambda memory: one file says 128 MB–3 GB; current limit is 128–10,240 MB."),
    (r"docker is not supported", "Lambda container images: one file says Docker is not supported; Lambda runs images up to 10 GB."),
    (r"\b15 days\b", "SQS retention: one file says up to 15 days; the others say 1 minute–14 days."),
    (r"(?:extended|increased) to 7 days", "Kinesis retention: older notes say up to 7 days; current limit is 365 days."),
    (r"1095 days|3 years", "KMS AWS managed key rotation: one file says every 1095 days; the others say every year."),
    (r"64 ?TiB", "Aurora storage: one file says 64 TiB; the others say 128 TB."),
    (r"retr(?:y|ies) up to 3 times", "Lambda async retries: one file says 3 retries; the others say 2 retries (3 attempts)."),
    (r"default 30 seconds.*integration|integration.*default 30 seconds", "API Gateway integration timeout: one file says 30 s; the others say 29 s."),
    (r"up to 12 hours", "STS credential lifetime: notes give both 15 min–1 h and up to 12 h; depends on the API."),
    (r"5 times.*provisioned|provisioned.*5 times", "DynamoDB on-demand cost: the files give 5× and 2.5×."),
    (r"multiple SNS queues", "Fan-out direction: one file inverts SNS → SQS fan-out."),
    (r"last writer wins.*lambda|conflict resolution.*lambda", "Global Tables conflicts: one file mentions Lambda resolution; the others say last writer wins."),
    (r"canary deployment.*not.*elastic beanstalk", "EB canary: EB traffic splitting is canary-like; the notes disagree."),
    (r"\b1-10 messages\b", "Lambda SQS batch size: older notes say 1–10 messages; larger batches are allowed today."),
    (r"CodeStar|Cloud9|CodeCommit", "Legacy service: AWS stopped onboarding new customers; check before publishing."),
]  # fmt: skip


def conflict_for(text: str) -> str:
    """The review note for a fact that touches a known conflict ("" when none)."""
    for pattern, note in CONFLICTS:
        if re.search(pattern, text, re.I):
            return note
    return ""
