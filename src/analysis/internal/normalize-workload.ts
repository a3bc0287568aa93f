/**
 * Workload manifests (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob) -> NormalizedWorkload
 * (internal; see normalize.ts). Only the fields the analyzer needs are read and type-checked.
 */
import { ContainerPort } from '../endpoint';
import { FieldReader } from './field-reader';
import { parseIp } from '../../private/cidr';
import { portNameProblem } from '../../private/k8s-names';
import { Protocol } from '../../protocol';
import { ManifestSource, NormalizedWorkload } from '../model';

/** Where each workload kind keeps its pod template, as a path of fields from the manifest root. */
export const WORKLOAD_TEMPLATE_PATHS: Record<string, string[]> = {
  Pod: [],
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

/** Reads a workload's pod template labels, container ports and (for a Pod) `status.podIP`. */
export function readWorkload(r: FieldReader, manifest: any, namespace: string, name: string, source: ManifestSource): NormalizedWorkload {
  const kind: string = manifest.kind;
  let template: any = manifest;
  const path: string[] = [];
  for (const field of WORKLOAD_TEMPLATE_PATHS[kind]) {
    path.push(field);
    template = r.optionalObject(path.join('.'), template[field]) ?? {};
  }
  const prefix = path.length === 0 ? '' : `${path.join('.')}.`;
  const metadata = r.optionalObject(`${prefix}metadata`, template.metadata) ?? {};
  const labels = r.labels(`${prefix}metadata.labels`, metadata.labels);
  const podSpec = r.optionalObject(`${prefix}spec`, template.spec) ?? {};
  const ports = readContainers(r, `${prefix}spec.containers`, podSpec.containers);
  const ip = kind === 'Pod' ? readPodIp(r, manifest.status) : undefined;
  return { kind, namespace, name, labels, ports, ip: ip?.ip, ipText: ip?.text, source };
}

function readContainers(r: FieldReader, path: string, value: unknown): ContainerPort[] {
  const ports: ContainerPort[] = [];
  (r.optionalArray(path, value) ?? []).forEach((c, i) => {
    const container = r.optionalObject(`${path}[${i}]`, c) ?? {};
    (r.optionalArray(`${path}[${i}].ports`, container.ports) ?? []).forEach((p, j) => {
      ports.push(readContainerPort(r, `${path}[${i}].ports[${j}]`, p));
    });
  });
  return ports;
}

function readContainerPort(r: FieldReader, path: string, value: unknown): ContainerPort {
  const entry = r.object(path, value);
  const port = r.int32(`${path}.containerPort`, entry.containerPort);
  if (port < 1 || port > 65535) {
    r.fail(`${path}.containerPort`, 'must be from 1 to 65535', port, 'Use a valid port number');
  }
  const protocol = (r.optionalString(`${path}.protocol`, entry.protocol) ?? Protocol.TCP) as Protocol;
  if (!Object.values(Protocol).includes(protocol)) {
    r.fail(`${path}.protocol`, 'must be TCP, UDP or SCTP (case-sensitive)', protocol, 'Use one of TCP, UDP, SCTP');
  }
  const name = r.optionalString(`${path}.name`, entry.name);
  if (name !== undefined) {
    const problem = portNameProblem(name);
    if (problem !== undefined) {
      r.fail(`${path}.name`, problem.problem, name, problem.fix);
    }
  }
  return name === undefined ? { port, protocol } : { name, port, protocol };
}

function readPodIp(r: FieldReader, status: unknown) {
  const podIp = r.optionalString('status.podIP', (r.optionalObject('status', status) ?? {}).podIP);
  if (podIp === undefined || podIp === '') {
    return undefined;
  }
  const parsed = parseIp(podIp);
  if (parsed.value === undefined) {
    r.fail('status.podIP', parsed.problem!, podIp, parsed.fix!);
  }
  return { ip: parsed.value, text: podIp };
}
