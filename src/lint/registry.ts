/**
 * Every lint check, sorted by code (internal). Add a check: one file under `checks/`, one line here,
 * one test file under `test/lint/checks/`, one row in `docs/lint.md`.
 */
import { LintCheck } from './check';
import { duplicatePolicyName } from './checks/duplicate-policy-name';
import { invalidLintAnnotation } from './checks/invalid-lint-annotation';
import { invalidManifest } from './checks/invalid-manifest';
import { missingNamespace } from './checks/missing-namespace';
import { policyNameTooLong } from './checks/policy-name-too-long';

export const CHECKS: LintCheck[] = [
  duplicatePolicyName,
  invalidLintAnnotation,
  invalidManifest,
  missingNamespace,
  policyNameTooLong,
].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
