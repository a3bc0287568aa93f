export * from './cluster-peer';
export * from './cluster-network-policy';
export * from './intents';
