/**
 * `cdk8s-netpol matrix`: the truth table of the workloads found, plus extra endpoints (internal).
 *
 * Three layouts: `full` (every cell, rows and columns the endpoints), `grouped` (rows the endpoint classes,
 * each with its members and the classes it may reach) and `sparse` (only the allowed flows). `auto`, the
 * default, is `full` up to FULL_TABLE_LIMIT endpoints and `grouped` above: a cell-by-cell table of more
 * endpoints is no longer readable, and its size grows with the square of the endpoints.
 */
import { CliError, ErrorCode, EXIT_OK, Io } from './errors';
import { writeFlowsJson, writeFlowsMarkdown, writeFlowsText } from './format-flows';
import { writeGroupedJson, writeGroupedMarkdown, writeGroupedText } from './format-grouped';
import { writeMatrixHtml } from './format-html';
import { writeMatrixJson, writeMatrixMarkdown, writeMatrixText } from './format-matrix';
import { Governance, governedChoice, governedView, noteHidden } from './governed';
import { unanalyzedNotes } from './input-notes';
import { checkFormat } from './option-values';
import { Output } from './output';
import { viewOfTable } from './table-view';
import { chooseEndpoints, noteInferred, openWorkspace, probePorts } from './workspace';

/** Up to this many endpoints, `--layout auto` prints the full table. */
export const FULL_TABLE_LIMIT = 100;

export const LAYOUTS = ['auto', 'full', 'grouped', 'sparse'];

/** Options of `matrix`. */
export interface MatrixOptions {
  readonly port?: string[];
  readonly endpoint?: string[];
  readonly format: string;
  readonly layout?: string;
  /** Show pairs that no policy governs (allowed by default). */
  readonly allPairs?: boolean;
}

/** Prints the table; always exit 0. */
export async function runMatrix(inputs: string[], options: MatrixOptions, io: Io): Promise<number> {
  checkFormat(options.format, ['text', 'markdown', 'json', 'html']);
  const requested = options.layout ?? 'auto';
  if (!LAYOUTS.includes(requested)) {
    throw CliError.problem(ErrorCode.UNKNOWN_VALUE, '--layout', `must be one of ${LAYOUTS.join(', ')}`, requested, 'Use --layout auto');
  }
  const workspace = await openWorkspace(inputs, io);
  const ports = probePorts(options.port, [workspace.model]);
  const choice = governedChoice(chooseEndpoints([workspace], options.endpoint), [workspace.model], options.allPairs, io);
  noteInferred(io, choice);
  const table = workspace.analyzer.truthTable({ ports, endpoints: choice.endpoints, extraEndpoints: choice.extras });
  const count = table.keys.length;
  const layout = requested === 'auto' ? (count <= FULL_TABLE_LIMIT ? 'full' : 'grouped') : requested;
  // Cells of pairs no policy governs are hidden cell by cell in the full table and the list of flows; the grouped
  // layout shows what each class may reach over every pair.
  const hide = (view: ReturnType<typeof viewOfTable>) => (options.allPairs === true || layout === 'grouped' ? view
    : governedView(view, Governance.of([workspace.model], table.endpoints)));
  if (options.format === 'html') {
    if (layout !== 'full') {
      throw CliError.problem(ErrorCode.UNKNOWN_VALUE, '--format', `html draws the full table, which is not readable for ${count} endpoints`, 'html',
        'Use --layout full to draw it anyway, or -f text / -f markdown / -f json with --layout grouped or sparse');
    }
    const page = new Output(io.out);
    const view = hide(viewOfTable(table));
    writeMatrixHtml(view, `NetworkPolicy truth table: ${inputs.join(' ')}`, page);
    page.flush();
    noteHiddenCells(io, view.hiddenCount);
    return EXIT_OK;
  }
  const out = new Output(io.out);
  const view = hide(viewOfTable(table));
  const unanalyzed = unanalyzedNotes(workspace.model.inputs);
  const writers: Record<string, () => void> = {
    'full text': () => writeMatrixText(view, io.colour, out),
    'full markdown': () => writeMatrixMarkdown(view, out),
    'full json': () => writeMatrixJson(view, out, unanalyzed),
    'grouped text': () => writeGroupedText(view, io.colour, out),
    'grouped markdown': () => writeGroupedMarkdown(view, out),
    'grouped json': () => writeGroupedJson(view, out, unanalyzed),
    'sparse text': () => writeFlowsText(view, io.colour, out),
    'sparse markdown': () => writeFlowsMarkdown(view, out),
    'sparse json': () => writeFlowsJson(view, out, unanalyzed),
  };
  writers[`${layout} ${options.format}`]();
  out.flush();
  noteHiddenCells(io, view.hiddenCount);
  return EXIT_OK;
}

function noteHiddenCells(io: Io, count: number | undefined): void {
  noteHidden(io, count ?? 0, 'pair(s)');
}

export { checkFormat } from './option-values';
