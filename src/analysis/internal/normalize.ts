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
import { DocumentFlattener, InputObject, InputSummary } from './normalize-documents';
import { checkMetadata } from './normalize-metadata';
import { readPolicy } from './normalize-policy';
import { PartMemo } from './normalize-rule';
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
  /** The peers and ports read so far (see `PartMemo`). */
  readonly memo: PartMemo;
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
  const builder = new ModelBuilder();
  manifests.forEach((doc, index) => {
    builder.read(doc, { document: options.documentNames?.[index] ?? `manifests[${index}]`, index }, options.problems);
  });
  return builder.build();
}

/** One object read from a document: a NetworkPolicy carries the policy read from it (duplicates too). */
export interface ReadObject extends InputObject {
  readonly policy?: NormalizedPolicy;
}

/**
 * Reads documents one at a time into the model, for callers that handle each document on its own (the lint
 * turns a document it cannot read into findings and goes on with the others).
 */
export class ModelBuilder {
  private readonly found: Collected = { memo: new Map(), namespaces: new Map(), policies: new Map(), workloads: [], tierPolicies: new Map() };
  private readonly documents = new DocumentFlattener(isReadKind);

  /**
   * Reads one document and returns the objects read from it. Throws in the project format on a document that
   * cannot be read. With `problems`, the malformed fields of a policy are collected there instead (see
   * `NormalizeOptions.problems`) and that policy is left out.
   */
  public read(doc: unknown, source: ManifestSource, problems?: string[]): ReadObject[] {
    return this.documents.flatten(doc, source).map((o) => ({ ...o, policy: readObject(this.found, o.manifest, o.kind, o.source, problems) }));
  }

  /**
   * Reads one document that adds to the model only as a whole: every problem of it (malformed fields, or the
   * one that makes it unreadable) goes to `problems`, and a document with any adds nothing.
   */
  public readWhole(doc: unknown, source: ManifestSource, problems: string[]): ReadObject[] {
    const known = problems.length;
    const own: Collected = { memo: this.found.memo, namespaces: new Map(), policies: new Map(), workloads: [], tierPolicies: new Map() };
    let objects: ReadObject[];
    try {
      objects = this.documents.flatten(doc, source).map((o) => ({ ...o, policy: readObject(own, o.manifest, o.kind, o.source, problems) }));
    } catch (e) {
      problems.push((e as Error).message);
      return [];
    }
    if (problems.length > known) {
      return [];
    }
    own.namespaces.forEach((v, k) => this.found.namespaces.set(k, v));
    own.policies.forEach((v, k) => this.found.policies.set(k, v)); // a later policy of the same name replaces
    own.tierPolicies.forEach((v, k) => this.found.tierPolicies.set(k, v));
    this.found.workloads.push(...own.workloads);
    return objects;
  }

  /** The model of the documents read so far. */
  public build(): NormalizedManifests {
    const found = this.found;
    const namespaces = new Map(found.namespaces);
    for (const o of [...found.policies.values(), ...found.workloads]) {
      if (!namespaces.has(o.namespace)) {
        namespaces.set(o.namespace, { name: o.namespace, labels: { [NAMESPACE_NAME_LABEL]: o.namespace }, declared: false });
      }
    }
    return {
      namespaces: [...namespaces.values()].sort((a, b) => compareText(a.name, b.name)),
      workloads: [...found.workloads],
      policies: [...found.policies.values()].sort((a, b) => compareText(a.id, b.id)),
      tierPolicies: [...found.tierPolicies.values()].sort(compareTierPolicies),
      inputs: this.documents.summary(),
    };
  }
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

/** Reads one object into `found`; returns the policy read from a NetworkPolicy without problems. */
function readObject(found: Collected, top: Record<string, any>, kind: string, source: ManifestSource,
  problems?: string[]): NormalizedPolicy | undefined {
  if (readTierDocument(found.tierPolicies, kind, top, source, problems)) {
    return undefined;
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
    const policy = readPolicy(reader, top, namespace, name, source, found.memo);
    if ((problems?.length ?? 0) === known) {
      found.policies.set(`${namespace}/${name}`, policy);
      return policy;
    }
  } else {
    checkMetadata(reader, metadata);
    reader.labels('metadata.labels', metadata.labels);
    found.workloads.push(readWorkload(reader, top, namespace, name, source));
  }
  return undefined;
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
