export * from './plan';
export * from './formulas';
export * from './build';
export * from './journal';
