import { manualClock, useSandbox } from "./support/harness"
import { CreateOrderBody, ErrorBody, HistoryBody } from "./support/wire"

const HOUR = 60 * 60 * 1000
const START = Date.parse("2025-03-01T12:00:00.000Z")

/** Six orders an hour apart: 1, 2 and 6 completed, 3 failed, 4 cancelled, 5 pending. */
const SEED = ["TR-1GB-7D", "US-5GB-30D", "EU-5GB-30D", "JP-1GB-7D", "TR-1GB-7D-SLOW", "TR-10GB-30D"]

describe("GET /orders", () => {
  const clock = manualClock(START)
  const current = useSandbox(() => ({ now: clock.now }))
  let refs: string[] = []

  beforeEach(async () => {
    clock.set(START)
    const { api, sandbox } = current()
    refs = []
    for (const packageCode of SEED) {
      const reply = await api.post<CreateOrderBody>("/esims/order", { packageCode })
      refs.push(reply.body.orderReference)
      clock.advance(HOUR)
    }
    sandbox.setOrderStatus(refs[2], "failed")
    sandbox.setOrderStatus(refs[3], "cancelled")
  })

  async function list(query = ""): Promise<HistoryBody["data"]> {
    const reply = await current().api.get<HistoryBody>(`/orders${query}`)
    expect(reply.status).toBe(200)
    return reply.body.data
  }

  const order = (...numbers: number[]): string[] => numbers.map((n) => refs[n - 1])
  const refsOf = (data: HistoryBody["data"]): string[] => data.orders.map((row) => row.order_reference)

  it("lists newest first with the documented row, summary and pagination", async () => {
    const data = await list()
    expect(refsOf(data)).toEqual(order(6, 5, 4, 3, 2, 1))
    expect(data.orders[5]).toEqual({
      id: expect.any(Number),
      order_reference: refs[0],
      package_name: "Turkey 1GB 7Days",
      package_code: "TR-1GB-7D",
      amount: 2.72,
      currency: "USD",
      status: "completed",
      flag_url: "/img/flags/TR.png",
      created_at: "2025-03-01T12:00:00.000Z",
    })
    expect(data.orders.map((row) => row.status)).toEqual([
      "completed",
      "pending",
      "cancelled",
      "failed",
      "completed",
      "completed",
    ])
    expect(data.summary).toEqual({ total_orders: 3, total_revenue: 24.76 })
    expect(data.pagination).toEqual({ page: 1, limit: 20, total: 6, total_pages: 1 })
  })

  it.each([
    ["completed", [6, 2, 1]],
    ["pending", [5]],
    ["failed", [3]],
    ["cancelled", [4]],
    ["all", [6, 5, 4, 3, 2, 1]],
  ])("filters by status=%s", async (status, expected) => {
    expect(refsOf(await list(`?status=${status}`))).toEqual(order(...expected))
  })

  it("filters by from_date and to_date, both inclusive, and summarises only that set", async () => {
    const from = new Date(START + HOUR).toISOString()
    const to = new Date(START + 3 * HOUR).toISOString()
    const data = await list(`?from_date=${from}&to_date=${to}`)
    expect(refsOf(data)).toEqual(order(4, 3, 2))
    expect(data.summary).toEqual({ total_orders: 1, total_revenue: 5.18 })
    expect(refsOf(await list(`?from_date=${new Date(START + 4 * HOUR).toISOString()}`))).toEqual(order(6, 5))
    expect(refsOf(await list(`?to_date=${new Date(START).toISOString()}`))).toEqual(order(1))
  })

  it("searches order_reference, package_name and package_code, case-insensitively", async () => {
    expect(refsOf(await list("?search=TURKEY"))).toEqual(order(6, 5, 1))
    expect(refsOf(await list("?search=tr-10gb"))).toEqual(order(6))
    expect(refsOf(await list("?search=europe"))).toEqual(order(3))
    expect(refsOf(await list(`?search=${refs[1].slice(-8).toUpperCase()}`))).toEqual(order(2))
  })

  it("sorts by created_at, amount and status in either direction", async () => {
    expect(refsOf(await list("?sort_order=asc"))).toEqual(order(1, 2, 3, 4, 5, 6))
    const byAmount = await list("?sort_by=amount&sort_order=asc")
    expect(byAmount.orders.map((row) => row.amount)).toEqual([1.99, 2.72, 2.89, 5.18, 9.87, 16.86])
    const byAmountDesc = await list("?sort_by=amount")
    expect(byAmountDesc.orders.map((row) => row.amount)).toEqual([16.86, 9.87, 5.18, 2.89, 2.72, 1.99])
    const byStatus = await list("?sort_by=status&sort_order=asc")
    expect(byStatus.orders.map((row) => row.status)).toEqual([
      "cancelled",
      "completed",
      "completed",
      "completed",
      "failed",
      "pending",
    ])
  })

  it("pages through the results", async () => {
    const second = await list("?limit=2&page=2")
    expect(refsOf(second)).toEqual(order(4, 3))
    expect(second.pagination).toEqual({ page: 2, limit: 2, total: 6, total_pages: 3 })
    expect(second.summary).toEqual({ total_orders: 3, total_revenue: 24.76 })
    const beyond = await list("?limit=2&page=4")
    expect(beyond.orders).toEqual([])
    expect(beyond.pagination.total).toBe(6)
  })

  it("accepts limit 100 and rejects 101 with INVALID_PARAMETER naming limit", async () => {
    expect((await list("?limit=100")).pagination.limit).toBe(100)
    const reply = await current().api.get<ErrorBody>("/orders?limit=101")
    expect(reply.status).toBe(400)
    expect(reply.body).toMatchObject({ success: false, code: "INVALID_PARAMETER", parameter: "limit" })
  })

  it.each([
    ["limit", "0"],
    ["page", "0"],
    ["page", "two"],
    ["status", "shipped"],
    ["sort_by", "price"],
    ["sort_order", "up"],
    ["from_date", "last-week"],
    ["to_date", "soon"],
  ])("rejects %s=%s with INVALID_PARAMETER", async (parameter, value) => {
    const reply = await current().api.get<ErrorBody>(`/orders?${parameter}=${value}`)
    expect(reply.status).toBe(400)
    expect(reply.body).toMatchObject({ code: "INVALID_PARAMETER", parameter })
    expect(reply.body.error).toContain(parameter)
  })
})
