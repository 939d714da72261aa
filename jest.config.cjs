// Jest runs TypeScript through esbuild (type checking is tsc's job in `npm run check`).
const project = {
  testEnvironment: 'node',
  rootDir: __dirname,
  transform: { '^.+\\.ts$': '<rootDir>/test/harness/esbuild-transform.cjs' },
  moduleFileExtensions: ['ts', 'js', 'cjs', 'json'],
  testMatch: ['**/*.test.ts'],
};

module.exports = {
  testTimeout: 30000,
  // One Chromium for all browser suites (started only when the run includes one).
  globalSetup: '<rootDir>/test/harness/globalSetup.ts',
  globalTeardown: '<rootDir>/test/harness/globalTeardown.ts',
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/harness/summaryReporter.cjs'],
  projects: [
    {
      ...project,
      displayName: 'all',
      roots: ['<rootDir>/test'],
      setupFiles: ['<rootDir>/test/harness/ambiguitiesDefault.cjs'],
    },
    // Where Google's behaviour is undocumented (I), the add-on must be right under either
    // plausible one: the integration suites and the partner simulator's random sequences run
    // again with every such behaviour flipped.
    {
      ...project,
      displayName: 'integration, undocumented behaviours flipped',
      roots: ['<rootDir>/test/integration', '<rootDir>/test/sim'],
      testMatch: [
        '<rootDir>/test/integration/**/*.test.ts',
        '<rootDir>/test/sim/simulator.test.ts',
      ],
      setupFiles: ['<rootDir>/test/harness/ambiguitiesFlipped.cjs'],
    },
  ],
};
