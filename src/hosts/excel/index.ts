export * from './read-grid';
