/**
 * The full truth table, cell by cell: aligned text for a terminal, Markdown for a pull request, JSON
 * (internal). Each is written row by row; the string forms collect the same output.
 */
import { paint } from './colour';
import { escapeText } from './escape';
import { collect, jsonArray, jsonAt, Output, UnanalyzedNote, unanalyzedMember } from './output';
import { TableView, viewOfData } from './table-view';
import { TruthTableData, TruthTableRow } from '../analysis';

/** Ports whose matrices are identical, shown once. */
export interface MatrixGroup {
  readonly labels: string[];
  readonly rows: TruthTableRow[];
}

/** Groups the ports with identical matrices, in the order of their first port. */
export function groupMatrices(data: TruthTableData): MatrixGroup[] {
  return viewOfData(data).portGroups.map((g) => ({ labels: g.map((p) => data.matrices[p].port.label), rows: data.matrices[g[0]].rows }));
}

/** Text: one block per group of ports with the same matrix; rows are sources, numbered columns are destinations (the row numbers). */
export function writeMatrixText(view: TableView, colour: boolean, out: Output): void {
  const keys = view.keys.map(escapeText);
  const numbers = keys.map((_, i) => String(i + 1));
  const labelWidth = Math.max(...keys.map((k, i) => `${numbers[i]} ${k}`.length), 'from \\ to'.length);
  const cellWidth = Math.max(...numbers.map((s) => s.length));
  const yes = paint(colour, 'green', '✓'.padStart(cellWidth));
  const no = paint(colour, 'red', '✗'.padStart(cellWidth));
  const maybe = paint(colour, 'yellow', '?'.padStart(cellWidth));
  const blank = '·'.padStart(cellWidth);
  view.portGroups.forEach((group, g) => {
    const labels = escapeText(group.map((p) => view.ports[p].label).join(', '));
    out.text(g === 0 ? '' : '\n\n');
    out.line(paint(colour, 'bold', `${labels}: ${countText(view, group[0])}`));
    out.text(`${'from \\ to'.padEnd(labelWidth)}  ${numbers.map((s) => s.padStart(cellWidth)).join(' ')}`);
    keys.forEach((source, s) => {
      const unknown = view.rowUnknown(group[0], s);
      const cells = view.rowCells(group[0], s).map((a, d) => (view.hidden?.(s, d) ? blank : unknown?.[d] ? maybe : a ? yes : no));
      out.text(`\n${`${numbers[s]} ${source}`.padEnd(labelWidth)}  ${cells.join(' ')}`);
    });
  });
  const unknown = view.hasUnknown ? '  ? unknown (decided by a nodes or domainNames peer; not allowed)' : '';
  const hidden = view.hidden === undefined ? '' : `  ${HIDDEN_LEGEND}`;
  out.text(`\n\n✓ allowed  ✗ denied${unknown}${hidden}  (rows: source, columns: destination by row number)\n`);
}

/** What a blank cell means. */
const HIDDEN_LEGEND = '· no policy governs the pair (allowed by default; --all-pairs shows it)';

/** `3 of 16 allowed`, counting only the cells shown: `3 of 10 allowed (6 pairs no policy governs hidden)`. */
function countText(view: TableView, port: number): string {
  const n = view.keys.length;
  const hidden = view.hiddenCount ?? 0;
  const text = `${view.allowedCount(port)} of ${n * n - hidden} allowed`;
  return hidden === 0 ? text : `${text} (${hidden} pairs no policy governs hidden)`;
}

/** Markdown: one table per group of ports with the same matrix, destinations as columns. */
export function writeMatrixMarkdown(view: TableView, out: Output): void {
  const keys = view.keys.map(escapeText);
  view.portGroups.forEach((group, g) => {
    out.text(g === 0 ? '' : '\n\n');
    out.line(`**${escapeMarkdown(group.map((p) => view.ports[p].label).join(', '))}**`);
    out.line('');
    out.line(`| from \\ to | ${keys.map((k) => `\`${k}\``).join(' | ')} |`);
    out.text(`|---|${keys.map(() => ':---:').join('|')}|`);
    keys.forEach((source, s) => {
      const unknown = view.rowUnknown(group[0], s);
      const cells = view.rowCells(group[0], s).map((a, d) => (view.hidden?.(s, d) ? '·' : a ? '✅' : unknown?.[d] ? '❔' : '❌'));
      out.text(`\n| \`${source}\` | ${cells.join(' | ')} |`);
    });
  });
  const unknown = view.hasUnknown ? ', ❔ unknown (decided by a nodes or domainNames peer; not allowed)' : '';
  const hidden = view.hidden === undefined ? '' : `, ${HIDDEN_LEGEND}`;
  out.text(`\n\n✅ allowed, ❌ denied${unknown}${hidden} (rows: source, columns: destination)\n`);
}

/**
 * JSON: the table data as the analyzer's `toData()` gives it (the same bytes), written one row at a time; when
 * cells are hidden, a row with hidden cells also lists them (`hidden`, like `unknown`), its `allowed` unchanged.
 */
export function writeMatrixJson(view: TableView, out: Output, unanalyzed?: UnanalyzedNote[]): void {
  out.line('{');
  jsonArray(out, 'endpoints', view.keys.map((k) => jsonAt(k, 2)), 1, false);
  jsonArray(out, 'ports', view.listedPorts.map((p) => jsonAt(p, 2)), 1, false);
  const rowsOf = function* (p: number): Iterable<string> {
    for (let s = 0; s < view.keys.length; s++) {
      const unknown = view.rowUnknown(p, s);
      const hidden = view.hidden === undefined ? undefined : view.keys.map((_, d) => view.hidden!(s, d));
      const row = { source: view.keys[s], allowed: view.rowCells(p, s), ...(unknown === undefined ? {} : { unknown }) };
      yield jsonAt(hidden === undefined || !hidden.includes(true) ? row : { ...row, hidden }, 4);
    }
  };
  const matrices = function* (): Iterable<string> {
    for (let p = 0; p < view.ports.length; p++) {
      out.text(p === 0 ? '  "matrices": [\n' : ',\n');
      out.line('    {');
      out.line(`      "port": ${jsonAt(view.ports[p], 3).trimStart()},`);
      jsonArray(out, 'rows', rowsOf(p), 3, true);
      yield '    }';
    }
  };
  let any = false;
  for (const closing of matrices()) {
    out.text(closing);
    any = true;
  }
  out.text(any ? '\n  ]' : '  "matrices": []');
  out.text(`${unanalyzedMember(unanalyzed)}\n}\n`);
}

export function matrixText(data: TruthTableData, colour: boolean): string {
  return collect((out) => writeMatrixText(viewOfData(data), colour, out));
}

export function matrixMarkdown(data: TruthTableData): string {
  return collect((out) => writeMatrixMarkdown(viewOfData(data), out));
}

export function matrixJson(data: TruthTableData): string {
  return collect((out) => writeMatrixJson(viewOfData(data), out));
}

export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_|])/g, '\\$1');
}
