/**
 * Manifests -> normalized cluster model (internal; not exported from the package index).
 *
 * This is the one place that reads raw manifest JSON. The lint checks and the CLI reuse it:
 *
 *   import { normalizeManifests } from './normalize';
 *   const model = normalizeManifests(manifests, { documentNames: ['dist/app.k8s.yaml#0', ...] });
 *   model.policies   // NormalizedPolicy[]: policyTypes inferred, selectors/ports/ipBlocks parsed, sorted by id
 *   model.namespaces // declared and referenced namespaces, each carrying kubernetes.io/metadata.name
 *   model.workloads  // Pod/Deployment/StatefulSet/DaemonSet/ReplicaSet/Job/CronJob: pod labels, container ports
 *
 * The types live in `model.ts`. Malformed input (what the API server refuses) throws in the project format,
 * naming the document, the object (`kind namespace/name`) and the field path; nothing here judges meaning.
 * Kubernetes defaults applied: namespace `default`, `policyTypes` inferred (Ingress, plus Egress iff
 * `spec.egress` has a rule), protocol TCP, absent podSelector = `{}`, empty `from`/`to`/`ports` = everything,
 * a `null` rule = `{}`. Lists of every kind are flattened (`normalize-documents.ts`); documents that are not
 * manifests and objects of other kinds are not read but listed in `inputs`.
 */
import { FieldReader } from './field-reader';
import { ClusterModel, ManifestSource, NAMESPACE_NAME_LABEL, NormalizedNamespace, NormalizedPolicy, NormalizedWorkload } from '../model';
import { DocumentFlattener, InputSummary } from './normalize-documents';
import { checkMetadata } from './normalize-metadata';
import { readPolicy } from './normalize-policy';
import { readWorkload, WORKLOAD_TEMPLATE_PATHS } from './normalize-workload';
import { compareText } from './order';
import { apiGroup } from './policy-kinds';
import { readTierDocument } from './tier-document';
import { ErrorCode, invalid } from '../../private/errors';
import { dns1123LabelProblem, dns1123SubdomainProblem } from '../../private/k8s-names';
import { compareTierPolicies, NormalizedTierPolicy, TIER_GROUP, TIER_KINDS } from '../tier-model';

export * from '../model';
export * from './normalize-documents';

/** Options for `normalizeManifests`. */
export interface NormalizeOptions {
  /** A name per input document for messages, e.g. `dist/app.k8s.yaml#2`. Default: `manifests[<index>]`. */
  readonly documentNames?: string[];
  /**
   * When given, the malformed fields of a NetworkPolicy are collected here, each part of the policy (its rules,
   * selector, policy types) read on its own, instead of throwing at the first; a policy with problems is left
   * out of the model. Problems that make the object unreadable (no object, no kind, no name) still throw.
   */
  readonly problems?: string[];
}

interface Collected {
  readonly namespaces: Map<string, NormalizedNamespace>;
  readonly policies: Map<string, NormalizedPolicy>;
  readonly workloads: NormalizedWorkload[];
  readonly tierPolicies: Map<string, NormalizedTierPolicy>;
}

/** The model, with what the input held besides the objects read into it. */
export interface NormalizedManifests extends ClusterModel {
  readonly inputs: InputSummary;
}

/** Reads manifests into the normalized model. Pure: the input is not modified. */
export function normalizeManifests(manifests: unknown, options: NormalizeOptions = {}): NormalizedManifests {
  if (!Array.isArray(manifests)) {
    throw invalid(ErrorCode.WRONG_TYPE, 'PolicyAnalyzer', 'manifests must be a list of objects', typeof manifests, 'Pass an array, e.g. chart.toJson()');
  }
  const found: Collected = { namespaces: new Map(), policies: new Map(), workloads: [], tierPolicies: new Map() };
  const documents = new DocumentFlattener(isReadKind);
  manifests.forEach((doc, index) => {
    const objects = documents.flatten(doc, { document: options.documentNames?.[index] ?? `manifests[${index}]`, index });
    objects.forEach((o) => readObject(found, o.manifest, o.kind, o.source, options.problems));
  });
  const referenced = [...found.policies.values(), ...found.workloads].map((o) => o.namespace);
  for (const name of referenced) {
    if (!found.namespaces.has(name)) {
      found.namespaces.set(name, { name, labels: { [NAMESPACE_NAME_LABEL]: name }, declared: false });
    }
  }
  return {
    namespaces: [...found.namespaces.values()].sort((a, b) => compareText(a.name, b.name)),
    workloads: found.workloads,
    policies: [...found.policies.values()].sort((a, b) => compareText(a.id, b.id)),
    tierPolicies: [...found.tierPolicies.values()].sort(compareTierPolicies),
    inputs: documents.summary(),
  };
}

/**
 * The kinds read into the model: NetworkPolicy (networking.k8s.io or no group), Namespace, the workloads and
 * the cluster-wide tiers.
 */
export function isReadKind(kind: string, apiVersion?: unknown): boolean {
  if ((TIER_KINDS as readonly string[]).includes(kind)) {
    return [TIER_GROUP, ''].includes(apiGroup(apiVersion)); // as readTierDocument reads them
  }
  return kind === 'NetworkPolicy' || kind === 'Namespace' || WORKLOAD_TEMPLATE_PATHS[kind] !== undefined;
}

function readObject(found: Collected, top: Record<string, any>, kind: string, source: ManifestSource, problems?: string[]): void {
  if (readTierDocument(found.tierPolicies, kind, top, source, problems)) {
    return;
  }
  const { reader, namespace, name, metadata } = readIdentity(source.document, kind, top, problems);
  if (kind === 'Namespace') {
    checkMetadata(reader, metadata);
    const labels = reader.labels('metadata.labels', metadata.labels);
    found.namespaces.set(name, { name, labels: { ...labels, [NAMESPACE_NAME_LABEL]: name }, declared: true });
  } else if (kind === 'NetworkPolicy') {
    const known = problems?.length ?? 0;
    reader.part(undefined, () => checkMetadata(reader, metadata));
    reader.part(undefined, () => reader.labels('metadata.labels', metadata.labels));
    const policy = readPolicy(reader, top, namespace, name, source);
    if ((problems?.length ?? 0) === known) {
      found.policies.set(`${namespace}/${name}`, policy);
    }
  } else {
    checkMetadata(reader, metadata);
    reader.labels('metadata.labels', metadata.labels);
    found.workloads.push(readWorkload(reader, top, namespace, name, source));
  }
}

function readIdentity(document: string, kind: string, top: Record<string, any>, problems?: string[]) {
  const bare = new FieldReader(`${document} ${kind}`);
  const metadata = bare.object('metadata', top.metadata);
  const name = bare.string('metadata.name', metadata.name);
  const nameProblem = kind === 'Namespace' ? dns1123LabelProblem(name) : dns1123SubdomainProblem(name);
  if (nameProblem !== undefined) {
    bare.fail('metadata.name', nameProblem.problem, name, nameProblem.fix);
  }
  if (kind === 'Namespace') {
    return { reader: new FieldReader(`${document} Namespace ${name}`), namespace: name, name, metadata };
  }
  const written = bare.optionalString('metadata.namespace', metadata.namespace);
  const namespace = written === undefined || written === '' ? 'default' : written;
  const nsProblem = dns1123LabelProblem(namespace);
  if (nsProblem !== undefined) {
    bare.fail('metadata.namespace', nsProblem.problem, namespace, nsProblem.fix);
  }
  // only NetworkPolicy reading is split into parts; the readers of other kinds throw at their first problem
  const sink = kind === 'NetworkPolicy' ? problems : undefined;
  return { reader: new FieldReader(`${document} ${kind} ${namespace}/${name}`, sink), namespace, name, metadata };
}
