"""Family 3: computed questions. Each instance has its own numbers (seeded by its key, so
regeneration is stable) and distractors from the typical mistakes."""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass

from quizzes.generator.draft import Draft, Option, shuffled
from quizzes.generator.evidence import Evidence

FAMILY = "computed"


@dataclass(frozen=True)
class Problem:
    stem: str
    answer: int | float
    mistakes: list[tuple[int | float, str]]  # (wrong value, the mistake that gives it)
    working: str  # how the answer is computed
    unit: str


@dataclass(frozen=True)
class Kind:
    name: str
    service: str
    task: str
    evidence: str
    count: int
    make: Callable[[random.Random], Problem]


def rcu(rng: random.Random) -> Problem:
    size = rng.choice([0.5, 1, 2.5, 3, 4, 5, 6, 7.5, 8, 9, 10, 11, 12, 13.5, 15, 16, 20, 24, 30])
    reads = rng.choice([5, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100, 120, 150, 200])
    mode = rng.choice(["strongly consistent", "eventually consistent", "transactional"])
    units = math.ceil(size / 4)
    factor = {"strongly consistent": 1, "eventually consistent": 0.5, "transactional": 2}[mode]
    answer = math.ceil(units * reads * factor)
    return Problem(
        stem=f"An application performs {reads} {mode} reads per second of items that "
        f"are {_n(size)} KB each. How many read capacity units (RCU) must the table provision?",
        answer=answer,
        mistakes=[
            (math.ceil(size / 4 * reads * factor), "not rounding the item size up to 4 KB"),
            (
                math.ceil(units * reads * (1 if factor != 1 else 0.5)),
                "using the wrong consistency factor",
            ),
            (math.ceil(math.ceil(size) * reads * factor), "rounding to 1 KB as for writes"),
            (units * reads * 2 if factor != 2 else units * reads, "mixing up transactional reads"),
            (answer * 2, "doubling the result"),
        ],
        working=f"⌈{_n(size)} KB / 4 KB⌉ = {units} unit(s) × {reads} reads/s × {_n(factor)} "
        f"({mode}) = {answer} RCU",
        unit="RCU",
    )


def wcu(rng: random.Random) -> Problem:
    size = rng.choice([0.5, 1, 1.5, 2, 2.5, 3, 4, 4.5, 5, 6, 7.5, 9.5, 12])
    writes = rng.choice([5, 6, 10, 12, 15, 20, 25, 40, 50, 75, 100])
    mode = rng.choice(["standard", "transactional"])
    units = math.ceil(size)
    factor = 2 if mode == "transactional" else 1
    answer = units * writes * factor
    return Problem(
        stem=f"An application makes {writes} {mode} writes per second of items that are "
        f"{_n(size)} KB each. How many write capacity units (WCU) are needed?",
        answer=answer,
        mistakes=[
            (math.ceil(size * writes * factor), "not rounding the item size up to 1 KB"),
            (math.ceil(size / 4) * writes * factor, "rounding to 4 KB as for reads"),
            (units * writes * (1 if factor == 2 else 2), "mixing up the transactional factor"),
            (math.ceil(units * writes * factor / 2), "halving as for eventually consistent reads"),
        ],
        working=f"⌈{_n(size)} KB / 1 KB⌉ = {units} × {writes} writes/s × {factor} ({mode}) "
        f"= {answer} WCU",
        unit="WCU",
    )


def partitions(rng: random.Random) -> Problem:
    rcus = rng.choice([1000, 2000, 3000, 4500, 6000, 7500, 9000, 12000])
    wcus = rng.choice([500, 1000, 1500, 2000, 2500, 3000, 4000])
    size = rng.choice([5, 8, 12, 25, 40, 60, 90])
    by_throughput = rcus / 3000 + wcus / 1000
    by_size = size / 10
    answer = math.ceil(max(by_throughput, by_size))
    return Problem(
        stem=f"A provisioned DynamoDB table has {rcus:,} RCU, {wcus:,} WCU and {size} GB of data. "
        "How many partitions does it need?",
        answer=answer,
        mistakes=[
            (math.ceil(by_throughput + by_size), "adding the throughput and size estimates"),
            (math.ceil(by_size), "counting only the data size"),
            (math.ceil(rcus / 1000 + wcus / 3000), "swapping the 3,000 RCU and 1,000 WCU limits"),
            (math.ceil(by_throughput), "counting only throughput")
            if by_size > by_throughput
            else (math.ceil(max(rcus / 3000, wcus / 1000)), "taking only the larger of RCU or WCU"),
        ],
        working=f"throughput: {rcus:,}/3,000 + {wcus:,}/1,000 = {by_throughput:.2f}; "
        f"size: {size}/10 GB = {by_size:.1f}; ⌈max⌉ = {answer}",
        unit="partitions",
    )


def lambda_concurrency(rng: random.Random) -> Problem:
    rate = rng.choice([10, 20, 40, 50, 100, 150, 200, 250, 400])
    duration_ms = rng.choice([100, 200, 250, 300, 500, 800, 1000, 1500, 2000, 3000])
    answer = math.ceil(rate * duration_ms / 1000)
    return Problem(
        stem=f"A Lambda function receives {rate} requests per second and each invocation runs for "
        f"{duration_ms} ms on average. How many concurrent executions does it need?",
        answer=answer,
        mistakes=[
            (rate, "ignoring the duration"),
            (rate * duration_ms, "multiplying by milliseconds instead of seconds"),
            (max(1, math.ceil(rate / (duration_ms / 1000))), "dividing by the duration"),
            (answer * 2, "doubling for retries"),
        ],
        working=f"{rate} requests/s × {duration_ms / 1000:g} s = {answer} concurrent executions",
        unit="concurrent executions",
    )


def cross_zone(rng: random.Random) -> Problem:
    small = rng.choice([1, 2, 3, 4])
    large = rng.choice([6, 8, 10, 12])
    enabled = rng.random() < 0.5
    if enabled:
        answer = 100 / (small + large)
        other = 50 / small
    else:
        answer = 50 / small
        other = 100 / (small + large)
    state = "enabled" if enabled else "disabled"
    return Problem(
        stem=f"A load balancer spans two Availability Zones: AZ A has {small} registered "
        f"targets and AZ B has {large}. Cross-zone load balancing is {state}. What share of "
        "the traffic does each target in AZ A receive?",
        answer=round(answer, 2),
        mistakes=[
            (round(other, 2), "using the other cross-zone setting"),
            (round(100 / small, 2), "sending all traffic to AZ A"),
            (round(50 / (small + large), 2), "halving the per-target share twice"),
            (round(50 / large, 2), "using AZ B's target count"),
        ],
        working=(
            f"enabled: 100% / {small + large} targets = {answer:.2f}% each"
            if enabled
            else f"disabled: each AZ gets 50%, shared by its {small} target(s) = {answer:.2f}% each"
        ),
        unit="%",
    )


def codedeploy_batches(rng: random.Random) -> Problem:
    hosts = rng.choice([4, 5, 6, 8, 10, 12, 20])
    healthy = rng.randint(max(1, hosts // 2), hosts - 1)
    answer = hosts - healthy
    return Problem(
        stem=f"A CodeDeploy in-place deployment targets {hosts} EC2 instances with a minimum of "
        f"{healthy} healthy hosts. At most how many instances are updated at a time?",
        answer=answer,
        mistakes=[
            (healthy, "using the minimum itself"),
            (answer + 1, "counting one instance too many"),
            (max(1, hosts // 2) if hosts // 2 != answer else hosts, "assuming half at a time"),
            (hosts, "updating all at once"),
        ],
        working=f"{hosts} instances − {healthy} that must stay healthy = {answer} at a time",
        unit="instances",
    )


def io1_iops(rng: random.Random) -> Problem:
    size = rng.choice([10, 20, 40, 50, 100, 150, 200, 300, 500])
    answer = min(size * 50, 64000)
    return Problem(
        stem=f"What is the maximum IOPS you can provision for a {size} GiB io1 EBS volume?",
        answer=answer,
        mistakes=[
            (size * 3, "using the gp2 baseline of 3 IOPS/GiB"),
            (size * 30, "using 30 IOPS per GiB"),
            (size * 500, "using the io2 Block Express ratio"),
            (3000 if size * 50 != 3000 else 16000, "using the gp3 baseline"),
        ],
        working=f"io1 allows 50 IOPS per GiB: {size} × 50 = {answer:,} IOPS",
        unit="IOPS",
    )


def gp2_iops(rng: random.Random) -> Problem:
    size = rng.choice([20, 50, 100, 250, 500, 1000, 2000, 4000, 6000])
    answer = min(max(size * 3, 100), 16000)
    return Problem(
        stem=f"What baseline IOPS does a {size:,} GiB gp2 EBS volume deliver?",
        answer=answer,
        mistakes=[
            (size * 50, "using the io1 ratio of 50 IOPS/GiB"),
            (3000, "using the gp3 baseline"),
            (size * 3 if size * 3 != answer else 16000, "ignoring the 100 minimum or 16,000 cap"),
            (size * 10, "using 10 IOPS per GiB"),
        ],
        working=f"gp2 gives 3 IOPS per GiB, at least 100 and at most 16,000: {answer:,} IOPS",
        unit="IOPS",
    )


KINDS = [
    Kind("rcu", "dynamodb", "1.3", r"\bRCU", 40, rcu),
    Kind("wcu", "dynamodb", "1.3", r"\bWCU", 30, wcu),
    Kind("partitions", "dynamodb", "4.3", r"[Pp]artition", 16, partitions),
    Kind("lambda-concurrency", "lambda", "4.3", r"[Cc]oncurrency", 20, lambda_concurrency),
    Kind("cross-zone", "elb", "4.3", r"[Cc]ross[- ][Zz]one", 10, cross_zone),
    Kind("codedeploy-batches", "codedeploy", "3.4", r"[Mm]inimum healthy", 10, codedeploy_batches),
    Kind("io1-iops", "ebs", "4.3", r"\bio1\b", 8, io1_iops),
    Kind("gp2-iops", "ebs", "4.3", r"\bgp2\b", 6, gp2_iops),
]


def generate(evidence: Evidence, kinds: list[Kind] = KINDS) -> list[Draft]:
    drafts = []
    for kind in kinds:
        sources = evidence.find(kind.service, kind.evidence)
        if not sources:
            continue
        stems: set[str] = set()
        for number in range(kind.count * 10):  # seeds until `count` different problems
            if len(stems) == kind.count:
                break
            key = f"{FAMILY}:{kind.name}:{number}"
            problem = kind.make(random.Random(key))
            draft = None if problem.stem in stems else _draft(key, kind, problem, sources)
            if draft:
                stems.add(problem.stem)
                drafts.append(draft)
    return drafts


def _draft(key: str, kind: Kind, problem: Problem, sources) -> Draft | None:
    answer = _fmt(problem.answer, problem.unit)
    options = [Option(answer, True, problem.working)]
    seen = {answer}
    answer_value = problem.answer
    fallbacks = [
        (answer_value * 2, "a miscalculation (twice the answer)"),
        (answer_value / 2 if isinstance(answer_value, float) else math.ceil(answer_value / 2),
         "a miscalculation (half the answer)"),
        (answer_value + 1, "an off-by-one miscalculation"),
    ]  # fmt: skip
    for value, mistake in [*problem.mistakes, *fallbacks]:
        text = _fmt(value, problem.unit)
        if text not in seen and value > 0:
            seen.add(text)
            options.append(Option(text, False, f"This comes from {mistake}."))
        if len(options) == 4:
            break
    if len(options) < 4:
        return None
    return Draft(
        key=key,
        family=FAMILY,
        stem=problem.stem,
        options=shuffled(options, key),
        explanation=f"{problem.working}.\n\nThe rule is in your notes ({sources[0].where}).",
        service=kind.service,
        task=kind.task,
        sections=[section.id for section in sources],
        fact=problem.working,
    )


def _n(value) -> str:
    return f"{value:g}"


def _fmt(value, unit: str) -> str:
    number = f"{value:,.2f}".rstrip("0").rstrip(".") if isinstance(value, float) else f"{value:,}"
    return f"{number}%" if unit == "%" else f"{number} {unit}"
