// Server, module and library tests (unit, API with Supertest, socket.io). Browser tests: e2e/jest.config.js.
/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/apps/server', '<rootDir>/modules', '<rootDir>/libs'],
  testMatch: ['**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/web/', '/widget/(?!src/core/)'], // the widget's DOM-free core is tested here
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
    // NestJS 12 ships ES modules only; Node 20 loads them with require(esm) but Jest cannot, so they are compiled to CommonJS.
    '^.+\\.m?js$': ['babel-jest', { babelrc: false, configFile: false, plugins: [require.resolve('./scripts/jest/drop-esm-require-shim.js'), 'babel-plugin-transform-import-meta', '@babel/plugin-transform-dynamic-import', '@babel/plugin-transform-modules-commonjs'] }],
  },
  transformIgnorePatterns: ['/node_modules/(?!@nestjs/|intl-messageformat/|@formatjs/)'], // intl-messageformat too: ES modules only
  moduleNameMapper: {
    '^@lc/platform$': '<rootDir>/libs/platform/src/index.ts',
    '^@lc/platform/server$': '<rootDir>/libs/platform/server/index.ts',
    '^@lc/protocol$': '<rootDir>/libs/protocol/src/index.ts',
    '^@lc/testing$': '<rootDir>/apps/server/test/test-app.ts',
  },
  testTimeout: 30000,
};
