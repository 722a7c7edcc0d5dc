// Drives Medusa Admin in Debian's Chromium against the running demo (started by
// scripts/browser-test.sh): the eSIMs page, an order's eSIM widget, and a retry.
import assert from "node:assert/strict"
import { readFile } from "node:fs/promises"
import { after, before, test } from "node:test"
import { chromium } from "playwright-core"
import { pickVariant, placeOrder, storeClient } from "../../scripts/lib/store-api.mjs"

const APP = `http://localhost:${process.env.DEMO_PORT || 9000}`
const SANDBOX = `http://localhost:${process.env.SANDBOX_PORT || 4010}`
const SHOTS = new URL("../../artifacts/browser/", import.meta.url).pathname
const ADMIN = { email: "admin@esimfly.local", password: "supersecret" }
const LOW_BALANCE = 0.42

let browser
let page
let adminToken
const orders = {}

async function json(url, init = {}) {
  const res = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init.headers } })
  assert.ok(res.ok, `${init.method ?? "GET"} ${url} answered ${res.status}: ${await res.clone().text()}`)
  return res.json()
}

const admin = (path) => json(APP + path, { headers: { authorization: `Bearer ${adminToken}` } })
const setBalance = (amount) =>
  json(`${SANDBOX}/__sandbox/balance`, { method: "POST", body: JSON.stringify({ amount }) })
// The checkout guard refuses carts the balance cannot cover, so a purchase is held the way it
// happens in real life: the balance runs out between checkout and purchase (here, injected).
const balanceRunsOutAtNextPurchase = () =>
  json(`${SANDBOX}/__sandbox/faults`, {
    method: "POST",
    body: JSON.stringify({
      failNext: {
        status: 400,
        code: "INSUFFICIENT_BALANCE",
        message: "Insufficient balance",
        path: "/esims/order",
        method: "POST",
      },
    }),
  })

async function esimOrdersOf(orderId, wanted) {
  for (let i = 0; i < 60; i++) {
    const { esim_orders } = await admin(`/admin/esim-orders?order_id=${orderId}`)
    if (esim_orders.length && esim_orders.every((esimOrder) => esimOrder.status === wanted)) {
      return esim_orders
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`order ${orderId} never reached ${wanted}`)
}

async function buy(email) {
  const info = JSON.parse(await readFile(new URL("../../demo/.demo-info.json", import.meta.url), "utf8"))
  const api = storeClient(APP, info.publishable_key)
  const { regions } = await api("GET", "/store/regions")
  const { products } = await api("GET", `/store/products?region_id=${regions[0].id}&fields=*variants`)
  const { order } = await placeOrder(api, { region: regions[0], variant: pickVariant(products).variant, email })
  return order
}

before(async () => {
  adminToken = (await json(`${APP}/auth/user/emailpass`, { method: "POST", body: JSON.stringify(ADMIN) })).token
  orders.delivered = await buy("browser-delivered@example.com")
  orders.deliveredEsimOrders = await esimOrdersOf(orders.delivered.id, "completed")
  await balanceRunsOutAtNextPurchase()
  orders.held = await buy("browser-held@example.com")
  await esimOrdersOf(orders.held.id, "held")
  await setBalance(LOW_BALANCE)
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  })
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
  page.setDefaultTimeout(90_000)
  // scripts/browser-test.sh serves a built admin (DEMO_ADMIN=built): no Vite dev server to warm up.
  await page.goto(`${APP}/app/login`)
  await page.locator('input[name="email"]').waitFor()
  await page.fill('input[name="email"]', ADMIN.email)
  await page.fill('input[name="password"]', ADMIN.password)
  await page.click('button[type="submit"]')
  await page.waitForURL((url) => !url.pathname.includes("/login"))
})

after(async () => {
  await browser?.close()
})

test("the eSIMs page shows the balance and esimfly's order history", async () => {
  await page.goto(`${APP}/app/esims`)
  const balance = page.getByTestId("esim-balance")
  await balance.waitFor()
  // The card shows the briefly cached balance; its refresh button reads esimfly now.
  await page.getByRole("button", { name: "Refresh balance" }).click()
  await page.waitForFunction(
    (v) => document.querySelector('[data-testid="esim-balance"]')?.textContent?.includes(v),
    String(LOW_BALANCE)
  )
  await page.getByTestId("esim-balance-low").waitFor()
  // The card also shows the API quota the plugin's pacer learned from esimfly's headers.
  await page.waitForFunction(() =>
    /API quota \d+ \/ 1000 left, resets /.test(
      document.querySelector('[data-testid="esim-api-quota"]')?.textContent ?? ""
    )
  )
  const ledger = await json(`${SANDBOX}/__sandbox/ledger`)
  const history = page.getByTestId("esimfly-history-table")
  await history.getByText(ledger.orders[0].orderReference).first().waitFor()
  // Every esimfly order here was bought by the store, so none is an orphan.
  await page.getByTestId("esimfly-orphans").getByText("Every esimfly order belongs to a purchase").waitFor()
  await page.screenshot({ path: `${SHOTS}esims-page.png`, fullPage: true })
})

test("the order page shows the eSIM with its ICCID and a QR image", async () => {
  await page.goto(`${APP}/app/orders/${orders.delivered.id}`)
  const widget = page.getByTestId("esim-order-widget")
  await widget.waitFor()
  const iccid = orders.deliveredEsimOrders[0].esims[0].iccid
  await widget.getByText(iccid).first().waitFor()
  const qr = widget.locator('img[alt^="eSIM QR code"]').first()
  await qr.waitFor()
  assert.ok(await qr.evaluate((img) => img.complete && img.naturalWidth > 0), "the QR image renders")
  await widget.scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${SHOTS}order-widget.png`, fullPage: true })
})

test("retrying a held purchase after a top-up changes its status to completed", async () => {
  await page.goto(`${APP}/app/orders/${orders.held.id}`)
  const widget = page.getByTestId("esim-order-widget")
  const status = widget.getByTestId("esim-order-status").first()
  await status.waitFor()
  assert.equal(await status.getAttribute("data-status"), "held")
  await setBalance(500)
  await widget.getByRole("button", { name: /retry/i }).first().click()
  await page.getByRole("alertdialog").getByRole("button", { name: "Retry purchase" }).click()
  await page.waitForSelector('[data-testid="esim-order-status"][data-status="completed"]')
  await page.getByText("Fulfillment #1").waitFor()
  await page.screenshot({ path: `${SHOTS}order-retried.png`, fullPage: true })
  const [esimOrder] = await admin(`/admin/esim-orders?order_id=${orders.held.id}`).then((r) => r.esim_orders)
  assert.equal(esimOrder.status, "completed")
})
