/**
 * A self-contained HTML page with a colour-coded grid per port: no scripts, fonts or other assets (internal).
 */
import { TruthTableData } from '../analysis';

const STYLE = [
  'body{font-family:system-ui,sans-serif;margin:2rem;color:#1f2328}',
  'table{border-collapse:collapse;margin-bottom:2rem}',
  'th,td{border:1px solid #d0d7de;padding:.3rem .5rem;font-size:.85rem}',
  'th.col{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap}',
  'th.row{text-align:left;white-space:nowrap}',
  'td.allow{background:#2da44e;color:#fff;text-align:center}',
  'td.deny{background:#cf222e;color:#fff;text-align:center}',
  'code{font-family:ui-monospace,monospace}',
].join('\n');

/** The whole page. */
export function matrixHtml(data: TruthTableData, title: string): string {
  const tables = data.matrices.map((matrix) => {
    const head = data.endpoints.map((k) => `<th class="col" scope="col">${escapeHtml(k)}</th>`).join('');
    const rows = matrix.rows.map((row) => {
      const cells = row.allowed.map((a, i) => {
        const tip = `${row.source} -> ${data.endpoints[i]}: ${a ? 'allowed' : 'denied'}`;
        return `<td class="${a ? 'allow' : 'deny'}" title="${escapeHtml(tip)}">${a ? '✓' : '✗'}</td>`;
      }).join('');
      return `<tr><th class="row" scope="row">${escapeHtml(row.source)}</th>${cells}</tr>`;
    });
    return [
      `<h2>${escapeHtml(matrix.port.label)}</h2>`,
      `<table><tr><th>from \\ to</th>${head}</tr>`,
      ...rows,
      '</table>',
    ].join('\n');
  });
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${STYLE}\n</style></head><body>`,
    `<h1>${escapeHtml(title)}</h1>`,
    '<p>Rows are sources, columns destinations. Green: allowed. Red: denied.</p>',
    ...tables,
    '</body></html>',
    '',
  ].join('\n');
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
