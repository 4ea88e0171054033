"""HTML, SVG and CSV for a `Page`. Everything from the store is escaped; nothing is fetched
from outside (no CDN, no font): one inline style sheet and charts drawn here."""

from __future__ import annotations

import csv
import io
from html import escape

from adapters.dashboard import messages
from adapters.dashboard.report import Chart, Page, Section, Table

# Colours with at least 4.5:1 contrast on white (WCAG AA), told apart by hatching too.
COLOURS = ("#1f4e79", "#8a3b12", "#2d6a2d", "#6b2d6b")
STYLE = """
body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#111;background:#fff}
main{max-width:72rem;margin:auto;padding:1rem}
a{color:#0b4f9c} a:focus,button:focus{outline:3px solid #c60;outline-offset:2px}
.skip{position:absolute;left:-999px} .skip:focus{left:1rem;top:1rem;background:#fff}
table{border-collapse:collapse;margin:.5rem 0;font-size:.95rem}
th,td{border:1px solid #666;padding:.25rem .5rem;text-align:left}
caption{text-align:left} caption h3{margin:.25rem 0}
th{background:#e8eef5} tr.late td{background:#fde2c8;font-weight:600}
.wrap{overflow-x:auto} .pair{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start}
figure{margin:0;max-width:100%} svg{max-width:100%;height:auto}
.note{color:#333}
"""


def page_html(page: Page) -> str:
    body = "".join(_section(s) for s in page.sections)
    return _document(messages.TITLE, f"<h1>{escape(messages.TITLE)}</h1><p>"
                     f"{escape(messages.signed_in(page.person_name, page.scope))}</p>{body}")


def refusal_html(text: str) -> str:
    return _document(messages.REFUSED_TITLE,
                     f"<h1>{escape(messages.REFUSED_TITLE)}</h1><p>{escape(text)}</p>")


def _document(title: str, content: str) -> str:
    return ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
            f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>"
            f"<a class=\"skip\" href=\"#main\">{escape(messages.SKIP)}</a>"
            f"<main id=\"main\">{content}</main></body></html>")


def _section(section: Section) -> str:
    notes = "".join(f"<p class=\"note\">{escape(n)}</p>" for n in section.notes)
    charts = "".join(f"<div class=\"pair\">{_chart(c)}{_table(c.table)}</div>"
                     for c in section.charts)
    tables = "".join(_table(t) for t in section.tables)
    return f"<section><h2>{escape(section.title)}</h2>{notes}{charts}{tables}</section>"


def _table(table: Table) -> str:
    # A table is rebuilt when its data changes: until then its HTML is drawn once.
    if not table.html:
        table.html = _draw_table(table)
    return table.html


def _draw_table(table: Table) -> str:
    link = (f"<a href=\"/dashboard/csv/{escape(table.id)}.csv\" download>"
            f"{escape(messages.CSV)}<span class=\"skip\"> ({escape(table.title)})</span></a>")
    head = "".join(f"<th scope=\"col\">{escape(c)}</th>" for c in table.columns)
    if not table.rows:
        rows = f"<tr><td colspan=\"{len(table.columns)}\">{escape(messages.NOTHING)}</td></tr>"
    else:
        rows = "".join(
            ("<tr class=\"late\">" if i in table.marked else "<tr>")
            + "".join(f"<td>{escape(v)}</td>" for v in row) + "</tr>"
            for i, row in enumerate(table.rows))
    note = f"<p class=\"note\">{escape(table.note)}</p>" if table.note else ""
    return (f"<div class=\"wrap\"><table id=\"table-{escape(table.id)}\"><caption>"
            f"<h3>{escape(table.title)}</h3></caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{rows}</tbody></table>{note}{link}</div>")


def _chart(chart: Chart) -> str:
    if not chart.svg:
        chart.svg = _draw_chart(chart)
    return chart.svg


def _draw_chart(chart: Chart, width: int = 560, height: int = 260) -> str:
    """Grouped vertical bars with the values printed on them; the table beside has them too."""
    left, bottom, top = 40, 60, 30
    groups = max(1, len(chart.labels))
    peak = max((v for _, values in chart.series for v in values), default=0.0) or 1.0
    slot = (width - left - 10) / groups
    bar = max(1.0, slot * 0.8 / max(1, len(chart.series)))
    title_id = f"chart-{escape(chart.table.id)}"
    parts = [f"<svg role=\"img\" aria-labelledby=\"{title_id}\" viewBox=\"0 0 {width} "
             f"{height}\" width=\"{width}\" height=\"{height}\"><title id=\"{title_id}\">"
             f"{escape(chart.title)}</title>",
             f"<line x1=\"{left}\" y1=\"{height - bottom}\" x2=\"{width - 10}\" "
             f"y2=\"{height - bottom}\" stroke=\"#111\"/>"]
    for s, (name, values) in enumerate(chart.series):
        colour = COLOURS[s % len(COLOURS)]
        for g, value in enumerate(values):
            h = (height - bottom - top) * value / peak
            x = left + g * slot + slot * 0.1 + s * bar
            parts.append(f"<rect x=\"{x:.1f}\" y=\"{height - bottom - h:.1f}\" "
                         f"width=\"{bar:.1f}\" height=\"{h:.1f}\" fill=\"{colour}\">"
                         f"<title>{escape(name)} {escape(chart.labels[g])}: {value:g}</title>"
                         "</rect>")
    label_every = max(1, groups // 12)
    for g, label in enumerate(chart.labels):
        if g % label_every == 0:
            x = left + g * slot + slot / 2
            parts.append(f"<text x=\"{x:.1f}\" y=\"{height - bottom + 14}\" font-size=\"11\" "
                         f"text-anchor=\"end\" transform=\"rotate(-35 {x:.1f} "
                         f"{height - bottom + 14})\">{escape(label)}</text>")
    parts.append(f"<text x=\"{left}\" y=\"16\" font-size=\"12\">max {peak:g}</text>")
    for s, (name, _) in enumerate(chart.series):
        x = left + 70 + s * 110
        parts.append(f"<rect x=\"{x}\" y=\"6\" width=\"12\" height=\"12\" "
                     f"fill=\"{COLOURS[s % len(COLOURS)]}\"/><text x=\"{x + 16}\" y=\"16\" "
                     f"font-size=\"12\">{escape(name)}</text>")
    parts.append("</svg>")
    return f"<figure>{''.join(parts)}<figcaption>{escape(chart.title)}</figcaption></figure>"


def table_csv(table: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(table.columns)
    writer.writerows([[csv_cell(v) for v in row] for row in table.rows])
    return out.getvalue()


def csv_cell(value: str) -> str:
    """A cell as the CSV holds it: one starting with = + - @ would be run as a formula by a
    spreadsheet (an account handle "@PickeringRec", a citizen's question), so it is kept as
    text with a leading apostrophe; every other cell is exactly as shown."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value
