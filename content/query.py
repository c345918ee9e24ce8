"""What a search query asks for, read from its words alone (no database): comparisons,
question words and filler, quoted phrases, exclusions.

"502 vs 504", "gsi versus lsi", "difference between SSE-S3 and SSE-KMS" and "standard or fifo?"
are comparisons: both sides are searched, and sections that discuss both rank first. Question
words and filler ("how do I", "what happens when", "which") need not match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_LENGTH = 200  # characters; a longer query is cut at a word boundary, and the page says so
MAX_WORDS = 12  # content words searched (and ranked by how many match)

TOKEN = re.compile(r'-?"[^"]*"?|\S+')
COMPARISON = re.compile(
    r"^\s*(?:what(?:'s| is) the )?differences? between (?P<a>.+?) and (?P<b>.+?)\s*\??\s*$"
    r"|^(?P<c>.+?)\s+(?:vs\.?|versus|compared (?:to|with)|or)\s+(?P<d>.+?)\s*\??\s*$",
    re.I,
)
SIDE_SPLIT = re.compile(r"\s+(?:vs\.?|versus|or)\s+", re.I)
FILLER_WORDS = """a an the and of to in on for with by from at as about into onto is are was
    were be been being do does did done can could should would will shall may might must i me my
    we our you your it its this that these those there here what whats which when where why how
    who whom happens happen happened difference differences between vs versus compared compare
    explain mean means meaning way ways best example need needs get gets use used using work
    works possible please tell show find some any aws amazon know inside whenever actually
    still really also every someone something anything want wants make makes another able
    instead just only like thing things stuff"""
FILLER = frozenset(FILLER_WORDS.split())
# Shorthand learners type for the words notes write out; a query word also finds its long form.
SHORTHAND = {
    "max": "maximum", "min": "minimum", "config": "configuration", "env": "environment",
    "auth": "authentication", "perms": "permissions", "perm": "permission",
    "repo": "repository", "db": "database", "msg": "message", "msgs": "messages",
    "info": "information", "app": "application", "apps": "applications",
    "docs": "documentation", "sec": "seconds", "secs": "seconds", "mins": "minutes",
    "hr": "hour", "hrs": "hours", "prod": "production", "dev": "development",
    "var": "variable", "vars": "variables", "creds": "credentials", "cert": "certificate",
    "certs": "certificates", "dir": "directory", "pkg": "package", "deps": "dependencies",
    "infra": "infrastructure", "async": "asynchronous", "sync": "synchronous",
}  # fmt: skip


@dataclass
class Understood:
    """The parts of a query: one side, or two or more for a comparison."""

    text: str
    sides: list[list[str]] = field(default_factory=list)  # content tokens per side
    excluded: list[str] = field(default_factory=list)  # -word or -"phrase"
    shortened: bool = False

    @property
    def comparison(self) -> bool:
        return len(self.sides) > 1

    @property
    def words(self) -> list[str]:
        """Every content token, each once, in order."""
        return list(dict.fromkeys(token for side in self.sides for token in side))


def understand(text: str) -> Understood:
    """Split a query into its sides, content tokens and exclusions."""
    text = " ".join(text.split())
    shortened = len(text) > MAX_LENGTH
    if shortened:
        text = text[:MAX_LENGTH].rsplit(" ", 1)[0]
    understood = Understood(text=text, shortened=shortened)
    match = COMPARISON.match(text)
    if match and '"' not in text:
        first, second = (match.group("a"), match.group("b")) if match.group("a") else (
            match.group("c"), match.group("d"))  # fmt: skip
        parts = [first, *SIDE_SPLIT.split(second)]
        sides = [_content(_tokens(part), understood) for part in parts]
        sides = [side for side in sides if side]
        if len(sides) > 1:
            understood.sides = sides
            return _capped(understood)
    side = _content(_tokens(text), understood)
    understood.sides = [side] if side else []
    return _capped(understood)


def _tokens(text: str) -> list[str]:
    return TOKEN.findall(text.strip().rstrip("?").strip())


def _content(tokens: list[str], understood: Understood) -> list[str]:
    """Content tokens; exclusions go to the query's list. Filler is dropped unless nothing
    else is left (a query of only "what is" still searches something)."""
    kept = []
    for token in tokens:
        if token.startswith("-") and len(token) > 1 and token[1] != "-":  # not "--max-items"
            understood.excluded.append(token[1:].strip('"'))
            continue
        token = token.strip(",;:!?()")
        if token and token.lower() != "or":
            kept.append(token)
    content = [token for token in kept if token.lower().strip("'\"") not in FILLER]
    content = content or [token for token in kept if token.lower() not in {"vs", "versus"}]
    return _first_of_each(content)


def _first_of_each(tokens: list[str]) -> list[str]:
    """Each token once (ignoring case), as first written: "timeout timeout" is one word."""
    seen: set[str] = set()
    unique = []
    for token in tokens:
        if token.lower() not in seen:
            seen.add(token.lower())
            unique.append(token)
    return unique


def _capped(understood: Understood) -> Understood:
    count = 0
    for side in understood.sides:
        del side[max(0, MAX_WORDS - count) :]
        count += len(side)
    understood.sides = [side for side in understood.sides if side]
    return understood
