/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // Type checking runs once in `npm run typecheck`; the transform only strips types, which keeps jest fast.
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  // Generous on purpose: a 2-core CI box under a full suite; no test relies on finishing quickly.
  testTimeout: 180000,
  setupFiles: ['<rootDir>/test/support/text-codec.cjs'],
};
