export * from './port';
export * from './selectors/label-selector';
export * from './selectors/namespace-selector';
export * from './peer';
export * from './network-policy';
export * from './analysis';
export * from './dns';
export * from './intents';
