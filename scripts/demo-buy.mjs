// Buys one eSIM in the running demo through the store API, as a new shopper would, then shows
// what the shopper gets: the delivery email in the outbox and the order's eSIMs.
// Run it with `bash scripts/demo-buy.sh [--customer]`; see demo/README.md.
import { randomBytes } from "node:crypto"
import { readdir, readFile } from "node:fs/promises"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { pickVariant, placeOrder, registerCustomer, storeClient, StoreApiError } from "./lib/store-api.mjs"

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..")
const STORE = `http://localhost:${process.env.DEMO_PORT || 9000}`
const SANDBOX = `http://localhost:${process.env.SANDBOX_PORT || 4010}`
const OUTBOX = process.env.DEMO_OUTBOX_DIR || join(ROOT, ".demo", "outbox")
const EMAIL_WAIT_MS = Number(process.env.DEMO_BUY_WAIT_MS || 30000)

class DemoBuyError extends Error {}
const isOurError = (error) => error instanceof DemoBuyError || error instanceof StoreApiError

function fail(error) {
  console.error(`demo-buy: ${isOurError(error) ? error.message : error.stack}`)
  if (error.routeMissing) {
    console.error("demo-buy: the running app has no such route (was the plugin built with its store routes?)")
  }
  process.exit(1)
}

const asCustomer = process.argv.includes("--customer")
const info = await readDemoInfo().catch(fail)
const api = storeClient(STORE, info.publishable_key)

async function readDemoInfo() {
  const file = join(ROOT, "demo", ".demo-info.json")
  const text = await readFile(file, "utf8").catch(() => {
    throw new DemoBuyError(`${file} is missing: start the demo with npm run demo (the seed writes it)`)
  })
  return JSON.parse(text)
}

/** The newest outbox email about this order, polled until the purchase workflow has sent it. */
async function waitForEmail(orderId) {
  const deadline = Date.now() + EMAIL_WAIT_MS
  while (Date.now() < deadline) {
    const names = (await readdir(OUTBOX).catch(() => []))
      .filter((n) => n.endsWith(".json"))
      .sort()
      .reverse()
    for (const name of names) {
      const email = JSON.parse(await readFile(join(OUTBOX, name), "utf8"))
      if (email.template === "esim-delivered" && email.data?.order_id === orderId) {
        return { ...email, file: join(OUTBOX, name.replace(/\.json$/, ".html")) }
      }
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new DemoBuyError(
    `no eSIM email for ${orderId} in ${OUTBOX} after ${EMAIL_WAIT_MS / 1000} s (see .demo/logs/medusa.log)`
  )
}

/** The eSIM page link of the email's text part, and the guest token in its fragment (the email prints it nowhere else). */
function pageLink(email) {
  const url = email.text?.match(/https?:\/\/\S+#token=[^\s&]+/)?.[0]
  return url ? { url, token: decodeURIComponent(url.slice(url.indexOf("#token=") + "#token=".length)) } : null
}

function printEsims(title, esims) {
  console.log(`  ${title}: ${esims.length} eSIM(s)`)
  esims.forEach((esim, i) => {
    const plan = [
      esim.package_name ?? esim.package_code,
      esim.data_amount,
      esim.validity_days && `${esim.validity_days} days`,
    ]
    console.log(`    ${i + 1}. ICCID ${esim.iccid}  (${esim.status}; ${plan.filter(Boolean).join(" · ")})`)
    console.log(`       LPA              ${esim.lpa}`)
    console.log(`       SM-DP+ / code    ${esim.smdp_address} / ${esim.activation_code}`)
    console.log(`       iPhone link      ${esim.apple_install_url}`)
    console.log(`       Android link     ${esim.android_install_url}`)
    const qr = esim.qr_code_data_url
    console.log(`       QR               ${qr ? `${qr.slice(0, 22)}… (${qr.length} chars)` : "none"}`)
  })
}

/** The same eSIMs seen another way: one line each is enough. */
function printIccids(title, esims) {
  const list = esims.map((esim) => `${esim.iccid} (${esim.order_id})`).join(", ")
  console.log(`  ${title}: ${esims.length} eSIM(s) ${list}`)
}

async function printLedger() {
  const ledger = await fetch(`${SANDBOX}/__sandbox/ledger`).then(
    (r) => r.json(),
    () => null
  )
  if (!ledger) {
    console.log(`  sandbox: no ledger at ${SANDBOX} (a real esimfly account?)`)
    return
  }
  const creates = ledger.requests.filter((r) => r.method === "POST" && r.path.endsWith("/esims/order"))
  const balance = `${ledger.balance} ${ledger.currency}`
  console.log(
    `  sandbox ledger: ${creates.length} create-order request(s), ${ledger.orders.length} order(s), balance ${balance}`
  )
}

async function main() {
  const started = Date.now()
  const { regions } = await api("GET", "/store/regions")
  const region = regions.find((r) => r.id === info.region_id) ?? regions[0]
  const query = `region_id=${region.id}&fields=id,title,*variants,%2Bvariants.metadata&limit=20`
  const { product, variant } = pickVariant((await api("GET", `/store/products?${query}`)).products)
  const email = `demo-${Date.now()}-${randomBytes(2).toString("hex")}@example.com`
  const token = asCustomer ? await registerCustomer(api, email, randomBytes(12).toString("hex")) : undefined
  console.log(`demo-buy: ${asCustomer ? "registered customer" : "guest"} ${email}`)
  const price = variant.calculated_price
  const code = variant.metadata?.esimfly_package_code ?? "?"
  console.log(
    `  product  ${product.title} / ${variant.title} (${code}), ${price?.calculated_amount} ${price?.currency_code}`
  )
  const { cart, order } = await placeOrder(api, { region, variant, email, token })
  console.log(`  cart     ${cart.id} in region ${region.name}, shipped to ${region.countries[0].iso_2}`)
  console.log(`  order    ${order.id} (display #${order.display_id}), total ${order.total} ${order.currency_code}`)
  const placedAt = Date.now()
  const mail = await waitForEmail(order.id)
  const seconds = (since) => ((Date.now() - since) / 1000).toFixed(1)
  console.log(`  email    "${mail.subject}" ${seconds(placedAt)} s after the order (${seconds(started)} s in all)`)
  console.log(`           ${mail.file}`)
  const link = pageLink(mail)
  console.log(`  page     ${link ? link.url : "none in the email (set option webhookUrl or the admin's backendUrl)"}`)
  const orderPath = `/store/orders/${order.id}/esims`
  const headers = link ? { "x-esim-access-token": link.token } : {}
  printEsims(`GET ${orderPath} (guest token)`, (await api("GET", orderPath, { headers })).esims)
  if (token) {
    printIccids(`GET ${orderPath} (signed in, no token)`, (await api("GET", orderPath, { token })).esims)
    printIccids("GET /store/customers/me/esims", (await api("GET", "/store/customers/me/esims", { token })).esims)
  }
  await printLedger()
}

await main().catch(fail)
