export * from './collect';
export * from './manifest';
export * from './split-plan';
export * from './units';
export * from './journal-check';
export * from './strings';
