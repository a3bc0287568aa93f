export * from './severity';
export * from './finding';
export * from './cni/cni';
export * from './lint-options';
export * from './linter';
export * from './policy-lint';
