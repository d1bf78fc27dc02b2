export * from './rollup';
export * from './notices';
export * from './strings';
