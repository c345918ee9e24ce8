"""Full-text search over note sections, with acronyms, typo tolerance and service jumps.

The search vector is stored per section (service names and aliases and the section title
weigh A, the topic B, the text C) and filled at import time; queries use PostgreSQL's
`websearch` syntax ("quoted phrases", -exclusions, or).
"""

from __future__ import annotations

import hashlib
import html
import math
import operator
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache, reduce

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Case, F, Q, Value, When
from django.db.models.lookups import GreaterThan

from content.importer.catalog import GLOSSARY
from content.importer.classify import ServiceMatcher
from content.models import Lexeme, Section, Service, Source, Term
from content.query import MAX_LENGTH, SHORTHAND, Understood, understand

CONFIG = "english"
PAGE_SIZE = 20
FEW_RESULTS = 3
MAX_EDITS = 2
# Private-use markers around highlighted words: the snippet is escaped, then they become <mark>.
MARK_START, MARK_END = "\ue000", "\ue001"
TOKEN = re.compile(r'-?"[^"]*"?|\S+')
ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,5}s?$")
WORD = re.compile(r"[A-Za-z][A-Za-z0-9]{3,}")
PART = re.compile(r"[a-z0-9]+")
COMPOUND = re.compile(r"\b[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+\b")
MAX_CORRECTED_WORDS = 3  # typo correction looks up at most this many unknown words …
MAX_CHECKED_WORDS = 12  # … among the first this many words
CANDIDATE_UNITS = 4  # a partial match has one of the query's this many rarest words
COUNT_CAP = 300  # matching sections counted per word (for its weight) up to this many
TITLE_BOOST = 0.5  # see _score
RANK_BOOST = 3.0
TITLE_ONLY = [0.0, 0.0, 0.0, 1.0]  # rank weights D, C, B, A: the section title alone
PARTIAL_ROWS = 500  # sections considered when no section has every word
RANKED_ROWS = 100  # of those, fully scored (see _run)
CACHE_SECONDS = 3600  # results of a query are remembered (until the notes change)
FILLER = {"amazon", "aws", "and", "of", "for", "the", "to", "in", "with"}
# Tried once per run of [\w-] characters, at its first capital that starts a word: a try at a
# later one ("A-B-C-…") would end where that one did, and scanned to the end of the run.
DEFINITION_LONG_FIRST = re.compile(
    r"(?<![\w-])(?>[\w-]*?\b(?=[A-Z]))([A-Z][\w-]*+(?:\s+[\w-]+){1,6}?)\s*\(([A-Z][A-Z0-9]{1,5})s?\)"
)
DEFINITION_ACRONYM_FIRST = re.compile(r"\b([A-Z][A-Z0-9]{1,5})\s*\(([A-Za-z][\w -]{3,80}?)\)")

# Weights: A the section title; B the topic title, the service's name and short name, and its
# aliases only where the section mentions them (an alias such as "Cognito Sync" no longer weighs
# on every section of its service); C the text.
INDEX_SQL = f"""
UPDATE content_section AS section SET search_vector =
    setweight(to_tsvector('{CONFIG}', section.title), 'A')
    || setweight(to_tsvector('{CONFIG}', concat_ws(' ', topic.title, service.name,
        service.short_name, array_to_string(ARRAY(SELECT alias FROM unnest(service.aliases) AS alias
        WHERE strpos(lower(section.title || ' ' || section.text), lower(alias)) > 0), ' '))), 'B')
    || setweight(to_tsvector('{CONFIG}', section.text), 'C')
FROM content_service AS service, content_topic AS topic
WHERE service.id = section.service_id AND topic.id = section.topic_id
"""


def sections_index(*, source: Source | None = None) -> None:
    """Fill the stored search vector of a source's sections (of every section without one)."""
    with connection.cursor() as cursor:
        if source is None:
            cursor.execute(INDEX_SQL)
        else:
            cursor.execute(INDEX_SQL + " AND section.source_id = %s", [source.pk])


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
    compounds: dict[str, str] = {}
    for title, text in Section.objects.values_list("title", "text").iterator():
        counts.update(word.lower() for word in WORD.findall(title))
        counts.update(word.lower() for word in WORD.findall(text))
        for compound in COMPOUND.findall(f"{title}\n{text}"):
            # "pre-signed" is found by "presigned" and "pre signed" too
            compounds.setdefault(compound.replace("-", "").lower(), compound.lower())
        for acronym, expansion in definitions(f"{title}\n{text}"):
            acronyms.setdefault(acronym, expansion)
    Term.objects.all().delete()
    terms = {
        word: Term(term=word, frequency=count)
        for word, count in counts.items()
        if count >= 2 and len(word) <= 120
    }
    for joined, compound in compounds.items():
        if len(joined) >= 4 and len(joined) <= 120 and not joined.isdigit():
            terms[joined] = Term(term=joined, expansion=compound[:200], frequency=1)
    for acronym, expansion in acronyms.items():
        terms[acronym] = Term(term=acronym, expansion=expansion[:200], frequency=1)
    Term.objects.bulk_create(terms.values(), batch_size=2000)
    return len(terms)


def vocabulary_rebuild() -> None:
    """Rebuild what search derives from every section: the vocabulary and the word weights."""
    terms_rebuild()
    lexemes_rebuild()


@transaction.atomic
def lexemes_rebuild() -> None:
    """Count the sections that hold each word of the search index (PostgreSQL's ts_stat)."""
    Lexeme.objects.all().delete()
    sections = Section.objects.filter(search_vector__isnull=False).values("search_vector")
    sql, params = sections.query.sql_with_params()  # no parameters: ts_stat takes its text
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {Lexeme._meta.db_table} (lexeme, documents) "
            "SELECT word, ndoc FROM ts_stat(%s)",
            [sql % params],
        )


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


Variant = tuple[str, str]  # a word's text and its search type ("plain", "phrase")


@dataclass
class ParsedQuery:
    text: str
    query: SearchQuery | None  # every content word (each side of a comparison)
    sides: list[SearchQuery] = field(default_factory=list)  # a comparison's sides
    units: list[SearchQuery] = field(default_factory=list)  # one per content word or phrase
    weights: list[float] = field(default_factory=list)  # per unit: rarer words weigh more
    rare_units: list[SearchQuery] = field(default_factory=list)  # the rarest few, for candidates
    excluded: SearchQuery | None = None
    expanded: dict[str, str] = field(default_factory=dict)  # acronym -> what it stands for
    shortened: bool = False


def parse_query(text: str) -> ParsedQuery:
    """The query's content words as search units (acronyms and compounds with their variants),
    combined per side, each weighed by how few sections it matches; see content/query.py for
    what counts as a side, filler or exclusion."""
    understood = _shared_context(understand(text))
    words = understood.words
    lookups = {token.rstrip("s") for token in words if ACRONYM.match(token)}
    lookups |= {token.lower().replace("-", "") for token in words if len(token) >= 4}
    lookups |= {
        _joined(a, b) for side in understood.sides for a, b in zip(side, side[1:], strict=False)
    }
    rows = Term.objects.filter(term__in=lookups).values_list("term", "expansion")
    vocabulary = dict(rows)
    expanded: dict[str, str] = {}
    sides = []
    units_all: dict[str, list[Variant]] = {}  # by the words they stand for
    for side in understood.sides:
        groups = [
            (group, _unit(group, vocabulary, expanded)) for group in _groups(side, vocabulary)
        ]
        groups = [(group, variants) for group, variants in groups if variants]
        for group, variants in groups:
            units_all.setdefault(" ".join(group).lower(), variants)
        if groups:
            sides.append(_all([_tsquery(variants) for _, variants in groups]))
    query = _any(sides) if sides else None
    exclusions = [SearchQuery(word, search_type="phrase", config=CONFIG)
                  for word in understood.excluded]  # fmt: skip
    # A compound that no section has ("x-amz-request-payer" where the notes misspell it)
    # is ranked by its parts in the closest matches.
    parts = {key: _parts(key) for key in units_all if not key.startswith('"')}
    parts = {key: found for key, found in parts.items() if len(found) > 1}
    part_units = {part: [(part, "plain")] for found in parts.values() for part in found}
    counted = document_counts({**units_all, **part_units})
    for key in parts:
        if not counted[key]:
            del units_all[key]
            units_all.update({part: part_units[part] for part in parts[key]})
    units = [_tsquery(variants) for variants in units_all.values()]
    counts = [counted[key] for key in units_all]
    by_rarity = sorted((count, index) for index, count in enumerate(counts) if count)
    return ParsedQuery(
        text=understood.text,
        query=query,
        sides=sides if len(sides) > 1 else [],
        units=units,
        weights=[math.log((COUNT_CAP + 1) / (count + 0.5)) for count in counts],
        rare_units=[units[index] for _, index in by_rarity[:CANDIDATE_UNITS]],
        excluded=_any(exclusions) if exclusions else None,
        expanded=expanded,
        shortened=understood.shortened,
    )


def _shared_context(understood: Understood) -> Understood:
    """A service named at the start of a comparison is the context of every side:
    "dynamodb query vs scan" compares DynamoDB's query and DynamoDB's scan."""
    if not understood.comparison or len(understood.sides[0]) < 2:
        return understood
    first = understood.sides[0][0]
    if not services_named_in(first):
        return understood
    understood.sides = [understood.sides[0]] + [
        side if first.lower() in map(str.lower, side) else [first, *side]
        for side in understood.sides[1:]
    ]
    return understood


def _parts(token: str) -> list[str]:
    """The words of a compound token ("x-amz-request-payer", "s3:GetObject"), each once."""
    found = [part for part in PART.findall(token) if len(part) > 1 and part not in FILLER]
    return list(dict.fromkeys(found))


def services_named_in(text: str) -> list[str]:
    """The slugs of the services a query names, by name, short name, alias or acronym (in
    any case)."""
    matcher = _service_matcher(Source.objects.content_version())
    return matcher.services_named(f"{text} {text.upper()}")


@lru_cache(maxsize=2)
def _service_matcher(content_version: str) -> ServiceMatcher:
    return ServiceMatcher.from_services(Service.objects.all())


def document_counts(units: dict[str, list[Variant]]) -> dict[str, int]:
    """About how many sections match each unit (one query): for each variant, the fewest
    sections that hold one of its words (0 if a word is in none); for the unit, its most
    common variant."""
    keys = [key for key, variants in units.items() for _ in variants]
    texts = [text for variants in units.values() for text, _ in variants]
    if not texts:
        return dict.fromkeys(units, 0)
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            SELECT (SELECT CASE WHEN count(*) = cardinality(words) THEN min(documents) END
                    FROM {Lexeme._meta.db_table} WHERE lexeme = ANY(words))
            FROM (SELECT position, tsvector_to_array(to_tsvector(%s::regconfig, text)) AS words
                  FROM unnest(%s::text[]) WITH ORDINALITY AS variant(text, position)) AS variant
            ORDER BY position
            """,
            [CONFIG, texts],
        )
        found = [row[0] or 0 for row in cursor.fetchall()]
    counts = dict.fromkeys(units, 0)
    for key, count in zip(keys, found, strict=True):
        counts[key] = max(counts[key], count)
    return counts


def _joined(first: str, second: str) -> str:
    return (first + second).lower().replace("-", "")


def _groups(side: list[str], vocabulary: dict[str, str]) -> list[list[str]]:
    """Adjacent words that the notes write as one word or a hyphenated compound ("pre
    signed", "write through", "x ray") are one unit."""
    groups, index = [], 0
    while index < len(side):
        token = side[index]
        nxt = side[index + 1] if index + 1 < len(side) else None
        plain = not token.startswith('"') and nxt is not None and not nxt.startswith('"')
        if plain and _joined(token, nxt) in vocabulary:
            groups.append([token, nxt])
            index += 2
        else:
            groups.append([token])
            index += 1
    return groups


def _unit(group: list[str], vocabulary: dict[str, str], expanded: dict) -> list[Variant]:
    """One content word (or compound): its variants, each a (text, search type) pair."""
    token = " ".join(group)
    if token.startswith('"'):
        phrase = token.strip('"')
        return [(phrase, "phrase")] if phrase else []
    key = token.rstrip("s")
    if (
        len(group) == 1
        and ACRONYM.match(token)
        and vocabulary.get(key, "")
        and ("-" not in vocabulary[key])
    ):
        expanded[token] = vocabulary[key]
        return [(token, "plain"), (vocabulary[key], "phrase")]
    joined = token.lower().replace("-", "").replace(" ", "")
    compound = vocabulary.get(joined, "")
    if len(group) > 1 and "-" in compound:
        # "write through": the notes' "write-through" or "writethrough" (not every "write")
        variants = [(compound, "phrase")]
    else:
        variants = [(token, "phrase")] + ([(compound, "phrase")] if "-" in compound else [])
    if joined != token.lower():
        variants.append((joined, "plain"))
    if token.lower() in SHORTHAND:  # "max" finds "maximum" too
        variants.append((SHORTHAND[token.lower()], "plain"))
    return variants


def _tsquery(variants: list[Variant]) -> SearchQuery:
    return _any([SearchQuery(text, search_type=kind, config=CONFIG) for text, kind in variants])


def _all(units: list[SearchQuery]) -> SearchQuery:
    return reduce(operator.and_, units)


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
    partial: bool = False  # no section has every word: the closest matches
    shortened: bool = False  # the query was cut to MAX_LENGTH characters
    comparison: bool = False

    @property
    def first_number(self) -> int:
        return (self.page - 1) * PAGE_SIZE + 1

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PAGE_SIZE))

    @property
    def max_length(self) -> int:
        return MAX_LENGTH


def search(
    text: str, *, service: str | None = None, domain: int | None = None, page: int = 1
) -> SearchResults:
    """Sections with every content word (either side of a comparison); else the typo-
    corrected query; else the sections that match the most words."""
    text = " ".join(text.split())
    if not text:
        return SearchResults(query="", results=[], total=0, page=1)
    options = {"service": service, "domain": domain, "page": page}
    parsed = parse_query(text)
    results = _run(parsed, **options)
    results.jump = service_named(results.query)
    if results.total >= FEW_RESULTS:
        return results
    suggestion = suggest(results.query)
    if results.total == 0 and suggestion:
        corrected = _run(parse_query(suggestion), **options)
        if corrected.total:
            corrected.corrected_from = results.query
            corrected.jump = results.jump
            return corrected
    # Few or no sections have every word: rank the sections by how many (weighted) words
    # they match; those with every word come first.
    closest = _run(parsed, partial=True, **options)
    if closest.total > results.total:
        closest.jump, closest.suggestion = results.jump, suggestion
        closest.partial = results.total == 0
        return closest
    results.suggestion = suggestion
    return results


def search_cached(
    text: str,
    *,
    service: str | None = None,
    domain: int | None = None,
    page: int = 1,
    version: str | None = None,
) -> SearchResults:
    """`search`, remembered per process until the next import changes the notes (the key
    holds the content `version`, queried when not given), as the service pages are: the same
    query again costs one small query instead of a search."""
    version = version or Source.objects.content_version()
    digest = hashlib.sha256(f"{text}\0{service}\0{domain}\0{page}".encode()).hexdigest()
    key = f"search:{version}:{digest}"
    results = cache.get(key)
    if results is None:
        results = search(text, service=service, domain=domain, page=page)
        cache.set(key, results, CACHE_SECONDS)
    return results


def _run(parsed: ParsedQuery, *, service, domain, page, partial: bool = False) -> SearchResults:
    empty = SearchResults(
        query=parsed.text, results=[], total=0, page=1, shortened=parsed.shortened
    )
    if parsed.query is None or (partial and len(parsed.units) < 2):
        return empty
    sections = Section.objects.all()
    if service:
        sections = sections.filter(service__slug=service)
    if domain:
        sections = sections.filter(service__domains__contains=[domain])
    if parsed.excluded is not None:
        sections = sections.exclude(search_vector=parsed.excluded)
    # A partial match needs one of the rarest words (a section with only "the", "data" or
    # "service" of a long question is no close match), which also bounds the rows ranked.
    query = _any(parsed.units) if partial else parsed.query
    if partial:
        # The candidates, rarest word first, at most PARTIAL_ROWS of them: a long question of
        # common words costs the same on a corpus twenty times larger.
        candidates: set[int] = set()
        for unit in parsed.rare_units:
            budget = PARTIAL_ROWS - len(candidates)
            # unordered: the index scan stops at the budget instead of sorting every match
            found = sections.filter(search_vector=unit).order_by().values_list("id", flat=True)
            candidates.update(found.exclude(id__in=candidates)[:budget] if candidates else
                              found[:budget])  # fmt: skip
            if len(candidates) >= PARTIAL_ROWS:
                break
        matches = Section.objects.filter(id__in=candidates)
        total = len(candidates)
    else:
        matches = sections.filter(search_vector=query)
        total = matches.count()
    if not total:
        return empty
    page = min(max(page, 1), max(1, -(-total // PAGE_SIZE)))
    # An exact title first, then sections that discuss both sides of a comparison, then score.
    order = ["-title_match", "-both_sides", "-score", "service__name", "line_start"]
    keyed = matches.annotate(
        title_match=Case(When(title__iexact=parsed.text, then=1), default=0),
        both_sides=_weigh_matching(parsed.sides),
    )
    first, last = (page - 1) * PAGE_SIZE, page * PAGE_SIZE
    if partial and total > RANKED_ROWS:
        # The costly parts of the score (words in the title, cover density) only for the
        # RANKED_ROWS sections that match the most weight; later pages keep that order.
        cheap = keyed.annotate(score=_score(parsed, query, partial=True, cheap=True))
        if last > RANKED_ROWS:
            ids = list(cheap.order_by(*order).values_list("id", flat=True)[first:last])
            return _results(parsed, ids, query, total=total, page=page, partial=partial)
        best = list(cheap.order_by(*order).values_list("id", flat=True)[:RANKED_ROWS])
        keyed = keyed.filter(id__in=best)
    ranked = keyed.annotate(score=_score(parsed, query, partial=partial)).order_by(*order)
    ids = list(ranked.values_list("id", flat=True)[first:last])
    return _results(parsed, ids, query, total=total, page=page, partial=partial)


def _results(parsed, ids, query, *, total, page, partial) -> SearchResults:
    """The page's sections, in the order of `ids`, with highlighted snippets."""
    rows = (
        Section.objects.filter(id__in=ids)
        .select_related("service", "topic", "source")
        .annotate(
            headline=SearchHeadline(
                "text",
                query,
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
        query=parsed.text,
        results=results,
        total=total,
        page=page,
        expanded=parsed.expanded,
        partial=partial and total > 0,
        shortened=parsed.shortened,
        comparison=bool(parsed.sides),
    )


def _score(parsed: ParsedQuery, query: SearchQuery, *, partial: bool, cheap: bool = False):
    """The weights of the words a section matches (all match, unless partial), those in its
    title TITLE_BOOST times again, and RANK_BOOST times its cover density (how close
    together the words are). `cheap` leaves out the title and the density."""
    matched = _weigh_matching(parsed.units, parsed.weights) if partial else Value(0.0)
    if cheap:
        return matched
    in_title = _weigh_matching(parsed.units, parsed.weights, title_only=True)
    density = SearchRank(F("search_vector"), query, cover_density=True, normalization=Value(1))
    return matched + TITLE_BOOST * in_title + RANK_BOOST * density


def _any(units: list[SearchQuery]) -> SearchQuery:
    return reduce(operator.or_, units)


def _weigh_matching(queries: list[SearchQuery], weights: list[float] | None = None, *,
                    title_only: bool = False):  # fmt: skip
    """The summed weights (1 each without `weights`) of the queries a section matches, or,
    with `title_only`, that match its title (weight A of its vector)."""
    if not queries:
        return Value(0.0)

    def matches(query: SearchQuery):
        if title_only:
            return GreaterThan(SearchRank(F("search_vector"), query, weights=TITLE_ONLY), 0)
        return Q(search_vector=query)

    weights = weights or [1.0] * len(queries)
    return reduce(operator.add, [
        Case(When(matches(query), then=Value(weight)), default=Value(0.0))
        for query, weight in zip(queries, weights, strict=True)
    ])  # fmt: skip


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
    checkable = dict(list(checkable.items())[:MAX_CHECKED_WORDS])
    known = set(Term.objects.filter(term__in=checkable.values()).values_list("term", flat=True))
    changed = False
    unknown = [(index, clean) for index, clean in checkable.items() if clean not in known]
    for index, clean in unknown[:MAX_CORRECTED_WORDS]:
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
