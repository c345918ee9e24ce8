"""Family 1: confusable sets → scenario questions and "Choose TWO" statements."""

from __future__ import annotations

import itertools
import random

from quizzes.generator.confusables_data import GROUPS, Group
from quizzes.generator.draft import Draft, Option, shuffled
from quizzes.generator.evidence import Evidence
from quizzes.validation import choose_phrase

FAMILY = "confusable"
MULTIPLE_PER_GROUP = 3


def generate(evidence: Evidence, groups: list[Group] = GROUPS) -> list[Draft]:
    drafts = []
    for group in groups:
        sources = evidence.find(group.service, group.evidence)
        if not sources:
            continue  # the notes do not cover this set
        quote = evidence.quote(sources[0], group.evidence)
        cite = f"\n\nFrom your notes ({sources[0].where}): “{quote}”" if quote else ""
        for index, member in enumerate(group.members):
            drafts.append(_single(group, index, member, sources, cite))
        drafts.extend(_multiples(group, sources, cite))
    return drafts


def _single(group: Group, index: int, member, sources, cite: str) -> Draft:
    name, situation, fact = member
    key = f"{FAMILY}:{group.key}:{_slug(name)}"
    others = [other for other in group.members if other[0] != name]
    rng = random.Random(key)
    wrong = rng.sample(others, min(3, len(others)))
    extras = list(group.extras)[: 3 - len(wrong)]
    options = [Option(name, True, f"{name} {fact}.")]
    options += [Option(other[0], False, f"{other[0]} {other[2]}.") for other in wrong]
    options += [
        Option(extra, False, "Not one of the options that solve this situation.")
        for extra in extras
    ]
    explanation = f"**{name}** {fact}." + "".join(f" {other[0]} {other[2]}." for other in wrong)
    return Draft(
        key=key,
        family=FAMILY,
        stem=f"{situation} {group.ask}",
        options=shuffled(options, key),
        explanation=explanation + cite,
        service=group.service,
        task=group.task,
        sections=[section.id for section in sources],
        fact=f"{name} {fact}",
    )


def _multiples(group: Group, sources, cite: str) -> list[Draft]:
    """Two true statements and three with the facts swapped between members."""
    members = group.members
    if len(members) < 3:
        return []
    drafts = []
    pairs = list(itertools.combinations(range(len(members)), 2))
    random.Random(group.key).shuffle(pairs)
    for first, second in pairs[:MULTIPLE_PER_GROUP]:
        key = f"{FAMILY}:{group.key}:pick2:{first}-{second}"
        rng = random.Random(key)
        true = [members[first], members[second]]
        swaps = [
            (members[a][0], members[b][2])
            for a, b in itertools.permutations(range(len(members)), 2)
            if members[a][2] != members[b][2]
        ]
        rng.shuffle(swaps)
        false = []
        for name, fact in swaps:
            if len(false) == 3:
                break
            # Each false statement names another member and borrows another fact.
            if all(name != other and fact != used for other, used in false):
                false.append((name, fact))
        if len(false) < 3:
            continue
        options = [Option(f"{name} {fact}.", True, "True.") for name, _, fact in true]
        options += [
            Option(f"{name} {fact}.", False, f"False: that describes another option, not {name}.")
            for name, fact in false
        ]
        explanation = " ".join(f"**{name}** {fact}." for name, _, fact in members) + cite
        drafts.append(
            Draft(
                key=key,
                family=FAMILY,
                stem=f"Which TWO statements about {group.title} are correct? {choose_phrase(2)}",
                options=shuffled(options, key),
                explanation=explanation,
                service=group.service,
                task=group.task,
                sections=[section.id for section in sources],
                choose=2,
                difficulty=3,
                fact=" ".join(f"{name} {fact}" for name, _, fact in true),
            )
        )
    return drafts


def _slug(text: str) -> str:
    return "".join(char.lower() if char.isalnum() else "-" for char in text).strip("-")[:60]
