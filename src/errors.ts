// The public face of the library's errors; their definitions live with the one function that makes them.
export * from './private/error-code';
export type { INetpolError } from './private/errors';
export { NetpolErrors } from './private/errors';
