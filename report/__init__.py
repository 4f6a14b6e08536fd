"""The reviewer's report: one self-contained HTML page and the same content as Markdown.

render_html(records, title=None, batch_findings=(), failures=(), source_links=None, lang="vi") -> str
render_markdown(...same parameters...) -> str
"""

from cchc.report.html import render_html
from cchc.report.markdown import render_markdown

__all__ = ["render_html", "render_markdown"]
