export * from './roles';
export * from './recognize';
