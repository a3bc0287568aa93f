/**
 * The sections of the review page besides the summary (internal): lint findings, each policy's rules with
 * their descriptions, and the flow changes against a base. Every string from the input is escaped.
 */
import { stringify } from 'yaml';
import { FlowChange } from '../analysis';
import { escapeHtml as e } from '../cli/format-html';
import { Finding } from '../lint/finding';

/** The lint findings, errors first as the linter sorts them, each message carrying its fix. */
export function findingsHtml(findings: Finding[]): string {
  if (findings.length === 0) {
    return '<p class="none">No findings.</p>';
  }
  const rows = findings.map((f) => `<tr class="${e(f.severity)}"><td>${e(f.severity)}</td><td><code>${e(f.code)}</code></td>`
    + `<td>${e(f.source ?? '')}</td><td>${e(f.message)}</td></tr>`);
  return ['<table class="findings"><tr><th>severity</th><th>check</th><th>document</th><th>finding and fix</th></tr>', ...rows, '</table>'].join('\n');
}

const RULE_ANNOTATION = { ingress: 'cdk8s-netpol.dev/ingress-rules', egress: 'cdk8s-netpol.dev/egress-rules' } as const;

/** `0: text` lines of a rule-description annotation, by rule index. */
function ruleDescriptions(annotation: unknown): Map<number, string> {
  const found = new Map<number, string>();
  for (const line of typeof annotation === 'string' ? annotation.split('\n') : []) {
    const m = /^(\d+): (.*)$/.exec(line);
    if (m !== null) found.set(Number(m[1]), m[2]);
  }
  return found;
}

/** Each NetworkPolicy as written: its description, then every rule with its description and its YAML. */
export function policiesHtml(manifests: any[]): string {
  const policies = manifests.filter((m) => m?.kind === 'NetworkPolicy' && typeof m?.metadata?.name === 'string')
    .sort((a, b) => key(a).localeCompare(key(b)));
  if (policies.length === 0) {
    return '<p class="none">No NetworkPolicy in the input.</p>';
  }
  return policies.map((p) => {
    const annotations = p.metadata.annotations ?? {};
    const description = annotations['cdk8s-netpol.dev/description'];
    const rules = (['ingress', 'egress'] as const).flatMap((direction) => {
      const described = ruleDescriptions(annotations[RULE_ANNOTATION[direction]]);
      return (Array.isArray(p.spec?.[direction]) ? p.spec[direction] : []).map((rule: unknown, i: number) =>
        `<li><strong>${direction} rule ${i}</strong>${described.has(i) ? `: ${e(described.get(i)!)}` : ''}<pre>${e(stringify(rule ?? {}))}</pre></li>`);
    });
    return [
      `<section class="policy"><h3>${e(key(p))}</h3>`,
      typeof description === 'string' ? `<p>${e(description)}</p>` : '',
      `<p>Selects <code>${e(JSON.stringify(p.spec?.podSelector ?? {}))}</code>; policyTypes: ${e(JSON.stringify(p.spec?.policyTypes ?? 'inferred'))}</p>`,
      rules.length === 0 ? '<p>No rules: everything in its directions is denied.</p>' : `<ul>${rules.join('\n')}</ul>`,
      '</section>',
    ].join('\n');
  }).join('\n');
}

function key(manifest: any): string {
  return `${manifest.metadata.namespace ?? '(current namespace)'}/${manifest.metadata.name}`;
}

/** The flows that change against the base. */
export function diffHtml(changes: FlowChange[], base: string): string {
  if (changes.length === 0) {
    return `<p class="none">No flow changed against <code>${e(base)}</code>.</p>`;
  }
  const opened = changes.filter((c) => c.allowedAfter).length;
  const rows = changes.map((c) => `<tr class="${c.allowedAfter ? 'opened' : 'closed'}"><td>${c.allowedAfter ? 'now allowed' : 'now denied'}</td>`
    + `<td><code>${e(c.source)}</code></td><td><code>${e(c.destination)}</code></td><td>${e(c.port !== undefined ? `${c.protocol} ${c.port}` : `${c.protocol} "${c.portName}"`)}</td></tr>`);
  return [
    `<p data-count="changes">${changes.length} flow(s) changed against <code>${e(base)}</code>: ${opened} now allowed, ${changes.length - opened} now denied.</p>`,
    '<table class="diff"><tr><th>change</th><th>from</th><th>to</th><th>port</th></tr>', ...rows, '</table>',
  ].join('\n');
}
