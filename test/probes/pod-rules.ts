/**
 * Test oracles written from the Kubernetes API reference and the Pod Security Standards page: the API
 * server's validation of the Pod fields stand-ins use, and the restricted profile. Each returns every
 * violation found, [] when the pod passes.
 */
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const NAME_PART = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
const SAFE_SYSCTLS = ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_local_reserved_ports'];

function isSubdomain(s: unknown): boolean {
  return typeof s === 'string' && s.length > 0 && s.length <= 253 && s.split('.').every((p) => DNS1123_LABEL.test(p));
}

function isQualifiedName(key: unknown): boolean {
  if (typeof key !== 'string') return false;
  const parts = key.split('/');
  if (parts.length > 2 || (parts.length === 2 && !isSubdomain(parts[0]))) return false;
  const name = parts[parts.length - 1];
  return name.length >= 1 && name.length <= 63 && NAME_PART.test(name);
}

function isPortName(name: string): boolean {
  return name.length <= 15 && /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(name) && /[a-z]/.test(name) && !name.includes('--');
}

/** The API server's rules for the Pod fields the stand-ins set. */
export function podApiErrors(pod: any): string[] {
  const errors: string[] = [];
  if (pod.apiVersion !== 'v1' || pod.kind !== 'Pod') errors.push('apiVersion/kind must be v1 Pod');
  if (!isSubdomain(pod.metadata?.name)) errors.push(`metadata.name ${pod.metadata?.name} is not a DNS-1123 subdomain`);
  if (typeof pod.metadata?.namespace !== 'string' || !DNS1123_LABEL.test(pod.metadata.namespace) || pod.metadata.namespace.length > 63) {
    errors.push('metadata.namespace must be a DNS-1123 label');
  }
  for (const [k, v] of Object.entries(pod.metadata?.labels ?? {})) {
    if (!isQualifiedName(k)) errors.push(`label key ${k} is invalid`);
    if (typeof v !== 'string' || (v !== '' && (v.length > 63 || !NAME_PART.test(v)))) errors.push(`label value ${String(v)} is invalid`);
  }
  for (const [k, v] of Object.entries(pod.metadata?.annotations ?? {})) {
    if (!isQualifiedName(k) || typeof v !== 'string') errors.push(`annotation ${k} is invalid`);
  }
  const spec = pod.spec ?? {};
  const containers: any[] = spec.containers ?? [];
  if (containers.length === 0) errors.push('spec.containers must not be empty');
  const names = new Set<string>();
  const portNames = new Set<string>();
  for (const c of containers) {
    if (typeof c.name !== 'string' || !DNS1123_LABEL.test(c.name) || c.name.length > 63) errors.push(`container name ${c.name} is invalid`);
    if (names.has(c.name)) errors.push(`container name ${c.name} is used twice`);
    names.add(c.name);
    if (typeof c.image !== 'string' || c.image === '') errors.push(`container ${c.name} needs an image`);
    for (const p of c.ports ?? []) {
      if (!Number.isInteger(p.containerPort) || p.containerPort < 1 || p.containerPort > 65535) errors.push(`containerPort ${p.containerPort} is out of range`);
      if (p.protocol !== undefined && !PROTOCOLS.includes(p.protocol)) errors.push(`protocol ${p.protocol} is invalid`);
      if (p.name !== undefined) {
        if (!isPortName(p.name)) errors.push(`port name ${p.name} is not an IANA_SVC_NAME`);
        if (portNames.has(p.name)) errors.push(`port name ${p.name} is used twice in the pod`);
        portNames.add(p.name);
      }
      if (p.hostPort !== undefined) errors.push('hostPort is not used by stand-ins');
    }
  }
  for (const g of spec.readinessGates ?? []) {
    if (!isQualifiedName(g.conditionType)) errors.push(`readiness gate ${g.conditionType} is not a qualified name`);
  }
  if (!['Always', 'OnFailure', 'Never'].includes(spec.restartPolicy ?? 'Always')) errors.push('restartPolicy is invalid');
  if (spec.activeDeadlineSeconds !== undefined && !(Number.isInteger(spec.activeDeadlineSeconds) && spec.activeDeadlineSeconds > 0)) {
    errors.push('activeDeadlineSeconds must be a positive integer');
  }
  for (const s of spec.securityContext?.sysctls ?? []) {
    if (typeof s.name !== 'string' || typeof s.value !== 'string') errors.push('a sysctl needs a name and a string value');
  }
  return errors;
}

/** The restricted Pod Security Standard (which includes the baseline profile). */
export function restrictedErrors(pod: any): string[] {
  const errors: string[] = [];
  const spec = pod.spec ?? {};
  const podContext = spec.securityContext ?? {};
  for (const field of ['hostNetwork', 'hostPID', 'hostIPC']) {
    if (spec[field] === true) errors.push(`${field} must not be true`);
  }
  for (const v of spec.volumes ?? []) {
    const kinds = Object.keys(v).filter((k) => k !== 'name');
    if (kinds.some((k) => !['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret'].includes(k))) {
      errors.push(`volume ${v.name} has a type restricted pods may not use`);
    }
  }
  for (const s of podContext.sysctls ?? []) {
    if (!SAFE_SYSCTLS.includes(s.name)) errors.push(`sysctl ${s.name} is not in the safe set`);
  }
  if (podContext.runAsUser === 0) errors.push('pod runAsUser must not be 0');
  const podSeccomp = podContext.seccompProfile?.type;
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? []), ...(spec.ephemeralContainers ?? [])]) {
    const sc = c.securityContext ?? {};
    if (sc.privileged === true) errors.push(`${c.name}: privileged must not be true`);
    if (sc.allowPrivilegeEscalation !== false) errors.push(`${c.name}: allowPrivilegeEscalation must be false`);
    if (!(sc.runAsNonRoot === true || (sc.runAsNonRoot === undefined && podContext.runAsNonRoot === true))) {
      errors.push(`${c.name}: runAsNonRoot must be true`);
    }
    if (sc.runAsUser === 0) errors.push(`${c.name}: runAsUser must not be 0`);
    const seccomp = sc.seccompProfile?.type ?? podSeccomp;
    if (seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost') errors.push(`${c.name}: seccompProfile must be RuntimeDefault or Localhost`);
    if (!(sc.capabilities?.drop ?? []).includes('ALL')) errors.push(`${c.name}: capabilities must drop ALL`);
    const added = (sc.capabilities?.add ?? []).filter((cap: string) => cap !== 'NET_BIND_SERVICE');
    if (added.length > 0) errors.push(`${c.name}: may add only NET_BIND_SERVICE (got ${added.join(', ')})`);
    if ((c.ports ?? []).some((p: any) => p.hostPort !== undefined && p.hostPort !== 0)) errors.push(`${c.name}: hostPort must not be set`);
    if (sc.procMount !== undefined && sc.procMount !== 'Default') errors.push(`${c.name}: procMount must be Default`);
  }
  return errors;
}
