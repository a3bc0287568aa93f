/**
 * Continuation lines of multi-line quoted scalars and flow collections, re-indented (internal). go-yaml (and
 * so kubectl) reads such lines whatever their indentation, tabs included (`config: '{` ... `  }'` at the
 * indentation of its key, a tab-led line inside `[...]`); the YAML spec, and the `yaml` parser with it, wants
 * them indented more than their block. Their leading white space is not part of the value (it folds away),
 * so replacing it by enough spaces changes nothing but whether the parser accepts the file. The reader tries
 * this only when a file does not parse as it is, and keeps the result only when it then parses.
 */

interface Open {
  readonly kind: 'flow' | 'quoted';
  readonly quote?: string;
}

/** Where the scan is: the open flow collections and quoted scalars, and the column of the outermost one. */
interface Scan {
  readonly open: Open[];
  column: number;
}

/** The text with those continuation lines re-indented; undefined when no line needed it. */
export function reindentContinuations(text: string): string | undefined {
  const lines = text.split('\n');
  const scan: Scan = { open: [], column: 0 };
  let blockScalarIndent: number | undefined;
  let changed = false;
  for (let n = 0; n < lines.length; n++) {
    const indent = /^[ \t]*/.exec(lines[n])![0];
    if (blockScalarIndent !== undefined) {
      if (lines[n].trim() === '' || indent.length > blockScalarIndent) {
        continue; // the content of a | or > block scalar is literal text
      }
      blockScalarIndent = undefined;
    }
    if (scan.open.length > 0 && !/^(---|\.\.\.)/.test(lines[n]) && (indent.includes('\t') || indent.length < scan.column)) {
      lines[n] = ' '.repeat(scan.column) + lines[n].slice(indent.length);
      changed = true;
    }
    if (scanLine(lines[n], scan)) {
      blockScalarIndent = indent.length;
    }
  }
  return changed ? lines.join('\n') : undefined;
}

/** Scans one line, updating what is open; returns true when a block scalar (| or >) starts on it. */
function scanLine(line: string, scan: Scan): boolean {
  let scalarStart = scan.open.length === 0;
  let previous = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    const top = scan.open[scan.open.length - 1];
    if (top?.kind === 'quoted') {
      if (top.quote === '"' && c === '\\') {
        i++;
      } else if (c === top.quote && top.quote === "'" && line[i + 1] === "'") {
        i++;
      } else if (c === top.quote) {
        scan.open.pop();
        previous = c;
      }
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      continue;
    }
    if (c === '#' && (i === 0 || /[ \t]/.test(line[i - 1]))) {
      return false; // the rest is a comment
    }
    if (top === undefined) {
      if (scalarStart && (c === '"' || c === "'" || c === '[' || c === '{')) {
        scan.open.push(c === '[' || c === '{' ? { kind: 'flow' } : { kind: 'quoted', quote: c });
        scan.column = i;
        scalarStart = false;
      } else if (scalarStart && (c === '|' || c === '>')) {
        return true;
      } else if ((c === '-' || c === '?' || c === ':') && /^[ \t\r]?$/.test(line[i + 1] ?? '')) {
        scalarStart = true; // after an indicator a new node may start
      } else {
        scalarStart = false;
      }
    } else if ((c === '"' || c === "'") && (previous === '' || '[{,:'.includes(previous))) {
      scan.open.push({ kind: 'quoted', quote: c });
    } else if (c === '[' || c === '{') {
      scan.open.push({ kind: 'flow' });
    } else if (c === ']' || c === '}') {
      scan.open.pop();
      scalarStart = false;
    }
    previous = c;
  }
  return false;
}

/**
 * The line breaks go-yaml reads that the `yaml` package does not: a lone carriage return, NEL (U+0085), and the
 * line and paragraph separators (U+2028, U+2029). go-yaml ends a line at each (`port: 80\r` at the end of a file
 * is the number 80, and `a: b<U+2028>c: d` two keys); the `yaml` package reads them as characters of the line.
 * go-yaml keeps LS and PS inside scalars where this reads a line break; only free text can hold them.
 */
const GO_YAML_BREAKS = /\r(?!\n)|[\u0085\u2028\u2029]/g;

/** The text with each of those breaks a LF: the same length, so offsets and line numbers stay those of the file. */
export function normalizeBreaks(text: string): string {
  return /[\r\u0085\u2028\u2029]/.test(text) ? text.replace(GO_YAML_BREAKS, '\n') : text;
}
