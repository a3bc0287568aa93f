/**
 * Manifests read and analyzed once per input, with the ports and endpoints a command probes by default
 * (internal). What the answer leaves out (policies of kinds not analyzed, documents that are not
 * manifests) is noted on stderr, whatever the output format, so that stdout stays the format's own.
 */
import { parseEndpoint, parsePort, splitList } from './arguments';
import { CliError, ErrorCode, Io } from './errors';
import { escapeText } from './escape';
import { inferEndpoints } from './infer-endpoints';
import { noteInputs } from './input-notes';
import { loadManifests, LoadedManifests } from './load-manifests';
import { policyEndpoints } from './policy-endpoints';
import { DocumentParser } from './shared-documents';
import { Endpoint, PolicyAnalyzer, ProbePort } from '../analysis';
import { ClusterModel, NormalizedManifests, normalizeManifests } from '../analysis/internal/normalize';

/** One analyzed set of manifests. */
export interface Workspace {
  readonly loaded: LoadedManifests;
  readonly model: NormalizedManifests;
  readonly analyzer: PolicyAnalyzer;
}

/**
 * Reads and analyzes manifests; malformed input becomes a `CliError` (exit 2) naming document and field.
 * Input without any document is an error too, unless `allowEmpty` (the before side of a diff: a new file).
 * `parse` reads one file's text (see shared-documents.ts).
 */
export async function openWorkspace(inputs: string[], io: Io, allowEmpty = false, parse?: DocumentParser): Promise<Workspace> {
  const loaded = await loadManifests(inputs, io.readStdin, io.limits, allowEmpty, parse);
  let workspace: Workspace;
  try {
    const model = normalizeManifests(loaded.manifests, { documentNames: loaded.sources });
    const analyzer = PolicyAnalyzer._fromModel(model);
    workspace = { loaded, model, analyzer };
  } catch (e) {
    throw CliError.from(e);
  }
  noteInputs(io, workspace.model.inputs, escapeText, loaded.skippedFiles);
  return workspace;
}

/**
 * Ports to probe: the `--port` values, or else every port named in a policy rule or a container port of a
 * workload, sorted by number, then name, then protocol.
 */
export function probePorts(option: string[] | undefined, models: ClusterModel[]): ProbePort[] {
  const given = splitList(option);
  const ports = given.length > 0 ? given.map(parsePort) : discoverPorts(models);
  if (ports.length === 0) {
    throw CliError.problem(ErrorCode.MISSING_VALUE, '--port', 'no ports to probe: the manifests name none', [], 'Pass --port, e.g. --port 80 --port 53/udp');
  }
  return ports;
}

function discoverPorts(models: ClusterModel[]): ProbePort[] {
  const found = new Map<string, ProbePort>();
  const add = (p: ProbePort) => found.set(`${p.port ?? ''}|${p.portName ?? ''}|${p.protocol}`, p);
  for (const model of models) {
    for (const policy of model.policies) {
      for (const rule of [...policy.ingress, ...policy.egress]) {
        for (const p of rule.ports ?? []) {
          if (p.port !== undefined) add({ port: p.port, protocol: p.protocol });
          if (p.portName !== undefined) add({ portName: p.portName, protocol: p.protocol });
        }
      }
    }
    for (const w of model.workloads) {
      w.ports.forEach((p) => add({ port: p.port, protocol: p.protocol }));
    }
  }
  return [...found.values()].sort(comparePorts);
}

function comparePorts(a: ProbePort, b: ProbePort): number {
  if ((a.port === undefined) !== (b.port === undefined)) {
    return a.port === undefined ? 1 : -1;
  }
  return (a.port ?? 0) - (b.port ?? 0) || text(a.portName ?? '', b.portName ?? '') || text(a.protocol ?? '', b.protocol ?? '');
}

function text(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The endpoints of a table, and whether they were inferred from selectors. */
export interface EndpointChoice {
  /** Workloads (or inferred pods), sorted by key. */
  readonly endpoints: Endpoint[];
  /** `--endpoint` values, then the endpoints the policies name (ipBlock addresses, the internet, DNS peers). */
  readonly extras: Endpoint[];
  /** True when the manifests have no workloads and the pods were made up from policy selectors. */
  readonly inferred: boolean;
}

/** Workloads of the manifests (or pods inferred from selectors when there are none) plus `--endpoint` values. */
export function chooseEndpoints(workspaces: Workspace[], option: string[] | undefined): EndpointChoice {
  const workloads = unique(workspaces.flatMap((w) => w.analyzer.endpoints()));
  const inferred = workloads.length === 0;
  const endpoints = inferred ? unique(workspaces.flatMap((w) => inferEndpoints(w.model))) : workloads;
  const extras = unique(splitList(option).map((t) => parseEndpoint('--endpoint', t, endpoints)))
    .filter((e) => !endpoints.some((k) => k.key === e.key));
  const named = policyEndpoints(workspaces.map((w) => w.model), [...endpoints, ...extras]);
  return { endpoints, extras: [...extras, ...named], inferred };
}

function unique(list: Endpoint[]): Endpoint[] {
  const byKey = new Map<string, Endpoint>();
  list.forEach((e) => byKey.has(e.key) || byKey.set(e.key, e));
  return [...byKey.values()].sort((a, b) => text(a.key, b.key));
}

/** Tells the user on stderr that the pods were made up from selectors. */
export function noteInferred(io: Io, choice: EndpointChoice): void {
  if (choice.inferred) {
    io.err('note: the manifests have no workloads; pods were inferred from the policies\' label selectors\n');
  }
}
