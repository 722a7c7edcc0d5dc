import {
  EsimflyInvalidRequestError,
  EsimflyOutcomeUnknownError,
  EsimflyRateLimitError,
  EsimflyRefusedError,
} from "../../../../lib/esimfly"
import {
  attemptFromError,
  CANCELED_BY_MERCHANT,
  cancelCandidates,
  hasSettledCancel,
  skipReason,
  summarizeCancel,
} from "../outcomes"

const NOW = new Date("2026-11-25T10:00:00.000Z")
const result = (cancelled: string[], refunded: number | null = 5.44) => ({
  orderReference: "order_1",
  cancelled,
  refunded,
  currency: "USD",
  newBalance: 100,
})

describe("attemptFromError", () => {
  it("reads a refusal and an earlier cancel as answers", () => {
    const notCancellable = new EsimflyRefusedError({ message: "installed", code: "ESIM_NOT_CANCELLABLE" })
    const alreadyCancelled = new EsimflyRefusedError({ message: "done", code: "ALREADY_CANCELLED" })
    expect(attemptFromError("A", notCancellable)).toEqual({ iccid: "A", kind: "not_cancellable" })
    expect(attemptFromError("A", alreadyCancelled)).toEqual({ iccid: "A", kind: "already_canceled" })
  })

  it("reads any other refusal, and a reused request, as a failure", () => {
    const refused = new EsimflyRefusedError({ message: "no", code: "PRICE_MISMATCH", requestId: "r-2" })
    const reused = new EsimflyInvalidRequestError({
      message: "Duplicate request",
      code: "DUPLICATE_REQUEST",
      status: 409,
    })
    expect(attemptFromError("A", refused)).toMatchObject({ kind: "failed", code: "PRICE_MISMATCH", requestId: "r-2" })
    expect(attemptFromError("A", reused)).toMatchObject({ kind: "failed", code: "DUPLICATE_REQUEST" })
  })

  it("tells an unknown outcome from a failure, and keeps the request id", () => {
    const unknown = EsimflyOutcomeUnknownError.cancel({ iccid: "A", requestId: "r-1", causeKind: "timeout" })
    expect(attemptFromError("A", unknown)).toMatchObject({
      kind: "unknown",
      code: "CANCEL_OUTCOME_UNKNOWN",
      requestId: "r-1",
    })
    const limited = new EsimflyRateLimitError({ message: "slow down", retryAfterMs: 1000 })
    expect(attemptFromError("A", limited)).toMatchObject({ kind: "failed", code: "RATE_LIMIT_EXCEEDED" })
    expect(attemptFromError("A", new Error("boom"))).toMatchObject({
      kind: "failed",
      code: "UNEXPECTED_ERROR",
      message: "unexpected error: boom",
    })
  })
})

describe("summarizeCancel", () => {
  it("records the canceled ICCIDs and the refund, in words and as data", () => {
    const summary = summarizeCancel([{ iccid: "A", kind: "canceled", result: result(["A", "B"]) }], NOW)
    expect(summary.outcome).toBe("canceled")
    expect(summary.event).toMatchObject({
      at: NOW.toISOString(),
      type: "canceled",
      message: "canceled at esimfly: 2 eSIMs (A, B), refunded 5.44 USD (balance 100 USD)",
      iccids: ["A", "B"],
      refunded: 5.44,
      currency: "USD",
    })
    expect(summary.profileStatuses).toEqual({ A: "canceled", B: "canceled" })
  })

  it("says 'not cancellable: installed' and marks the eSIM installed", () => {
    const summary = summarizeCancel([{ iccid: "A", kind: "not_cancellable" }], NOW)
    expect(summary.outcome).toBe("not_cancellable")
    expect(summary.event).toMatchObject({
      type: "cancel_refused",
      code: "ESIM_NOT_CANCELLABLE",
      message: "not cancellable: installed (A)",
    })
    expect(summary.profileStatuses).toEqual({ A: "installed" })
  })

  it("reports an installed eSIM beside the batch's others that were canceled", () => {
    const attempts = [
      { iccid: "A", kind: "not_cancellable" as const },
      { iccid: "B", kind: "canceled" as const, result: result(["B", "C"], 2.72) },
    ]
    const summary = summarizeCancel(attempts, NOW)
    expect(summary.outcome).toBe("canceled")
    expect(summary.event.message).toBe(
      "canceled at esimfly: 2 eSIMs (B, C), refunded 2.72 USD (balance 100 USD); not cancellable: installed (A)"
    )
    expect(summary.profileStatuses).toEqual({ A: "installed", B: "canceled", C: "canceled" })
  })

  it("keeps a failure visible with its code, and an unknown outcome apart", () => {
    const failed = summarizeCancel(
      [{ iccid: "A", kind: "failed", code: "RATE_LIMIT_EXCEEDED", message: "slow down" }],
      NOW
    )
    expect(failed.event).toMatchObject({
      type: "cancel_failed",
      code: "RATE_LIMIT_EXCEEDED",
      message: "cancel failed (RATE_LIMIT_EXCEEDED): slow down",
    })
    const unknown = summarizeCancel(
      [{ iccid: "A", kind: "unknown", code: "CANCEL_OUTCOME_UNKNOWN", message: "lost", requestId: "r-1" }],
      NOW
    )
    expect(unknown.event).toMatchObject({ type: "cancel_unknown", request_id: "r-1" })
    expect(unknown.profileStatuses).toEqual({})
  })

  it("records an earlier cancel and a refund esimfly did not report", () => {
    expect(summarizeCancel([{ iccid: "A", kind: "already_canceled" }], NOW).event).toMatchObject({
      type: "already_canceled",
      message: "already canceled at esimfly (A)",
    })
    const quiet = { orderReference: null, cancelled: [], refunded: null, currency: null, newBalance: null }
    expect(summarizeCancel([{ iccid: "A", kind: "canceled", result: quiet }], NOW).event.message).toBe(
      "canceled at esimfly: 1 eSIM (A), refunded an amount esimfly did not report"
    )
  })
})

describe("cancel bookkeeping", () => {
  it("asks esimfly only about eSIMs not canceled and not known installed", () => {
    const esims = [
      { iccid: "A", status: "new" },
      { iccid: "B", status: "canceled" },
      null,
      { iccid: "C", status: "Installed" },
      { iccid: "D", status: "active" },
    ]
    expect(cancelCandidates(esims)).toEqual(["A", "D"])
  })

  it("knows when a cancel already settled an eSIM order", () => {
    expect(hasSettledCancel({ status: "failed", error_code: CANCELED_BY_MERCHANT, history: null })).toBe(true)
    expect(hasSettledCancel({ status: "completed", history: { events: [{ at: "", type: "cancel_refused" }] } })).toBe(
      true
    )
    expect(hasSettledCancel({ status: "completed", history: { events: [{ at: "", type: "cancel_failed" }] } })).toBe(
      false
    )
    expect(hasSettledCancel({ status: "completed", history: {} })).toBe(false)
  })

  it("explains why an unsettled purchase is not canceled now", () => {
    expect(skipReason("pending_details")).toContain("still provisioning")
    expect(skipReason("needs_attention")).toContain("outcome is unknown")
    expect(skipReason("completed")).toBeNull()
  })
})
