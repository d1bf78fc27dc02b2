export * from './read-grid';
export * from './load';
export * from './fixes';
export * from './apply';
export * from './revert';
export * from './own-sheets';
export * from './annotate';
