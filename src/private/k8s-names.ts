import { ErrorCode, invalid } from './errors';

/**
 * Kubernetes name and label syntax, as the API server checks it (apimachinery validation).
 * Each check returns the problem and its fix, or undefined when the value is valid.
 */

/** What is wrong with a value, and how to fix it. */
export interface NameProblem {
  readonly problem: string;
  readonly fix: string;
}

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** Dot-separated DNS-1123 labels: the same test as splitting on "." and checking each part, in one pass. */
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME_PART = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const IANA_SVC_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A DNS-1123 label (namespace names): 1-63 of a-z, 0-9, '-', starting and ending alphanumeric. */
export function dns1123LabelProblem(value: string): NameProblem | undefined {
  if (typeof value !== 'string' || value.length === 0) {
    return { problem: 'name must not be empty', fix: 'Use 1-63 lowercase letters, digits and "-"' };
  }
  if (value.length > 63) {
    return { problem: `name is ${value.length} characters, more than 63`, fix: 'Shorten it to at most 63 characters' };
  }
  if (!DNS1123_LABEL.test(value)) {
    return {
      problem: 'name is not a DNS-1123 label',
      fix: 'Use only lowercase letters, digits and "-", starting and ending with a letter or digit (no dots)',
    };
  }
  return undefined;
}

/** A DNS-1123 subdomain (object names, label key prefixes): dot-separated labels, at most 253 characters. */
export function dns1123SubdomainProblem(value: string): NameProblem | undefined {
  if (typeof value !== 'string' || value.length === 0) {
    return { problem: 'name must not be empty', fix: 'Use lowercase letters, digits, "-" and "."' };
  }
  if (value.length > 253) {
    return { problem: `name is ${value.length} characters, more than 253`, fix: 'Shorten it to at most 253 characters' };
  }
  if (!DNS1123_SUBDOMAIN.test(value)) {
    return {
      problem: 'name is not a DNS-1123 subdomain',
      fix: 'Use only lowercase letters, digits, "-" and ".", each dot-separated part starting and ending with a letter or digit',
    };
  }
  return undefined;
}

/** A label key (and an expression key): `[prefix/]name`. */
export function labelKeyProblem(key: string): NameProblem | undefined {
  if (typeof key !== 'string' || key.length === 0) {
    return { problem: 'label key must not be empty', fix: 'Use a key such as "app" or "example.com/tier"' };
  }
  if (key.length <= 63 && QUALIFIED_NAME_PART.test(key)) {
    // the common key, without a prefix ("app", "k8s-app")
    return undefined;
  }
  const parts = key.split('/');
  if (parts.length > 2) {
    return { problem: 'label key has more than one "/"', fix: 'Use "prefix/name" with a single "/"' };
  }
  const name = parts[parts.length - 1];
  if (parts.length === 2) {
    const prefixProblem = dns1123SubdomainProblem(parts[0]);
    if (prefixProblem !== undefined) {
      return {
        problem: `label key prefix ${JSON.stringify(parts[0])} is invalid: ${prefixProblem.problem}`,
        fix: 'Use a lowercase DNS subdomain as the prefix, such as "example.com"',
      };
    }
  }
  if (name.length === 0 || name.length > 63) {
    return { problem: 'label key name must be 1-63 characters', fix: 'Shorten or fill in the part after the "/"' };
  }
  if (!QUALIFIED_NAME_PART.test(name)) {
    return {
      problem: 'label key name has invalid characters',
      fix: 'Use letters, digits, "-", "_" and ".", starting and ending with a letter or digit',
    };
  }
  return undefined;
}

/** A label value: empty, or 1-63 of [A-Za-z0-9._-] starting and ending alphanumeric. */
export function labelValueProblem(value: string): NameProblem | undefined {
  if (typeof value !== 'string') {
    return { problem: 'label value must be a string', fix: 'Quote the value' };
  }
  if (value.length === 0) {
    return undefined;
  }
  if (value.length > 63) {
    return { problem: `label value is ${value.length} characters, more than 63`, fix: 'Shorten it to at most 63 characters' };
  }
  if (!QUALIFIED_NAME_PART.test(value)) {
    return {
      problem: 'label value has invalid characters',
      fix: 'Use letters, digits, "-", "_" and ".", starting and ending with a letter or digit (no spaces, "/" or ":")',
    };
  }
  return undefined;
}

/** A named port (IANA_SVC_NAME): 1-15 of a-z0-9 and '-', at least one letter, no leading/trailing/double '-'. */
export function portNameProblem(name: string): NameProblem | undefined {
  const fix = 'Use 1-15 lowercase letters, digits and "-", with at least one letter, e.g. "http" or "metrics"';
  if (typeof name !== 'string' || name.length === 0 || name.length > 15) {
    return { problem: 'port name must be 1-15 characters', fix };
  }
  if (!IANA_SVC_NAME.test(name) || name.includes('--')) {
    return { problem: 'port name is not an IANA service name', fix };
  }
  if (!/[a-z]/.test(name)) {
    return { problem: 'port name has no letter (a string port is a name, never a number)', fix: 'Use Port.tcp(n) for a numeric port, or a name with a letter' };
  }
  return undefined;
}

/** Throws (in the project's error format) unless `name` is a valid namespace name. */
export function checkNamespaceName(where: string, name: string): string {
  const problem = dns1123LabelProblem(name);
  if (problem !== undefined) {
    throw invalid(ErrorCode.INVALID_NAME, where, `namespace ${problem.problem}`, name, problem.fix);
  }
  return name;
}
