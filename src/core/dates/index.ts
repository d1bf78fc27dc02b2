export * from './calendar';
export * from './deadline';
export * from './parse';
export * from './today';
