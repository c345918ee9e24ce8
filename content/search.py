"""Full-text search over note sections, with acronyms, typo tolerance and service jumps.

The search vector is stored per section (service names and aliases and the section title
weigh A, the topic B, the text C) and filled at import time; queries use PostgreSQL's
`websearch` syntax ("quoted phrases", -exclusions, or).
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection, transaction
from django.db.models import F

from content.importer.catalog import GLOSSARY
from content.models import Section, Service, Source, Term

CONFIG = "english"
PAGE_SIZE = 20
FEW_RESULTS = 3
MAX_EDITS = 2
# Private-use markers around highlighted words: the snippet is escaped, then they become <mark>.
MARK_START, MARK_END = "\ue000", "\ue001"
TOKEN = re.compile(r'-?"[^"]*"?|\S+')
ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,5}s?$")
WORD = re.compile(r"[A-Za-z][A-Za-z0-9]{3,}")
FILLER = {"amazon", "aws", "and", "of", "for", "the", "to", "in", "with"}
# Tried once per run of [\w-] characters, at its first capital that starts a word: a try at a
# later one ("A-B-C-…") would end where that one did, and scanned to the end of the run.
DEFINITION_LONG_FIRST = re.compile(
    r"(?<![\w-])(?>[\w-]*?\b(?=[A-Z]))([A-Z][\w-]*+(?:\s+[\w-]+){1,6}?)\s*\(([A-Z][A-Z0-9]{1,5})s?\)"
)
DEFINITION_ACRONYM_FIRST = re.compile(r"\b([A-Z][A-Z0-9]{1,5})\s*\(([A-Za-z][\w -]{3,80}?)\)")

INDEX_SQL = f"""
UPDATE content_section AS section SET search_vector =
    setweight(to_tsvector('{CONFIG}', concat_ws(' ', service.name, service.short_name,
        array_to_string(service.aliases, ' '), section.title)), 'A')
    || setweight(to_tsvector('{CONFIG}', topic.title), 'B')
    || setweight(to_tsvector('{CONFIG}', section.text), 'C')
FROM content_service AS service, content_topic AS topic
WHERE service.id = section.service_id AND topic.id = section.topic_id AND section.source_id = %s
"""


def sections_index(*, source: Source) -> None:
    """Fill the stored search vector of a source's sections."""
    with connection.cursor() as cursor:
        cursor.execute(INDEX_SQL, [source.pk])


@transaction.atomic
def terms_rebuild() -> int:
    """Rebuild the search vocabulary from the services and every imported section."""
    acronyms: dict[str, str] = {}
    counts: Counter = Counter()
    for service in Service.objects.all():
        names = [service.name, service.short_name, *service.aliases]
        phrases = names + list(service.keywords)
        for name in phrases:
            counts.update(word.lower() for word in WORD.findall(name))
            if not ACRONYM.match(name):
                continue
            # A service's own acronym falls back to its name; a keyword's needs its initials.
            expansion = _expansion(name, phrases) or (name in names and _plain_name(service))
            if expansion and expansion.lower() != name.lower():
                acronyms.setdefault(name.rstrip("s"), expansion)
    for acronym, expansion in GLOSSARY.items():
        acronyms.setdefault(acronym, expansion)
    for title, text in Section.objects.values_list("title", "text").iterator():
        counts.update(word.lower() for word in WORD.findall(title))
        counts.update(word.lower() for word in WORD.findall(text))
        for acronym, expansion in definitions(f"{title}\n{text}"):
            acronyms.setdefault(acronym, expansion)
    Term.objects.all().delete()
    terms = {
        word: Term(term=word, frequency=count)
        for word, count in counts.items()
        if count >= 2 and len(word) <= 120
    }
    for acronym, expansion in acronyms.items():
        terms[acronym] = Term(term=acronym, expansion=expansion[:200], frequency=1)
    Term.objects.bulk_create(terms.values(), batch_size=2000)
    return len(terms)


def definitions(text: str) -> list[tuple[str, str]]:
    """Acronyms defined in text: "Global Secondary Index (GSI)", "SAR (AWS Serverless
    Application Repository)". The words' initials must spell the acronym."""
    found = []
    for match in DEFINITION_LONG_FIRST.finditer(text):
        words, acronym = match.group(1).split(), match.group(2)
        expansion = _initials_window(words[-len(acronym) :], acronym)
        if expansion:
            found.append((acronym, re.sub(r"^(?:Amazon|AWS)\s+", "", expansion)))
    for match in DEFINITION_ACRONYM_FIRST.finditer(text):
        acronym, words = match.group(1), match.group(2).split()
        for start in range(len(words) - len(acronym), -1, -1):
            expansion = _initials_window(words[start : start + len(acronym)], acronym)
            if expansion:
                found.append((acronym, expansion))
                break
    return found


def _initials_window(words: list[str], acronym: str) -> str | None:
    initials = "".join(word[0] for word in words if word).upper()
    return " ".join(words) if initials == acronym.upper() and len(words) > 1 else None


def _expansion(acronym: str, phrases: list[str]) -> str | None:
    """The catalog phrase an acronym stands for ("ALB" → "Application Load Balancer")."""
    acronym = acronym.rstrip("s")
    for phrase in phrases:
        words = [w for w in re.split(r"[\s-]+", phrase) if w and w.lower() not in FILLER]
        if len(words) == len(acronym) and "".join(w[0] for w in words).upper() == acronym:
            return re.sub(r"^(?:Amazon|AWS)\s+", "", phrase)
    return None


def _plain_name(service: Service) -> str:
    """ "Amazon DynamoDB Accelerator (DAX)" → "DynamoDB Accelerator"."""
    return re.sub(r"^(?:Amazon|AWS)\s+|\s*\(.*\)$", "", service.name)


@dataclass
class ParsedQuery:
    text: str
    query: SearchQuery | None
    expanded: dict[str, str] = field(default_factory=dict)  # acronym -> what it stands for


def parse_query(text: str) -> ParsedQuery:
    """websearch syntax, plus acronyms (outside quotes) expanded to what they stand for."""
    tokens = TOKEN.findall(text.strip())
    candidates = [token.rstrip("s") for token in tokens if ACRONYM.match(token)]
    expansions = dict(
        Term.objects.filter(term__in=candidates)
        .exclude(expansion="")
        .values_list("term", "expansion")
    )
    rest, parts, expanded = [], [], {}
    for token in tokens:
        key = token.rstrip("s") if ACRONYM.match(token) else None
        if key in expansions:
            expanded[token] = expansions[key]
            parts.append(
                SearchQuery(token, search_type="plain", config=CONFIG)
                | SearchQuery(expansions[key], search_type="phrase", config=CONFIG)
            )
        else:
            rest.append(token)
    query = SearchQuery(" ".join(rest), search_type="websearch", config=CONFIG) if rest else None
    for part in parts:
        query = part if query is None else query & part
    return ParsedQuery(text=text, query=query, expanded=expanded)


@dataclass
class SearchResults:
    query: str
    results: list[Section]
    total: int
    page: int
    jump: Service | None = None
    suggestion: str | None = None  # "did you mean"
    corrected_from: str | None = None  # results shown are for `query`, not this
    expanded: dict[str, str] = field(default_factory=dict)

    @property
    def first_number(self) -> int:
        return (self.page - 1) * PAGE_SIZE + 1

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PAGE_SIZE))


def search(
    text: str, *, service: str | None = None, domain: int | None = None, page: int = 1
) -> SearchResults:
    """Search sections; falls back to a typo-corrected query when nothing matches."""
    text = " ".join(text.split())[:200]
    if not text:
        return SearchResults(query="", results=[], total=0, page=1)
    results = _run(text, service=service, domain=domain, page=page)
    results.jump = service_named(text)
    if results.total < FEW_RESULTS:
        suggestion = suggest(text)
        if suggestion:
            if results.total == 0:
                corrected = _run(suggestion, service=service, domain=domain, page=page)
                if corrected.total:
                    corrected.corrected_from = text
                    corrected.jump = results.jump
                    return corrected
            results.suggestion = suggestion
    return results


def _run(text: str, *, service, domain, page) -> SearchResults:
    parsed = parse_query(text)
    if parsed.query is None:
        return SearchResults(query=text, results=[], total=0, page=1)
    matches = Section.objects.filter(search_vector=parsed.query)
    if service:
        matches = matches.filter(service__slug=service)
    if domain:
        matches = matches.filter(service__domains__contains=[domain])
    total = matches.count()
    page = min(max(page, 1), max(1, -(-total // PAGE_SIZE)))
    ranked = matches.annotate(rank=SearchRank(F("search_vector"), parsed.query)).order_by(
        "-rank", "service__name", "line_start"
    )
    ids = list(ranked.values_list("id", flat=True)[(page - 1) * PAGE_SIZE : page * PAGE_SIZE])
    rows = (
        Section.objects.filter(id__in=ids)
        .select_related("service", "topic", "source")
        .annotate(
            headline=SearchHeadline(
                "text",
                parsed.query,
                config=CONFIG,
                start_sel=MARK_START,
                stop_sel=MARK_END,
                max_words=40,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
            )
        )
    )
    by_id = {row.id: row for row in rows}
    results = [by_id[pk] for pk in ids]
    for row in results:
        row.snippet = highlight_markers(row.headline)
    return SearchResults(
        query=text, results=results, total=total, page=page, expanded=parsed.expanded
    )


def highlight_markers(headline: str) -> str:
    """Escape a headline, then turn the highlight markers into <mark> elements."""
    escaped = html.escape(headline)
    return escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")


def service_named(text: str) -> Service | None:
    """The service whose name, short name or alias is exactly the query."""
    wanted = text.strip().lower()
    for service in Service.objects.only("slug", "name", "short_name", "aliases"):
        names = [service.name, service.short_name, *service.aliases]
        if any(name.lower() == wanted for name in names):
            return service if service.sections.exists() else None
    return None


def suggest(text: str) -> str | None:
    """The query with misspelled words replaced by the closest vocabulary terms."""
    words = text.split()
    cleaned = {index: word.strip('"-').lower() for index, word in enumerate(words)}
    checkable = {i: w for i, w in cleaned.items() if len(w) >= 4 and w.isalpha()}
    known = set(Term.objects.filter(term__in=checkable.values()).values_list("term", flat=True))
    changed = False
    for index, clean in checkable.items():
        if clean in known:
            continue
        best = _closest_term(clean)
        if best:
            words[index] = words[index].lower().replace(clean, best)
            changed = True
    return " ".join(words) if changed else None


def _closest_term(word: str) -> str | None:
    """Trigram neighbours (indexed), or words within two edits of the same length range."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT term FROM content_term
            WHERE expansion = '' AND (
                term %% %(word)s
                OR (length(term) BETWEEN length(%(word)s) - 2 AND length(%(word)s) + 2
                    AND levenshtein_less_equal(term, %(word)s, %(edits)s) <= %(edits)s))
            ORDER BY levenshtein_less_equal(term, %(word)s, 3), similarity(term, %(word)s) DESC,
                frequency DESC
            LIMIT 1
            """,
            {"word": word, "edits": MAX_EDITS},
        )
        row = cursor.fetchone()
    return row[0] if row else None
