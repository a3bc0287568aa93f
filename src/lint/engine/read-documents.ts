/**
 * Manifests -> lint context (internal). Each document is read once and on its own, so that one the API server
 * would refuse becomes `invalid-manifest` findings (one per malformed part of a policy: each rule, the pod
 * selector, the policy types) and adds nothing to the model, instead of stopping the run; the rest are linted.
 */
import { BrokenDocument, LintContext, PolicyDoc } from './context';
import { scalarReadings } from './scalar-readings';
import { ModelBuilder } from '../../analysis/internal/normalize';
import { ManifestSource, NormalizedPolicy } from '../../analysis/model';
import { Cidr, parseCidr } from '../../private/cidr';
import { ErrorCode, invalid } from '../../private/errors';
import { Cni } from '../cni/cni';

/** Builds the context of a lint run, reading each document once. */
export function readDocuments(manifests: unknown, names: string[], cni: Cni, clusterCidrs: string[], checkCodes: string[]): LintContext {
  if (!Array.isArray(manifests)) {
    throw invalid(ErrorCode.WRONG_TYPE, 'Linter.lintManifests()', 'manifests must be a list of objects', typeof manifests, 'Pass an array, e.g. chart.toJson()');
  }
  const builder = new ModelBuilder();
  const docs: PolicyDoc[] = [];
  const brokenDocuments: BrokenDocument[] = [];
  const readings: LintContext['scalarReadings'] = [];
  manifests.forEach((manifest, index) => {
    const source: ManifestSource = { document: names[index] ?? `manifests[${index}]`, index };
    const problems: string[] = [];
    const objects = builder.readWhole(manifest, source, problems);
    problems.forEach((message) => brokenDocuments.push({ source, message }));
    for (const object of objects) {
      if (object.policy !== undefined) {
        docs.push(policyDoc(object.manifest, object.policy));
      }
    }
    const scalars = scalarReadings(manifest);
    if (scalars.length > 0) {
      readings.push({ source, scalars });
    }
  });
  const model = builder.build();
  const clusterCidrList = parseClusterCidrs(clusterCidrs);
  return { model, inputs: model.inputs, scalarReadings: readings, docs, cni, clusterCidrs: clusterCidrList, brokenDocuments, checkCodes };
}

/** A NetworkPolicy document as written, next to the policy read from it. */
function policyDoc(manifest: Record<string, any>, policy: NormalizedPolicy): PolicyDoc {
  const written = manifest.metadata.namespace;
  return {
    policy,
    object: `NetworkPolicy ${policy.id}`,
    annotations: stringMap(manifest.metadata.annotations),
    namespaceWritten: typeof written === 'string' && written !== '',
    source: policy.source,
  };
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
