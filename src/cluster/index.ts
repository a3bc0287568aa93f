export * from './cluster-peer';
export * from './cluster-network-policy';
export * from './cluster-policy-props';
export * from './intents';
