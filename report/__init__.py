"""The reviewer's report: one self-contained HTML page and the same content as Markdown.

render_html(records, title=None, batch_findings=(), failures=(), source_links=None, lang="vi") -> str
render_markdown(...same parameters...) -> str
write_report(out_dir, records, ..., form="auto"|"single"|"split") -> paths: the files, split into an index
    and one page per report for a large batch
"""

from cchc.report.html import render_html
from cchc.report.markdown import render_markdown
from cchc.report.pages import write_report

__all__ = ["render_html", "render_markdown", "write_report"]
