"""Item models: one realistic scenario template per decision the exam tests.

The models are data, in `quizzes/item_models/*.toml` (one file per task statement or two).
This module reads them, checks their shape and names every problem with its file and model,
and expands a model into variants: every (context, case) pair is one question. The README's
"Item models" section describes the format; `python -m quizzes.generator.check_items` checks
the files without a database.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

FOLDER = Path(__file__).resolve().parent.parent / "item_models"
TASKS = {"1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "4.3"}
DEFAULT_ASK = "Which solution meets these requirements?"
ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class ItemModelError(ValueError):
    """An item model file that cannot be used, with where and what is wrong."""


@dataclass(frozen=True)
class ModelOption:
    name: str  # its id in the model
    text: str  # the option as learners read it: a complete solution
    fact: str  # why it is right or wrong in general (the default rationale)
    terms: tuple[str, ...]  # deciding terms: patterns the notes must contain for it to be a key


@dataclass(frozen=True)
class Case:
    """One row of the decision table: a situation and a constraint decide the key(s)."""

    number: int
    situation: str
    constraint: str
    keys: tuple[str, ...]
    because: str  # why the key meets both the need and the constraint
    why: dict[str, str]  # per distractor: why it fails here
    distractors: tuple[str, ...]  # which to offer; empty: those `why` explains
    ask: str
    service: str = ""  # when the key is another service's feature than the model's


@dataclass(frozen=True)
class ItemModel:
    id: str
    task: str
    service: str  # content.Service slug
    title: str
    contexts: tuple[str, ...]
    options: dict[str, ModelOption]
    cases: tuple[Case, ...]
    where: str  # file name, for messages
    difficulty: int = 2


@dataclass(frozen=True)
class Variant:
    """One question a model yields: a context and a case."""

    model: ItemModel
    case: Case
    context_number: int
    round: int = 0  # how many contexts this case had before this one

    @property
    def key(self) -> str:
        return f"item:{self.model.id}:{self.case.number}:{self.context_number}"

    @property
    def decision(self) -> str:
        """Same model, same right answer: one attempt holds at most one of these."""
        return f"{self.model.id}:{'+'.join(sorted(self.case.keys))}"

    @property
    def context(self) -> str:
        return self.model.contexts[self.context_number]


def item_models_load(folder: Path | None = None) -> list[ItemModel]:
    """Every model in the folder's .toml files (quizzes/item_models/ by default), in file
    order; raise ItemModelError naming each problem (all of them, not only the first)."""
    folder = FOLDER if folder is None else folder
    models, errors, seen = [], [], {}
    for path in sorted(folder.glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            errors.append(f"{path.name}: not valid TOML: {error}")
            continue
        for index, raw in enumerate(data.get("model", []), start=1):
            where = f"{path.name}, model {raw.get('id') or f'#{index}'}"
            try:
                model = _model(raw, path.name)
            except ItemModelError as error:
                errors.append(f"{where}: {error}")
                continue
            if model.id in seen:
                errors.append(f"{where}: the id is also used in {seen[model.id]}")
                continue
            seen[model.id] = path.name
            models.append(model)
    if errors:
        raise ItemModelError("\n".join(errors))
    return models


def variants(model: ItemModel) -> list[Variant]:
    """Every (context, case) pair, cases first: taking the first n covers the most decisions
    before repeating one in another context. Combination ("Choose TWO") cases lead each round,
    so that a bank that takes few variants of a model still has multiple-response items."""
    cases = sorted(model.cases, key=lambda case: len(case.keys) == 1)
    return [
        Variant(model, case, (case.number + turn) % len(model.contexts), turn)
        for turn in range(len(model.contexts))
        for case in cases
    ]


def _model(raw: dict, where: str) -> ItemModel:
    problems = []
    for name in ["id", "task", "service", "title", "contexts", "options", "cases"]:
        if not raw.get(name):
            problems.append(f"'{name}' is missing")
    if problems:
        raise ItemModelError("; ".join(problems))
    if not ID.fullmatch(raw["id"]):
        problems.append(f"id {raw['id']!r} is not lower-case-with-hyphens")
    if raw["task"] not in TASKS:
        problems.append(f"task {raw['task']!r} is not a task statement (1.1 … 4.3)")
    contexts = tuple(_text(text) for text in raw["contexts"])
    if len(contexts) < 2:
        problems.append("give at least 2 contexts")
    options = {}
    for name, option in raw["options"].items():
        missing = [part for part in ("text", "fact") if not option.get(part)]
        if missing:
            problems.append(f"option {name}: {' and '.join(missing)} missing")
            continue
        terms = tuple(option.get("terms", ()))
        for term in terms:
            try:
                re.compile(term)
            except re.error as error:
                problems.append(f"option {name}: term {term!r} is not a pattern: {error}")
        options[name] = ModelOption(name, _text(option["text"]), _text(option["fact"]), terms)
    cases = []
    for number, case in enumerate(raw["cases"]):
        if case.get("retired"):
            continue  # kept in the file so that the later cases keep their numbers
        found, built = _case(number, case, options, raw.get("ask", DEFAULT_ASK))
        problems += [f"case {number + 1}: {problem}" for problem in found]
        if built:
            cases.append(built)
    if problems:
        raise ItemModelError("; ".join(problems))
    return ItemModel(
        id=raw["id"],
        task=raw["task"],
        service=raw["service"],
        title=_text(raw["title"]),
        contexts=contexts,
        options=options,
        cases=tuple(cases),
        where=where,
        difficulty=int(raw.get("difficulty", 2)),
    )


def _case(number: int, raw: dict, options: dict, ask: str) -> tuple[list[str], Case | None]:
    problems = []
    keys = raw.get("keys") or ([raw["key"]] if raw.get("key") else [])
    if not keys:
        problems.append("give 'key' (or 'keys' for a combination of steps)")
    if not raw.get("situation"):
        problems.append("'situation' is missing")
    if not raw.get("because"):
        problems.append("'because' is missing: say why the key meets the need and constraint")
    why = raw.get("why", {})
    distractors = tuple(raw.get("distractors", ()))
    for name in [*keys, *why, *distractors]:
        if name not in options:
            problems.append(f"{name!r} is not one of the model's options")
    if set(keys) & set(distractors):
        problems.append("a key is also listed as a distractor")
    for name in keys:
        if name in options and not options[name].terms:
            problems.append(f"key {name!r} has no 'terms' the notes must state")
    pool = distractors or tuple(why)
    if len(pool) < 3:
        problems.append(
            f"only {len(pool)} distractor(s): give `why` for at least 3 options that are "
            "near-misses for this case (a question offers only distractors its case explains)"
        )
    for name in distractors:
        if name not in why and name in options:
            problems.append(f"distractor {name!r} has no `why` for this case")
    if problems:
        return problems, None
    return [], Case(
        number=number,
        situation=_text(raw["situation"]),
        constraint=_text(raw.get("constraint", "")),
        keys=tuple(keys),
        because=_text(raw["because"]),
        why={name: _text(text) for name, text in why.items()},
        distractors=distractors,
        ask=_text(raw.get("ask", ask)),
        service=raw.get("service", ""),
    )


def _text(value) -> str:
    return " ".join(str(value).split())
