/**
 * Browser end-to-end tests (Playwright driving Debian's Chromium against the built server).
 * Build first (`npm run build`), then: npx jest -c e2e/jest.config.js
 */
const path = require('node:path');

const root = path.join(__dirname, '..');

/** @type {import('jest').Config} */
module.exports = {
  rootDir: root,
  displayName: 'e2e',
  testMatch: ['<rootDir>/e2e/**/*.e2e.ts'],
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/e2e/tsconfig.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@lc/platform$': '<rootDir>/libs/platform/src/index.ts',
    '^@lc/platform/server$': '<rootDir>/libs/platform/server/index.ts',
    '^@lc/platform/web$': '<rootDir>/libs/platform/web/index.ts',
    '^@lc/protocol$': '<rootDir>/libs/protocol/src/index.ts',
  },
  // Each file starts its own server and browser; running them one at a time keeps the machine calm.
  maxWorkers: 1,
  testTimeout: 60000,
  slowTestThreshold: 30,
};
