export * from './rule';
export * from './catalogue';
export * from './run';
