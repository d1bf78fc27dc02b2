export * from './recognize';
