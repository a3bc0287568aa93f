/**
 * The default names of intents (internal): readable parts from what the user named, joined and fitted to 63
 * characters.
 */
import { sortedUnique } from '../../private/canonical';
import { fitName } from '../../private/policy-names';
import { LabelOperator, LabelSelector } from '../../selectors/label-selector';

/**
 * A readable policy name from parts, e.g. `['web', 'allow-dns-egress']` -> `web-allow-dns-egress`.
 * Longer than 63 characters: cut, plus 8 hex characters of the full name's SHA-1, so it stays unique.
 */
export function intentName(parts: string[]): string {
  let name = '';
  for (let i = 0; i < parts.length; i++) {
    const part = slug(parts[i]);
    if (part !== '') {
      name = name === '' ? part : `${name}-${part}`;
    }
  }
  return fitName(name, () => name);
}

/**
 * A short name part for a selector: its label values in key order, then its expressions
 * (`app=web` -> `web`; `tier in (a,b)` -> `a-b`; `!canary` -> `no-canary`). Empty for `LabelSelector.all()`.
 */
export function selectorSlug(selector: LabelSelector): string {
  const kube = selector._toKube();
  const parts: string[] = [];
  const labels = kube.matchLabels;
  for (const key in labels) {
    parts.push(labels[key] === '' ? keyName(key) : labels[key]);
  }
  for (const expression of kube.matchExpressions ?? []) {
    const key = keyName(expression.key);
    const values = (expression.values ?? []).join('-');
    switch (expression.operator) {
      case LabelOperator.IN: parts.push(values); break;
      case LabelOperator.NOT_IN: parts.push(`not-${values}`); break;
      case LabelOperator.EXISTS: parts.push(key); break;
      default: parts.push(`no-${key}`);
    }
  }
  return slug(parts.join('-'));
}

/** The name part for the pods an intent applies to: the workload's name, else the selector's label values. */
export function targetSlug(target: { selector: LabelSelector; name?: string }): string {
  return target.name !== undefined ? slug(target.name) : selectorSlug(target.selector);
}

/**
 * A name part for CIDRs, in sorted order so that it does not depend on the order they were given in:
 * `10.0.0.0/8` -> `10-0-0-0-8`, `2001:db8::/32` -> `2001-db8-32`.
 */
export function cidrSlug(cidrs: string[]): string {
  return slug(sortedUnique(cidrs).join('-'));
}

/**
 * A name part for address ranges given as workloads and as CIDRs: the workloads' names, then the CIDRs, each
 * in sorted order (`['payments']`, `['10.0.0.0/8']` -> `payments-10-0-0-0-8`).
 */
export function rangesSlug(workloads: Array<{ readonly name: string }>, cidrs: string[]): string {
  return slug([...sortedUnique(workloads.map((w) => w.name)), ...sortedUnique(cidrs)].join('-'));
}

function keyName(key: string): string {
  return key.split('/').pop()!;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}
