const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

const matchers = {
  unit: [
    "**/src/**/__tests__/**/*.unit.spec.[jt]s",
    "**/src/lib/**/__tests__/**/*.spec.[jt]s",
    "**/sandbox/__tests__/**/*.spec.[jt]s",
  ],
  "integration:modules": ["**/src/modules/*/__tests__/**/*.spec.[jt]s"],
  "integration:http": ["**/integration-tests/http/**/*.spec.[jt]s"],
  // real Medusa processes (medusa start) against a migrated database; see integration-tests/process
  "integration:process": ["**/integration-tests/process/**/*.spec.[jt]s"],
}

module.exports = {
  transform: {
    "^.+\\.[jt]sx?$": ["@swc/jest", { jsc: { parser: { syntax: "typescript", decorators: true } } }],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/demo/"],
  cacheDirectory: "<rootDir>/.jest-cache",
  setupFiles: ["./integration-tests/setup.js"],
  testMatch: matchers[process.env.TEST_TYPE] ?? Object.values(matchers).flat(),
  testPathIgnorePatterns: [
    "/node_modules/",
    "\\.medusa/",
    // unit specs sit beside module specs; only the unit tier runs them
    ...(process.env.TEST_TYPE === "integration:modules" ? ["\\.unit\\.spec\\."] : []),
  ],
}
