export * from './score';
export * from './own-rules';
