/**
 * Browser journeys: the whole application in-process, driven through Debian's Chromium with
 * playwright-core. Same TypeScript transform as the other suites; one file at a time, since
 * each boots a server and a browser.
 */
const root = require('../../jest.config.js');
const e2e = root.projects.find((p) => p.displayName === 'e2e');

module.exports = {
  rootDir: '../..',
  displayName: 'browser',
  testEnvironment: 'node',
  transform: e2e.transform,
  transformIgnorePatterns: e2e.transformIgnorePatterns,
  moduleFileExtensions: e2e.moduleFileExtensions,
  setupFiles: e2e.setupFiles,
  testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
  testTimeout: 180000,
  maxWorkers: 1,
};
