export * from './a1';
export * from './grid';
export * from './merges';
