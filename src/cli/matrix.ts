/**
 * `cdk8s-netpol matrix`: the truth table of the workloads found, plus extra endpoints (internal).
 */
import { CliError, ErrorCode, EXIT_OK, Io } from './errors';
import { matrixHtml } from './format-html';
import { matrixJson, matrixMarkdown, matrixText } from './format-matrix';
import { governedChoice } from './governed';
import { chooseEndpoints, noteInferred, openWorkspace, probePorts } from './workspace';

/** Options of `matrix`. */
export interface MatrixOptions {
  readonly port?: string[];
  readonly endpoint?: string[];
  readonly format: string;
  /** Show pairs that no policy governs (allowed by default). */
  readonly allPairs?: boolean;
}

/** Prints the table; always exit 0. */
export async function runMatrix(inputs: string[], options: MatrixOptions, io: Io): Promise<number> {
  checkFormat(options.format, ['text', 'markdown', 'json', 'html']);
  const workspace = await openWorkspace(inputs, io);
  const ports = probePorts(options.port, [workspace.model]);
  const choice = governedChoice(chooseEndpoints([workspace], options.endpoint), [workspace.model], options.allPairs, io);
  noteInferred(io, choice);
  const data = workspace.analyzer.truthTable({ ports, endpoints: choice.endpoints, extraEndpoints: choice.extras }).toData();
  const render: Record<string, () => string> = {
    text: () => matrixText(data, io.colour),
    markdown: () => matrixMarkdown(data),
    json: () => matrixJson(data),
    html: () => matrixHtml(data, `NetworkPolicy truth table: ${inputs.join(' ')}`),
  };
  io.out(render[options.format]());
  return EXIT_OK;
}

/** Refuses a `--format` value the command does not know. */
export function checkFormat(format: string, known: string[]): void {
  if (!known.includes(format)) {
    throw CliError.problem(ErrorCode.UNKNOWN_VALUE, '--format', `must be one of ${known.join(', ')}`, format, `Use --format ${known[0]}`);
  }
}
