/**
 * Unit specs live beside the code (src/**\/*.spec.ts); integration and e2e specs in test/.
 * A few dependencies ship ES modules only; Node 20 loads them natively but Jest's sandbox
 * does not, so they are transpiled like our own files.
 */
const ESM_ONLY = [
  'content-disposition',
  'marked',
  // archiver 8 (the ZIP of the PDFs) and the packages it loads
  ...['archiver', 'zip-stream', 'compress-commons', 'crc32-stream', 'is-stream'],
  ...['minimatch', '@isaacs/nonrecursive-glob-match', 'brace-expansion', 'balanced-match'],
];
const base = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: 'tsconfig.jest.json', diagnostics: false }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'json'],
};
// e2e files mostly wait on the database: one more worker than Jest's default keeps two cores busy.
const workers = Math.max(2, require('node:os').cpus().length - 1);

/**
 * Timeouts are generous, so that a busy machine (load twice the cores) slows the suites without
 * failing them; no test measures speed. Unit specs: 60 s each (PDF rendering and fast-check runs
 * are the slowest). e2e and integration files: 180 s per hook or test (test/setup-timeouts.ts),
 * since each boots the whole application; the demo seeding hook: 300 s; browser journeys: 180 s.
 */
module.exports = {
  testTimeout: 60000,
  maxWorkers: workers,
  testSequencer: '<rootDir>/test/support/sequencer.js',
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts', '<rootDir>/test/**/*.int-spec.ts'],
      setupFiles: ['<rootDir>/test/setup-env.ts', '<rootDir>/test/setup-hashing.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/setup-timeouts.ts', '<rootDir>/test/setup-unhandled.ts'],
    },
  ],
};
