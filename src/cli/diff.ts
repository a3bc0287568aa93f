/**
 * `cdk8s-netpol diff`: flows that became allowed or denied between two sets of manifests (internal).
 */
import { EXIT_FINDINGS, EXIT_OK, Io } from './errors';
import { writeDiffJson, writeDiffMarkdown, writeDiffText } from './format-diff';
import { unanalyzedNotes } from './input-notes';
import { checkFormat } from './option-values';
import { Output } from './output';
import { SharedDocuments } from './shared-documents';
import { chooseEndpoints, noteInferred, openWorkspace, probePorts } from './workspace';
import { FlowChange, PolicyAnalyzer } from '../analysis';
import { flowChanges } from '../analysis/internal/table-diff';

/** Options of `diff`. */
export interface DiffCommandOptions {
  readonly port?: string[];
  readonly endpoint?: string[];
  readonly format: string;
}

/** Prints the changes; exit 1 when anything changed. */
export async function runDiff(before: string, after: string, options: DiffCommandOptions, io: Io): Promise<number> {
  checkFormat(options.format, ['text', 'markdown', 'json']);
  // Both sides usually share most documents: those the after side has unchanged are read once.
  const shared = new SharedDocuments();
  const old = await openWorkspace([before], io, true, shared.remember); // an empty before side: the manifests are new
  const now = await openWorkspace([after], io, false, shared.reuse);
  const ports = probePorts(options.port, [old.model, now.model]);
  const choice = chooseEndpoints([old, now], options.endpoint);
  noteInferred(io, choice);
  const extraEndpoints = choice.inferred ? [...choice.endpoints, ...choice.extras] : choice.extras;
  const [tableBefore, tableAfter] = PolicyAnalyzer._diffTables(old.analyzer, now.analyzer, { ports, extraEndpoints });
  // The changes are found again on each pass over them, class by class, instead of being kept.
  let changed = false;
  const changes: Iterable<FlowChange> = {
    [Symbol.iterator]: function* () {
      for (const change of flowChanges(tableBefore, tableAfter)) {
        changed = true;
        yield change;
      }
    },
  };
  const out = new Output(io.out);
  const render: Record<string, () => void> = {
    text: () => writeDiffText(changes, io.colour, out),
    markdown: () => writeDiffMarkdown(changes, out),
    json: () => writeDiffJson(changes, out, unanalyzedNotes(old.model.inputs, now.model.inputs)),
  };
  render[options.format]();
  out.flush();
  return changed ? EXIT_FINDINGS : EXIT_OK;
}
