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
    evidence: str  # the notes of the service must match this for the kind to be used
    count: int
    make: Callable[[random.Random], Problem]
    rule: str = ""  # the line of the notes that states the rule, quoted (evidence if empty)


def rcu(rng: random.Random) -> Problem:
    size = rng.choice([0.5, 1, 2.5, 3, 4, 5, 6, 7.5, 8, 9, 10, 11, 12, 13.5, 15, 16, 20, 24, 30])
    reads = rng.choice([5, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100, 120, 150, 200])
    mode = rng.choice(["strongly consistent", "eventually consistent", "transactional"])
    units = math.ceil(size / 4)
    factor = {"strongly consistent": 1, "eventually consistent": 0.5, "transactional": 2}[mode]
    answer = math.ceil(units * reads * factor)
    return Problem(
        stem=f"{rng.choice(TABLES)} At peak it performs {reads} {mode} reads per second of "
        f"items that are {_n(size)} KB each, and the reads must not be throttled. How many read "
        "capacity units (RCU) must the team provision for the table?",
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
        working=f"One RCU is one strongly consistent read per second of an item up to 4 KB; "
        "an eventually consistent read needs half of that and a transactional read twice. Each "
        f"{_n(size)} KB item needs ⌈{_n(size)} / 4⌉ = {_count(units, 'unit')}, so "
        f"{reads} reads/s × {units} × {_n(factor)} ({mode}) = {answer} RCU",
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
        stem=f"{rng.choice(TABLES)} At peak it makes {writes} {mode} writes per second of "
        f"items that are {_n(size)} KB each, and the writes must not be throttled. How many write "
        "capacity units (WCU) must the team provision for the table?",
        answer=answer,
        mistakes=[
            (math.ceil(size * writes * factor), "not rounding the item size up to 1 KB"),
            (math.ceil(size / 4) * writes * factor, "rounding to 4 KB as for reads"),
            (units * writes * (1 if factor == 2 else 2), "mixing up the transactional factor"),
            (math.ceil(units * writes * factor / 2), "halving as for eventually consistent reads"),
        ],
        working=f"One WCU is one write per second of an item up to 1 KB, and a transactional "
        f"write needs twice that. Each {_n(size)} KB item needs ⌈{_n(size)} / 1⌉ = "
        f"{_count(units, 'unit')}, so {writes} writes/s × {units} × {factor} ({mode}) = "
        f"{answer} WCU",
        unit="WCU",
    )


def lambda_concurrency(rng: random.Random) -> Problem:
    rate = rng.choice([10, 20, 40, 50, 100, 150, 200, 250, 400])
    duration_ms = rng.choice([100, 200, 250, 300, 500, 800, 1000, 1500, 2000, 3000])
    answer = math.ceil(rate * duration_ms / 1000)
    return Problem(
        stem=f"{rng.choice(FUNCTIONS)} It receives {rate} requests per second, and each "
        f"invocation runs for {duration_ms} ms on average. The team must set reserved concurrency "
        "so that no request is throttled at this rate. How many concurrent executions does the "
        "function need?",
        answer=answer,
        mistakes=[
            (rate, "ignoring the duration"),
            (rate * duration_ms, "multiplying by milliseconds instead of seconds"),
            (max(1, math.ceil(rate / (duration_ms / 1000))), "dividing by the duration"),
            (answer * 2, "doubling for retries"),
        ],
        working=f"Concurrency is requests per second × average duration in seconds: "
        f"{rate} requests/s × {duration_ms / 1000:g} s = "
        f"{_fmt(answer, 'concurrent executions')}",
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
        stem=f"A team runs a TCP service behind a Network Load Balancer that spans two "
        f"Availability Zones: AZ A has {_count(small, 'registered target')} and AZ B has {large}. "
        f"Cross-zone load balancing is {state}, and the team must know how evenly the load is "
        "spread before it adds capacity. What share of all traffic does each target in AZ A "
        "receive?",
        answer=round(answer, 2),
        mistakes=[
            (round(other, 2), "using the other cross-zone setting"),
            (round(100 / small, 2), "sending all traffic to AZ A"),
            (round(50 / (small + large), 2), "halving the per-target share twice"),
            (round(50 / large, 2), "using AZ B's target count"),
        ],
        working=(
            f"with cross-zone load balancing enabled, every target in both zones gets an equal "
            f"share: 100% / {small + large} targets = {answer:.2f}% each"
            if enabled
            else f"with cross-zone load balancing disabled, each zone gets 50% of the traffic, "
            f"shared by its own targets: 50% / {_count(small, 'target')} = "
            f"{answer:.2f}% each"
        ),
        unit="%",
    )


KINDS = [
    Kind("rcu", "dynamodb", "1.3", r"\bRCU", 14, rcu, r"RCU\)? (?:represents|=) (?:one|1)"),
    Kind("wcu", "dynamodb", "1.3", r"\bWCU", 12, wcu, r"WCU\)? (?:represents|=) (?:one|1)"),
    Kind(
        "lambda-concurrency",
        "lambda",
        "4.3",
        r"[Cc]oncurrency",
        10,
        lambda_concurrency,
        r"per second\)? x \(.*duration\)",
    ),
    Kind(
        "cross-zone",
        "elb",
        "4.3",
        r"[Cc]ross[- ][Zz]one",
        6,
        cross_zone,
        r"[Cc]ross[- ]zone (?:enabled|disabled) ->",
    ),
]


def generate(evidence: Evidence, kinds: list[Kind] = KINDS) -> list[Draft]:
    drafts = []
    for kind in kinds:
        sources = evidence.find(kind.service, kind.evidence)
        if not sources:
            continue
        rule = evidence.find(kind.service, kind.rule) if kind.rule else []
        if rule:
            sources = rule + [section for section in sources if section not in rule]
        stems: set[str] = set()
        for number in range(kind.count * 10):  # seeds until `count` different problems
            if len(stems) == kind.count:
                break
            key = f"{FAMILY}:{kind.name}:{number}"
            problem = kind.make(random.Random(key))
            cite = evidence.quote(sources[0], kind.rule or kind.evidence) if sources else ""
            draft = None if problem.stem in stems else _draft(key, kind, problem, sources, cite)
            if draft:
                draft.round = 0  # each problem is its own decision
                stems.add(problem.stem)
                drafts.append(draft)
    return drafts


def _draft(key: str, kind: Kind, problem: Problem, sources, cite: str) -> Draft | None:
    answer = _fmt(problem.answer, problem.unit)
    options = [Option(answer, True, problem.working)]
    seen = {answer}
    for value, mistake in problem.mistakes:  # only real mistakes, never invented ones
        text = _fmt(value, problem.unit)
        if text not in seen and value > 0:
            seen.add(text)
            options.append(Option(text, False, f"This comes from {mistake}."))
        if len(options) == 4:
            break
    if len(options) < 4:
        return None
    lines = [f"**{answer}**: {problem.working}.", "", "Why not the others:"]
    lines += [f"- {option.text}: {option.rationale}" for option in options if not option.correct]
    where = f"{sources[0].title}, {sources[0].where}"
    lines += [
        "",
        f"From your notes ({where}): “{cite}”" if cite else f"The rule is in your notes ({where}).",
    ]
    return Draft(
        key=key,
        family=FAMILY,
        stem=problem.stem,
        options=shuffled(options, key),
        explanation="\n".join(lines),
        service=kind.service,
        task=kind.task,
        sections=[section.id for section in sources],
        fact=problem.working,
        model=f"{FAMILY}:{kind.name}",
    )


TABLES = [
    "A mobile game stores player profiles in an Amazon DynamoDB table in provisioned mode.",
    "An order-tracking service keeps shipments in a provisioned Amazon DynamoDB table.",
    "A ticketing application stores seat reservations in a provisioned Amazon DynamoDB table.",
]
FUNCTIONS = [
    "A company's image-resizing API is backed by an AWS Lambda function.",
    "A payment service validates every card transaction in an AWS Lambda function.",
    "An IoT backend processes sensor readings with an AWS Lambda function behind API Gateway.",
]
SINGULAR = {"instances": "instance", "concurrent executions": "concurrent execution"}


def _count(number: int, noun: str) -> str:
    """'1 target', '3 targets'."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _n(value) -> str:
    return f"{value:g}"


def _fmt(value, unit: str) -> str:
    number = f"{value:,.2f}".rstrip("0").rstrip(".") if isinstance(value, float) else f"{value:,}"
    if unit == "%":
        return f"{number}%"
    return f"{number} {SINGULAR.get(unit, unit) if value == 1 else unit}"
