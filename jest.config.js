// Three suites: unit (pure logic, beside the code), integration (against the real servers `npm test` starts) and
// end to end (the apps running, through HTTP and Kafka). `npm test -- --selectProjects unit` runs one.
const swc = (syntax) => [
  '@swc/jest',
  {
    jsc: {
      parser: syntax === 'typescript' ? { syntax, decorators: true } : { syntax },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
// uuid ships only ES modules, which jest (unlike Node 20.19+) cannot require: compile it like our own code.
const transform = { '^.+\\.ts$': swc('typescript'), '/node_modules/uuid/.+\\.js$': swc('ecmascript') };
const shared = {
  transform,
  moduleNameMapper: { '^@libs/common/(.*)$': '<rootDir>/libs/common/src/$1' },
  transformIgnorePatterns: ['/node_modules/(?!uuid/)'],
  testEnvironment: 'node',
};

module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts', '<rootDir>/test/unit/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/slow-tests.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/slow-tests.ts'],
    },
  ],
};
