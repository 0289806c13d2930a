// Tests are compiled by `tsc` first (npm test runs the build), then run as native ES modules.
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/dist/test'],
  testMatch: ['**/*.test.js'],
  moduleFileExtensions: ['js', 'json'],
  transform: {},
  testTimeout: 30000,
  maxWorkers: 2,
};
