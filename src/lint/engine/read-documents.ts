/**
 * Manifests -> lint context (internal). Each document is read on its own first, so that one the API server
 * would refuse becomes `invalid-manifest` findings (one per malformed part of a policy: each rule, the pod
 * selector, the policy types) instead of stopping the run; the rest are linted.
 */
import { BrokenDocument, LintContext, PolicyDoc } from './context';
import { scalarReadings } from './scalar-readings';
import { DocumentFlattener, isReadKind, normalizeManifests } from '../../analysis/internal/normalize';
import { ManifestSource } from '../../analysis/model';
import { Cidr, parseCidr } from '../../private/cidr';
import { ErrorCode, invalid } from '../../private/errors';
import { Cni } from '../cni/cni';

/** Builds the context of a lint run. */
export function readDocuments(manifests: unknown, names: string[], cni: Cni, clusterCidrs: string[], checkCodes: string[]): LintContext {
  if (!Array.isArray(manifests)) {
    throw invalid(ErrorCode.WRONG_TYPE, 'Linter.lintManifests()', 'manifests must be a list of objects', typeof manifests, 'Pass an array, e.g. chart.toJson()');
  }
  const valid: unknown[] = [];
  const docs: PolicyDoc[] = [];
  const brokenDocuments: BrokenDocument[] = [];
  manifests.forEach((manifest, index) => {
    const source: ManifestSource = { document: names[index] ?? `manifests[${index}]`, index };
    try {
      const read = readPolicyDocs(manifest, source);
      docs.push(...read);
      valid.push(manifest);
    } catch (e) {
      const messages = e instanceof DocumentProblems ? e.messages : [(e as Error).message];
      messages.forEach((message) => brokenDocuments.push({ source, message }));
      valid.push(null);
    }
  });
  const model = normalizeManifests(valid, { documentNames: manifests.map((_, i) => names[i] ?? `manifests[${i}]`) });
  const readings = manifests.map((manifest, index) => ({ source: { document: names[index] ?? `manifests[${index}]`, index }, scalars: scalarReadings(manifest) }))
    .filter((r) => r.scalars.length > 0);
  const clusterCidrList = parseClusterCidrs(clusterCidrs);
  return { model, inputs: model.inputs, scalarReadings: readings, docs, cni, clusterCidrs: clusterCidrList, brokenDocuments, checkCodes };
}

/** Every problem of one document that the API server would refuse. */
class DocumentProblems extends Error {
  constructor(public readonly messages: string[]) {
    super(messages.join('\n'));
  }
}

/** Every NetworkPolicy of one document (lists of every kind flattened), each normalized on its own. */
function readPolicyDocs(manifest: unknown, source: ManifestSource): PolicyDoc[] {
  const problems: string[] = [];
  normalizeManifests([manifest], { documentNames: [source.document], problems }); // throws on an unreadable object
  if (problems.length > 0) {
    throw new DocumentProblems(problems);
  }
  const objects = new DocumentFlattener(isReadKind).flatten(manifest, source).filter((o) => o.kind === 'NetworkPolicy');
  return objects.map(({ manifest: item, source: itemSource }) => {
    const policy = normalizeManifests([item], { documentNames: [itemSource.document] }).policies[0];
    const metadata = item.metadata;
    const written = metadata.namespace;
    return {
      policy: { ...policy, source: itemSource },
      object: `NetworkPolicy ${policy.id}`,
      annotations: stringMap(metadata.annotations),
      namespaceWritten: typeof written === 'string' && written !== '',
      source: itemSource,
    };
  });
}

function parseClusterCidrs(texts: string[]): Cidr[] {
  return texts.map((text, i) => {
    const parsed = parseCidr(text);
    if (parsed.value === undefined) {
      throw invalid(ErrorCode.INVALID_CIDR, `LintOptions.clusterCidrs[${i}]`, `is not a valid CIDR: ${parsed.problem}`, text, parsed.fix!);
    }
    return parsed.value;
  });
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringMap(value: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (typeof v === 'string') {
        result[k] = v;
      }
    }
  }
  return result;
}
