#!/usr/bin/env node
/*
 * TEST DOUBLE of kubectl: the only one in the project. No cluster can run where the tests run, so the probe
 * runner is tested against this executable. It keeps the applied objects in the directory named by
 * FAKE_KUBECTL_STATE and answers apply, get, wait, exec (agnhost connect), debug (nc), logs and delete from
 * the truth table in scenario.json, with the faults that file injects:
 *
 *   { "allowed": ["<ns>/<pod>><ns>/<pod> TCP 80", ...],      connections the "CNI" lets through
 *     "faults": { "noEnforcement": true,                       every connection is let through
 *                 "flip": [key], "flipOnce": [key],            a cell inverted always, or on its first try
 *                 "neverStarts": ["<ns>/<pod>"],               a pod stays Pending
 *                 "imagePull": ["<ns>/<pod>"],                 a pod's image cannot be pulled
 *                 "slowMs": { key: ms },                       a cell answers late
 *                 "forbidden": ["apply", ...],                 the API server refuses a verb
 *                 "unreachable": true } }                      the API server does not answer
 *
 * Pods made from Deployments get one replica named <deployment>-0. Every call is appended to calls.log.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const dir = process.env.FAKE_KUBECTL_STATE;
if (!dir) { process.stderr.write('FAKE_KUBECTL_STATE is not set\n'); process.exit(99); }
const read = (file, fallback) => { try { return JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')); } catch { return fallback; } };
const write = (file, value) => fs.writeFileSync(path.join(dir, file), JSON.stringify(value, null, 1));
const scenario = read('scenario.json', { allowed: [], faults: {} });
const faults = scenario.faults || {};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const fail = (message, code = 1) => { process.stderr.write(`${message}\n`); process.exit(code); };

let args = process.argv.slice(2);
fs.appendFileSync(path.join(dir, 'calls.log'), `${args.join(' ')}\n`);
if (args[0] === '--context') args = args.slice(2);
const verb = args[0];

function option(name) {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  return args[i].includes('=') ? args[i].slice(args[i].indexOf('=') + 1) : args[i + 1];
}

function matches(labels, selector) {
  if (!selector) return true;
  return selector.split(',').every((term) => {
    if (term.startsWith('!')) return !(term.slice(1) in labels);
    const [k, v] = term.split('=');
    return v === undefined ? k in labels : labels[k] === v;
  });
}

function podJson(pod) {
  const ephemeral = fs.readdirSync(dir).filter((f) => f.startsWith(`eph_${pod.ns}_${pod.name}_`)).sort().map((f) => read(f));
  const waiting = pod.waiting ? { state: { waiting: pod.waiting }, name: pod.manifest.spec.containers[0].name } : { state: { running: {} }, name: 'x' };
  return {
    apiVersion: 'v1', kind: 'Pod', metadata: pod.manifest.metadata, spec: pod.manifest.spec,
    status: { phase: pod.phase, podIP: pod.phase === 'Running' ? pod.ip : undefined, containerStatuses: [waiting],
      ephemeralContainerStatuses: ephemeral.map((e) => ({ name: e.name, state: e.waiting ? { waiting: e.waiting } : { terminated: { exitCode: 0 } } })) },
  };
}

function listening(pod, port, protocol) {
  for (const c of pod.manifest.spec.containers) {
    const cmd = (c.command || []).join(' ');
    if (cmd.includes('netexec')) {
      const flag = { TCP: 'http', UDP: 'udp', SCTP: 'sctp' }[protocol];
      if (new RegExp(`--${flag}-port=${port}(\\s|$)`).test(cmd)) return true;
    } else if ((c.ports || []).some((p) => p.containerPort === port && (p.protocol || 'TCP') === protocol)) {
      return true;
    }
  }
  return false;
}

/** Whether the fake CNI lets the connection through, with the cell's faults applied. */
function decide(key) {
  let allowed = faults.noEnforcement === true || scenario.allowed.includes(key);
  if ((faults.flip || []).includes(key)) allowed = !allowed;
  if ((faults.flipOnce || []).includes(key)) {
    try { fs.writeFileSync(path.join(dir, `flipped_${Buffer.from(key).toString('hex')}`), '', { flag: 'wx' }); allowed = !allowed; } catch { /* flipped before */ }
  }
  return allowed;
}

function target(state, host) {
  const ip = host.replace(/^\[|\]$/g, '');
  return Object.values(state.pods).find((p) => p.ip === ip && p.phase === 'Running');
}

function applyObjects(state, items) {
  for (const o of items) {
    const ns = o.metadata.namespace;
    if (o.kind === 'Pod' || o.kind === 'Deployment') {
      const manifest = o.kind === 'Pod' ? o : { metadata: { name: `${o.metadata.name}-0`, namespace: ns, labels: o.spec.template.metadata.labels }, spec: o.spec.template.spec };
      const key = `${ns}/${manifest.metadata.name}`;
      const pod = { ns, name: manifest.metadata.name, manifest, ip: state.pods[key]?.ip ?? `10.244.0.${++state.nextIp}`, phase: 'Running' };
      if ((faults.neverStarts || []).includes(key)) { pod.phase = 'Pending'; pod.waiting = { reason: 'ContainerCreating' }; }
      if ((faults.imagePull || []).includes(key)) { pod.phase = 'Pending'; pod.waiting = { reason: 'ImagePullBackOff', message: `Back-off pulling image "${manifest.spec.containers[0].image}"` }; }
      state.pods[key] = pod;
      process.stdout.write(`${o.kind.toLowerCase()}/${o.metadata.name} created\n`);
    } else {
      state.objects = state.objects.filter((x) => !(x.kind === o.kind && x.metadata.name === o.metadata.name && x.metadata.namespace === ns));
      state.objects.push(o);
      process.stdout.write(`${o.kind.toLowerCase()}/${o.metadata.name} created\n`);
    }
  }
}

async function main() {
  if (faults.unreachable) fail('Unable to connect to the server: dial tcp 127.0.0.1:6443: connect: connection refused');
  if ((faults.forbidden || []).includes(verb)) {
    fail(`Error from server (Forbidden): pods is forbidden: User "probe" cannot ${verb} resource "pods" in API group "" in the namespace "shop"`);
  }
  const state = read('state.json', { pods: {}, objects: [], nextIp: 0 });
  const ns = option('-n');
  const selector = option('-l');
  const inScope = (p) => (args.includes('--all-namespaces') || p.ns === ns) && matches(p.manifest.metadata.labels || {}, selector);
  if (verb === 'apply') {
    const input = JSON.parse(fs.readFileSync(0, 'utf8'));
    applyObjects(state, input.kind === 'List' ? input.items : [input]);
    write('state.json', state);
  } else if (verb === 'get') {
    if (args[1] === 'pod') {
      const pod = state.pods[`${ns}/${args[4]}`];
      if (!pod) fail(`Error from server (NotFound): pods "${args[4]}" not found`);
      process.stdout.write(JSON.stringify(podJson(pod)));
    } else {
      process.stdout.write(JSON.stringify({ apiVersion: 'v1', kind: 'List', items: Object.values(state.pods).filter(inScope).map(podJson) }));
    }
  } else if (verb === 'wait') {
    const stuck = Object.values(state.pods).filter(inScope).find((p) => p.phase !== 'Running');
    if (stuck) fail(`error: timed out waiting for the condition on pods/${stuck.name}`);
    process.stdout.write('condition met\n');
  } else if (verb === 'exec') {
    const source = state.pods[`${ns}/${args[3]}`];
    if (!source || source.phase !== 'Running') fail(`Error from server (NotFound): pods "${args[3]}" not found`);
    const rest = args.slice(args.indexOf('--') + 1);
    if (rest[0] !== '/agnhost' || rest[1] !== 'connect') fail(`OCI runtime exec failed: ${rest[0]} not found`, 126);
    if (!(source.manifest.spec.containers || []).some((c) => c.name === option('-c'))) fail(`error: container ${option('-c')} not found in pod ${args[3]}`);
    const hostport = rest[2];
    const protocol = (rest.find((a) => a.startsWith('--protocol=')) || '--protocol=tcp').slice(11).toUpperCase();
    const cut = hostport.lastIndexOf(':');
    const dest = target(state, hostport.slice(0, cut));
    const port = Number(hostport.slice(cut + 1));
    if (!dest) { await sleep(20); fail('TIMEOUT\ncommand terminated with exit code 1'); }
    const key = `${source.ns}/${source.name}>${dest.ns}/${dest.name} ${protocol} ${port}`;
    await sleep((faults.slowMs || {})[key] || 0);
    if (!decide(key)) fail('TIMEOUT\ncommand terminated with exit code 1');
    if (!listening(dest, port, protocol)) fail('REFUSED\ncommand terminated with exit code 1');
  } else if (verb === 'debug') {
    const podName = args[3].replace(/^pod\//, '');
    const source = state.pods[`${ns}/${podName}`];
    if (!source) fail(`Error from server (NotFound): pods "${podName}" not found`);
    const custom = JSON.parse(fs.readFileSync(option('--custom'), 'utf8'));
    if (option('--profile') !== 'restricted' || custom.securityContext.runAsNonRoot !== true) fail('Error from server (Forbidden): violates PodSecurity "restricted:latest"');
    const rest = args.slice(args.indexOf('--') + 1);
    const [ip, port] = rest.slice(-2);
    const dest = target(state, ip);
    const name = option('--container');
    const entry = { name };
    if ((faults.imagePull || []).includes('netshoot')) entry.waiting = { reason: 'ErrImagePull' };
    const key = dest && `${source.ns}/${source.name}>${dest.ns}/${dest.name} TCP ${port}`;
    if (!dest || !decide(key)) entry.output = `nc: connect to ${ip} port ${port} (tcp) timed out: Operation now in progress\n`;
    else if (listening(dest, Number(port), 'TCP')) entry.output = `Connection to ${ip} ${port} port [tcp/*] succeeded!\n`;
    else entry.output = `nc: connect to ${ip} port ${port} (tcp) failed: Connection refused\n`;
    write(`eph_${ns}_${podName}_${name}`, entry);
    process.stdout.write(`Defaulting debug container name to ${name}.\n`);
  } else if (verb === 'logs') {
    const entry = read(`eph_${ns}_${args[3]}_${option('-c')}`);
    if (!entry) fail(`error: container ${option('-c')} is not valid for pod ${args[3]}`);
    process.stdout.write(entry.output);
  } else if (verb === 'delete') {
    for (const [key, pod] of Object.entries(state.pods)) {
      if (inScope(pod)) { delete state.pods[key]; process.stdout.write(`pod "${pod.name}" deleted\n`); }
    }
    state.objects = state.objects.filter((o) => !matches(o.metadata.labels || {}, selector));
    write('state.json', state);
  } else {
    fail(`error: unknown command "${verb}" for "kubectl"`);
  }
}

main().catch((e) => fail(`fake kubectl: ${e.stack}`, 98));
