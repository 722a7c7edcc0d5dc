// The hosted eSIM page (docs/esim-page.md) in Debian's Chromium against the running demo (started
// by scripts/browser-test.sh): the delivery email's link opened as a guest on an iPhone, a Pixel
// and a desktop, in English and Arabic, and with another order's token or none.
import assert from "node:assert/strict"
import { readdir, readFile } from "node:fs/promises"
import { join } from "node:path"
import { after, before, test } from "node:test"
import jsQR from "jsqr"
import { PNG } from "pngjs"
import { chromium } from "playwright-core"
import { pickVariant, placeOrder, storeClient } from "../../scripts/lib/store-api.mjs"
import { seriousAxeViolations } from "./lib/axe.mjs"
import { PROFILES } from "./lib/devices.mjs"

const ROOT = new URL("../../", import.meta.url).pathname
const APP = `http://localhost:${process.env.DEMO_PORT || 9000}`
const SANDBOX = `http://localhost:${process.env.SANDBOX_PORT || 4010}`
const SHOTS = join(ROOT, "artifacts/browser/")
const OUTBOX = process.env.DEMO_OUTBOX_DIR || join(ROOT, ".demo/outbox")
const MEDUSA_LOG = join(ROOT, ".demo/logs/medusa.log")
const USED_MB = 300

let browser
let info
const bought = []

async function json(url, init = {}) {
  const res = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init.headers } })
  assert.ok(res.ok, `${init.method ?? "GET"} ${url} answered ${res.status}: ${await res.clone().text()}`)
  return res.json()
}

/** The delivery email of this order in the demo's outbox, polled until the purchase has sent it. */
async function deliveryEmail(orderId) {
  for (let i = 0; i < 120; i++) {
    const names = (await readdir(OUTBOX).catch(() => [])).filter((n) => n.endsWith(".json"))
    for (const name of names.sort().reverse()) {
      const email = JSON.parse(await readFile(join(OUTBOX, name), "utf8"))
      if (email.template === "esim-delivered" && email.data?.order_id === orderId) {
        return { ...email, html: await readFile(join(OUTBOX, name.replace(/\.json$/, ".email.html")), "utf8") }
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`no esim-delivered email for ${orderId} in ${OUTBOX}`)
}

/** The email's link to the page; the guest token is in its fragment and nowhere else in the email. */
function pageLinkOf(email, orderId) {
  const link = email.text?.match(/https?:\/\/\S+\/esim\/orders\/[^\s#]+#token=[^\s&]+/)?.[0]
  assert.ok(link, "the delivery email's text part links to the eSIM page")
  const url = new URL(link)
  assert.equal(url.origin, APP, "the link opens the demo's own server")
  assert.equal(url.pathname, `/esim/orders/${orderId}`)
  const token = decodeURIComponent(url.hash.slice("#token=".length))
  assert.ok(!email.text.replace(link, "").includes(token), "the token appears nowhere else in the text part")
  assert.ok(
    !email.html.replace(/#token=[^"']+/g, "").includes(token),
    "the html carries the token only in link fragments"
  )
  return { url: link, token, storeName: email.data.store_name }
}

async function buyGuestOrder(email) {
  const api = storeClient(APP, info.publishable_key)
  const { regions } = await api("GET", "/store/regions")
  const region = regions.find((r) => r.id === info.region_id) ?? regions[0]
  const { products } = await api("GET", `/store/products?region_id=${region.id}&fields=*variants,%2Bvariants.metadata`)
  const { order } = await placeOrder(api, { region, variant: pickVariant(products).variant, email })
  const link = pageLinkOf(await deliveryEmail(order.id), order.id)
  const headers = { "x-publishable-api-key": info.publishable_key, "x-esim-access-token": link.token }
  return { order, link, headers }
}

const readEsims = async ({ order, headers }) => (await json(`${APP}/store/orders/${order.id}/esims`, { headers })).esims

/** A used, active eSIM: installed and 300 MB used in the sandbox, then read into the mirror through the store route. */
async function useSomeData(purchase) {
  const [esim] = await readEsims(purchase)
  await json(`${SANDBOX}/__sandbox/device/install`, { method: "POST", body: JSON.stringify({ iccid: esim.iccid }) })
  const use = { iccid: esim.iccid, mb: USED_MB }
  await json(`${SANDBOX}/__sandbox/device/use`, { method: "POST", body: JSON.stringify(use) })
  await json(`${APP}/store/esims/${esim.iccid}/refresh`, { method: "POST", headers: purchase.headers })
}

function decodeQr(png) {
  const image = PNG.sync.read(png)
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null
}

const dataUrlPng = (src) => Buffer.from(src.slice(src.indexOf(",") + 1), "base64")

async function openPage(profileName, url, extra = {}) {
  const { firstInstall, ...profile } = PROFILES[profileName]
  const context = await browser.newContext({ ...profile, ...extra })
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: APP })
  const page = await context.newPage()
  page.setDefaultTimeout(30_000)
  const cspViolations = []
  page.on("console", (msg) => msg.text().includes("Content Security Policy") && cspViolations.push(msg.text()))
  await page.goto(url)
  return { context, page, firstInstall, cspViolations }
}

async function basicAccessibilityChecks(page) {
  const report = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    title: document.title,
    h1: document.querySelectorAll("h1").length,
    unnamedButtons: [...document.querySelectorAll("button, a")].filter(
      (el) => !(el.getAttribute("aria-label") || el.textContent.trim())
    ).length,
    imagesWithoutAlt: [...document.querySelectorAll("img")].filter((img) => !img.alt).length,
  }))
  assert.ok(report.lang, "the page has a lang")
  assert.ok(report.title, "the page has a title")
  assert.equal(report.h1, 1, "one h1")
  assert.equal(report.unnamedButtons, 0, "every button and link has a name")
  assert.equal(report.imagesWithoutAlt, 0, "every image has alt text")
}

function expectedDataLeft(esim) {
  if (esim.data.unlimited) return "Unlimited"
  const mb = esim.data.remaining_mb
  if (typeof mb !== "number") return "Not read yet"
  const gb = mb >= 1024
  const unit = { style: "unit", unit: gb ? "gigabyte" : "megabyte", maximumFractionDigits: gb ? 1 : 0 }
  return new Intl.NumberFormat("en", unit).format(gb ? mb / 1024 : mb)
}

before(async () => {
  info = JSON.parse(await readFile(join(ROOT, "demo/.demo-info.json"), "utf8"))
  await json(`${SANDBOX}/__sandbox/balance`, { method: "POST", body: JSON.stringify({ amount: 500 }) })
  bought.push(await buyGuestOrder(`page-guest-${Date.now()}@example.com`))
  bought.push(await buyGuestOrder(`page-other-${Date.now()}@example.com`))
  await useSomeData(bought[0])
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"],
  })
})

after(async () => {
  await browser?.close()
})

for (const name of Object.keys(PROFILES)) {
  test(`${name}: the email's link shows the eSIM with the right install path first, copyable codes, a QR of the LPA, the store route's status and data left, the email's store name, and no serious or critical axe violation`, async () => {
    const [esim] = await readEsims(bought[0])
    const { context, page, firstInstall, cspViolations } = await openPage(name, bought[0].link.url)
    try {
      const card = page.getByTestId("esim-card").first()
      await card.waitFor()
      assert.equal(new URL(page.url()).hash, "", "the token is removed from the address bar")
      assert.ok(bought[0].link.storeName, "the email names the store")
      assert.equal(await page.locator("header.store-name").textContent(), bought[0].link.storeName)
      await page.screenshot({ path: `${SHOTS}esim-page-${name}-first-screen.png` })
      const links = card.locator('[data-testid="esim-install"] a')
      if (firstInstall) {
        const first = links.first()
        assert.equal(await first.getAttribute("data-install"), firstInstall)
        const href = await first.getAttribute("href")
        assert.equal(href, firstInstall === "apple" ? esim.apple_install_url : esim.android_install_url)
        assert.match(href, /^https:\/\//)
      } else {
        assert.equal(await links.count(), 0, "a computer gets the QR code, not install links")
        await page.getByText("Scan with the phone that will use the eSIM").waitFor()
      }
      for (const [button, value] of [
        ["esim-copy-smdp", esim.smdp_address],
        ["esim-copy-activation", esim.activation_code],
      ]) {
        await card.getByTestId(button).click()
        await page.waitForFunction(
          (id) => document.querySelector(`[data-testid="${id}"]`).textContent === "Copied",
          button
        )
        assert.equal(await page.evaluate(() => navigator.clipboard.readText()), value)
      }
      const qr = card.getByTestId("esim-qr")
      if (name === "desktop") {
        assert.ok((await qr.boundingBox()).width >= 280, "the desktop QR code is large")
        assert.equal(decodeQr(await qr.screenshot()), esim.lpa, "the QR code as rendered decodes to the LPA")
      } else {
        assert.equal(decodeQr(dataUrlPng(await qr.getAttribute("src"))), esim.lpa)
      }
      const status = card.getByTestId("esim-status")
      assert.equal(await status.getAttribute("data-status"), esim.status)
      assert.equal(esim.status, "active")
      assert.equal(await card.getByTestId("esim-data-left").textContent(), expectedDataLeft(esim))
      assert.equal(await card.getByTestId("esim-data-left").getAttribute("data-mb"), String(esim.data.remaining_mb))
      await basicAccessibilityChecks(page)
      assert.deepEqual(await seriousAxeViolations(page), [], "axe: no serious or critical violation")
      await page.screenshot({ path: `${SHOTS}esim-page-${name}.png`, fullPage: true })
      assert.deepEqual(cspViolations, [])
    } finally {
      await context.close()
    }
  })
}

test("in Arabic (?lang=ar) the page is right-to-left and in Arabic, with no serious or critical axe violation", async () => {
  const url = bought[0].link.url.replace("#", "?lang=ar#")
  const { context, page } = await openPage("iphone", url)
  try {
    await page.getByTestId("esim-card").first().waitFor()
    assert.equal(await page.getAttribute("html", "dir"), "rtl")
    assert.equal(await page.getAttribute("html", "lang"), "ar")
    assert.equal(await page.locator('[data-install="apple"]').first().textContent(), "التثبيت على هذا الآيفون")
    assert.deepEqual(await seriousAxeViolations(page), [], "axe: no serious or critical violation")
    await page.screenshot({ path: `${SHOTS}esim-page-ar.png`, fullPage: true })
  } finally {
    await context.close()
  }
})

/** The sandbox's requests about eSIMs after the sale (usage, status, top-ups): what a page view could cause. */
async function afterSaleCalls() {
  const { requests } = await json(`${SANDBOX}/__sandbox/ledger`)
  return requests
    .filter((r) => /\/(esims\/usage|esims\/status|topup)\b/.test(r.path))
    .map((r) => `${r.method} ${r.path}`)
}

test("iphone: opening the page makes no usage, status or top-up request to esimfly; See top-ups makes one top-up listing request", async () => {
  const before = (await afterSaleCalls()).length
  const { context, page } = await openPage("iphone", bought[0].link.url)
  try {
    await page.getByTestId("esim-top-ups-open").waitFor()
    await page.waitForLoadState("networkidle")
    assert.deepEqual((await afterSaleCalls()).slice(before), [], "no esimfly request on a page view")
    await page.getByTestId("esim-top-ups-open").click()
    await page.getByTestId("esim-top-ups").locator("li").first().waitFor()
    assert.deepEqual((await afterSaleCalls()).slice(before), ["GET /api/v1/business/topup/packages"])
  } finally {
    await context.close()
  }
})

test("iphone: Top up adds the top-up to a new cart at the listed price and opens the checkout with that cart", async () => {
  const [esim] = await readEsims(bought[0])
  const { context, page } = await openPage("iphone", bought[0].link.url)
  try {
    await context.route("https://checkout.example.test/**", (route) => route.fulfill({ body: "checkout" }))
    await page.getByTestId("esim-top-ups-open").click()
    const offer = page.getByTestId("esim-top-ups").locator("li").first()
    const label = await offer.textContent()
    await offer.getByRole("button").click()
    await page.waitForURL(/^https:\/\/checkout\.example\.test\/checkout\?cart=/)
    const cartId = new URL(page.url()).searchParams.get("cart")
    const { cart } = await json(`${APP}/store/carts/${cartId}`, { headers: bought[0].headers })
    assert.equal(cart.items.length, 1)
    const [line] = cart.items
    assert.equal(line.metadata.esim_top_up.iccid, esim.iccid)
    const price = new Intl.NumberFormat("en", { style: "currency", currency: cart.currency_code.toUpperCase() })
    assert.ok(label.includes(`· ${price.format(line.unit_price)}`), `the cart's price is the one listed: ${label}`)
  } finally {
    await context.close()
  }
})

test("another order's token, or none, shows 'not found' with no eSIM data and no serious or critical axe violation", async () => {
  const [esim] = await readEsims(bought[0])
  const pageUrl = bought[0].link.url.split("#")[0]
  const cases = {
    "other-token": `${pageUrl}#token=${encodeURIComponent(bought[1].link.token)}`,
    "no-token": pageUrl,
    "unknown-order": `${APP}/esim/orders/order_01UNKNOWN#token=${encodeURIComponent(bought[0].link.token)}`,
  }
  for (const [label, url] of Object.entries(cases)) {
    const { context, page } = await openPage("desktop", url)
    try {
      await page.getByTestId("esim-not-found").waitFor()
      assert.equal(await page.getByTestId("esim-card").count(), 0, label)
      const html = await page.content()
      for (const secret of [esim.iccid, esim.lpa, esim.activation_code]) {
        assert.ok(!html.includes(secret), `${label}: no eSIM data`)
      }
      assert.deepEqual(await seriousAxeViolations(page), [], `${label}: axe finds no serious or critical violation`)
      await page.screenshot({ path: `${SHOTS}esim-page-not-found-${label}.png` })
    } finally {
      await context.close()
    }
  }
})

test("the server's log holds the page's requests and no token", async () => {
  const log = await readFile(MEDUSA_LOG, "utf8")
  assert.ok(log.includes(`/esim/orders/${bought[0].order.id}`), "the access log recorded the page")
  for (const { link } of bought) {
    assert.ok(!log.includes(link.token) && !log.includes(encodeURIComponent(link.token)), "no token in the log")
  }
})
