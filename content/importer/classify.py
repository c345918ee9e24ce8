"""Which service is a section about? Decided from its title and text, not its heading alone.

Evidence, strongest first: a short title that names a service; names, aliases and
acronyms in the text; distinctive keywords. The heading a section sat under is only a
prior, so an SQS paragraph under an "Elastic Beanstalk" heading still lands on SQS.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

NAME_WEIGHT = 3
KEYWORD_WEIGHT = 1
SHORT_TITLE_WEIGHT = 6  # per name in a label-like title ("Amazon SQS", "DAX")
CONTEXT_PRIOR = 8  # the heading above names exactly this service
SHARED_CONTEXT_PRIOR = 4  # the heading above names several services
CONTINUITY_PRIOR = 2  # the previous section's service
LOST_HEADING_PRIOR = 5  # ... when the heading between them was lost
MIN_EVIDENCE = 3

STOPWORDS = {
    "a", "an", "and", "are", "as", "at", "by", "do", "does", "for", "from", "how", "in", "is",
    "it", "of", "on", "or", "the", "to", "using", "versus", "vs", "what", "when", "why",
    "with", "amazon", "aws", "&", "-", "–", "—", "/",
}  # fmt: skip
TODO_TITLE = re.compile(r"^(?:to-?\s?do(?: list)?|todos?|tasks)$", re.I)


@dataclass(frozen=True)
class ServiceInfo:
    slug: str
    name: str
    short_name: str
    names: tuple[str, ...]  # name and aliases
    keywords: tuple[str, ...]


class ServiceMatcher:
    """Finds mentions of catalog services in text, longest names first."""

    def __init__(self, services: list[ServiceInfo]):
        self.services = {service.slug: service for service in services}
        self._terms: dict[str, tuple[str, int]] = {}  # normalized term -> (slug, weight)
        patterns: list[tuple[str, str]] = []
        for service in services:
            for weight, terms in ((NAME_WEIGHT, service.names), (KEYWORD_WEIGHT, service.keywords)):
                for term in terms:
                    key = _term_key(term)
                    if not term.strip() or key in self._terms:
                        continue
                    self._terms[key] = (service.slug, weight)
                    escaped = re.escape(term).replace(r"\ ", r"\s+")
                    patterns.append((term, escaped if _is_acronym(term) else f"(?i:{escaped})"))
        patterns.sort(key=lambda item: len(item[0]), reverse=True)
        prefilter = _prefilter([term for term, _ in patterns])
        alternation = _alternation(patterns)
        self._regex = re.compile(rf"(?<![\w@/-]){prefilter}(?:{alternation})(?![\w@])")

    @classmethod
    def from_services(cls, services) -> ServiceMatcher:
        """Build from Service rows or catalog entries (anything with slug, name, short_name,
        aliases and keywords, as attributes or keys)."""

        def get(service, name):
            return service[name] if isinstance(service, dict) else getattr(service, name)

        return cls(
            [
                ServiceInfo(
                    slug=get(service, "slug"),
                    name=get(service, "name"),
                    short_name=get(service, "short_name"),
                    names=(get(service, "name"), *get(service, "aliases")),
                    keywords=tuple(get(service, "keywords")),
                )
                for service in services
            ]
        )

    def mentions(self, text: str, *, names_only: bool = False) -> Counter:
        """Weighted mention counts per service slug."""
        counts: Counter = Counter()
        for match in self._regex.finditer(text or ""):
            slug, weight = self._lookup(match.group(0))
            if names_only and weight != NAME_WEIGHT:
                continue
            counts[slug] += weight
        return counts

    def name_spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, slug) of every service name, alias or acronym in the text."""
        spans = []
        for match in self._regex.finditer(text or ""):
            slug, weight = self._lookup(match.group(0))
            if weight == NAME_WEIGHT:
                spans.append((match.start(), match.end(), slug))
        return spans

    def _lookup(self, matched: str) -> tuple[str, int]:
        key = re.sub(r"\s+", " ", matched)
        return self._terms.get(key) or self._terms[key.lower()]

    def services_named(self, text: str | None) -> list[str]:
        """Services a heading or title names (by name, alias or acronym), most named first."""
        return [slug for slug, _ in self.mentions(text or "", names_only=True).most_common()]

    def strip_names(self, text: str, slug: str) -> str:
        """The text without the names of the given service (for topic keys)."""
        service = self.services[slug]

        def keep(match: re.Match) -> str:
            found = self._lookup(match.group(0))
            return " " if found and found[0] == slug and found[1] == NAME_WEIGHT else match.group(0)

        text = self._regex.sub(keep, text)
        return text.replace(service.short_name, " ")


def _alternation(patterns: list[tuple[str, str]], index: int = 0) -> str:
    """The alternation of (term, regex) `patterns`, grouped by the terms' first two characters.

    Tried as one flat list, the ~800 names cost ~800 failed attempts at every word start and
    every punctuation mark (7 µs a character on a run of `*` or of blanks). Grouped, each
    group behind a lookahead for its character, a position tries only the names that can
    start there. Characters that match each other in any case share a group, so at most one
    group fits a position, and each group keeps the list's order: the longest name still wins.
    """
    if index == 2 or len(patterns) < 8 or any(term[:index].isspace() for term, _ in patterns):
        return "|".join(pattern for _, pattern in patterns)  # (after a blank, `\s+`: no index)
    groups: list[tuple[str, list[tuple[str, str]]]] = []  # (character at index, patterns)
    shorter = []  # names without a character there: the shortest, so tried last
    for term, pattern in patterns:
        if len(term) <= index:
            shorter.append(pattern)
            continue
        for character, members in groups:
            if _same_character(character, term[index]):
                members.append((term, pattern))
                break
        else:
            groups.append((term[index], [(term, pattern)]))
    skip = "." * index
    return "|".join(
        [
            f"(?={skip}{_character(character)})(?:{_alternation(members, index + 1)})"
            for character, members in groups
        ]
        + shorter
    )


def _prefilter(terms: list[str]) -> str:
    """A lookahead for the names' first two characters: most positions fail it at once."""
    if not terms:
        return "(?!)"
    firsts = "".join(sorted({_character(term[0], in_class=True) for term in terms}))
    if any(len(term) < 2 or term[0].isspace() for term in terms):
        return f"(?=(?i:[{firsts}]))"
    seconds = "".join(sorted({_character(term[1], in_class=True) for term in terms}))
    return f"(?=(?i:[{firsts}])(?i:[{seconds}]))"


def _character(character: str, *, in_class: bool = False) -> str:
    """A name's character as a regex that matches it in any case (a blank: any blank)."""
    if character.isspace():
        return r"\s"
    return re.escape(character) if in_class else f"(?i:{re.escape(character)})"


def _same_character(first: str, other: str) -> bool:
    """Whether the two characters match each other case-insensitively (blanks all match:
    a name's blanks match any run of blanks)."""
    if first.isspace() or other.isspace():
        return first.isspace() and other.isspace()
    return bool(
        re.fullmatch(f"(?i:{re.escape(first)})", other)
        or re.fullmatch(f"(?i:{re.escape(other)})", first)
    )


def _term_key(term: str) -> str:
    key = re.sub(r"\s+", " ", term.strip())
    return key if _is_acronym(key) else key.lower()


def _is_acronym(term: str) -> bool:
    letters = [char for char in term if char.isalpha()]
    return bool(letters) and len(term) <= 6 and all(char.isupper() for char in letters)


def classify(
    *,
    matcher: ServiceMatcher,
    title: str,
    body: str,
    context_title: str | None,
    previous: str | None,
    fallback: str,
    strong_context: bool = False,
    follows_previous: bool = False,
) -> str:
    """Return the slug of the service a section is about."""
    scores: Counter = Counter()
    title_mentions = matcher.mentions(title)
    label_like = len(title.split()) <= 6
    for slug, weight in title_mentions.items():
        scores[slug] += weight * (SHORT_TITLE_WEIGHT if label_like else 2)
    scores.update(matcher.mentions(body))
    lead = body.lstrip().split("\n", 1)[0]
    scores.update(matcher.mentions(lead))  # a paragraph's subject usually comes first
    # Priors from where the section sat; for one service they do not add up.
    priors: Counter = Counter()
    context = [slug for slug, _ in matcher.mentions(context_title or "").most_common()]
    prior = CONTEXT_PRIOR if len(context) == 1 else SHARED_CONTEXT_PRIOR
    if strong_context:
        prior *= 2
    for slug in context[:3]:
        priors[slug] = prior
    if previous:
        continuity = LOST_HEADING_PRIOR if follows_previous else CONTINUITY_PRIOR
        priors[previous] = max(priors[previous], continuity)
    scores.update(priors)
    if not scores:
        return fallback
    slug, score = scores.most_common(1)[0]
    if score < MIN_EVIDENCE:
        return previous or fallback
    return slug


def topic_key(matcher: ServiceMatcher, title: str, slug: str) -> str:
    """A subject key that merges "LSI vs GSI" with "GSI vs LSI" within one service."""
    text = matcher.strip_names(title, slug).lower()
    tokens = []
    for token in re.findall(r"[a-z0-9@$][a-z0-9@$.+-]*", text):
        token = token.strip(".-")
        if not token or token in STOPWORDS:
            continue
        if len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
            token = token[:-1]
        tokens.append(token)
    return " ".join(sorted(set(tokens)))[:255]


def is_todo(title: str) -> bool:
    """A personal to-do list is not reference material."""
    return bool(TODO_TITLE.match(title.strip()))
