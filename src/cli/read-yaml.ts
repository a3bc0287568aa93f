/**
 * YAML text -> plain objects, read as kubectl reads it (internal): `sigs.k8s.io/yaml` on go-yaml v2, so
 * YAML 1.1 scalars (`0755` is 493, `yes`/`on`/`y` are booleans, `<<` merges maps), map keys turned into JSON
 * strings (`true`, `493`). The `yaml` package parses the syntax with every scalar kept as written; this file
 * builds the values, so that scalars are resolved by go-yaml's rules, the depth and the alias expansion are
 * bounded, and the scalars that YAML 1.2 reads differently are recorded with their path and line.
 */
import { Alias, isAlias, isMap, isScalar, isSeq, LineCounter, Node, parseAllDocuments, Scalar, YAMLMap } from 'yaml';
import { normalizeBreaks, reindentContinuations } from './yaml-indent';
import { jsonKey, resolveYaml11, resolveYaml12 } from './yaml-scalars';
import { AmbiguousScalar, SCALAR_READINGS } from '../lint/engine/scalar-readings';

/** Bounds of one file's reading. */
export interface YamlLimits {
  /** Deepest nesting of maps and lists. */
  readonly maxDepth: number;
  /** Most values one document may expand to through aliases (an alias counts the whole value it names). */
  readonly maxAliasValues: number;
}

/** A problem at a place of the file: the caller adds the file and document. */
export class YamlProblem extends Error {
  constructor(
    public readonly document: number, public readonly line: number, problem: string, public readonly got: string,
    public readonly fix: string, public readonly syntax: boolean, public readonly limit = false,
  ) {
    super(problem);
  }
}

/** Parses every document of a YAML stream; empty documents are `null`. Throws `YamlProblem`. */
export function readYaml(file: string, limits: YamlLimits): unknown[] {
  const text = normalizeBreaks(file);
  let read = parse(text);
  if (read.docs.some((d) => d.errors.length > 0)) {
    // go-yaml reads continuation lines of quoted scalars and flow collections at any indentation: so do we
    const reindented = reindentContinuations(text);
    const retry = reindented === undefined ? undefined : parse(reindented);
    if (retry !== undefined && retry.docs.every((d) => d.errors.length === 0)) {
      read = retry;
    }
  }
  const { docs, lines, source } = read;
  return docs.map((doc, index) => {
    const error = doc.errors[0];
    const lineOf = (offset: number) => lines.linePos(offset).line;
    if (error !== undefined && error.message.startsWith('Maximum call stack size exceeded')) {
      throw new YamlProblem(index, lineOf(error.pos[0]), `nests too deeply to read (the limit is ${limits.maxDepth} levels)`,
        excerpt(source, error.pos[0]), 'Flatten the document', false, true);
    }
    if (error !== undefined) {
      throw new YamlProblem(index, lineOf(error.pos[0]), firstLine(error.message), excerpt(source, error.pos[0]), 'Fix the YAML syntax', true);
    }
    const builder = new Builder(index, limits, lineOf, source);
    const value = doc.contents === null ? null : builder.value(doc.contents as Node, '', 0);
    if (builder.ambiguous.length > 0 && typeof value === 'object' && value !== null) {
      Object.defineProperty(value, SCALAR_READINGS, { value: builder.ambiguous, enumerable: false });
    }
    return value;
  });
}

function parse(text: string) {
  const lines = new LineCounter();
  const parsed = parseAllDocuments(text, { version: '1.1', schema: 'failsafe', uniqueKeys: false, prettyErrors: false, lineCounter: lines });
  return { docs: Array.isArray(parsed) ? parsed : [], lines, source: text };
}

class Builder {
  public readonly ambiguous: AmbiguousScalar[] = [];
  private expanded = 0;
  private readonly sizes = new Map<Node, number>();
  private readonly anchored = new Map<string, Node>();

  constructor(
    private readonly document: number, private readonly limits: YamlLimits,
    private readonly lineOf: (offset: number) => number, private readonly text: string,
  ) {}

  public value(node: Node, path: string, depth: number): unknown {
    if (depth > this.limits.maxDepth) {
      this.fail(node, `nests deeper than ${this.limits.maxDepth} levels`, path, 'Flatten the document, or raise --max-depth (or CDK8S_NETPOL_MAX_DEPTH)', true);
    }
    if (isAlias(node)) {
      return this.alias(node, path, depth);
    }
    if (isScalar(node)) {
      return this.scalar(node, path);
    }
    if (isSeq(node)) {
      this.remember(node);
      return node.items.map((item, i) => this.value(item as Node, `${path}[${i}]`, depth + 1));
    }
    if (isMap(node)) {
      return this.map(node, path, depth);
    }
    this.fail(node, 'holds a node that is neither a map, a list nor a scalar', path, 'Fix the YAML syntax');
  }

  private alias(node: Alias, path: string, depth: number): unknown {
    const target = node.source === undefined ? undefined : this.anchored.get(node.source);
    if (target === undefined) {
      this.fail(node, `uses the alias *${node.source} before its anchor, or inside it`, path, 'Define the anchor before the alias, outside the value it names');
    }
    this.expanded += this.size(target);
    if (this.expanded > this.limits.maxAliasValues) {
      this.fail(node, `expands to more than ${this.limits.maxAliasValues} values through aliases`, path,
        'Write the values out, or raise --max-alias-values (or CDK8S_NETPOL_MAX_ALIAS_VALUES)', true);
    }
    return this.value(target, path, depth);
  }


  private scalar(node: Scalar, path: string): unknown {
    this.remember(node);
    const text = String(node.value);
    const tag = node.tag;
    if (tag === 'tag:yaml.org,2002:str' || tag === '!!str' || tag === 'tag:yaml.org,2002:binary' || tag === '!!binary') {
      return tag.endsWith('binary') ? Buffer.from(text.replace(/\s/g, ''), 'base64').toString('utf8') : text;
    }
    if (node.type !== 'PLAIN' && tag === undefined) {
      return text;
    }
    if (tag !== undefined && !tag.startsWith('tag:yaml.org,2002:') && !tag.startsWith('!!')) {
      return text; // a local tag: go-yaml keeps the text
    }
    const read = resolveYaml11(text);
    if (read.invalid !== undefined) {
      this.fail(node, read.invalid, path, 'Quote it if a string is meant, or write a finite number');
    }
    if (node.type === 'PLAIN' && tag === undefined) {
      const other = resolveYaml12(text);
      if (!Object.is(other, read.value)) {
        const line = this.lineOf(node.range?.[0] ?? 0);
        this.ambiguous.push({ path, line, text, yaml11: JSON.stringify(read.value), yaml12: JSON.stringify(other) ?? String(other) });
      }
    }
    return read.value;
  }

  /**
   * A map. A `<<` key merges maps in (earlier ones of a list win); a key written after the merge replaces the
   * merged value, as in go-yaml and the YAML merge spec. A key written before a `<<` that sets it too is refused:
   * go-yaml lets the merge win, the spec the key, so readers disagree. Two `<<` keys are refused likewise.
   */
  private map(node: YAMLMap, path: string, depth: number): Record<string, unknown> {
    this.remember(node);
    const result: Record<string, unknown> = {};
    const explicit = new Set<string>();
    let mergedOnce = false;
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      const valueNode = pair.value as Node | null;
      const key = keyNode === null ? undefined : this.key(keyNode, path);
      if (key === '<<' && isScalar(keyNode) && keyNode.type === 'PLAIN') {
        if (mergedOnce) {
          this.fail(keyNode, 'has two merge keys (<<)', path, 'Merge a list of maps with one <<: [*a, *b]');
        }
        mergedOnce = true;
        this.mergeInto(result, explicit, this.merge(valueNode, path, depth), keyNode, path);
        continue;
      }
      if (key === undefined) {
        this.fail(keyNode ?? node, 'has a null map key, which JSON cannot hold', path, 'Quote the key or remove it');
      }
      const identity = `${typeof this.keyValue(keyNode as Scalar)}:${key}`;
      if (explicit.has(identity)) {
        this.fail(keyNode!, `has the key ${JSON.stringify(key)} twice`, path, 'Remove one of them (kubectl refuses duplicate fields)');
      }
      explicit.add(identity);
      const childPath = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? (path === '' ? key : `${path}.${key}`) : `${path}[${JSON.stringify(key)}]`;
      setKey(result, key, valueNode === null ? null : this.value(valueNode, childPath, depth + 1));
    }
    return result;
  }

  private mergeInto(result: Record<string, unknown>, explicit: Set<string>, sources: Array<Record<string, unknown>>, at: Node, path: string): void {
    const written = new Set([...explicit].map((identity) => identity.slice(identity.indexOf(':') + 1)));
    const merged = new Set<string>();
    for (const source of sources) {
      for (const [k, v] of Object.entries(source)) {
        if (written.has(k)) {
          this.fail(at, `sets ${JSON.stringify(k)} before a merge (<<) that sets it too, which YAML readers resolve differently`, path,
            'Write the key after the <<, or remove it from one place');
        }
        if (!merged.has(k)) {
          merged.add(k);
          setKey(result, k, v);
        }
      }
    }
  }

  private merge(node: Node | null, path: string, depth: number): Array<Record<string, unknown>> {
    const sources = node !== null && isSeq(node) ? node.items as Node[] : [node];
    return sources.map((source) => {
      const value = source === null ? null : this.value(source, path, depth);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        this.fail(source ?? undefined, 'merges (<<) something that is not a map', path, 'Merge a map or a list of maps');
      }
      return value as Record<string, unknown>;
    });
  }

  private key(node: Node, path: string): string | undefined {
    if (!isScalar(node)) {
      this.fail(node, 'has a map or list as a map key, which JSON cannot hold', path, 'Use a string key');
    }
    this.remember(node);
    const text = String(node.value);
    if (node.type !== 'PLAIN' || node.tag !== undefined) {
      return text;
    }
    return jsonKey(text, resolveYaml11(text).value);
  }

  private keyValue(node: Scalar): unknown {
    return node.type === 'PLAIN' && node.tag === undefined ? resolveYaml11(String(node.value)).value : String(node.value);
  }

  private remember(node: Node): void {
    if (node.anchor !== undefined) {
      this.anchored.set(node.anchor, node);
    }
  }

  /** How many values a node expands to (memoized per node). */
  private size(node: Node): number {
    const known = this.sizes.get(node);
    if (known !== undefined) {
      return known;
    }
    this.sizes.set(node, Infinity); // a node that contains itself never finishes
    let size = 1;
    if (isAlias(node)) {
      const target = node.source === undefined ? undefined : this.anchored.get(node.source);
      size = target === undefined ? 1 : this.size(target);
    } else if (isSeq(node)) {
      size += node.items.reduce((n: number, item) => n + this.size(item as Node), 0);
    } else if (isMap(node)) {
      size += node.items.reduce((n: number, pair) => n + this.size(pair.value as Node ?? new Scalar(null)), 0);
    }
    this.sizes.set(node, size);
    return size;
  }

  private fail(node: Node | undefined, problem: string, path: string, fix: string, limit = false): never {
    const offset = node?.range?.[0] ?? 0;
    const text = path === '' ? problem : `${path} ${problem}`;
    throw new YamlProblem(this.document, this.lineOf(offset), text, excerpt(this.text, offset), fix, false, limit);
  }
}

/** Sets a key, `__proto__` included, as an own property. */
function setKey(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function firstLine(text: string): string {
  return text.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** The line of the text around an offset, at most 80 characters. */
export function excerpt(text: string, pos: number): string {
  const start = text.lastIndexOf('\n', Math.max(0, pos - 1)) + 1;
  const end = text.indexOf('\n', pos);
  return text.slice(start, end === -1 ? undefined : end).slice(0, 80);
}
