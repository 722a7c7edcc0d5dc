// Fails when a test log holds a secret key or something shaped like a request signature.
const fs = require("node:fs")

const SECRETS = [
  "sk_sandbox_secret",
  "sk_LEAKCANARY_0123456789",
  "sk_CONTRACT_CANARY_9f8e7d6c5b4a",
  "sk_startup_canary_secret",
  "sk_module_test",
]
// RT-Signature: 64 hex digits (upper-case as sent, or lower-case).
const SIGNATURE = /\b(?:[0-9A-F]{64}|[0-9a-f]{64})\b/

let findings = 0
for (const file of process.argv.slice(2)) {
  const lines = fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n") : []
  lines.forEach((line, index) => {
    const secret = SECRETS.find((s) => line.includes(s))
    if (secret || SIGNATURE.test(line)) {
      findings += 1
      console.log(`${file}:${index + 1}: ${secret ? `secret ${secret}` : "a signature-shaped value"}`)
    }
  })
}
console.log(`log scan: ${findings} secret or signature found in ${process.argv.length - 2} logs`)
process.exit(findings ? 1 : 0)
