"""Turn a section's raw lines into clean Markdown, and flag what the notes lost."""

from __future__ import annotations

import re

from content.importer.text import FENCE, Line

# These run on lines of any length. An unanchored pattern that starts with a run of blanks
# is tried from every blank in the run, each try scanning the rest of it (quadratic), so such
# patterns start at the run's first blank only: `(?<! )`, `(?<!\s)`.
HARD_BREAK = re.compile(r"(?<! ) {2,}$")
IAM_ACTION_DAMAGE = re.compile(r"\"([a-z][\w-]*)>([A-Za-z*])")
GUTTER = re.compile(r"^\s*+(\d{1,3})(?:\s|$)")
INLINE_BREAKS = re.compile(r"(?<!\s)\s++(?=(?:---|#{2,4})\s)|(?<!\s)\s++---\s*$")
LIST_TABLE_ROW = re.compile(r"^\s*+(?:[-*+]\s+)?(\|.*\|?)\s*$")
HTML_CELL_TAGS = re.compile(r"</?(?:b|p|strong|em|i)>|<a\s[^>]*>|</a>", re.I)
JSON_FRAGMENT = re.compile(r'^\s*+"[\w:.-]+"\s*:\s*(?:"[^"]*"|\[|\{|\d|true|false|null)')
INCOMPLETE_PATTERNS = [
    re.compile(r"\(\s*$"),  # "Network Address (" with the rest lost
    re.compile(r'""|\[""\]|``(?!`)'),  # emptied values
    re.compile(r"\*{4}(?!\*)"),  # "say ****"
    re.compile(r"\b(?:following|format|below|as follows)(?: \w+)?:\s*$", re.I),
]
BRACKETS = ("{", "}", "[", "]", "},", "],")
# An author's open question: `[How … ?]`, `(Is … ?)` (see `_asks_open_question`).
OPEN_QUESTIONS = (
    ("]", re.compile(r"\[(?:How|Why|What)")),
    (")", re.compile(r"\((?:Is|Are|Does|Do|Can)\s")),
)


def normalize(lines: list[Line]) -> tuple[str, list[str]]:
    """Return (Markdown body, quality flags) for a section's lines."""
    texts = [line.text for line in lines]
    texts = _expand_collapsed(texts)
    texts = _merge_fences(texts)
    texts = _repair_code(texts)
    texts = _lift_list_tables(texts)
    texts, fragments = _fence_fragments(texts)
    texts = _tab_tables(texts)
    texts = [
        HARD_BREAK.sub("", text.rstrip("\t")) if not text.startswith("```") else text
        for text in texts
    ]
    body = _squeeze_blank_lines(texts)
    flags = []
    prose = _without_code(body)
    if (
        any(pattern.search(line) for line in prose for pattern in INCOMPLETE_PATTERNS)
        or prose
        and prose[-1].rstrip().endswith(":")
    ):
        flags.append("incomplete")
    if fragments:
        flags.append("code_fragment")
    if any(_asks_open_question(line) for line in prose):
        flags.append("open_question")
    return "\n".join(body).strip("\n"), flags


def _asks_open_question(text: str) -> bool:
    r"""Whether `\[(?:How|Why|What)[^\]]*\?\]|\((?:Is|Are|Does|Do|Can)\s[^)]*\?\)` occurs in
    the text. Checked bracket by bracket: the regex scanned to the end of the line from every
    opener that is never closed."""
    for close, opener in OPEN_QUESTIONS:
        for inside in text.split(close)[:-1]:  # each piece ends where a bracket closes
            if inside.endswith("?") and opener.search(inside, 0, len(inside) - 1):
                return True
    return False


def _expand_collapsed(texts: list[str]) -> list[str]:
    """Split whole sections pasted onto one line (`… --- ## Steps: 1. … | a | b | |---|`)."""
    out = []
    for text in texts:
        if len(text) < 300 or FENCE.match(text) or not INLINE_BREAKS.search(text):
            out.append(text)
            continue
        for part in INLINE_BREAKS.split(text):
            part = part.strip()
            if part == "---" or not part:
                out.append("")
                continue
            if part.startswith("---"):
                part = part[3:].strip()
            if "| |" in part and part.count("|") >= 6:
                lead, _, table = part.partition("|")
                if lead.strip():
                    out.extend([lead.strip(), ""])
                rows = ("|" + table).split("| |")
                out.extend(
                    (row if row.startswith("|") else "|" + row).rstrip(" |") + " |" for row in rows
                )
                out.append("")
            else:
                out.extend([part, ""])
    return out


def _merge_fences(texts: list[str]) -> list[str]:
    """Join code fences separated only by blank lines: one snippet shattered into pieces."""
    out: list[str] = []
    language = None  # of the open fence, None outside code
    index = 0
    while index < len(texts):
        text = texts[index]
        fence = FENCE.match(text)
        if fence and language is not None:
            following = index + 1
            while following < len(texts) and not texts[following].strip():
                following += 1
            opener = FENCE.match(texts[following]) if following < len(texts) else None
            if opener and opener.group(2) in ("", language):
                out.extend("" for _ in range(following - index - 1))
                index = following + 1
                continue
            language = None
            out.append(fence.group(1))
        elif fence:
            language = fence.group(2)
            out.append(text.strip().removeprefix("- ").strip())
        else:
            out.append(text)
        index += 1
    if language is not None:
        out.append("```")  # an unterminated fence would swallow the rest of the page
    return out


def _repair_code(texts: list[str]) -> list[str]:
    """Inside code: undo `"logs>CreateLogGroup"` damage and strip pasted line numbers."""
    out: list[str] = []
    block: list[str] = []
    in_fence = False
    for text in texts:
        if FENCE.match(text):
            if in_fence:
                out.extend(_strip_gutter(block))
                block = []
            in_fence = not in_fence
            out.append(text)
        elif in_fence:
            block.append(IAM_ACTION_DAMAGE.sub(r'"\1:\2', text))
        else:
            out.append(text)
    out.extend(block)
    return out


def _strip_gutter(block: list[str]) -> list[str]:
    numbers = [GUTTER.match(text) for text in block if text.strip()]
    if len(numbers) >= 3 and all(numbers):
        values = [int(match.group(1)) for match in numbers]
        if values == list(range(values[0], values[0] + len(values))):
            return [GUTTER.sub("", text, count=1) if text.strip() else text for text in block]
    return block


def _lift_list_tables(texts: list[str]) -> list[str]:
    """Pipe tables written inside list items (`- | a | b |`, indented rows) → plain tables."""
    out: list[str] = []
    in_fence = False
    in_table = False
    for text in texts:
        if FENCE.match(text):
            in_fence = not in_fence
        match = None if in_fence else LIST_TABLE_ROW.match(text)
        if match and match.group(1).count("|") >= 2:
            if not in_table and out and out[-1].strip():
                out.append("")
            out.append(match.group(1).strip())
            in_table = True
            continue
        if in_table and not text.strip():
            continue  # a blank line inside a table would end it
        if in_table:
            out.append("")
        in_table = False
        out.append(text)
    return out


def _fence_fragments(texts: list[str]) -> tuple[list[str], bool]:
    """Fence runs of unfenced, brace-stripped JSON so they show as code, not prose."""
    fenced = []

    def belongs(text: str, run: list[str]) -> bool:
        return bool(JSON_FRAGMENT.match(text)) or (bool(run) and text.strip() in BRACKETS)

    def render(run: list[str]) -> list[str]:
        if len(run) < 2:
            return run
        fenced.append(run)
        return ["```text", *run, "```"]

    return _rewrite_runs(texts, belongs, render), bool(fenced)


def _tab_tables(texts: list[str]) -> list[str]:
    """Consecutive TAB-separated lines (outside code) → a Markdown table, first row header."""

    def belongs(text: str, run: list[str]) -> bool:
        return "\t" in text.strip("\t") and not text.lstrip().startswith("|")

    def render(run: list[str]) -> list[str]:
        if len(run) < 2:
            return run
        rows = [[_cell(cell) for cell in text.strip("\t").split("\t")] for text in run]
        width = max(len(row) for row in rows)
        rows = [row + [""] * (width - len(row)) for row in rows]
        table = ["| " + " | ".join(row) + " |" for row in rows]
        return ["", table[0], "|" + "---|" * width, *table[1:], ""]

    return _rewrite_runs(texts, belongs, render)


def _rewrite_runs(texts: list[str], belongs, render) -> list[str]:
    """Replace every run of consecutive lines outside code that `belongs(line, run)` accepts
    with `render(run)`."""
    out: list[str] = []
    run: list[str] = []
    in_fence = False
    for text in texts:
        if FENCE.match(text):
            out.extend(render(run) if run else [])
            run = []
            in_fence = not in_fence
            out.append(text)
        elif not in_fence and belongs(text, run):
            run.append(text)
        else:
            out.extend(render(run) if run else [])
            run = []
            out.append(text)
    out.extend(render(run) if run else [])
    return out


def _cell(text: str) -> str:
    # Every tag ends with ">": none lies after the last one, and there `<a\s[^>]*>` would scan
    # to the end of the cell from every "<a ".
    tags_end = text.rfind(">") + 1
    text = HTML_CELL_TAGS.sub("", text[:tags_end]) + text[tags_end:]
    return text.strip().replace("|", "\\|")


def _squeeze_blank_lines(texts: list[str]) -> list[str]:
    out: list[str] = []
    in_fence = False
    for text in texts:
        if FENCE.match(text):
            in_fence = not in_fence
        if not in_fence and not text.strip() and out and not out[-1].strip():
            continue
        out.append(text if in_fence else text.rstrip())
    while out and not out[0].strip():
        out.pop(0)
    return out


def _without_code(texts: list[str]) -> list[str]:
    prose, in_fence = [], False
    for text in texts:
        if FENCE.match(text):
            in_fence = not in_fence
        elif not in_fence and text.strip():
            prose.append(text)
    return prose
