/**
 * `cdk8s-netpol diff`: flows that became allowed or denied between two sets of manifests (internal).
 */
import { EXIT_FINDINGS, EXIT_OK, Io } from './errors';
import { diffJson, diffMarkdown, diffText } from './format-diff';
import { checkFormat } from './matrix';
import { chooseEndpoints, noteInferred, openWorkspace, probePorts } from './workspace';
import { PolicyAnalyzer } from '../analysis';

/** Options of `diff`. */
export interface DiffCommandOptions {
  readonly port?: string[];
  readonly endpoint?: string[];
  readonly format: string;
}

/** Prints the changes; exit 1 when anything changed. */
export async function runDiff(before: string, after: string, options: DiffCommandOptions, io: Io): Promise<number> {
  checkFormat(options.format, ['text', 'markdown', 'json']);
  const old = await openWorkspace([before], io, true); // an empty before side: the manifests are new
  const now = await openWorkspace([after], io);
  const ports = probePorts(options.port, [old.model, now.model]);
  const choice = chooseEndpoints([old, now], options.endpoint);
  noteInferred(io, choice);
  const extraEndpoints = choice.inferred ? [...choice.endpoints, ...choice.extras] : choice.extras;
  const changes = PolicyAnalyzer.diff(old.analyzer, now.analyzer, { ports, extraEndpoints });
  const render: Record<string, () => string> = {
    text: () => diffText(changes, io.colour),
    markdown: () => diffMarkdown(changes),
    json: () => diffJson(changes),
  };
  io.out(render[options.format]());
  return changes.length === 0 ? EXIT_OK : EXIT_FINDINGS;
}
