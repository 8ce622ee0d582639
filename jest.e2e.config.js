import base from './jest.config.js';

/** Browser journeys: real Chromium against the real app on a real PostgreSQL. */
export default {
  ...base,
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 120000,
  maxWorkers: 1,
};
