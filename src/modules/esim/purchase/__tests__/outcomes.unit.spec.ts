import {
  CreateOrderResult,
  EsimflyInsufficientBalanceError,
  EsimflyInvalidRequestError,
  EsimflyOutcomeUnknownError,
  EsimflyRefusedError,
  OrderStatus,
  OrderSummary,
} from "../../../../lib/esimfly"
import { readyLines } from "../../delivery"
import { withEvent } from "../history"
import { formatDataAmount, purchaseFailed, purchaseSucceeded } from "../outcomes"
import { confirmAdoption, firstAttemptAt, resolveUnknownOutcome } from "../unknown-outcome"

const now = new Date("2026-11-25T10:00:00Z")

/** One row of esimfly's order history, as the client returns it. */
const orderSummary = (reference: string, code: string, at: string): OrderSummary => ({
  id: 1,
  orderReference: reference,
  packageName: null,
  packageCode: code,
  amount: 1,
  currency: "USD",
  status: "completed",
  flagUrl: null,
  createdAt: at,
})

describe("purchaseFailed", () => {
  const expectOutcome = (error: unknown, status: string, error_code: string) =>
    expect(purchaseFailed(error, now)).toMatchObject({ status, fields: { error_code } })
  const invalidRequest = (message: string, code: string, status: number, requestId?: string) =>
    new EsimflyInvalidRequestError({ message, code, status, requestId })
  const refused = (message: string, code: string, status: number) =>
    new EsimflyRefusedError({ message, code, status, requestId: "r" })

  it("holds an eSIM order on INSUFFICIENT_BALANCE with both amounts", () => {
    const error = new EsimflyInsufficientBalanceError({
      message: "Insufficient balance",
      status: 400,
      requestId: "r",
      currentBalance: 12.4,
      requiredBalance: 19,
      needToLoad: 6.6,
    })
    expect(purchaseFailed(error, now)).toMatchObject({
      status: "held",
      fields: { current_balance: 12.4, required_balance: 19, error_code: "INSUFFICIENT_BALANCE" },
    })
  })

  it("never turns an unknown outcome into a plain failure", () => {
    const error = EsimflyOutcomeUnknownError.order({
      requestId: "r",
      packageCode: "TR",
      quantity: 1,
      causeKind: "timeout",
    })
    expect(purchaseFailed(error, now).status).toBe("needs_attention")
    expectOutcome(new TypeError("boom"), "needs_attention", "UNEXPECTED_ERROR")
  })

  it("treats a duplicate request as unknown: esimfly may be processing the same key", () => {
    const duplicate = invalidRequest("Duplicate request", "DUPLICATE_REQUEST", 409, "r")
    expectOutcome(duplicate, "needs_attention", "DUPLICATE_REQUEST")
  })

  it("treats a reused request id (INVALID_REQUEST_ID) as unknown, and any other invalid request as failed", () => {
    expectOutcome(
      invalidRequest("Invalid request id", "INVALID_REQUEST_ID", 400),
      "needs_attention",
      "INVALID_REQUEST_ID"
    )
    expectOutcome(invalidRequest("Missing packageCode", "MISSING_PACKAGE_CODE", 400), "failed", "MISSING_PACKAGE_CODE")
  })

  it("fails definite refusals with their code", () => {
    expectOutcome(refused("Invalid package code", "INVALID_PACKAGE", 400), "failed", "INVALID_PACKAGE")
    expectOutcome(refused("Failed to process order", "ORDER_PROCESSING_ERROR", 500), "failed", "ORDER_PROCESSING_ERROR")
  })
})

describe("resolveUnknownOutcome", () => {
  const esimOrder = { package_code: "TR-1GB-7D", quantity: 1, last_attempt_at: now, history: null }
  const row = orderSummary

  it("adopts the one unclaimed order of the package near the attempt", () => {
    const history = [
      row("order_a", "TR-1GB-7D", "2026-11-25T10:00:02Z"),
      row("order_b", "EU-5GB-30D", "2026-11-25T10:00:03Z"),
      row("order_c", "TR-1GB-7D", "2026-11-24T10:00:00Z"),
    ]
    expect(resolveUnknownOutcome(esimOrder, history, new Set())).toEqual({ kind: "adopt", reference: "order_a" })
  })

  it("buys again only when nothing matches", () => {
    const history = [row("order_a", "TR-1GB-7D", "2026-11-25T10:00:02Z")]
    expect(resolveUnknownOutcome(esimOrder, history, new Set(["order_a"]))).toEqual({ kind: "rebuy" })
  })

  it("asks esimfly by the idempotency key when several orders could be this purchase", () => {
    const history = [
      row("order_a", "TR-1GB-7D", "2026-11-25T10:00:02Z"),
      row("order_b", "TR-1GB-7D", "2026-11-25T10:01:00Z"),
    ]
    expect(resolveUnknownOutcome(esimOrder, history, new Set())).toMatchObject({
      kind: "ask_by_key",
      references: ["order_a", "order_b"],
    })
  })

  it("never adopts the only candidate when another lost or unfinished purchase of the package could own it", () => {
    const history = [row("order_a", "TR-1GB-7D", "2026-11-25T10:00:02Z")]
    const rival = { last_attempt_at: new Date("2026-11-25T10:00:01Z") }
    expect(resolveUnknownOutcome(esimOrder, history, new Set(), [rival])).toMatchObject({
      kind: "ask_by_key",
      references: ["order_a"],
    })
    expect(resolveUnknownOutcome(esimOrder, history, new Set(), [{ last_attempt_at: null }])).toMatchObject({
      kind: "ask_by_key",
    })
  })

  it("adopts the only candidate when the other unsettled purchases are far from it", () => {
    const history = [row("order_a", "TR-1GB-7D", "2026-11-25T10:00:02Z")]
    const farRival = { last_attempt_at: new Date("2026-11-25T09:30:00Z") }
    expect(resolveUnknownOutcome(esimOrder, history, new Set(), [farRival])).toEqual({
      kind: "adopt",
      reference: "order_a",
    })
  })
})

describe("adopting only what is certainly the eSIM order's", () => {
  const purchasing = (at: string) => ({ at, type: "purchasing", request_id: "r" })
  // First sent at 09:58, lost; sent again at 10:00, lost too.
  const history = {
    events: [
      purchasing("2026-11-25T09:58:00Z"),
      { at: "2026-11-25T09:58:03Z", type: "needs_attention" },
      purchasing("2026-11-25T10:00:00Z"),
    ],
  }
  const esimOrder = { package_code: "TR-1GB-7D", quantity: 2, last_attempt_at: now, history }
  const row = (reference: string, at: string, code = "TR-1GB-7D") => orderSummary(reference, code, at)

  it("takes the first attempt from the earliest purchasing event, else the last attempt", () => {
    expect(firstAttemptAt(esimOrder)).toBe(Date.parse("2026-11-25T09:58:00Z"))
    expect(firstAttemptAt({ ...esimOrder, history: { events: [] } })).toBe(now.getTime())
    expect(firstAttemptAt({ ...esimOrder, history: null, last_attempt_at: null })).toBeNull()
  })

  it.each([
    [
      "one unclaimed order of the package after the first attempt",
      [row("a", "2026-11-25T09:58:01Z")],
      { kind: "adopt", reference: "a" },
    ],
    [
      "an order of the package older than the first attempt",
      [row("a", "2026-11-25T09:57:59Z")],
      { kind: "ask_by_key", references: ["a"] },
    ],
    [
      "one order after and one before the first attempt",
      [row("a", "2026-11-25T09:55:00Z"), row("b", "2026-11-25T10:00:01Z")],
      { kind: "ask_by_key", references: ["a", "b"] },
    ],
    [
      "two orders after the first attempt",
      [row("a", "2026-11-25T09:58:01Z"), row("b", "2026-11-25T10:00:01Z")],
      { kind: "ask_by_key", references: ["a", "b"] },
    ],
    [
      "an old order of the package and one of another package",
      [row("a", "2026-11-25T09:51:00Z"), row("b", "2026-11-25T10:00:01Z", "EU-5GB-30D")],
      { kind: "ask_by_key", references: ["a"] },
    ],
    ["only orders of other packages", [row("b", "2026-11-25T10:00:01Z", "EU-5GB-30D")], { kind: "rebuy" }],
  ])("history with %s: never a guess", (_name, orders, expected) => {
    expect(resolveUnknownOutcome(esimOrder, orders, new Set())).toMatchObject(expected)
  })

  const status = (esims: number, overrides: Partial<OrderStatus> = {}): OrderStatus => ({
    id: 1,
    orderReference: "a",
    packageName: null,
    packageCode: "TR-1GB-7D",
    status: "completed",
    pending: false,
    amount: 1,
    finalPrice: 1,
    orderDate: null,
    paymentMethod: null,
    paymentStatus: null,
    esims: Array.from({ length: esims }, (_, i) => ({ iccid: `icc${i}` }) as OrderStatus["esims"][number]),
    ...overrides,
  })

  it.each([
    ["as many eSIMs as the eSIM order's quantity", status(2), { kind: "adopt", reference: "a" }],
    ["fewer eSIMs than the eSIM order's quantity", status(1), { kind: "ask_by_key", references: ["a"] }],
    ["more eSIMs than the eSIM order's quantity", status(3), { kind: "ask_by_key", references: ["a"] }],
    [
      "no eSIMs yet (pending), so no quantity to compare",
      status(0, { status: "pending_details", pending: true }),
      { kind: "ask_by_key", references: ["a"] },
    ],
    [
      "another package than the eSIM order's",
      status(2, { packageCode: "EU-5GB-30D" }),
      { kind: "ask_by_key", references: ["a"] },
    ],
  ])("the one candidate's status with %s decides the adoption", (_name, order, expected) => {
    expect(confirmAdoption(esimOrder, order)).toMatchObject(expected)
  })

  it("names the reason for asking by key", () => {
    expect(confirmAdoption(esimOrder, status(1))).toMatchObject({
      reason: expect.stringContaining("1 eSIM(s), this purchase is for 2"),
    })
    expect(resolveUnknownOutcome(esimOrder, [row("a", "2026-11-25T09:57:59Z")], new Set())).toMatchObject({
      reason: expect.stringContaining("before this purchase was first sent"),
    })
  })
})

describe("readyLines", () => {
  const esimOrder = (id: string, line: string, status: string, fulfillment_id: string | null = null) => ({
    id,
    line_item_id: line,
    quantity: 1,
    status,
    fulfillment_id,
    package_code: "P",
    esims: [{ iccid: `icc_${id}`, status: "new" }],
  })

  it("fulfils a line only when every batch is completed and unfulfilled", () => {
    const plan = readyLines([
      esimOrder("a1", "a", "completed"),
      esimOrder("a2", "a", "completed"),
      esimOrder("b1", "b", "completed"),
      esimOrder("b2", "b", "pending_details"),
      esimOrder("c1", "c", "completed", "ful_1"),
    ])
    expect(plan.items).toEqual([{ id: "a", quantity: 2 }])
    expect(plan.summary.map((s) => s.iccid)).toEqual(["icc_a1", "icc_a2"])
  })
})

describe("a short delivery is not a delivery", () => {
  const answer = (esims: number, overrides: Partial<CreateOrderResult> = {}): CreateOrderResult => ({
    orderReference: "order_a",
    status: "completed",
    pending: false,
    duplicate: false,
    esimId: 1,
    packageName: null,
    currency: "USD",
    newBalance: 10,
    amount: 8.16,
    finalPrice: 8.16,
    profit: null,
    paymentMethod: null,
    processingTimeMs: null,
    message: null,
    note: null,
    esims: Array.from({ length: esims }, (_, i) => ({ iccid: `icc${i}` }) as CreateOrderResult["esims"][number]),
    ...overrides,
  })

  it("completes a create-order answer that carries every eSIM ordered", () => {
    expect(purchaseSucceeded(answer(3), now, 3).status).toBe("completed")
  })

  it("keeps a completed create-order answer with 2 of 3 eSIMs pending_details, polled, and says so with the missing count", () => {
    const outcome = purchaseSucceeded(answer(2), now, 3)
    expect(outcome).toMatchObject({ status: "pending_details", fields: { pending_since: now, poll_count: 0 } })
    expect(outcome.fields).not.toHaveProperty("completed_at")
    expect(outcome.event.message).toBe(
      "esimfly answered with 2 of 3 eSIMs (1 missing); the 2 are kept and the order is polled for the rest"
    )
  })

  it("fulfils a completed batch only for the eSIMs it holds", () => {
    const held = (n: number) => Array.from({ length: n }, (_, i) => ({ iccid: `icc_${i}`, status: "new" }))
    const plan = readyLines([
      {
        id: "a1",
        line_item_id: "a",
        quantity: 3,
        status: "completed",
        fulfillment_id: null,
        package_code: "P",
        esims: held(2),
      },
    ])
    expect(plan.items).toEqual([{ id: "a", quantity: 2 }])
    expect(plan.summary).toHaveLength(2)
  })
})

describe("small helpers", () => {
  it("formats data amounts", () => {
    expect(formatDataAmount({ totalVolume: 1073741824, unlimited: false })).toBe("1 GB")
    expect(formatDataAmount({ totalVolume: 524288000, unlimited: false })).toBe("500 MB")
    expect(formatDataAmount({ totalVolume: 0, unlimited: true })).toBe("Unlimited")
    expect(formatDataAmount({ totalVolume: null, unlimited: null })).toBeNull()
  })

  it("keeps the newest 100 history events", () => {
    let history: unknown = null
    for (let i = 0; i < 105; i++) {
      history = withEvent(history, { at: String(i), type: "poll" })
    }
    const events = (history as { events: { at: string }[] }).events
    expect(events).toHaveLength(100)
    expect(events[0].at).toBe("5")
  })
})
