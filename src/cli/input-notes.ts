/**
 * What the input held besides the objects analyzed, told to the user (internal): documents that are not
 * Kubernetes objects, policies of kinds that are not analyzed, and other kinds that nothing reads.
 */
import { Io } from './errors';
import { LoadedManifests } from './load-manifests';
import { UnanalyzedNote } from './output';
import { DocumentFlattener, InputSummary, isReadKind } from '../analysis/internal/normalize';

/** Names listed in one note before the rest is counted. */
const NAMES_SHOWN = 10;

const SPECIAL_FILES = 'skipped, not regular files';
const NOT_MANIFESTS = 'skipped, not Kubernetes objects (no apiVersion, kind or metadata)';

/**
 * The summary of the input's documents. A document that cannot be read is left out here: reading it
 * reports the problem.
 */
export function summarizeInputs(loaded: LoadedManifests): InputSummary {
  const flattener = new DocumentFlattener(isReadKind);
  loaded.manifests.forEach((doc, index) => {
    try {
      flattener.flatten(doc, { document: loaded.sources[index], index });
    } catch {
      // reported by the reader of the document
    }
  });
  return flattener.summary();
}

/** Lines for `check`'s summary: documents skipped, kinds not read. */
export function summaryLines(summary: InputSummary, skippedFiles: string[] = []): string[] {
  const lines: string[] = [];
  if (skippedFiles.length > 0) {
    lines.push(`${SPECIAL_FILES}: ${listed(skippedFiles)}`);
  }
  if (summary.notManifests.length > 0) {
    lines.push(`${NOT_MANIFESTS}: ${listed(summary.notManifests)}`);
  }
  const kinds = Object.entries(summary.ignoredKinds);
  if (kinds.length > 0) {
    lines.push(`not read (no effect on connectivity): ${kinds.map(([kind, n]) => `${kind} ${n}`).join(', ')}`);
  }
  return lines;
}

/** Notes on stderr for the commands that answer about connectivity (explain, matrix, diff, graph). */
export function noteInputs(io: Io, summary: InputSummary, escape: (text: string) => string, skippedFiles: string[] = []): void {
  if (skippedFiles.length > 0) {
    io.err(escape(`note: ${SPECIAL_FILES}: ${listed(skippedFiles)}`) + '\n');
  }
  if (summary.unanalyzed.length > 0) {
    const objects = summary.unanalyzed.map((o) => `${o.object} (${o.source.document})`);
    io.err(escape(`note: this answer leaves out ${count(objects.length, 'policy', 'policies')} of kinds that are not analyzed: ${listed(objects)}`) + '\n');
  }
  if (summary.notManifests.length > 0) {
    io.err(escape(`note: ${NOT_MANIFESTS}: ${listed(summary.notManifests)}`) + '\n');
  }
}

function count(n: number, word: string, plural = `${word}s`): string {
  return `${n} ${n === 1 ? word : plural}`;
}

function listed(names: string[]): string {
  const shown = names.slice(0, NAMES_SHOWN).join(', ');
  return names.length > NAMES_SHOWN ? `${shown} and ${names.length - NAMES_SHOWN} more` : shown;
}

/** The objects of kinds that are not analyzed, for the `unanalyzed` member of JSON outputs (input order). */
export function unanalyzedNotes(...summaries: InputSummary[]): UnanalyzedNote[] {
  return summaries.flatMap((s) => s.unanalyzed.map((o) => ({
    kind: o.kind, apiVersion: o.apiVersion, object: o.object, document: o.source.document,
  })));
}
