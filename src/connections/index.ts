export * from './workload-port';
export * from './connections';
export * from './workload-props';
export * from './workload';
