import { createHmac } from "node:crypto"

import { EsimflyInvalidRequestError } from "../errors"

const rejectedInput = { constructor: EsimflyInvalidRequestError, code: "VALIDATION_ERROR" }
import { UUID_V4, completedOrder, json, makeClient } from "./fake-fetch"

const balance = () => json({ success: true, data: { balance: 12.5, currency: "USD" } })

function expectedSignature(headers: Record<string, string>, body: string): string {
  return createHmac("sha256", "sk_test_secret")
    .update(headers["RT-Timestamp"]! + headers["RT-RequestID"]! + "esf_test_access" + body)
    .digest("hex")
    .toUpperCase()
}

describe("requests", () => {
  it("sends the exact body it signed, with every documented header", async () => {
    const { client, calls } = makeClient([json(completedOrder())], { now: () => 1700000000123 })

    await client.createOrder({ packageCode: "merhaba-15days-2gb", quantity: 3, idempotencyKey: "line_01" })

    const call = calls[0]!
    expect(call.method).toBe("POST")
    expect(call.url).toBe("https://api.test/api/v1/business/esims/order")
    expect(call.body).toBe('{"packageCode":"merhaba-15days-2gb","quantity":3,"idempotency_key":"line_01"}')
    expect(call.headers).toEqual({
      "RT-AccessCode": "esf_test_access",
      "RT-RequestID": expect.stringMatching(UUID_V4),
      "RT-Timestamp": "1700000000123",
      "RT-Signature": expectedSignature(call.headers, call.body!),
      Accept: "application/json",
      "Content-Type": "application/json",
    })
  })

  it("sends quantity 1 by default and no idempotency_key unless given", async () => {
    const { client, calls } = makeClient([json(completedOrder())])

    await client.createOrder({ packageCode: "TR1GB7D" })

    expect(calls[0]?.body).toBe('{"packageCode":"TR1GB7D","quantity":1}')
  })

  it("signs an empty body on GET and sends no body or Content-Type", async () => {
    const { client, calls } = makeClient([balance()])

    await client.getBalance()

    const call = calls[0]!
    expect(call.method).toBe("GET")
    expect(call.body).toBeUndefined()
    expect(call.headers["Content-Type"]).toBeUndefined()
    expect(call.headers["RT-Signature"]).toBe(expectedSignature(call.headers, ""))
  })

  it("uses a fresh UUID v4 request id for every request and every retry", async () => {
    const { client, calls } = makeClient([json({}, 503), balance(), balance()])

    await client.getBalance()
    await client.getBalance()

    const ids = calls.map((call) => call.headers["RT-RequestID"])
    expect(ids).toHaveLength(3)
    ids.forEach((id) => expect(id).toMatch(UUID_V4))
    expect(new Set(ids).size).toBe(3)
  })

  it("maps listOrders parameters to the documented snake_case query", async () => {
    const history = {
      success: true,
      data: { orders: [], pagination: { page: 2, limit: 50, total: 0, total_pages: 0 } },
    }
    const { client, calls } = makeClient([json(history)])

    await client.listOrders({
      page: 2,
      limit: 50,
      status: "completed",
      fromDate: "2024-01-01T00:00:00Z",
      toDate: new Date("2024-01-31T23:59:59Z"),
      search: "United States",
      sortBy: "amount",
      sortOrder: "asc",
    })

    const url = new URL(calls[0]!.url)
    expect(url.pathname).toBe("/api/v1/business/orders")
    expect(Object.fromEntries(url.searchParams)).toEqual({
      page: "2",
      limit: "50",
      status: "completed",
      from_date: "2024-01-01T00:00:00Z",
      to_date: "2024-01-31T23:59:59.000Z",
      search: "United States",
      sort_by: "amount",
      sort_order: "asc",
    })
  })

  it("sends package filters and the order reference as query parameters", async () => {
    const packages = {
      success: true,
      data: { packages: [], pagination: { page: 1, limit: 10, total: 0, totalPages: 0 } },
    }
    const { client, calls } = makeClient([
      json(packages),
      json({ success: true, order: { status: "pending", orderReference: "a&b" } }),
    ])

    await client.listPackages({ search: "Turkey", type: "local", country: "TR", page: 1, limit: 10 })
    await client.getOrder("a&b")

    expect(calls[0]?.url).toBe(
      "https://api.test/api/v1/business/esims/packages?search=Turkey&type=local&country=TR&page=1&limit=10"
    )
    expect(calls[1]?.url).toBe("https://api.test/api/v1/business/esims/order?orderReference=a%26b")
  })
})

describe("input validation happens before any request", () => {
  it.each([
    ["quantity 0", { packageCode: "TR1GB7D", quantity: 0 }, "quantity"],
    ["quantity 11 (docs: max 10)", { packageCode: "TR1GB7D", quantity: 11 }, "quantity"],
    ["quantity 2.5", { packageCode: "TR1GB7D", quantity: 2.5 }, "quantity"],
    ["an empty package code", { packageCode: " " }, "packageCode"],
    [
      "an idempotency key over 200 chars",
      { packageCode: "TR1GB7D", idempotencyKey: "k".repeat(201) },
      "idempotencyKey",
    ],
  ])("rejects %s", async (_name, input, field) => {
    const { client, calls } = makeClient([])

    const error = await client.createOrder(input).catch((e: unknown) => e)

    expect(error).toMatchObject(rejectedInput)
    expect((error as EsimflyInvalidRequestError).field).toBe(field)
    expect(calls).toHaveLength(0)
  })

  it.each([
    ["limit 101", { limit: 101 }],
    ["page 0", { page: 0 }],
    ["an unknown status", { status: "shipped" }],
    ["an unknown sort field", { sortBy: "name" }],
    ["an unknown sort order", { sortOrder: "up" }],
    ["an invalid date", { fromDate: "2024-13-45" }],
    ["a date that is not ISO", { toDate: "Jan 5 2024" }],
  ])("rejects listOrders with %s", async (_name, params) => {
    const { client, calls } = makeClient([])

    await expect(client.listOrders(params as never)).rejects.toMatchObject(rejectedInput)
    expect(calls).toHaveLength(0)
  })

  it("rejects listPackages limit 101 and an empty order reference", async () => {
    const { client, calls } = makeClient([])

    await expect(client.listPackages({ limit: 101 })).rejects.toMatchObject(rejectedInput)
    await expect(client.getOrder("")).rejects.toMatchObject(rejectedInput)
    expect(calls).toHaveLength(0)
  })

  it("names the field in the message", async () => {
    const { client } = makeClient([])

    await expect(client.createOrder({ packageCode: "TR1GB7D", quantity: 11 })).rejects.toThrow(
      'esimfly createOrder: "quantity" must be an integer between 1 and 10'
    )
  })
})

describe("logging", () => {
  it("logs method, path, status, duration and request id, never headers", async () => {
    let clock = 1700000000000
    const { client, calls, lines } = makeClient([balance()], { now: () => (clock += 123) })

    await client.getBalance()

    const requestId = calls[0]!.headers["RT-RequestID"]!
    expect(lines).toEqual([
      `debug esimfly GET /balance 200 (246 ms, request ${requestId}) {"requestId":"${requestId}"}`,
    ])
  })

  it("warns before each retry and when a purchase outcome is unknown", async () => {
    const { client, calls, lines } = makeClient([json({}, 503), balance(), new TypeError("fetch failed")])

    await client.getBalance()
    await client.createOrder({ packageCode: "TR1GB7D", idempotencyKey: "line_7" }).catch(() => undefined)

    const warnings = lines.filter((line) => line.startsWith("warn"))
    expect(warnings).toHaveLength(2)
    expect(warnings[0]).toContain(
      `esimfly GET /balance failed (HTTP_503, request ${calls[0]!.headers["RT-RequestID"]}); retry 1 in 250 ms`
    )
    expect(warnings[1]).toContain("esimfly POST /esims/order outcome unknown (network")
    expect(warnings[1]).toContain('"idempotencyKey":"line_7"')
  })
})
