export * from './plan';
export * from './formulas';
export * from './build';
export * from './journal';
export * from './journal-verify';
export * from './formula-reach';
export * from './anchors';
export * from './copied-choices';
