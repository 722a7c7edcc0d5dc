import { EsimflyTransportError, Esim, OrderStatus } from "../../../../lib/esimfly"
import { parseEsimModuleOptions, pollDelayMs } from "../../options"
import {
  isPendingTooOld,
  PENDING_TIMEOUT,
  pendingAgeMs,
  pendingTimedOut,
  pollAnswered,
  pollFailed,
} from "../pending-policy"

const since = new Date("2026-01-01T12:00:00.000Z")
const at = (ms: number) => new Date(since.getTime() + ms)
const MAX_AGE = 10 * 60 * 1000

const esimOrder = (overrides = {}) => ({
  quantity: 1,
  poll_count: 0,
  pending_since: since,
  created_at: at(-5000),
  esimfly_order_reference: "order_1_abcde",
  ...overrides,
})

const esim = (iccid: string) => ({ iccid, lpa: "LPA:1$smdp$CODE" }) as Esim

const status = (overrides: Partial<OrderStatus> = {}): OrderStatus => ({
  id: 1,
  orderReference: "order_1_abcde",
  packageName: "Turkey 1 GB 7 Days",
  packageCode: "TR-1GB-7D-SLOW",
  status: "completed",
  pending: false,
  amount: 1,
  finalPrice: 1,
  orderDate: null,
  paymentMethod: "balance",
  paymentStatus: "succeeded",
  esims: [esim("8988000000000000001")],
  ...overrides,
})

describe("isPendingTooOld", () => {
  it("measures from pending_since, not from creation", () => {
    expect(pendingAgeMs(esimOrder(), at(60000))).toBe(60000)
  })

  it("falls back to created_at when pending_since is missing", () => {
    expect(pendingAgeMs(esimOrder({ pending_since: null }), at(0))).toBe(5000)
  })

  it("is too old only once the max age has passed", () => {
    expect(isPendingTooOld(esimOrder(), at(MAX_AGE), MAX_AGE)).toBe(false)
    expect(isPendingTooOld(esimOrder(), at(MAX_AGE + 1), MAX_AGE)).toBe(true)
  })

  it("accepts ISO strings as the database returns them", () => {
    expect(isPendingTooOld(esimOrder({ pending_since: since.toISOString() }), at(11 * 60000), MAX_AGE)).toBe(true)
  })
})

describe("pendingTimedOut", () => {
  it("flags the eSIM order for an admin with the reference to look up, and stops polling", () => {
    const change = pendingTimedOut(esimOrder(), at(MAX_AGE + 1), MAX_AGE)
    expect(change.status).toBe("needs_attention")
    expect(change.fields).toMatchObject({ error_code: PENDING_TIMEOUT, next_poll_at: null })
    expect(change.fields.error_message).toBe(
      "esimfly has not delivered the eSIM details after 10 minutes; look the order up at esimfly (reference order_1_abcde)"
    )
    expect(change.event).toMatchObject({ type: "needs_attention", code: PENDING_TIMEOUT })
  })

  it("shows the missing count when a short delivery waited too long", () => {
    const short = esimOrder({ quantity: 3, esims: [{ iccid: "1" }, { iccid: "2" }] })
    expect(pendingTimedOut(short, at(MAX_AGE + 1), MAX_AGE).fields.error_message).toBe(
      "esimfly delivered 2 of 3 eSIMs (1 missing) and no more after 10 minutes; look the order up at esimfly (reference order_1_abcde)"
    )
  })
})

describe("pollAnswered", () => {
  const next = at(30000)

  it("completes the eSIM order when every eSIM arrived", () => {
    const change = pollAnswered(esimOrder({ poll_count: 2 }), status(), at(20000), next)
    expect(change.status).toBe("completed")
    expect(change.fields).toMatchObject({
      completed_at: at(20000),
      next_poll_at: null,
      error_message: null,
      poll_count: 3,
    })
    expect(change.event).toMatchObject({
      type: "completed",
      message: "esimfly delivered 1 eSIM(s) after 3 status poll(s)",
    })
  })

  it("schedules the next poll while esimfly is still provisioning", () => {
    const change = pollAnswered(
      esimOrder(),
      status({ status: "pending_details", pending: true, esims: [] }),
      at(20000),
      next
    )
    expect(change.status).toBe("pending_details")
    expect(change.fields).toMatchObject({ poll_count: 1, next_poll_at: next })
  })

  it("records only the first still-pending poll in the history", () => {
    const pending = status({ status: "pending_details", pending: true, esims: [] })
    expect(pollAnswered(esimOrder(), pending, at(20000), next).event).toMatchObject({ type: "pending_poll" })
    expect(pollAnswered(esimOrder({ poll_count: 1 }), pending, at(20000), next).event).toBeNull()
  })

  it("flags an order esimfly failed, without re-ordering", () => {
    const change = pollAnswered(esimOrder(), status({ status: "canceled", pending: false, esims: [] }), at(20000), next)
    expect(change.status).toBe("needs_attention")
    expect(change.fields).toMatchObject({ error_code: "ESIMFLY_ORDER_FAILED", next_poll_at: null })
  })

  it("flags a batch that came back short", () => {
    const change = pollAnswered(esimOrder({ quantity: 2 }), status(), at(20000), next)
    expect(change.status).toBe("needs_attention")
    expect(change.fields).toMatchObject({
      error_code: "ESIMS_MISSING",
      error_message: "esimfly delivered 1 of 2 eSIMs (1 missing); look the order up at esimfly",
    })
  })
})

describe("pollFailed", () => {
  it("keeps the eSIM order pending, records the error and backs off", () => {
    const error = new EsimflyTransportError({ message: "socket hang up", code: "NETWORK_ERROR", requestId: "req-1" })
    const change = pollFailed(esimOrder({ poll_count: 1 }), error, at(20000), at(65000))
    expect(change.status).toBe("pending_details")
    expect(change.fields).toEqual({
      poll_count: 2,
      next_poll_at: at(65000),
      error_message: "status check failed: socket hang up",
    })
    expect(change.event).toMatchObject({ type: "poll_failed", code: error.code, request_id: "req-1" })
  })

  it("records a non-esimfly error too", () => {
    expect(pollFailed(esimOrder(), new Error("boom"), at(0), at(1)).event).toMatchObject({
      code: "UNEXPECTED_ERROR",
      message: "status check failed: boom",
    })
  })
})

describe("poll backoff (module options)", () => {
  it("waits 20 s, then 1.5 times longer each poll, up to 2 min", () => {
    const options = parseEsimModuleOptions({ accessCode: "esf_a", secretKey: "sk_b" })
    const delays = [0, 1, 2, 3, 4, 5].map((count) => pollDelayMs(options, count))
    expect(delays).toEqual([20000, 30000, 45000, 67500, 101250, 120000])
  })
})
