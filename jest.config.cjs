// Jest runs TypeScript through esbuild (type checking is tsc's job in `npm run check`).
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': '<rootDir>/test/harness/esbuild-transform.cjs' },
  moduleFileExtensions: ['ts', 'js', 'cjs', 'json'],
  testTimeout: 30000,
  // One Chromium for all browser suites (started only when the run includes one).
  globalSetup: '<rootDir>/test/harness/globalSetup.ts',
  globalTeardown: '<rootDir>/test/harness/globalTeardown.ts',
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/harness/summaryReporter.cjs'],
};
