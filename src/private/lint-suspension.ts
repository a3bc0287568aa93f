/**
 * Holding the default lint back while a chart is rendered for analysis (internal): `PolicyAnalyzer.fromChart()`
 * and `ProbePlan.fromChart()` answer what the manifests allow, which a lint finding does not change, so the
 * default lint at synth does not fail them. A lint installed with `PolicyLint.of()` still runs.
 */
import { IConstruct } from 'constructs';

const SUSPENDED = Symbol.for('cdk8s-netpol.default-lint-suspended');

type Root = IConstruct & { [SUSPENDED]?: number };

/** Runs `render` with the default lint of the scope's app held back. */
export function withoutDefaultLint<T>(scope: IConstruct, render: () => T): T {
  const root = scope.node.root as Root;
  root[SUSPENDED] = (root[SUSPENDED] ?? 0) + 1;
  try {
    return render();
  } finally {
    root[SUSPENDED] = root[SUSPENDED]! - 1;
  }
}

/** Whether the default lint of this app root is held back now. */
export function isDefaultLintSuspended(root: IConstruct): boolean {
  return ((root as Root)[SUSPENDED] ?? 0) > 0;
}
