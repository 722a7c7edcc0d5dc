// Runs the sandbox CLI for a spec, and ends with it: when the spec's process dies, the
// stdin pipe closes and the sandbox exits too, so a killed test run leaves nothing behind.
process.stdin.on("end", () => process.exit(0))
process.stdin.resume()
require("ts-node/register/transpile-only")
require("../../sandbox/cli.ts")
