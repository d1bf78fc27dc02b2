export * from './status-words';
export * from './status';
export * from './state';
export * from './as-of-title';
