"""Pure HTML builders for the app: document text is DATA, escaped piece by piece, never trusted as markup.

Every function returns a string that is safe to pass to ``st.markdown(..., unsafe_allow_html=True)``:
the only tags in it are the ones built here (``<div>``, ``<mark>``, ``<br>``, ``<span>``), and the whole
result is a single line so that Markdown never re-parses a part of it.

>>> highlight_html("a <b> c", 2, 5)
'<div class="cchc-passage">a <mark id="cite" class="cchc-mark">&lt;b&gt;</mark> c</div>'
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from assistant.types import ESCAPED_MARKER

#: Characters replaced by entities after html.escape: Markdown/LaTeX/shortcode triggers that Streamlit may
#: interpret even inside HTML (``$`` starts LaTeX, ``:`` starts emoji shortcodes, `` ` `` code, ``*``/``_``
#: emphasis, ``[`` links, ``~`` strikethrough, ``\\`` escapes).
_MD_ENTITIES = {
    "$": "&#36;", "`": "&#96;", "*": "&#42;", "_": "&#95;", "[": "&#91;", "]": "&#93;", "~": "&#126;",
    "\\": "&#92;", ":": "&#58;", "#": "&#35;", "|": "&#124;",
}
_TRANSLATE = str.maketrans({'"': "&quot;", "'": "&#39;", **_MD_ENTITIES})
_ID_RE = re.compile(r"[^A-Za-z0-9_-]+")

PASSAGE_STYLE = (
    "white-space:pre-wrap;line-height:1.55;font-size:0.92rem;padding:0.5rem 0.75rem;"
    "border-left:3px solid #f0b429;background:rgba(240,180,41,0.06);border-radius:4px;"
)
DOCUMENT_STYLE = (
    "white-space:pre-wrap;line-height:1.55;font-size:0.9rem;max-height:65vh;overflow-y:auto;"
    "padding:0.75rem;border:1px solid rgba(128,128,128,0.35);border-radius:6px;"
)
MARK_STYLE = "background:#ffe066;color:#1b1b1b;padding:0 2px;border-radius:2px;"


def escape_text(text: str) -> str:
    """Escape document text for HTML (``&<>"'``) and neutralise Markdown triggers; newlines become ``<br>``.

    >>> escape_text('<script>alert("x")</script>\\n$5 *a*')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<br>&#36;5 &#42;a&#42;'
    """
    escaped = html.escape(text or "", quote=False)  # &amp; &lt; &gt; — no character of _MD_ENTITIES in them
    escaped = escaped.translate(_TRANSLATE)
    return escaped.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")


_MD_INLINE = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$:])")


def escape_markdown(text: str) -> str:
    """Text for ``st.markdown`` (HTML not allowed) shown literally: Markdown characters backslash-escaped,
    newlines folded into spaces (for titles, labels, questions).

    >>> print(escape_markdown("**Kế hoạch** 36/KH-UBND [1]"))
    \\*\\*Kế hoạch\\*\\* 36/KH\\-UBND \\[1\\]
    """
    flat = " ".join((text or "").split())
    return _MD_INLINE.sub(r"\\\1", flat)


#: Characters that open Markdown inside a line: emphasis, code, links and images, HTML, tables, strikethrough, LaTeX.
_MD_ACTIVE = re.compile(r"([\\`*_\[\]<>!|~$])")
#: What makes a bare address a link (GitHub-flavoured autolinks) or the start of a line a heading, quote or list.
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp|mailto)(?=:)|\b(www)(?=\.)")
_LINE_START = re.compile(r"^([#>+\-]|\d+[.)])")


def inert_markdown(text: str) -> str:
    r"""A message for ``st.markdown``, ``st.info``, ``st.caption`` shown as text, with ordinary prose left as it is
    (unlike :func:`escape_markdown`, periods, hyphens and brackets stay unescaped): no link, image, emphasis or HTML
    can form; newlines folded into spaces.

    >>> print(inert_markdown("Đã nạp ![x](http://h/a) và **b** (www.h.vn) – 36/KH-UBND."))
    Đã nạp \!\[x\](http\://h/a) và \*\*b\*\* (www\.h.vn) – 36/KH-UBND.
    >>> inert_markdown("Đã xóa Kế hoạch 36/KH-UBND – Kiên Giang, 2021.")
    'Đã xóa Kế hoạch 36/KH-UBND – Kiên Giang, 2021.'
    """
    flat = _MD_ACTIVE.sub(r"\\\1", " ".join((text or "").split()))
    flat = _AUTOLINK.sub(lambda m: m.group(0) + "\\", flat)
    return _LINE_START.sub(r"\\\1", flat)


_ANSWER_LINE = re.compile(r"^(\s*)(- )?(.*)$")
_LABEL = re.compile(r"^\*\*(.+?)\*\*(.*)$")


def answer_markdown(text: str) -> str:
    r"""An answer for ``st.markdown``: its own structure (bullets, bold document labels) kept, every character that
    came from a document escaped, so a quoted link, image or heading in a document shows as text.

    >>> print(answer_markdown("**KH 36** (x)\n- ![a](b) [1]"))
    **KH 36** \(x\)
    - \!\[a\]\(b\) \[1\]

    A line that starts again at the margin after a list is set apart by a blank line, so that Markdown does not take
    it as a lazy continuation of the last bullet (the next document's bold label would render inside it):

    >>> print(answer_markdown("**KH 1**: a\n- b [1]\n**KH 2**: c [2]"))
    **KH 1**\: a
    - b \[1\]
    <BLANKLINE>
    **KH 2**\: c \[2\]
    """
    out = []
    in_list = False
    for line in (text or "").split("\n"):
        indent, bullet, rest = _ANSWER_LINE.match(line).groups()
        if in_list and not indent and not bullet and rest.strip():
            out.append("")  # the list ends here
        in_list = bool(bullet or (indent and in_list)) if rest.strip() else False
        label = _LABEL.match(rest)
        if label:
            body = "**" + _MD_INLINE.sub(r"\\\1", label.group(1)) + "**" + _MD_INLINE.sub(r"\\\1", label.group(2))
        else:
            body = _MD_INLINE.sub(r"\\\1", rest)
        out.append(indent + (bullet or "") + body)
    return "\n".join(out)


def answer_with_refs(text: str, ref_key) -> str:
    r"""The answer for ``st.markdown(..., unsafe_allow_html=True)``: like :func:`answer_markdown`, with ``<``, ``>``
    and ``&`` turned into entities first (so no document text can become a tag), and each [n] marker a link that
    :func:`refs_script` turns into a click on the button whose key is ``ref_key(n)``.

    >>> print(answer_with_refs("**KH** <b>Sở</b> [2]", lambda n: f"t0_src_{n}"))
    **KH** &lt;b&gt;Sở&lt;/b&gt; <a class="cchc-ref" href="#" data-ref="t0_src_2">[2]</a>
    """
    md = answer_markdown(html.escape(text or "", quote=False))

    def link(m: re.Match) -> str:
        key = anchor_id(ref_key(int(m.group(1))))
        return f'<a class="cchc-ref" href="#" data-ref="{key}">[{m.group(1)}]</a>'

    return ESCAPED_MARKER.sub(link, md)


def refs_script() -> str:
    """A <script> for ``st.html(..., unsafe_allow_javascript=True)``: a click on an [n] link clicks the Streamlit
    button of that citation (found by its key class ``st-key-…``). Installed once per page; no data inside."""
    return (
        "<script>(function(){var d=document;try{if(window.parent&&window.parent.document){d=window.parent.document;}}"
        "catch(e){}if(d.cchcRefs){return;}d.cchcRefs=true;"
        "d.addEventListener('click',function(e){var a=e.target.closest&&e.target.closest('a.cchc-ref');if(!a){return;}"
        "e.preventDefault();var b=d.querySelector('.st-key-'+a.getAttribute('data-ref')+' button');"
        "if(b){b.click();}},true);})();</script>"
    )


_BOLD = re.compile(r"\*\*(.+?)\*\*")


def plain_answer(text: str, citations=()) -> str:
    r"""An answer as plain text for the clipboard (pasted into a report or an e-mail): the bold marks of its labels
    removed, then its numbered quotes.

    >>> from types import SimpleNamespace as C
    >>> print(plain_answer("**KH 36/KH-UBND**: Sở Y tế [1]\n- Sở Nội vụ [1]",
    ...                    [C(n=1, label="KH 36", section="II", quote="Sở Y tế, Sở Nội vụ")]))
    KH 36/KH-UBND: Sở Y tế [1]
    - Sở Nội vụ [1]
    <BLANKLINE>
    [1] KH 36 — II: «Sở Y tế, Sở Nội vụ»
    """
    body = _BOLD.sub(r"\1", text or "")
    quotes = [f"[{c.n}] {c.label}" + (f" — {c.section}" if c.section else "") + f": «{c.quote}»" for c in citations]
    return body + ("\n\n" + "\n".join(quotes) if quotes else "")


def copy_button_html(text: str, label: str) -> str:
    """A button that copies ``text`` (escaped into a hidden textarea beside it) with :func:`copy_script`'s listener;
    for ``st.html`` (no script inside, no data in an attribute).

    >>> copy_button_html("a <b>", "Sao chép").split("</button>")
    ['<div class="cchc-copy"><button type="button" class="cchc-copy-button">Sao chép', '<textarea hidden \
class="cchc-copy-text">a &lt;b&gt;</textarea></div>']
    """
    return (f'<div class="cchc-copy"><button type="button" class="cchc-copy-button">{html.escape(label)}</button>'
            f'<textarea hidden class="cchc-copy-text">{html.escape(text or "", quote=False)}</textarea></div>')


#: What the copy button says for a moment after copying.
COPIED_LABEL = "✓ Đã sao chép"


def copy_script() -> str:
    """A <script> for ``st.html(..., unsafe_allow_javascript=True)``: a click on a copy button puts the text of its
    textarea on the clipboard (the Clipboard API, or a selection copy where the page is not served over https).
    Installed once per page; no data inside."""
    import json

    done = json.dumps(COPIED_LABEL)
    return (
        "<script>(function(){var d=document;try{if(window.parent&&window.parent.document){d=window.parent.document;}}"
        "catch(e){}if(d.cchcCopy){return;}d.cchcCopy=true;"
        "function fallback(t){var a=d.createElement('textarea');a.value=t;a.style.position='fixed';a.style.opacity='0';"
        "d.body.appendChild(a);a.select();try{d.execCommand('copy');}catch(e){}d.body.removeChild(a);}"
        "d.addEventListener('click',function(e){var b=e.target.closest&&e.target.closest('button.cchc-copy-button');"
        "if(!b){return;}e.preventDefault();var t=b.parentNode.querySelector('textarea.cchc-copy-text').value;"
        "var w=d.defaultView||window;if(w.navigator.clipboard&&w.isSecureContext){w.navigator.clipboard.writeText(t)"
        ".catch(function(){fallback(t);});}else{fallback(t);}"
        f"var old=b.textContent;b.textContent={done};setTimeout(function(){{b.textContent=old;}},2000);}},true);}})();"
        "</script>"
    )


#: The class of the anchor at the start of an answer that has just arrived (:func:`answer_scroll_script` scrolls to it).
SCROLL_HERE = "cchc-scroll-here"


def answer_anchor(anchor: str, fresh: bool) -> str:
    """The empty element at the start of an answer (HTML for ``st.markdown``), marked :data:`SCROLL_HERE` on the run
    that shows a new answer.

    >>> answer_anchor("answer-c1t0", True)
    '<span id="answer-c1t0" class="cchc-scroll-here"></span>'
    """
    return f'<span id="{anchor_id(anchor)}"' + (f' class="{SCROLL_HERE}"' if fresh else "") + "></span>"


def answer_scroll_script() -> str:
    """A <script> for ``st.html(..., unsafe_allow_javascript=True)``, installed once per page: when an answer's anchor
    marked :data:`SCROLL_HERE` appears, bring the start of that answer (its chat message) to the top of the view. The
    chat keeps its view at the bottom while content arrives (Streamlit's stick-to-bottom, which a wheel event stops),
    so the scroll is repeated for a moment, then left to the reader (at once when they scroll, type or click).
    No data inside.
    """
    return (
        "<script>(function(){var d=document;try{if(window.parent&&window.parent.document){d=window.parent.document;}}"
        "catch(e){}if(d.cchcScroll){return;}d.cchcScroll=true;var seen={},moved=false;"
        "['wheel','touchstart','keydown','mousedown'].forEach(function(t){d.addEventListener(t,function(e){"
        "if(e.isTrusted){moved=true;}},true);});"
        "function follow(a,n){if(moved||n>20){return;}var m=a.closest('[data-testid=\"stChatMessage\"]')||a;"
        "var box=d.querySelector('[data-testid=\"stAppScrollToBottomContainer\"]');"
        "if(box){box.dispatchEvent(new WheelEvent('wheel',{deltaY:-1}));}"
        "m.scrollIntoView({block:'start'});setTimeout(function(){follow(a,n+1);},150);}"
        f"setInterval(function(){{var a=d.querySelector('span.{SCROLL_HERE}');"
        "if(a&&!seen[a.id]){seen[a.id]=true;moved=false;follow(a,0);}},200);})();</script>"
    )


def cookie_script(name: str, value: str, days: int) -> str:
    """A <script> that stores a cookie for the whole site (the browser's id for saved conversations)."""
    import json

    pair = json.dumps(f"{name}={value}").replace("<", "\\u003c")
    return (f"<script>(function(){{var d=document;try{{d=window.parent.document;}}catch(e){{}}"
            f"d.cookie={pair}+';path=/;max-age={int(days) * 86400};samesite=lax';}})();</script>")


def anchor_id(*parts: object) -> str:
    """A safe HTML id from arbitrary parts.

    >>> anchor_id("cite", "kien-giang/36", 2)
    'cite-kien-giang-36-2'
    """
    raw = "-".join(str(p) for p in parts if str(p) != "")
    return re.sub("-{2,}", "-", _ID_RE.sub("-", raw)).strip("-") or "cite"


@dataclass(frozen=True)
class Span:
    """Where a quote sits in a text, as found by :func:`locate`; ``exact`` is False when it had to be searched."""

    start: int
    end: int
    exact: bool = True


def locate(text: str, start: int, end: int, quote: str = "") -> Span | None:
    """The span of a quote in ``text``: the given offsets when they match, else the quote's first occurrence.

    >>> locate("abc def", 4, 7, "def")
    Span(start=4, end=7, exact=True)
    >>> locate("xx abc def", 4, 7, "def")
    Span(start=7, end=10, exact=False)
    >>> locate("abc", 0, 1, "zzz") is None
    True
    """
    text = text or ""
    n = len(text)
    if 0 <= start < end <= n and (not quote or text[start:end] == quote):
        return Span(start, end, True)
    if quote:
        at = text.find(quote)
        if at >= 0:
            return Span(at, at + len(quote), False)
    return None


def _mark(text: str, start: int, end: int, mark_id: str) -> str:
    return (escape_text(text[:start]) + f'<mark id="{html.escape(mark_id)}" class="cchc-mark">'
            + escape_text(text[start:end]) + "</mark>" + escape_text(text[end:]))


def highlight_html(text: str, start: int, end: int, mark_id: str = "cite", *, css_class: str = "cchc-passage",
                   style: str = "") -> str:
    """The whole ``text`` with ``[start, end)`` wrapped in ``<mark id=mark_id>``, every piece escaped.

    Offsets are clamped to the text; an empty span yields the escaped text without a mark.
    """
    text = text or ""
    start = max(0, min(int(start), len(text)))
    end = max(start, min(int(end), len(text)))
    style_attr = f' style="{html.escape(style)}"' if style else ""
    if end <= start:
        body = escape_text(text)
    else:
        body = _mark(text, start, end, mark_id)
    return f'<div class="{css_class}"{style_attr}>{body}</div>'


def _snap_left(text: str, pos: int, limit: int) -> int:
    """Move ``pos`` left to a line or word boundary, at most ``limit`` characters further."""
    floor = max(0, pos - limit)
    nl = text.rfind("\n", floor, pos)
    if nl >= 0:
        return nl + 1
    sp = text.rfind(" ", floor, pos)
    return sp + 1 if sp >= 0 else pos


def _snap_right(text: str, pos: int, limit: int) -> int:
    ceil = min(len(text), pos + limit)
    nl = text.find("\n", pos, ceil)
    if nl >= 0:
        return nl
    sp = text.find(" ", pos, ceil)
    return sp if sp >= 0 else pos


def passage_html(text: str, start: int, end: int, quote: str = "", mark_id: str = "cite", *,
                 context: int = 320) -> str:
    """The quote with about ``context`` characters either side, the quote highlighted; '…' where text is cut.

    When the offsets no longer match the text (document re-ingested), the quote is searched; when it cannot be
    found the quote alone is shown, escaped, with a note.

    >>> out = passage_html("Mở đầu. Kiểm tra <Sở Nội vụ> trong quý III. Hết.", 17, 28, "<Sở Nội vụ>", "c1", context=8)
    >>> out.split(">", 1)[1]
    '… Kiểm tra <mark id="c1" class="cchc-mark">&lt;Sở Nội vụ&gt;</mark> trong quý …</div>'
    """
    span = locate(text, start, end, quote)
    style = PASSAGE_STYLE
    if span is None:
        note = ('<span class="cchc-note">(Không tìm thấy đoạn này trong văn bản hiện tại; '
                "hiển thị trích dẫn đã lưu.)</span><br>")
        return (f'<div class="cchc-passage" style="{style}">{note}<mark id="{html.escape(mark_id)}" '
                f'class="cchc-mark">{escape_text(quote)}</mark></div>')
    lo = _snap_left(text, max(0, span.start - context), 60) if span.start - context > 0 else 0
    hi = _snap_right(text, min(len(text), span.end + context), 60) if span.end + context < len(text) else len(text)
    lo = min(lo, span.start)
    hi = max(hi, span.end)
    piece = text[lo:hi]
    body = _mark(piece, span.start - lo, span.end - lo, mark_id)
    head = "… " if lo > 0 else ""
    tail = " …" if hi < len(text) else ""
    return f'<div class="cchc-passage" style="{style}">{head}{body}{tail}</div>'


#: Longest table row widened to (characters): a "row" longer than this is a whole table read as one passage, and
#: highlighting it would hide where the quote is.
ROW_MAX_CHARS = 2000
#: The cell separator of a table row written on one line (``| a | b |``, as the .docx loader writes rows).
_PIPE = "|"


def row_span(text: str, start: int, end: int, passages=()) -> tuple[int, int]:
    r"""The span to highlight for a quote ``[start, end)`` of ``text``: the whole table row when the quote lies in one
    (an answer restates the row, not one cell), else the quote itself.

    A row is a passage of kind ``table_row`` holding the quote (a one-cell-per-line table, whose cells are lines
    between ``|`` lines), or the ``| … |`` line holding it.

    >>> t = "Bảng:\n| 1 | Sở Y tế | Quý III |\nHết."
    >>> row_span(t, t.index("Sở Y tế"), t.index("Sở Y tế") + 7) == (t.index("| 1"), t.index("\nHết"))
    True
    >>> from types import SimpleNamespace as P
    >>> c = "STT\n|\nĐơn vị\n|\nThời gian\n|\n1\n|\nSở Nội vụ\n|\nQuý II\n|\n2\n|\nSở Tư pháp\n|\nQuý IV"
    >>> row = P(kind="table_row", start=c.index("1\n|"), end=c.index("Quý II") + 6)
    >>> row_span(c, c.index("Quý II"), c.index("Quý II") + 6, [row]) == (row.start, row.end)
    True
    >>> row_span("Kiểm tra Sở Y tế.", 9, 16)
    (9, 16)
    """
    for p in passages:
        if getattr(p, "kind", "") == "table_row" and p.start <= start and end <= p.end \
                and p.end - p.start <= ROW_MAX_CHARS:
            return p.start, p.end
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    line = text[lo:hi].strip()
    if "\n" not in text[start:end] and len(line) > 1 and line.startswith(_PIPE) and line.endswith(_PIPE):
        return lo, hi
    return start, end


def document_html(text: str, start: int, end: int, quote: str = "", mark_id: str = "cite", passages=()) -> str:
    """The whole cleaned document in a scrollable box, the cited span highlighted (searched if offsets moved), widened
    to its table row when it lies in one (:func:`row_span`, with the document's ``passages``)."""
    span = locate(text, start, end, quote)
    if span is None:
        return highlight_html(text, 0, 0, mark_id, css_class="cchc-document", style=DOCUMENT_STYLE)
    lo, hi = row_span(text, span.start, span.end, passages)
    return highlight_html(text, lo, hi, mark_id, css_class="cchc-document", style=DOCUMENT_STYLE)


#: The file uploader's English help ("Drag and drop…", "Limit 200MB per file") replaced by Vietnamese.
_UPLOADER_CSS = (
    '[data-testid="stFileUploaderDropzoneInstructions"] span,[data-testid="stFileUploaderDropzoneInstructions"] small'
    "{display:none;}"
    '[data-testid="stFileUploaderDropzoneInstructions"] div::after{content:"Kéo thả tệp vào đây";}'
    '[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] > *{display:none;}'
    '[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"]::after'
    '{content:"Chọn tệp";font-size:0.9rem;}'
)


#: Streamlit's English controls no setting translates, hidden: the "Stop" button beside the running indicator (our
#: spinners say what runs, in Vietnamese) and the tables' toolbar (English tooltips "Download as CSV", "Search",
#: "Fullscreen"; each table page has its own "Tải CSV").
_FRAMEWORK_CSS = ('[data-testid="stStatusWidget"] button{display:none;}'
                  '[data-testid="stElementToolbar"]{display:none;}')
#: The open conversation in the sidebar (the primary button among ``conv_…`` keys): marked as selected, a tinted
#: button with a bar on its left, not the red primary button that reads as an alert.
#: The copy button, drawn like Streamlit's secondary buttons.
_COPY_CSS = ("button.cchc-copy-button{font:inherit;font-size:0.9rem;padding:0.25rem 0.75rem;border-radius:0.5rem;"
             "border:1px solid rgba(49,51,63,0.2);background:transparent;cursor:pointer;}"
             "button.cchc-copy-button:hover{border-color:rgb(28,131,225);color:rgb(28,131,225);}")
_OPEN_CONVERSATION_CSS = ('[class*="st-key-conv_"] [data-testid="stBaseButton-primary"]{background:rgba(28,131,225,'
                          '0.12);color:inherit;border:1px solid rgba(28,131,225,0.35);'
                          'border-left:4px solid rgb(28,131,225);font-weight:600;}')


def style_block() -> str:
    """A <style> block for the marks, [n] links, scope chips, the uploader, the open conversation and the hidden
    English framework controls (one line, no user data)."""
    return (f"<style>mark.cchc-mark{{{MARK_STYLE}}} .cchc-note{{opacity:0.7;font-size:0.85em;}}"
            "a.cchc-ref{text-decoration:none;font-weight:600;padding:0 2px;border-radius:3px;"
            "background:rgba(28,131,225,0.12);}"
            f"{_UPLOADER_CSS}{_FRAMEWORK_CSS}{_OPEN_CONVERSATION_CSS}{_COPY_CSS}</style>")


def scroll_script(mark_id: str) -> str:
    """A <script> for ``st.html(..., unsafe_allow_javascript=True)``: scroll the document box holding ``mark_id``
    so the mark is in view. Works in the page or in a same-origin iframe; retries while the page renders.
    The id is passed as a JSON string, never spliced into code unescaped.
    """
    import json

    target = json.dumps(mark_id).replace("<", "\\u003c").replace(">", "\\u003e")
    return (
        "<script>(function(){var id=" + target + ";var tries=0;"
        "function go(){var d=document;if(!d.getElementById(id)){try{d=window.parent.document;}catch(e){}}"
        "var m=d.getElementById(id);"
        "if(!m){if(++tries<40){setTimeout(go,150);}return;}"
        "var box=m.closest('.cchc-document');"
        "if(box){var r=m.getBoundingClientRect(),b=box.getBoundingClientRect();"
        "box.scrollTop+= (r.top-b.top)-box.clientHeight/3;}"
        "else{m.scrollIntoView({block:'center'});}}"
        "go();})();</script>"
    )


__all__ = ["escape_text", "escape_markdown", "answer_markdown", "answer_with_refs", "refs_script", "cookie_script",
           "answer_anchor", "answer_scroll_script",
           "plain_answer", "copy_button_html", "copy_script",
           "anchor_id", "locate", "Span", "highlight_html",
           "passage_html",
           "document_html", "row_span", "style_block", "scroll_script"]
