// The shopper emails in Debian's Chromium (run by scripts/browser-test.sh after the eSIM page test):
// every template in every shipped locale (scripts/render-email.ts) and the demo's own delivery email,
// at 320 px and 800 px, light and dark. The delivery email's page button is then tapped on an iPhone.
import assert from "node:assert/strict"
import { execFileSync } from "node:child_process"
import { readdir } from "node:fs/promises"
import { basename, join } from "node:path"
import { pathToFileURL } from "node:url"
import { after, before, test } from "node:test"
import { chromium } from "playwright-core"
import { seriousAxeViolations } from "./lib/axe.mjs"
import { PROFILES } from "./lib/devices.mjs"

const ROOT = new URL("../../", import.meta.url).pathname
const APP = `http://localhost:${process.env.DEMO_PORT || 9000}`
const SHOTS = join(ROOT, "artifacts/browser/")
const RENDERED = join(ROOT, "artifacts/email")
const OUTBOX = process.env.DEMO_OUTBOX_DIR || join(ROOT, ".demo/outbox")
const WIDTHS = [320, 800]

let browser
const emails = []

/** The newest delivery email, as sent, that the demo's outbox holds (the eSIM page test has just bought one). */
async function demoDeliveryEmail() {
  const names = (await readdir(OUTBOX)).filter((name) => /_esim-delivered_.*\.email\.html$/.test(name)).sort()
  assert.ok(names.length > 0, `a delivery email in ${OUTBOX}`)
  return join(OUTBOX, names.at(-1))
}

before(async () => {
  execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", "scripts/render-email.ts", RENDERED], {
    cwd: ROOT,
    stdio: "ignore",
  })
  const rendered = (await readdir(RENDERED)).filter((name) => name.endsWith(".html")).sort()
  emails.push(...rendered.map((name) => ({ name: basename(name, ".html"), file: join(RENDERED, name) })))
  emails.push({ name: "demo-esim-delivered", file: await demoDeliveryEmail() })
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"],
  })
})

after(async () => {
  await browser?.close()
})

async function openEmail(file, options) {
  const context = await browser.newContext(options)
  const page = await context.newPage()
  await page.goto(pathToFileURL(file).href)
  return { context, page }
}

test("every email, in English and Arabic, fits 320 px and 800 px with no horizontal scroll, light and dark, and axe finds no serious or critical violation", async () => {
  assert.ok(emails.filter((email) => email.name.endsWith(".ar")).length >= 4, "the Arabic emails are rendered")
  for (const { name, file } of emails) {
    for (const width of WIDTHS) {
      for (const colorScheme of ["light", "dark"]) {
        const { context, page } = await openEmail(file, { viewport: { width, height: 900 }, colorScheme })
        try {
          const label = `${name} at ${width} px, ${colorScheme}`
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
          assert.ok(overflow <= 0, `${label}: ${overflow} px of horizontal scroll`)
          if (name.endsWith(".ar")) {
            assert.equal(await page.getAttribute("html", "dir"), "rtl", `${label}: right to left`)
          }
          if (colorScheme === "light") {
            assert.deepEqual(await seriousAxeViolations(page), [], `${label}: axe`)
          }
          await page.screenshot({ path: `${SHOTS}email-${name}-${width}-${colorScheme}.png`, fullPage: true })
        } finally {
          await context.close()
        }
      }
    }
  }
})

test("on an iPhone, the delivery email's buttons are the eSIM's https install link and its page, which opens the eSIM", async () => {
  const { firstInstall, ...iphone } = PROFILES.iphone
  const { context, page } = await openEmail(await demoDeliveryEmail(), iphone)
  try {
    const appleHref = await page.getByRole("link", { name: "Install on iPhone" }).first().getAttribute("href")
    assert.match(appleHref, /^https:\/\//)
    const open = page.getByRole("link", { name: "Open your eSIM page" })
    assert.ok((await open.getAttribute("href")).startsWith(`${APP}/esim/orders/`), "the page is on the demo's server")
    await page.screenshot({ path: `${SHOTS}email-demo-iphone.png` })
    await open.click()
    const card = page.getByTestId("esim-card").first()
    await card.waitFor({ timeout: 30_000 })
    assert.equal(await card.locator('[data-install="apple"]').first().getAttribute("href"), appleHref)
  } finally {
    await context.close()
  }
})
