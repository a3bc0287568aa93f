/**
 * Output written as it is produced (internal): lines are collected into chunks of about 64 KB and handed to
 * the command's writer, so no command holds its whole output in one string.
 */
const CHUNK = 64 * 1024;

export class Output {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly write: (text: string) => void) {}

  /** Writes text as it is. */
  public text(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) this.flush();
  }

  /** Writes a line and its newline. */
  public line(text: string): void {
    this.text(`${text}\n`);
  }

  public flush(): void {
    if (this.parts.length > 0) {
      this.write(this.parts.join(''));
      this.parts = [];
      this.size = 0;
    }
  }
}

/** Collects everything written into one string (for the formatters' string-returning forms and tests). */
export function collect(render: (out: Output) => void): string {
  const chunks: string[] = [];
  const out = new Output((t) => chunks.push(t));
  render(out);
  out.flush();
  return chunks.join('');
}

/** What `JSON.stringify` leaves raw but a terminal acts on: DEL, C1 controls, line separators, bidi controls. */
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * `JSON.stringify(value, undefined, indent)` with every character a terminal acts on written as a `\uXXXX`
 * escape (C0 controls already are): the same JSON value, safe to print.
 */
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, undefined, indent).replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `JSON.stringify(value, undefined, 2)` indented as a member at `depth` levels of a larger document. */
export function jsonAt(value: unknown, depth: number): string {
  const pad = '  '.repeat(depth);
  return pad + safeJson(value, 2).replace(/\n/g, `\n${pad}`);
}

/**
 * Writes `"name": [ ...items ]` as `JSON.stringify(..., 2)` would at `depth`, one item at a time; `last` says
 * whether a comma follows.
 */
export function jsonArray(out: Output, name: string, items: Iterable<string>, depth: number, last: boolean): void {
  const pad = '  '.repeat(depth);
  let first = true;
  for (const item of items) {
    out.text(first ? `${pad}${JSON.stringify(name)}: [\n${item}` : `,\n${item}`);
    first = false;
  }
  out.text(first ? `${pad}${JSON.stringify(name)}: []${last ? '' : ','}\n` : `\n${pad}]${last ? '' : ','}\n`);
}

/** An object that changes connectivity but was not analyzed, as JSON outputs name it. */
export interface UnanalyzedNote {
  readonly kind: string;
  readonly apiVersion: string;
  /** `<Kind> <namespace>/<name>` */
  readonly object: string;
  /** `<file>#<document index>` */
  readonly document: string;
}

/**
 * `,\n  "unanalyzed": [...]`, the objects an answer leaves out, as the last member of a JSON output; nothing
 * when there are none (so the output is otherwise unchanged).
 */
export function unanalyzedMember(notes: UnanalyzedNote[] | undefined): string {
  if (notes === undefined || notes.length === 0) return '';
  return `,\n  "unanalyzed": ${jsonAt(notes, 1).trimStart()}`;
}

/** One comment line per object a graph leaves out (`%%` for Mermaid, `//` for DOT). */
export function unanalyzedComments(notes: UnanalyzedNote[] | undefined, comment: string): string[] {
  return (notes ?? []).map((n) => `${comment} note: this graph leaves out ${n.object} (${n.apiVersion}, ${n.document}): its kind is not analyzed`);
}
