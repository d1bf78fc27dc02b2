export * from './messages';
export * from './rule-messages';
