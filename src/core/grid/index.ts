export * from './a1';
export * from './display';
export * from './grid';
export * from './merges';
