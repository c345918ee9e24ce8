"""Markdown → safe HTML for note sections, with cross-links to the services they mention.

Runs at import time; pages show the stored result. Raw HTML in notes is escaped (so
`<function-name>` and `<script>` show as text), the output is sanitized again with nh3,
notes never pass through the Django template engine, and code is highlighted by Pygments.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

from content.importer.classify import ServiceMatcher

ALLOWED_TAGS = {
    "a", "p", "br", "hr", "strong", "em", "del", "s", "code", "pre", "span", "blockquote",
    "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td",
    "h1", "h2", "h3", "h4", "h5", "h6",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "class"},
    "span": {"class"},
    "code": {"class"},
    "pre": {"class"},
    "th": {"style"},
    "td": {"style"},
    "ol": {"start"},
}
SNIPPET_CHARS = 240
# nh3 (html5ever) takes quadratic time on a text node that holds many "&" (7 s for 1 MB of
# them). An empty comment before every 512th "&" of a long text splits the node; nh3 drops
# comments, so its output is the same. Text follows a tag's ">" (or starts the fragment).
LONG_TEXT = re.compile(r"(?<![^>])[^<]{4096,}")
AMPERSANDS_PER_NODE = 512


@dataclass
class Rendered:
    html: str
    text: str
    mentions: dict[str, str]  # service slug -> snippet around its first mention


@cache
def markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "highlight": _highlight})
    md.enable(["table", "strikethrough"])
    md.add_render_rule("image", _image_as_text)
    md.add_render_rule("heading_open", _demoted_heading_open)
    md.add_render_rule("heading_close", _demoted_heading_close)
    return md


def render_section(
    body: str, *, matcher: ServiceMatcher, own_service: str, url_for: Callable[[str], str]
) -> Rendered:
    """Render a section body, linking the first mention of every other service."""
    md = markdown()
    tokens = md.parse(body)
    mentions: dict[str, str] = {}
    for token in tokens:
        if token.type == "inline" and token.children:
            token.children = _link_mentions(token.children, matcher, own_service, url_for, mentions)
    rendered = md.renderer.render(tokens, md.options, {})
    clean = _sanitize(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    text = plain_text(clean)
    flat = " ".join(text.split())
    return Rendered(
        html=clean,
        text=text,
        mentions={slug: _snippet(flat, name) for slug, name in mentions.items()},
    )


def render_markdown(text: str) -> str:
    """Markdown (question stems, explanations) to sanitized HTML, without cross-links."""
    md = markdown()
    return _sanitize(
        md.render(text),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


def plain_text(fragment: str) -> str:
    """Text of an HTML fragment, whitespace collapsed."""
    stripped = _sanitize(re.sub(r"<(?:/p|br|/li|/tr|/h\d|/pre)>", " \n", fragment), tags=set())
    # From a run's first blank only: tried from every blank, it rescanned the rest of the run.
    return re.sub(r"(?<![ \t])[ \t]*\n\s*", "\n", html.unescape(stripped)).strip()


def _sanitize(fragment: str, **options) -> str:
    """`nh3.clean(fragment, **options)`, in time linear in the fragment."""
    return nh3.clean(LONG_TEXT.sub(_split_ampersands, fragment), **options)


def _split_ampersands(text: re.Match) -> str:
    pieces = text.group().split("&")
    step = AMPERSANDS_PER_NODE
    return "<!---->&".join("&".join(pieces[at : at + step]) for at in range(0, len(pieces), step))


def _link_mentions(children, matcher, own_service, url_for, mentions) -> list[Token]:
    out: list[Token] = []
    depth = 0  # inside a link already written in the notes
    for child in children:
        if child.type == "link_open":
            depth += 1
        elif child.type == "link_close":
            depth -= 1
        if child.type != "text" or depth:
            out.append(child)
            continue
        text, position = child.content, 0
        for start, end, slug in matcher.name_spans(text):
            if slug == own_service or slug in mentions:
                continue
            mentions[slug] = text[start:end]
            out.append(_text(text[position:start]))
            link = Token("link_open", "a", 1)
            link.attrs = {"href": url_for(slug), "class": "service-link"}
            out.extend([link, _text(text[start:end]), Token("link_close", "a", -1)])
            position = end
        out.append(_text(text[position:]))
    return [token for token in out if token.type != "text" or token.content]


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


def _snippet(flat: str, name: str) -> str:
    """About a sentence of text (whitespace collapsed) around the first occurrence of `name`."""
    at = flat.find(name)
    if at < 0:
        return flat[:SNIPPET_CHARS]
    start = max(0, at - SNIPPET_CHARS // 2)
    end = min(len(flat), start + SNIPPET_CHARS)
    snippet = flat[start:end]
    return ("…" if start else "") + snippet + ("…" if end < len(flat) else "")


def _highlight(code: str, language: str, attrs: str) -> str:
    spans = highlight(code, _lexer(language.strip() or "text"), _formatter())
    return f'<pre class="highlight"><code>{spans}</code></pre>\n'


# Made once: a new HtmlFormatter builds its stylesheet (0.4 ms), a lot for thousands of snippets.
@cache
def _formatter() -> HtmlFormatter:
    return HtmlFormatter(nowrap=True)


@lru_cache(maxsize=64)
def _lexer(language: str):
    try:
        return get_lexer_by_name(language)
    except ClassNotFound:
        return get_lexer_by_name("text")


def _image_as_text(self, tokens, index, options, env) -> str:
    """Images in notes point at files we do not have: show their description instead."""
    alt = html.escape(self.renderInlineAsText(tokens[index].children or [], options, env))
    return f'<span class="image-alt">[image: {alt}]</span>' if alt else ""


# Section headings are h3 on the page, so headings inside a body start at h4.
def _demoted_heading_open(self, tokens, index, options, env) -> str:
    level = min(int(tokens[index].tag[1]) + 3, 6)
    return f"<h{level}>"


def _demoted_heading_close(self, tokens, index, options, env) -> str:
    level = min(int(tokens[index].tag[1]) + 3, 6)
    return f"</h{level}>\n"


def pygments_css() -> str:
    """Stylesheet for highlighted code (written to static/css/pygments.css)."""
    return HtmlFormatter(style="github-dark").get_style_defs(".highlight")
