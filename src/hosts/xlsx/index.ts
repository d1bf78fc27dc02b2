export * from './read-grid';
export * from './load';
export * from './fixes';
export * from './apply';
export * from './revert';
export * from './own-sheets';
export * from './annotate';
export { readGridsFromBytes, DEFAULT_LIMITS, type ReadLimits } from './read-package';
export { PackageError, type PackageFailure } from './package-error';
