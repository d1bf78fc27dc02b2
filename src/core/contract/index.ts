/**
 * The ground floor of core: the shapes every stage shares (the check report's schema, the column
 * roles, the lights vocabulary). It imports nothing else in core (test/architecture holds it to
 * that), so every stage can stand on it and every import in core points down.
 */
export * from './schema';
export * from './roles';
export * from './lights';
export * from './role-column';
