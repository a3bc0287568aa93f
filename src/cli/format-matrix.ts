/**
 * Truth table renderers: aligned text for a terminal, Markdown for a pull request, JSON (internal).
 */
import { paint } from './colour';
import { TruthTableData, TruthTableRow } from '../analysis';

/** Ports whose matrices are identical, shown once. */
export interface MatrixGroup {
  readonly labels: string[];
  readonly rows: TruthTableRow[];
}

/** Groups the ports with identical matrices, in the order of their first port. */
export function groupMatrices(data: TruthTableData): MatrixGroup[] {
  const groups = new Map<string, { labels: string[]; rows: TruthTableRow[] }>();
  for (const matrix of data.matrices) {
    const key = matrix.rows.map((r) => r.allowed.map((a, d) => (a ? '1' : r.unknown?.[d] ? '?' : '0')).join('')).join('|');
    const group = groups.get(key) ?? { labels: [], rows: matrix.rows };
    group.labels.push(matrix.port.label);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Text: one block per group of ports with the same matrix; rows are sources, numbered columns are destinations (the row numbers). */
export function matrixText(data: TruthTableData, colour: boolean): string {
  const n = data.endpoints.length;
  const numbers = data.endpoints.map((_, i) => String(i + 1));
  const labelWidth = Math.max(...data.endpoints.map((k, i) => `${numbers[i]} ${k}`.length), 'from \\ to'.length);
  const cellWidth = Math.max(...numbers.map((s) => s.length));
  const blocks = groupMatrices(data).map((matrix) => {
    const allowed = matrix.rows.reduce((sum, row) => sum + row.allowed.filter((a) => a).length, 0);
    const lines = [
      paint(colour, 'bold', `${matrix.labels.join(', ')}: ${allowed} of ${n * n} allowed`),
      `${'from \\ to'.padEnd(labelWidth)}  ${numbers.map((s) => s.padStart(cellWidth)).join(' ')}`,
    ];
    matrix.rows.forEach((row, i) => {
      const cells = row.allowed.map((a, d) => (row.unknown?.[d] ? paint(colour, 'yellow', '?'.padStart(cellWidth))
        : paint(colour, a ? 'green' : 'red', (a ? '✓' : '✗').padStart(cellWidth))));
      lines.push(`${`${numbers[i]} ${row.source}`.padEnd(labelWidth)}  ${cells.join(' ')}`);
    });
    return lines.join('\n');
  });
  const unknown = hasUnknown(data) ? '  ? unknown (decided by a nodes or domainNames peer; not allowed)' : '';
  return `${blocks.join('\n\n')}\n\n✓ allowed  ✗ denied${unknown}  (rows: source, columns: destination by row number)\n`;
}

/** Markdown: one table per group of ports with the same matrix, destinations as columns. */
export function matrixMarkdown(data: TruthTableData): string {
  const blocks = groupMatrices(data).map((matrix) => {
    const lines = [
      `**${escapeMarkdown(matrix.labels.join(', '))}**`,
      '',
      `| from \\ to | ${data.endpoints.map((k) => `\`${k}\``).join(' | ')} |`,
      `|---|${data.endpoints.map(() => ':---:').join('|')}|`,
    ];
    for (const row of matrix.rows) {
      lines.push(`| \`${row.source}\` | ${row.allowed.map((a, d) => (a ? '✅' : row.unknown?.[d] ? '❔' : '❌')).join(' | ')} |`);
    }
    return lines.join('\n');
  });
  const unknown = hasUnknown(data) ? ', ❔ unknown (decided by a nodes or domainNames peer; not allowed)' : '';
  return `${blocks.join('\n\n')}\n\n✅ allowed, ❌ denied${unknown} (rows: source, columns: destination)\n`;
}

/** JSON: the table data as the analyzer gives it. */
export function matrixJson(data: TruthTableData): string {
  return `${JSON.stringify(data, undefined, 2)}\n`;
}

/** Whether any cell of the table is unknown. */
function hasUnknown(data: TruthTableData): boolean {
  return data.matrices.some((m) => m.rows.some((r) => r.unknown !== undefined));
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_|])/g, '\\$1');
}
