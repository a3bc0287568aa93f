/**
 * A self-contained HTML page with a colour-coded grid per port: no scripts, fonts or other assets (internal).
 */
import { groupMatrices } from './format-matrix';
import { TruthTableData } from '../analysis';

const STYLE = [
  'body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2328}',
  'table{border-collapse:collapse;margin-bottom:2rem}',
  'th,td{border:1px solid #d0d7de;padding:.3rem .5rem;font-size:.85rem}',
  'th.col{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap}',
  'th.row{text-align:left;white-space:nowrap}',
  'td.allow{background:#2da44e;color:#fff;text-align:center}',
  'td.deny{background:#cf222e;color:#fff;text-align:center}',
  'td.none{background:#f6f8fa;color:#57606a;text-align:center}',
  'code{font-family:ui-monospace,monospace}',
].join('\n');

/**
 * One table per group of ports with identical matrices (as text and Markdown show them), the groups with at
 * least one allowed cell first, each in the order of its first port. Cells `hidden` says no policy governs are
 * blank and left out of the counts.
 */
export function matrixTablesHtml(data: TruthTableData, hidden?: (source: number, destination: number) => boolean): string[] {
  const shown = (s: number, d: number) => hidden === undefined || !hidden(s, d);
  const groups = groupMatrices(data).map((group) => ({
    group,
    allowed: group.rows.reduce((n, r, s) => n + r.allowed.filter((a, d) => a && shown(s, d)).length, 0),
  }));
  const ordered = [...groups.filter((g) => g.allowed > 0), ...groups.filter((g) => g.allowed === 0)];
  const n = data.endpoints.length;
  let hiddenCount = 0;
  for (let s = 0; s < n; s++) for (let d = 0; d < n; d++) if (!shown(s, d)) hiddenCount++;
  const note = hiddenCount === 0 ? '' : ` (${hiddenCount} pairs no policy governs hidden)`;
  return ordered.map(({ group, allowed }) => {
    const head = data.endpoints.map((k) => `<th class="col" scope="col">${escapeHtml(k)}</th>`).join('');
    const rows = group.rows.map((row, s) => {
      const cells = row.allowed.map((a, i) => {
        if (!shown(s, i)) {
          const tip = `${row.source} -> ${data.endpoints[i]}: no policy governs this pair (allowed by default)`;
          return `<td class="none" title="${escapeHtml(tip)}">·</td>`;
        }
        const tip = `${row.source} -> ${data.endpoints[i]}: ${a ? 'allowed' : 'denied'}`;
        return `<td class="${a ? 'allow' : 'deny'}" title="${escapeHtml(tip)}">${a ? '✓' : '✗'}</td>`;
      }).join('');
      return `<tr><th class="row" scope="row">${escapeHtml(row.source)}</th>${cells}</tr>`;
    });
    return [
      `<h2>${escapeHtml(group.labels.join(', '))}</h2>`,
      `<p class="count">${allowed} of ${n * n - hiddenCount} allowed${note}</p>`,
      `<table><tr><th>from \\ to</th>${head}</tr>`,
      ...rows,
      '</table>',
    ].join('\n');
  });
}

/** The cell colours and table layout, for pages that embed the tables. */
export const MATRIX_STYLE = STYLE;

/** The whole page; `hidden` as for `matrixTablesHtml()`. */
export function matrixHtml(data: TruthTableData, title: string, hidden?: (source: number, destination: number) => boolean): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${STYLE}\n</style></head><body>`,
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>Rows are sources, columns destinations. Green: allowed. Red: denied.${hidden === undefined ? '' : ' Blank: no policy governs the pair (allowed by default; --all-pairs shows it).'} Ports with the same table are shown together.</p>`,
    ...matrixTablesHtml(data, hidden),
    '</body></html>',
    '',
  ].join('\n');
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
