/**
 * Agreement check of the synth benchmark: every variant must synthesize the same policies (namespace and
 * spec, with list order ignored), or the timings compare different work.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { Yaml } from 'cdk8s';
import { runChild } from './synth-process';

/** The result of comparing the variants' output. */
export interface Agreement {
  readonly ok: boolean;
  readonly policies: number;
  readonly problems: string[];
}

const CHECK_COUNT = 40;
const IDENTICAL_COUNT = 400;

export function checkAgreement(child: string, lib: string, variants: string[]): Agreement {
  const specs = new Map<string, Map<string, string>>();
  for (const variant of variants) {
    runChild(child, lib, variant, CHECK_COUNT, (outdir) => specs.set(variant, specsIn(outdir)));
  }
  const [first, ...others] = variants;
  const reference = specs.get(first)!;
  const problems: string[] = [];
  if (reference.size !== CHECK_COUNT) {
    problems.push(`${first} synthesized ${reference.size} policies, expected ${CHECK_COUNT}`);
  }
  for (const variant of others) {
    const mine = specs.get(variant)!;
    for (const [key, spec] of reference) {
      if (mine.get(key) !== spec) {
        problems.push(`${variant} differs from ${first} for ${key}: ${mine.get(key)} vs ${spec}`);
      }
    }
    if (mine.size !== reference.size) {
      problems.push(`${variant} synthesized ${mine.size} policies, ${first} ${reference.size}`);
    }
  }
  return { ok: problems.length === 0, policies: reference.size, problems: problems.slice(0, 5) };
}

/** Every variant writes byte-identical files with both builds of the library (an optimization must not change output). */
export function checkIdentical(child: string, libA: string, libB: string, variants: string[]): Agreement {
  const problems = variants.flatMap((variant) => fileDifferences(
    filesWritten(child, libA, variant), filesWritten(child, libB, variant), `${variant} with ${libA}`, `${variant} with ${libB}`));
  return { ok: problems.length === 0, policies: IDENTICAL_COUNT * variants.length, problems: problems.slice(0, 5) };
}

/** Two variants write byte-identical files with the same build (a floor must do the work it is the floor of). */
export function checkSameBytes(child: string, lib: string, a: string, b: string): Agreement {
  const problems = fileDifferences(filesWritten(child, lib, a), filesWritten(child, lib, b), a, b);
  return { ok: problems.length === 0, policies: IDENTICAL_COUNT, problems: problems.slice(0, 5) };
}

/** File name -> content of what one child writes for IDENTICAL_COUNT policies. */
function filesWritten(child: string, lib: string, variant: string): Map<string, string> {
  const files = new Map<string, string>();
  runChild(child, lib, variant, IDENTICAL_COUNT, (outdir) => readdirSync(outdir).forEach((f) => files.set(f, readFileSync(join(outdir, f), 'utf8'))));
  return files;
}

/** The files that differ between two outputs, named after their sources. */
function fileDifferences(a: Map<string, string>, b: Map<string, string>, nameA: string, nameB: string): string[] {
  const problems: string[] = [];
  for (const [file, text] of a) {
    if (b.get(file) !== text) problems.push(`${file} differs between ${nameA} and ${nameB}`);
  }
  if (a.size !== b.size) problems.push(`${nameA} wrote ${a.size} files, ${nameB} ${b.size}`);
  return problems;
}

/** `namespace/podSelector` -> spec with every list sorted, for the NetworkPolicies in a synth output dir. */
function specsIn(outdir: string): Map<string, string> {
  const specs = new Map<string, string>();
  for (const file of readdirSync(outdir).filter((f) => f.endsWith('.yaml'))) {
    for (const doc of Yaml.load(join(outdir, file))) {
      if (doc?.kind !== 'NetworkPolicy') continue;
      const key = `${doc.metadata.namespace}/${orderless(doc.spec.podSelector)}`;
      specs.set(key, orderless(doc.spec));
    }
  }
  return specs;
}

/**
 * JSON with object keys sorted and lists sorted by their items' JSON, so list order does not count.
 * An empty list is dropped: `ingress: []` and no `ingress` both mean "nothing allowed" once `policyTypes` names
 * the direction, and cdk8s-plus writes the one where the generated class writes the other.
 */
function orderless(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(orderless).sort().join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0));
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${orderless(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
