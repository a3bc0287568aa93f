/**
 * A self-contained HTML page with a colour-coded grid per port: no scripts, fonts or other assets (internal).
 * Written row by row from the table's classes (`TableView`), like the other renderers: what it holds at a
 * time is one row of cells, never the whole table.
 */
import { escapeLines } from './escape';
import { collect, Output } from './output';
import { TableView, viewOfData } from './table-view';
import { TruthTableData } from '../analysis';

const STYLE = [
  'body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2328}',
  'table{border-collapse:collapse;margin-bottom:2rem}',
  'th,td{border:1px solid #d0d7de;padding:.3rem .5rem;font-size:.85rem}',
  'th.col{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap}',
  'th.row{text-align:left;white-space:nowrap}',
  'td.allow{background:#2da44e;color:#fff;text-align:center}',
  'td.deny{background:#cf222e;color:#fff;text-align:center}',
  'td.unknown{background:#9a6700;color:#fff;text-align:center}',
  'td.none{background:#f6f8fa;color:#57606a;text-align:center}',
  '.unknown-flow{color:#9a6700;font-weight:bold}',
  'code{font-family:ui-monospace,monospace}',
].join('\n');

/** The cell colours and table layout, for pages that embed the tables. */
export const MATRIX_STYLE = STYLE;

/** What the colours mean, for the text above the tables. */
export function matrixLegend(view: TableView): string {
  return [
    'Rows are sources, columns destinations. Green: allowed. Red: denied.',
    ...(view.hasUnknown ? [' Amber (?): unknown, a nodes or domainNames peer of a cluster-wide policy decides it (not counted as allowed).'] : []),
    ...(view.hidden === undefined ? [] : [' Blank: no policy governs the pair (allowed by default; --all-pairs shows it).']),
    ' Ports with the same table are shown together.',
  ].join('');
}

interface Cell {
  readonly kind: 'allow' | 'deny' | 'unknown' | 'none';
  readonly mark: string;
  readonly verdict: string;
}

const CELLS: Record<Cell['kind'], Cell> = {
  allow: { kind: 'allow', mark: '✓', verdict: 'allowed' },
  deny: { kind: 'deny', mark: '✗', verdict: 'denied' },
  unknown: { kind: 'unknown', mark: '?', verdict: 'unknown (a nodes or domainNames peer decides it, which manifests cannot show)' },
  none: { kind: 'none', mark: '·', verdict: 'no policy governs this pair (allowed by default)' },
};

/** The cells of one row of the port at `port`. */
function rowCells(view: TableView, port: number, s: number): Cell[] {
  const allowed = view.rowCells(port, s);
  const unknown = view.rowUnknown(port, s);
  return allowed.map((a, d) => {
    if (view.hidden?.(s, d) === true) return CELLS.none;
    if (unknown?.[d] === true) return CELLS.unknown;
    return a ? CELLS.allow : CELLS.deny;
  });
}

/** Unknown cells of the port shown (not hidden), counted row by row. */
function unknownCount(view: TableView, port: number): number {
  if (!view.hasUnknown) return 0;
  let count = 0;
  for (let s = 0; s < view.keys.length; s++) count += rowCells(view, port, s).filter((c) => c === CELLS.unknown).length;
  return count;
}

/**
 * One table per group of ports with identical matrices (as text and Markdown show them), the groups with at
 * least one allowed cell first, each in the order of its first port. Cells the view hides (no policy governs
 * the pair) are blank and left out of the counts; unknown cells are marked and counted apart.
 */
export function writeMatrixTablesHtml(view: TableView, out: Output): void {
  const groups = view.portGroups.map((group) => ({ group, allowed: view.allowedCount(group[0]) }));
  const ordered = [...groups.filter((g) => g.allowed > 0), ...groups.filter((g) => g.allowed === 0)];
  const n = view.keys.length;
  const hiddenCount = view.hiddenCount ?? 0;
  const note = hiddenCount === 0 ? '' : ` (${hiddenCount} pairs no policy governs hidden)`;
  const head = view.keys.map((k) => `<th class="col" scope="col">${escapeHtml(k)}</th>`).join('');
  ordered.forEach(({ group, allowed }, g) => {
    const p = group[0];
    const unknown = unknownCount(view, p);
    if (g > 0) out.text('\n');
    out.line(`<h2>${escapeHtml(group.map((i) => view.ports[i].label).join(', '))}</h2>`);
    out.line(`<p class="count">${allowed} of ${n * n - hiddenCount} allowed${unknown > 0 ? `, ${unknown} unknown` : ''}${note}</p>`);
    out.line(`<table><tr><th>from \\ to</th>${head}</tr>`);
    view.keys.forEach((source, s) => {
      const cells = rowCells(view, p, s).map((c, d) =>
        `<td class="${c.kind}" title="${escapeHtml(`${source} -> ${view.keys[d]}: ${c.verdict}`)}">${c.mark}</td>`).join('');
      out.line(`<tr><th class="row" scope="row">${escapeHtml(source)}</th>${cells}</tr>`);
    });
    out.text('</table>');
  });
}

/** The tables as blocks of HTML, for a page that places them itself. */
export function matrixTablesHtml(view: TableView): string[] {
  const html = collect((out) => writeMatrixTablesHtml(view, out));
  return html === '' ? [] : [html];
}

/** The whole page. */
export function writeMatrixHtml(view: TableView, title: string, out: Output): void {
  out.line('<!DOCTYPE html>');
  out.line('<html lang="en"><head><meta charset="utf-8">');
  out.line(`<title>${escapeHtml(title)}</title>`);
  out.line(`<style>\n${STYLE}\n</style></head><body>`);
  out.line(`<h1>${escapeHtml(title)}</h1>`);
  out.line(`<p>${matrixLegend(view)}</p>`);
  writeMatrixTablesHtml(view, out);
  if (view.portGroups.length > 0) out.text('\n');
  out.line('</body></html>');
}

/** The whole page of a table given as plain data. */
export function matrixHtml(data: TruthTableData, title: string): string {
  return collect((out) => writeMatrixHtml(viewOfData(data), title, out));
}

/**
 * Escapes text for HTML content and attribute values; control characters and bidi overrides are written as
 * `\u{XXXX}`, as in text output (line breaks kept), so that no name can reorder what the page shows.
 */
export function escapeHtml(text: string): string {
  return escapeLines(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
