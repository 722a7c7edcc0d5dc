import { EsimflyClient } from "../client"
import { EsimflyError, EsimflyOutcomeUnknownError } from "../errors"
import { completedOrder, LPA, makeClient, raw } from "./fake-fetch"
import { historyOrderWire, packageWire } from "./support/wire-samples"

/** Values of the wrong type (and some right-typed nonsense) put in place of each field. */
const WRONG_VALUES: unknown[] = [null, 0, -1, 1e308, "", "x", "<script>", true, [], {}, [null], { a: 1 }]

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type Path = (string | number)[]

function pathsOf(value: Json, prefix: Path = []): Path[] {
  if (value === null || typeof value !== "object") return [prefix]
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value)
  const children = keys.flatMap((key) => pathsOf((value as Record<string | number, Json>)[key], [...prefix, key]))
  return prefix.length ? [prefix, ...children] : children
}

function withValue(root: Json, path: Path, value: unknown, remove = false): Json {
  const copy = structuredClone(root)
  const parent = path
    .slice(0, -1)
    .reduce<Json>((node, key) => (node as Record<string | number, Json>)[key], copy) as Record<string | number, Json>
  const last = path[path.length - 1]
  if (remove && !Array.isArray(parent)) delete parent[last]
  else parent[last] = value as Json
  return copy
}

/** Every field with every wrong value, every field removed, and the body cut at many lengths. */
function mutations(sample: Json): { name: string; text: string }[] {
  const text = JSON.stringify(sample)
  const out: { name: string; text: string }[] = []
  for (const path of pathsOf(sample)) {
    const where = path.join(".")
    WRONG_VALUES.forEach((value) =>
      out.push({ name: `${where}=${JSON.stringify(value)}`, text: JSON.stringify(withValue(sample, path, value)) })
    )
    out.push({ name: `${where} removed`, text: JSON.stringify(withValue(sample, path, undefined, true)) })
  }
  const cuts = 24
  for (let i = 0; i < cuts; i++) {
    const at = Math.floor((text.length * i) / cuts)
    out.push({ name: `cut at ${at}`, text: text.slice(0, at) })
  }
  out.push(
    { name: "not JSON", text: "<html>502 Bad Gateway</html>" },
    { name: "bare null", text: "null" },
    { name: "a number", text: "42" }
  )
  return out
}

const ORDER_STATUS: Json = {
  success: true,
  order: {
    id: 2503,
    packageName: "Turkey 1 GB 7 Days",
    packageCode: "TR1GB7D",
    status: "completed",
    amount: 2.72,
    finalPrice: 2.72,
    orderDate: "2024-08-17T20:12:00Z",
    orderReference: "order_1692123456_ab7cd",
    esims: [
      {
        iccid: "8932042000010078801",
        status: "New",
        lpaString: LPA,
        qrCodeUrl: "https://qr.example.com/q.png",
        totalVolume: 1073741824,
      },
    ],
  },
}
const HISTORY: Json = {
  success: true,
  data: {
    orders: [historyOrderWire],
    summary: { totalOrders: 1, totalRevenue: 1.44 },
    pagination: { page: 1, limit: 20, total: 1, total_pages: 1 },
  },
}
const BALANCE: Json = { success: true, data: { balance: 47.28, currency: "USD" } }
const PACKAGES: Json = {
  success: true,
  data: {
    packages: [packageWire],
    pagination: { page: 1, limit: 100, total: 1, totalPages: 1 },
  },
}
const CANCEL: Json = {
  success: true,
  data: {
    orderReference: "order_1",
    cancelled: ["8932042000010078801"],
    refunded: 2.72,
    currency: "USD",
    newBalance: 50,
  },
}

type Endpoint = { name: string; sample: Json; call: (client: EsimflyClient) => Promise<unknown> }

const ENDPOINTS: Endpoint[] = [
  {
    name: "createOrder",
    sample: completedOrder() as Json,
    call: (c) => c.createOrder({ packageCode: "TR1GB7D", quantity: 1, idempotencyKey: "o:l:1" }),
  },
  { name: "getOrder", sample: ORDER_STATUS, call: (c) => c.getOrder("order_1692123456_ab7cd") },
  { name: "listOrders", sample: HISTORY, call: (c) => c.listOrders() },
  { name: "getBalance", sample: BALANCE, call: (c) => c.getBalance() },
  { name: "listPackages", sample: PACKAGES, call: (c) => c.listPackages() },
  { name: "cancelEsim", sample: CANCEL, call: (c) => c.cancelEsim("8932042000010078801") },
]

/** A result the plugin can store: every eSIM it reports carries an ICCID. */
function assertUsable(result: unknown): void {
  const esims = (result as { esims?: { iccid?: unknown }[] }).esims ?? []
  for (const esim of esims) expect(typeof esim.iccid === "string" && esim.iccid.length > 0).toBe(true)
}

describe.each(ENDPOINTS)("$name reads hostile answers", ({ sample, call, name }) => {
  const cases = mutations(sample)

  it(`turns each of the ${cases.length} mangled bodies into a result or a typed error, never a crash`, async () => {
    const crashes: string[] = []
    const outcomes = { read: 0, refused: 0 }
    for (const { name: mutation, text } of cases) {
      for (const status of [200, 400, 503]) {
        const { client } = makeClient(
          Array.from({ length: 8 }, () => () => raw(text, status, { "content-type": "application/json" }))
        )
        try {
          assertUsable(await call(client))
          outcomes.read++
        } catch (error) {
          outcomes.refused++
          const typed = error instanceof EsimflyError
          const leaked = typed && JSON.stringify({ message: error.message, ...error }).includes("sk_test_secret")
          if (!typed || leaked) crashes.push(`${status} ${mutation}: ${String(error)}`)
          // A purchase whose answer cannot be read may have happened: never a plain failure.
          if (name === "createOrder" && status === 200 && !(error instanceof EsimflyOutcomeUnknownError))
            crashes.push(`${mutation}: ${String(error)}`)
        }
      }
    }
    expect(crashes).toEqual([])
    // Both ways out were taken: tolerated variants are read, the rest refused with a typed error.
    expect(outcomes.read).toBeGreaterThan(0)
    expect(outcomes.refused).toBeGreaterThan(cases.length)
  })
})
