// Tests are compiled by `tsc` first (npm test runs the build), then run as native ES modules.
export default {
  // Jest's Node environment, which also removes each test file's temporary folders (test/support/tempFolders.ts).
  testEnvironment: '<rootDir>/dist/test/support/tempFolderEnvironment.js',
  roots: ['<rootDir>/dist/test'],
  testMatch: ['**/*.test.js'],
  moduleFileExtensions: ['js', 'json'],
  transform: {},
  // Jest loads restify (CommonJS) before the test's own imports run: give Node 24 the http_parser binding first.
  setupFiles: ['<rootDir>/dist/bot/httpParserBinding.js'],
  testTimeout: 30000,
  maxWorkers: 2,
};
