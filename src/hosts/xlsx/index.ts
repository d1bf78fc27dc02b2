export * from './read-grid';
export * from './load';
