// Tests that run the BUILT server (dist/, `npm run build`) as real processes: several processes on
// PostgreSQL + Redis, kill -9 and SIGTERM. `npm test` runs them after the build (scripts/test.mjs).
const base = require('../../../../jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/apps/server/test/process'],
  testMatch: ['**/*.proc.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 120000,
};
