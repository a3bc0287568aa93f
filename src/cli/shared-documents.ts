/**
 * Documents read once for two inputs that share most of them (internal): the two sides of a diff are
 * usually the same export with a few documents changed. The first input is parsed as always and its
 * documents are remembered by their text; in the second input, every document whose text is the same is
 * taken from the first, and only the others are parsed.
 *
 * The second input is parsed with the taken documents blanked out (a `---` line, then as many empty lines as
 * the document had, so every other document keeps its index and its line numbers). What the reader would
 * do differently for the whole file falls back to reading the whole file: a file read as JSON, directives
 * (`%YAML`), `...` document ends, a file that needs its continuation lines re-indented, or any error (the
 * error then comes from the whole file, as without sharing). A document whose reading recorded scalars with
 * their lines (YAML 1.1 readings) is never taken, since its lines differ in the other file.
 */
import { InputLimits } from './input-limits';
import { parseDocuments } from './load-manifests';
import { reindentContinuations } from './yaml-indent';
import { SCALAR_READINGS } from '../lint/engine/scalar-readings';

/** How `loadManifests` turns one file's text into documents. */
export type DocumentParser = (name: string, text: string, limits: InputLimits) => unknown[];

/** A document of a YAML stream: its text (its `---` line included) and its lines. */
interface Chunk {
  readonly text: string;
  /** Line breaks in `text`. */
  readonly breaks: number;
}

const MARKER = /^---(?:[ \t\r]|$)/;

export class SharedDocuments {
  /** Documents of the first input by text, each taken at most once. */
  private readonly byText = new Map<string, unknown[]>();

  /** Parses a file of the first input and remembers its documents. */
  public readonly remember: DocumentParser = (name, text, limits) => {
    const docs = parseDocuments(name, text, limits);
    const chunks = splitDocuments(name, text);
    if (chunks !== undefined && chunks.length === docs.length) {
      chunks.forEach((chunk, i) => {
        if (!hasScalarReadings(docs[i])) {
          const list = this.byText.get(chunk.text);
          if (list === undefined) this.byText.set(chunk.text, [docs[i]]);
          else list.push(docs[i]);
        }
      });
    }
    return docs;
  };

  /** Parses a file of the second input, taking the documents the first one has. */
  public readonly reuse: DocumentParser = (name, text, limits) => {
    const chunks = splitDocuments(name, text);
    const taken = chunks?.map((chunk) => this.take(chunk.text));
    if (chunks === undefined || taken === undefined || taken.every((t) => t === undefined)) {
      return parseDocuments(name, text, limits);
    }
    const rest = chunks.map((chunk, i) => (taken[i] === undefined ? chunk.text : `---${'\n'.repeat(chunk.breaks)}`)).join('');
    const docs = reindentContinuations(rest) === undefined ? parseRest(name, rest, limits) : undefined;
    if (docs === undefined || docs.length !== chunks.length) {
      taken.forEach((t, i) => t !== undefined && this.giveBack(chunks[i].text, t.value));
      return parseDocuments(name, text, limits);
    }
    return docs.map((doc, i) => (taken[i] === undefined ? doc : taken[i]!.value));
  };

  private take(text: string): { value: unknown } | undefined {
    const list = this.byText.get(text);
    return list === undefined || list.length === 0 ? undefined : { value: list.shift() };
  }

  private giveBack(text: string, value: unknown): void {
    this.byText.get(text)!.unshift(value);
  }
}

/** The rest of a file parsed; undefined when it does not parse (the whole file is then read for the error). */
function parseRest(name: string, text: string, limits: InputLimits): unknown[] | undefined {
  try {
    return parseDocuments(name, text, limits);
  } catch {
    return undefined;
  }
}

/**
 * The documents of a YAML stream split at its `---` lines; undefined when the reader would not read the file
 * as plain YAML documents (JSON, directives, `...` ends). Comment lines before the first `---` belong to the
 * first document, as in the parser.
 */
function splitDocuments(name: string, text: string): Chunk[] | undefined {
  if (name.endsWith('.json') || /^\s*[[{]/.test(text)) {
    return undefined;
  }
  const chunks: Chunk[] = [];
  let start = 0;
  let breaks = 0;
  let content = false; // whether the current document has a line other than a comment or a blank line
  let explicit = false; // whether it starts with ---
  for (let at = 0; at <= text.length;) {
    const end = text.indexOf('\n', at);
    const lineEnd = end === -1 ? text.length : end;
    const line = text.slice(at, lineEnd);
    if (line.startsWith('%') || /^\.\.\.(?:[ \t\r]|$)/.test(line)) {
      return undefined;
    }
    if (MARKER.test(line)) {
      if (explicit || content) {
        chunks.push({ text: text.slice(start, at), breaks });
        start = at;
        breaks = 0;
      }
      explicit = true;
    } else if (!content && !/^[ \t\r]*(?:#.*)?$/.test(line)) {
      content = true;
    }
    if (end === -1) break;
    breaks++;
    at = end + 1;
  }
  if (explicit || content) {
    chunks.push({ text: text.slice(start), breaks });
  }
  return chunks;
}

function hasScalarReadings(doc: unknown): boolean {
  return typeof doc === 'object' && doc !== null && (doc as Record<symbol, unknown>)[SCALAR_READINGS] !== undefined;
}
