// axe-core run inside a Playwright page. The source is evaluated through the DevTools protocol,
// which a page's Content-Security-Policy does not govern, so the page is scanned as it is served.
import { readFile } from "node:fs/promises"
import { createRequire } from "node:module"

const require = createRequire(import.meta.url)
const AXE_SOURCE = await readFile(require.resolve("axe-core/axe.min.js"), "utf8")
const BLOCKING = new Set(["serious", "critical"])

/** The serious and critical axe violations of the page, one line each (rule, help, first elements). */
export async function seriousAxeViolations(page) {
  await page.evaluate(AXE_SOURCE)
  const violations = await page.evaluate(async () => (await window.axe.run(document)).violations)
  return violations
    .filter((violation) => BLOCKING.has(violation.impact))
    .map((violation) => {
      const targets = violation.nodes.slice(0, 3).map((node) => node.target.join(" "))
      return `${violation.impact} ${violation.id}: ${violation.help} (${targets.join(", ")})`
    })
}
