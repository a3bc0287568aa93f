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

/** `JSON.stringify(value, undefined, 2)` indented as a member at `depth` levels of a larger document. */
export function jsonAt(value: unknown, depth: number): string {
  const pad = '  '.repeat(depth);
  return pad + JSON.stringify(value, undefined, 2).replace(/\n/g, `\n${pad}`);
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
