"""Quality gates: what keeps a generated question out of the bank, one short reason each.

The reasons are counted in the generation report, so a gate that rejects too much shows. They
follow ../shared/reference/question-rubric.md: c (a realistic scenario with a requirement),
d (options of one kind and length), e (the key not given away), f (a quote that backs the key),
and the current exam (no retired services).
"""

from __future__ import annotations

import math
import re
from collections import Counter

from quizzes.generator.draft import Draft, normalized

MIN_SCENARIO_WORDS = 25
MAX_LENGTH_RATIO = 2.5
SHORT_OPTION = 15  # characters: shorter options count as this long for the length ratio
NEAR_DUPLICATE = 0.9
SCENARIO_FAMILIES = {"item", "scenario"}

META = re.compile(
    r"\bin a practice question\b|\bthe option\b.{0,80}\bis (?:wrong|incorrect)\b|"
    r"\bwhich (?:two |three )?statements? (?:about|regarding|on)\b|\bwhy is\b.{0,60}\bwrong\b",
    re.I,
)
REQUIREMENT = re.compile(
    r"\b(?:must|needs?|wants?|requires?|required|has to|have to|should|goal|without)\b", re.I
)
RETIRED = re.compile(
    r"\bSWF\b|Simple Workflow|Data Pipeline|multi-?container Docker|"
    r"\b3,?000 RCU|\b1,?000 WCU|\bCodeStar\b|\bCloud9\b|\bOpsWorks\b|Elastic Transcoder",
    re.I,
)
COUNT_NOUNS = (
    "instance|request|item|second|minute|hour|day|read|write|unit|message|partition|shard|"
    "function|record|user|server|table|queue|batch|retry|attempt|deployment|version|task|"
    "container|object|file|key|invocation|environment|node|replica"
)
PLURAL_AFTER_ONE = re.compile(rf"(?<![\d.,])\b(?:1|one) (?:{COUNT_NOUNS})e?s\b", re.I)
SINGULAR_AFTER_MANY = re.compile(
    rf"(?<![.,])\b(?:[2-9]|[1-9]\d+|two|three|four|five|ten) (?:{COUNT_NOUNS})\b(?![-\w])",
    re.I,
)
STOP_WORDS = (
    "the a an and or of to in on for with by from at as is are be that this it its into use "
    "using uses used configure create set add enable store send new each all only when which "
    "their them they your you can will not than then so does do per any one two aws amazon"
)
STOP = frozenset(STOP_WORDS.split())


def draft_gates(draft: Draft) -> list[str]:
    """The gates this question fails on its own (bank-level duplicates are checked apart)."""
    found = []
    text = " ".join([draft.stem, *(option.text for option in draft.options)])
    scenario = draft.family in SCENARIO_FAMILIES
    if META.search(draft.stem):
        found.append("meta stem")
    if scenario and len(draft.stem.split()) < MIN_SCENARIO_WORDS:
        found.append(f"scenario stem under {MIN_SCENARIO_WORDS} words")
    if scenario and not REQUIREMENT.search(draft.stem):
        found.append("scenario stem states no requirement")
    if _mixed_kinds([option.text for option in draft.options]):
        found.append("options of mixed kind")
    if _length_ratio([option.text for option in draft.options]) > MAX_LENGTH_RATIO:
        found.append(f"option length ratio above {MAX_LENGTH_RATIO}")
    if _gives_away(draft):
        found.append("a distinctive word of the key is in the stem and in no distractor")
    if draft.terms and not draft.quote:
        found.append("the notes do not state the deciding fact")
    elif draft.terms and not _quote_backs_key(draft.quote, draft.terms):
        found.append("the quote shares no deciding term with the key")
    if RETIRED.search(text) or RETIRED.search(draft.explanation):
        found.append("retired service or feature")
    if PLURAL_AFTER_ONE.search(text) or SINGULAR_AFTER_MANY.search(text):
        found.append("number agreement")
    return found


def near_duplicates(stems: list[str], threshold: float = NEAR_DUPLICATE) -> dict[int, int]:
    """Index of each stem that repeats an earlier one (exactly, or with word-pair similarity
    at or above the threshold) → the index of the earlier one.

    Prefix filtering keeps this fast: two sets this similar share one of the rarest few
    word pairs of each, so only stems sharing one of those are compared."""
    shingles = [_shingles(stem) for stem in stems]
    frequency = Counter(pair for pairs in shingles for pair in pairs)
    exact: dict[str, int] = {}
    postings: dict[tuple, list[int]] = {}
    repeats = {}
    for index, stem in enumerate(stems):
        first = exact.setdefault(normalized(stem), index)
        if first != index:
            repeats[index] = first
            continue
        pairs = sorted(shingles[index], key=lambda pair: (frequency[pair], pair))
        prefix = pairs[: len(pairs) - math.ceil(threshold * len(pairs)) + 1]
        candidates = sorted({earlier for pair in prefix for earlier in postings.get(pair, ())})
        for earlier in candidates:
            if _jaccard(shingles[index], shingles[earlier]) >= threshold:
                repeats[index] = earlier
                break
        else:
            for pair in prefix:
                postings.setdefault(pair, []).append(index)
    return repeats


def _shingles(text: str) -> frozenset[tuple[str, str]]:
    words = normalized(text).split()
    return frozenset(zip(words, words[1:], strict=False))


def _jaccard(first: frozenset, second: frozenset) -> float:
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


def _kind(text: str) -> str:
    """A sentence (a complete action or statement) or a name (a service, header, code)."""
    return "sentence" if text.rstrip().endswith(".") or len(text.split()) > 8 else "name"


def _mixed_kinds(texts: list[str]) -> bool:
    return len({_kind(text) for text in texts}) > 1


def _length_ratio(texts: list[str]) -> float:
    lengths = [max(len(text), SHORT_OPTION) for text in texts]
    return max(lengths) / min(lengths) if lengths else 1.0


def _words(text: str) -> set[str]:
    """Content words, lightly stemmed, with each pair of neighbours also joined (so "web
    identity" in one text meets "WebIdentity" in another)."""
    tokens = [_stem(word) for word in re.findall(r"[a-z0-9]+", text.lower())]
    tokens = [word for word in tokens if len(word) >= 3 and word not in STOP]
    joined = {a + b for a, b in zip(tokens, tokens[1:], strict=False)}
    return set(tokens) | joined


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _gives_away(draft: Draft) -> bool:
    stem = _words(draft.stem)
    distractors = set().union(*(_words(o.text) for o in draft.options if not o.correct))
    for option in draft.options:
        if option.correct and (_words(option.text) & stem) - distractors:
            return True
    return False


def _quote_backs_key(quote: str, terms: tuple[str, ...]) -> bool:
    return any(re.search(term, quote, re.I) for term in terms)
