"""Which exam task statement a question belongs to: a readable rule list, first match wins.

Instructors override the result by editing the question in the admin (regeneration never
touches an edited question).
"""

import re

TASK_RULES = [
    (r"encrypt|\bkms\b|sse-|cloudhsm|certificate|\bacm\b|\btls\b|\bssl\b", "2.2"),
    (r"secret|parameter store|\bssm\b|credentials? (?:in|rotation)|hard-?coded", "2.3"),
    (r"\biam\b|cognito|\bsts\b|assume|authori[sz]|permission|polic(?:y|ies)|federat|\bsso\b|"
     r"identity|sign[- ]in|\bmfa\b", "2.1"),
    (r"codepipeline|codebuild|codecommit|codedeploy|beanstalk|deploy|blue/green|canary|rollback",
     "3.4"),
    (r"cloudformation|\bsam\b|\bcdk\b|template|artifact|\becr\b|package|container image", "3.1"),
    (r"\btest|staging|local(?:ly| invoke)", "3.2"),
    (r"x-ray|trac(?:e|ing)|cloudwatch|metric|\blogs?\b|alarm|monitor|observab", "4.2"),
    (r"error|throttl|exception|troubleshoot|fail|time(?:d )?out|\b50[0-9]\b|\b4[0-2][0-9]\b",
     "4.1"),
    (r"performance|optimi[sz]|cach(?:e|ing)|latency|cost|scal(?:e|ing)|concurrency", "4.3"),
    (r"lambda", "1.2"),
    (r"dynamodb|\bs3\b|\brds\b|aurora|elasticache|database|\btable\b|\bitem\b", "1.3"),
]  # fmt: skip
DEFAULT_TASK = "1.1"


def task_for(text: str) -> str:
    """The task statement code for a question's service name and text."""
    lowered = text.lower()
    for pattern, task in TASK_RULES:
        if re.search(pattern, lowered):
            return task
    return DEFAULT_TASK
