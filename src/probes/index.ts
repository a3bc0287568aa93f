export * from './types';
export * from './images';
export * from './plan';
export * from './probe-kit';
export * from './result';
export * from './report';
export * from './run';
