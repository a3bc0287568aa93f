/**
 * The API server's validation rules for networking.k8s.io/v1 NetworkPolicy, written from the API reference
 * (and apimachinery's validation), as a test oracle: returns every violation found, [] when valid.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const NAME_PART = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const SVC_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];
const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];

type Json = any;

function isSubdomain(s: unknown, max = 253): boolean {
  return typeof s === 'string' && s.length > 0 && s.length <= max && s.split('.').every((p) => DNS1123_LABEL.test(p));
}

function isLabelKey(key: unknown): boolean {
  if (typeof key !== 'string') return false;
  const parts = key.split('/');
  if (parts.length > 2) return false;
  if (parts.length === 2 && !isSubdomain(parts[0])) return false;
  const name = parts[parts.length - 1];
  return name.length >= 1 && name.length <= 63 && NAME_PART.test(name);
}

function isLabelValue(v: unknown): boolean {
  return typeof v === 'string' && (v === '' || (v.length <= 63 && NAME_PART.test(v)));
}

function parseV4(s: string): number[] | undefined {
  const parts = s.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.map(Number);
}

/** Prefix length and address bits (as a string of 0/1) of a CIDR, or undefined. */
function cidrBits(text: unknown): { family: number; bits: string; prefix: number } | undefined {
  if (typeof text !== 'string' || !/^[^\s/]+\/\d{1,3}$/.test(text)) return undefined;
  const [addr, prefixText] = text.split('/');
  const prefix = Number(prefixText);
  const v4 = parseV4(addr);
  if (v4 !== undefined) {
    return prefix <= 32 ? { family: 4, bits: v4.map((o) => o.toString(2).padStart(8, '0')).join(''), prefix } : undefined;
  }
  if (!/^[0-9a-fA-F:]+$/.test(addr) || prefix > 128) return undefined;
  const halves = addr.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] === '' ? [] : halves[0].split(':');
  const tail = halves.length === 2 && halves[1] !== '' ? halves[1].split(':') : [];
  const total = head.length + tail.length;
  if (![...head, ...tail].every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  if ((halves.length === 1 && total !== 8) || (halves.length === 2 && total > 7)) return undefined;
  const groups = [...head, ...Array(8 - total).fill('0'), ...tail];
  return { family: 6, bits: groups.map((g) => parseInt(g, 16).toString(2).padStart(16, '0')).join(''), prefix };
}

function selectorErrors(sel: Json, path: string): string[] {
  const errors: string[] = [];
  if (sel === null || typeof sel !== 'object' || Array.isArray(sel)) return [`${path}: must be an object`];
  for (const key of Object.keys(sel)) {
    if (!['matchLabels', 'matchExpressions'].includes(key)) errors.push(`${path}.${key}: unknown field`);
  }
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) {
    if (!isLabelKey(k)) errors.push(`${path}.matchLabels: invalid key ${k}`);
    if (!isLabelValue(v)) errors.push(`${path}.matchLabels[${k}]: invalid value ${String(v)}`);
  }
  (sel.matchExpressions ?? []).forEach((e: Json, i: number) => {
    const p = `${path}.matchExpressions[${i}]`;
    if (!isLabelKey(e.key)) errors.push(`${p}.key: invalid`);
    if (!OPERATORS.includes(e.operator)) errors.push(`${p}.operator: invalid`);
    const values = e.values ?? [];
    if ((e.operator === 'In' || e.operator === 'NotIn') && values.length === 0) errors.push(`${p}.values: required`);
    if ((e.operator === 'Exists' || e.operator === 'DoesNotExist') && values.length > 0) errors.push(`${p}.values: must be empty`);
    values.forEach((v: Json) => { if (!isLabelValue(v)) errors.push(`${p}.values: invalid ${v}`); });
  });
  return errors;
}

function portErrors(port: Json, path: string): string[] {
  const errors: string[] = [];
  if (port.protocol !== undefined && !PROTOCOLS.includes(port.protocol)) errors.push(`${path}.protocol: invalid`);
  if (typeof port.port === 'number') {
    if (!Number.isInteger(port.port) || port.port < 1 || port.port > 65535) errors.push(`${path}.port: out of range`);
    if (port.endPort !== undefined && (!Number.isInteger(port.endPort) || port.endPort < port.port || port.endPort > 65535)) {
      errors.push(`${path}.endPort: invalid`);
    }
  } else if (typeof port.port === 'string') {
    const name = port.port;
    if (!(name.length >= 1 && name.length <= 15 && SVC_NAME.test(name) && !name.includes('--') && /[a-z]/.test(name))) {
      errors.push(`${path}.port: invalid name`);
    }
    if (port.endPort !== undefined) errors.push(`${path}.endPort: needs a numeric port`);
  } else if (port.port !== undefined) {
    errors.push(`${path}.port: wrong type`);
  } else if (port.endPort !== undefined) {
    errors.push(`${path}.endPort: needs a port`);
  }
  return errors;
}

function peerErrors(peer: Json, path: string): string[] {
  const keys = Object.keys(peer ?? {});
  if (keys.length === 0) return [`${path}: needs podSelector, namespaceSelector or ipBlock`];
  const errors: string[] = [];
  if (peer.ipBlock !== undefined) {
    if (keys.length > 1) errors.push(`${path}: ipBlock must stand alone`);
    const cidr = cidrBits(peer.ipBlock.cidr);
    if (cidr === undefined) return [...errors, `${path}.ipBlock.cidr: invalid`];
    (peer.ipBlock.except ?? []).forEach((e: Json, i: number) => {
      const ex = cidrBits(e);
      const inside = ex !== undefined && ex.family === cidr.family && ex.prefix > cidr.prefix
        && ex.bits.slice(0, cidr.prefix) === cidr.bits.slice(0, cidr.prefix);
      if (!inside) errors.push(`${path}.ipBlock.except[${i}]: must be a strict subset of cidr`);
    });
  }
  if (peer.podSelector !== undefined) errors.push(...selectorErrors(peer.podSelector, `${path}.podSelector`));
  if (peer.namespaceSelector !== undefined) errors.push(...selectorErrors(peer.namespaceSelector, `${path}.namespaceSelector`));
  return errors;
}

/** Every API-server validation error of a NetworkPolicy object. */
export function networkPolicyApiErrors(obj: Json): string[] {
  const errors: string[] = [];
  if (obj.apiVersion !== 'networking.k8s.io/v1' || obj.kind !== 'NetworkPolicy') errors.push('apiVersion/kind');
  const md = obj.metadata ?? {};
  if (!isSubdomain(md.name)) errors.push('metadata.name: invalid');
  if (md.namespace !== undefined && !(typeof md.namespace === 'string' && md.namespace.length <= 63 && DNS1123_LABEL.test(md.namespace))) {
    errors.push('metadata.namespace: invalid');
  }
  for (const [k, v] of Object.entries(md.labels ?? {})) {
    if (!isLabelKey(k) || !isLabelValue(v)) errors.push(`metadata.labels[${k}]: invalid`);
  }
  for (const [k, v] of Object.entries(md.annotations ?? {})) {
    if (!isLabelKey(k.toLowerCase()) || typeof v !== 'string') errors.push(`metadata.annotations[${k}]: invalid`);
  }
  const spec = obj.spec ?? {};
  errors.push(...selectorErrors(spec.podSelector ?? {}, 'spec.podSelector'));
  const types = spec.policyTypes ?? [];
  if (types.length > 2 || !types.every((t: Json) => t === 'Ingress' || t === 'Egress')) errors.push('spec.policyTypes: invalid');
  for (const [dir, side] of [['ingress', 'from'], ['egress', 'to']]) {
    (spec[dir] ?? []).forEach((rule: Json, i: number) => {
      (rule[side] ?? []).forEach((peer: Json, j: number) => errors.push(...peerErrors(peer, `spec.${dir}[${i}].${side}[${j}]`)));
      (rule.ports ?? []).forEach((port: Json, j: number) => errors.push(...portErrors(port, `spec.${dir}[${i}].ports[${j}]`)));
    });
  }
  return errors;
}
