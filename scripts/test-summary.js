// Adds up the jest JSON reports of every tier into one closing line.
const fs = require("node:fs")

const totals = { passed: 0, failed: 0, skipped: 0 }
for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) {
    totals.failed += 1
    console.log(`${file}: no report (the tier crashed before jest wrote one)`)
    continue
  }
  const report = JSON.parse(fs.readFileSync(file, "utf8"))
  totals.passed += report.numPassedTests
  totals.failed += report.numFailedTests + report.numRuntimeErrorTestSuites
  totals.skipped += report.numPendingTests + report.numTodoTests
}
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
