export * from './endpoint';
export * from './query';
export * from './verdict';
export * from './truth-table';
export * from './diff';
export * from './policy-analyzer';
