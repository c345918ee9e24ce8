"""Indented bullet outlines: `- Topic:` at column 0, facts and scenarios nested below.

Each top-level line names a subject (usually a service). Below it, an item with children
(a scenario, a list of steps, a comparison) becomes a section of its own; runs of single
childless bullets become "Key facts" sections. Structure comes from indentation only.
"""

import re

from content.importer.structure import BULLET, Document, RawSection, clean_title
from content.importer.text import Line

FORMAT = "outline"

TOP_LINE = re.compile(r"^(?:[-*+]\s+)?(\S.*)$")
SCENARIO = re.compile(r"^\W*+scenario\b", re.I)
TABLE_ITEM = re.compile(r"^\s*+(?:[-*+]\s+)?\|")
KEY_FACTS = "Key facts"
SCENARIOS = "Exam scenarios"


def score(doc: Document) -> float:
    if len(doc.headings) > 2:
        return 0.0
    content = [
        line for index, line in enumerate(doc.lines) if not line.blank and not doc.in_fence[index]
    ]
    if not content:
        return 0.0
    bullets = [line for line in content if BULLET.match(line.text)]
    top = [line for line in content if line.indent == 0]
    # An outline: nearly everything is a bullet, and only the topic lines sit at column 0.
    nested = [line for line in bullets if line.indent > 0]
    if (
        len(bullets) / len(content) >= 0.6
        and len(nested) >= 2
        and 1 <= len(top) <= 0.25 * len(content)
    ):
        return 0.85
    return 0.0


def parse(doc: Document, matcher) -> list[RawSection]:
    lines = doc.lines
    tops = [
        index
        for index, line in enumerate(lines)
        if not line.blank
        and line.indent == 0
        and not doc.in_fence[index]
        and TOP_LINE.match(line.text)
    ]
    sections: list[RawSection] = []
    for position, start in enumerate(tops):
        end = tops[position + 1] if position + 1 < len(tops) else len(lines)
        sections.extend(_topic_sections(doc, start, end))
    return sections


def _topic_sections(doc: Document, start: int, end: int) -> list[RawSection]:
    top_line = doc.lines[start]
    text = TOP_LINE.match(top_line.text).group(1)
    title, rest = _split_label(text)
    items = _items(doc, start + 1, end)
    if rest:
        items.insert(0, [Line(top_line.no, f"- {rest}")])
    sections: list[RawSection] = []
    facts: list[Line] = []

    def flush_facts():
        if facts:
            sections.append(
                RawSection(
                    title=KEY_FACTS,
                    lines=_dedent(list(facts)),
                    context=[title],
                    topic_title=KEY_FACTS,
                    context_service_title=title,
                )
            )
            facts.clear()

    for item in items:
        content = [line for line in item if not line.blank]
        if len(content) <= 1 or TABLE_ITEM.match(item[0].text):
            facts.extend(item)
            continue
        flush_facts()
        sections.append(_item_section(item, title))
    flush_facts()
    if not sections:
        # A topic line with nothing under it still records the subject.
        sections.append(
            RawSection(title=title, lines=[], heading_line=top_line.no, context_service_title=title)
        )
    return [section for section in sections if section.has_content or section.heading_line]


def _items(doc: Document, start: int, end: int) -> list[list[Line]]:
    """Group a topic's lines into items: a least-indented line and everything below it."""
    body = list(range(start, end))
    indents = [
        doc.lines[index].indent
        for index in body
        if not doc.lines[index].blank and not doc.in_fence[index]
    ]
    if not indents:
        return []
    level = min(indents)
    items: list[list[Line]] = []
    for index in body:
        line = doc.lines[index]
        starts_item = not line.blank and line.indent <= level and not doc.in_fence[index]
        if starts_item and not line.text.strip().startswith("|") or not items:
            items.append([line])
        else:
            items[-1].append(line)
    return items


def _item_section(item: list[Line], topic: str) -> RawSection:
    first, children = item[0], item[1:]
    text = BULLET.match(first.text).group(2) if BULLET.match(first.text) else first.text.strip()
    if SCENARIO.match(text):
        title, lead, topic_title = _shorten(text), text, SCENARIOS
    else:
        title, rest = _split_label(text)
        lead = rest or (text if _shorten(text) != text else "")
        title = _shorten(title)
        topic_title = None
    body = [Line(first.no, lead)] if lead else []
    if lead and children:
        body.append(Line(first.no, ""))
    return RawSection(
        title=title,
        lines=body + _dedent(children),
        heading_line=first.no,
        context=[topic],
        topic_title=topic_title,
        context_service_title=topic,
        original_lines=item,
    )


def _split_label(text: str) -> tuple[str, str]:
    """`Label: rest` → (Label, rest) when the label is short; else (text, "")."""
    label, colon, rest = text.partition(":")
    if (
        colon
        and label.strip()
        and len(label.split()) <= 10
        and "`" not in label
        and "//" not in rest[:2]
    ):
        return clean_title(label), rest.strip()
    return clean_title(text), ""


def _shorten(text: str, limit: int = 100) -> str:
    text = clean_title(text)
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:-") + "…"


def _dedent(lines: list[Line]) -> list[Line]:
    indents = [line.indent for line in lines if not line.blank]
    if not indents:
        return lines
    cut = min(indents)
    return [
        Line(line.no, line.text[cut:] if line.indent >= cut else line.text.lstrip())
        for line in lines
    ]
