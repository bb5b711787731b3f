// One jest run, three projects: unit (no I/O), integration (real PostgreSQL, Redis,
// Kafka), e2e (every service as its own process behind the gateway's HTTP port).
const swc = [
  '@swc/jest',
  { jsc: { target: 'es2023', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
];
const moduleNameMapper = {
  '^@cashier/gateway/routes$': '<rootDir>/apps/gateway/src/routes/register-v1-routes.ts',
  '^@cashier/contracts/(.*)$': '<rootDir>/libs/contracts/src/generated/$1',
  '^@cashier/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
};
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper,
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/var/', '<rootDir>/.cache/'],
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs}/**/__tests__/**/*.spec.ts'],
      testPathIgnorePatterns: ['\\.int\\.spec\\.ts$'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/__tests__/**/*.int.spec.ts'],
      slowTestThreshold: 30,
      setupFilesAfterEnv: ['<rootDir>/tools/jest/integration-timeout.js'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/e2e/**/*.e2e.spec.ts'],
      slowTestThreshold: 60,
      setupFilesAfterEnv: ['<rootDir>/tools/jest/e2e-timeout.js'],
    },
  ],
};
