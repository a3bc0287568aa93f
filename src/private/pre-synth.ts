import { IConstruct } from 'constructs';

/**
 * Work that must be done before anything reads the finished construct tree at synth: connections aggregate
 * their grants into policy rules there, and the synth-time lint reads those rules. cdk8s runs validations in
 * tree order, so a reader placed above a writer (a lint installed on the chart, connections on workloads
 * inside it) would otherwise read the tree before the writer ran. Readers call `runPreSynthHooks()` first.
 */
const HOOKS = new WeakMap<IConstruct, Array<() => void>>();

/** Registers `hook` for the app (construct tree root) of `scope`. A hook must be idempotent. */
export function addPreSynthHook(scope: IConstruct, hook: () => void): void {
  const root = scope.node.root;
  const hooks = HOOKS.get(root);
  if (hooks === undefined) {
    HOOKS.set(root, [hook]);
  } else {
    hooks.push(hook);
  }
}

/** Runs every hook registered for the app of `scope`, in registration order. */
export function runPreSynthHooks(scope: IConstruct): void {
  for (const hook of HOOKS.get(scope.node.root) ?? []) {
    hook();
  }
}
