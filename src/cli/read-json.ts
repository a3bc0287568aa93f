/**
 * The fast path for JSON input (internal): `kubectl get -o json` and `cdk8s synth` JSON read with `JSON.parse`,
 * then checked for what `JSON.parse` lets through but kubectl refuses: a key twice in one object (go-yaml's
 * strict reading refuses it) and numbers past float64 (go-yaml keeps them as strings; the YAML reader does the
 * same). Nesting is bounded as for YAML. Messages carry the line.
 */
import { YamlLimits, YamlProblem } from './read-yaml';

/** The value of a JSON text, or undefined when it is not plain JSON that the fast path can take. */
export function readJson(text: string, limits: YamlLimits): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!finiteAndShallow(value, limits.maxDepth)) {
    return undefined; // the YAML reader reads these the way kubectl does, and reports the depth with a line
  }
  const duplicate = duplicateKey(text);
  if (duplicate !== undefined) {
    throw new YamlProblem(0, lineAt(text, duplicate.offset), `has the key ${JSON.stringify(duplicate.key)} twice`,
      excerptAt(text, duplicate.offset), 'Remove one of them (kubectl refuses duplicate fields)', false);
  }
  return value;
}

/** Whether every number is finite and no value nests deeper than `maxDepth` (walked without recursion). */
function finiteAndShallow(root: unknown, maxDepth: number): boolean {
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value === 'number' && !Number.isFinite(value)) {
      return false;
    }
    if (typeof value === 'object' && value !== null) {
      if (depth >= maxDepth) {
        return false;
      }
      for (const child of Array.isArray(value) ? value : Object.values(value)) {
        stack.push([child, depth + 1]);
      }
    }
  }
  return true;
}

/** The first key that repeats within one object of valid JSON text, with its offset. */
export function duplicateKey(text: string): { key: string; offset: number } | undefined {
  const objects: Array<Set<string> | undefined> = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b /* { */) {
      objects.push(new Set());
    } else if (c === 0x5b /* [ */) {
      objects.push(undefined);
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      objects.pop();
    } else if (c === 0x22 /* " */) {
      const start = i;
      let escaped = false;
      for (i++; text.charCodeAt(i) !== 0x22; i++) {
        if (text.charCodeAt(i) === 0x5c /* \ */) {
          escaped = true;
          i++;
        }
      }
      const keys = objects[objects.length - 1];
      if (keys !== undefined && nextIsColon(text, i + 1)) {
        const raw = text.slice(start + 1, i);
        const key = escaped ? JSON.parse(text.slice(start, i + 1)) as string : raw;
        if (keys.has(key)) {
          return { key, offset: start };
        }
        keys.add(key);
      }
    }
  }
  return undefined;
}

function nextIsColon(text: string, from: number): boolean {
  let i = from;
  while (i < text.length && /\s/.test(text[i])) i++;
  return text[i] === ':';
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function excerptAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end === -1 ? undefined : end).trim().slice(0, 80);
}

/**
 * A stream of JSON objects, one after another (`jq -c '.items[]'` output, or objects written back to back),
 * which kubectl reads as one document per object when the input starts with `{`: the documents, or undefined
 * when the text is not two or more whole JSON objects (then it is read as one JSON text or as YAML).
 */
export function readJsonStream(text: string, limits: YamlLimits): unknown[] | undefined {
  const starts = objectStarts(text);
  if (starts === undefined || starts.length < 2) {
    return undefined;
  }
  const documents: unknown[] = [];
  for (let i = 0; i < starts.length; i++) {
    const [start, end] = starts[i];
    let value: unknown;
    try {
      value = readJson(text.slice(start, end), limits);
    } catch (e) {
      if (!(e instanceof YamlProblem)) throw e;
      throw new YamlProblem(i, e.line + lineAt(text, start) - 1, e.message, e.got, e.fix, e.syntax, e.limit);
    }
    if (value === undefined) {
      return undefined;
    }
    documents.push(value);
  }
  return documents;
}

/** `[start, end)` of each top-level object of a text made only of JSON objects and whitespace; else undefined. */
function objectStarts(text: string): Array<[number, number]> | undefined {
  const found: Array<[number, number]> = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (depth === 0) {
      if (c === '{') {
        start = i;
        depth = 1;
      } else if (!/\s/.test(c)) {
        return undefined;
      }
      continue;
    }
    if (c === '"') {inString = true;} else if (c === '{' || c === '[') {depth++;} else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) found.push([start, i + 1]);
    }
  }
  return depth === 0 && !inString ? found : undefined;
}
