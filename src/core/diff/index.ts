export * from './changes';
export * from './format';
export * from './match';
export * from './similarity';
export * from './strings';
