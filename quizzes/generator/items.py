"""Family "item": scenario questions from the item models in quizzes/item_models/.

A variant becomes a question only when the imported notes state the deciding fact: each key's
`terms` must occur in a section (of the model's service first, then anywhere). The question
links to those sections and quotes the line that states it.
"""

from __future__ import annotations

import random
import re

from quizzes.generator.draft import Draft, Option, shuffled
from quizzes.generator.evidence import Evidence, SectionText, quote_line
from quizzes.generator.item_models import ItemModel, Variant, item_models_load, variants
from quizzes.validation import choose_phrase

FAMILY = "item"
QUOTE_MIN_WORDS = 6


def generate(evidence: Evidence, models: list[ItemModel] | None = None) -> list[Draft]:
    models = item_models_load() if models is None else models
    return [variant_draft(variant, evidence) for model in models for variant in variants(model)]


def variant_draft(variant: Variant, evidence: Evidence) -> Draft:
    model, case = variant.model, variant.case
    options = model.options
    rng = random.Random(variant.key)
    # Only distractors this case explains, three in a stable random order.
    pool = list(case.distractors or case.why)
    rng.shuffle(pool)
    wrong = pool[:3]
    choose = len(case.keys)
    chosen = [Option(options[name].text, True, case.because) for name in case.keys]
    chosen += [Option(options[name].text, False, case.why[name]) for name in wrong]
    stem = " ".join(part for part in [variant.context, case.situation, case.constraint] if part)
    ask = case.ask + (f" {choose_phrase(choose)}" if choose > 1 else "")
    sources, quotes = [], []
    service = case.service or model.service
    for name in case.keys:
        found = _evidence_for(evidence, service, options[name].terms)
        if found:
            section, quote = found
            sources.append(section)
            quotes.append((section, quote))
    terms = tuple(term for name in case.keys for term in options[name].terms)
    return Draft(
        key=variant.key,
        family=FAMILY,
        stem=f"{stem} {ask}",
        options=shuffled(chosen, variant.key),
        explanation=_explanation(case, options, wrong, quotes),
        service=service,
        task=model.task,
        sections=list(dict.fromkeys(section.id for section in sources)),
        choose=choose,
        difficulty=model.difficulty + (choose > 1),
        fact=" ".join(options[name].fact for name in case.keys) + " " + case.because,
        model=model.id,
        decision=variant.decision,
        round=variant.round,
        quote=" ".join(quote for _, quote in quotes) if len(quotes) == choose else "",
        terms=terms,
    )


def _explanation(case, options, wrong: list[str], quotes) -> str:
    keys = " and ".join(f"**{options[name].text.rstrip('.')}**" for name in case.keys)
    lines = [f"{keys}: {case.because}", "", "Why not the others:"]
    lines += [f"- {options[name].text.rstrip('.')}: {case.why[name]}" for name in wrong]
    for section, quote in quotes:
        lines += ["", f"From your notes ({section.title}, {section.where}): “{quote}”"]
    return "\n".join(lines)


def _evidence_for(
    evidence: Evidence, service: str, terms: tuple[str, ...]
) -> tuple[SectionText, str] | None:
    """The section that states a term (the model's service first) and the line that does: a
    sentence of QUOTE_MIN_WORDS or more words first, a heading or fragment only if no
    sentence matches."""
    scopes = (evidence.sections.get(service, []), evidence.all_sections())
    for min_words in (QUOTE_MIN_WORDS, 1):
        for term in terms:
            regex = re.compile(term, re.I)
            for scope in scopes:
                for section in scope:
                    quote = quote_line(section.text, regex, min_words)
                    if quote:
                        return section, quote
    return None
