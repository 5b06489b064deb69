"""Safe HTML and Markdown for Streamlit: article text with highlighted spans, their styles and legend, and text that
markdown shows literally. Only the app renders these; every character of the evidence is escaped."""
from __future__ import annotations

import html
from typing import Sequence

# Highlight classes of the article reader: (kind, css class, background, label for the legend).
MARK_STYLES = (
    ("direct", "q-direct", "#ffe08a", "direct quote"),
    ("partial", "q-partial", "#ffd0a8", "partial quote"),
    ("reported", "q-reported", "#d6e4ff", "reported speech"),
    ("speaker", "q-speaker", "#c9f0c9", "speaker"),
    ("date", "q-date", "#f3d1f4", "dated reference"),
    ("reuse", "q-reuse", "#ffe08a", "reused passage"),
    ("quoted", "q-quoted", "#ffe08a", "quoted words"),
)
# Backslash-escaped by plain_markdown: every character markdown or HTML gives a meaning.
_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()<>#+-.!|~$:"})


def plain_markdown(text) -> str:
    """Text that Streamlit markdown shows literally: every markdown/HTML special character backslash-escaped."""
    return "" if text is None else str(text).translate(_MARKDOWN_SPECIAL)


def highlight_html(text: str, spans: Sequence[tuple[int, int, str]], title_of=None) -> str:
    """``text`` as escaped HTML with ``<mark>`` around each (start, end, kind) span; overlaps nest by start order.

    Every character of ``text`` goes through html.escape, so markup inside an article shows as text.
    """
    classes = {kind: css for kind, css, _, _ in MARK_STYLES}
    events = []
    n = len(text)
    for start, end, kind in spans:
        start, end = max(0, int(start)), min(n, int(end))
        if end > start:
            events.append((start, end, kind))
    # Flatten overlaps: cut the text at every boundary, each piece takes the innermost (latest-starting) span.
    cuts = sorted({0, n, *(s for s, _, _ in events), *(e for _, e, _ in events)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [ev for ev in events if ev[0] <= a and ev[1] >= b]
        piece = html.escape(text[a:b]).replace("\n", "<br>")
        if covering:
            kind = max(covering, key=lambda ev: (ev[0], -ev[1]))[2]
            tip = html.escape(title_of(kind) if title_of else kind, quote=True)
            out.append(f'<mark class="{classes.get(kind, "q-quoted")}" title="{tip}">{piece}</mark>')
        else:
            out.append(piece)
    return "".join(out)


def highlight_css() -> str:
    """The <style> block for highlight_html marks and the framing matrix badges."""
    marks = "".join(f"mark.{css}{{background:{bg};padding:0 1px;border-radius:2px}}" for _, css, bg, _ in MARK_STYLES)
    return ("<style>" + marks +
            ".cc-badge{display:inline-block;font-size:0.72em;padding:1px 6px;border-radius:8px;margin-right:4px;"
            "background:#eef;color:#223;border:1px solid #ccd;white-space:nowrap}"
            ".cc-badge.direct{background:#ffe08a}.cc-badge.partial{background:#ffd0a8}"
            ".cc-badge.reported{background:#d6e4ff}.cc-badge.own{background:#e8e8e8}"
            ".cc-badge.proposal{background:#d8f5d0}"
            ".cc-omit{color:#999;font-style:italic}"
            ".cc-matrix{border-collapse:collapse;width:100%;font-size:0.9em}"
            ".cc-matrix th,.cc-matrix td{border:1px solid #ddd;padding:6px;vertical-align:top;text-align:left}"
            ".cc-matrix th{background:#f6f6f9}"
            # columns of even width (the first row's widths): a column of short notes never squeezes one of text
            ".cc-even{table-layout:fixed}.cc-even td,.cc-even th{overflow-wrap:anywhere}"
            ".cc-outlet{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:5px}"
            ".cc-text{line-height:1.6}</style>")


def legend_html() -> str:
    """A one-line legend of the highlight classes used in the article reader."""
    return " ".join(f'<mark class="{css}">{html.escape(label)}</mark>' for kind, css, _, label in MARK_STYLES
                    if kind in ("direct", "partial", "reported", "speaker", "date"))


# Streamlit's date input applies a typed date only on an interaction outside the field (a click elsewhere); a journalist
# presses Enter. This constant script (no data in it) turns Enter in a date field into that outside press and leaves
# the field, which applies the date. Installed once per tab.
ENTER_APPLIES_DATES_JS = """<script>
if (!window.ccEnterAppliesDates) {
  window.ccEnterAppliesDates = true;
  document.addEventListener("keydown", function (event) {
    var field = event.key === "Enter" && event.target.closest && event.target.closest("[data-testid=stDateInput]");
    if (!field) { return; }
    ["pointerdown", "mousedown", "pointerup", "mouseup"].forEach(function (type) {
      var Event = type.indexOf("pointer") === 0 ? PointerEvent : MouseEvent;
      document.body.dispatchEvent(new Event(type, {bubbles: true}));
    });
    event.target.blur();
  }, true);
}
</script>"""


def joined_names(names: list[str], most: int | None = None) -> str:
    """Names as one phrase for a caption: "A", "A and B", "A, B and C" (markdown-safe); past ``most`` names, "A, B and
    7 more"."""
    names = [plain_markdown(n) for n in names]
    if most is not None and len(names) > most:
        names = names[:most] + [f"{len(names) - most:,} more"]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
