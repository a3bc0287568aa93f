/**
 * The fields of the lint options, with the check of each (internal, not exported from the package). The CNI
 * is recognised by its brand: a string such as `'flannel'` would otherwise be read as no CNI at all, and the
 * finding that Flannel enforces nothing would be lost.
 */
import { checkBoolean, checkString, checkStringList, checkStringMap, Fields, optional, argumentStruct } from '../private/arguments';
import { CNI } from '../private/brands';

const LINT_OPTIONS: Fields = {
  cni: optional(CNI.check),
  severities: optional(checkStringMap),
  sources: optional(checkStringList),
  clusterCidrs: optional(checkStringList),
};

/** The fields of every struct checked here, by interface name. */
export const STRUCTS: Readonly<Record<string, Fields>> = {
  LintOptions: LINT_OPTIONS,
  PolicyLintOptions: { ...LINT_OPTIONS, printWarnings: optional(checkBoolean) },
  CniOptions: { version: optional(checkString), clusterPoliciesEnabled: optional(checkBoolean) },
};

const CHECKS = new Map(Object.entries(STRUCTS).map(([name, fields]) => [name, argumentStruct(fields)]));

/** Checks an optional struct argument against the fields of the named interface. */
export function checkOptionalStruct(where: string, what: string, value: unknown, structName: string): void {
  if (value !== undefined) {
    CHECKS.get(structName)!(where, what, value);
  }
}
