"""Rules every question's choices obey, wherever the question comes from (admin, import,
generator)."""

import re

MIN_SINGLE_OPTIONS = 3
MIN_MULTIPLE_OPTIONS = 5


def choice_problems(kind: str, choose: int, choices: list[tuple[str, bool]]) -> list[str]:
    """What is wrong with a question's choices: (text, is_correct) pairs."""
    problems = []
    texts = [text.strip() for text, _ in choices if text.strip()]
    correct = sum(1 for text, is_correct in choices if is_correct and text.strip())
    keys = [re.sub(r"\W+", " ", text.lower()).strip() for text in texts]
    if len(set(keys)) != len(keys):
        problems.append("two options say the same thing")
    if kind == "single":
        if choose != 1:
            problems.append("a single-answer question picks exactly one option")
        if correct != 1:
            problems.append(
                f"a single-answer question needs exactly one correct option, not {correct}"
            )
        if len(texts) < MIN_SINGLE_OPTIONS:
            problems.append(f"a single-answer question needs at least {MIN_SINGLE_OPTIONS} options")
    elif kind == "multiple":
        if choose < 2:
            problems.append("a multiple-response question asks for at least two answers")
        if correct != choose:
            problems.append(
                f"the question asks for {choose} answers but {correct} options are marked correct"
            )
        if len(texts) < MIN_MULTIPLE_OPTIONS:
            problems.append(
                f"a multiple-response question needs at least {MIN_MULTIPLE_OPTIONS} options"
            )
    else:
        problems.append(f"unknown question type {kind!r}")
    return problems


NUMBER_WORDS = {2: "TWO", 3: "THREE", 4: "FOUR"}


def choose_phrase(choose: int) -> str:
    """'(Choose TWO.)' as the exam writes it."""
    return f"(Choose {NUMBER_WORDS.get(choose, str(choose))}.)"


def stem_signature(stem: str) -> str:
    """Stems that read the same have the same signature: case, punctuation and spacing aside.
    An attempt never holds two questions with the same signature."""
    return re.sub(r"[\W_]+", " ", stem.lower()).strip()
