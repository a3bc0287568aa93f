/**
 * Where a field of a document is in its file (internal): `dist/app.k8s.yaml#2` plus `spec.ingress[0].from[1]`
 * becomes a 1-based line and column, for SARIF. Files are read again and parsed with positions; a field that
 * cannot be found falls back to its nearest parent, a document to line 1.
 */
import * as fs from 'fs';
import { Document, isNode, LineCounter, parseAllDocuments } from 'yaml';
import { normalizeBreaks } from './yaml-indent';

/** A 1-based position in a file. */
export interface Location {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

interface ParsedFile {
  readonly docs: Document[];
  readonly lines: LineCounter;
  /** A `.json` file holding an array: one document per item. */
  readonly array: boolean;
}

/** Field path segments: `spec.ingress[0].from` -> ['spec', 'ingress', 0, 'from']. */
export function fieldSegments(field: string): Array<string | number> {
  return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
}

/** Locates fields of documents named `<file>#<index>`, reading each file once. */
export class YamlLocator {
  private readonly files = new Map<string, ParsedFile | undefined>();

  /** The position of the field (or of the document), or undefined when the file cannot be read (stdin). */
  public locate(source: string, field: string | undefined): Location | undefined {
    const m = /^(.*)#(\d+)$/.exec(source);
    if (m === null) {
      return undefined;
    }
    const [file, index] = [m[1], Number(m[2])];
    const parsed = this.parse(file);
    if (parsed === undefined) {
      return undefined;
    }
    const doc = parsed.array ? parsed.docs[0] : parsed.docs[index];
    const prefix: Array<string | number> = parsed.array ? [index] : [];
    const segments = [...prefix, ...fieldSegments(field ?? '')];
    for (let n = segments.length; n >= 0 && doc !== undefined; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(segments.slice(0, n), true);
      if (isNode(node) && node.range !== undefined && node.range !== null) {
        const pos = parsed.lines.linePos(node.range[0]);
        return { file, line: pos.line, column: pos.col };
      }
    }
    return { file, line: 1, column: 1 };
  }

  private parse(file: string): ParsedFile | undefined {
    if (!this.files.has(file)) {
      let text: string | undefined;
      try {
        text = file === '<stdin>' ? undefined : fs.readFileSync(file, 'utf8');
      } catch {
        text = undefined;
      }
      const lines = new LineCounter();
      const docs = text === undefined ? [] : parseAllDocuments(normalizeBreaks(text), { lineCounter: lines });
      this.files.set(file, text === undefined ? undefined : {
        docs: Array.isArray(docs) ? docs as Document[] : [],
        lines,
        array: file.endsWith('.json') && text.trimStart().startsWith('['),
      });
    }
    return this.files.get(file);
  }
}
