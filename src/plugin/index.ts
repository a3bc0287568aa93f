export * from './netpol-lint-validation';
