/**
 * Reads a saved plan back, refusing anything it cannot trust (internal).
 */
import { PlanData } from './build-plan';
import { ProbeCell, ProbeClass } from './types';
import { Endpoint, TruthTablePort } from '../analysis';
import { ErrorCode, invalid } from '../private/errors';
import { Protocol } from '../protocol';

const WHERE = 'ProbePlan.fromJson()';
const PROTOCOLS: string[] = Object.values(Protocol);

function fail(field: string, problem: string, got: unknown, fix = 'Write the plan again with `cdk8s-netpol probe plan`'): never {
  throw invalid(ErrorCode.MALFORMED_FIELD, WHERE, `${field} ${problem}`, got, fix);
}

function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function list(json: Record<string, any>, field: string): any[] {
  const v = json[field];
  if (!Array.isArray(v)) fail(field, 'must be a list', v);
  return v;
}

/** The plan data of a JSON plan, or an error naming the first bad field. */
/** The fields `ProbePlan.toJson()` writes; any other is refused. */
const PLAN_FIELDS = ['format', 'id', 'workloads', 'notes', 'ports', 'classes', 'denyCanary', 'allowCanary', 'cells', 'extraManifests'];

export function readPlanJson(json: unknown, format: string): PlanData {
  if (!isObject(json)) fail('the plan', 'must be a JSON object', json);
  const unknown = Object.keys(json).find((k) => !PLAN_FIELDS.includes(k));
  if (unknown !== undefined) fail(unknown, `is not a field of a saved plan (its fields: ${PLAN_FIELDS.join(', ')})`, unknown);
  if (json.format !== format) fail('format', `must be ${JSON.stringify(format)}`, json.format);
  if (typeof json.id !== 'string' || !/^[0-9a-f]{10}$/.test(json.id)) fail('id', 'must be 10 hexadecimal digits', json.id);
  if (!Number.isInteger(json.workloads) || json.workloads < 0) fail('workloads', 'must be a whole number', json.workloads);
  const classes = list(json, 'classes').map((c, i) => readClass(c, `classes[${i}]`));
  const ids = new Set<string>();
  classes.forEach((c, i) => {
    if (ids.has(c.id)) fail(`classes[${i}].id`, 'is used twice', c.id);
    ids.add(c.id);
  });
  const cell = (c: unknown, field: string) => readCell(c, field, ids);
  const notes = list(json, 'notes');
  if (notes.some((n) => typeof n !== 'string')) fail('notes', 'must be strings', notes);
  const extraManifests = list(json, 'extraManifests');
  if (extraManifests.some((m) => !isObject(m))) fail('extraManifests', 'must be objects', extraManifests);
  return {
    id: json.id,
    workloads: json.workloads,
    ports: list(json, 'ports').map((p, i) => readPort(p, `ports[${i}]`)),
    classes,
    cells: list(json, 'cells').map((c, i) => cell(c, `cells[${i}]`)),
    denyCanary: cell(json.denyCanary, 'denyCanary'),
    allowCanary: cell(json.allowCanary, 'allowCanary'),
    extraManifests,
    notes,
  };
}

function readClass(c: unknown, field: string): ProbeClass {
  if (!isObject(c)) fail(field, 'must be an object', c);
  if (typeof c.id !== 'string' || !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(c.id)) fail(`${field}.id`, 'must be a short lowercase id', c.id);
  if (!Array.isArray(c.members) || c.members.some((m: unknown) => typeof m !== 'string')) fail(`${field}.members`, 'must be a list of strings', c.members);
  try {
    const e = Endpoint.pod({ namespace: c.namespace, labels: c.labels, ports: c.ports, name: 'check' });
    return { id: c.id, namespace: e.namespace!, labels: e.labels, ports: e.ports, members: [...c.members] };
  } catch (err) {
    return fail(field, `is not a valid pod description: ${(err as Error).message}`, c.id);
  }
}

function readPort(p: unknown, field: string): TruthTablePort {
  if (!isObject(p) || typeof p.label !== 'string' || !PROTOCOLS.includes(p.protocol)) {
    fail(field, 'must have a label and a protocol of TCP, UDP or SCTP', p);
  }
  return { label: p.label, port: p.port, portName: p.portName, protocol: p.protocol };
}

function readCell(c: unknown, field: string, classes: Set<string>): ProbeCell {
  if (!isObject(c)) fail(field, 'must be an object', c);
  for (const key of ['sourceClass', 'destinationClass']) {
    if (!classes.has(c[key])) fail(`${field}.${key}`, 'must name a class of the plan', c[key]);
  }
  if (!Number.isInteger(c.targetPort) || c.targetPort < 1 || c.targetPort > 65535) fail(`${field}.targetPort`, 'must be a port number from 1 to 65535', c.targetPort);
  if (!PROTOCOLS.includes(c.protocol)) fail(`${field}.protocol`, 'must be TCP, UDP or SCTP', c.protocol);
  if (typeof c.expectAllowed !== 'boolean') fail(`${field}.expectAllowed`, 'must be true or false', c.expectAllowed);
  for (const key of ['id', 'portLabel', 'explanation']) {
    if (typeof c[key] !== 'string') fail(`${field}.${key}`, 'must be a string', c[key]);
  }
  return {
    id: c.id,
    sourceClass: c.sourceClass,
    destinationClass: c.destinationClass,
    portLabel: c.portLabel,
    targetPort: c.targetPort,
    protocol: c.protocol,
    expectAllowed: c.expectAllowed,
    explanation: c.explanation,
  };
}
