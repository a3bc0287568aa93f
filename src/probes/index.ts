export * from './types';
export * from './images';
export * from './plan';
export * from './probe-kit';
