export * from './read-grid';
export * from './load';
export * from './fixes';
